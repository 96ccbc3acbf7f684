/*
 * graph: the picture of a client's influence structure, all three
 * dimensions of the method at once (METHOD.md, section 1): rank and
 * reporting lines, the buying group, and each person's stance.  The
 * store fills plain structs (store_graph_load, in store-graph.c);
 * graph.c holds the rules over them (a stable order, the neighbourhood of
 * a person), map-dot.c turns them into a cgraph graph, and map-render.c
 * writes it as DOT or renders it with gvc.  May be included by kam-map,
 * and by kam-stance and kam-gate for the drawing formats, by those
 * files, by the other drawings (timeline-dot.c, portfolio-out.c) and by
 * the use cases that load a map (map-load.c, org-influence.c).
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

/* How an organisation chart places a manager's reports. */
enum map_layout { MAP_COMPACT, MAP_WIDE };
/* Parses compact|wide; returns -1 if unknown. */
int map_layout_parse(const char *);

struct map_person {
	int64_t id;
	int64_t account_id; /* the account the person belongs to */
	size_t acct;        /* its index in map_data.accounts (0: the map's) */
	char *handle, *name, *title, *dept;
	long level;         /* 1 is the top; 0: not known */
	int placeholder;    /* known to exist, not yet named */
	char *left_on;      /* the day they left, if by the as-of date */
	const char *stance; /* on the as-of date; NULL: unknown */
	char since[11];     /* the day the stance took effect; "": none */
	char *stance_deal;  /* the deal whose stance stands in, if any */
	char *prefers;      /* the competitors supported, ", " between */
	const char *was;    /* on the since date, with a since date */
	double influence;   /* with --size-by influence (map_load_influence) */
};

struct map_line {
	int64_t person, manager;
	int dotted;
};

struct map_link {
	int64_t from, to;
	const char *kind; /* influences|advises|allies|rivals */
	int strength;     /* 1-3 */
	int mutual;       /* map_links_pick: drawn with a head at each end */
	int hidden;       /* map_links_pick: not drawn */
};

struct map_role {
	int64_t person;
	char *deal;            /* the deal's handle */
	const char *role;      /* a word of vocab_roles */
	const char *influence; /* high|medium|low */
	int lead;
};

/* An account whose people a map holds. */
struct map_account {
	int64_t id;
	char *handle, *name;
};

/*
 * Everything one map draws; the people sorted by handle (then by
 * account).  accounts lists the accounts of the people loaded: the map's
 * own first, then the others of its group by handle; a map whose drawn
 * people belong to more than one draws each account as a cluster.
 */
