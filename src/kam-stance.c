/*
 * kam-stance: stakeholders' stances over time (METHOD.md, section 1.3),
 * recorded append-only with a SHA-256 chain, and read back as they were
 * on a day, as known at a time.
 */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/cli.h"
#include "kam/gate.h"
#include "kam/graph.h"
#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"
#include "kam/stance.h"
#include "kam/store.h"
#include "kam/timeline.h"

/* Long-only options get codes above the character range. */

static int
check_date(const char *opt, const char *s)
{
	return date_check(NULL, opt, s);
}

/* The day a stance held from, or a day to look back on: a real day, not
 * in the future. */
static int
check_on(const char *opt, const char *s)
{
	return date_check_past(NULL, opt, s);
}

static int
check_stance(const char *s, const char **word)
{
	if ((*word = vocab_word(VOCAB_STANCE, s)) == NULL)
		return vocab_refused(NULL, VOCAB_STANCE, s);
	return KAM_OK;
}

static int
check_text(const char *opt, const char *s)
{
	return text_check(NULL, opt, s, TEXT_FREE);
}

static int
check_id(const char *s, int64_t *id)
{
	long v;

	if (!parse_int(s, 1, 0x7fffffffL, &v))
		return kam_err(KAM_DATA,
		               _("invalid observation id '%s' (use the number "
		                 "shown by 'kam-stance log')"),
		               s);
	*id = v;
	return KAM_OK;
}

static int
print_id(int64_t id)
{
	printf("%lld\n", (long long)id);
	return out_finish_stdout();
}

/*
 * set PERSON STANCE: one observation.
 */
