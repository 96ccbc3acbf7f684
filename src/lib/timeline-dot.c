/*
 * timeline-dot: draws the timeline picture (timeline.h) as one node
 * whose label is an HTML-like table, so that Graphviz lays it out and
 * renders it like a map, in-process: a row per lane, time across in
 * TL_WIDTH points, each span a cell of its stance's fill and symbol.
 * Marks and the line at today are narrow cells laid over the spans; a
 * lane is cut into cells point by point, so that every lane is exactly
 * as wide as the axis above it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/timeline.h"

#include "gv.h"

#define TL_WIDTH       720 /* points of time across */
#define TL_HEIGHT      22  /* points of a lane */
#define TL_MARK        14  /* points of a mark */
#define TL_TODAY       2   /* points of the line at today */
#define COLOR_TODAY    "#000000"
#define COLOR_LANE     "#A0A0A0"
#define MARK_CORRECTED "\xe2\x9c\x8e" /* U+270E lower right pencil */
#define MARK_RETRACTED "\xe2\x8a\x98" /* U+2298 circled division slash */

struct axis {
	long from, days; /* day numbers (date_days) */
};

/* The point where day number d (counted from the first day) begins. */
static int
x_at(const struct axis *ax, long d)
{
	if (d < 0)
		d = 0;
	if (d > ax->days)
		d = ax->days;
	return (int)((2 * d * TL_WIDTH + ax->days) / (2 * ax->days));
}

static int
x_of(const struct axis *ax, const char *day)
{
	return x_at(ax, date_days(day) - ax->from);
}

/* Where the day after day begins. */
static int
x_after(const struct axis *ax, const char *day)
{
	return x_at(ax, date_days(day) - ax->from + 1);
}

/* What covers each point of a lane: a span, a mark, today. */
enum { OWN_NONE, OWN_SPAN, OWN_MARK, OWN_TODAY };
struct owner {
	int kind;
	size_t i; /* the span or mark */
};

/* Lays [x, x + w) over own, within the lane, after what is there. */
static void
overlay(struct owner *own, int x, int w, int kind, size_t i)
{
	int k;

	if (x + w > TL_WIDTH)
		x = TL_WIDTH - w;
	if (x < 0)
		x = 0;
	for (k = x; k < x + w && k < TL_WIDTH; k++) {
		own[k].kind = kind;
		own[k].i = i;
	}
}

static void
mark_text(struct buf *b, int kinds)
{
	if (kinds & TL_CORRECTED)
		buf_puts(b, MARK_CORRECTED);
	if (kinds & TL_RETRACTED)
		buf_puts(b, MARK_RETRACTED);
}

/* The cells of one lane, run by run. */
static void
lane_cells(struct buf *b, const struct tl_lane *l, const struct axis *ax,
           const char *today)
{
	struct owner own[TL_WIDTH];
	unsigned char labelled[64] = {0};
	size_t i;
	int x, k, base[TL_WIDTH];

	memset(own, 0, sizeof own);
	for (i = 0; i < l->nspans; i++) {
		int x0 = x_of(ax, l->spans[i].from);
		int x1 = x_after(ax, l->spans[i].to);

		for (k = x0; k < x1 && k < TL_WIDTH; k++) {
			own[k].kind = OWN_SPAN;
			own[k].i = i;
		}
	}
	for (k = 0; k < TL_WIDTH; k++)
		base[k] = own[k].kind == OWN_SPAN ? (int)own[k].i : -1;
	for (i = 0; i < l->nmarks; i++)
		overlay(own, x_of(ax, l->marks[i].day), TL_MARK, OWN_MARK, i);
	if (today != NULL)
		overlay(own, x_of(ax, today), TL_TODAY, OWN_TODAY, 0);
	for (x = 0; x < TL_WIDTH; x = k) {
		const char *fill = "#FFFFFF", *stance = NULL;
		int sp = base[x];

		for (k = x + 1; k < TL_WIDTH && own[k].kind == own[x].kind &&
		                own[k].i == own[x].i && base[k] == base[x];
		     k++)
			;
		if (sp >= 0) {
			stance = l->spans[sp].stance;
			fill = map_stance_fill(stance);
		}
		if (own[x].kind == OWN_TODAY)
			fill = COLOR_TODAY;
		buf_printf(b,
		           "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" "
		           "BGCOLOR=\"%s\">",
		           k - x, TL_HEIGHT, fill);
		if (own[x].kind == OWN_MARK) {
			buf_puts(b, "<B>");
			mark_text(b, l->marks[own[x].i].kinds);
			buf_puts(b, "</B>");
		} else if (own[x].kind == OWN_SPAN && k - x >= 12 &&
		           (sp >= (int)(8 * sizeof labelled) ||
		            !(labelled[sp / 8] & (1 << (sp % 8))))) {
			/* The symbol once per span, where there is room. */
			buf_puts(b, map_stance_mark(stance));
			if (sp < (int)(8 * sizeof labelled))
				labelled[sp / 8] |=
				    (unsigned char)(1 << (sp % 8));
		}
		buf_puts(b, "</TD>");
	}
}