struct map_data {
	char *account, *account_name;
	struct map_account *accounts;
	size_t naccounts;
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
struct map_ids;
struct map_query {
	int64_t account, deal, toward, focus; /* 0: none */
	int depth;
	const char *as_of, *since; /* since may be NULL */
	unsigned walk;             /* with a focus: map_walk of the view */
	unsigned kinds;   /* the links walked (map_link_kind_bit); 0: all */
	int min_strength; /* the weakest link walked */
	int context;      /* buying: also the people linked to a member */
	unsigned across;  /* map_across: without near, the edges followed
	                   * to the people of other accounts */
	/* The people to load, sorted (map_load fills it from focus and
	 * depth); NULL: the whole account. */
	const struct map_ids *near;
};

/*
 * The edges a focus walks (--focus, --depth): those its view draws.
 * Reporting lines (solid and dotted) for org; informal links for
 * influence; both for all; for buying, the members who share a role and
 * the links between members.
 */
#define MAP_WALK_LINES 1u
#define MAP_WALK_LINKS 2u
#define MAP_WALK_GROUP 4u
unsigned map_walk(enum map_view);
/*
 * The edges by which a map of a whole account takes in people of other
 * accounts of its group (map_query.across): those its view draws;
 * MAP_WALK_GROUP here means a role in the deal (or a deal of the
 * account).  Reporting lines for org; links for influence; roles, and
 * with context links, for buying; all three for all.
 */
unsigned map_across(enum map_view, int context);

/*
 * The use case of a map (map-load.c): with a focus, walks its
 * neighbourhood (map_neighbourhood, one ring at a time through
 * store_graph_next), then loads it (store_graph_load); in one read
 * transaction.  Returns a kam status.
 */
int map_load(struct store *, const struct map_query *, struct map_data *);
/*
 * Loads the people of the account (only q->near, when set) and, without
 * q->near, the people of other accounts one step from them across the
 * group (their managers and reports, the ends of their links, and the
 * holders of a role in the deal, or in a deal of the account), the
 * reporting lines valid on as_of, the links and roles of those people
 * (with q->near, also some to or of people outside it: map_data_index
 * drops them), and their stances (store_stance_get) on as_of and since.
 * The rows come in no particular order.  Returns a kam status.
 */
int store_graph_load(struct store *, const struct map_query *,
                     struct map_data *);
/*
 * Appends to out the people one step from id along edges (MAP_WALK_*;
 * 0: the context, the people linked to a member of q->deal), with
 * q's link kinds, strength and as_of.
 */
int store_graph_next(struct store *, const struct map_query *, unsigned edges,
                     int64_t id, struct map_ids *out);
/*
 * Sets each person's influence (kam-org influence, org-influence.c) on
 * q->as_of: the scores of the whole account's network, whatever part of
 * it the map draws.
 */
int map_load_influence(struct store *, const struct map_query *,
                       struct map_data *);
void map_data_free(struct map_data *);
/* The account a person belongs to (0 if no such person). */
int64_t store_graph_person_account(struct store *, int64_t person);

/*
 * Sorts the people by handle and indexes them by id, keeps only the
 * lines, links and roles among them, in an order of handles; map_load
 * does it after store_graph_load, a caller filling map_data by hand
 * calls it before map_graph.
 */
void map_data_index(struct map_data *);
/* The person with this id, or NULL. */
struct map_person *map_find(const struct map_data *, int64_t id);
/*
 * Sets each person's acct from its account_id: the map's own account
 * (d->accounts[0]) first, the others by handle.  map_load calls it
 * after store_graph_load, before map_data_index.
 */
void map_data_accounts(struct map_data *);

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

/*
 * The compact organisation chart (map_org_plan): the stacks of leaf
 * reports hung under their managers.  Indices are into map_data.people.
 */
#define MAP_STACK_MIN   2  /* leaves a manager needs to stack them */
#define MAP_STACK_SIDES 4  /* leaves from which both sides are used */
#define MAP_STACK_ROWS  10 /* rows of a stack, at most */
struct map_stack {
	size_t manager;
	size_t *leaves; /* row by row; with two sides, left then right */
	size_t n;
	int sides;        /* 1: a column right of the line; 2: both sides */
	size_t first_row; /* the manager's rows before this stack's */
};
struct map_org {
	struct map_stack *stacks; /* in the order of managers' handles */
	size_t nstacks;
	unsigned char *stacked; /* by person: hung in a stack */
};
/* drawn[i] says whether people[i] is drawn. */
void map_org_plan(const struct map_data *, const int *drawn, struct map_org *);
void map_org_free(struct map_org *);

/*
 * Which links a map draws (map_links_pick): those of the kinds asked for
 * (a bit per word of vocab_link_kinds, map_link_kind_bit; 0: every kind)
 * of at least min_strength, between people drawn; a pair of one kind,
 * each way, as one link with two heads; and of those at most max_links
 * (0: no limit), the strongest by the order documented in kam-map(1):
 * strength, mutual before one-way, the higher then the lower buying
 * influence of the two people, kind, then the handles.
 */
#define MAP_LINKS_PER_PERSON 3 /* the default limit, per person drawn */
/* In the all view, whose links are drawn over the chart. */
#define MAP_LINKS_PER_PERSON_ALL 1
struct map_link_filter {
	unsigned kinds;
	int min_strength;
	size_t max_links;
	int need_member; /* only links with an end drawn MAP_DRAWN */
};
struct map_link_count {
	size_t
	    total; /* links of the kinds and strength, between people drawn */
	size_t shown; /* of those, drawn (a mutual edge counts two) */
	size_t edges; /* edges drawn */
	size_t limit; /* the max_links applied */
	unsigned by;  /* when links were left out, the MAP_BY_* keys that
	               * chose them: each key of the order up to the one that
	               * told the last link drawn from the first left out, but
	               * not a key on which every link was equal */
};
#define MAP_BY_STRENGTH  1u
#define MAP_BY_MUTUAL    2u
#define MAP_BY_INFLUENCE 4u
#define MAP_BY_KIND      8u
#define MAP_BY_HANDLE    16u
unsigned map_link_kind_bit(const char *kind); /* 0 if unknown */
/* Sets mutual and hidden on every link; drawn[i]: people[i] is drawn. */
void map_links_pick(struct map_data *, const int *drawn,
                    const struct map_link_filter *, struct map_link_count *);

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
	enum map_layout layout;
	const struct map_fit *fit; /* NULL: the layout's own size */
	int dated;        /* 0 (--date none): as_of only if as_of_given */
	int as_of_given;  /* --as-of was given */
	unsigned links;   /* kinds drawn (map_link_kind_bit); 0: all */
	int min_strength; /* 1: every link */
	long max_links;   /* -1: MAP_LINKS_PER_PERSON per person drawn */
	int context;      /* buying view: the people linked to the group */
	int by_influence; /* --size-by influence: sizes follow influence */
	/* A stance that took effect before this day is stale (stale.days
	 * before as_of) and drawn faded; NULL: none is. */
	const char *stale_before;
	long stale_days;
};

