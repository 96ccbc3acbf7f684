/*
 * kam-gate: puts a deal through the method's four gates (METHOD.md,
 * sections 2 and 3) and says whether to pursue it, how much to invest,
 * why, and what to do with each person of the buying group.  The rules
 * live in gate.c, the writers in gate-out.c, the queries in
 * store-gate.c; this file parses arguments, chooses the verb and the
 * exit status.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/calibrate.h"
#include "kam/cli.h"
#include "kam/gate.h"
#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/org.h"
#include "kam/out.h"
#include "kam/portfolio.h"
#include "kam/reason.h"
#include "kam/stance.h"
#include "kam/store.h"

/* A day to answer on or look back on: a real day, not after today. */
static int
check_date(const char *opt, const char *s)
{
	return date_check_past(NULL, opt, s);
}

static int
check_text(const char *opt, const char *s, enum text_kind kind)
{
	int rc;

	if ((rc = text_check(NULL, opt, s, kind)) != KAM_OK)
		return rc;
	if (s != NULL && *s == '\0')
		return kam_err(KAM_DATA, _("%s is empty"), opt);
	return KAM_OK;
}

/* A weight: a number from 0 to 100 with at most two decimals. */
static int
check_weight(const char *s, double *w)
{
	const char *dot = strchr(s, '.');

	if (!decimal_parse(s, w) || *w < 0 || *w > 100 || *s == '-' ||
	    *s == '+' || (dot != NULL && strlen(dot + 1) > 2))
		return kam_err(KAM_DATA,
		               _("invalid weight '%s' (use a number from 0 to "
		                 "100, at most 2 decimals)"),
		               s);
	return KAM_OK;
}

static int
check_gate(const char *s, int *g)
{
	if ((*g = gate_parse(s)) == 0)
		return kam_err(KAM_DATA,
		               _("unknown gate '%s' (use 1-4 or real, compete, "
		                 "win, worth)"),
		               s);
	return KAM_OK;
}

static int
check_profile_name(const char *s)
{
	if (!handle_valid(s))
		return kam_err(
		    KAM_DATA,
		    _("invalid profile name '%s' (use letters, digits, "
		      "'.', '_' and '-')"),
		    s);
	return KAM_OK;
}

/* The profile named by --profile (default: default), in an open store. */
static int
profile_arg(struct kam_ctx *ctx, const char *name, int64_t *id)
{
	return store_gate_profile_id(ctx->st, name ? name : "default", id);
}

/* kam-gate criteria [--gate GATE] [--profile NAME] */
static int
cmd_criteria(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"gate", required_argument, NULL, OPT_GATE},
	    {"profile", required_argument, NULL, OPT_PROFILE},
	    {NULL, 0, NULL, 0},
	};
	static const char *const cols[] = {"gate",     "name", "key",
	                                   "weight",   "must", "computed",
	                                   "question", NULL};
	static const char *const subs[] = {"add", "set", "remove"};
	const char *profile = NULL;
	struct gate_crit *c;
	struct out *o;
	int64_t pid;
	size_t n, i;
	int ch, rc, gate = 0;

	/* A mistyped "criteria add" lands here: say so. */
	if (argc > 1 && argv[1][0] != '-')
		for (i = 0; i < 3; i++)
			if (kam_distance(argv[1], subs[i]) <= 2)
				return kam_err(
				    KAM_USAGE,
				    _("unknown verb 'criteria %s' (did "
				      "you mean 'criteria %s'?)"),
				    argv[1], subs[i]);
	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_GATE:
			if ((rc = check_gate(optarg, &gate)) != KAM_OK)
				return rc;
			break;
		case OPT_PROFILE:
			profile = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, profile, &pid)) != KAM_OK)
		return rc;
	if ((rc = store_gate_rubric(ctx->st, pid, gate, &c, &n)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		out_int(o, c[i].gate);
		out_str(o, gate_name(c[i].gate));
		out_str(o, c[i].key);
		out_num(o, c[i].weight);
		out_bool(o, c[i].must);
		out_bool(o, c[i].computed);
		out_str(o, c[i].question);
		out_end_row(o);
	}
	out_close(o);
	gate_crit_free(c, n);
	return KAM_OK;
}

/*
 * kam-gate criteria add GATE KEY --question TEXT [--must] [--weight N]
 *     [--profile NAME]
 */
