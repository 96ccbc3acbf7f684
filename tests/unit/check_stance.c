/*
 * Unit tests of the stance rules and their SQL: which observation is in
 * force on a day as known at a time (same-day tie, deal fallback,
 * retractions, corrections, known-at), and the SHA-256 chain.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"
#include "unit.h"

static char dir[64];
static char path[128];
static struct store *st;

/* People 1 (li-wei) and 2 (zhang) of acme, competitor 1, deals 1 and 2. */
static void
setup(void)
{
	char *err = NULL;

	snprintf(dir, sizeof dir, "/tmp/check_stance.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	ck_assert_int_eq(
	    sqlite3_exec(
	        store_db(st),
	        "INSERT INTO account (id, handle, name, industry, created) "
	        "VALUES (1, 'acme', 'Acme', NULL, "
	        "'2026-01-01T00:00:00Z');"
	        "INSERT INTO person (id, account_id, handle, name, "
	        "created) VALUES (1, 1, 'li-wei', '李伟', "
	        "'2026-01-01T00:00:00Z'), (2, 1, 'zhang', '张三', "
	        "'2026-01-01T00:00:00Z');"
	        "INSERT INTO competitor VALUES (1, 'rivalco', 'RivalCo');"
	        "INSERT INTO deal (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'his', 'HIS', '2026-01-01T00:00:00Z'), "
	        "(2, 1, 'erp', 'ERP', '2026-01-01T00:00:00Z');",
	        NULL, NULL, &err),
	    SQLITE_OK);
}

static void
teardown(void)
{
	char f[160];

	store_close(st);
	st = NULL;
	snprintf(f, sizeof f, "%s/kam.db", dir);
	unlink(f);
	snprintf(f, sizeof f, "%s/kam.db-wal", dir);
	unlink(f);
	snprintf(f, sizeof f, "%s/kam.db-shm", dir);
	unlink(f);
	rmdir(dir);
}

static struct stance_chain chain;

/* Appends a row; returns its id. */
static int64_t
add(const char *kind, int64_t target, int64_t person, const char *stance,
    int64_t toward, int64_t deal, const char *effective, const char *recorded)
{
	struct stance_row r;

	memset(&r, 0, sizeof r);
	r.kind = kind;
	r.target = target;
	r.person = person;
	r.stance = stance;
	r.toward = toward;
	r.deal = deal;
	r.effective = effective;
	r.recorded = recorded;
	r.actor = "tester";
	r.why = strcmp(kind, "observe") == 0 ? NULL : "test";
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_stance_append(st, &chain, &r), KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	return r.id;
}

#define OBS(p, s, e, rec) add("observe", 0, p, s, 0, 0, e, rec)

/* The stance of person p toward us, general, on d as known at k. */
static const char *
get(int64_t p, int64_t toward, int64_t deal, const char *d, const char *k,
    char *since)
{
	const char *s = "garbage";

	ck_assert_int_eq(store_stance_get(st, p, toward, deal, d, k, &s, since),
	                 KAM_OK);
	return s;
}

static void
chain_reset(void)
{
	memset(&chain, 0, sizeof chain);
}

START_TEST(test_unknown)
{
	char since[KAM_DATE_LEN] = "x";

	chain_reset();
	ck_assert_ptr_null(get(1, 0, 0, "2026-03-01", NULL, since));
	ck_assert_str_eq(since, "");
	OBS(1, "support", "2026-02-01", "2026-02-01T10:00:00Z");
	/* Before the first effective day the stance is unknown. */
	ck_assert_ptr_null(get(1, 0, 0, "2026-01-31", NULL, NULL));
	ck_assert_str_eq(get(1, 0, 0, "2026-02-01", NULL, since), "support");
	ck_assert_str_eq(since, "2026-02-01");
	/* Another person stays unknown. */
	ck_assert_ptr_null(get(2, 0, 0, "2026-03-01", NULL, NULL));
}
END_TEST

