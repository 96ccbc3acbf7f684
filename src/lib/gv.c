/*
 * gv: Graphviz, loaded when first needed (gv.h, lazy.h).
 */
#include <config.h>

#include "gv.h"

struct gv_calls gv;
Agiddisc_t *gv_AgIdDisc;
Agiodisc_t *gv_AgIoDisc;
Agdesc_t *gv_Agdirected;

LAZY_LIBRARY_OF(gv, GVC_SONAME, GV_CALLS);

int
gv_load(const char **why)
{
	if (gv_Agdirected != NULL)
		return 1;
	if (!lazy_load(&gv_lib) ||
	    (gv_AgIdDisc = lazy_object(&gv_lib, "AgIdDisc")) == NULL ||
	    (gv_AgIoDisc = lazy_object(&gv_lib, "AgIoDisc")) == NULL ||
	    (gv_Agdirected = lazy_object(&gv_lib, "Agdirected")) == NULL) {
		*why = gv_lib.why;
		return 0;
	}
	return 1;
}
