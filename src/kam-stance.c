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

static int
check_stance(const char *s, const char **word)
{
	if ((*word = vocab_word(VOCAB_STANCE, s)) == NULL)
		return vocab_refused(NULL, VOCAB_STANCE, s);
	return KAM_OK;
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
struct set_opts {
	const char *deal, *note, *on, *source, *toward;
};
#define SO(f) CLI_AT(struct set_opts, f)
static const struct cli_opt set_opts[] = {
    {.name = "deal", .kind = CLI_STR, SO(deal)},
    {.name = "note", .kind = CLI_FREE, SO(note)},
    {.name = "on", .kind = CLI_PAST, SO(on)},
    {.name = "source", .kind = CLI_FREE, SO(source)},
    {.name = "toward", .kind = CLI_STR, SO(toward)},
    {.name = NULL}};
#undef SO

static int
cmd_set(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct set_opts *o = ctx->opts;
	const char *deal = o->deal, *on = o->on, *toward = o->toward, *word;
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	struct stance_chain chain = {0};
	struct stance_row r;
	int rc;

	if ((rc = check_stance(argv[optind + 1], &word)) != KAM_OK)
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
	r.note = o->note;
	r.source = o->source;
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

/* The options of retract and correct. */
struct why_opts {
	const char *why, *on;
};
/* --why TEXT, required, not empty: what message says is missing. */
#define WHY_OPT(message)                                                       \
	{                                                                      \
		.name = "why", .kind = CLI_FREE, CLI_AT(struct why_opts, why), \
		.required = message, .empty = CLI_EMPTY_MISSING                \
	}
static const struct cli_opt retract_opts[] = {
    WHY_OPT(N_("missing --why (say why the observation is withdrawn)")),
    {.name = NULL}};

/*
 * retract and correct: the store opened, a transaction begun and the
 * observation id, which the verb's kind may follow, loaded into *t; on
 * a fault, the transaction ended.
 */
static int
begin_target(struct kam_ctx *ctx, int64_t id, const char *kind,
             struct stance_row *t)
{
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if ((rc = store_begin(ctx->st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = load_target(ctx->st, id, kind, t)) != KAM_OK)
		return store_end(ctx->st, rc);
	return KAM_OK;
}

/*
 * Appends r after the observation t it retracts or corrects (of t's
 * person, toward whom and deal), t then freed; ends the transaction and
 * prints r's id.
 */
static int
append_after(struct kam_ctx *ctx, struct stance_row *r, struct stance_row *t,
             const char *why)
{
	struct stance_chain chain = {0};
	char now[KAM_STAMP_LEN];
	int rc;

	kam_now(now);
	r->person = t->person;
	r->toward = t->toward;
	r->deal = t->deal;
	r->recorded = now;
	r->actor = kam_actor();
	r->why = why;
	rc = store_stance_append(ctx->st, &chain, r);
	stance_row_free(t);
	if ((rc = store_end(ctx->st, rc)) != KAM_OK)
		return rc;
	return print_id(r->id);
}

static int
cmd_retract(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *why = ((const struct why_opts *)ctx->opts)->why;
	char today[KAM_DATE_LEN];
	struct stance_row t, r;
	int64_t id = 0;
	int rc;

	if ((rc = check_id(argv[optind], &id)) != KAM_OK ||
	    (rc = begin_target(ctx, id, "retract", &t)) != KAM_OK)
		return rc;
	kam_today(today);
	memset(&r, 0, sizeof r);
	r.kind = "retract";
	r.target = id;
	r.effective = today;
	return append_after(ctx, &r, &t, why);
}

static const struct cli_opt correct_opts[] = {
    {.name = "on", .kind = CLI_PAST, CLI_AT(struct why_opts, on)},
    WHY_OPT(N_("missing --why (say what was wrong)")),
    {.name = NULL}};

static int
cmd_correct(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct why_opts *o = ctx->opts;
	const char *on = o->on, *word;
	struct stance_row t, r;
	int64_t id = 0;
	int rc;

	if ((rc = check_id(argv[optind], &id)) != KAM_OK ||
	    (rc = check_stance(argv[optind + 1], &word)) != KAM_OK ||
	    (rc = begin_target(ctx, id, "correct", &t)) != KAM_OK)
		return rc;
	if (strcmp(t.stance, word) == 0 &&
	    (on == NULL || strcmp(on, t.effective) == 0)) {
		rc = kam_err(KAM_CONFLICT,
		             _("observation %lld already says %s from %s"),
		             (long long)id, word, t.effective);
		stance_row_free(&t);
		return store_end(ctx->st, rc);
	}
	memset(&r, 0, sizeof r);
	r.kind = "correct";
	r.target = id;
	r.stance = word;
	r.effective = on != NULL ? on : t.effective;
	return append_after(ctx, &r, &t, o->why);
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
known_at_parse(const char *known, void *known_at)
{
	char day[KAM_DATE_LEN];

	if (date_out_of_range(known))
		return date_range_error(NULL, "--known-at", known);
	/* A day of the right shape that does not exist (2026-02-30) is
	 * said as every command says it. */
	snprintf(day, sizeof day, "%.10s", known);
	if (strlen(day) == 10 && strspn(day, "0123456789-") == 10 &&
	    day[4] == '-' && day[7] == '-' && !date_valid(day))
		return date_error(NULL, "--known-at", day);
	if (!stamp_parse(known, known_at))
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

/* A row of show: a person and the stance in force (none: unknown). */
struct show_row {
	const char *person, *name, *stance, *since, *toward, *deal, *actor,
	    *recorded;
	int64_t id;
};

#define C(f, k)    OUT_COL(struct show_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct show_row, f, n, k)
static const struct out_col show_cols[] = {C(person, OUT_C_STR),
                                           C(name, OUT_C_STR),
                                           C(stance, OUT_C_STANCE),
                                           C(since, OUT_C_STR),
                                           C(toward, OUT_C_STR),
                                           C(deal, OUT_C_STR),
                                           N(actor, "recorded_by", OUT_C_STR),
                                           C(recorded, OUT_C_STR),
                                           C(id, OUT_C_INT64_NZ),
                                           OUT_COL_END};
#undef N
#undef C

/*
 * show and changes: a read transaction begun and the people of the
 * subject (its deal's buying group, else its account's) into *people
 * and *n; on a fault, the transaction ended.
 */
static int
begin_people(struct kam_ctx *ctx, struct stance_person **people, size_t *n)
{
	int rc;

	if ((rc = store_begin(ctx->st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if ((rc = store_stance_people(ctx->st, ctx->subj.account,
	                              ctx->subj.deal, people, n)) != KAM_OK)
		return store_end(ctx->st, rc);
	return KAM_OK;
}

/* show's rows: each person of the subject with the stance in force. */
static int
show_rows(struct kam_ctx *ctx, int64_t tid, const char *toward,
          const char *as_of, const char *known_at)
{
	int64_t deal = ctx->subj.deal, last_deal = 0;
	struct stance_person *people = NULL;
	struct stance_found *found = NULL;
	char *deal_ref = NULL;
	struct out *o;
	size_t n = 0, i;
	int rc;

	if ((rc = store_stance_show_prepare(ctx->st, ctx->subj.account, deal,
	                                    known_at)) != KAM_OK ||
	    (rc = store_begin(ctx->st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if ((rc = store_stance_show(ctx->st, ctx->subj.account, deal, tid,
	                            as_of, known_at, &people, &found, &n)) !=
	    KAM_OK)
		return store_end(ctx->st, rc);
	o = cli_out(ctx, 0, show_cols);
	for (i = 0; i < n; i++) {
		const struct stance_found f = found[i];
		struct show_row r = {0};

		if (f.deal != 0 && f.deal != last_deal) {
			free(deal_ref);
			deal_ref = store_deal_ref(ctx->st, f.deal);
			last_deal = f.deal;
		}
		if (f.id) {
			r.stance = f.stance;
			r.since = f.since;
			r.actor = f.actor;
			r.recorded = f.recorded;
			r.id = f.id;
		}
		r.person = people[i].ref;
		r.name = people[i].name;
		r.toward = toward;
		r.deal = f.deal ? deal_ref : NULL;
		out_row(o, &r);
	}
	out_close(o);
	free(deal_ref);
	free(found);
	store_stance_people_free(people, n);
	return store_end(ctx->st, rc);
}

struct show_opts {
	const char *as_of, *toward;
	char known_at[KAM_STAMP_LEN]; /* "": not given */
};
static const struct cli_opt show_opts[] = {
    {.name = "as-of", .kind = CLI_PAST, CLI_AT(struct show_opts, as_of)},
    {.name = "known-at",
     .kind = CLI_CALL,
     CLI_AT(struct show_opts, known_at),
     .parse = known_at_parse},
    {.name = "toward", .kind = CLI_STR, CLI_AT(struct show_opts, toward)},
    {.name = NULL}};

static int
cmd_show(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct show_opts *o = ctx->opts;
	const char *as_of = o->as_of, *toward = o->toward;
	const char *known = *o->known_at ? o->known_at : NULL;
	char today[KAM_DATE_LEN];
	int64_t tid = 0;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (known != NULL && (rc = known_at_check(ctx, known)) != KAM_OK))
		return rc;
	if (toward != NULL &&
	    (rc = store_competitor_id(ctx->st, toward, &tid)) != KAM_OK)
		return rc;
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	if ((rc = show_rows(ctx, tid, toward, as_of, known)) != KAM_OK)
		return rc;
	return out_finish_stdout();
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
			buf_puts(&b, gate_table_sep());
		if (colon != NULL) {
			*colon = '\0';
			buf_printf(&b, "%s:%s", p, vocab_label(colon + 1));
		} else
			buf_puts(&b, vocab_label(p));
	}
	free(s);
	return b.s ? b.s : xstrdup("");
}

#define C(f, k) OUT_COL(struct stance_stale_row, f, #f, k)
static const struct out_col stale_cols[] = {
    C(person, OUT_C_STR),
    C(name, OUT_C_STR),
    OUT_COL_LIST_SAID(struct stance_stale_row, roles, "roles", roles_label),
    C(stance, OUT_C_STANCE),
    C(latest, OUT_C_CHARS),
    C(days, OUT_C_LONG),
    OUT_COL_FIXED(struct stance_stale_row, influence, "influence", 6),
    OUT_COL_END};
#undef C

struct stale_opts {
	const char *as_of;
	struct date_span span; /* n 0: not given */
};
static const struct cli_opt stale_opts[] = {
    {.name = "as-of", .kind = CLI_DATE, CLI_AT(struct stale_opts, as_of)},
    {.name = "older-than",
     .kind = CLI_SPAN,
     CLI_AT(struct stale_opts, span),
     .msg = N_("invalid length of time '%s' for --older-than (use a "
               "number of days, weeks or months from 1 to 36500, as 90d, "
               "12w or 3m)")},
    {.name = NULL}};

/*
 * stale [ACCOUNT|DEAL] [--older-than SPAN]: whom to check in with, most
 * influential first.
 */
static int
cmd_stale(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct stale_opts *opt = ctx->opts;
	const char *as_of = opt->as_of;
	char today[KAM_DATE_LEN], before[KAM_DATE_LEN];
	struct gate_params params;
	struct date_span span = opt->span;
	struct stance_stale st;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if (span.n == 0) {
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
	if ((rc = stance_stale(ctx->st, ctx->subj.account, ctx->subj.deal,
	                       as_of, before, &st)) != KAM_OK)
		return rc;
	cli_out_rows(ctx, stale_cols, st.rows, st.n, sizeof *st.rows);
	stance_stale_free(&st);
	return out_finish_stdout();
}

/*
 * log [PERSON|ACCOUNT]: every row with who recorded it and when.
 */
#define C(f, k)    OUT_COL(struct stance_log_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct stance_log_row, f, n, k)
static const struct out_col log_cols[] = {
    N(r.id, "id", OUT_C_INT64),
    N(r.kind, "kind", OUT_C_STR),
    N(r.target, "target", OUT_C_INT64_NZ),
    N(person_ref, "person", OUT_C_STR),
    C(name, OUT_C_STR),
    N(r.stance, "stance", OUT_C_WORD),
    N(toward_handle, "toward", OUT_C_STR),
    N(deal_ref, "deal", OUT_C_STR),
    N(r.effective, "effective", OUT_C_STR),
    N(r.recorded, "recorded", OUT_C_STR),
    N(r.actor, "recorded_by", OUT_C_STR),
    N(r.note, "note", OUT_C_STR),
    N(r.source, "source", OUT_C_STR),
    N(r.why, "why", OUT_C_STR),
    OUT_COL_END};
#undef N
#undef C

OUT_ROW_FN(log_row, struct stance_log_row)

static int
list_log(struct kam_ctx *ctx, struct out *o, void *arg)
{
	const char *const *span = arg; /* --since, --until */

	/* A person's log, else an account's (CLI_ACCOUNT_PERSON). */
	return store_stance_log(ctx->st, ctx->subj.person,
	                        ctx->subj.person ? 0 : ctx->subj.account,
	                        span[0], span[1], log_row, o);
}

/* The days of log (--since, --until) and changes (--from, --to). */
struct span_opts {
	const char *from, *to, *toward;
};
#define SP(f) CLI_AT(struct span_opts, f)
static const struct cli_opt log_opts[] = {
    {.name = "since", .kind = CLI_DATE, SP(from)},
    {.name = "until", .kind = CLI_DATE, SP(to)},
    {.name = NULL}};
static const struct cli_opt changes_opts[] = {
    {.name = "from",
     .kind = CLI_DATE,
     SP(from),
     .required = N_("missing --from")},
    {.name = "to", .kind = CLI_DATE, SP(to), .required = N_("missing --to")},
    {.name = "toward", .kind = CLI_STR, SP(toward)},
    {.name = NULL}};
#undef SP

static int
cmd_log(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct span_opts *opt = ctx->opts;
	const char *since = opt->from, *until = opt->to;
	int rc;

	if (since != NULL && until != NULL && strcmp(since, until) > 0)
		return kam_err(KAM_DATA,
		               _("--since '%s' is after --until '%s'"), since,
		               until);
	if ((rc = cli_subject(ctx)) != KAM_OK ||
	    (rc = cli_list(ctx, 0, log_cols, list_log,
	                   (const char *[]){since, until})) != KAM_OK)
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

static int
watch_row(const struct stance_log_row *l, void *arg)
{
	struct watch_out *w = arg;
	struct out *o =
	    w->tsv != NULL ? w->tsv : cli_out(w->ctx, OUT_OBJECT, log_cols);

	out_row(o, l);
	if (w->tsv == NULL)
		out_close(o);
	/* Each line as it comes, for a reader that acts on it. */
	return fflush(stdout) != 0 || ferror(stdout);
}

static int
cmd_watch(struct kam_ctx *ctx, int argc, char **argv)
{
	struct watch_out w = {ctx, NULL};
	struct sigaction sa;
	int rc;

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
/* A row of changes: a person's stance on from and on to. */
struct change_row {
	const char *person, *name, *from, *to, *changed, *actor;
	int64_t id;
};

#define C(f, k)    OUT_COL(struct change_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct change_row, f, n, k)
static const struct out_col change_cols[] = {
    C(person, OUT_C_STR),  C(name, OUT_C_STR),
    C(from, OUT_C_STANCE), C(to, OUT_C_STANCE),
    C(changed, OUT_C_STR), N(actor, "recorded_by", OUT_C_STR),
    C(id, OUT_C_INT64),    OUT_COL_END};
#undef N
#undef C

/* changes' rows: whoever stood otherwise on to than on from. */
static int
changes_rows(struct kam_ctx *ctx, int64_t tid, const char *from, const char *to)
{
	int64_t deal = ctx->subj.deal;
	struct stance_person *people = NULL;
	struct stance_found f2;
	const char *w1, *w2;
	struct out *o;
	size_t n = 0, i;
	int rc;

	if ((rc = begin_people(ctx, &people, &n)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, change_cols);
	for (i = 0; i < n; i++) {
		struct change_row r;

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
		r = (struct change_row){people[i].ref, people[i].name, w1,   w2,
		                        f2.since,      f2.actor,       f2.id};
		out_row(o, &r);
	}
	out_close(o);
	store_stance_people_free(people, n);
	return store_end(ctx->st, rc);
}

static int
cmd_changes(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct span_opts *opt = ctx->opts;
	const char *from = opt->from, *to = opt->to, *toward = opt->toward;
	int64_t tid = 0;
	int rc;

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

	if ((rc = map_ready()) != KAM_OK)
		return rc;
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
	const char *from, *to, *toward, *format, *out, *by;
	char today[KAM_DATE_LEN], dflt[KAM_DATE_LEN];
	long lanes; /* -1: not given */
	int quarter;
	size_t np;
	char labels[MAX_PERIODS][16], ends[MAX_PERIODS][KAM_DATE_LEN];
};

#define TO(f) CLI_AT(struct tl_opts, f)
static const struct cli_opt timeline_opts[] = {
    CLI_DRAW_OPTS(struct tl_opts, out, format),
    {.name = "by", .kind = CLI_STR, TO(by)},
    {.name = "from", .kind = CLI_DATE, TO(from)},
    CLI_LIMIT_OPT("max-lanes", TO(lanes), 100000,
                  N_("invalid limit '%s' for --max-lanes (use a whole "
                     "number from 1 to 100000, or all)")),
    {.name = "to", .kind = CLI_DATE, TO(to)},
    {.name = "toward", .kind = CLI_STR, TO(toward)},
    {.name = NULL}};
#undef TO

/* Checks timeline's options, each against the others. */
static int
tl_options(struct kam_ctx *ctx, struct tl_opts *t)
{
	const char *by = t->by != NULL ? t->by : "month";
	int rc;

	/* -T or -o: a picture, in the formats of kam-map. */
	if (t->format == NULL && t->out != NULL)
		t->format = map_format_of(t->out);
	if (t->lanes >= 0 && t->format == NULL)
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
	if (t->lanes < 0)
		t->lanes = TL_MAX_LANES;
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

/* A row of the timeline's table: a person, a symbol a period. */
struct tl_wide {
	const char *person, *name;
	const char *sym[MAX_PERIODS];
};

/* A row of the machine formats: a person in a period. */
struct tl_long {
	const char *person, *name, *period, *as_of, *stance;
};

#define C(f, n) OUT_COL(struct tl_long, f, n, OUT_C_STR)
static const struct out_col tl_long_cols[] = {
    C(person, "person"), C(name, "name"),     C(period, "period"),
    C(as_of, "as_of"),   C(stance, "stance"), OUT_COL_END};
#undef C

/* The table's columns: the person, then a period each. */
static void
tl_wide_cols(const struct tl_opts *t, struct out_col *cols)
{
	size_t k;

	memset(cols, 0, (t->np + 3) * sizeof *cols);
	cols[0] = (struct out_col)OUT_COL(struct tl_wide, person, "person",
	                                  OUT_C_STR);
	cols[1] =
	    (struct out_col)OUT_COL(struct tl_wide, name, "name", OUT_C_STR);
	for (k = 0; k < t->np; k++)
		cols[k + 2] = (struct out_col)OUT_COL(struct tl_wide, sym[k],
		                                      t->labels[k], OUT_C_STR);
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
	struct out_col cols[MAX_PERIODS + 3];
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
	tl_wide_cols(t, cols);
	o = cli_out(ctx, 0, table ? cols : tl_long_cols);
	for (i = 0; i < n; i++) {
		struct tl_wide w = {people[i].ref, people[i].name, {NULL}};

		lo = stance_rows_of(rows, nrows, people[i].id, &hi);
		stance_series(rows + lo, hi - lo, deal, day, t->np, word);
		for (k = 0; k < t->np; k++) {
			struct tl_long l = {people[i].ref, people[i].name,
			                    t->labels[k], t->ends[k],
			                    word[k] ? word[k] : "unknown"};

			w.sym[k] = stance_symbol(word[k]);
			if (!table)
				out_row(o, &l);
		}
		if (table)
			out_row(o, &w);
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
	struct tl_opts *t = ctx->opts;
	int64_t tid = 0;
	int rc;

	if ((rc = tl_options(ctx, t)) != KAM_OK ||
	    (rc = tl_periods(t)) != KAM_OK || (rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if (t->toward != NULL &&
	    (rc = store_competitor_id(ctx->st, t->toward, &tid)) != KAM_OK)
		return rc;
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
	return rc;
}

#define MAX_MAP 32

/*
 * import FILE.csv [--map FIELD=COLUMN]...: observations in one
 * transaction, then the summary every import ends with.
 */
static const struct cli_opt import_opts[] = {{.name = "map",
                                              .kind = CLI_LIST,
                                              .off = 0,
                                              .max = MAX_MAP,
                                              .msg = N_("too many --map")},
                                             {.name = NULL}};

static int
cmd_import(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct cli_list *map = ctx->opts;
	struct import_counts cnt = {0, 0, 0, 0, 0};
	long count;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if ((rc = stance_import(ctx->st, argv[optind], ctx->account, map->v,
	                        &count)) != KAM_OK)
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
struct broken_row {
	const char *broken;
	int64_t observation; /* 0: null */
	const char *guard;
};

static void
verify_broken_json(const struct stance_verdict *v)
{
#define C(f, k) OUT_COL(struct broken_row, f, #f, k)
	static const struct out_col cols[] = {C(broken, OUT_C_STR),
	                                      C(observation, OUT_C_INT64_NZ),
	                                      C(guard, OUT_C_STR), OUT_COL_END};
#undef C
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
	    [VERIFY_DERIVED] = "derived",
	};
	int guard = v->why == VERIFY_GUARD_MISSING ||
	            v->why == VERIFY_GUARD_CHANGED ||
	            v->why == VERIFY_GUARD_DISABLED || v->why == VERIFY_GRANT ||
	            v->why == VERIFY_DERIVED;
	struct broken_row r = {(size_t)v->why < sizeof words / sizeof words[0]
	                           ? words[v->why]
	                           : NULL,
	                       guard ? 0 : v->bad, guard ? v->guard : NULL};
	struct out *o = out_open_cols(stdout, OUT_JSON, OUT_OBJECT, cols);

	out_row(o, &r);
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
	case VERIFY_PREV:
	case VERIFY_VERSION:
	case VERIFY_DOWNGRADE:
		/* Literal formats, which the compiler checks against the
		 * arguments, each a sentence of its own for translators. */
		return kam_err(
		    KAM_FALSE,
		    v->why == VERIFY_HASH
		        ? _("observation %lld does not match its hash: it was "
		            "changed after it was recorded")
		    : v->why == VERIFY_PREV
		        ? _("observation %lld breaks the chain: its prev_hash "
		            "is not the hash of the row before it (a row was "
		            "removed, inserted or rewritten)")
		    : v->why == VERIFY_VERSION
		        ? _("observation %lld names a hash encoding this kam "
		            "does not know (hash_version): it was changed "
		            "after it was recorded")
		        : _("observation %lld names an older hash encoding "
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
	case VERIFY_GUARD_CHANGED:
	case VERIFY_GUARD_DISABLED:
		return kam_err(
		    KAM_FALSE,
		    v->why == VERIFY_GUARD_MISSING
		        ? _("the append-only guard '%s' is missing: history "
		            "can be rewritten (%lld rows match their hashes)")
		    : v->why == VERIFY_GUARD_CHANGED
		        ? _("the append-only guard '%s' is not the one kam "
		            "creates: history can be rewritten (%lld rows "
		            "match their hashes)")
		        : _("the append-only guard '%s' is disabled: history "
		            "can be rewritten (%lld rows match their hashes)"),
		    v->guard, (long long)v->n);
	case VERIFY_GRANT:
		return kam_err(KAM_FALSE,
		               _("role '%s' may %s the history table '%s': "
		                 "history can be rewritten (%lld rows match "
		                 "their hashes)"),
		               v->role, v->privilege, v->guard,
		               (long long)v->n);
	case VERIFY_DERIVED:
		return kam_err(KAM_FALSE,
		               _("what show reads of account '%s' (%s) is not "
		                 "what its observations give: it was changed "
		                 "outside kam (%lld rows match their hashes; "
		                 "kam(7), THE TEAM STORE, says how to make it "
		                 "again)"),
		               v->account, v->guard, (long long)v->n);
	}
	return KAM_FALSE;
}

static int
cmd_verify(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct out_col cols[] = {
	    OUT_COL(struct stance_verdict, n, "observations", OUT_C_INT64),
	    OUT_COL(struct stance_verdict, head, "last_hash", OUT_C_CHARS),
	    OUT_COL_END};
	struct out *o;
	struct stance_verdict v;
	int rc;

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
	out_row(o, &v);
	out_close(o);
	return out_finish_stdout();
}

static const struct kam_verb verbs[] = {
    {"set",
     "set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] "
     "[--source TEXT] [--toward COMPETITOR]",
     "record a person's stance", cmd_set, 2, 2, CLI_PERSON,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(set_opts, struct set_opts)},
    {"show",
     "show [ACCOUNT | ACCOUNT/DEAL] [--as-of DATE] [--known-at TIMESTAMP] "
     "[--toward COMPETITOR]",
     "the stance of each person on a day", cmd_show, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_OPTS(show_opts, struct show_opts)},
    {"log", "log [PERSON | ACCOUNT] [--since DATE] [--until DATE]",
     "every observation, retraction and correction", cmd_log, 0, 1,
     CLI_ACCOUNT_PERSON | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_OPTS(log_opts, struct span_opts)},
    {"changes",
     "changes [ACCOUNT | ACCOUNT/DEAL] --from DATE --to DATE "
     "[--toward COMPETITOR]",
     "who moved between two days", cmd_changes, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_OPTS(changes_opts, struct span_opts)},
    {"timeline",
     "timeline [ACCOUNT | ACCOUNT/DEAL] [-o FILE] "
     "[-T dot | svg | png | pdf] [--by month | quarter] "
     "[--from DATE] [--max-lanes N | all] [--to DATE] "
     "[--toward COMPETITOR]",
     "stances by month or quarter", cmd_timeline, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_OPTS(timeline_opts, struct tl_opts)},
    {"stale",
     "stale [ACCOUNT | ACCOUNT/DEAL] [--as-of DATE] "
     "[--older-than SPAN]",
     "whom to check in with: stances observed long ago", cmd_stale, 0, 1,
     CLI_SCOPE | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_OPTS(stale_opts, struct stale_opts)},
    {"retract", "retract ID --why TEXT", "withdraw an observation", cmd_retract,
     1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(retract_opts, struct why_opts)},
    {"correct", "correct ID STANCE [--on DATE] --why TEXT",
     "replace an observation", cmd_correct, 2, 2, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(correct_opts, struct why_opts)},
    {"import", "import FILE.csv [--map FIELD=COLUMN]...",
     "record observations from CSV", cmd_import, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM,
     CLI_OPTS_FMT(import_opts, struct cli_list,
                  CLI_FMT(OUT_TABLE) | CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON),
                  OUT_TSV)},
    {"verify", "verify", "check the hash chain", cmd_verify, 0, 0, CLI_NOSUBJ,
     CLI_READ | CLI_TEAM, CLI_NO_OPTS},
    {"watch", "watch [ACCOUNT | ACCOUNT/DEAL]",
     "print observations as teammates commit them (team store)", cmd_watch, 0,
     1, CLI_SCOPE | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_NO_OPTS_FMT(CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON), OUT_TSV)},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0, CLI_NO_OPTS},
};

static const struct kam_cmd cmd = {
    "kam-stance", N_("stakeholders' stances over time, with an audit trail"),
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