static int
cmd_criteria_add(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"must", no_argument, NULL, OPT_MUST},
	    {"profile", required_argument, NULL, OPT_PROFILE},
	    {"question", required_argument, NULL, OPT_QUESTION},
	    {"weight", required_argument, NULL, OPT_WEIGHT},
	    {NULL, 0, NULL, 0},
	};
	const char *question = NULL, *key, *profile = NULL;
	double weight = 1;
	int64_t pid;
	int ch, rc, gate, must = 0;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_MUST:
			must = 1;
			break;
		case OPT_PROFILE:
			profile = optarg;
			break;
		case OPT_QUESTION:
			question = optarg;
			break;
		case OPT_WEIGHT:
			if ((rc = check_weight(optarg, &weight)) != KAM_OK)
				return rc;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (question == NULL)
		return cli_usage_msg(ctx, _("missing --question"));
	key = argv[optind + 1];
	if ((rc = check_gate(argv[optind], &gate)) != KAM_OK)
		return rc;
	if (!handle_valid(key))
		return kam_err(KAM_DATA,
		               _("invalid criterion key '%s' (use letters, "
		                 "digits, '.', '_' and '-')"),
		               key);
	if ((rc = check_text("--question", question, TEXT_LINE)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_add(ctx->st, pid, gate, key, question,
	                                weight, must);
}

/*
 * kam-gate criteria set KEY [--gate GATE] [--must | --no-must]
 *     [--profile NAME] [--question TEXT] [--weight N]
 */
static int
cmd_criteria_set(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"gate", required_argument, NULL, OPT_GATE},
	    {"must", no_argument, NULL, OPT_MUST},
	    {"no-must", no_argument, NULL, OPT_NO_MUST},
	    {"profile", required_argument, NULL, OPT_PROFILE},
	    {"question", required_argument, NULL, OPT_QUESTION},
	    {"weight", required_argument, NULL, OPT_WEIGHT},
	    {NULL, 0, NULL, 0},
	};
	const char *question = NULL, *profile = NULL;
	double weight = -1;
	int64_t pid;
	int ch, rc, gate = 0, must = -1, musts = 0;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_GATE:
			if ((rc = check_gate(optarg, &gate)) != KAM_OK)
				return rc;
			break;
		case OPT_MUST:
		case OPT_NO_MUST:
			must = ch == OPT_MUST;
			musts |= ch == OPT_MUST ? 1 : 2;
			break;
		case OPT_PROFILE:
			profile = optarg;
			break;
		case OPT_QUESTION:
			question = optarg;
			break;
		case OPT_WEIGHT:
			if ((rc = check_weight(optarg, &weight)) != KAM_OK)
				return rc;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (musts == 3)
		return cli_usage_msg(ctx, _("--must and --no-must exclude each "
		                            "other"));
	if (gate == 0 && weight < 0 && must < 0 && question == NULL)
		return cli_usage_msg(ctx, _("nothing to change (give --gate, "
		                            "--must, --no-must, --question or "
		                            "--weight)"));
	if ((rc = check_text("--question", question, TEXT_LINE)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_set(ctx->st, pid, argv[optind], gate,
	                                weight, must, question);
}

/* kam-gate criteria remove KEY [--profile NAME] */
static int
cmd_criteria_remove(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"profile", required_argument, NULL, OPT_PROFILE},
	    {NULL, 0, NULL, 0},
	};
	const char *profile = NULL;
	int64_t pid;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_PROFILE)
			return cli_usage(ctx);
		profile = optarg;
	}
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_remove(ctx->st, pid, argv[optind]);
}

static int
profile_row(const struct gate_profile_row *r, void *arg)
{
	struct out *o = arg;

	out_str(o, r->name);
	out_int(o, r->criteria);
	out_int(o, r->accounts);
	out_int(o, r->answers);
	out_end_row(o);
	return KAM_OK;
}

/* kam-gate profile list */
static int
cmd_profile_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"profile", "criteria", "accounts",
	                                   "answers", NULL};
	struct out *o;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = store_gate_profiles_each(ctx->st, profile_row, o);
	out_close(o);
	return rc;
}

/* kam-gate profile add NAME [--from PROFILE] */
static int
cmd_profile_add(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"from", required_argument, NULL, OPT_FROM},
	    {NULL, 0, NULL, 0},
	};
	const char *from = "default";
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_FROM)
			return cli_usage(ctx);
		from = optarg;
	}
	if ((rc = check_profile_name(argv[optind])) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	return store_gate_profile_add(ctx->st, argv[optind], from);
}

/* kam-gate profile remove NAME */
static int
cmd_profile_remove(struct kam_ctx *ctx, int argc, char **argv)
{
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	return store_gate_profile_remove(ctx->st, argv[optind]);
}

static int
check_gap(const char *s, double *gap)
{
	if (!gate_gap_parse(s, gap))
		return kam_err(
		    KAM_DATA,
		    _("invalid gap '%s' (a percentage from -100 to "
		      "1000 with at most 2 decimals, such as +40, -5 or "
		      "12.5%%)"),
		    s);
	return KAM_OK;
}

/* The subject DEAL (the store opened as the verb's row says). */
static int
deal_operand(struct kam_ctx *ctx, int64_t *deal)
{
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	*deal = ctx->subj.deal;
	return KAM_OK;
}

/*
 * kam-gate answer DEAL KEY yes|partly|no|unknown [--evidence TEXT] [--on D]
 * kam-gate answer DEAL price --gap PERCENT [--evidence TEXT] [--on D]
 */
static int
cmd_answer(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"evidence", required_argument, NULL, OPT_EVIDENCE},
	    {"gap", required_argument, NULL, OPT_GAP},
	    {"on", required_argument, NULL, OPT_ON},
	    {NULL, 0, NULL, 0},
	};
	const char *evidence = NULL, *on = NULL, *gaps = NULL;
	char today[KAM_DATE_LEN];
	struct gate_params p;
	int64_t deal, crit, profile;
	double gap = 0;
	int ch, rc, ans = GATE_UNKNOWN, want;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_EVIDENCE:
			evidence = optarg;
			break;
		case OPT_GAP:
			gaps = optarg;
			break;
		case OPT_ON:
			on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	/* With --gap, the gap is the answer. */
	want = gaps != NULL ? 2 : 3;
	if (argc - optind < want)
		return cli_usage_msg(ctx, _("missing ANSWER"));
	if (gaps != NULL && argc - optind > 2)
		return cli_usage_msg(ctx,
		                     _("give an answer or --gap, not both"));
	if (argc - optind > want)
		return cli_usage_msg(ctx, _("unexpected '%s'"),
		                     argv[optind + want]);
	if (gaps != NULL && strcmp(argv[optind + 1], GATE_KEY_PRICE) != 0)
		return kam_err(KAM_DATA,
		               _("--gap answers the criterion '%s', not '%s'"),
		               GATE_KEY_PRICE, argv[optind + 1]);
	if (gaps != NULL && (rc = check_gap(gaps, &gap)) != KAM_OK)
		return rc;
	if (gaps == NULL && (ans = gate_ans_parse(argv[optind + 2])) < 0)
		return vocab_refused(NULL, VOCAB_ANSWER, argv[optind + 2]);
	if (on != NULL && (rc = check_date("--on", on)) != KAM_OK)
		return rc;
	if ((rc = check_text("--evidence", evidence, TEXT_FREE)) != KAM_OK)
		return rc;
	if (on == NULL) {
		kam_today(today);
		on = today;
	}
	if ((rc = deal_operand(ctx, &deal)) != KAM_OK ||
	    (rc = store_gate_deal_profile(ctx->st, deal, &profile)) != KAM_OK ||
	    (rc = store_gate_criterion_id(ctx->st, profile, argv[optind + 1],
	                                  &crit)) != KAM_OK)
		return rc;
	if (gaps != NULL) {
		/* The word as the settings give it today; an assessment
		 * reads the gap again with the settings of its day. */
		if ((rc = gate_params_load(ctx->st, &p)) != KAM_OK)
			return rc;
		ans = gate_gap_answer(&p, gap);
	}
	return store_gate_answer_add(ctx->st, deal, crit, (enum gate_ans)ans,
	                             gaps != NULL ? &gap : NULL, evidence, on);
}

