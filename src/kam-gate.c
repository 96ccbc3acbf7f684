/*
 * kam-gate: puts a deal through the method's four gates (METHOD.md,
 * section 2) and says whether to pursue it, with what weight, and why.
 * The rules live in gate.c, the queries in store-gate.c; this file
 * parses arguments, chooses the verb and the exit status.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/cli.h"
#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/org.h"
#include "kam/store.h"

enum {
	OPT_AS_OF = 256,
	OPT_DRY_RUN,
	OPT_EVIDENCE,
	OPT_EXIT_STATUS,
	OPT_GATE,
	OPT_MUST,
	OPT_NO_MUST,
	OPT_ON,
	OPT_QUESTION,
	OPT_RESET,
	OPT_WEIGHT,
};

/* Malformed and impossible dates get different messages, one code. */
static int
check_date(const char *opt, const char *s)
{
	char today[KAM_DATE_LEN];

	if (!date_valid(s)) {
		if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
		    strspn(s, "0123456789-") == 10)
			return kam_err(KAM_DATA, "impossible date '%s' for %s",
			               s, opt);
		return kam_err(KAM_DATA,
		               "malformed date '%s' for %s (use YYYY-MM-DD)", s,
		               opt);
	}
	kam_today(today);
	if (strcmp(s, today) > 0)
		return kam_err(KAM_DATA,
		               "date '%s' for %s is in the future (today is "
		               "%s)",
		               s, opt, today);
	return KAM_OK;
}

static int
check_text(const char *opt, const char *s, enum text_kind kind)
{
	int rc;

	if ((rc = text_check(NULL, opt, s, kind)) != KAM_OK)
		return rc;
	if (s != NULL && *s == '\0')
		return kam_err(KAM_DATA, "%s is empty", opt);
	return KAM_OK;
}

static int
check_weight(const char *s, int *w)
{
	long v;

	if (!parse_int(s, 0, 100, &v))
		return kam_err(KAM_DATA,
		               "invalid weight '%s' (use a whole number from 0 "
		               "to 100)",
		               s);
	*w = (int)v;
	return KAM_OK;
}

static int
check_gate(const char *s, int *g)
{
	if ((*g = gate_parse(s)) == 0)
		return kam_err(KAM_DATA,
		               "unknown gate '%s' (use 1-4 or real, compete, "
		               "win, worth)",
		               s);
	return KAM_OK;
}

/* kam-gate criteria [--gate GATE] */
static int
cmd_criteria(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"gate", required_argument, NULL, OPT_GATE},
	    {NULL, 0, NULL, 0},
	};
	static const char *const cols[] = {"gate",     "name", "key",
	                                   "weight",   "must", "computed",
	                                   "question", NULL};
	static const char *const subs[] = {"add", "set", "remove"};
	struct gate_crit *c;
	struct out *o;
	size_t n, i;
	int ch, rc, gate = 0;

	/* A mistyped "criteria add" lands here: say so. */
	if (argc > 1 && argv[1][0] != '-')
		for (i = 0; i < 3; i++)
			if (kam_distance(argv[1], subs[i]) <= 2)
				return kam_err(
				    KAM_USAGE,
				    "unknown verb 'criteria %s' (did "
				    "you mean 'criteria %s'?)",
				    argv[1], subs[i]);
	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_GATE)
			return cli_usage(ctx);
		if ((rc = check_gate(optarg, &gate)) != KAM_OK)
			return rc;
	}
	if (optind < argc)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind]);
	if ((rc = cli_open(ctx, CLI_READ)) != KAM_OK)
		return rc;
	if ((rc = gate_rubric(ctx->st, gate, &c, &n)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		out_int(o, c[i].gate);
		out_str(o, gate_name(c[i].gate));
		out_str(o, c[i].key);
		out_int(o, c[i].weight);
		out_bool(o, c[i].must);
		out_bool(o, c[i].computed);
		out_str(o, c[i].question);
		out_end_row(o);
	}
	out_close(o);
	gate_crit_free(c, n);
	return KAM_OK;
}

