/*
 * A shared library that kam loads when it first needs it, not when a
 * command starts: the team store's libpq (only for a postgresql:// store)
 * and igraph (only where influence is computed), which bring some twenty
 * libraries each, most commands none of them.  Only the files that call
 * such a library may include it (src/lib/influence.c, src/lib/store-pg.c).
 *
 * A file lists the functions it calls in an X-macro, keeps one pointer of
 * each function's own type (LAZY_POINTER) and calls each through a
 * #define of the function's name, so that its calls read as before:
 *
 *	#define CALLS(X) X(igraph_create) X(igraph_destroy)
 *	static struct { CALLS(LAZY_POINTER) } ig;
 *	static struct lazy_lib lib = {.soname = IGRAPH_SONAME};
 *	#define LOOK(f) LAZY_LOOKUP(&lib, ig, f)
 *	static int loaded(void) { LAZY_LOAD(&lib, CALLS, LOOK); }
 *	#define igraph_create (*ig.igraph_create)
 *
 * The library's name (its SONAME) is the one the build linked a test
 * program with (configure's KAM_SONAME).
 */
#ifndef KAM_LAZY_H
#define KAM_LAZY_H

#include <stddef.h>

struct lazy_lib {
	const char *soname; /* the library's shared-object name */
	void *handle;       /* once opened; it stays open */
	int ready;          /* each function looked up */
	char why[256];      /* why it could not be loaded */
};

/* A pointer of function f's own type, named f. */
#define LAZY_POINTER(f) __typeof__(f) *f;
/* Looks up f in l into t.f, or makes the enclosing function return 0. */
#define LAZY_LOOKUP(l, t, f)                                                   \
	if (!lazy_sym((l), #f, &(t).f, sizeof(t).f))                           \
		return 0;
/* The body of a function that returns whether l is loaded, loading it
 * if need be: 1, or 0 with the reason in l->why. */
#define LAZY_LOAD(l, CALLS, LOOK)                                              \
	if ((l)->ready)                                                        \
		return 1;                                                      \
	if (!lazy_open(l))                                                     \
		return 0;                                                      \
	CALLS(LOOK)                                                            \
	return (l)->ready = 1

/* Opens l's library unless it is open: 1, or 0 with the reason. */
int lazy_open(struct lazy_lib *l);
/* Looks up name in l's open library into the pointer at dst (of size
 * bytes): 1, or 0 with the reason. */
int lazy_sym(struct lazy_lib *l, const char *name, void *dst, size_t size);

#endif
