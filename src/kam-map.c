/*
 * kam-map: draws a client's influence structure (rank, buying roles,
 * stances, informal links) with Graphviz, as DOT or rendered in-process
 * to SVG, PNG or PDF.  A command without verbs; see kam-map(1).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/cli.h"
#include "kam/gate.h"
#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

#define DEFAULT_DEPTH 2

/* --links KIND[,KIND...]: a bit per kind, or a message. */
static int
parse_links(const char *arg, void *dst)
{
	unsigned *kinds = dst;
	const char *p = arg, *end;
	char word[32];
	size_t n;

	*kinds = 0;
	for (;;) {
		end = strchr(p, ',');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		if (map_link_kind_bit(word) == 0)
			return kam_err(
			    KAM_DATA,
			    _("unknown link kind '%s' in --links (use "
			      "influences, advises, allies or rivals, "
			      "separated by commas)"),
			    word);
		*kinds |= map_link_kind_bit(word);
		if (end == NULL)
			return KAM_OK;
		p = end + 1;
	}
}

/*
 * The focus is a person of the map's account; a bare handle means one
 * (cli_person).  The account is named as the subject names it.
 */
static int
focus_person(struct kam_ctx *ctx, const char *subject, const char *ref,
             struct map_query *q)
{
	char *acct;
	const char *slash;
	int rc;

	if ((rc = cli_person(ctx, ref, &q->focus)) != KAM_OK ||
	    store_graph_person_account(ctx->st, q->focus) == q->account)
		return rc;
	if ((slash = strchr(subject, '/')) != NULL)
		acct = xstrndup(subject, (size_t)(slash - subject));
	else
		acct = xstrdup(q->deal != 0 ? ctx->account : subject);
	rc = kam_err(KAM_DATA, _("person '%s' is not in account '%s'"), ref,
	             acct);
	free(acct);
	return rc;
}

/* What the options ask for: the query and the style being built. */
struct map_opts {
	struct map_query q;
	struct map_style style;
	const char *format, *out, *focus, *toward, *view, *layout, *fit;
	const char *date, *size_by;
	long depth, min_strength;
	char today[KAM_DATE_LEN], stale_before[KAM_DATE_LEN];
};

/*
 * kam-map's options, in the order of the man page's OPTIONS; their values
 * are checked as their kinds say where they stand alone, else together
 * by map_check.
 */
#define MO(f) CLI_AT(struct map_opts, f)
static const struct cli_opt map_opts[] = {
    CLI_DRAW_OPTS(struct map_opts, out, format),
    {.name = "as-of", .kind = CLI_PAST, MO(style.as_of)},
    {.name = "context", .kind = CLI_SET, MO(style.context), .max = 1},
    {.name = "date", .kind = CLI_STR, MO(date)},
    {.name = "depth",
     .kind = CLI_INT,
     MO(depth),
     .max = 1000,
     .dflt = -1,
     .status = KAM_USAGE,
     .msg = N_("invalid depth '%s' (use a whole number from 0 to 1000)")},
    {.name = "focus", .kind = CLI_STR, MO(focus)},
    {.name = "fit", .kind = CLI_STR, MO(fit)},
    {.name = "font", .kind = CLI_STR, MO(style.font)},
    {.name = "layout", .kind = CLI_STR, MO(layout)},
    {.name = "links", .kind = CLI_CALL, MO(style.links), .parse = parse_links},
    CLI_LIMIT_OPT("max-links", MO(style.max_links), 1000000,
                  N_("invalid limit '%s' for --max-links (use a whole "
                     "number from 1 to 1000000, or all)")),
    {.name = "min-strength",
     .kind = CLI_INT,
     MO(min_strength),
     .min = 1,
     .max = 3,
     .dflt = 1,
     .msg = N_("invalid strength '%s' for --min-strength (use 1, 2 or 3)")},
    {.name = "hide-left", .kind = CLI_SET, MO(style.hide_left), .max = 1},
    {.name = "no-legend",
     .kind = CLI_SET,
     MO(style.legend),
     .max = 0,
     .dflt = 1},
    {.name = "rankdir", .kind = CLI_STR, MO(style.rankdir)},
    {.name = "since", .kind = CLI_DATE, MO(style.since)},
    {.name = "size-by", .kind = CLI_STR, MO(size_by)},
    {.name = "title", .kind = CLI_TEXT, MO(style.title)},
    {.name = "toward", .kind = CLI_STR, MO(toward)},
    {.name = "view", .kind = CLI_STR, MO(view)},
    {.name = NULL}};
