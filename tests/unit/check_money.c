/*
 * Unit tests of exact amounts (money.c): what is read and refused, the
 * canonical text, ordering, the rounded share of an amount, and the
 * decimal reader's independence from the locale.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kam/money.h"
#include "unit.h"

static void
ok(const char *in, const char *want)
{
	char out[MONEY_LEN];

	ck_assert_msg(money_parse(in, out) == MONEY_OK, "refused: '%s'", in);
	ck_assert_str_eq(out, want);
}

static void
refused(const char *in, enum money_status want)
{
	char out[MONEY_LEN];

	ck_assert_msg(money_parse(in, out) == want, "'%s' not refused as %d",
	              in, (int)want);
}

START_TEST(t_parse)
{
	ok("12345678901234567", "12345678901234567");
	ok("0", "0");
	ok("000", "0");
	ok("0.000", "0");
	ok("007.50000", "7.5");
	ok(".5", "0.5");
	ok("1200000.50", "1200000.5");
	ok("100", "100");
	ok("100.0", "100");
	refused("", MONEY_MALFORMED);
	refused(".", MONEY_MALFORMED);
	refused("5.", MONEY_MALFORMED);
	refused("-5", MONEY_MALFORMED);
	refused("+5", MONEY_MALFORMED);
	refused("1,5", MONEY_MALFORMED);
	refused("1e3", MONEY_MALFORMED);
	refused("1.2.3", MONEY_MALFORMED);
	refused(" 5", MONEY_MALFORMED);
	refused("5 ", MONEY_MALFORMED);
	refused("inf", MONEY_MALFORMED);
	{
		char out[MONEY_LEN];

		ck_assert(money_parse(NULL, out) == MONEY_MALFORMED);
	}
}
END_TEST

/* Each limit at its value, and one past it. */
START_TEST(t_limits)
{
	ok("999999999999999999", "999999999999999999");
	refused("1000000000000000000", MONEY_TOO_MANY_DIGITS);
	ok("00000000000999999999999999999", "999999999999999999");
	ok("99999999999999.9999", "99999999999999.9999");
	refused("999999999999999.9999", MONEY_TOO_MANY_DIGITS);
	ok("0.0001", "0.0001");
	ok("0.00010000", "0.0001");
	refused("0.00001", MONEY_TOO_MANY_DECIMALS);
	refused("1.23456", MONEY_TOO_MANY_DECIMALS);
	/* Zeros after the point but before the first digit are not
	 * significant; zeros at the end of the whole part are. */
	ok("0.0123", "0.0123");
	ok("100000000000000000", "100000000000000000");
	ck_assert_str_eq(money_rule(MONEY_TOO_MANY_DIGITS),
	                 "at most 18 significant digits");
	ck_assert_str_eq(money_rule(MONEY_TOO_MANY_DECIMALS),
	                 "at most 4 decimals");
	ck_assert_str_eq(money_rule(MONEY_MALFORMED),
	                 "a number, no currency sign");
}
END_TEST

START_TEST(t_cmp)
{
	ck_assert_int_lt(money_cmp("9", "10"), 0);
	ck_assert_int_gt(money_cmp("10", "9.9999"), 0);
	ck_assert_int_eq(money_cmp("1.5", "1.5"), 0);
	ck_assert_int_lt(money_cmp("1.5", "1.55"), 0);
	ck_assert_int_gt(money_cmp("1.6", "1.55"), 0);
	ck_assert_int_lt(money_cmp("0", "0.0001"), 0);
	ck_assert_int_gt(money_cmp("999999999999999999", "999999999999999998"),
	                 0);
	ck_assert_int_lt(money_cmp("12345678901234567", "12345678901234568"),
	                 0);
}
END_TEST

static void
pct(const char *a, int p, const char *want)
{
	char out[MONEY_LEN];

	money_percent(a, p, out);
	ck_assert_msg(strcmp(out, want) == 0, "%s x %d%%: '%s', expected '%s'",
	              a, p, out, want);
}