/* kam-gate criteria add GATE KEY --question TEXT [--must] [--weight N] */
static int
cmd_criteria_add(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"must", no_argument, NULL, OPT_MUST},
	    {"question", required_argument, NULL, OPT_QUESTION},
	    {"weight", required_argument, NULL, OPT_WEIGHT},
	    {NULL, 0, NULL, 0},
	};
	const char *question = NULL, *key;
	int ch, rc, gate, weight = 1, must = 0;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_MUST:
			must = 1;
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
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing GATE");
	if (argc - optind < 2)
		return cli_usage_msg(ctx, "missing KEY");
	if (argc - optind > 2)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 2]);
	if (question == NULL)
		return cli_usage_msg(ctx, "missing --question");
	key = argv[optind + 1];
	if ((rc = check_gate(argv[optind], &gate)) != KAM_OK)
		return rc;
	if (!handle_valid(key))
		return kam_err(KAM_DATA,
		               "invalid criterion key '%s' (use letters, "
		               "digits, '.', '_' and '-')",
		               key);
	if ((rc = check_text("--question", question, TEXT_LINE)) != KAM_OK)
		return rc;
	if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
		return rc;
	return gate_criterion_add(ctx->st, gate, key, question, weight, must);
}

/*
 * kam-gate criteria set KEY [--gate GATE] [--must | --no-must]
 *     [--question TEXT] [--weight N]
 */
static int
cmd_criteria_set(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"gate", required_argument, NULL, OPT_GATE},
	    {"must", no_argument, NULL, OPT_MUST},
	    {"no-must", no_argument, NULL, OPT_NO_MUST},
	    {"question", required_argument, NULL, OPT_QUESTION},
	    {"weight", required_argument, NULL, OPT_WEIGHT},
	    {NULL, 0, NULL, 0},
	};
	const char *question = NULL;
	int ch, rc, gate = 0, weight = -1, must = -1, musts = 0;

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
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing KEY");
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if (musts == 3)
		return cli_usage_msg(ctx, "--must and --no-must exclude each "
		                          "other");
	if (gate == 0 && weight < 0 && must < 0 && question == NULL)
		return cli_usage_msg(ctx, "nothing to change (give --gate, "
		                          "--must, --no-must, --question or "
		                          "--weight)");
	if ((rc = check_text("--question", question, TEXT_LINE)) != KAM_OK)
		return rc;
	if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
		return rc;
	return gate_criterion_set(ctx->st, argv[optind], gate, weight, must,
	                          question);
}

/* kam-gate criteria remove KEY */
static int
cmd_criteria_remove(struct kam_ctx *ctx, int argc, char **argv)
{
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing KEY");
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
		return rc;
	return gate_criterion_remove(ctx->st, argv[optind]);
}

/* kam-gate answer DEAL KEY yes|partly|no|unknown [--evidence TEXT] [--on D] */
static int
cmd_answer(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"evidence", required_argument, NULL, OPT_EVIDENCE},
	    {"on", required_argument, NULL, OPT_ON},
	    {NULL, 0, NULL, 0},
	};
	const char *evidence = NULL, *on = NULL;
	char today[KAM_DATE_LEN];
	int64_t deal, crit;
	int ch, rc, ans;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_EVIDENCE:
			evidence = optarg;
			break;
		case OPT_ON:
			on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing DEAL");
	if (argc - optind < 2)
		return cli_usage_msg(ctx, "missing KEY");
	if (argc - optind < 3)
		return cli_usage_msg(ctx, "missing ANSWER");
	if (argc - optind > 3)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 3]);
	if ((ans = gate_ans_parse(argv[optind + 2])) < 0)
		return kam_err(KAM_DATA,
		               "invalid answer '%s' (use yes, partly, no or "
		               "unknown)",
		               argv[optind + 2]);
	if (on != NULL && (rc = check_date("--on", on)) != KAM_OK)
		return rc;
	if ((rc = check_text("--evidence", evidence, TEXT_FREE)) != KAM_OK)
		return rc;
	if (on == NULL) {
		kam_today(today);
		on = today;
	}
	if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
		return rc;
	if ((rc = store_deal_id(ctx->st, argv[optind], ctx->account, &deal)) !=
	    KAM_OK)
		return rc;
	if ((rc = gate_criterion_id(ctx->st, argv[optind + 1], &crit)) !=
	    KAM_OK)
		return rc;
	return gate_answer_add(ctx->st, deal, crit, (enum gate_ans)ans,
	                       evidence, on);
}

static void
answer_row(const char *key, const char *answer, const char *evidence,
           const char *on, const char *recorded, const char *actor, void *arg)
{
	struct out *o = arg;

	out_str(o, on);
	out_str(o, key);
	out_word(o, answer);
	out_str(o, evidence);
	out_str(o, recorded);
	out_str(o, actor);
	out_end_row(o);
}

