/*
 * lazy: shared libraries opened when first needed (lazy.h).
 */
#include <config.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "kam/kam.h"
#include "lazy.h"

/* dlsym's object pointers stand for functions (POSIX). */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
               "function pointers as wide as object pointers");

int
lazy_load(struct lazy_lib *l)
{
	const char *why;
	void *sym;
	size_t i;

	if (l->ready)
		return 1;
	/* Each function resolved now, so that a library that lacks one
	 * fails here rather than at a call. */
	if (l->handle == NULL &&
	    (l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = dlerror();
		snprintf(l->why, sizeof l->why, _("cannot load %s: %s"),
		         l->soname, why != NULL ? why : "unknown error");
		return 0;
	}
	for (i = 0; i < l->n; i++) {
		if ((sym = dlsym(l->handle, l->names[i])) == NULL) {
			snprintf(l->why, sizeof l->why, _("%s has no %s"),
			         l->soname, l->names[i]);
			return 0;
		}
		memcpy((unsigned char *)l->table + i * sizeof sym, &sym,
		       sizeof sym);
	}
	return l->ready = 1;
}

void *
lazy_object(struct lazy_lib *l, const char *name)
{
	void *sym = l->handle != NULL ? dlsym(l->handle, name) : NULL;

	if (sym == NULL)
		snprintf(l->why, sizeof l->why, _("%s has no %s"), l->soname,
		         name);
	return sym;
}
