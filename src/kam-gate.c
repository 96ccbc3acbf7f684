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

/* A weight given by --weight. */
struct weight {
	double v;
	int given;
};

static int
weight_opt(const char *arg, void *dst)
{
	struct weight *w = dst;

	w->given = 1;
	return check_weight(arg, &w->v);
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

/* --gate GATE: a gate's number. */
static int
gate_opt(const char *arg, void *dst)
{
	return check_gate(arg, dst);
}

/* The options of the criteria verbs. */
struct crit_opts {
	const char *profile, *question;
	struct weight weight;
	int gate, must, no_must;
};
#define CR(f) CLI_AT(struct crit_opts, f)
#define CRIT_PROFILE                                                           \
	{                                                                      \
		.name = "profile", .kind = CLI_STR, CR(profile)                \
	}
#define CRIT_QUESTION(req)                                                     \
	{                                                                      \
		.name = "question", .kind = CLI_TEXT, CR(question),            \
		.required = req, .empty = CLI_EMPTY_REFUSED                    \
	}
#define CRIT_WEIGHT                                                            \
	{                                                                      \
		.name = "weight", .kind = CLI_CALL, CR(weight),                \
		.parse = weight_opt                                            \
	}
static const struct cli_opt criteria_opts[] = {
    {.name = "gate", .kind = CLI_CALL, CR(gate), .parse = gate_opt},
    CRIT_PROFILE,
    {.name = NULL}};
static const struct cli_opt criteria_add_opts[] = {
    {.name = "must", .kind = CLI_SET, CR(must), .max = 1},
    CRIT_PROFILE,
    CRIT_QUESTION(N_("missing --question")),
    CRIT_WEIGHT,
    {.name = NULL}};
static const struct cli_opt criteria_set_opts[] = {
    {.name = "gate", .kind = CLI_CALL, CR(gate), .parse = gate_opt},
    {.name = "must", .kind = CLI_SET, CR(must), .max = 1},
    {.name = "no-must", .kind = CLI_SET, CR(no_must), .max = 1},
    CRIT_PROFILE,
    CRIT_QUESTION(NULL),
    CRIT_WEIGHT,
    {.name = NULL}};
static const struct cli_opt profile_opts[] = {CRIT_PROFILE, {.name = NULL}};
static const struct cli_opt profile_add_opts[] = {
    {.name = "from", .kind = CLI_STR, CR(profile)}, {.name = NULL}};
#undef CR

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

/* A criterion's gate by name; a table in the user's language. */
static void
put_gate_name(struct out *o, const void *row)
{
	const char *name = gate_name(((const struct gate_crit *)row)->gate);

	out_str(o, out_is_table(o) ? gate_label("gate", name) : name);
}

/* Its question; a table asks the default rubric's in the user's
 * language, as run and report do. */
static void
put_question(struct out *o, const void *row)
{
	const char *q = ((const struct gate_crit *)row)->question;

	out_str(o, out_is_table(o) ? gate_question_label(q) : q);
}

#define C(f, k) OUT_COL(struct gate_crit, f, #f, k)
static const struct out_col crit_cols[] = {C(gate, OUT_C_INT),
                                           OUT_COL_FN("name", put_gate_name),
                                           C(key, OUT_C_STR),
                                           C(weight, OUT_C_NUM),
                                           C(must, OUT_C_BOOL),
                                           C(computed, OUT_C_BOOL),
                                           OUT_COL_FN("question", put_question),
                                           OUT_COL_END};
#undef C

/* kam-gate criteria [--gate GATE] [--profile NAME] */
static int
cmd_criteria(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct crit_opts *opt = ctx->opts;
	struct gate_crit *c;
	int64_t pid;
	size_t n;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, opt->profile, &pid)) != KAM_OK)
		return rc;
	if ((rc = store_gate_rubric(ctx->st, pid, opt->gate, &c, &n)) != KAM_OK)
		return rc;
	cli_out_rows(ctx, crit_cols, c, n, sizeof *c);
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
	const struct crit_opts *opt = ctx->opts;
	const char *key = argv[optind + 1];
	double weight = opt->weight.given ? opt->weight.v : 1;
	int64_t pid;
	int rc, gate;

	if ((rc = check_gate(argv[optind], &gate)) != KAM_OK)
		return rc;
	if (!handle_valid(key))
		return kam_err(KAM_DATA,
		               _("invalid criterion key '%s' (use letters, "
		                 "digits, '.', '_' and '-')"),
		               key);
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, opt->profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_add(ctx->st, pid, gate, key, opt->question,
	                                weight, opt->must);
}