static int
answer_row(const struct gate_answer_row *r, void *arg)
{
	struct out *o = arg;

	out_str(o, r->on);
	out_str(o, r->key);
	out_word(o, r->answer);
	out_str(o, r->evidence);
	out_str(o, r->recorded);
	out_str(o, r->actor);
	if (r->gap != NULL)
		out_num(o, *r->gap);
	else
		out_null(o);
	out_end_row(o);
	return KAM_OK;
}

/* kam-gate answers DEAL */
static int
cmd_answers(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"on",       "key",      "answer",
	                                   "evidence", "recorded", "actor",
	                                   "gap",      NULL};
	struct out *o;
	int64_t deal;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if ((rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = store_gate_answers_each(ctx->st, deal, answer_row, o);
	out_close(o);
	return rc;
}

/* The assessment's JSON, as stored. */
static char *
to_json(const struct gate_assessment *a,
        void (*write)(FILE *, const struct gate_assessment *))
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&s, &len)) == NULL)
		abort();
	write(fp, a);
	fclose(fp);
	return s;
}

/* The snapshot a run stores: the run as JSON without assumptions. */
static void
write_snapshot(FILE *fp, const struct gate_assessment *a)
{
	gate_write_json(fp, a, NULL);
}

/* --as-of DATE, checked, or today. */
static int
as_of_date(const char *opt, char *out)
{
	int rc;

	if (opt == NULL) {
		kam_today(out);
		return KAM_OK;
	}
	if ((rc = check_date("--as-of", opt)) != KAM_OK)
		return rc;
	snprintf(out, KAM_DATE_LEN, "%s", opt);
	return KAM_OK;
}

/* Splits "LEFT=RIGHT" of an --assume option. */
static int
split_assumption(const char *opt, const char *s, char **left, char **right)
{
	const char *eq = strchr(s, '=');

	if (eq == NULL || eq == s || eq[1] == '\0')
		return kam_err(KAM_USAGE, _("%s needs %s, not '%s'"), opt,
		               strcmp(opt, "--assume-answer") == 0
		                   ? "KEY=ANSWER"
		                   : "PERSON=STANCE",
		               s);
	*left = xstrndup(s, (size_t)(eq - s));
	*right = xstrdup(eq + 1);
	return KAM_OK;
}

/* Applies --assume-answer KEY=ANSWER; a gap answers the price. */
static int
assume_answer(struct kam_ctx *ctx, struct gate_assessment *a, int64_t profile,
              const char *s)
{
	char *key, *val;
	int64_t id;
	double gap;
	int rc, ans;

	if ((rc = split_assumption("--assume-answer", s, &key, &val)) != KAM_OK)
		return rc;
	if ((rc = store_gate_criterion_id(ctx->st, profile, key, &id)) ==
	    KAM_OK) {
		if ((ans = gate_ans_parse(val)) >= 0)
			gate_assume_answer(a, key, (enum gate_ans)ans, NULL);
		else if (strcmp(key, GATE_KEY_PRICE) == 0 &&
		         gate_gap_parse(val, &gap))
			gate_assume_answer(a, key, GATE_UNKNOWN, &gap);
		else
			rc = kam_err(
			    KAM_DATA,
			    _("invalid answer '%s' for --assume-answer "
			      "(use yes, partly, no or unknown, or a gap "
			      "for price)"),
			    val);
	}
	free(key);
	free(val);
	return rc;
}

/* Applies --assume-stance PERSON=STANCE[@COMPETITOR]. */
static int
assume_stance(struct kam_ctx *ctx, struct gate_assessment *a, const char *s)
{
	char *who, *val, *at, *ref = NULL;
	const char *word;
	struct gate_member *m;
	int64_t pid, cid;
	int rc, rival = -1, stance;

	if ((rc = split_assumption("--assume-stance", s, &who, &val)) != KAM_OK)
		return rc;
	if ((at = strchr(val, '@')) != NULL)
		*at++ = '\0';
	if (strcmp(val, "unknown") == 0)
		stance = GATE_STANCE_UNKNOWN;
	else if ((word = vocab_word(VOCAB_STANCE, val)) != NULL)
		stance = strcmp(word, "support") == 0  ? 1
		         : strcmp(word, "oppose") == 0 ? -1
		                                       : 0;
	else {
		rc = kam_err(KAM_DATA,
		             _("invalid stance '%s' for --assume-stance (use "
		               "support, neutral, oppose or unknown)"),
		             val);
		goto done;
	}
	if ((rc = cli_person(ctx, who, &pid)) != KAM_OK)
		goto done;
	ref = store_person_ref(ctx->st, pid);
	if ((m = gate_member_find(a, ref)) == NULL) {
		rc = kam_err(KAM_CONFLICT,
		             _("'%s' is not in the buying group of '%s'"), ref,
		             a->deal);
		goto done;
	}
	if (at != NULL) {
		if ((rc = store_competitor_id(ctx->st, at, &cid)) != KAM_OK)
			goto done;
		if ((rival = gate_rival_find(a, at)) < 0) {
			char *name = store_gate_competitor_name(ctx->st, cid);

			rival = gate_rival_add(a, at, name ? name : at);
			free(name);
		}
	}
	gate_assume_stance(a, m, rival, stance);
done:
	free(ref);
	free(who);
	free(val);
	return rc;
}

