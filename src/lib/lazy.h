/*
 * A shared library that kam loads when it first needs it, not when a
 * command starts: the team store's libpq (only for a postgresql:// store)
 * and igraph (only where influence is computed), which bring some twenty
 * libraries each, most commands none of them.  Only the files that call
 * such a library may include it (src/lib/influence.c, src/lib/store-pg.c).
 *
 * A file lists the functions it calls in an X-macro, declares the
 * library with LAZY_LIBRARY (a pointer of each function's own type,
 * named after it) and calls each function through a #define of its
 * name, so that its calls read as the library's manual writes them:
 *
 *	#define CALLS(X) X(igraph_create) X(igraph_destroy)
 *	LAZY_LIBRARY(ig, IGRAPH_SONAME, CALLS);
 *	#define igraph_create (*ig.igraph_create)
 *	...
 *	if (!lazy_load(&ig_lib)) say why: ig_lib.why
 *
 * The library's name (its SONAME) is the one the build linked a test
 * program with (configure's KAM_SONAME).
 */
#ifndef KAM_LAZY_H
#define KAM_LAZY_H

#include <stddef.h>

struct lazy_lib {
	const char *soname;       /* the library's shared-object name */
	const char *const *names; /* the functions to look up, in order */
	size_t n;                 /* how many */
	void *table;   /* n function pointers, in the order of names */
	void *handle;  /* once opened; it stays open */
	int ready;     /* each function looked up */
	char why[256]; /* why it could not be loaded */
};

#define LAZY_POINTER(f) __typeof__(f) *f;
#define LAZY_NAME(f)    #f,
/*
 * t, a struct of one pointer for each function CALLS lists, of the
 * function's own type and named after it, and t_lib, the library
 * SONAME that lazy_load fills it from.  The struct holds nothing but
 * those pointers, in the list's order (checked at compile time).
 */
#define LAZY_LIBRARY(t, SONAME, CALLS)                                         \
	static struct {                                                        \
		CALLS(LAZY_POINTER)                                            \
	} t;                                                                   \
	LAZY_LIBRARY_OF(t, SONAME, CALLS)
/*
 * The same for a table t defined elsewhere (a struct of CALLS's
 * pointers that several files share, declared in a header): t_lib.
 */
#define LAZY_LIBRARY_OF(t, SONAME, CALLS)                                      \
	static const char *const t##_names[] = {CALLS(LAZY_NAME)};             \
	_Static_assert(sizeof t == sizeof t##_names / sizeof *t##_names *      \
	                               sizeof(void (*)(void)),                 \
	               "a lazy library's table holds function pointers only"); \
	static struct lazy_lib t##_lib =                                       \
	    {(SONAME), t##_names, sizeof t##_names / sizeof *t##_names,        \
	     &t,       NULL,      0,                                           \
	     ""}

/*
 * Whether l is loaded, loading it if need be: its library opened and
 * each function looked up into its table, once.  1, or 0 with the
 * reason in l->why (then tried again at the next call).
 */
int lazy_load(struct lazy_lib *l);

/*
 * The address of the object (a variable, not a function) name of the
 * loaded library l, or NULL with the reason in l->why.
 */
void *lazy_object(struct lazy_lib *l, const char *name);

#endif