/*
 * The axis: a cell per tick, each labelled.  The ticks are a month, a
 * quarter, half a year, a year or several, the shortest whose label
 * fits its shortest cell at this span (with --by quarter, a quarter at
 * least), so that a timeline of any length is labelled; a tick starts on
 * a month that is a multiple of its length (January, April...; even
 * years...), and its label stands at its start: a tick that began before
 * --from is not labelled.
 */
static const struct {
	int months, min_days; /* the shortest such tick, in days */
} ticks[] = {
    {1, 28},       {3, 90},        {6, 181},        {12, 365},    {24, 730},
    {60, 1826},    {120, 3652},    {240, 7305},     {600, 18262}, {1200, 36524},
    {2400, 73048}, {6000, 182621}, {12000, 365242},
};

/* The points a tick's label needs, at 9 points. */
static int
tick_label_width(int months)
{
	return months == 3 ? 44 : months < 12 ? 40 : 30;
}

static void
tick_label(int idx, int months, char *out, size_t size)
{
	int y = idx / 12, m = idx % 12 + 1;

	if (months == 3)
		snprintf(out, size, "%04d-Q%d", y, (m - 1) / 3 + 1);
	else if (months < 12)
		snprintf(out, size, "%04d-%02d", y, m);
	else
		snprintf(out, size, "%04d", y);
}

/* The first day of month idx (y * 12 + m - 1), or NULL past 9999-12. */
static const char *
month_first(int idx, char *day)
{
	char tmp[32];

	if (idx >= 10000 * 12)
		return NULL;
	snprintf(tmp, sizeof tmp, "%04d-%02d-01", idx / 12, idx % 12 + 1);
	memcpy(day, tmp, KAM_DATE_LEN);
	day[KAM_DATE_LEN - 1] = '\0';
	return day;
}

int
timeline_tick(const char *from, const char *to, int quarter)
{
	long days = date_days(to) - date_days(from) + 1;
	size_t i, n = sizeof ticks / sizeof ticks[0];

	for (i = 0; i < n; i++) {
		if (quarter && ticks[i].months < 3)
			continue;
		/* A point to spare for the rounding of the cells. */
		if ((long)TL_WIDTH * ticks[i].min_days >=
		    (tick_label_width(ticks[i].months) + 1) * days)
			return ticks[i].months;
	}
	return ticks[n - 1].months;
}

