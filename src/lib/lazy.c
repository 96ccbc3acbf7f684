/*
 * lazy: shared libraries opened when first needed (lazy.h).
 */
#include <config.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "kam/kam.h"
#include "lazy.h"

int
lazy_open(struct lazy_lib *l)
{
	const char *why;

	if (l->handle != NULL)
		return 1;
	/* Each function resolved now, so that a library that lacks one
	 * fails here rather than at a call. */
	if ((l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) != NULL)
		return 1;
	why = dlerror();
	snprintf(l->why, sizeof l->why, _("cannot load %s: %s"), l->soname,
	         why != NULL ? why : "unknown error");
	return 0;
}

int
lazy_sym(struct lazy_lib *l, const char *name, void *dst, size_t size)
{
	void *sym = dlsym(l->handle, name);

	if (sym == NULL || size != sizeof sym) {
		snprintf(l->why, sizeof l->why, _("%s has no %s"), l->soname,
		         name);
		return 0;
	}
	/* A function pointer from dlsym's object pointer (POSIX). */
	memcpy(dst, &sym, sizeof sym);
	return 1;
}