/*
 * kam-gate criteria set KEY [--gate GATE] [--must | --no-must]
 *     [--profile NAME] [--question TEXT] [--weight N]
 */
static int
cmd_criteria_set(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct crit_opts *opt = ctx->opts;
	double weight = opt->weight.given ? opt->weight.v : -1;
	int must = opt->must ? 1 : opt->no_must ? 0 : -1;
	int64_t pid;
	int rc;

	if (opt->must && opt->no_must)
		return cli_usage_msg(ctx, _("--must and --no-must exclude each "
		                            "other"));
	if (opt->gate == 0 && weight < 0 && must < 0 && opt->question == NULL)
		return cli_usage_msg(ctx, _("nothing to change (give --gate, "
		                            "--must, --no-must, --question or "
		                            "--weight)"));
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, opt->profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_set(ctx->st, pid, argv[optind], opt->gate,
	                                weight, must, opt->question);
}

/* kam-gate criteria remove KEY [--profile NAME] */
static int
cmd_criteria_remove(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct crit_opts *opt = ctx->opts;
	int64_t pid;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = profile_arg(ctx, opt->profile, &pid)) != KAM_OK)
		return rc;
	return store_gate_criterion_remove(ctx->st, pid, argv[optind]);
}

#define C(f, k)    OUT_COL(struct gate_profile_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct gate_profile_row, f, n, k)
static const struct out_col profile_cols[] = {
    N(name, "profile", OUT_C_STR), C(criteria, OUT_C_LONG),
    C(accounts, OUT_C_LONG), C(answers, OUT_C_LONG), OUT_COL_END};
#undef N
#undef C

OUT_ROW_FN(profile_row, struct gate_profile_row)

static int
list_profiles(struct kam_ctx *ctx, struct out *o, void *arg)
{
	(void)arg;
	return store_gate_profiles_each(ctx->st, profile_row, o);
}