#undef MO

/* The words of the options not given: their defaults. */
static void
map_defaults(struct map_opts *m)
{
	struct map_style *st = &m->style;

	st->as_of_given = st->as_of != NULL;
	st->min_strength = (int)m->min_strength;
	if (m->view == NULL)
		m->view = "all";
	if (m->layout == NULL)
		m->layout = "compact";
	if (m->date == NULL)
		m->date = "as-of";
	if (st->rankdir == NULL)
		st->rankdir = "TB";
}

/* The words of the options, and the days, each against the others. */
static int
map_check_words(struct map_opts *m)
{
	struct map_style *st = &m->style;

	if (m->size_by != NULL && strcmp(m->size_by, "influence") != 0 &&
	    strcmp(m->size_by, "none") != 0)
		return kam_err(KAM_USAGE,
		               _("unknown size '%s' for --size-by (use "
		                 "influence or none)"),
		               m->size_by);
	st->by_influence =
	    m->size_by != NULL && strcmp(m->size_by, "influence") == 0;
	if (map_view_parse(m->view) < 0)
		return kam_err(
		    KAM_USAGE,
		    _("unknown view '%s' (use org, buying, influence "
		      "or all)"),
		    m->view);
	st->view = (enum map_view)map_view_parse(m->view);
	if (map_layout_parse(m->layout) < 0)
		return kam_err(KAM_USAGE,
		               _("unknown layout '%s' (use compact or wide)"),
		               m->layout);
	st->layout = (enum map_layout)map_layout_parse(m->layout);
	if (strcmp(m->date, "as-of") != 0 && strcmp(m->date, "none") != 0)
		return kam_err(KAM_USAGE,
		               _("unknown date '%s' for --date (use as-of or "
		                 "none)"),
		               m->date);
	st->dated = strcmp(m->date, "as-of") == 0;
	if (st->context && st->view != MAP_BUYING)
		return kam_err(KAM_USAGE, _("--context needs --view buying"));
	if (m->fit != NULL && (st->fit = map_fit_find(m->fit)) == NULL)
		return kam_err(KAM_USAGE,
		               _("unknown fit '%s' (use 16:9, 4:3, a4, "
		                 "a4-landscape or letter)"),
		               m->fit);
	return KAM_OK;
}

static int
map_check(struct map_opts *m)
{
	struct map_style *st = &m->style;
	int rc;

	if ((rc = map_check_words(m)) != KAM_OK)
		return rc;
	if (m->format == NULL)
		m->format = m->out != NULL ? map_format_of(m->out) : "dot";
	if ((rc = map_format_check(m->format)) != KAM_OK)
		return rc;
	if (strcmp(st->rankdir, "TB") != 0 && strcmp(st->rankdir, "LR") != 0)
		return kam_err(KAM_USAGE,
		               _("unknown rankdir '%s' (use TB or LR)"),
		               st->rankdir);
	if (m->depth >= 0 && m->focus == NULL)
		return kam_err(KAM_USAGE, _("--depth needs --focus"));
	if (st->as_of == NULL) {
		kam_today(m->today);
		st->as_of = m->today;
	}
	if (st->since != NULL && strcmp(st->since, st->as_of) > 0)
		return kam_err(KAM_DATA,
		               _("--since '%s' is after the as-of date '%s'"),
		               st->since, st->as_of);
	if (st->font != NULL && (*st->font == '\0' || !utf8_valid(st->font)))
		return kam_err(KAM_DATA, _("invalid font name '%s'"), st->font);
	return text_check(NULL, "--font", st->font, TEXT_LINE);
}

/*
 * What the options name in the store: the subject (resolved by the
 * frame), the competitor, the focus, and the day before which a stance
 * is stale.  Then the query the map is loaded with.
 */