START_TEST(test_latest_effective)
{
	char since[KAM_DATE_LEN];

	chain_reset();
	/* Recorded out of order: the effective day decides. */
	OBS(1, "oppose", "2026-02-10", "2026-02-11T10:00:00Z");
	OBS(1, "support", "2026-01-05", "2026-02-12T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-01-20", NULL, since), "support");
	ck_assert_str_eq(since, "2026-01-05");
	ck_assert_str_eq(get(1, 0, 0, "2026-02-10", NULL, since), "oppose");
	ck_assert_str_eq(get(1, 0, 0, "2027-01-01", NULL, since), "oppose");
	ck_assert_str_eq(since, "2026-02-10");
}
END_TEST

START_TEST(test_same_day_tie)
{
	chain_reset();
	/* Two observations effective the same day: the later recorded wins,
	 * whatever the order of ids. */
	add("observe", 0, 1, "support", 0, 0, "2026-02-01",
	    "2026-02-03T10:00:00Z");
	add("observe", 0, 1, "oppose", 0, 0, "2026-02-01",
	    "2026-02-02T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-02-01", NULL, NULL), "support");
	/* As known before the later one, the earlier one held. */
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-02-01", "2026-02-02T23:00:00Z", NULL), "oppose");
	/* Recorded the same second: the later row wins. */
	add("observe", 0, 2, "support", 0, 0, "2026-02-01",
	    "2026-02-03T10:00:00Z");
	add("observe", 0, 2, "neutral", 0, 0, "2026-02-01",
	    "2026-02-03T10:00:00Z");
	ck_assert_str_eq(get(2, 0, 0, "2026-02-01", NULL, NULL), "neutral");
}
END_TEST

START_TEST(test_deal_fallback)
{
	char since[KAM_DATE_LEN];

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	add("observe", 0, 1, "oppose", 0, 1, "2026-02-01",
	    "2026-02-01T10:00:00Z");
	/* The deal's own stance is preferred once it exists ... */
	ck_assert_str_eq(get(1, 0, 1, "2026-02-15", NULL, since), "oppose");
	ck_assert_str_eq(since, "2026-02-01");
	/* ... and preferred even over a later general one. */
	OBS(1, "neutral", "2026-02-20", "2026-02-20T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 1, "2026-03-01", NULL, NULL), "oppose");
	/* Before it, the general stance is the fallback. */
	ck_assert_str_eq(get(1, 0, 1, "2026-01-31", NULL, since), "support");
	ck_assert_str_eq(since, "2026-01-05");
	/* Another deal falls back to the general stance. */
	ck_assert_str_eq(get(1, 0, 2, "2026-03-01", NULL, NULL), "neutral");
	/* The general question ignores deal-specific rows. */
	ck_assert_str_eq(get(1, 0, 0, "2026-02-15", NULL, NULL), "support");
}
END_TEST

START_TEST(test_toward)
{
	chain_reset();
	OBS(1, "oppose", "2026-01-05", "2026-01-05T10:00:00Z");
	add("observe", 0, 1, "support", 1, 0, "2026-01-05",
	    "2026-01-05T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-02-01", NULL, NULL), "oppose");
	ck_assert_str_eq(get(1, 1, 0, "2026-02-01", NULL, NULL), "support");
	ck_assert_ptr_null(get(2, 1, 0, "2026-02-01", NULL, NULL));
}
END_TEST

START_TEST(test_retraction)
{
	int64_t a, b;

	chain_reset();
	a = OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	b = OBS(1, "oppose", "2026-02-01", "2026-02-01T10:00:00Z");
	add("retract", b, 1, NULL, 0, 0, "2026-02-10", "2026-02-10T10:00:00Z");
	/* The retracted row no longer counts: the earlier one holds. */
	ck_assert_str_eq(get(1, 0, 0, "2026-03-01", NULL, NULL), "support");
	/* What we believed before the retraction. */
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-03-01", "2026-02-09T23:59:59Z", NULL), "oppose");
	add("retract", a, 1, NULL, 0, 0, "2026-02-11", "2026-02-11T10:00:00Z");
	ck_assert_ptr_null(get(1, 0, 0, "2026-03-01", NULL, NULL));
	ck_assert_int_eq(store_stance_successor(st, a), 4);
	ck_assert_int_eq(store_stance_successor(st, 4), 0);
}
END_TEST

