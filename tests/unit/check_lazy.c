/*
 * Unit tests of libraries loaded when first needed (lazy.c, lazy.h): a
 * library that is not there and a function a library lacks, each with
 * its reason and tried again at the next call; functions found, called
 * through their pointers, and looked up once; an object (a variable)
 * found or not.  The C maths library stands in for libpq, igraph and
 * Graphviz.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lazy.h"
#include "unit.h"

#define MATHS(X) X(cos) X(sqrt)
LAZY_LIBRARY(maths, "libm.so.6", MATHS);
LAZY_LIBRARY(absent, "libkam-no-such-library.so.0", MATHS);
double kam_no_such_function(double);
#define BROKEN(X) X(cos) X(kam_no_such_function)
LAZY_LIBRARY(broken, "libm.so.6", BROKEN);

START_TEST(t_no_library)
{
	const char *want = "cannot load libkam-no-such-library.so.0: ";

	ck_assert_int_eq(lazy_load(&absent_lib), 0);
	ck_assert_ptr_null(absent_lib.handle);
	ck_assert_int_eq(absent_lib.ready, 0);
	ck_assert_ptr_null(absent.cos);
	ck_assert_msg(strncmp(absent_lib.why, want, strlen(want)) == 0,
	              "reason: %s", absent_lib.why);
	/* The loader's own words follow, naming the library. */
	ck_assert_ptr_nonnull(strstr(absent_lib.why + strlen(want),
	                             "libkam-no-such-library.so.0"));
	/* Tried again, refused again. */
	absent_lib.why[0] = '\0';
	ck_assert_int_eq(lazy_load(&absent_lib), 0);
	ck_assert_msg(strncmp(absent_lib.why, want, strlen(want)) == 0,
	              "reason: %s", absent_lib.why);
}
END_TEST

START_TEST(t_no_function)
{
	ck_assert_int_eq(lazy_load(&broken_lib), 0);
	ck_assert_int_eq(broken_lib.ready, 0);
	ck_assert_ptr_nonnull(broken_lib.handle);
	ck_assert_str_eq(broken_lib.why,
	                 "libm.so.6 has no kam_no_such_function");
	ck_assert_ptr_null(broken.kam_no_such_function);
	/* Tried again, refused again. */
	broken_lib.why[0] = '\0';
	ck_assert_int_eq(lazy_load(&broken_lib), 0);
	ck_assert_str_eq(broken_lib.why,
	                 "libm.so.6 has no kam_no_such_function");
}
END_TEST

START_TEST(t_load)
{
	void *handle;

	ck_assert_int_eq(maths_lib.n, 2);
	ck_assert_int_eq(lazy_load(&maths_lib), 1);
	ck_assert_int_eq(maths_lib.ready, 1);
	ck_assert_str_eq(maths_lib.why, "");
	/* Each pointer in its own field, of its own type. */
	ck_assert_double_eq(maths.cos(0.0), 1.0);
	ck_assert_double_eq(maths.sqrt(16.0), 4.0);
	/* Looked up once: a pointer taken away stays away. */
	handle = maths_lib.handle;
	maths.sqrt = NULL;
	ck_assert_int_eq(lazy_load(&maths_lib), 1);
	ck_assert_ptr_null(maths.sqrt);
	ck_assert_ptr_eq(maths_lib.handle, handle);
}
END_TEST

START_TEST(t_object)
{
	ck_assert_int_eq(lazy_load(&maths_lib), 1);
	/* glibc's libm exports signgam, lgamma's sign, a variable (where
	 * the program holds a copy of it, its address differs from the
	 * program's &signgam). */
	ck_assert_ptr_nonnull(lazy_object(&maths_lib, "signgam"));
	ck_assert_str_eq(maths_lib.why, "");
	ck_assert_ptr_null(lazy_object(&maths_lib, "kam_no_such_object"));
	ck_assert_str_eq(maths_lib.why, "libm.so.6 has no kam_no_such_object");
	/* A library that is not loaded has no object. */
	ck_assert_ptr_null(lazy_object(&absent_lib, "signgam"));
	ck_assert_str_eq(absent_lib.why,
	                 "libkam-no-such-library.so.0 has no signgam");
}
END_TEST

int
main(void)
{
	return unit_run(unit_suite("lazy", t_no_library, t_no_function, t_load,
	                           t_object, NULL));
}
