/*
 * timeline: the picture of how stances moved (METHOD.md, section 1.3:
 * stances change over time, and a seller must know who moved, when):
 * one lane per person, time across, a span per stance in the maps'
 * palette, marks where an observation was corrected or retracted, and
 * a line at today.  The store fills the lanes and the rows of each
 * person (store_timeline_load, in store-graph.c); timeline.c cuts the spans
 * (a pure rule over the rows, stance_resolve); timeline-dot.c draws it
 * with the Graphviz stack of the maps (map_open, map_write).  May be
 * included by kam-stance and by those files.
 */
#ifndef KAM_TIMELINE_H
#define KAM_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include <cgraph.h>

#include "kam/kam.h"
#include "kam/stance.h"

struct store;

/* The days [from, to] on which one stance held (NULL: unknown). */
struct tl_span {
	char from[KAM_DATE_LEN], to[KAM_DATE_LEN];
	const char *stance;
};

/* A day on which an observation in force was later corrected or
 * retracted (that observation's effective day). */
enum { TL_CORRECTED = 1, TL_RETRACTED = 2 };
struct tl_mark {
	char day[KAM_DATE_LEN];
	int kinds; /* TL_CORRECTED | TL_RETRACTED */
};

struct tl_lane {
	int64_t person;
	char *ref, *name;
	const char *role;      /* a deal's: the person's first role, or NULL */
	const char *influence; /* and their highest influence */
	struct tl_span *spans;
	size_t nspans, spans_cap;
	struct tl_mark *marks;
	size_t nmarks, marks_cap;
};

struct timeline {
	char *account_name, *deal_name, *toward_name; /* NULL: none */
	int64_t deal, toward;                         /* 0: none */
	struct tl_lane *lanes;
	size_t nlanes;
	/* timeline_cap: the lanes there were, and of those left out, how
	 * many had no known stance in the window (the rest moved less). */
	size_t all_lanes, cut_unknown, cut_fewer;
	struct stance_row *rows; /* every row about the lanes' people */
	size_t nrows;
};

/*
 * Loads the people of an account (deal 0) or of a deal's buying group
 * and those observed about it, as kam-stance timeline reports on them,
 * with their roles in the deal and every observation row about them.
 * Returns a kam status.
 */
int store_timeline_load(struct store *, int64_t account, int64_t deal,
                        int64_t toward, struct timeline *);
void timeline_free(struct timeline *);

/*
 * Cuts each lane into spans over [from, to] (the stance in force each
 * day, as kam-stance timeline and show define it, toward tl->toward,
 * about tl->deal then general) and finds its marks; orders a deal's
 * lanes by influence (high first), then the method's order of roles,
 * then the people outside the group, each by handle.  Pure.
 */
void timeline_plan(struct timeline *, const char *from, const char *to);

/*
 * Keeps at most max lanes (0: all), so that a picture of many people
 * stays readable: first those with a known stance on some day drawn,
 * then in a deal's group the members, the higher influence first, then
 * those whose stance changed (or was corrected or retracted) more often,
 * then the lanes' order.  The lanes kept stay in their order.  Pure; call
 * after timeline_plan.
 */
#define TL_MAX_LANES 20 /* the default: a readable slide */
void timeline_cap(struct timeline *, size_t max);

struct timeline_style {
	const char *from, *to; /* the days drawn */
	const char *today;     /* a line is drawn at today if within */
	int quarter;           /* the axis in quarters, not months */
	const char *font;      /* NULL: MAP_DEFAULT_FONT */
	size_t max_lanes;      /* timeline_cap's limit; 0: every lane */
};

/*
 * The months between two ticks of the axis from..to: 1, 3, 6, 12, 24,
 * 60... the fewest whose labels fit (with quarter, 3 at least).
 */
int timeline_tick(const char *from, const char *to, int quarter);

/* The drawing; the caller closes it with map_close. */
Agraph_t *timeline_graph(const struct timeline *,
                         const struct timeline_style *);

#endif