START_TEST(t_percent)
{
	pct("1000000", 55, "550000");
	pct("12345678901234567", 100, "12345678901234567");
	pct("12345678901234567", 0, "0");
	pct("12345678901234567", 37, "4567901193456790");
	/* Half away from zero, to the decimals of the amount. */
	pct("1", 50, "1");
	pct("1", 49, "0");
	pct("3", 50, "2");
	pct("0.01", 50, "0.01");
	pct("0.0001", 49, "0");
	pct("19.99", 55, "10.99");
	pct("19.99", 10, "2");
	pct("999999999999999999", 99, "989999999999999999");
	pct("999999999999999999", 100, "999999999999999999");
	pct("99999999999999.9999", 1, "1000000000000");
	pct("0", 75, "0");
}
END_TEST

/* Sums are exact and canonical; one digit too many is refused. */
START_TEST(t_add)
{
	char out[MONEY_LEN], acc[MONEY_LEN] = "0";
	int i;

	ck_assert_int_eq(money_add("0", "0", out), 0);
	ck_assert_str_eq(out, "0");
	ck_assert_int_eq(money_add("1200000.5", "0.5", out), 0);
	ck_assert_str_eq(out, "1200001");
	ck_assert_int_eq(money_add("0.0001", "0.9999", out), 0);
	ck_assert_str_eq(out, "1");
	ck_assert_int_eq(money_add("19.99", "0.01", out), 0);
	ck_assert_str_eq(out, "20");
	ck_assert_int_eq(money_add("0.1", "0.2", out), 0);
	ck_assert_str_eq(out, "0.3");
	ck_assert_int_eq(money_add("99999999999999.9999", "0.0001", out), 0);
	ck_assert_str_eq(out, "100000000000000");
	ck_assert_int_eq(money_add("999999999999999999", "0", out), 0);
	ck_assert_str_eq(out, "999999999999999999");
	ck_assert_int_eq(money_add("999999999999999999", "1", out), -1);
	ck_assert_int_eq(money_add("99999999999999.9999", "0.1", out), -1);
	/* Into one of its operands: 0.1 ten times is exactly 1. */
	for (i = 0; i < 10; i++)
		ck_assert_int_eq(money_add(acc, "0.1", acc), 0);
	ck_assert_str_eq(acc, "1");
}
END_TEST

START_TEST(t_decimal)
{
	double v;

	ck_assert(decimal_parse("0.34", &v) && v == 0.34);
	ck_assert(decimal_parse("-0.2", &v) && v == -0.2);
	ck_assert(decimal_parse("+40", &v) && v == 40);
	ck_assert(decimal_parse("100", &v) && v == 100);
	ck_assert(decimal_parse(".5", &v) && v == 0.5);
	ck_assert(decimal_parse("123456789012345", &v) &&
	          v == 123456789012345.0);
	ck_assert(!decimal_parse("1234567890123456", &v));
	ck_assert(!decimal_parse("", &v));
	ck_assert(!decimal_parse("-", &v));
	ck_assert(!decimal_parse("1,5", &v));
	ck_assert(!decimal_parse("1e3", &v));
	ck_assert(!decimal_parse("nan", &v));
	ck_assert(!decimal_parse("1.2.3", &v));
	ck_assert(!decimal_parse("40%", &v));
}
END_TEST

/* Under a locale whose decimal mark is a comma, nothing changes. */
START_TEST(t_locale)
{
	static const char *const comma[] = {"de_DE.UTF-8", "de_DE.utf8",
	                                    "fr_FR.UTF-8", "ru_RU.UTF-8"};
	char out[MONEY_LEN];
	size_t i;
	double v;

	for (i = 0; i < sizeof comma / sizeof comma[0]; i++)
		if (setlocale(LC_ALL, comma[i]) != NULL)
			break;
	ck_assert(decimal_parse("0.34", &v) && v == 0.34);
	ck_assert(!decimal_parse("0,34", &v));
	ck_assert(money_parse("1.5", out) == MONEY_OK);
	ck_assert_str_eq(out, "1.5");
	ck_assert(money_parse("1,5", out) == MONEY_MALFORMED);
	setlocale(LC_ALL, "C");
}
END_TEST

int
main(void)
{
	return unit_run(unit_suite("money", t_parse, t_limits, t_cmp, t_percent,
	                           t_add, t_decimal, t_locale, NULL));
}