struct assumptions {
	char **answers, **stances, **all;
	size_t nanswers, nstances, nall;
};

static void
assumption_add(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = (char *)s;
}

/* The assessment as if: loaded again, assumed, judged. */
static int
what_if(struct kam_ctx *ctx, int64_t deal, const char *as_of,
        const struct assumptions *as, struct gate_assessment *a)
{
	int64_t profile;
	size_t i;
	int rc;

	if ((rc = gate_load(ctx->st, deal, as_of, a)) != KAM_OK ||
	    (rc = store_gate_deal_profile(ctx->st, deal, &profile)) != KAM_OK)
		return rc;
	for (i = 0; rc == KAM_OK && i < as->nanswers; i++)
		rc = assume_answer(ctx, a, profile, as->answers[i]);
	for (i = 0; rc == KAM_OK && i < as->nstances; i++)
		rc = assume_stance(ctx, a, as->stances[i]);
	if (rc != KAM_OK)
		return rc;
	gate_compute(a);
	gate_evaluate(a);
	return KAM_OK;
}

/*
 * kam-gate run DEAL [--as-of DATE] [--dry-run] [--exit-status]
 *     [--assume-answer KEY=ANSWER ...] [--assume-stance PERSON=STANCE ...]
 */
/*
 * The assessment of a run: as the store has it, with what changed since
 * the last review; or, with assumptions, as they would make it, beside
 * the one without them (before, in w).
 */
static int
run_assess(struct kam_ctx *ctx, int64_t deal, const char *as_of,
           const struct assumptions *as, struct gate_assessment *a,
           struct gate_assessment *before, struct gate_since *since,
           struct gate_whatif *w)
{
	int rc;

	if (as->nall == 0) {
		if ((rc = gate_assess(ctx->st, deal, as_of, a)) != KAM_OK)
			return rc;
		return gate_since_load(ctx->st, a, since);
	}
	if ((rc = gate_assess(ctx->st, deal, as_of, before)) != KAM_OK ||
	    (rc = what_if(ctx, deal, as_of, as, a)) != KAM_OK)
		return rc;
	w->before = before;
	w->assumed = as->all;
	w->nassumed = as->nall;
	return KAM_OK;
}

/*
 * A run as -F asks: its JSON as stored (or with what the assumptions
 * changed), text with the run's number, or rows; without assumptions,
 * with what changed since the last review (never stored).
 */
static void
run_write(struct kam_ctx *ctx, const struct gate_assessment *a,
          const struct gate_whatif *w, const struct gate_since *since,
          const char *json, int64_t number, int same)
{
	struct out *o;

	if (ctx->fmt == OUT_JSON) {
		if (w != NULL)
			gate_write_json(stdout, a, w);
		else {
			/* The snapshot as stored, then what changed since
			 * the last review. */
			fwrite(json, 1, strlen(json) - 3, stdout);
			gate_write_since_json(stdout, a, since);
			fputs("\n}\n", stdout);
		}
	} else if (ctx->fmt == OUT_TABLE) {
		gate_write_text(stdout, a, w);
		if (w == NULL)
			gate_write_since_text(stdout, a, since);
		if (number != 0 && same)
			printf(_("\nThe same as run %lld: checked again, not "
			         "stored twice.\n"),
			       (long long)number);
		else if (number != 0)
			printf(_("\nStored as run %lld.\n"), (long long)number);
	} else {
		o = cli_out(ctx, 0,
		            w != NULL ? gate_whatif_cols : gate_run_cols);
		gate_write_rows(o, a, w);
		out_close(o);
	}
}

/* kam-gate run's options: the assumptions, --as-of, --dry-run and
 * --exit-status. */
struct run_opts {
	struct assumptions as;
	const char *as_of;
	int dry, status;
};

static int
run_options(struct kam_ctx *ctx, int argc, char **argv, struct run_opts *ro)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {"assume-answer", required_argument, NULL, OPT_ASSUME_ANSWER},
	    {"assume-stance", required_argument, NULL, OPT_ASSUME_STANCE},
	    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
	    {"exit-status", no_argument, NULL, OPT_EXIT_STATUS},
	    {NULL, 0, NULL, 0},
	};
	struct assumptions *as = &ro->as;
	int ch;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_AS_OF:
			ro->as_of = optarg;
			break;
		case OPT_ASSUME_ANSWER:
			assumption_add(&as->answers, &as->nanswers, optarg);
			assumption_add(&as->all, &as->nall, optarg);
			break;
		case OPT_ASSUME_STANCE:
			assumption_add(&as->stances, &as->nstances, optarg);
			assumption_add(&as->all, &as->nall, optarg);
			break;
		case OPT_DRY_RUN:
			ro->dry = 1;
			break;
		case OPT_EXIT_STATUS:
			ro->status = 1;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	return KAM_OK;
}