static int
cmd_set(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"deal", required_argument, NULL, OPT_DEAL},
	    {"note", required_argument, NULL, OPT_NOTE},
	    {"on", required_argument, NULL, OPT_ON},
	    {"source", required_argument, NULL, OPT_SOURCE},
	    {"toward", required_argument, NULL, OPT_TOWARD},
	    {NULL, 0, NULL, 0},
	};
	const char *deal = NULL, *note = NULL, *on = NULL, *source = NULL;
	const char *toward = NULL, *word;
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	struct stance_chain chain = {0};
	struct stance_row r;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		switch (c) {
		case OPT_DEAL:
			deal = optarg;
			break;
		case OPT_NOTE:
			note = optarg;
			break;
		case OPT_ON:
			on = optarg;
			break;
		case OPT_SOURCE:
			source = optarg;
			break;
		case OPT_TOWARD:
			toward = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = check_stance(argv[optind + 1], &word)) != KAM_OK)
		return rc;
	if (on != NULL && (rc = check_on("--on", on)) != KAM_OK)
		return rc;
	if ((rc = check_text("--note", note)) != KAM_OK ||
	    (rc = check_text("--source", source)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	memset(&r, 0, sizeof r);
	r.kind = "observe";
	r.stance = word;
	r.person = ctx->subj.person;
	if (toward != NULL &&
	    (rc = store_competitor_id(ctx->st, toward, &r.toward)) != KAM_OK)
		return rc;
	if (deal != NULL &&
	    (rc = store_stance_deal_id(ctx->st, NULL, r.person, deal,
	                               &r.deal)) != KAM_OK)
		return rc;
	kam_today(today);
	kam_now(now);
	r.effective = on != NULL ? on : today;
	r.recorded = now;
	r.actor = kam_actor();
	r.note = note;
	r.source = source;
	if ((rc = store_begin(ctx->st, STORE_TX_WRITE)) != KAM_OK ||
	    (rc = store_end(
	         ctx->st, store_stance_append(ctx->st, &chain, &r))) != KAM_OK)
		return rc;
	return print_id(r.id);
}

/*
 * Loads the row that retract or correct points at and checks that it is
 * the live end of its line: not a retraction, not already superseded.
 */
static int
load_target(struct store *st, int64_t id, const char *verb,
            struct stance_row *t)
{
	struct stance_row by;
	int64_t succ;
	int rc;

	if ((rc = store_stance_load(st, id, t)) == KAM_NOTFOUND)
		return kam_err(KAM_NOTFOUND, _("unknown observation '%lld'"),
		               (long long)id);
	if (rc != KAM_OK)
		return rc;
	if (strcmp(t->kind, "retract") == 0) {
		rc = kam_err(KAM_CONFLICT,
		             _("observation %lld is a retraction: it cannot be "
		               "%s"),
		             (long long)id,
		             strcmp(verb, "retract") == 0 ? _("retracted")
		                                          : _("corrected"));
		stance_row_free(t);
		return rc;
	}
	if ((succ = store_stance_successor(st, id)) == 0)
		return KAM_OK;
	if ((rc = store_stance_load(st, succ, &by)) != KAM_OK) {
		stance_row_free(t);
		return rc;
	}
	if (strcmp(by.kind, "retract") == 0)
		rc = kam_err(
		    KAM_CONFLICT,
		    _("observation %lld is already retracted (by %lld)"),
		    (long long)id, (long long)succ);
	else
		rc = kam_err(
		    KAM_CONFLICT,
		    _("observation %lld was corrected by %lld: %s %lld "
		      "instead"),
		    (long long)id, (long long)succ, verb, (long long)succ);
	stance_row_free(&by);
	stance_row_free(t);
	return rc;
}

static int
cmd_retract(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"why", required_argument, NULL, OPT_WHY},
	    {NULL, 0, NULL, 0},
	};
	const char *why = NULL;
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	struct stance_chain chain = {0};
	struct stance_row t, r;
	int64_t id = 0;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		if (c != OPT_WHY)
			return cli_usage(ctx);
		why = optarg;
	}
	if (why == NULL || *why == '\0')
		return cli_usage_msg(ctx, _("missing --why (say why the "
		                            "observation is withdrawn)"));
	if ((rc = check_id(argv[optind], &id)) != KAM_OK ||
	    (rc = check_text("--why", why)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if ((rc = store_begin(ctx->st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = load_target(ctx->st, id, "retract", &t)) != KAM_OK)
		return store_end(ctx->st, rc);
	kam_today(today);
	kam_now(now);
	memset(&r, 0, sizeof r);
	r.kind = "retract";
	r.target = id;
	r.person = t.person;
	r.toward = t.toward;
	r.deal = t.deal;
	r.effective = today;
	r.recorded = now;
	r.actor = kam_actor();
	r.why = why;
	rc = store_stance_append(ctx->st, &chain, &r);
	stance_row_free(&t);
	if ((rc = store_end(ctx->st, rc)) != KAM_OK)
		return rc;
	return print_id(r.id);
}

static int
cmd_correct(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"on", required_argument, NULL, OPT_ON},
	    {"why", required_argument, NULL, OPT_WHY},
	    {NULL, 0, NULL, 0},
	};
	const char *why = NULL, *on = NULL, *word;
	char now[KAM_STAMP_LEN];
	struct stance_chain chain = {0};
	struct stance_row t, r;
	int64_t id = 0;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		if (c == OPT_WHY)
			why = optarg;
		else if (c == OPT_ON)
			on = optarg;
		else
			return cli_usage(ctx);
	}
	if (why == NULL || *why == '\0')
		return cli_usage_msg(ctx,
		                     _("missing --why (say what was wrong)"));
	if ((rc = check_id(argv[optind], &id)) != KAM_OK ||
	    (rc = check_stance(argv[optind + 1], &word)) != KAM_OK ||
	    (on != NULL && (rc = check_on("--on", on)) != KAM_OK) ||
	    (rc = check_text("--why", why)) != KAM_OK)
		return rc;
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if ((rc = store_begin(ctx->st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = load_target(ctx->st, id, "correct", &t)) != KAM_OK)
		return store_end(ctx->st, rc);
	if (strcmp(t.stance, word) == 0 &&
	    (on == NULL || strcmp(on, t.effective) == 0)) {
		rc = kam_err(KAM_CONFLICT,
		             _("observation %lld already says %s from %s"),
		             (long long)id, word, t.effective);
		stance_row_free(&t);
		return store_end(ctx->st, rc);
	}
	kam_now(now);
	memset(&r, 0, sizeof r);
	r.kind = "correct";
	r.target = id;
	r.person = t.person;
	r.stance = word;
	r.toward = t.toward;
	r.deal = t.deal;
	r.effective = on != NULL ? on : t.effective;
	r.recorded = now;
	r.actor = kam_actor();
	r.why = why;
	rc = store_stance_append(ctx->st, &chain, &r);
	stance_row_free(&t);
	if ((rc = store_end(ctx->st, rc)) != KAM_OK)
		return rc;
	return print_id(r.id);
}

/*
 * show [ACCOUNT|DEAL]: the stance in force for each person.
 */
/*
 * --known-at: a timestamp (a day is its first second), into known_at,
 * that falls after the first observation was recorded.  Checked in two
 * steps, the text before the store is opened, then against the store.
 */
static int
known_at_parse(const char *known, char *known_at)
{
	if (known != NULL && date_out_of_range(known))
		return date_range_error(NULL, "--known-at", known);
	if (known != NULL && !stamp_parse(known, known_at))
		return kam_err(KAM_DATA,
		               _("malformed timestamp '%s' for --known-at (use "
		                 "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"),
		               known);
	return KAM_OK;
}

static int
known_at_check(struct kam_ctx *ctx, const char *known_at)
{
	char first[KAM_STAMP_LEN];

	if (!store_stance_first_recorded(ctx->st, first))
		return kam_err(
		    KAM_NOTFOUND,
		    _("nothing was recorded by '%s' (the store holds "
		      "no observations)"),
		    known_at);
	if (strcmp(known_at, first) < 0)
		return kam_err(KAM_NOTFOUND,
		               _("nothing was recorded by '%s' (the first "
		                 "observation was recorded at %s)"),
		               known_at, first);
	return KAM_OK;
}