START_TEST(test_correction)
{
	char since[KAM_DATE_LEN];
	int64_t a, c;

	chain_reset();
	a = OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	/* Corrected: it was opposition, and from a later day. */
	c = add("correct", a, 1, "oppose", 0, 0, "2026-01-20",
	        "2026-02-01T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-03-01", NULL, since), "oppose");
	ck_assert_str_eq(since, "2026-01-20");
	/* The correction moved the day: before it, nothing is known. */
	ck_assert_ptr_null(get(1, 0, 0, "2026-01-10", NULL, NULL));
	/* As known before the correction, the original held. */
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-01-10", "2026-01-31T00:00:00Z", since),
	    "support");
	ck_assert_str_eq(since, "2026-01-05");
	/* A correction of the correction replaces it in turn. */
	add("correct", c, 1, "neutral", 0, 0, "2026-01-20",
	    "2026-02-05T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-03-01", NULL, NULL), "neutral");
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-03-01", "2026-02-04T00:00:00Z", NULL), "oppose");
}
END_TEST

START_TEST(test_known_at)
{
	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	/* Recorded late, effective early: a later audit knows it, the
	 * bid-day view did not. */
	OBS(1, "oppose", "2026-01-10", "2026-02-20T10:00:00Z");
	ck_assert_str_eq(get(1, 0, 0, "2026-01-15", NULL, NULL), "oppose");
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-01-15", "2026-02-01T00:00:00Z", NULL),
	    "support");
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-01-15", "2026-02-20T10:00:00Z", NULL), "oppose");
	ck_assert_ptr_null(
	    get(1, 0, 0, "2026-01-15", "2026-01-05T09:59:59Z", NULL));
}
END_TEST

/* A small deterministic generator, so that failures reproduce. */
static unsigned long seed;
static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(seed >> 33) % n;
}

/*
 * The timeline's answers (store_stance_in_force, then stance_series)
 * against the rule over the same rows, for the account, each deal's
 * group and everyone, toward us and toward the competitor, on days
 * before, on and between the rows' days.
 */
static void
series_against_rule(const struct stance_row *rows, size_t n)
{
	static const char *const ends[] = {
	    "2025-12-31", "2026-01-01", "2026-01-14", "2026-02-01",
	    "2026-02-28", "2026-03-15", "2026-03-28", "2026-04-30"};
	const size_t nd = sizeof ends / sizeof ends[0];
	const char *got[8];
	struct stance_day *in;
	size_t nin, i, lo, hi, k;
	int64_t tw, dl, scope, p;

	for (tw = 0; tw <= 1; tw++)
		for (scope = 0; scope < 4; scope++) {
			/* The account, deals 1 and 2, everyone. */
			int64_t account = scope == 0 ? 1 : 0;

			dl = scope == 1 || scope == 2 ? scope : 0;
			ck_assert_int_eq(store_stance_in_force(st, account, dl,
			                                       tw, ends[nd - 1],
			                                       &in, &nin),
			                 KAM_OK);
			for (p = 1; p <= 2; p++) {
				int member = dl == 0;

				for (i = 0; i < n && !member; i++)
					member = rows[i].person == p &&
					         rows[i].deal == dl;
				if (!member)
					continue;
				lo = stance_rows_of(in, nin, p, &hi);
				stance_series(in + lo, hi - lo, dl, ends, nd,
				              got);
				for (k = 0; k < nd; k++) {
					const struct stance_row *want =
					    stance_resolve(rows, n, p, tw, dl,
					                   ends[k], NULL);

					if (want == NULL)
						ck_assert_ptr_null(got[k]);
					else {
						ck_assert_ptr_nonnull(got[k]);
						ck_assert_str_eq(got[k],
						                 want->stance);
					}
				}
			}
			free(in);
		}
}

/* Appends 200 random rows (observations, corrections and retractions,
 * general and about deals, toward us and the competitor) to the store
 * and to rows; returns how many.  eff and rec hold their days. */
