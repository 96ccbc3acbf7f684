/*
 * gv: Graphviz, loaded when first needed (gv.h, lazy.h).
 */
#include <config.h>

#include "gv.h"

struct gv_calls gv;
Agiddisc_t *gv_AgIdDisc;
Agiodisc_t *gv_AgIoDisc;
Agdesc_t *gv_Agdirected;

static const char *const gv_names[] = {GV_CALLS(LAZY_NAME)};
_Static_assert(sizeof gv ==
                   sizeof gv_names / sizeof *gv_names * sizeof(void (*)(void)),
               "gv holds function pointers only");
static struct lazy_lib gv_lib = {
    GVC_SONAME, gv_names, sizeof gv_names / sizeof *gv_names, &gv, NULL, 0, ""};

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