static int
cmd_run(struct kam_ctx *ctx, int argc, char **argv)
{
	static const int codes[] = {KAM_OK, KAM_VERDICT_LIMITED,
	                            KAM_VERDICT_QUALIFY, KAM_VERDICT_DROP};
	struct gate_assessment a, before;
	struct gate_since since;
	struct gate_whatif w = {NULL, NULL, 0};
	struct run_opts ro = {{NULL, NULL, NULL, 0, 0, 0}, NULL, 0, 0};
	struct assumptions *as = &ro.as;
	char as_of[KAM_DATE_LEN], *json = NULL, *codes_json = NULL;
	int rc, dry, same = 0, iffy;
	int64_t deal, number = 0;

	memset(&a, 0, sizeof a);
	memset(&before, 0, sizeof before);
	memset(&since, 0, sizeof since);
	if ((rc = run_options(ctx, argc, argv, &ro)) != KAM_OK)
		goto out;
	/* An assumption is never stored. */
	iffy = as->nall > 0;
	dry = ro.dry | iffy;
	/* A dry run only reads (the table says what a run may do). */
	if ((rc = as_of_date(ro.as_of, as_of)) != KAM_OK ||
	    (dry && (rc = cli_open(ctx, CLI_READ)) != KAM_OK) ||
	    (rc = deal_operand(ctx, &deal)) != KAM_OK)
		goto out;
	if ((rc = run_assess(ctx, deal, as_of, as, &a, &before, &since, &w)) !=
	    KAM_OK)
		goto out;
	json = to_json(&a, write_snapshot);
	if (!dry) {
		codes_json = to_json(&a, gate_write_reasons);
		rc = store_gate_run_add(ctx->st, deal, as_of,
		                        gate_verdict_word(a.verdict), json,
		                        codes_json, &number, &same);
	}
	if (rc != KAM_OK)
		goto out;
	run_write(ctx, &a, iffy ? &w : NULL, &since, json, number, same);
	if (ro.status)
		rc = codes[a.verdict];
out:
	gate_since_free(&since);
	free(json);
	free(codes_json);
	free(as->answers);
	free(as->stances);
	free(as->all);
	gate_assessment_free(&a);
	gate_assessment_free(&before);
	return rc;
}

/* kam-gate plan DEAL [--as-of DATE] */
static int
cmd_plan(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {NULL, 0, NULL, 0},
	};
	struct gate_assessment a;
	struct gate_step *steps = NULL;
	const char *as_of_opt = NULL;
	char as_of[KAM_DATE_LEN];
	size_t n = 0;
	int64_t deal;
	int ch, rc;

	memset(&a, 0, sizeof a);
	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_AS_OF)
			return cli_usage(ctx);
		as_of_opt = optarg;
	}
	if ((rc = as_of_date(as_of_opt, as_of)) != KAM_OK ||
	    (rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_assess(ctx->st, deal, as_of, &a)) == KAM_OK) {
		gate_plan(&a, &steps, &n);
		if (ctx->fmt == OUT_JSON)
			gate_write_plan_json(stdout, &a, steps, n);
		else {
			struct out *o = cli_out(ctx, 0, gate_plan_cols);

			gate_write_plan(o, &a, steps, n);
			out_close(o);
		}
		gate_plan_free(steps, n);
	}
	gate_assessment_free(&a);
	return rc;
}

struct flag_list {
	struct gate_flag *v;
	size_t n;
};

static int
flag_add(const struct org_flag *f, void *arg)
{
	struct flag_list *l = arg;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n].code = xstrdup(f->code);
	l->v[l->n].subject = xstrdup(f->subject);
	l->v[l->n].message = xstrdup(f->message);
	l->v[l->n].why = reason_dup(f->why);
	l->n++;
	return KAM_OK;
}

/*
 * The members the memo asks to check in with: kam-stance stale DEAL on
 * the day assessed, by the stale.days setting.
 */
static int
memo_stale(struct kam_ctx *ctx, int64_t deal, const struct gate_assessment *a,
           struct stance_stale *st, struct gate_memo *memo)
{
	struct gate_stale *v;
	struct date_span span;
	char before[KAM_DATE_LEN];
	size_t i;
	int rc;

	span.n = (long)a->params.stale_days;
	span.unit = 'd';
	date_span_before(a->as_of, &span, before);
	if ((rc = stance_stale(ctx->st, store_deal_account(ctx->st, deal), deal,
	                       a->as_of, before, st)) != KAM_OK)
		return rc;
	v = xcalloc(st->n + 1, sizeof *v);
	for (i = 0; i < st->n; i++) {
		v[i].person = st->rows[i].person;
		v[i].name = st->rows[i].name;
		v[i].latest = st->rows[i].latest;
		v[i].days = st->rows[i].days;
	}
	memo->stale = v;
	memo->nstale = st->n;
	memo->stale_days = span.n;
	return KAM_OK;
}

/* kam-gate report DEAL [--as-of DATE] (Markdown, or JSON with -F json) */
static int
cmd_report(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {NULL, 0, NULL, 0},
	};
	struct gate_assessment a;
	struct gate_run_info *runs = NULL;
	struct flag_list flags = {NULL, 0};
	struct gate_step *plan = NULL;
	struct gate_memo memo;
	struct gate_since since;
	struct stance_stale stale = {NULL, 0};
	const char *as_of_opt = NULL;
	char as_of[KAM_DATE_LEN];
	size_t nruns = 0, nplan = 0;
	int64_t deal;
	int ch, rc;

	memset(&a, 0, sizeof a);
	memset(&memo, 0, sizeof memo);
	memset(&since, 0, sizeof since);
	/* A memo, or its data: nothing else. */
	cli_formats(ctx, CLI_FMT(OUT_MD) | CLI_FMT(OUT_JSON), OUT_MD);
	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_AS_OF)
			return cli_usage(ctx);
		as_of_opt = optarg;
	}
	if ((rc = as_of_date(as_of_opt, as_of)) != KAM_OK)
		return rc;
	if ((rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_assess(ctx->st, deal, as_of, &a)) == KAM_OK &&
	    (rc = store_gate_runs(ctx->st, deal, &runs, &nruns)) == KAM_OK &&
	    (rc = org_check_flags(ctx->st, store_deal_account(ctx->st, deal),
	                          deal, flag_add, &flags)) == KAM_OK) {
		gate_red_flags(&a, &flags.v, &flags.n);
		gate_plan(&a, &plan, &nplan);
		if ((rc = memo_stale(ctx, deal, &a, &stale, &memo)) != KAM_OK ||
		    (rc = gate_since_load(ctx->st, &a, &since)) != KAM_OK)
			goto done;
		memo.a = &a;
		memo.since = &since;
		memo.runs = runs;
		memo.nruns = nruns;
		memo.flags = flags.v;
		memo.nflags = flags.n;
		memo.plan = plan;
		memo.nplan = nplan;
		if (ctx->fmt == OUT_JSON)
			gate_write_report_json(stdout, &memo);
		else
			gate_write_report(stdout, &memo);
	}