static size_t
random_history(struct stance_row *rows, char (*eff)[KAM_DATE_LEN],
               char (*rec)[KAM_STAMP_LEN], unsigned long run)
{
	static const char *const words[] = {"support", "neutral", "oppose"};
	int superseded[301] = {0};
	size_t n = 0, i;

	chain_reset();
	seed = 12345 + run;
	for (i = 0; i < 200; i++) {
		struct stance_row *r = &rows[n];
		int64_t target = 0;
		const char *kind = "observe";
		unsigned pick = rnd(10);

		memset(r, 0, sizeof *r);
		snprintf(eff[n], KAM_DATE_LEN, "2026-%02u-%02u", 1 + rnd(3),
		         1 + rnd(28));
		snprintf(rec[n], KAM_STAMP_LEN, "2026-04-%02uT%02u:00:00Z",
		         1 + (unsigned)i / 10, rnd(24));
		/* Recorded times never go back along the ids. */
		if (n > 0 && strcmp(rec[n], rows[n - 1].recorded) < 0)
			memcpy(rec[n], rows[n - 1].recorded, KAM_STAMP_LEN);
		if (pick >= 7 && n > 0) {
			size_t t = rnd((unsigned)n);

			if (strcmp(rows[t].kind, "retract") == 0 ||
			    superseded[rows[t].id])
				pick = 0;
			else {
				target = rows[t].id;
				kind = pick == 9 ? "retract" : "correct";
				superseded[target] = 1;
				r->person = rows[t].person;
				r->toward = rows[t].toward;
				r->deal = rows[t].deal;
			}
		}
		if (target == 0) {
			kind = "observe";
			r->person = 1 + rnd(2);
			r->toward = rnd(4) == 0;
			r->deal = rnd(3) == 0 ? 1 + rnd(2) : 0;
		}
		r->kind = kind;
		r->target = target;
		r->stance = strcmp(kind, "retract") == 0 ? NULL : words[rnd(3)];
		r->effective = eff[n];
		r->recorded = rec[n];
		r->actor = "tester";
		ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
		ck_assert_int_eq(store_stance_append(st, &chain, r), KAM_OK);
		ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
		n++;
	}
	return n;
}

START_TEST(test_random_against_rule)
{
	struct stance_row rows[300];
	char eff[300][KAM_DATE_LEN], rec[300][KAM_STAMP_LEN];
	size_t n, q;

	n = random_history(rows, eff, rec, (unsigned long)_i);
	for (q = 0; q < 400; q++) {
		char as_of[KAM_DATE_LEN], known[KAM_STAMP_LEN], since[12];
		int64_t p = 1 + rnd(2), tw = rnd(2), dl = rnd(3);
		const struct stance_row *want;
		const char *got;
		const char *k = NULL;

		snprintf(as_of, sizeof as_of, "2026-%02u-%02u", 1 + rnd(4),
		         1 + rnd(28));
		if (rnd(2)) {
			snprintf(known, sizeof known,
			         "2026-04-%02uT%02u:30:00Z", 1 + rnd(21),
			         rnd(24));
			k = known;
		}
		want = stance_resolve(rows, n, p, tw, dl, as_of, k);
		got = get(p, tw, dl, as_of, k, since);
		if (want == NULL)
			ck_assert_ptr_null(got);
		else {
			ck_assert_ptr_nonnull(got);
			ck_assert_str_eq(got, want->stance);
			ck_assert_str_eq(since, want->effective);
		}
	}
}
END_TEST

/* The timeline's rows and series against the rule, on the histories
 * of test_random_against_rule. */
START_TEST(test_series_against_rule)
{
	struct stance_row rows[300];
	char eff[300][KAM_DATE_LEN], rec[300][KAM_STAMP_LEN];
	size_t n = random_history(rows, eff, rec, (unsigned long)_i);

	series_against_rule(rows, n);
}
END_TEST

