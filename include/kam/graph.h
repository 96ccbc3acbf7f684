/*
 * graph: the picture of a client's influence structure, all three
 * dimensions of the method at once (METHOD.md, section 1): rank and
 * reporting lines, the buying group, and each person's stance.  The
 * store fills plain structs (graph_load, in store-graph.c); graph.c holds
 * the rules over them (a stable order, the neighbourhood of a person),
 * map-dot.c turns them into a cgraph graph, and map-render.c writes it as
 * DOT or renders it with gvc.
 * Used by kam-map.
 */
#ifndef KAM_GRAPH_H
#define KAM_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include <cgraph.h>

struct buf;
struct store;

enum map_view { MAP_ALL, MAP_ORG, MAP_BUYING, MAP_INFLUENCE };

/* Parses org|buying|influence|all; returns -1 if unknown. */
int map_view_parse(const char *);

struct map_person {
	int64_t id;
	char *handle, *name, *title, *dept;
	long level;         /* 1 is the top; 0: not known */
	int placeholder;    /* known to exist, not yet named */
	char *left_on;      /* the day they left, if by the as-of date */
	const char *stance; /* on the as-of date; NULL: unknown */
	const char *was;    /* on the since date, with a since date */
};

struct map_line {
	int64_t person, manager;
	int dotted;
};

struct map_link {
	int64_t from, to;
	const char *kind; /* influences|advises|allies|rivals */
	int strength;     /* 1-3 */
};

struct map_role {
	int64_t person;
	char *deal;            /* the deal's handle */
	const char *role;      /* a word of vocab_roles */
	const char *influence; /* high|medium|low */
	int lead;
};

/* Everything one map draws; the people sorted by handle. */
struct map_data {
	char *account, *account_name;
	char *deal, *deal_name;     /* NULL for an account map */
	char *toward, *toward_name; /* the competitor, or NULL: us */
	struct map_person *people;
	size_t npeople;
	struct map_line *lines;
	size_t nlines;
	struct map_link *links;
	size_t nlinks;
	struct map_role *roles;
	size_t nroles;
	struct map_person **by_id; /* map_data_index */
};

/* What to load: ids resolved by the caller; dates YYYY-MM-DD. */
struct map_query {
	int64_t account, deal, toward, focus; /* 0: none */
	int depth;
	const char *as_of, *since; /* since may be NULL */
};

/*
 * Loads the people of the account (with --focus, only those within depth
 * steps of the focus person along reporting lines and links), the
 * reporting lines valid on as_of, the links and roles among them, and
 * their stances (stance_get) on as_of and since.  Returns a kam status.
 */
int graph_load(struct store *, const struct map_query *, struct map_data *);
void map_data_free(struct map_data *);
/* Whether an account has this handle (no message when not). */
int graph_is_account(struct store *, const char *handle);
/* The account a person belongs to (0 if no such person). */
int64_t graph_person_account(struct store *, int64_t person);

/*
 * Sorts the people by handle and indexes them by id; graph_load does it,
 * a caller filling map_data by hand calls it before map_graph.
 */
void map_data_index(struct map_data *);
/* The person with this id, or NULL. */
struct map_person *map_find(const struct map_data *, int64_t id);

/*
 * The neighbourhood of focus: every id within depth steps, through the
 * edges next() appends (both directions, as the caller sees fit).  The
 * result is sorted and unique; *n its length.
 */
struct map_ids {
	int64_t *v;
	size_t n, cap;
};
void map_ids_add(struct map_ids *, int64_t);
int map_ids_has(const struct map_ids *, int64_t); /* sorted only */
void map_ids_sort(struct map_ids *);
int map_neighbourhood(int64_t focus, int depth,
                      int (*next)(void *, int64_t, struct map_ids *), void *arg,
                      struct map_ids *out);

struct map_style {
	enum map_view view;
	const char *as_of, *since; /* since may be NULL */
	const char *rankdir;       /* TB or LR */
	const char *title;         /* NULL: the account (and deal) name */
	const char *font;
	int legend;
	int hide_left; /* omit people who have left */
	int64_t focus; /* 0: none; else drawn highlighted */
	int depth;     /* with a focus: the steps drawn around it */
};

#define MAP_DEFAULT_FONT "Noto Sans CJK SC"

/* Builds the graph; the caller closes it with map_close. */
Agraph_t *map_graph(const struct map_data *, const struct map_style *);

/*
 * A directed graph named name whose DOT lists subgraphs, nodes and edges
 * in the order they were made; its memory is an arena freed whole by
 * map_close.  One such graph exists at a time.
 */
Agraph_t *map_open(const char *name);
void map_close(Agraph_t *);

/*
 * Writes g as dot (agwrite), or lays it out and renders svg, png or pdf
 * in-process.  path NULL means stdout; otherwise a temporary file in the
 * same folder is renamed over path on success only.  Returns a kam
 * status, having reported any error.
 */
int map_write(Agraph_t *g, const char *format, const char *file);

/* Parses dot|svg|png|pdf; returns 0 if unknown. */
int map_format_valid(const char *);

/* HTML-like label text for s: & < > " ' as entities, a backslash doubled,
 * newlines as <BR/>, other control characters as spaces. */
void map_html_escape(struct buf *, const char *s);

#endif