/* show's rows: each person of the subject with the stance in force. */
static int
show_rows(struct kam_ctx *ctx, int64_t tid, const char *toward,
          const char *as_of, const char *known_at)
{
	static const char *const cols[] = {
	    "person", "name",        "stance",   "since", "toward",
	    "deal",   "recorded_by", "recorded", "id",    NULL};
	int64_t deal = ctx->subj.deal, last_deal = 0;
	struct stance_person *people = NULL;
	struct stance_found *found;
	char *deal_ref = NULL;
	struct out *o;
	size_t n = 0, i;
	int rc;

	if ((rc = store_begin(ctx->st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if ((rc = store_stance_people(ctx->st, ctx->subj.account, deal, &people,
	                              &n)) != KAM_OK)
		return store_end(ctx->st, rc);
	found = xreallocarray(NULL, n ? n : 1, sizeof *found);
	if ((rc = store_stance_find_people(ctx->st, people, n,
	                                   ctx->subj.account, tid, deal, as_of,
	                                   known_at, found)) != KAM_OK) {
		free(found);
		store_stance_people_free(people, n);
		return store_end(ctx->st, rc);
	}
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		const struct stance_found f = found[i];

		out_str(o, people[i].ref);
		out_str(o, people[i].name);
		out_word(o, f.id ? f.stance : "unknown");
		out_str(o, f.id ? f.since : NULL);
		out_str(o, toward);
		if (f.deal != 0 && f.deal != last_deal) {
			free(deal_ref);
			deal_ref = store_deal_ref(ctx->st, f.deal);
			last_deal = f.deal;
		}
		out_str(o, f.deal ? deal_ref : NULL);
		out_str(o, f.id ? f.actor : NULL);
		out_str(o, f.id ? f.recorded : NULL);
		if (f.id)
			out_int(o, f.id);
		else
			out_null(o);
		out_end_row(o);
	}
	out_close(o);
	free(deal_ref);
	free(found);
	store_stance_people_free(people, n);
	return store_end(ctx->st, rc);
}

static int
cmd_show(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {"known-at", required_argument, NULL, OPT_KNOWN_AT},
	    {"toward", required_argument, NULL, OPT_TOWARD},
	    {NULL, 0, NULL, 0},
	};
	const char *as_of = NULL, *known = NULL, *toward = NULL;
	char today[KAM_DATE_LEN], known_at[KAM_STAMP_LEN];
	int64_t tid = 0;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		switch (c) {
		case OPT_AS_OF:
			as_of = optarg;
			break;
		case OPT_KNOWN_AT:
			known = optarg;
			break;
		case OPT_TOWARD:
			toward = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((as_of != NULL && (rc = check_on("--as-of", as_of)) != KAM_OK) ||
	    (rc = known_at_parse(known, known_at)) != KAM_OK ||
	    (rc = cli_subject(ctx)) != KAM_OK ||
	    (known != NULL && (rc = known_at_check(ctx, known_at)) != KAM_OK))
		return rc;
	if (toward != NULL &&
	    (rc = store_competitor_id(ctx->st, toward, &tid)) != KAM_OK)
		return rc;
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	if ((rc = show_rows(ctx, tid, toward, as_of,
	                    known != NULL ? known_at : NULL)) != KAM_OK)
		return rc;
	return out_finish_stdout();
}

/* Writes s, a new string, and frees it. */
static void
out_str_free(struct out *o, char *s)
{
	out_str(o, s);
	free(s);
}

/* "deal:role;deal:role" with each role in the user's language. */
static char *
roles_label(const char *roles)
{
	struct buf b = {0};
	char *s = xstrdup(roles), *p, *save = NULL;

	for (p = strtok_r(s, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		char *colon = strchr(p, ':');

		if (b.len)
			buf_puts(&b, gate_translating() ? _(", ") : ";");
		if (colon != NULL) {
			*colon = '\0';
			buf_printf(&b, "%s:%s", p, vocab_label(colon + 1));
		} else
			buf_puts(&b, vocab_label(p));
	}
	free(s);
	return b.s ? b.s : xstrdup("");
}

/*
 * stale [ACCOUNT|DEAL] [--older-than SPAN]: whom to check in with, most
 * influential first.
 */
static int
cmd_stale(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {"older-than", required_argument, NULL, OPT_OLDER_THAN},
	    {NULL, 0, NULL, 0},
	};
	static const char *const cols[] = {"person",    "name",   "roles",
	                                   "stance",    "latest", "days",
	                                   "influence", NULL};
	const char *as_of = NULL, *older = NULL;
	char today[KAM_DATE_LEN], before[KAM_DATE_LEN];
	struct gate_params params;
	struct date_span span;
	struct stance_stale st;
	int64_t account, deal;
	struct out *o;
	size_t i;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		switch (c) {
		case OPT_AS_OF:
			as_of = optarg;
			break;
		case OPT_OLDER_THAN:
			older = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (as_of != NULL && (rc = check_date("--as-of", as_of)) != KAM_OK)
		return rc;
	if (older != NULL && !date_span_parse(older, &span))
		return kam_err(
		    KAM_DATA,
		    _("invalid length of time '%s' for --older-than "
		      "(use a number of days, weeks or months from 1 "
		      "to 36500, as 90d, 12w or 3m)"),
		    older);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	deal = ctx->subj.deal;
	if (older == NULL) {
		/* The setting the stale-stance flag reads (kam-gate(1)). */
		if ((rc = gate_params_load(ctx->st, &params)) != KAM_OK)
			return rc;
		span.n = (long)params.stale_days;
		span.unit = 'd';
	}
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	date_span_before(as_of, &span, before);
	if ((rc = stance_stale(ctx->st, account, deal, as_of, before, &st)) !=
	    KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < st.n; i++) {
		const struct stance_stale_row *r = &st.rows[i];

		out_str(o, r->person);
		out_str(o, r->name);
		if (out_is_table(o) && r->roles != NULL)
			out_str_free(o, roles_label(r->roles));
		else
			out_list(o, r->roles);
		out_word(o, r->stance != NULL ? r->stance : "unknown");
		out_str(o, r->latest);
		out_int(o, r->days);
		out_fixed(o, r->influence, 6);
		out_end_row(o);
	}
	out_close(o);
	stance_stale_free(&st);
	return out_finish_stdout();
}

/*
 * log [PERSON|ACCOUNT]: every row with who recorded it and when.
 */
static int
log_row(const struct stance_log_row *l, void *arg)
{
	struct out *o = arg;

	out_int(o, l->r.id);
	out_str(o, l->r.kind);
	if (l->r.target)
		out_int(o, l->r.target);
	else
		out_null(o);
	out_str(o, l->person_ref);
	out_str(o, l->name);
	out_word(o, l->r.stance);
	out_str(o, l->toward_handle);
	out_str(o, l->deal_ref);
	out_str(o, l->r.effective);
	out_str(o, l->r.recorded);
	out_str(o, l->r.actor);
	out_str(o, l->r.note);
	out_str(o, l->r.source);
	out_str(o, l->r.why);
	out_end_row(o);
	return 0;
}

static int
cmd_log(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"since", required_argument, NULL, OPT_SINCE},
	    {"until", required_argument, NULL, OPT_UNTIL},
	    {NULL, 0, NULL, 0},
	};
	static const char *const cols[] = {
	    "id",          "kind",   "target", "person",    "name",
	    "stance",      "toward", "deal",   "effective", "recorded",
	    "recorded_by", "note",   "source", "why",       NULL};
	const char *since = NULL, *until = NULL;
	struct out *o;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		if (c == OPT_SINCE)
			since = optarg;
		else if (c == OPT_UNTIL)
			until = optarg;
		else
			return cli_usage(ctx);
	}
	if ((since != NULL && (rc = check_date("--since", since)) != KAM_OK) ||
	    (until != NULL && (rc = check_date("--until", until)) != KAM_OK))
		return rc;
	if (since != NULL && until != NULL && strcmp(since, until) > 0)
		return kam_err(KAM_DATA,
		               _("--since '%s' is after --until '%s'"), since,
		               until);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	/* A person's log, else an account's (CLI_ACCOUNT_PERSON). */
	o = cli_out(ctx, 0, cols);
	rc = store_stance_log(ctx->st, ctx->subj.person,
	                      ctx->subj.person ? 0 : ctx->subj.account, since,
	                      until, log_row, o);
	out_close(o);
	if (rc != KAM_OK)
		return rc;
	return out_finish_stdout();
}