/* kam-gate profile add NAME [--from PROFILE] */
static int
cmd_profile_add(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *from = ((const struct crit_opts *)ctx->opts)->profile;
	int rc;

	if (from == NULL)
		from = "default";
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
	int rc;

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

struct answer_opts {
	const char *evidence, *gap, *on;
};
#define AN(f) CLI_AT(struct answer_opts, f)
static const struct cli_opt answer_opts[] = {
    {.name = "evidence",
     .kind = CLI_FREE,
     AN(evidence),
     .empty = CLI_EMPTY_REFUSED},
    {.name = "gap", .kind = CLI_STR, AN(gap)},
    {.name = "on", .kind = CLI_PAST, AN(on)},
    {.name = NULL}};
#undef AN

/*
 * kam-gate answer DEAL KEY yes|partly|no|unknown [--evidence TEXT] [--on D]
 * kam-gate answer DEAL price --gap PERCENT [--evidence TEXT] [--on D]
 */
static int
cmd_answer(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct answer_opts *opt = ctx->opts;
	const char *evidence = opt->evidence, *on = opt->on, *gaps = opt->gap;
	char today[KAM_DATE_LEN];
	struct gate_params p;
	int64_t deal, crit, profile;
	double gap = 0;
	int rc, ans = GATE_UNKNOWN, want;

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

#define C(f, k) OUT_COL(struct gate_answer_row, f, #f, k)
static const struct out_col answer_cols[] = {
    C(on, OUT_C_STR),       C(key, OUT_C_STR),
    C(answer, OUT_C_WORD),  C(evidence, OUT_C_STR),
    C(recorded, OUT_C_STR), C(actor, OUT_C_STR),
    C(gap, OUT_C_NUM_PTR),  OUT_COL_END};
#undef C

OUT_ROW_FN(answer_row, struct gate_answer_row)

/* kam-gate answers DEAL */
static int
list_answers(struct kam_ctx *ctx, struct out *o, void *arg)
{
	return store_gate_answers_each(ctx->st, ctx->subj.deal, answer_row, o);
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

/* The --as-of DATE of plan and report. */
static const struct cli_opt as_of_opts[] = {
    {.name = "as-of", .kind = CLI_PAST, .off = 0}, {.name = NULL}};

/* --as-of DATE (checked by its kind), or today. */
static int
as_of_date(const char *opt, char *out)
{
	if (opt == NULL)
		kam_today(out);
	else
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
		o = out_open_cols(stdout, ctx->fmt, 0,
		                  w != NULL ? gate_whatif_cols : gate_run_cols);
		gate_write_rows(o, a, w);
		out_close(o);
	}
}

/* kam-gate run's options: the assumptions, --as-of, --dry-run and
 * --exit-status. */
struct run_opts {
	const char *as_of;
	struct cli_list answers, stances, all; /* all: both, in order */
	int dry, status;
};

#define RO(f) CLI_AT(struct run_opts, f)
static const struct cli_opt run_opts[] = {
    {.name = "as-of", .kind = CLI_PAST, RO(as_of)},
    {.name = "assume-answer",
     .kind = CLI_LIST,
     RO(answers),
     .also = offsetof(struct run_opts, all)},
    {.name = "assume-stance",
     .kind = CLI_LIST,
     RO(stances),
     .also = offsetof(struct run_opts, all)},
    {.name = "dry-run", .kind = CLI_SET, RO(dry), .max = 1},
    {.name = "exit-status", .kind = CLI_SET, RO(status), .max = 1},
    {.name = NULL}};
#undef RO

static int
cmd_run(struct kam_ctx *ctx, int argc, char **argv)
{
	static const int codes[] = {KAM_OK, KAM_VERDICT_LIMITED,
	                            KAM_VERDICT_QUALIFY, KAM_VERDICT_DROP};
	struct gate_assessment a, before;
	struct gate_since since;
	struct gate_whatif w = {NULL, NULL, 0};
	const struct run_opts *ro = ctx->opts;
	struct assumptions as_given, *as = &as_given;
	char as_of[KAM_DATE_LEN], *json = NULL, *codes_json = NULL;
	int rc, dry, same = 0, iffy;
	int64_t deal, number = 0;

	memset(&a, 0, sizeof a);
	memset(&before, 0, sizeof before);
	memset(&since, 0, sizeof since);
	as->answers = (char **)ro->answers.v;
	as->nanswers = ro->answers.n;
	as->stances = (char **)ro->stances.v;
	as->nstances = ro->stances.n;
	as->all = (char **)ro->all.v;
	as->nall = ro->all.n;
	/* An assumption is never stored. */
	iffy = as->nall > 0;
	dry = ro->dry | iffy;
	/* A dry run only reads (the table says what a run may do). */
	if ((rc = as_of_date(ro->as_of, as_of)) != KAM_OK ||
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
	if (ro->status)
		rc = codes[a.verdict];
out:
	gate_since_free(&since);
	free(json);
	free(codes_json);
	gate_assessment_free(&a);
	gate_assessment_free(&before);
	return rc;
}

/* kam-gate plan DEAL [--as-of DATE] */
static int
cmd_plan(struct kam_ctx *ctx, int argc, char **argv)
{
	struct gate_assessment a;
	struct gate_step *steps = NULL;
	const char *as_of_opt = *(const char **)ctx->opts;
	char as_of[KAM_DATE_LEN];
	size_t n = 0;
	int64_t deal;
	int rc;

	memset(&a, 0, sizeof a);
	if ((rc = as_of_date(as_of_opt, as_of)) != KAM_OK ||
	    (rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_assess(ctx->st, deal, as_of, &a)) == KAM_OK) {
		gate_plan(&a, &steps, &n);
		if (ctx->fmt == OUT_JSON)
			gate_write_plan_json(stdout, &a, steps, n);
		else {
			struct out *o =
			    out_open_cols(stdout, ctx->fmt, 0, gate_plan_cols);

			gate_write_plan(o, &a, steps, n);
			out_close(o);
		}
		gate_plan_free(steps, n);
	}
	gate_assessment_free(&a);
	return rc;
}

/*
 * The red flags of a report: the records' (flag_add, cap the room xgrow
 * made), then the group's, which gate_red_flags adds as it grows v
 * itself, after the last flag_add.
 */
struct flag_list {
	struct gate_flag *v;
	size_t n, cap;
};

static int
flag_add(const struct org_flag *f, void *arg)
{
	struct flag_list *l = arg;

	l->v = xgrow(l->v, l->n, &l->cap, sizeof *l->v);
	l->v[l->n++] =
	    (struct gate_flag){xstrdup(f->code), xstrdup(f->subject),
	                       xstrdup(f->message), reason_dup(f->why)};
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
	struct gate_assessment a;
	struct gate_run_info *runs = NULL;
	struct flag_list flags = {NULL, 0, 0};
	struct gate_step *plan = NULL;
	struct gate_memo memo;
	struct gate_since since;
	struct stance_stale stale = {0};
	const char *as_of_opt = *(const char **)ctx->opts;
	char as_of[KAM_DATE_LEN];
	size_t nruns = 0, nplan = 0;
	int64_t deal;
	int rc;

	memset(&a, 0, sizeof a);
	memset(&memo, 0, sizeof memo);
	memset(&since, 0, sizeof since);
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

/* A word of kam-gate's vocabulary v: its label in a table. */
#define LABEL(T, f, n, v) OUT_COL_LABEL(T, f, n, gate_label, v)

#define C(f, k)    OUT_COL(struct gate_run_info, f, #f, k)
#define N(f, n, k) OUT_COL(struct gate_run_info, f, n, k)
#define S(g, n)    LABEL(struct gate_run_info, status[g], n, "status")
static const struct out_col history_cols[] = {
    N(number, "run", OUT_C_INT64),
    C(as_of, OUT_C_CHARS),
    C(recorded, OUT_C_STR),
    C(checked, OUT_C_STR),
    C(actor, OUT_C_STR),
    LABEL(struct gate_run_info, verdict, "verdict", "verdict"),
    S(0, "real"),
    S(1, "compete"),
    S(2, "win"),
    S(3, "worth"),
    OUT_COL_END};
#undef S
#undef N
#undef C

/* kam-gate history DEAL */
static int
cmd_history(struct kam_ctx *ctx, int argc, char **argv)
{
	struct gate_run_info *runs;
	int64_t deal;
	size_t n;
	int rc;

	if ((rc = deal_operand(ctx, &deal)) != KAM_OK)
		return rc;
	if ((rc = store_gate_runs(ctx->st, deal, &runs, &n)) != KAM_OK)
		return rc;
	cli_out_rows(ctx, history_cols, runs, n, sizeof *runs);
	gate_runs_free(runs, n);
	return KAM_OK;
}

/* The two runs compared, and where their changes go. */
struct diff_out {
	struct out *o;
	const struct gate_snap *a, *b;
};

/* A change between the runs: each value beside what a table shows. */
struct diff_line {
	const char *what, *item, *before, *after;
	const char *what_t, *item_t, *before_t, *after_t;
};

#define C(f) OUT_COL_SHOWN(struct diff_line, f, #f, f##_t)
static const struct out_col diff_cols[] = {C(what), C(item), C(before),
                                           C(after), OUT_COL_END};
#undef C

/* A word of kam-gate's vocabulary kind as a table shows it. */
static const char *
shown(const char *kind, const char *word)
{
	return word != NULL ? gate_label(kind, word) : NULL;
}

static void
diff_row(const char *what, const char *item, const char *before,
         const char *after, void *arg)
{
	const struct diff_out *d = arg;
	/* For a person: each value in the words of its kind. */
	const char *kind = strcmp(what, "verdict") == 0  ? "verdict"
	                   : strcmp(what, "gate") == 0   ? "status"
	                   : strcmp(what, "source") == 0 ? "source"
	                                                 : NULL;
	struct diff_line l = {
	    what, item,   before, after, shown("change", what),
	    item, before, after};
	char *b = NULL, *a = NULL;

	if (strcmp(what, "gate") == 0 || strcmp(what, "score") == 0)
		l.item_t = shown("gate", item);
	if (kind != NULL) {
		l.before_t = shown(kind, before);
		l.after_t = shown(kind, after);
	} else if (strcmp(what, "answer") == 0) {
		l.before_t = vocab_label(before);
		l.after_t = vocab_label(after);
	} else if (strcmp(what, "evidence") == 0 && out_is_table(d->o)) {
		l.before_t = b = gate_snap_said(d->a, item);
		l.after_t = a = gate_snap_said(d->b, item);
	}
	out_row(d->o, &l);
	free(b);
	free(a);
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
	struct gate_snap a, b;
	struct diff_out d;
	struct out *o;
	int64_t deal, ra = 0, rb = 0;
	int rc;

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
	d.o = o = cli_out(ctx, 0, diff_cols);
	d.a = &a;
	d.b = &b;
	gate_diff(&a, &b, diff_row, &d);
	out_close(o);
	gate_snap_free(&a);
	gate_snap_free(&b);
	return KAM_OK;
}

#define C(f, k) OUT_COL(struct gate_list_row, f, #f, k)
static const struct out_col list_cols[] = {
    C(deal, OUT_C_STR),
    C(name, OUT_C_STR),
    LABEL(struct gate_list_row, verdict, "verdict", "verdict"),
    C(as_of, OUT_C_STR),
    C(run, OUT_C_INT64_NZ),
    C(recorded, OUT_C_STR),
    LABEL(struct gate_list_row, status, "status", "deal"),
    OUT_COL_END};
#undef C

OUT_ROW_FN(list_row, struct gate_list_row)

/* Adds an account's id to ids (of int64_t) unless it is there. */
static int
add_account(struct kam_ctx *ctx, const char *handle, struct kam_array *ids)
{
	const int64_t *v = ids->v;
	int64_t id;
	size_t k;
	int rc;

	if ((rc = store_account_id(ctx->st, handle, &id)) != KAM_OK)
		return rc;
	for (k = 0; k < ids->n; k++)
		if (v[k] == id)
			return KAM_OK;
	*(int64_t *)kam_array_add(ids, sizeof id) = id;
	return KAM_OK;
}

/*
 * The accounts of a portfolio: those named (each once), else -a's, else
 * every one (none in ids).
 */
static int
portfolio_accounts(struct kam_ctx *ctx, int argc, char **argv,
                   struct kam_array *ids)
{
	int i, rc = KAM_OK;

	for (i = optind; rc == KAM_OK && i < argc; i++)
		rc = add_account(ctx, argv[i], ids);
	if (rc == KAM_OK && optind == argc && ctx->account != NULL)
		rc = add_account(ctx, ctx->account, ids);
	if (rc != KAM_OK) {
		free(ids->v);
		ids->v = NULL;
	}
	return rc;
}

/*
 * kam-gate portfolio [ACCOUNT...]: every open deal with its last verdict,
 * by expected value, as rows, Markdown or a picture for a slide.
 */
struct portfolio_opts {
	const char *out, *format, *fit, *title;
};
#define PO(f) CLI_AT(struct portfolio_opts, f)
static const struct cli_opt portfolio_opts[] = {
    CLI_DRAW_OPTS(struct portfolio_opts, out, format),
    {.name = "fit", .kind = CLI_STR, PO(fit)},
    {.name = "title", .kind = CLI_TEXT, PO(title)},
    {.name = NULL}};
#undef PO

static int
cmd_portfolio(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct portfolio_opts *opt = ctx->opts;
	const char *format = opt->format, *out = opt->out;
	const char *fitname = opt->fit != NULL ? opt->fit : "16:9";
	const char *title = opt->title;
	const struct map_fit *fit;
	char today[KAM_DATE_LEN];
	struct portfolio pf;
	struct kam_array ids = {0};
	int rc = KAM_OK;

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
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = portfolio_accounts(ctx, argc, argv, &ids)) != KAM_OK)
		return rc;
	kam_today(today);
	rc = portfolio_load(ctx->st, ids.v, ids.n, today, &pf);
	free(ids.v);
	if (rc != KAM_OK)
		return rc;
	if (format != NULL) {
		if ((rc = map_ready()) == KAM_OK) {
			Agraph_t *g =
			    portfolio_graph(&pf, title, MAP_DEFAULT_FONT, fit);

			rc = map_write(g, format, out, fit);
			map_close(g);
		}
	} else if (ctx->fmt == OUT_MD) {
		portfolio_write_md(stdout, &pf);
	} else {
		struct out *o =
		    out_open_cols(stdout, ctx->fmt, 0, portfolio_cols);

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
static const struct cli_opt calibrate_opts[] = {
    {.name = "days-before",
     .kind = CLI_INT,
     .off = 0,
     .max = 36500,
     .dflt = CALIBRATE_DAYS,
     .msg = N_("invalid number of days '%s' for --days-before (use a "
               "whole number from 0 to 36500)")},
    {.name = NULL}};

static int
cmd_calibrate(struct kam_ctx *ctx, int argc, char **argv)
{
	struct calib_deal *deals = NULL;
	struct calibration c;
	long days = *(long *)ctx->opts;
	size_t n = 0;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = store_calibrate_load(ctx->st, &deals, &n)) != KAM_OK)
		return rc;
	calibrate(deals, n, days, &c);
	if (ctx->fmt == OUT_JSON)
		calibrate_write_json(stdout, &c);
	else if (ctx->fmt == OUT_TABLE || ctx->fmt == OUT_MD)
		calibrate_write_text(stdout, &c, ctx->fmt == OUT_MD);
	else {
		struct out *o =
		    out_open_cols(stdout, ctx->fmt, 0, calibrate_cols);

		calibrate_write_rows(o, &c);
		out_close(o);
	}
	calibration_free(&c);
	calib_deals_free(deals, n);
	return KAM_OK;
}

/* kam-gate list [ACCOUNT] [--all] */
static const struct cli_opt list_opts[] = {
    {.name = "all", .kind = CLI_SET, .off = 0, .max = 1}, {.name = NULL}};

static int
cmd_list(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int64_t account = 0;
	int rc, all = *(int *)ctx->opts;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	o = cli_out(ctx, 0, list_cols);
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

/* A setting: its value, its default and what it means. */
struct setting_row {
	const char *key;
	double value, dflt;
	const char *meaning;
};

#define C(f, k)    OUT_COL(struct setting_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct setting_row, f, n, k)
static const struct out_col setting_cols[] = {
    C(key, OUT_C_STR), C(value, OUT_C_NUM), N(dflt, "default", OUT_C_NUM),
    C(meaning, OUT_C_STR), OUT_COL_END};
#undef N
#undef C

/* kam-gate setting [KEY [VALUE]] [--reset] */
static const struct cli_opt setting_opts[] = {
    {.name = "reset", .kind = CLI_SET, .off = 0, .max = 1}, {.name = NULL}};

/*
 * Whether key at v keeps the settings that bound one another in order
 * (gate_params_disorder), with the others as stored: a win.fail above
 * win.strong would make every verdict that follows meaningless.
 */
static int
settings_in_order(struct kam_ctx *ctx, const char *key, double v)
{
	struct gate_params p;
	const char *lo, *hi;
	int rc;

	if ((rc = gate_params_load(ctx->st, &p)) != KAM_OK)
		return rc;
	*gate_param(&p, key) = v;
	if (!gate_params_disorder(&p, key, &lo, &hi))
		return KAM_OK;
	return kam_err(KAM_CONFLICT,
	               _("'%s' (%.15g) would be above '%s' (%.15g), which "
	                 "it may not be"),
	               lo, *gate_param(&p, lo), hi, *gate_param(&p, hi));
}

static int
cmd_setting(struct kam_ctx *ctx, int argc, char **argv)
{
	struct gate_params p, d;
	const char *key, *why;
	struct out *o;
	double v;
	size_t i;
	int rc, reset = *(int *)ctx->opts, nargs;

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
		if ((rc = cli_subject(ctx)) != KAM_OK ||
		    (rc = settings_in_order(ctx, key, v)) != KAM_OK)
			return rc;
		return store_gate_setting_set(ctx->st, key, v);
	}
	if (reset) {
		if ((rc = cli_subject(ctx)) != KAM_OK ||
		    (rc = settings_in_order(ctx, key, *gate_param(&d, key))) !=
		        KAM_OK)
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
	o = cli_out(ctx, 0, setting_cols);
	for (i = 0; gate_setting_keys[i] != NULL; i++) {
		/* The meaning in the user's language in a table only. */
		struct setting_row r = {
		    gate_setting_keys[i], *gate_param(&p, gate_setting_keys[i]),
		    *gate_param(&d, gate_setting_keys[i]),
		    ctx->fmt == OUT_TABLE ? _(gate_setting_help[i])
		                          : gate_setting_help[i]};

		out_row(o, &r);
	}
	out_close(o);
	return KAM_OK;
}

static const struct kam_verb verbs[] = {
    {"criteria", "criteria [--gate GATE] [--profile NAME]", "list the rubric",
     cmd_criteria, 0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_OPTS(criteria_opts, struct crit_opts)},
    {"criteria add",
     "criteria add GATE KEY --question TEXT [--must] [--profile NAME] "
     "[--weight N]",
     "add a criterion", cmd_criteria_add, 2, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(criteria_add_opts, struct crit_opts)},
    {"criteria set",
     "criteria set KEY [--gate GATE] [--must | --no-must] [--profile NAME] "
     "[--question TEXT] [--weight N]",
     "change a criterion", cmd_criteria_set, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(criteria_set_opts, struct crit_opts)},
    {"criteria remove", "criteria remove KEY [--profile NAME]",
     "remove a criterion that has no answers", cmd_criteria_remove, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(profile_opts, struct crit_opts)},
    {"profile list", "profile list",
     "the rubric profiles, with the accounts that use them", cli_listing, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_LISTS(0, profile_cols, list_profiles)},
    {"profile add", "profile add NAME [--from PROFILE]",
     "add a rubric profile, a copy of another", cmd_profile_add, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(profile_add_opts, struct crit_opts)},
    {"profile remove", "profile remove NAME",
     "remove a profile that has no answers", cmd_profile_remove, 1, 1,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM, CLI_NO_OPTS},
    {"answer",
     "answer DEAL KEY yes|partly|no|unknown|--gap PERCENT [--evidence TEXT] "
     "[--on DATE]",
     "answer a criterion for a deal", cmd_answer, 2, 3, CLI_DEAL,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(answer_opts, struct answer_opts)},
    {"answers", "answers DEAL", "every answer given for a deal", cli_listing, 1,
     1, CLI_DEAL, CLI_READ | CLI_TEAM, CLI_LISTS(0, answer_cols, list_answers)},
    {"run",
     "run DEAL [--as-of DATE] [--assume-answer KEY=ANSWER] "
     "[--assume-stance PERSON=STANCE] [--dry-run] [--exit-status]",
     "assess a deal and store the run", cmd_run, 1, 1, CLI_DEAL,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(run_opts, struct run_opts)},
    {"plan", "plan DEAL [--as-of DATE]",
     "what to do with each person of the buying group", cmd_plan, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM, CLI_OPTS(as_of_opts, const char *)},
    /* A memo, or its data: nothing else. */
    {"report", "report DEAL [--as-of DATE]",
     "the assessment as a memo (Markdown, or JSON)", cmd_report, 1, 1, CLI_DEAL,
     CLI_READ | CLI_TEAM,
     CLI_OPTS_FMT(as_of_opts, const char *, CLI_FMT(OUT_MD) | CLI_FMT(OUT_JSON),
                  OUT_MD)},
    {"history", "history DEAL", "the stored runs of a deal", cmd_history, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM, CLI_NO_OPTS},
    {"diff", "diff DEAL [RUN RUN]", "what changed between two runs", cmd_diff,
     1, 3, CLI_DEAL, CLI_READ | CLI_TEAM, CLI_NO_OPTS},
    {"list", "list [ACCOUNT] [--all]",
     "every open deal (with --all, every deal) with its latest verdict",
     cmd_list, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_OPTS(list_opts, int)},
    {"portfolio",
     "portfolio [ACCOUNT]... [-o FILE] [-T dot | svg | png | pdf] "
     "[--fit 16:9 | 4:3 | a4 | a4-landscape | letter] [--title TEXT]",
     "every open deal by expected value, as a table or a picture",
     cmd_portfolio, 0, CLI_MANY, CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_OPTS_FMT(portfolio_opts, struct portfolio_opts,
                  CLI_FMT_ROWS | CLI_FMT(OUT_MD), OUT_TSV)},
    {"calibrate", "calibrate [--days-before N]",
     "what the verdicts said before closed deals closed, against what "
     "happened",
     cmd_calibrate, 0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_OPTS_FMT(calibrate_opts, long, CLI_FMT_ROWS | CLI_FMT(OUT_MD),
                  OUT_TABLE)},
    {"setting", "setting [KEY [VALUE]] [--reset]",
     "show or change the thresholds and weights", cmd_setting, 0, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(setting_opts, int)},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0, CLI_NO_OPTS},
};

static const struct kam_cmd cmd = {
    "kam-gate",
    N_("Put a deal through the four gates: is it real, can we compete, "
       "can we win, is it worth winning; how much to invest, and a plan "
       "per person."),
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
