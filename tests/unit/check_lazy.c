/*
 * Unit tests of libraries loaded when first needed (lazy.c, lazy.h): a
 * library that is not there and a function a library lacks, each with
 * its reason; functions found, called through their pointers, and
 * looked up once.  The C maths library stands in for libpq and igraph.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lazy.h"

START_TEST(t_no_library)
{
	struct lazy_lib l = {.soname = "libkam-no-such-library.so.0"};
	const char *want = "cannot load libkam-no-such-library.so.0: ";

	ck_assert_int_eq(lazy_open(&l), 0);
	ck_assert_ptr_null(l.handle);
	ck_assert_int_eq(l.ready, 0);
	ck_assert_msg(strncmp(l.why, want, strlen(want)) == 0, "reason: %s",
	              l.why);
	/* The loader's own words follow, naming the library. */
	ck_assert_ptr_nonnull(
	    strstr(l.why + strlen(want), "libkam-no-such-library.so.0"));
}
END_TEST

START_TEST(t_no_function)
{
	struct lazy_lib l = {.soname = "libm.so.6"};
	double (*f)(double) = NULL;

	ck_assert_int_eq(lazy_open(&l), 1);
	ck_assert_ptr_nonnull(l.handle);
	ck_assert_int_eq(lazy_sym(&l, "kam_no_such_function", &f, sizeof f), 0);
	ck_assert_str_eq(l.why, "libm.so.6 has no kam_no_such_function");
	ck_assert_ptr_null(f);
}
END_TEST

START_TEST(t_function)
{
	struct lazy_lib l = {.soname = "libm.so.6"};
	double (*f)(double) = NULL;
	void *handle;

	ck_assert_int_eq(lazy_open(&l), 1);
	handle = l.handle;
	/* Opened once: a second call keeps the handle. */
	ck_assert_int_eq(lazy_open(&l), 1);
	ck_assert_ptr_eq(l.handle, handle);
	ck_assert_int_eq(lazy_sym(&l, "cos", &f, sizeof f), 1);
	ck_assert_double_eq(f(0.0), 1.0);
}
END_TEST

/* Two lists of functions as a file that loads a library keeps them: the
 * second names one the library lacks. */
#define MATHS(X) X(cos) X(sqrt)
static struct {
	MATHS(LAZY_POINTER)
} maths;
static struct lazy_lib maths_lib = {.soname = "libm.so.6"};
static int looked_up;
#define MATHS_LOOKUP(f)                                                        \
	looked_up++;                                                           \
	LAZY_LOOKUP(&maths_lib, maths, f)

static int
maths_loaded(void)
{
	LAZY_LOAD(&maths_lib, MATHS, MATHS_LOOKUP);
}

double kam_no_such_function(double);
#define BROKEN(X) X(cos) X(kam_no_such_function)
static struct {
	BROKEN(LAZY_POINTER)
} broken;
static struct lazy_lib broken_lib = {.soname = "libm.so.6"};
#define BROKEN_LOOKUP(f) LAZY_LOOKUP(&broken_lib, broken, f)

static int
broken_loaded(void)
{
	LAZY_LOAD(&broken_lib, BROKEN, BROKEN_LOOKUP);
}

START_TEST(t_load)
{
	ck_assert_int_eq(maths_loaded(), 1);
	ck_assert_int_eq(maths_lib.ready, 1);
	ck_assert_int_eq(looked_up, 2);
	ck_assert_double_eq(maths.cos(0.0), 1.0);
	ck_assert_double_eq(maths.sqrt(16.0), 4.0);
	/* Looked up once. */
	ck_assert_int_eq(maths_loaded(), 1);
	ck_assert_int_eq(looked_up, 2);
}
END_TEST

START_TEST(t_load_fails)
{
	ck_assert_int_eq(broken_loaded(), 0);
	ck_assert_int_eq(broken_lib.ready, 0);
	ck_assert_str_eq(broken_lib.why,
	                 "libm.so.6 has no kam_no_such_function");
	/* Tried again, refused again. */
	ck_assert_int_eq(broken_loaded(), 0);
	ck_assert_int_eq(broken_lib.ready, 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("lazy");
	TCase *tc = tcase_create("lazy");

	tcase_add_test(tc, t_no_library);
	tcase_add_test(tc, t_no_function);
	tcase_add_test(tc, t_function);
	tcase_add_test(tc, t_load);
	tcase_add_test(tc, t_load_fails);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	/* In one process: maths_loaded's count runs across the tests. */
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