/* One operand DEAL, opened for reading, into *deal. */
static int
deal_operand(struct kam_ctx *ctx, int argc, char **argv, int mode,
             int64_t *deal)
{
	int rc;

	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing DEAL");
	if ((rc = cli_open(ctx, mode)) != KAM_OK)
		return rc;
	return store_deal_id(ctx->st, argv[optind], ctx->account, deal);
}

/* kam-gate answers DEAL */
static int
cmd_answers(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "on", "key", "answer", "evidence", "recorded", "actor", NULL};
	struct out *o;
	int64_t deal;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if ((rc = deal_operand(ctx, argc, argv, CLI_READ, &deal)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = gate_answers_each(ctx->st, deal, answer_row, o);
	out_close(o);
	return rc;
}

/* The assessment's JSON, as printed and as stored. */
static char *
to_json(const struct gate_assessment *a)
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&s, &len)) == NULL)
		abort();
	gate_write_json(fp, a);
	fclose(fp);
	return s;
}

static void
write_rows(struct kam_ctx *ctx, const struct gate_assessment *a)
{
	static const char *const cols[] = {
	    "deal",   "as_of", "verdict", "gate",    "name",
	    "status", "score", "answers", "reasons", NULL};
	struct out *o = cli_out(ctx, 0, cols);
	size_t i;
	int g;

	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *go = &a->gates[g - 1];
		struct buf ans = {0}, rs = {0};

		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g)
				buf_printf(&ans, "%s%s=%s", ans.len ? ";" : "",
				           a->crit[i].key,
				           gate_ans_word(a->crit[i].answer));
		for (i = 0; i < go->nreasons; i++)
			buf_printf(&rs, "%s%s", i ? ";" : "", go->reasons[i]);
		out_str(o, a->deal);
		out_str(o, a->as_of);
		out_str(o, gate_verdict_word(a->verdict));
		out_int(o, g);
		out_str(o, gate_name(g));
		out_str(o, gate_status_word(go->status));
		if (go->scored && go->status != GATE_NOT_REACHED) {
			char score[16];

			snprintf(score, sizeof score, "%.2f", go->score);
			out_raw_json(o, score, score);
		} else
			out_null(o);
		out_list(o, ans.s ? ans.s : "");
		out_list(o, rs.s ? rs.s : "");
		out_end_row(o);
		buf_free(&ans);
		buf_free(&rs);
	}
	out_close(o);
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

/* kam-gate run DEAL [--as-of DATE] [--dry-run] [--exit-status] */
static int
cmd_run(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
	    {"exit-status", no_argument, NULL, OPT_EXIT_STATUS},
	    {NULL, 0, NULL, 0},
	};
	static const int codes[] = {KAM_OK, KAM_VERDICT_LIMITED,
	                            KAM_VERDICT_QUALIFY, KAM_VERDICT_DROP};
	struct gate_assessment a;
	const char *as_of_opt = NULL;
	char as_of[KAM_DATE_LEN], *json;
	int ch, rc, dry = 0, status = 0;
	int64_t deal, id = 0;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (ch) {
		case OPT_AS_OF:
			as_of_opt = optarg;
			break;
		case OPT_DRY_RUN:
			dry = 1;
			break;
		case OPT_EXIT_STATUS:
			status = 1;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing DEAL");
	if ((rc = as_of_date(as_of_opt, as_of)) != KAM_OK)
		return rc;
	if ((rc = deal_operand(ctx, argc, argv, dry ? CLI_READ : CLI_WRITE,
	                       &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_assess(ctx->st, deal, as_of, &a)) != KAM_OK) {
		gate_assessment_free(&a);
		return rc;
	}
	json = to_json(&a);
	if (!dry)
		rc = gate_run_add(ctx->st, deal, as_of,
		                  gate_verdict_word(a.verdict), json, &id);
	if (rc == KAM_OK) {
		if (ctx->fmt == OUT_JSON)
			fputs(json, stdout);
		else if (ctx->fmt == OUT_TABLE) {
			gate_write_text(stdout, &a);
			if (id != 0)
				printf("\nStored as run %lld.\n",
				       (long long)id);
		} else
			write_rows(ctx, &a);
		if (status)
			rc = codes[a.verdict];
	}
	free(json);
	gate_assessment_free(&a);
	return rc;
}

static void
flag_add(const char *flag, void *arg)
{
	struct {
		char **v;
		size_t n;
	} *f = arg;

	f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
	f->v[f->n++] = xstrdup(flag);
}

/* kam-gate report DEAL [--as-of DATE] */
static int
cmd_report(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {NULL, 0, NULL, 0},
	};
	struct gate_assessment a;
	struct gate_run_info *runs = NULL;
	struct {
		char **v;
		size_t n;
	} flags = {NULL, 0};
	const char *as_of_opt = NULL;
	char as_of[KAM_DATE_LEN];
	size_t nruns = 0, i;
	int64_t deal;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (ch != OPT_AS_OF)
			return cli_usage(ctx);
		as_of_opt = optarg;
	}
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if (argc - optind < 1)
		return cli_usage_msg(ctx, "missing DEAL");
	if ((rc = as_of_date(as_of_opt, as_of)) != KAM_OK)
		return rc;
	if ((rc = deal_operand(ctx, argc, argv, CLI_READ, &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_assess(ctx->st, deal, as_of, &a)) != KAM_OK ||
	    (rc = gate_runs(ctx->st, deal, &runs, &nruns)) != KAM_OK ||
	    (rc = org_check(ctx->st, store_deal_account(ctx->st, deal), deal,
	                    flag_add, &flags)) != KAM_OK) {
		if (rc == KAM_FALSE)
			rc = KAM_OK;
	}
	if (rc == KAM_OK)
		gate_write_report(stdout, &a, runs, nruns, flags.v, flags.n);
	for (i = 0; i < flags.n; i++)
		free(flags.v[i]);
	free(flags.v);
	gate_runs_free(runs, nruns);
	gate_assessment_free(&a);
	return rc;
}

