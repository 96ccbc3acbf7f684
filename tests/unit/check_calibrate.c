/*
 * Unit tests of calibration's rule (calibrate.c) over deals built in
 * memory: which run is used (a run recorded exactly N days before the
 * close counts, one a day later does not), the hits of each verdict,
 * the Brier score without abandoned deals, the criteria yes on lost
 * deals, and the turn of a verdict that changed and changed back.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kam/calibrate.h"
#include "unit.h"

static char *price[] = {"price"}, *fit[] = {"fit"};
static int gate3[] = {3}, gate2[] = {2};

/* A run; yes: a criterion answered yes (with its gate), or NULL. */
static struct calib_run
mkrun(const char *day, const char *verdict, double p, char **yes)
{
	struct calib_run r;

	memset(&r, 0, sizeof r);
	strcpy(r.day, day);
	r.verdict = (char *)verdict;
	r.has_p = p >= 0;
	r.p = p;
	if (yes != NULL) {
		r.yes = yes;
		r.yes_gate = yes == price ? gate3 : gate2;
		r.nyes = 1;
	}
	return r;
}

static struct calib_deal
mkdeal(const char *deal, const char *status, const char *closed,
       struct calib_run *runs, size_t n)
{
	struct calib_deal d;

	memset(&d, 0, sizeof d);
	d.deal = (char *)deal;
	d.name = (char *)deal;
	d.status = (char *)status;
	strcpy(d.closed, closed);
	d.runs = runs;
	d.nruns = n;
	return d;
}

START_TEST(t_boundary)
{
	/* Closed 1 March: 30 days before is 30 January. */
	struct calib_run on[] = {mkrun("2026-01-30", "pursue", 0.8, NULL)};
	struct calib_run late[] = {mkrun("2026-01-31", "pursue", 0.8, NULL)};
	struct calib_deal d[] = {
	    mkdeal("a/on", "won", "2026-03-01", on, 1),
	    mkdeal("a/late", "won", "2026-03-01", late, 1)};
	struct calibration c;

	calibrate(d, 2, 30, &c);
	ck_assert_int_eq(c.used, 1);
	ck_assert_int_eq(c.excluded, 1);
	ck_assert_ptr_eq(c.rows[0].run, &on[0]);
	ck_assert_ptr_null(c.rows[1].run);
	calibration_free(&c);
	/* 29 days: both. */
	calibrate(d, 2, 29, &c);
	ck_assert_int_eq(c.used, 2);
	calibration_free(&c);
}
END_TEST

START_TEST(t_hits_brier)
{
	struct calib_run w[] = {mkrun("2026-01-01", "pursue", 0.9, price)};
	struct calib_run l[] = {mkrun("2026-01-01", "pursue", 0.6, price)};
	struct calib_run a[] = {mkrun("2026-01-01", "pursue", 0.7, NULL)};
	struct calib_run dl[] = {mkrun("2026-01-01", "drop", 0.2, fit)};
	struct calib_run dw[] = {mkrun("2026-01-01", "drop", 0.1, NULL)};
	struct calib_run q[] = {mkrun("2026-01-01", "qualify", -1, NULL)};
	struct calib_deal d[] = {
	    mkdeal("a/w", "won", "2026-03-01", w, 1),
	    mkdeal("a/l", "lost", "2026-03-01", l, 1),
	    mkdeal("a/a", "abandoned", "2026-03-01", a, 1),
	    mkdeal("a/dl", "lost", "2026-03-01", dl, 1),
	    mkdeal("a/dw", "won", "2026-03-01", dw, 1),
	    mkdeal("a/q", "lost", "2026-03-01", q, 1),
	};
	struct calibration c;

	calibrate(d, 6, 30, &c);
	/* pursue: w hit, l and a (abandoned) not. */
	ck_assert_int_eq(c.verdicts[0].deals, 3);
	ck_assert_int_eq(c.verdicts[0].hits, 1);
	/* drop: lost is a hit, won is not. */
	ck_assert_int_eq(c.verdicts[3].deals, 2);
	ck_assert_int_eq(c.verdicts[3].hits, 1);
	/* qualify forecasts nothing. */
	ck_assert_int_eq(c.verdicts[2].has_hit, 0);
	ck_assert_int_eq(c.rows[5].hit, -1);
	/* Brier over w, l, dl, dw (a abandoned, q without a likelihood):
	 * (0.01 + 0.36 + 0.04 + 0.81) / 4 = 0.305. */
	ck_assert_int_eq(c.brier_n, 4);
	ck_assert_int_eq(c.no_likelihood, 1);
	ck_assert(fabs(c.brier - 0.305) < 1e-9);
	ck_assert(fabs(c.base_rate - 0.5) < 1e-9);
	ck_assert(fabs(c.brier_base - 0.25) < 1e-9);
	/* Yes on lost deals: price (l), fit (dl); by count, then gate. */
	ck_assert_int_eq((int)c.ncrit, 2);
	ck_assert_str_eq(c.crit[0].key, "fit");
	ck_assert_int_eq(c.crit[0].lost_yes, 1);
	ck_assert_str_eq(c.crit[1].key, "price");
	ck_assert_int_eq(c.crit[1].won_yes, 1);
	calibration_free(&c);
}
END_TEST

START_TEST(t_turn)
{
	/* pursue, drop, pursue: the final verdict last turned on the third
	 * run; a run after the close does not count. */
	struct calib_run r[] = {mkrun("2026-01-01", "pursue", 0.8, NULL),
	                        mkrun("2026-02-01", "drop", 0.3, NULL),
	                        mkrun("2026-02-15", "pursue", 0.8, NULL),
	                        mkrun("2026-02-20", "pursue", 0.9, NULL),
	                        mkrun("2026-03-05", "drop", 0.1, NULL)};
	struct calib_run s[] = {mkrun("2026-02-21", "qualify", -1, NULL)};
	struct calib_deal d[] = {mkdeal("a/x", "won", "2026-03-01", r, 5),
	                         mkdeal("a/y", "lost", "2026-03-01", s, 1)};
	struct calibration c;

	calibrate(d, 2, 0, &c);
	ck_assert_ptr_eq(c.rows[0].last, &r[3]);
	ck_assert_ptr_eq(c.rows[0].turn, &r[2]);
	ck_assert_int_eq(c.rows[0].turned_days, 14);
	ck_assert_int_eq(c.rows[1].turned_days, 8);
	/* Of 14 and 8, the lower middle. */
	ck_assert_int_eq(c.turned_median, 8);
	calibration_free(&c);
}
END_TEST

int
main(void)
{
	return unit_run(
	    unit_suite("calibrate", t_boundary, t_hits_brier, t_turn, NULL));
}
