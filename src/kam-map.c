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

static const struct option longopts[] = {
    {"as-of", required_argument, NULL, OPT_AS_OF},
    {"context", no_argument, NULL, OPT_CONTEXT},
    {"date", required_argument, NULL, OPT_DATE},
    {"depth", required_argument, NULL, OPT_DEPTH},
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"fit", required_argument, NULL, OPT_FIT},
    {"font", required_argument, NULL, OPT_FONT},
    {"hide-left", no_argument, NULL, OPT_HIDE_LEFT},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"links", required_argument, NULL, OPT_LINKS},
    {"max-links", required_argument, NULL, OPT_MAX_LINKS},
    {"min-strength", required_argument, NULL, OPT_MIN_STRENGTH},
    {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
    {"rankdir", required_argument, NULL, OPT_RANKDIR},
    {"since", required_argument, NULL, OPT_SINCE},
    {"size-by", required_argument, NULL, OPT_SIZE_BY},
    {"title", required_argument, NULL, OPT_TITLE},
    {"toward", required_argument, NULL, OPT_TOWARD},
    {"view", required_argument, NULL, OPT_VIEW},
    {NULL, 0, NULL, 0},
};

/* --links KIND[,KIND...]: a bit per kind, or a message. */
static int
parse_links(const char *arg, unsigned *kinds)
{
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
			    KAM_USAGE,
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
	const char *date;
	long depth;
	int format_given;
	char today[KAM_DATE_LEN], stale_before[KAM_DATE_LEN];
};

/* A whole number from lo to hi for an option, or its message. */
static int
number_opt(const char *fmt, const char *arg, long lo, long hi, long *n)
{
	if (!parse_int(arg, lo, hi, n))
		return kam_err(KAM_USAGE, fmt, arg);
	return KAM_OK;
}

/*
 * One option into m: KAM_OK, a fault reported, or -1 for one that is
 * not kam-map's.  A case an option, in the order of the man page's
 * OPTIONS; their values are checked as they come where they stand
 * alone, else together by map_check.
 * Long: one switch with a short case an option, read side by side with
 * the man page; split, the options would no longer be in one place.
 */
static int
map_option(struct map_opts *m, int c)
{
	struct map_style *st = &m->style;
	long n;
	int rc = KAM_OK;

	switch (c) {
	case 'o':
		m->out = optarg;
		break;
	case 'T':
		m->format = optarg;
		m->format_given = 1;
		break;
	case OPT_AS_OF:
		st->as_of = optarg;
		st->as_of_given = 1;
		break;
	case OPT_CONTEXT:
		st->context = 1;
		break;
	case OPT_DATE:
		m->date = optarg;
		break;
	case OPT_DEPTH:
		rc = number_opt(_("invalid depth '%s' (use a whole number "
		                  "from 0 to 1000)"),
		                optarg, 0, 1000, &m->depth);
		break;
	case OPT_FOCUS:
		m->focus = optarg;
		break;
	case OPT_FIT:
		m->fit = optarg;
		break;
	case OPT_FONT:
		st->font = optarg;
		break;
	case OPT_LAYOUT:
		m->layout = optarg;
		break;
	case OPT_LINKS:
		rc = parse_links(optarg, &st->links);
		break;
	case OPT_MAX_LINKS:
		st->max_links = 0;
		if (strcmp(optarg, "all") != 0 &&
		    (rc = number_opt(_("invalid limit '%s' for --max-links "
		                       "(use a whole number from 1 to "
		                       "1000000, or all)"),
		                     optarg, 1, 1000000, &n)) == KAM_OK)
			st->max_links = n;
		break;
	case OPT_MIN_STRENGTH:
		if ((rc = number_opt(_("invalid strength '%s' for "
		                       "--min-strength (use 1, 2 or 3)"),
		                     optarg, 1, 3, &n)) == KAM_OK)
			st->min_strength = (int)n;
		break;
	case OPT_HIDE_LEFT:
		st->hide_left = 1;
		break;
	case OPT_NO_LEGEND:
		st->legend = 0;
		break;
	case OPT_RANKDIR:
		st->rankdir = optarg;
		break;
	case OPT_SINCE:
		st->since = optarg;
		break;
	case OPT_SIZE_BY:
		if (strcmp(optarg, "influence") != 0 &&
		    strcmp(optarg, "none") != 0)
			return kam_err(KAM_USAGE,
			               _("unknown size '%s' for --size-by (use "
			                 "influence or none)"),
			               optarg);
		st->by_influence = strcmp(optarg, "influence") == 0;
		break;
	case OPT_TITLE:
		st->title = optarg;
		break;
	case OPT_TOWARD:
		m->toward = optarg;
		break;
	case OPT_VIEW:
		m->view = optarg;
		break;
	default:
		return -1;
	}
	return rc;
}

/* The words of the options, and the days, each against the others. */
static int
map_check_words(struct map_opts *m)
{
	struct map_style *st = &m->style;

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
	if (!m->format_given && m->out != NULL)
		m->format = map_format_of(m->out);
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
	} else if ((rc = date_check_past(NULL, "--as-of", st->as_of)) != KAM_OK)
		return rc;
	if (st->since != NULL) {
		if ((rc = date_check(NULL, "--since", st->since)) != KAM_OK)
			return rc;
		if (strcmp(st->since, st->as_of) > 0)
			return kam_err(KAM_DATA,
			               _("--since '%s' is after the as-of date "
			                 "'%s'"),
			               st->since, st->as_of);
	}
	if ((rc = text_check(NULL, "--title", st->title, TEXT_LINE)) != KAM_OK)
		return rc;
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
	struct map_opts m;
	struct map_data d;
	Agraph_t *g;
	int c, rc;

	memset(&m, 0, sizeof m);
	m.format = "dot";
	m.view = "all";
	m.layout = "compact";
	m.date = "as-of";
	m.depth = -1;
	m.style.legend = 1;
	m.style.rankdir = "TB";
	m.style.min_strength = 1;
	m.style.max_links = -1;
	while ((c = cli_getopt(ctx, argc, argv, "o:T:", longopts)) != -1)
		if ((rc = map_option(&m, c)) != KAM_OK)
			return rc < 0 ? cli_usage(ctx) : rc;
	if (ctx->fmt_given)
		return kam_err(KAM_USAGE, _("-F does not apply to maps (use -T "
		                            "dot, svg, png or pdf)"));
	if ((rc = map_check(&m)) != KAM_OK ||
	    (rc = map_resolve(ctx, &m)) != KAM_OK)
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
};

static const struct kam_cmd cmd = {
    "kam-map",
    "diagrams of a client's influence structure",
    NULL,
    &single,
};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