/* kam-gate history DEAL */
static int
cmd_history(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "run",  "as_of",   "recorded", "actor", "verdict",
	    "real", "compete", "win",      "worth", NULL};
	struct gate_run_info *runs;
	struct out *o;
	size_t n, i;
	int64_t deal;
	int ch, rc, g;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	if ((rc = deal_operand(ctx, argc, argv, CLI_READ, &deal)) != KAM_OK)
		return rc;
	if ((rc = gate_runs(ctx->st, deal, &runs, &n)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		out_int(o, runs[i].id);
		out_str(o, runs[i].as_of);
		out_str(o, runs[i].recorded);
		out_str(o, runs[i].actor);
		out_str(o, runs[i].verdict);
		for (g = 0; g < GATE_COUNT; g++)
			out_str(o, runs[i].status[g]);
		out_end_row(o);
	}
	out_close(o);
	gate_runs_free(runs, n);
	return KAM_OK;
}

static void
diff_row(const char *what, const char *item, const char *before,
         const char *after, void *arg)
{
	struct out *o = arg;

	out_str(o, what);
	out_str(o, item);
	out_str(o, before);
	out_str(o, after);
	out_end_row(o);
}

static int
check_run_id(const char *s, int64_t *id)
{
	long v;

	if (!parse_int(s, 1, 0x7fffffffL, &v))
		return kam_err(KAM_DATA,
		               "invalid run id '%s' (use the number shown by "
		               "'kam-gate history')",
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
	struct out *o;
	int64_t deal, ra = 0, rb = 0;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind == 2)
		return cli_usage_msg(ctx, "missing the second RUN");
	if (argc - optind > 3)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 3]);
	if (argc - optind == 3 &&
	    ((rc = check_run_id(argv[optind + 1], &ra)) != KAM_OK ||
	     (rc = check_run_id(argv[optind + 2], &rb)) != KAM_OK))
		return rc;
	if ((rc = deal_operand(ctx, argc, argv, CLI_READ, &deal)) != KAM_OK)
		return rc;
	if (ra == 0) {
		struct gate_run_info *runs;
		size_t n;

		if ((rc = gate_runs(ctx->st, deal, &runs, &n)) != KAM_OK)
			return rc;
		if (n >= 2) {
			ra = runs[n - 2].id;
			rb = runs[n - 1].id;
		}
		gate_runs_free(runs, n);
		if (n < 2) {
			char *ref = store_deal_ref(ctx->st, deal);

			rc = kam_err(KAM_NOTFOUND,
			             "deal '%s' has fewer than two runs (see "
			             "'kam-gate history')",
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
	o = cli_out(ctx, 0, cols);
	gate_diff(&a, &b, diff_row, o);
	out_close(o);
	gate_snap_free(&a);
	gate_snap_free(&b);
	return KAM_OK;
}

static void
list_row(const char *deal, const char *name, const char *verdict,
         const char *as_of, int64_t run, const char *recorded, void *arg)
{
	struct out *o = arg;

	out_str(o, deal);
	out_str(o, name);
	out_str(o, verdict);
	out_str(o, as_of);
	if (run != 0)
		out_int(o, run);
	else
		out_null(o);
	out_str(o, recorded);
	out_end_row(o);
}

/* kam-gate list [ACCOUNT] */
static int
cmd_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "deal", "name", "verdict", "as_of", "run", "recorded", NULL};
	const char *acct;
	struct out *o;
	int64_t account = 0;
	int ch, rc;

	while ((ch = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if (argc - optind > 1)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 1]);
	acct = argc - optind == 1 ? argv[optind] : ctx->account;
	if ((rc = cli_open(ctx, CLI_READ)) != KAM_OK)
		return rc;
	if (acct != NULL &&
	    (rc = store_account_id(ctx->st, acct, &account)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = gate_list_each(ctx->st, account, list_row, o);
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
		               "unknown setting '%s' (did you mean '%s'?)", key,
		               guess);
	return kam_err(KAM_NOTFOUND,
	               "unknown setting '%s' (see 'kam-gate setting')", key);
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
	if (nargs > 2)
		return cli_usage_msg(ctx, "unexpected '%s'", argv[optind + 2]);
	if (reset && nargs != 1)
		return cli_usage_msg(
		    ctx, nargs == 0 ? "missing KEY" : "--reset takes no VALUE");
	key = nargs > 0 ? argv[optind] : NULL;
	gate_params_default(&d);
	if (key != NULL && gate_param(&d, key) == NULL)
		return unknown_setting(key);
	if (nargs == 2) {
		/* The point is '.' in every locale. */
		if (!decimal_parse(argv[optind + 1], &v))
			why = "a number";
		else
			why = gate_param_check(key, v);
		if (why != NULL)
			return kam_err(KAM_DATA,
			               "invalid value '%s' for '%s' (use %s)",
			               argv[optind + 1], key,
			               gate_param_check(key, -1000)
			                   ? gate_param_check(key, -1000)
			                   : why);
		if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
			return rc;
		return gate_setting_set(ctx->st, key, v);
	}
	if (reset) {
		if ((rc = cli_open(ctx, CLI_WRITE)) != KAM_OK)
			return rc;
		return gate_setting_reset(ctx->st, key);
	}
	if ((rc = cli_open(ctx, CLI_READ)) != KAM_OK)
		return rc;
	if ((rc = gate_params_load(ctx->st, &p)) != KAM_OK)
		return rc;
	if (key != NULL) {
		printf("%g\n", *gate_param(&p, key));
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
    {"criteria", "criteria [--gate GATE]", "list the rubric", cmd_criteria},
    {"criteria add",
     "criteria add GATE KEY --question TEXT [--must] [--weight N]",
     "add a criterion", cmd_criteria_add},
    {"criteria set",
     "criteria set KEY [--gate GATE] [--must | --no-must] "
     "[--question TEXT] [--weight N]",
     "change a criterion", cmd_criteria_set},
    {"criteria remove", "criteria remove KEY",
     "remove a criterion that has no answers", cmd_criteria_remove},
    {"answer",
     "answer DEAL KEY yes|partly|no|unknown [--evidence TEXT] [--on DATE]",
     "answer a criterion for a deal", cmd_answer},
    {"answers", "answers DEAL", "every answer given for a deal", cmd_answers},
    {"run", "run DEAL [--as-of DATE] [--dry-run] [--exit-status]",
     "assess a deal and store the run", cmd_run},
    {"report", "report DEAL [--as-of DATE]", "the assessment as a memo",
     cmd_report},
    {"history", "history DEAL", "the stored runs of a deal", cmd_history},
    {"diff", "diff DEAL [RUN RUN]", "what changed between two runs", cmd_diff},
    {"list", "list [ACCOUNT]", "every deal with its latest verdict", cmd_list},
    {"setting", "setting [KEY [VALUE]] [--reset]",
     "show or change the thresholds and weights", cmd_setting},
    {NULL, NULL, NULL, NULL},
};

static const struct kam_cmd cmd = {
    "kam-gate",
    "Put a deal through the four gates: is it real, can we compete, can "
    "we win, is it worth winning.",
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
