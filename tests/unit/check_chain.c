/*
 * Unit tests of the hash chain's record (encoding 2): its bytes for
 * every type, that values of different types or lengths never give the
 * same record, free texts as digests, and the worked example of kam(7)
 * checked against sha256sum(1).
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kam/chain.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "unit.h"

static char *
record(const struct chain_value *v, size_t n, size_t *len)
{
	return chain_record("t", v, n, len);
}

START_TEST(test_bytes)
{
	static const char blob[] = {'a', 0, 'b'};
	struct chain_value v[7];
	size_t len;
	char *s;

	v[0] = chain_text(NULL);
	v[1] = chain_int(0);
	v[2] = chain_int(-42);
	v[3] = chain_text("");
	v[4] = chain_text("李");
	v[5] = chain_int(INT64_MIN);
	memset(&v[6], 0, sizeof v[6]);
	v[6].type = CHAIN_BLOB;
	v[6].p = blob;
	v[6].n = sizeof blob;
	s = record(v, 7, &len);
	ck_assert_uint_eq(len, 56);
	ck_assert_int_eq(memcmp(s,
	                        "T1:tN0:I1:0I3:-42T0:T3:李"
	                        "I20:-9223372036854775808B3:a\0b",
	                        len),
	                 0);
	free(s);
}
END_TEST

START_TEST(test_real)
{
	struct chain_value v = {CHAIN_REAL, 0, 0, 1.5, NULL, 0, 0};
	size_t len;
	char *s = record(&v, 1, &len);

	/* 1.5 is 0x3FF8000000000000 */
	ck_assert_str_eq(s, "T1:tR16:3ff8000000000000");
	free(s);
}
END_TEST

START_TEST(test_free_text)
{
	struct chain_value v[3];
	size_t len;
	char *s;

	v[0] = chain_free_text("午餐 lunch");
	v[1] = chain_free_text("");
	v[2] = chain_free_text(NULL);
	s = record(v, 3, &len);
	ck_assert_str_eq(s,
	                 "T1:tD64:4da5c1c667f855b6cd82239d78c990f5a5eca3162c"
	                 "59f4e8b1da55d394e5d2ddD64:e3b0c44298fc1c149afbf4c89"
	                 "96fb92427ae41e4649b934ca495991b7852b855N0:");
	free(s);
}
END_TEST

/* Values that encoding 1 wrote alike, or that could run together. */
START_TEST(test_injective)
{
	struct chain_value a[2], b[2];
	char ha[CHAIN_HASH_LEN], hb[CHAIN_HASH_LEN];
	struct {
		struct chain_value x[2], y[2];
	} pairs[6];
	size_t i;

	pairs[0].x[0] = chain_text(NULL), pairs[0].y[0] = chain_int(0);
	pairs[1].x[0] = chain_text(""), pairs[1].y[0] = chain_text(NULL);
	pairs[2].x[0] = chain_text("0"), pairs[2].y[0] = chain_int(0);
	pairs[3].x[0] = chain_text("1"), pairs[3].y[0] = chain_int(1);
	pairs[4].x[0] = chain_free_text("x"), pairs[4].y[0] = chain_text("x");
	pairs[5].x[0] = chain_text("ab"), pairs[5].y[0] = chain_text("a");
	for (i = 0; i < 6; i++) {
		pairs[i].x[1] = chain_text("c");
		pairs[i].y[1] = chain_text(i == 5 ? "bc" : "c");
		memcpy(a, pairs[i].x, sizeof a);
		memcpy(b, pairs[i].y, sizeof b);
		chain_hash("t", a, 2, ha);
		chain_hash("t", b, 2, hb);
		ck_assert_msg(strcmp(ha, hb) != 0, "pair %zu", i);
	}
	/* The table is part of the record. */
	a[0] = chain_int(1);
	chain_hash("t", a, 1, ha);
	chain_hash("u", a, 1, hb);
	ck_assert_str_ne(ha, hb);
}
END_TEST

/* The worked example of kam(7), THE HASH CHAIN, as sha256sum gives it. */
START_TEST(test_worked_example)
{
	struct stance_row r;
	struct chain_value v[STANCE_CHAIN_COLUMNS];
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
	stance_chain_values(&r, stance_genesis, 2, v);
	s = chain_record("observation", v, STANCE_CHAIN_COLUMNS, &len);
	ck_assert_str_eq(
	    s, "T11:observationI1:1T7:observeN0:I1:7T7:supportN0:I1:3"
	       "T10:2026-01-05T20:2026-03-02T09:00:00ZT6:tester"
	       "D64:4da5c1c667f855b6cd82239d78c990f5a5eca3162c59f4e8b1da55d3"
	       "94e5d2ddN0:N0:T64:0000000000000000000000000000000000000000000"
	       "000000000000000000000I1:2");
	free(s);
	stance_hash2(stance_genesis, &r, h);
	ck_assert_str_eq(
	    h,
	    "609907e75c96c62f845efa31d9bf9f7b2ecddd0c973cc760ba9a1a64301632e4");
}
END_TEST

int
main(void)
{
	return unit_run(unit_suite("chain", test_bytes, test_real,
	                           test_free_text, test_injective,
	                           test_worked_example, NULL));
}