static void
axis_cells(struct buf *b, const struct axis *ax,
           const struct timeline_style *st)
{
	char day[KAM_DATE_LEN], next[KAM_DATE_LEN], last[KAM_DATE_LEN];
	char label[16];
	int k = timeline_tick(st->from, st->to, st->quarter);
	int idx = atoi(st->from) * 12 + atoi(st->from + 5) - 1, x0, x1;

	for (idx -= idx % k;
	     month_first(idx, day) != NULL && strcmp(day, st->to) <= 0;
	     idx += k) {
		if (month_first(idx + k, next) != NULL)
			date_from_days(date_days(next) - 1, last);
		else
			memcpy(last, DATE_MAX, KAM_DATE_LEN);
		/* A tick that began before --from starts at the edge. */
		x0 = strcmp(day, st->from) < 0 ? 0 : x_of(ax, day);
		x1 = strcmp(last, st->to) >= 0 ? TL_WIDTH : x_after(ax, last);
		if (x1 <= x0)
			continue;
		buf_printf(b,
		           "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" "
		           "HEIGHT=\"16\" SIDES=\"L\" BORDER=\"1\" "
		           "COLOR=\"" COLOR_LANE "\" ALIGN=\"LEFT\">",
		           x1 - x0);
		if (strcmp(day, st->from) >= 0 &&
		    x1 - x0 >= tick_label_width(k)) {
			tick_label(idx, k, label, sizeof label);
			buf_printf(b, "<FONT POINT-SIZE=\"9\">%s</FONT>",
			           label);
		}
		buf_puts(b, "</TD>");
	}
}

static void
legend(struct buf *b, const struct timeline *tl, int today)
{
	const char *const *stances = vocab_stances;
	unsigned seen = 0;
	int marks = 0, i;
	size_t l, k;

	for (l = 0; l < tl->nlanes; l++) {
		for (k = 0; k < tl->lanes[l].nspans; k++) {
			const char *w = tl->lanes[l].spans[k].stance;

			for (i = 0;
			     i < 3 && (w == NULL || strcmp(w, stances[i]) != 0);
			     i++)
				;
			seen |= 1u << i;
		}
		for (k = 0; k < tl->lanes[l].nmarks; k++)
			marks |= tl->lanes[l].marks[k].kinds;
	}
	buf_puts(b, "<TR><TD></TD><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" "
	            "CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>");
	for (i = 0; i < 4; i++) {
		const char *w = i < 3 ? stances[i] : NULL;

		if (!(seen & (1u << i)))
			continue;
		buf_printf(b,
		           "<TD BGCOLOR=\"%s\"%s>%s</TD><TD "
		           "ALIGN=\"LEFT\">%s</TD>",
		           map_stance_fill(w), w == NULL ? " BORDER=\"1\"" : "",
		           map_stance_mark(w), vocab_label(w ? w : "unknown"));
	}
	if (marks & TL_CORRECTED)
		buf_printf(b,
		           "<TD><B>" MARK_CORRECTED "</B></TD><TD "
		           "ALIGN=\"LEFT\">%s</TD>",
		           _("corrected later"));
	if (marks & TL_RETRACTED)
		buf_printf(b,
		           "<TD><B>" MARK_RETRACTED "</B></TD><TD "
		           "ALIGN=\"LEFT\">%s</TD>",
		           _("retracted later"));
	if (today)
		buf_printf(b,
		           "<TD BGCOLOR=\"" COLOR_TODAY "\" FIXEDSIZE=\"TRUE\" "
		           "WIDTH=\"2\" HEIGHT=\"14\"></TD><TD "
		           "ALIGN=\"LEFT\">%s</TD>",
		           _("today"));
	buf_puts(b, "</TR></TABLE></TD></TR>");
}

/* The graph's label: the account and deal, the period, whom toward, and
 * who was left out. */