/*
 * watch [ACCOUNT|ACCOUNT/DEAL]: on a team store, each observation as a
 * teammate commits it, one line each (log's columns, no header; JSON:
 * one object a line), until a signal or the reader goes away.
 */
static volatile sig_atomic_t watch_stop;

static void
watch_signal(int sig)
{
	(void)sig;
	watch_stop = 1;
}

struct watch_out {
	struct kam_ctx *ctx;
	struct out *tsv; /* NULL: JSON, one object a line */
};

static const char *const log_cols[] = {
    "id",          "kind",   "target", "person",    "name",
    "stance",      "toward", "deal",   "effective", "recorded",
    "recorded_by", "note",   "source", "why",       NULL};

static int
watch_row(const struct stance_log_row *l, void *arg)
{
	struct watch_out *w = arg;
	struct out *o =
	    w->tsv != NULL ? w->tsv : cli_out(w->ctx, OUT_OBJECT, log_cols);

	log_row(l, o);
	if (w->tsv == NULL)
		out_close(o);
	/* Each line as it comes, for a reader that acts on it. */
	return fflush(stdout) != 0 || ferror(stdout);
}

static int
cmd_watch(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{NULL, 0, NULL, 0}};
	struct watch_out w = {ctx, NULL};
	struct sigaction sa;
	int rc;

	cli_formats(ctx, CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON), OUT_TSV);
	if (cli_getopt(ctx, argc, argv, "", longopts) != -1)
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = cli_stream(ctx)) != KAM_OK)
		return rc;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = watch_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (ctx->fmt == OUT_TSV)
		w.tsv = cli_out(ctx, OUT_NOHEADER, log_cols);
	rc = store_stance_watch(ctx->st, ctx->subj.account, ctx->subj.deal,
	                        &watch_stop, STDOUT_FILENO, watch_row, &w);
	out_close(w.tsv);
	if (rc != KAM_OK)
		return rc;
	return out_finish_stdout();
}

