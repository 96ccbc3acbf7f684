/*
 * Unit tests of a deal's rules (deal.c): the words of its status and
 * fields, the steps a change makes, and when a deal may be closed,
 * reopened or changed, at each date's edge.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "unit.h"

START_TEST(t_words)
{
	ck_assert_str_eq(deal_status_word(DEAL_OPEN), "open");
	ck_assert_str_eq(deal_status_word(DEAL_WON), "won");
	ck_assert_str_eq(deal_status_word(DEAL_LOST), "lost");
	ck_assert_str_eq(deal_status_word(DEAL_ABANDONED), "abandoned");
	ck_assert_int_eq(deal_status_parse("won"), DEAL_WON);
	ck_assert_int_eq(deal_status_parse("abandoned"), DEAL_ABANDONED);
	ck_assert_int_eq(deal_status_parse("Won"), -1);
	ck_assert_int_eq(deal_status_parse(""), -1);
	ck_assert_int_eq(deal_status_parse(NULL), -1);
	ck_assert_str_eq(deal_field_word(DEAL_NAME), "name");
	ck_assert_str_eq(deal_field_word(DEAL_CLOSE), "close");
	ck_assert_str_eq(deal_field_word(DEAL_EXT_ID), "ext_id");
	ck_assert_str_eq(deal_field_word(DEAL_NFIELDS), "");
}
END_TEST

START_TEST(t_diff)
{
	struct deal_rec r;
	struct deal_change c;
	struct deal_delta d[DEAL_NFIELDS];
	size_t n;

	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	r.f[DEAL_NAME] = "ERP";
	r.f[DEAL_VALUE] = "100";
	r.f[DEAL_OWNER] = "Zoe";
	/* Nothing given, nothing changes. */
	ck_assert_uint_eq(deal_diff(&r, &c, d), 0);
	/* The same value is no change; "" clears; a new field is set. */
	c.f[DEAL_NAME] = "ERP";
	c.f[DEAL_VALUE] = "";
	c.f[DEAL_CLOSE] = "2026-06-30";
	c.f[DEAL_OWNER] = "Li";
	n = deal_diff(&r, &c, d);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(d[0].field, "value");
	ck_assert_str_eq(d[0].old_value, "100");
	ck_assert_ptr_null(d[0].new_value);
	ck_assert_str_eq(d[1].field, "close");
	ck_assert_ptr_null(d[1].old_value);
	ck_assert_str_eq(d[1].new_value, "2026-06-30");
	ck_assert_str_eq(d[2].field, "owner");
	ck_assert_str_eq(d[2].old_value, "Zoe");
	ck_assert_str_eq(d[2].new_value, "Li");
	/* Clearing what is not set is no change. */
	memset(&c, 0, sizeof c);
	c.f[DEAL_STAGE] = "";
	ck_assert_uint_eq(deal_diff(&r, &c, d), 0);
}
END_TEST

START_TEST(t_close)
{
	struct deal_rec r;

	memset(&r, 0, sizeof r);
	r.status = DEAL_OPEN;
	ck_assert_int_eq(
	    deal_close_check(&r, DEAL_WON, "2026-03-02", "2026-03-02"),
	    DEAL_FINE);
	ck_assert_int_eq(
	    deal_close_check(&r, DEAL_LOST, "2026-03-03", "2026-03-02"),
	    DEAL_FUTURE);
	ck_assert_int_eq(
	    deal_close_check(&r, DEAL_LOST, "2020-01-01", "2026-03-02"),
	    DEAL_FINE);
	ck_assert_int_eq(
	    deal_close_check(&r, DEAL_OPEN, "2026-03-01", "2026-03-02"),
	    DEAL_STATUS_OPEN);
	r.status = DEAL_ABANDONED;
	r.closed_on = "2026-02-01";
	ck_assert_int_eq(
	    deal_close_check(&r, DEAL_WON, "2026-03-01", "2026-03-02"),
	    DEAL_CLOSED);
}
END_TEST

START_TEST(t_reopen)
{
	struct deal_rec r;

	memset(&r, 0, sizeof r);
	r.status = DEAL_OPEN;
	ck_assert_int_eq(deal_reopen_check(&r, "2026-03-01", "2026-03-02"),
	                 DEAL_NOT_CLOSED);
	r.status = DEAL_LOST;
	r.closed_on = "2026-02-28";
	ck_assert_int_eq(deal_reopen_check(&r, "2026-02-27", "2026-03-02"),
	                 DEAL_BEFORE_CLOSE);
	ck_assert_int_eq(deal_reopen_check(&r, "2026-02-28", "2026-03-02"),
	                 DEAL_FINE);
	ck_assert_int_eq(deal_reopen_check(&r, "2026-03-02", "2026-03-02"),
	                 DEAL_FINE);
	ck_assert_int_eq(deal_reopen_check(&r, "2026-03-03", "2026-03-02"),
	                 DEAL_FUTURE);
	ck_assert_int_eq(deal_change_check("2026-03-02", "2026-03-02"),
	                 DEAL_FINE);
	ck_assert_int_eq(deal_change_check("2026-03-03", "2026-03-02"),
	                 DEAL_FUTURE);
}
END_TEST

int
main(void)
{
	return unit_run(
	    unit_suite("deal", t_words, t_diff, t_close, t_reopen, NULL));
}