static void
title_label(struct buf *b, const struct timeline *tl,
            const struct timeline_style *st)
{
	buf_puts(b, "<FONT POINT-SIZE=\"20\"><B>");
	if (tl->account_name != NULL)
		map_html_escape(b, tl->account_name);
	if (tl->deal_name != NULL) {
		buf_puts(b, ": ");
		map_html_escape(b, tl->deal_name);
	}
	buf_puts(b, "</B></FONT><BR/>");
	buf_printf(b, _("stances over time, %s to %s"), st->from, st->to);
	if (tl->toward_name != NULL) {
		struct buf who = {0};

		map_html_escape(&who, tl->toward_name);
		buf_printf(b, _(", toward %s"), who.s);
		buf_free(&who);
	}
	if (tl->all_lanes > tl->nlanes) {
		/* What timeline_cap left out, and why. */
		buf_puts(b, "<BR/>");
		buf_printf(b, _("%zu of %zu people shown"), tl->nlanes,
		           tl->all_lanes);
		if (tl->cut_unknown > 0) {
			buf_puts(b, "; ");
			buf_printf(b, _("left out: %zu with no known stance"),
			           tl->cut_unknown);
		}
		if (tl->cut_fewer > 0) {
			/* In a deal, influence in the group comes before the
			 * number of changes. */
			buf_puts(b, tl->cut_unknown > 0 ? ", " : "; ");
			if (tl->cut_unknown == 0)
				buf_puts(b, _("left out: "));
			buf_printf(b,
			           tl->deal != 0
			               ? _("%zu of less influence or fewer "
			                   "changes")
			               : _("%zu whose stance changed least"),
			           tl->cut_fewer);
		}
	}
}

/* One lane's row: the person's name, role and influence (or reference),
 * and their stances along the axis AX. */
static void
lane_row(struct buf *b, const struct tl_lane *l, const struct axis *ax,
         const char *today)
{
	buf_puts(b, "<TR><TD ALIGN=\"RIGHT\" CELLPADDING=\"4\"><B>");
	map_html_escape(b, l->name);
	buf_puts(b, "</B><BR/><FONT POINT-SIZE=\"9\">");
	if (l->role != NULL)
		buf_printf(b, "%s%s%s", vocab_label(l->role),
		           l->influence ? _(", ") : "",
		           l->influence ? vocab_label(l->influence) : "");
	else
		map_html_escape(b, l->ref);
	buf_puts(b, "</FONT></TD><TD><TABLE BORDER=\"1\" COLOR=\"" COLOR_LANE
	            "\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
	            "CELLPADDING=\"0\"><TR>");
	lane_cells(b, l, ax, today);
	buf_puts(b, "</TR></TABLE></TD></TR>");
}

Agraph_t *
timeline_graph(const struct timeline *tl, const struct timeline_style *st)
{
	const char *font = st->font ? st->font : MAP_DEFAULT_FONT;
	const char *today = st->today;
	struct axis ax;
	struct buf b = {0};
	Agraph_t *g;
	size_t i;

	ax.from = date_days(st->from);
	ax.days = date_days(st->to) - ax.from + 1;
	if (today != NULL &&
	    (strcmp(today, st->from) < 0 || strcmp(today, st->to) > 0))
		today = NULL;
	g = map_open("timeline");
	agattr(g, AGRAPH, "fontname", (char *)font);
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "label", "");
	map_label_nodes(g, font, "12");

	title_label(&b, tl, st);
	buf_add(&b, "", 1);
	map_set_html(g, "label", b.s);

	b.len = 0;
	buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
	             "CELLPADDING=\"0\"><TR><TD></TD><TD><TABLE BORDER=\"0\" "
	             "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
	             "<TR>");
	axis_cells(&b, &ax, st);
	buf_puts(&b, "</TR></TABLE></TD></TR>");
	for (i = 0; i < tl->nlanes; i++) {
		lane_row(&b, &tl->lanes[i], &ax, today);
	}
	legend(&b, tl, today != NULL);
	buf_puts(&b, "</TABLE>");
	buf_add(&b, "", 1);
	map_set_html(agnode(g, "timeline", 1), "label", b.s);
	buf_free(&b);
	return g;
}