/*
 * changes [ACCOUNT|DEAL] --from D1 --to D2: who moved between two days.
 */
/* changes' rows: whoever stood otherwise on to than on from. */
static int
changes_rows(struct kam_ctx *ctx, int64_t tid, const char *from, const char *to)
{
	static const char *const cols[] = {"person", "name",    "from",
	                                   "to",     "changed", "recorded_by",
	                                   "id",     NULL};
	int64_t deal = ctx->subj.deal;
	struct stance_person *people = NULL;
	struct stance_found f2;
	const char *w1, *w2;
	struct out *o;
	size_t n = 0, i;
	int rc;

	if ((rc = store_begin(ctx->st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if ((rc = store_stance_people(ctx->st, ctx->subj.account, deal, &people,
	                              &n)) != KAM_OK)
		return store_end(ctx->st, rc);
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < n; i++) {
		if ((rc = store_stance_find(ctx->st, people[i].id, tid, deal,
		                            to, NULL, &f2)) != KAM_OK)
			break;
		/*
		 * Unknown on --to, or in force since before --from: then the
		 * same row was in force on --from (every row in force by then
		 * is one of those on --to), and nothing changed.
		 */
		if (f2.id == 0 || strcmp(f2.since, from) < 0)
			continue;
		if ((rc = store_stance_get(ctx->st, people[i].id, tid, deal,
		                           from, NULL, &w1, NULL)) != KAM_OK)
			break;
		w2 = f2.stance;
		if (w1 == w2)
			continue;
		out_str(o, people[i].ref);
		out_str(o, people[i].name);
		out_word(o, w1 ? w1 : "unknown");
		out_word(o, w2 ? w2 : "unknown");
		out_str(o, f2.since);
		out_str(o, f2.actor);
		out_int(o, f2.id);
		out_end_row(o);
	}
	out_close(o);
	store_stance_people_free(people, n);
	return store_end(ctx->st, rc);
}

static int
cmd_changes(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"from", required_argument, NULL, OPT_FROM},
	    {"to", required_argument, NULL, OPT_TO},
	    {"toward", required_argument, NULL, OPT_TOWARD},
	    {NULL, 0, NULL, 0},
	};
	const char *from = NULL, *to = NULL, *toward = NULL;
	int64_t tid = 0;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", longopts)) != -1) {
		switch (c) {
		case OPT_FROM:
			from = optarg;
			break;
		case OPT_TO:
			to = optarg;
			break;
		case OPT_TOWARD:
			toward = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (from == NULL)
		return cli_usage_msg(ctx, _("missing --from"));
	if (to == NULL)
		return cli_usage_msg(ctx, _("missing --to"));
	if ((rc = check_date("--from", from)) != KAM_OK ||
	    (rc = check_date("--to", to)) != KAM_OK)
		return rc;
	if (strcmp(from, to) > 0)
		return kam_err(KAM_DATA, _("--from '%s' is after --to '%s'"),
		               from, to);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if (toward != NULL &&
	    (rc = store_competitor_id(ctx->st, toward, &tid)) != KAM_OK)
		return rc;
	if ((rc = changes_rows(ctx, tid, from, to)) != KAM_OK)
		return rc;
	return out_finish_stdout();
}

/*
 * timeline: people by period, the stance in force at each period's end.
 */
#define MAX_PERIODS 240

/* The timeline as a picture (-T, -o), through kam-map's Graphviz stack. */
static int
draw_timeline(struct kam_ctx *ctx, int64_t account, int64_t deal,
              int64_t toward, const struct timeline_style *style,
              const char *format, const char *out)
{
	struct timeline tl;
	Agraph_t *g;
	int rc;

	if ((rc = store_timeline_load(ctx->st, account, deal, toward, &tl)) ==
	    KAM_OK) {
		timeline_plan(&tl, style->from, style->to);
		timeline_cap(&tl, style->max_lanes);
		g = timeline_graph(&tl, style);
		rc = map_write(g, format, out, NULL);
		map_close(g);
	}
	timeline_free(&tl);
	return rc;
}

/* What timeline's options ask for, and the periods of its table. */
struct tl_opts {
	const char *from, *to, *toward, *format, *out;
	char today[KAM_DATE_LEN], dflt[KAM_DATE_LEN];
	long lanes;
	int quarter;
	size_t np;
	char labels[MAX_PERIODS][16], ends[MAX_PERIODS][KAM_DATE_LEN];
};

/* Reads and checks timeline's options into t. */
static int
tl_options(struct kam_ctx *ctx, int argc, char **argv, struct tl_opts *t)
{
	static const struct option longopts[] = {
	    {"by", required_argument, NULL, OPT_BY},
	    {"from", required_argument, NULL, OPT_FROM},
	    {"max-lanes", required_argument, NULL, OPT_MAX_LANES},
	    {"to", required_argument, NULL, OPT_TO},
	    {"toward", required_argument, NULL, OPT_TOWARD},
	    {NULL, 0, NULL, 0},
	};
	const char *by = "month", *max_lanes = NULL;
	int c, rc;

	t->lanes = TL_MAX_LANES;
	while ((c = cli_getopt(ctx, argc, argv, "o:T:", longopts)) != -1) {
		switch (c) {
		case 'o':
			t->out = optarg;
			break;
		case 'T':
			t->format = optarg;
			break;
		case OPT_BY:
			by = optarg;
			break;
		case OPT_FROM:
			t->from = optarg;
			break;
		case OPT_MAX_LANES:
			max_lanes = optarg;
			if (strcmp(optarg, "all") == 0)
				t->lanes = 0;
			else if (!parse_int(optarg, 1, 100000, &t->lanes))
				return kam_err(
				    KAM_USAGE,
				    _("invalid limit '%s' for --max-lanes "
				      "(use a whole number from 1 to 100000, "
				      "or all)"),
				    optarg);
			break;
		case OPT_TO:
			t->to = optarg;
			break;
		case OPT_TOWARD:
			t->toward = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	/* -T or -o: a picture, in the formats of kam-map. */
	if (t->format == NULL && t->out != NULL)
		t->format = map_format_of(t->out);
	if (max_lanes != NULL && t->format == NULL)
		return kam_err(KAM_USAGE, _("--max-lanes applies to a timeline "
		                            "picture (use -T or -o)"));
	if (t->format != NULL && ctx->fmt_given)
		return kam_err(KAM_USAGE,
		               _("-F does not apply to a drawing (use "
		                 "-T dot, svg, png or pdf)"));
	if (t->format != NULL && (rc = map_format_check(t->format)) != KAM_OK)
		return rc;
	if (strcmp(by, "month") != 0 && strcmp(by, "quarter") != 0)
		return cli_usage_msg(
		    ctx,
		    _("unknown period '%s' for --by (use month "
		      "or quarter)"),
		    by);
	t->quarter = strcmp(by, "quarter") == 0;
	if ((t->from != NULL &&
	     (rc = check_date("--from", t->from)) != KAM_OK) ||
	    (t->to != NULL && (rc = check_date("--to", t->to)) != KAM_OK))
		return rc;
	return KAM_OK;
}

/*
 * The span (--from, else twelve months or four quarters ending with
 * --to's, none before 0001-01) and, for the table, its periods, each
 * seen at its last day (or at --to); a picture has an axis of any
 * length instead.
 */
static int
tl_periods(struct tl_opts *t)
{
	char start[KAM_DATE_LEN];
	struct period p;

	kam_today(t->today);
	if (t->to == NULL)
		t->to = t->today;
	if (t->from != NULL && strcmp(t->from, t->to) > 0)
		return kam_err(KAM_DATA, _("--from '%s' is after --to '%s'"),
		               t->from, t->to);
	if (t->from == NULL) {
		period_start(&p, t->to, t->quarter);
		period_back(&p, t->quarter ? 9 : 11);
		period_first(&p, t->dflt);
		t->from = t->dflt;
	}
	period_start(&p, t->from, t->quarter);
	if (t->format != NULL)
		return KAM_OK;
	do {
		period_first(&p, start);
		if (strcmp(start, t->to) > 0)
			break;
		if (t->np == MAX_PERIODS)
			return kam_err(KAM_DATA,
			               _("--from '%s' to --to '%s' spans more "
			                 "than %d periods"),
			               t->from, t->to, MAX_PERIODS);
		period_label(&p, t->labels[t->np]);
		period_last(&p, t->ends[t->np]);
		if (strcmp(t->ends[t->np], t->to) > 0)
			memcpy(t->ends[t->np], t->to, KAM_DATE_LEN);
		t->np++;
	} while (period_next(&p));
	return KAM_OK;
}

/*
 * The table: a column a period (a row a person and period in the
 * machine formats), every row in force by the last day read at once and
 * each person's found by id: one query, not one a person and a period.
 */
static int
tl_table(struct kam_ctx *ctx, const struct tl_opts *t, int64_t account,
         int64_t deal, int64_t tid)
{
	static const char *const long_cols[] = {"person", "name",   "period",
	                                        "as_of",  "stance", NULL};
	const char *cols[MAX_PERIODS + 3];
	const char *day[MAX_PERIODS], *word[MAX_PERIODS];
	struct stance_person *people = NULL;
	struct stance_day *rows = NULL;
	size_t n = 0, nrows = 0, i, k, lo, hi;
	int table = ctx->fmt == OUT_TABLE, rc;
	struct out *o;

	if ((rc = store_begin(ctx->st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if ((rc = store_stance_people(ctx->st, account, deal, &people, &n)) !=
	    KAM_OK)
		return store_end(ctx->st, rc);
	for (k = 0; k < t->np; k++)
		day[k] = t->ends[k];
	if ((rc = store_stance_in_force(ctx->st, account, deal, tid,
	                                t->ends[t->np - 1], &rows, &nrows)) !=
	    KAM_OK) {
		store_stance_people_free(people, n);
		return store_end(ctx->st, rc);
	}
	cols[0] = "person";
	cols[1] = "name";
	for (k = 0; k < t->np; k++)
		cols[k + 2] = t->labels[k];
	cols[t->np + 2] = NULL;
	o = cli_out(ctx, 0, table ? cols : long_cols);
	for (i = 0; i < n; i++) {
		lo = stance_rows_of(rows, nrows, people[i].id, &hi);
		stance_series(rows + lo, hi - lo, deal, day, t->np, word);
		if (table) {
			out_str(o, people[i].ref);
			out_str(o, people[i].name);
			for (k = 0; k < t->np; k++)
				out_str(o, stance_symbol(word[k]));
			out_end_row(o);
			continue;
		}
		for (k = 0; k < t->np; k++) {
			out_str(o, people[i].ref);
			out_str(o, people[i].name);
			out_str(o, t->labels[k]);
			out_str(o, t->ends[k]);
			out_str(o, word[k] ? word[k] : "unknown");
			out_end_row(o);
		}
	}
	out_close(o);
	store_stance_people_free(people, n);
	free(rows);
	if ((rc = store_end(ctx->st, rc)) != KAM_OK)
		return rc;
	return out_finish_stdout();
}

static int
cmd_timeline(struct kam_ctx *ctx, int argc, char **argv)
{
	struct tl_opts *t = xcalloc(1, sizeof *t);
	int64_t tid = 0;
	int rc;

	if ((rc = tl_options(ctx, argc, argv, t)) != KAM_OK ||
	    (rc = tl_periods(t)) != KAM_OK || (rc = cli_subject(ctx)) != KAM_OK)
		goto done;
	if (t->toward != NULL &&
	    (rc = store_competitor_id(ctx->st, t->toward, &tid)) != KAM_OK)
		goto done;
	if (t->format != NULL) {
		struct timeline_style style = {t->from,  t->to,
		                               t->today, t->quarter,
		                               NULL,     (size_t)t->lanes};

		if (ctx->subj.account == 0)
			rc = cli_usage_msg(ctx, _("a timeline picture needs an "
			                          "ACCOUNT or DEAL (or -a)"));
		else
			rc = draw_timeline(ctx, ctx->subj.account,
			                   ctx->subj.deal, tid, &style,
			                   t->format, t->out);
	} else
		rc = tl_table(ctx, t, ctx->subj.account, ctx->subj.deal, tid);
done:
	free(t);
	return rc;
}

#define MAX_MAP 32

/*
 * import FILE.csv [--map FIELD=COLUMN]...: observations in one
 * transaction, then the summary every import ends with.
 */
static int
cmd_import(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"map", required_argument, NULL, 'm'}, {NULL, 0, NULL, 0}};
	const char *map[MAX_MAP + 1] = {NULL};
	struct import_counts cnt = {0, 0, 0, 0, 0};
	size_t nmap = 0;
	long count;
	int c, rc;

	cli_formats(ctx,
	            CLI_FMT(OUT_TABLE) | CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON),
	            OUT_TSV);
	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'm')
			return cli_usage(ctx);
		if (nmap == MAX_MAP)
			return cli_usage_msg(ctx, _("too many --map"));
		map[nmap++] = optarg;
	}
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if ((rc = stance_import(ctx->st, argv[optind], ctx->account,
	                        nmap ? map : NULL, &count)) != KAM_OK)
		return rc;
	cnt.added = count;
	cli_import_summary(ctx, &cnt);
	return out_finish_stdout();
}

/*
 * verify: recompute the chain.
 */
/*
 * A broken chain, for a program reading -F json: what broke (a stable
 * word), the observation at fault and the guard, each null when it does
 * not apply.  The message still goes to the standard error.
 */
static void
verify_broken_json(const struct stance_verdict *v)
{
	static const char *const cols[] = {"broken", "observation", "guard",
	                                   NULL};
	static const char *const words[] = {
	    [VERIFY_HASH] = "hash",
	    [VERIFY_PREV] = "prev-hash",
	    [VERIFY_VERSION] = "hash-version",
	    [VERIFY_DOWNGRADE] = "hash-downgrade",
	    [VERIFY_TYPE] = "type",
	    [VERIFY_GUARD_MISSING] = "guard-missing",
	    [VERIFY_GUARD_CHANGED] = "guard-changed",
	    [VERIFY_GUARD_DISABLED] = "guard-disabled",
	    [VERIFY_GRANT] = "grant",
	};
	int guard = v->why == VERIFY_GUARD_MISSING ||
	            v->why == VERIFY_GUARD_CHANGED ||
	            v->why == VERIFY_GUARD_DISABLED || v->why == VERIFY_GRANT;
	struct out *o = out_open(stdout, OUT_JSON, OUT_OBJECT, cols);

	out_str(o, (size_t)v->why < sizeof words / sizeof words[0]
	               ? words[v->why]
	               : NULL);
	if (guard)
		out_null(o);
	else
		out_int(o, (long long)v->bad);
	out_str(o, guard ? v->guard : NULL);
	out_end_row(o);
	out_close(o);
}

/* Why the history failed to verify (v), reported: KAM_FALSE. */
static int
verify_broken(const struct stance_verdict *v)
{
	long long bad = (long long)v->bad;

	switch (v->why) {
	case VERIFY_OK:
		break;
	case VERIFY_HASH:
		return kam_err(KAM_FALSE,
		               _("observation %lld does not match its hash: it "
		                 "was changed after it was recorded"),
		               bad);
	case VERIFY_PREV:
		return kam_err(
		    KAM_FALSE,
		    _("observation %lld breaks the chain: its "
		      "prev_hash is not the hash of the row before "
		      "it (a row was removed, inserted or rewritten)"),
		    bad);
	case VERIFY_VERSION:
		return kam_err(KAM_FALSE,
		               _("observation %lld names a hash encoding this "
		                 "kam does not know (hash_version): it was "
		                 "changed after it was recorded"),
		               bad);
	case VERIFY_DOWNGRADE:
		return kam_err(
		    KAM_FALSE,
		    _("observation %lld names an older hash encoding "
		      "than the row before it (hash_version): it was "
		      "changed after it was recorded"),
		    bad);
	case VERIFY_TYPE:
		return kam_err(
		    KAM_FALSE,
		    _("observation %lld holds a %s that kam never "
		      "writes: it was changed after it was recorded"),
		    bad, v->column);
	case VERIFY_GUARD_MISSING:
		return kam_err(
		    KAM_FALSE,
		    _("the append-only guard '%s' is missing: history "
		      "can be rewritten (%lld rows match their hashes)"),
		    v->guard, (long long)v->n);
	case VERIFY_GUARD_CHANGED:
		return kam_err(
		    KAM_FALSE,
		    _("the append-only guard '%s' is not the one kam "
		      "creates: history can be rewritten (%lld rows "
		      "match their hashes)"),
		    v->guard, (long long)v->n);
	case VERIFY_GUARD_DISABLED:
		return kam_err(
		    KAM_FALSE,
		    _("the append-only guard '%s' is disabled: history "
		      "can be rewritten (%lld rows match their hashes)"),
		    v->guard, (long long)v->n);
	case VERIFY_GRANT:
		return kam_err(KAM_FALSE,
		               _("role '%s' may %s the history table '%s': "
		                 "history can be rewritten (%lld rows match "
		                 "their hashes)"),
		               v->role, v->privilege, v->guard,
		               (long long)v->n);
	}
	return KAM_FALSE;
}

static int
cmd_verify(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"observations", "last_hash", NULL};
	struct out *o;
	struct stance_verdict v;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", NULL)) != -1)
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	rc = store_stance_verify(ctx->st, &v);
	if (rc == KAM_FALSE && ctx->fmt == OUT_JSON)
		verify_broken_json(&v);
	if (rc == KAM_FALSE)
		return verify_broken(&v);
	if (rc != KAM_OK)
		return rc;
	cli_warn_unseen((long long)v.unseen);
	o = cli_out(ctx, OUT_OBJECT, cols);
	out_int(o, v.n);
	out_str(o, v.head);
	out_end_row(o);
	out_close(o);
	return out_finish_stdout();
}