START_TEST(test_serialisation)
{
	struct stance_row r;
	char h[STANCE_HASH_LEN];
	size_t len;
	char *s;

	memset(&r, 0, sizeof r);
	r.id = 1;
	r.kind = "observe";
	r.person = 7;
	r.stance = "support";
	r.deal = 3;
	r.effective = "2026-01-05";
	r.recorded = "2026-03-02T09:00:00Z";
	r.actor = "tester";
	r.note = "午餐 lunch";
	s = stance_serialise(stance_genesis, &r, &len);
	ck_assert_str_eq(s, "0000000000000000000000000000000000000000000000000"
	                    "000000000000000"
	                    "1:17:observe~1:77:support~1:310:2026-01-05"
	                    "20:2026-03-02T09:00:00Z6:tester12:午餐 lunch~~");
	ck_assert_uint_eq(len, strlen(s));
	free(s);
	/* Checked against sha256sum(1) of the same bytes. */
	stance_hash(stance_genesis, &r, h);
	ck_assert_str_eq(
	    h,
	    "795a662a13c1fde614bcd506d001b9e3c26064c7df9e44844d6536b626596632");
	/* NULL and empty text differ; so does every field. */
	r.note = "";
	stance_hash(stance_genesis, &r, h);
	ck_assert_str_ne(
	    h,
	    "795a662a13c1fde614bcd506d001b9e3c26064c7df9e44844d6536b626596632");
}
END_TEST

static int
verify(int64_t *n, int64_t *bad, int *why)
{
	struct stance_verdict v;
	int rc = store_stance_verify(st, &v);

	*n = v.n;
	*bad = v.bad;
	*why = (int)v.why;
	return rc;
}

static void
exec_ok(const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, err);
}

START_TEST(test_chain_valid)
{
	char prev[STANCE_HASH_LEN];
	struct stance_verdict v;
	struct stance_row r;

	chain_reset();
	ck_assert_int_eq(store_stance_verify(st, &v), KAM_OK);
	ck_assert_int_eq(v.n, 0);
	ck_assert_str_eq(v.head, stance_genesis);
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	OBS(2, "oppose", "2026-01-06", "2026-01-06T10:00:00Z");
	/* A new chain state reads the end of the chain from the store. */
	chain_reset();
	add("retract", 1, 1, NULL, 0, 0, "2026-01-07", "2026-01-07T10:00:00Z");
	ck_assert_int_eq(store_stance_verify(st, &v), KAM_OK);
	ck_assert_int_eq(v.n, 3);
	/* The head is the hash of row 3 chained on row 2's, chained on row
	 * 1's, in encoding 2. */
	{
		char h[STANCE_HASH_LEN];
		struct stance_row r1;

		ck_assert_int_eq(store_stance_load(st, 1, &r1), KAM_OK);
		stance_hash2(stance_genesis, &r1, prev);
		stance_row_free(&r1);
		ck_assert_int_eq(store_stance_load(st, 2, &r), KAM_OK);
		stance_hash2(prev, &r, h);
		stance_row_free(&r);
		ck_assert_int_eq(store_stance_load(st, 3, &r), KAM_OK);
		stance_hash2(h, &r, prev);
		stance_row_free(&r);
	}
	ck_assert_str_eq(v.head, prev);
	ck_assert_int_eq(store_stance_load(st, 9, &r), KAM_NOTFOUND);
}
END_TEST