done:
	gate_since_free(&since);
	free((void *)memo.stale);
	stance_stale_free(&stale);
	gate_plan_free(plan, nplan);
	gate_flags_free(flags.v, flags.n);
	gate_runs_free(runs, nruns);
	gate_assessment_free(&a);
	return rc;
}

/* A word of kam-gate's vocabularies: its label in a table. */
static void
label(struct out *o, const char *kind, const char *word)
{
	out_label(o, word, word != NULL ? gate_label(kind, word) : NULL);
}

/* kam-gate history DEAL */
static int
cmd_history(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "run",  "as_of",   "recorded", "checked", "actor", "verdict",
	    "real", "compete", "win",      "worth",   NULL};
	struct gate_run_info *runs;
	struct out *o;
	size_t n, i;
	int64_t deal;
	int ch, rc, g;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if ((rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if ((rc = store_gate_runs(ctx->st, deal, &runs, &n)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		out_int(o, runs[i].number);
		out_str(o, runs[i].as_of);
		out_str(o, runs[i].recorded);
		out_str(o, runs[i].checked);
		out_str(o, runs[i].actor);
		label(o, "verdict", runs[i].verdict);
		for (g = 0; g < GATE_COUNT; g++)
			label(o, "status", runs[i].status[g]);
		out_end_row(o);
	}
	out_close(o);
	gate_runs_free(runs, n);
	return KAM_OK;
}

/* The two runs compared, and where their changes go. */
struct diff_out {
	struct out *o;
	const struct gate_snap *a, *b;
};

static void
diff_row(const char *what, const char *item, const char *before,
         const char *after, void *arg)
{
	const struct diff_out *d = arg;
	struct out *o = d->o;
	/* For a person: each value in the words of its kind. */
	const char *kind = strcmp(what, "verdict") == 0  ? "verdict"
	                   : strcmp(what, "gate") == 0   ? "status"
	                   : strcmp(what, "source") == 0 ? "source"
	                                                 : NULL;

	label(o, "change", what);
	if (strcmp(what, "gate") == 0 || strcmp(what, "score") == 0)
		label(o, "gate", item);
	else
		out_str(o, item);
	if (kind != NULL) {
		label(o, kind, before);
		label(o, kind, after);
	} else if (strcmp(what, "answer") == 0) {
		out_word(o, before);
		out_word(o, after);
	} else if (strcmp(what, "evidence") == 0 && out_is_table(o)) {
		char *b = gate_snap_said(d->a, item),
		     *a = gate_snap_said(d->b, item);

		out_str(o, b);
		out_str(o, a);
		free(b);
		free(a);
	} else {
		out_str(o, before);
		out_str(o, after);
	}
	out_end_row(o);
}

static int
check_run_id(const char *s, int64_t *id)
{
	long v;

	if (!parse_int(s, 1, 0x7fffffffL, &v))
		return kam_err(
		    KAM_DATA,
		    _("invalid run number '%s' (use the number shown "
		      "by 'kam-gate history')"),
		    s);
	*id = v;
	return KAM_OK;
}

/* kam-gate diff DEAL [RUN RUN] */
static int
cmd_diff(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"what", "item", "before", "after",
	                                   NULL};
	struct gate_snap a, b;
	struct diff_out d;
	struct out *o;
	int64_t deal, ra = 0, rb = 0;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind == 2)
		return cli_usage_msg(ctx, _("missing the second RUN"));
	if (argc - optind == 3 &&
	    ((rc = check_run_id(argv[optind + 1], &ra)) != KAM_OK ||
	     (rc = check_run_id(argv[optind + 2], &rb)) != KAM_OK))
		return rc;
	if ((rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if (ra == 0) {
		struct gate_run_info *runs;
		size_t n;

		if ((rc = store_gate_runs(ctx->st, deal, &runs, &n)) != KAM_OK)
			return rc;
		if (n >= 2) {
			ra = runs[n - 2].number;
			rb = runs[n - 1].number;
		}
		gate_runs_free(runs, n);
		if (n < 2) {
			char *ref = store_deal_ref(ctx->st, deal);

			rc = kam_err(KAM_NOTFOUND,
			             _("deal '%s' has fewer than two runs (see "
			               "'kam-gate history')"),
			             ref);
			free(ref);
			return rc;
		}
	}
	if ((rc = gate_snap_load(ctx->st, deal, ra, &a)) != KAM_OK) {
		gate_snap_free(&a);
		return rc;
	}
	if ((rc = gate_snap_load(ctx->st, deal, rb, &b)) != KAM_OK) {
		gate_snap_free(&a);
		gate_snap_free(&b);
		return rc;
	}
	d.o = o = cli_out(ctx, 0, cols);
	d.a = &a;
	d.b = &b;
	gate_diff(&a, &b, diff_row, &d);
	out_close(o);
	gate_snap_free(&a);
	gate_snap_free(&b);
	return KAM_OK;
}

static int
list_row(const struct gate_list_row *r, void *arg)
{
	struct out *o = arg;

	out_str(o, r->deal);
	out_str(o, r->name);
	label(o, "verdict", r->verdict);
	out_str(o, r->as_of);
	if (r->run != 0)
		out_int(o, r->run);
	else
		out_null(o);
	out_str(o, r->recorded);
	label(o, "deal", r->status);
	out_end_row(o);
	return KAM_OK;
}

/* Adds an account's id to ids unless it is there. */
static int
add_account(struct kam_ctx *ctx, const char *handle, int64_t **ids, size_t *n)
{
	int64_t id;
	size_t k;
	int rc;

	if ((rc = store_account_id(ctx->st, handle, &id)) != KAM_OK)
		return rc;
	for (k = 0; k < *n; k++)
		if ((*ids)[k] == id)
			return KAM_OK;
	*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
	(*ids)[(*n)++] = id;
	return KAM_OK;
}

/*
 * The accounts of a portfolio: those named (each once), else -a's, else
 * every one (none in ids).
 */
static int
portfolio_accounts(struct kam_ctx *ctx, int argc, char **argv, int64_t **ids,
                   size_t *nids)
{
	int i, rc = KAM_OK;

	for (i = optind; rc == KAM_OK && i < argc; i++)
		rc = add_account(ctx, argv[i], ids, nids);
	if (rc == KAM_OK && optind == argc && ctx->account != NULL)
		rc = add_account(ctx, ctx->account, ids, nids);
	if (rc != KAM_OK) {
		free(*ids);
		*ids = NULL;
	}
	return rc;
}

/*
 * kam-gate portfolio [ACCOUNT...]: every open deal with its last verdict,
 * by expected value, as rows, Markdown or a picture for a slide.
 */
static int
cmd_portfolio(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"fit", required_argument, NULL, OPT_FIT},
	    {"title", required_argument, NULL, OPT_TITLE},
	    {NULL, 0, NULL, 0}};
	const char *format = NULL, *out = NULL, *fitname = "16:9";
	const char *title = NULL;
	const struct map_fit *fit;
	char today[KAM_DATE_LEN];
	struct portfolio pf;
	int64_t *ids = NULL;
	size_t nids = 0;
	int ch, rc = KAM_OK;

	cli_formats(ctx, CLI_FMT_ROWS | CLI_FMT(OUT_MD), OUT_TSV);
	while ((ch = cli_getopt(ctx, argc, argv, "o:T:", lo)) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'T':
			format = optarg;
			break;
		case OPT_FIT:
			fitname = optarg;
			break;
		case OPT_TITLE:
			title = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	/* -T or -o: the picture, in the formats of kam-map. */
	if (format == NULL && out != NULL)
		format = map_format_of(out);
	if (format != NULL && ctx->fmt_given)
		return kam_err(KAM_USAGE,
		               _("-F does not apply to a drawing (use "
		                 "-T dot, svg, png or pdf)"));
	if (format != NULL && (rc = map_format_check(format)) != KAM_OK)
		return rc;
	if ((fit = map_fit_find(fitname)) == NULL)
		return kam_err(KAM_USAGE,
		               _("unknown fit '%s' (use 16:9, 4:3, a4, "
		                 "a4-landscape or letter)"),
		               fitname);
	if ((rc = text_check(NULL, "--title", title, TEXT_LINE)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = portfolio_accounts(ctx, argc, argv, &ids, &nids)) != KAM_OK)
		return rc;
	kam_today(today);
	rc = portfolio_load(ctx->st, ids, nids, today, &pf);
	free(ids);
	if (rc != KAM_OK)
		return rc;
	if (format != NULL) {
		Agraph_t *g =
		    portfolio_graph(&pf, title, MAP_DEFAULT_FONT, fit);

		rc = map_write(g, format, out, fit);
		map_close(g);
	} else if (ctx->fmt == OUT_MD) {
		portfolio_write_md(stdout, &pf);
	} else {
		struct out *o = cli_out(ctx, 0, portfolio_cols);

		portfolio_write_rows(o, &pf);
		out_close(o);
	}
	portfolio_free(&pf);
	return rc;
}

/*
 * kam-gate calibrate [--days-before N]: the closed deals, what the last
 * run N days before each close said, against what happened.
 */
static int
cmd_calibrate(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"days-before", required_argument, NULL, OPT_DAYS_BEFORE},
	    {NULL, 0, NULL, 0}};
	struct calib_deal *deals = NULL;
	struct calibration c;
	long days = CALIBRATE_DAYS;
	size_t n = 0;
	int ch, rc;

	cli_formats(ctx, CLI_FMT_ROWS | CLI_FMT(OUT_MD), OUT_TABLE);
	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_DAYS_BEFORE)
			return cli_usage(ctx);
		if (!parse_int(optarg, 0, 36500, &days))
			return kam_err(KAM_DATA,
			               _("invalid number of days '%s' for "
			                 "--days-before (use a whole number "
			                 "from 0 to 36500)"),
			               optarg);
	}
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = store_calibrate_load(ctx->st, &deals, &n)) != KAM_OK)
		return rc;
	calibrate(deals, n, days, &c);
	if (ctx->fmt == OUT_JSON)
		calibrate_write_json(stdout, &c);
	else if (ctx->fmt == OUT_TABLE || ctx->fmt == OUT_MD)
		calibrate_write_text(stdout, &c, ctx->fmt == OUT_MD);
	else {
		struct out *o = cli_out(ctx, 0, calibrate_cols);

		calibrate_write_rows(o, &c);
		out_close(o);
	}
	calibration_free(&c);
	calib_deals_free(deals, n);
	return KAM_OK;
}