static int
map_resolve(struct kam_ctx *ctx, struct map_opts *m)
{
	struct map_query *q = &m->q;
	struct map_style *st = &m->style;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	q->account = ctx->subj.account;
	q->deal = ctx->subj.deal;
	if (st->view == MAP_BUYING && q->deal == 0)
		return kam_err(KAM_USAGE,
		               _("--view buying needs a deal: write "
		                 "ACCOUNT/DEAL, not '%s'"),
		               ctx->subj.arg);
	if (m->toward != NULL &&
	    (rc = store_competitor_id(ctx->st, m->toward, &q->toward)) !=
	        KAM_OK)
		return rc;
	if (m->focus != NULL &&
	    (rc = focus_person(ctx, ctx->subj.arg, m->focus, q)) != KAM_OK)
		return rc;
	/*
	 * Stances older than stale.days are drawn faded (kam-gate(1),
	 * SETTINGS), on a map of a day: one without a date (--date none,
	 * no --as-of) is the same whenever it is drawn.
	 */
	if (st->dated || st->as_of_given) {
		struct gate_params params;
		struct date_span span;

		if ((rc = gate_params_load(ctx->st, &params)) != KAM_OK)
			return rc;
		span.n = (long)params.stale_days;
		span.unit = 'd';
		date_span_before(st->as_of, &span, m->stale_before);
		st->stale_before = m->stale_before;
		st->stale_days = span.n;
	}
	q->depth = m->depth >= 0 ? (int)m->depth : DEFAULT_DEPTH;
	q->as_of = st->as_of;
	q->since = st->since;
	q->walk = map_walk(st->view);
	q->kinds = st->links;
	q->min_strength = st->min_strength;
	q->context = st->context;
	q->across = map_across(st->view, st->context);
	st->focus = q->focus;
	st->depth = q->depth;
	return KAM_OK;
}

static int
map_exec(struct kam_ctx *ctx, int argc, char **argv)
{
	struct map_opts m = *(struct map_opts *)ctx->opts;
	struct map_data d;
	Agraph_t *g;
	int rc;

	map_defaults(&m);
	if (ctx->fmt_given)
		return kam_err(KAM_USAGE, _("-F does not apply to maps (use -T "
		                            "dot, svg, png or pdf)"));
	if ((rc = map_check(&m)) != KAM_OK ||
	    (rc = map_resolve(ctx, &m)) != KAM_OK ||
	    (rc = map_ready()) != KAM_OK)
		return rc;
	if ((rc = map_load(ctx->st, &m.q, &d)) != KAM_OK ||
	    (m.style.by_influence &&
	     (rc = map_load_influence(ctx->st, &m.q, &d)) != KAM_OK)) {
		map_data_free(&d);
		return rc;
	}
	g = map_graph(&d, &m.style);
	rc = map_write(g, m.format, m.out, m.style.fit);
	map_close(g);
	map_data_free(&d);
	return rc;
}

static const struct kam_verb single = {
    "map",
    "[-a ACCOUNT] [-d DB] [-o FILE] [-T dot|svg|png|pdf] [--as-of DATE]\n"
    "               [--context] [--date as-of|none] [--depth N]\n"
    "               [--fit 16:9|4:3|a4|a4-landscape|letter]\n"
    "               [--focus PERSON] [--font NAME] [--hide-left]\n"
    "               [--layout compact|wide] [--links KIND[,KIND...]]\n"
    "               [--max-links N|all] [--min-strength N] [--no-legend]\n"
    "               [--rankdir TB|LR] [--since DATE]\n"
    "               [--size-by influence|none] [--title TEXT]\n"
    "               [--toward COMPETITOR] [--view org|buying|influence|all]\n"
    "               ACCOUNT|DEAL\n"
    "       kam-map -h | -V",
    "draw an account's influence structure",
    map_exec,
    1,
    1,
    CLI_SCOPE,
    CLI_READ | CLI_TEAM,
    CLI_OPTS(map_opts, struct map_opts),
};

static const struct kam_cmd cmd = {
    "kam-map",
    N_("diagrams of a client's influence structure"),
    NULL,
    &single,
};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