START_TEST(test_chain_refuses_update)
{
	char *err = NULL;
	int64_t n, bad;
	int why;

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	ck_assert_int_ne(
	    sqlite3_exec(store_db(st),
	                 "UPDATE observation SET stance = 'oppose'", NULL, NULL,
	                 &err),
	    SQLITE_OK);
	ck_assert_ptr_nonnull(strstr(err, "append-only"));
	sqlite3_free(err);
	ck_assert_int_ne(sqlite3_exec(store_db(st), "DELETE FROM observation",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(verify(&n, &bad, &why), KAM_OK);
}
END_TEST

START_TEST(test_chain_tampered_field)
{
	int64_t n, bad;
	int why;

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	OBS(1, "oppose", "2026-01-06", "2026-01-06T10:00:00Z");
	OBS(2, "oppose", "2026-01-07", "2026-01-07T10:00:00Z");
	exec_ok("DROP TRIGGER observation_no_update;"
	        "UPDATE observation SET actor = 'someone' WHERE id = 2;");
	ck_assert_int_eq(verify(&n, &bad, &why), KAM_FALSE);
	ck_assert_int_eq(bad, 2);
	ck_assert_int_eq(why, VERIFY_HASH);
	ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_chain_rehashed_row)
{
	char h[STANCE_HASH_LEN], prev[STANCE_HASH_LEN], sql[400];
	struct stance_row r, r1;
	int64_t n, bad;
	int why;

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	OBS(1, "oppose", "2026-01-06", "2026-01-06T10:00:00Z");
	OBS(2, "oppose", "2026-01-07", "2026-01-07T10:00:00Z");
	/* Rewriting row 2 with a hash recomputed for it still breaks the
	 * link to row 3. */
	ck_assert_int_eq(store_stance_load(st, 1, &r1), KAM_OK);
	stance_hash2(stance_genesis, &r1, prev);
	stance_row_free(&r1);
	ck_assert_int_eq(store_stance_load(st, 2, &r), KAM_OK);
	free((char *)r.stance);
	r.stance = xstrdup("support");
	stance_hash2(prev, &r, h);
	stance_row_free(&r);
	snprintf(sql, sizeof sql,
	         "DROP TRIGGER observation_no_update;"
	         "UPDATE observation SET stance = 'support', hash = '%s' "
	         "WHERE id = 2;",
	         h);
	exec_ok(sql);
	ck_assert_int_eq(verify(&n, &bad, &why), KAM_FALSE);
	ck_assert_int_eq(bad, 3);
	ck_assert_int_eq(why, VERIFY_PREV);
}
END_TEST

START_TEST(test_chain_deleted_row)
{
	int64_t n, bad;
	int why;

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	OBS(1, "oppose", "2026-01-06", "2026-01-06T10:00:00Z");
	OBS(2, "oppose", "2026-01-07", "2026-01-07T10:00:00Z");
	exec_ok("DROP TRIGGER observation_no_delete;"
	        "DELETE FROM observation WHERE id = 2;");
	ck_assert_int_eq(verify(&n, &bad, &why), KAM_FALSE);
	ck_assert_int_eq(bad, 3);
	ck_assert_int_eq(why, VERIFY_PREV);
}
END_TEST

START_TEST(test_chain_missing_trigger)
{
	int64_t n, bad;
	int why;

	chain_reset();
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	exec_ok("DROP TRIGGER observation_no_delete;");
	ck_assert_int_eq(verify(&n, &bad, &why), KAM_FALSE);
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(why, VERIFY_GUARD_MISSING);
	ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_people)
{
	struct stance_person *p;
	size_t n;

	ck_assert_int_eq(store_stance_people(st, 1, 0, &p, &n), KAM_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(p[0].ref, "acme/li-wei");
	ck_assert_str_eq(p[1].name, "张三");
	store_stance_people_free(p, n);
	/* A deal: its buying group and the people observed about it. */
	ck_assert_int_eq(store_stance_people(st, 0, 1, &p, &n), KAM_OK);
	ck_assert_uint_eq(n, 0);
	store_stance_people_free(p, n);
	exec_ok("INSERT INTO deal_role (deal_id, person_id, role) "
	        "VALUES (1, 2, 'finance');");
	chain_reset();
	add("observe", 0, 1, "oppose", 0, 1, "2026-02-01",
	    "2026-02-01T10:00:00Z");
	ck_assert_int_eq(store_stance_people(st, 0, 1, &p, &n), KAM_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(p[0].ref, "acme/li-wei");
	ck_assert_str_eq(p[1].ref, "acme/zhang");
	store_stance_people_free(p, n);
}
END_TEST

START_TEST(test_retracted_correction)
{
	int64_t a, c;

	chain_reset();
	a = OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	c = add("correct", a, 1, "oppose", 0, 0, "2026-01-05",
	        "2026-02-01T10:00:00Z");
	add("retract", c, 1, NULL, 0, 0, "2026-02-10", "2026-02-10T10:00:00Z");
	/* Retracting the correction withdraws the corrected observation. */
	ck_assert_ptr_null(get(1, 0, 0, "2026-03-01", NULL, NULL));
	/* Between the correction and its retraction, the correction held. */
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-03-01", "2026-02-05T00:00:00Z", NULL), "oppose");
	/* Before the correction, the original. */
	ck_assert_str_eq(
	    get(1, 0, 0, "2026-03-01", "2026-01-31T00:00:00Z", NULL),
	    "support");
}
END_TEST

static int
count_rows(const struct stance_log_row *l, void *arg)
{
	int *n = arg;

	ck_assert_ptr_nonnull(l->person_ref);
	(*n)++;
	return 0;
}

START_TEST(test_log_and_first)
{
	char first[KAM_STANCE_STAMP_LEN];
	struct stance_found f;
	int n = 0;

	chain_reset();
	ck_assert_int_eq(store_stance_first_recorded(st, first), 0);
	OBS(1, "support", "2026-01-05", "2026-01-05T10:00:00Z");
	OBS(2, "oppose", "2026-01-06", "2026-02-06T10:00:00Z");
	add("observe", 0, 2, "neutral", 1, 2, "2026-01-07",
	    "2026-02-07T10:00:00Z");
	ck_assert_int_eq(store_stance_first_recorded(st, first), 1);
	ck_assert_str_eq(first, "2026-01-05T10:00:00Z");
	ck_assert_int_eq(store_stance_log(st, 0, 0, NULL, NULL, count_rows, &n),
	                 KAM_OK);
	ck_assert_int_eq(n, 3);
	n = 0;
	ck_assert_int_eq(store_stance_log(st, 2, 0, NULL, NULL, count_rows, &n),
	                 KAM_OK);
	ck_assert_int_eq(n, 2);
	n = 0;
	ck_assert_int_eq(store_stance_log(st, 0, 1, "2026-02-01", "2026-02-06",
	                                  count_rows, &n),
	                 KAM_OK);
	ck_assert_int_eq(n, 1);
	/* store_stance_find gives what show prints. */
	ck_assert_int_eq(store_stance_find(st, 2, 1, 2, "2026-03-01", NULL, &f),
	                 KAM_OK);
	ck_assert_int_eq(f.id, 3);
	ck_assert_str_eq(f.stance, "neutral");
	ck_assert_str_eq(f.since, "2026-01-07");
	ck_assert_str_eq(f.recorded, "2026-02-07T10:00:00Z");
	ck_assert_int_eq(f.deal, 2);
	ck_assert_str_eq(f.actor, "tester");
	ck_assert_int_eq(store_stance_find(st, 1, 1, 0, "2026-03-01", NULL, &f),
	                 KAM_OK);
	ck_assert_int_eq(f.id, 0);
}
END_TEST

static Suite *
stance_suite(void)
{
	Suite *s = suite_create("stance");
	TCase *rules = tcase_create("as-of rules");
	TCase *chain_tc = tcase_create("chain");

	tcase_add_checked_fixture(rules, setup, teardown);
	tcase_add_test(rules, test_unknown);
	tcase_add_test(rules, test_latest_effective);
	tcase_add_test(rules, test_same_day_tie);
	tcase_add_test(rules, test_deal_fallback);
	tcase_add_test(rules, test_toward);
	tcase_add_test(rules, test_retraction);
	tcase_add_test(rules, test_correction);
	tcase_add_test(rules, test_known_at);
	tcase_add_loop_test(rules, test_random_against_rule, 0, 5);
	tcase_add_loop_test(rules, test_series_against_rule, 0, 5);
	tcase_add_test(rules, test_people);
	tcase_add_test(rules, test_retracted_correction);
	tcase_add_test(rules, test_log_and_first);
	suite_add_tcase(s, rules);

	tcase_add_checked_fixture(chain_tc, setup, teardown);
	tcase_add_test(chain_tc, test_serialisation);
	tcase_add_test(chain_tc, test_chain_valid);
	tcase_add_test(chain_tc, test_chain_refuses_update);
	tcase_add_test(chain_tc, test_chain_tampered_field);
	tcase_add_test(chain_tc, test_chain_rehashed_row);
	tcase_add_test(chain_tc, test_chain_deleted_row);
	tcase_add_test(chain_tc, test_chain_missing_trigger);
	suite_add_tcase(s, chain_tc);
	return s;
}

int
main(void)
{
	return unit_run(stance_suite());
}
