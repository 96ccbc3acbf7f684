/*
 * What the unit tests' mains share: a suite of one test case made from a
 * list of tests, and the run of a suite with its exit status.  Only
 * tests/unit/check_*.c include it.
 */
#ifndef KAM_UNIT_H
#define KAM_UNIT_H

#include <check.h>
#include <stdarg.h>
#include <stdlib.h>

/* A suite named name of one test case of the same name, holding the
 * tests given (START_TEST's names), up to a NULL. */
static inline Suite *
unit_suite(const char *name, ...)
{
	Suite *s = suite_create(name);
	TCase *tc = tcase_create(name);
	const TTest *t;
	va_list ap;

	va_start(ap, name);
	while ((t = va_arg(ap, const TTest *)) != NULL)
		tcase_add_test(tc, t);
	va_end(ap);
	suite_add_tcase(s, tc);
	return s;
}

/* Runs s (each test in a process of its own, unless CK_FORK=no) and
 * returns main's status: success when no test failed. */
static inline int
unit_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
