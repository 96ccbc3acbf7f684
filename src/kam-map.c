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

enum {
	OPT_AS_OF = 256,
	OPT_CONTEXT,
	OPT_DATE,
	OPT_DEPTH,
	OPT_FOCUS,
	OPT_FIT,
	OPT_FONT,
	OPT_HIDE_LEFT,
	OPT_LAYOUT,
	OPT_LINKS,
	OPT_MAX_LINKS,
	OPT_MIN_STRENGTH,
	OPT_NO_LEGEND,
	OPT_RANKDIR,
	OPT_SINCE,
	OPT_SIZE_BY,
	OPT_TITLE,
	OPT_TOWARD,
	OPT_VIEW,
};

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

/* The focus is a person of the map's account; a bare handle means one. */
static int
focus_person(struct kam_ctx *ctx, const char *subject, const char *ref,
             struct map_query *q)
{
	char *acct;
	const char *slash;
	int rc;

	if ((slash = strchr(subject, '/')) != NULL)
		acct = xstrndup(subject, (size_t)(slash - subject));
	else
		acct = xstrdup(q->deal != 0 ? ctx->account : subject);
	rc = store_person_id(ctx->st, ref, acct, &q->focus);
	if (rc == KAM_OK &&
	    store_graph_person_account(ctx->st, q->focus) != q->account)
		rc = kam_err(KAM_DATA, _("person '%s' is not in account '%s'"),
		             ref, acct);
	free(acct);
	return rc;
}