static const struct kam_verb verbs[] = {
    {"set",
     "set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] "
     "[--source TEXT] [--toward COMPETITOR]",
     "record a person's stance", cmd_set, 2, 2, CLI_PERSON,
     CLI_WRITE | CLI_TEAM},
    {"show",
     "show [ACCOUNT | ACCOUNT/DEAL] [--as-of DATE] [--known-at TIMESTAMP] "
     "[--toward COMPETITOR]",
     "the stance of each person on a day", cmd_show, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"log", "log [PERSON | ACCOUNT] [--since DATE] [--until DATE]",
     "every observation, retraction and correction", cmd_log, 0, 1,
     CLI_ACCOUNT_PERSON | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"changes",
     "changes [ACCOUNT | ACCOUNT/DEAL] --from DATE --to DATE "
     "[--toward COMPETITOR]",
     "who moved between two days", cmd_changes, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"timeline",
     "timeline [ACCOUNT | ACCOUNT/DEAL] [-o FILE] "
     "[-T dot | svg | png | pdf] [--by month | quarter] "
     "[--from DATE] [--max-lanes N | all] [--to DATE] "
     "[--toward COMPETITOR]",
     "stances by month or quarter", cmd_timeline, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"stale",
     "stale [ACCOUNT | ACCOUNT/DEAL] [--as-of DATE] "
     "[--older-than SPAN]",
     "whom to check in with: stances observed long ago", cmd_stale, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"retract", "retract ID --why TEXT", "withdraw an observation", cmd_retract,
     1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"correct", "correct ID STANCE [--on DATE] --why TEXT",
     "replace an observation", cmd_correct, 2, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {"import", "import FILE.csv [--map FIELD=COLUMN]...",
     "record observations from CSV", cmd_import, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {"verify", "verify", "check the hash chain", cmd_verify, 0, 0, CLI_NOSUBJ,
     CLI_READ | CLI_TEAM},
    {"watch", "watch [ACCOUNT | ACCOUNT/DEAL]",
     "print observations as teammates commit them (team store)", cmd_watch, 0,
     1, CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0},
};

static const struct kam_cmd cmd = {
    "kam-stance", "stakeholders' stances over time, with an audit trail", verbs,
    NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