/* kam-gate list [ACCOUNT] [--all] */
static int
cmd_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {{"all", no_argument, NULL, OPT_ALL},
	                                   {NULL, 0, NULL, 0}};
	static const char *const cols[] = {"deal",   "name", "verdict",
	                                   "as_of",  "run",  "recorded",
	                                   "status", NULL};
	struct out *o;
	int64_t account = 0;
	int ch, rc, all = 0;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_ALL)
			return cli_usage(ctx);
		all = 1;
	}
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	o = cli_out(ctx, 0, cols);
	rc = store_gate_list_each(ctx->st, account, all, list_row, o);
	out_close(o);
	return rc;
}

static int
unknown_setting(const char *key)
{
	size_t i, d, best = (size_t)-1;
	const char *guess = NULL;

	for (i = 0; gate_setting_keys[i] != NULL; i++) {
		d = kam_distance(key, gate_setting_keys[i]);
		if (d < best && d <= strlen(key) / 3 + 2) {
			best = d;
			guess = gate_setting_keys[i];
		}
	}
	if (guess != NULL)
		return kam_err(KAM_NOTFOUND,
		               _("unknown setting '%s' (did you mean '%s'?)"),
		               key, guess);
	return kam_err(KAM_NOTFOUND,
	               _("unknown setting '%s' (see 'kam-gate setting')"), key);
}