static int
map_exec(struct kam_ctx *ctx, int argc, char **argv)
{
	struct map_query q;
	struct map_style style;
	char stale_before[KAM_DATE_LEN];
	struct map_data d;
	const char *format = "dot", *out = NULL, *focus = NULL;
	const char *toward = NULL, *view = "all", *layout = "compact";
	const char *fit = NULL, *date = "as-of";
	char today[KAM_DATE_LEN];
	Agraph_t *g;
	long depth = -1, n;
	int c, rc, format_given = 0;

	memset(&q, 0, sizeof q);
	memset(&style, 0, sizeof style);
	style.legend = 1;
	style.rankdir = "TB";
	style.min_strength = 1;
	style.max_links = -1;
	while ((c = cli_getopt(ctx, argc, argv, "o:T:", longopts)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'T':
			format = optarg;
			format_given = 1;
			break;
		case OPT_AS_OF:
			style.as_of = optarg;
			style.as_of_given = 1;
			break;
		case OPT_CONTEXT:
			style.context = 1;
			break;
		case OPT_DATE:
			date = optarg;
			break;
		case OPT_DEPTH:
			if (!parse_int(optarg, 0, 1000, &depth))
				return kam_err(
				    KAM_USAGE,
				    _("invalid depth '%s' (use a whole "
				      "number from 0 to 1000)"),
				    optarg);
			break;
		case OPT_FOCUS:
			focus = optarg;
			break;
		case OPT_FIT:
			fit = optarg;
			break;
		case OPT_FONT:
			style.font = optarg;
			break;
		case OPT_LAYOUT:
			layout = optarg;
			break;
		case OPT_LINKS:
			if ((rc = parse_links(optarg, &style.links)) != KAM_OK)
				return rc;
			break;
		case OPT_MAX_LINKS:
			if (strcmp(optarg, "all") == 0)
				style.max_links = 0;
			else if (parse_int(optarg, 1, 1000000, &n))
				style.max_links = n;
			else
				return kam_err(
				    KAM_USAGE,
				    _("invalid limit '%s' for --max-links "
				      "(use a whole number from 1 to "
				      "1000000, or all)"),
				    optarg);
			break;
		case OPT_MIN_STRENGTH:
			if (!parse_int(optarg, 1, 3, &n))
				return kam_err(
				    KAM_USAGE,
				    _("invalid strength '%s' for "
				      "--min-strength (use 1, 2 or 3)"),
				    optarg);
			style.min_strength = (int)n;
			break;
		case OPT_HIDE_LEFT:
			style.hide_left = 1;
			break;
		case OPT_NO_LEGEND:
			style.legend = 0;
			break;
		case OPT_RANKDIR:
			style.rankdir = optarg;
			break;
		case OPT_SINCE:
			style.since = optarg;
			break;
		case OPT_SIZE_BY:
			if (strcmp(optarg, "influence") != 0 &&
			    strcmp(optarg, "none") != 0)
				return kam_err(
				    KAM_USAGE,
				    _("unknown size '%s' for --size-by "
				      "(use influence or none)"),
				    optarg);
			style.by_influence = strcmp(optarg, "influence") == 0;
			break;
		case OPT_TITLE:
			style.title = optarg;
			break;
		case OPT_TOWARD:
			toward = optarg;
			break;
		case OPT_VIEW:
			view = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (ctx->fmt_given)
		return kam_err(KAM_USAGE, _("-F does not apply to maps (use -T "
		                            "dot, svg, png or pdf)"));
	if (map_view_parse(view) < 0)
		return kam_err(
		    KAM_USAGE,
		    _("unknown view '%s' (use org, buying, influence "
		      "or all)"),
		    view);
	style.view = (enum map_view)map_view_parse(view);
	if (map_layout_parse(layout) < 0)
		return kam_err(KAM_USAGE,
		               _("unknown layout '%s' (use compact or wide)"),
		               layout);
	style.layout = (enum map_layout)map_layout_parse(layout);
	if (strcmp(date, "as-of") != 0 && strcmp(date, "none") != 0)
		return kam_err(KAM_USAGE,
		               _("unknown date '%s' for --date (use as-of or "
		                 "none)"),
		               date);
	style.dated = strcmp(date, "as-of") == 0;
	if (style.context && style.view != MAP_BUYING)
		return kam_err(KAM_USAGE, _("--context needs --view buying"));
	if (fit != NULL && (style.fit = map_fit_find(fit)) == NULL)
		return kam_err(KAM_USAGE,
		               _("unknown fit '%s' (use 16:9, 4:3, a4, "
		                 "a4-landscape or letter)"),
		               fit);
	if (!format_given && out != NULL)
		format = map_format_of(out);
	if ((rc = map_format_check(format)) != KAM_OK)
		return rc;
	if (strcmp(style.rankdir, "TB") != 0 &&
	    strcmp(style.rankdir, "LR") != 0)
		return kam_err(KAM_USAGE,
		               _("unknown rankdir '%s' (use TB or LR)"),
		               style.rankdir);
	if (depth >= 0 && focus == NULL)
		return kam_err(KAM_USAGE, _("--depth needs --focus"));
	if (style.as_of == NULL) {
		kam_today(today);
		style.as_of = today;
	} else if ((rc = date_check_past(NULL, "--as-of", style.as_of)) !=
	           KAM_OK) {
		return rc;
	}
	if (style.since != NULL) {
		if ((rc = date_check(NULL, "--since", style.since)) != KAM_OK)
			return rc;
		if (strcmp(style.since, style.as_of) > 0)
			return kam_err(KAM_DATA,
			               _("--since '%s' is after the as-of date "
			                 "'%s'"),
			               style.since, style.as_of);
	}
	if ((rc = text_check(NULL, "--title", style.title, TEXT_LINE)) !=
	    KAM_OK)
		return rc;
	if (style.font != NULL &&
	    (*style.font == '\0' || !utf8_valid(style.font)))
		return kam_err(KAM_DATA, _("invalid font name '%s'"),
		               style.font);
	if ((rc = text_check(NULL, "--font", style.font, TEXT_LINE)) != KAM_OK)
		return rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	q.account = ctx->subj.account;
	q.deal = ctx->subj.deal;
	if (style.view == MAP_BUYING && q.deal == 0)
		return kam_err(KAM_USAGE,
		               _("--view buying needs a deal: write "
		                 "ACCOUNT/DEAL, not '%s'"),
		               argv[optind]);
	if (toward != NULL &&
	    (rc = store_competitor_id(ctx->st, toward, &q.toward)) != KAM_OK)
		return rc;
	if (focus != NULL &&
	    (rc = focus_person(ctx, argv[optind], focus, &q)) != KAM_OK)
		return rc;
	/*
	 * Stances older than stale.days are drawn faded (kam-gate(1),
	 * SETTINGS), on a map of a day: one without a date (--date none,
	 * no --as-of) is the same whenever it is drawn.
	 */
	if (style.dated || style.as_of_given) {
		struct gate_params params;
		struct date_span span;

		if ((rc = store_gate_params_load(ctx->st, &params)) != KAM_OK)
			return rc;
		span.n = (long)params.stale_days;
		span.unit = 'd';
		date_span_before(style.as_of, &span, stale_before);
		style.stale_before = stale_before;
		style.stale_days = span.n;
	}
	q.depth = depth >= 0 ? (int)depth : DEFAULT_DEPTH;
	q.as_of = style.as_of;
	q.since = style.since;
	q.walk = map_walk(style.view);
	q.kinds = style.links;
	q.min_strength = style.min_strength;
	q.context = style.context;
	style.focus = q.focus;
	style.depth = q.depth;

	if ((rc = map_load(ctx->st, &q, &d)) != KAM_OK ||
	    (style.by_influence &&
	     (rc = map_load_influence(ctx->st, &q, &d)) != KAM_OK)) {
		map_data_free(&d);
		return rc;
	}
	g = map_graph(&d, &style);
	rc = map_write(g, format, out, style.fit);
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
    CLI_READ,
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