#define MAP_DEFAULT_FONT "Noto Sans CJK SC"

/*
 * Who a view draws: everyone (the people who have left too, unless
 * hide_left); in the buying view the members, and with context the
 * people linked to a member by a link that is drawn, faded.  Picks the
 * links drawn (map_links_pick, with the style's filter and a limit of
 * max_links, or MAP_LINKS_PER_PERSON per person drawn, in the all view
 * MAP_LINKS_PER_PERSON_ALL); n receives the counts.  drawn has npeople
 * elements.
 */
enum { MAP_HIDDEN, MAP_DRAWN, MAP_FADED };
void map_people_drawn(struct map_data *, const struct map_style *, int *drawn,
                      struct map_link_count *n);

/*
 * The buying view's order: the members drawn, the decision-makers
 * first, then by account (the map's own first, map_data_accounts), by
 * the box they are drawn in (the decision if they hold it, else a role they
 * lead, else their first role, in the order of vocab_roles), then the lead of
 * the role, the higher influence, and the handle.
 */
struct map_buying {
	size_t *members;   /* indices into people */
	const char **role; /* the box of each */
	size_t n;
};
void map_buying_plan(const struct map_data *, const int *drawn,
                     struct map_buying *);
void map_buying_free(struct map_buying *);

/*
 * A page or slide the drawing is fitted to (--fit): its size in inches,
 * the margin kept free on every side, and the resolution of a PNG.
 */
struct map_fit {
	const char *name;
	double width, height, margin;
	int dpi;
};
/* The fit called name (16:9, 4:3, a4, a4-landscape, letter), or NULL. */
const struct map_fit *map_fit_find(const char *name);

/* Builds the graph; the caller closes it with map_close. */
Agraph_t *map_graph(struct map_data *, const struct map_style *);

/*
 * The record (agbindrec) of an edge drawn over a laid-out chart: the
 * informal links of the all view.  map_write lays the graph out without
 * them, then routes them between the people where they stand, so that
 * they never bend the chart.  A record is not written in the DOT.
 */
#define MAP_OVERLAY "kam_overlay"

/* The fill and the symbol of a stance (NULL: unknown), on every drawing. */
const char *map_stance_fill(const char *stance);
const char *map_stance_mark(const char *stance);

/*
 * Whether the drawings can be made: Graphviz is loaded when first needed
 * (src/lib/gv.h), and a command that draws asks this before it makes a
 * graph.  KAM_OK, or KAM_RENDER with a message saying why not.
 */
int map_ready(void);
/*
 * A directed graph named name whose DOT lists subgraphs, nodes and edges
 * in the order they were made; its memory is an arena freed whole by
 * map_close.  One such graph exists at a time.  Graphviz is loaded if
 * need be (map_ready).
 */
Agraph_t *map_open(const char *name);
void map_close(Agraph_t *);
/* Sets attribute attr of obj (a graph, node or edge, the attribute
 * declared) to the HTML label html. */
void map_set_html(void *obj, const char *attr, const char *html);
/*
 * Nodes of g drawn as their HTML labels alone (plaintext, no margin),
 * in font at fontsize points, each named by its label by default.
 */
void map_label_nodes(Agraph_t *, const char *font, const char *fontsize);

/*
 * Writes g as dot (agwrite), or lays it out and renders svg, png or pdf
 * in-process; with a fit, the drawing is centred on exactly that page
 * (and a PNG has the fit's resolution).  path NULL means stdout;
 * otherwise a temporary file in the same folder is renamed over path on
 * success only.  Returns a kam status, having reported any error.
 */
int map_write(Agraph_t *g, const char *format, const char *file,
              const struct map_fit *fit);

/*
 * The drawing formats, the same wherever kam draws (kam-map, kam-stance
 * timeline): dot|svg|png|pdf.  map_format_valid returns 0 if unknown;
 * map_format_check reports an unknown one (KAM_USAGE); map_format_of is
 * the format a file's extension names (.svg, .png, .pdf in any case),
 * else dot.
 */
int map_format_valid(const char *);
int map_format_check(const char *);
const char *map_format_of(const char *file);

/* HTML-like label text for s: & < > " ' as entities, a backslash doubled,
 * newlines as <BR/>, other control characters as spaces; a text wider
 * than MAP_TEXT_COLS columns cut to them, ending in "…" (a name of
 * thousands of characters would make a picture no slide can hold). */
#define MAP_TEXT_COLS 100
void map_html_escape(struct buf *, const char *s);

#endif