/* kam-gate setting [KEY [VALUE]] [--reset] */
static int
cmd_setting(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"reset", no_argument, NULL, OPT_RESET},
	    {NULL, 0, NULL, 0},
	};
	static const char *const cols[] = {"key", "value", "default", "meaning",
	                                   NULL};
	struct gate_params p, d;
	const char *key, *why;
	struct out *o;
	double v;
	size_t i;
	int ch, rc, reset = 0, nargs;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_RESET)
			return cli_usage(ctx);
		reset = 1;
	}
	nargs = argc - optind;
	if (reset && nargs == 0)
		return cli_usage_msg(ctx, _("missing %s"), "KEY");
	if (reset && nargs != 1)
		return cli_usage_msg(ctx, _("--reset takes no VALUE"));
	key = nargs > 0 ? argv[optind] : NULL;
	gate_params_default(&d);
	if (key != NULL && gate_param(&d, key) == NULL)
		return unknown_setting(key);
	if (nargs == 2) {
		/* The point is '.' in every locale. */
		if (!decimal_parse(argv[optind + 1], &v))
			why = N_("a number");
		else
			why = gate_param_check(key, v);
		if (why != NULL)
			return kam_err(
			    KAM_DATA, _("invalid value '%s' for '%s' (use %s)"),
			    argv[optind + 1], key,
			    _(gate_param_check(key, -1000)
			          ? gate_param_check(key, -1000)
			          : why));
		if ((rc = cli_subject(ctx)) != KAM_OK)
			return rc;
		return store_gate_setting_set(ctx->st, key, v);
	}
	if (reset) {
		if ((rc = cli_subject(ctx)) != KAM_OK)
			return rc;
		return store_gate_setting_reset(ctx->st, key);
	}
	/* Showing the settings only reads. */
	if ((rc = cli_open(ctx, CLI_READ)) != KAM_OK)
		return rc;
	if ((rc = gate_params_load(ctx->st, &p)) != KAM_OK)
		return rc;
	if (key != NULL) {
		/* The value alone: a line of text, and a JSON number. */
		printf("%.15g\n", *gate_param(&p, key));
		return KAM_OK;
	}
	o = cli_out(ctx, 0, cols);
	for (i = 0; gate_setting_keys[i] != NULL; i++) {
		out_str(o, gate_setting_keys[i]);
		out_num(o, *gate_param(&p, gate_setting_keys[i]));
		out_num(o, *gate_param(&d, gate_setting_keys[i]));
		out_str(o, gate_setting_help[i]);
		out_end_row(o);
	}
	out_close(o);
	return KAM_OK;
}

static const struct kam_verb verbs[] = {
    {"criteria", "criteria [--gate GATE] [--profile NAME]", "list the rubric",
     cmd_criteria, 0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"criteria add",
     "criteria add GATE KEY --question TEXT [--must] [--profile NAME] "
     "[--weight N]",
     "add a criterion", cmd_criteria_add, 2, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {"criteria set",
     "criteria set KEY [--gate GATE] [--must | --no-must] [--profile NAME] "
     "[--question TEXT] [--weight N]",
     "change a criterion", cmd_criteria_set, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {"criteria remove", "criteria remove KEY [--profile NAME]",
     "remove a criterion that has no answers", cmd_criteria_remove, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"profile list", "profile list",
     "the rubric profiles, with the accounts that use them", cmd_profile_list,
     0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"profile add", "profile add NAME [--from PROFILE]",
     "add a rubric profile, a copy of another", cmd_profile_add, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"profile remove", "profile remove NAME",
     "remove a profile that has no answers", cmd_profile_remove, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"answer",
     "answer DEAL KEY yes|partly|no|unknown|--gap PERCENT [--evidence TEXT] "
     "[--on DATE]",
     "answer a criterion for a deal", cmd_answer, 2, 3, CLI_DEAL,
     CLI_WRITE | CLI_TEAM},
    {"answers", "answers DEAL", "every answer given for a deal", cmd_answers, 1,
     1, CLI_DEAL, CLI_READ | CLI_TEAM},
    {"run",
     "run DEAL [--as-of DATE] [--assume-answer KEY=ANSWER] "
     "[--assume-stance PERSON=STANCE] [--dry-run] [--exit-status]",
     "assess a deal and store the run", cmd_run, 1, 1, CLI_DEAL,
     CLI_WRITE | CLI_TEAM},
    {"plan", "plan DEAL [--as-of DATE]",
     "what to do with each person of the buying group", cmd_plan, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM},
    {"report", "report DEAL [--as-of DATE]",
     "the assessment as a memo (Markdown, or JSON)", cmd_report, 1, 1, CLI_DEAL,
     CLI_READ | CLI_TEAM},
    {"history", "history DEAL", "the stored runs of a deal", cmd_history, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM},
    {"diff", "diff DEAL [RUN RUN]", "what changed between two runs", cmd_diff,
     1, 3, CLI_DEAL, CLI_READ | CLI_TEAM},
    {"list", "list [ACCOUNT] [--all]",
     "every open deal (with --all, every deal) with its latest verdict",
     cmd_list, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"portfolio",
     "portfolio [ACCOUNT]... [-o FILE] [-T dot | svg | png | pdf] "
     "[--fit 16:9 | 4:3 | a4 | a4-landscape | letter] [--title TEXT]",
     "every open deal by expected value, as a table or a picture",
     cmd_portfolio, 0, CLI_MANY, CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"calibrate", "calibrate [--days-before N]",
     "what the verdicts said before closed deals closed, against what "
     "happened",
     cmd_calibrate, 0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"setting", "setting [KEY [VALUE]] [--reset]",
     "show or change the thresholds and weights", cmd_setting, 0, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0},
};

static const struct kam_cmd cmd = {
    "kam-gate",
    "Put a deal through the four gates: is it real, can we compete, can "
    "we win, is it worth winning; how much to invest, and a plan per "
    "person.",
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
