/*
 * Graphviz (cgraph and gvc), loaded when first needed (lazy.h): only a
 * drawing needs it, and most commands draw nothing.  Only the files that
 * make and render the drawings may include this header, after the
 * headers that declare Graphviz's functions (map-dot.c, map-render.c,
 * portfolio-out.c, timeline-dot.c); they call Graphviz's functions by
 * their own names, through the #defines below.  map_ready (graph.h)
 * loads it; map_open does so too.
 */
#ifndef KAM_GV_H
#define KAM_GV_H

#include <gvc.h>

#include "lazy.h"

#define GV_CALLS(X)                                                            \
	X(agattr)                                                              \
	X(attach_attrs)                                                        \
	X(agbindrec)                                                           \
	X(agclose)                                                             \
	X(agdeledge)                                                           \
	X(agedge)                                                              \
	X(agfstnode)                                                           \
	X(agfstout)                                                            \
	X(agget)                                                               \
	X(aggetrec)                                                            \
	X(agnnodes)                                                            \
	X(agnode)                                                              \
	X(agnxtattr)                                                           \
	X(agnxtnode)                                                           \
	X(agnxtout)                                                            \
	X(agopen)                                                              \
	X(agroot)                                                              \
	X(agsafeset)                                                           \
	X(agset)                                                               \
	X(agseterr)                                                            \
	X(agstrdup)                                                            \
	X(agstrdup_html)                                                       \
	X(agstrfree)                                                           \
	X(agsubg)                                                              \
	X(agsubnode)                                                           \
	X(agwrite)                                                             \
	X(agxget)                                                              \
	X(agxset)                                                              \
	X(gvContext)                                                           \
	X(gvFreeContext)                                                       \
	X(gvFreeLayout)                                                        \
	X(gvFreeRenderData)                                                    \
	X(gvLayout)                                                            \
	X(gvRenderData)

struct gv_calls {
	GV_CALLS(LAZY_POINTER)
};
/* Filled by gv_load, with the three objects of cgraph kam uses. */
extern struct gv_calls gv;
extern Agiddisc_t *gv_AgIdDisc;
extern Agiodisc_t *gv_AgIoDisc;
extern Agdesc_t *gv_Agdirected;

/* Whether Graphviz is loaded, loading it if need be: 1, or 0 with the
 * reason in *why. */
int gv_load(const char **why);

#define agattr           (*gv.agattr)
#define attach_attrs     (*gv.attach_attrs)
#define agbindrec        (*gv.agbindrec)
#define agclose          (*gv.agclose)
#define agdeledge        (*gv.agdeledge)
#define agedge           (*gv.agedge)
#define agfstnode        (*gv.agfstnode)
#define agfstout         (*gv.agfstout)
#define agget            (*gv.agget)
#define aggetrec         (*gv.aggetrec)
#define agnnodes         (*gv.agnnodes)
#define agnode           (*gv.agnode)
#define agnxtattr        (*gv.agnxtattr)
#define agnxtnode        (*gv.agnxtnode)
#define agnxtout         (*gv.agnxtout)
#define agopen           (*gv.agopen)
#define agroot           (*gv.agroot)
#define agsafeset        (*gv.agsafeset)
#define agset            (*gv.agset)
#define agseterr         (*gv.agseterr)
#define agstrdup         (*gv.agstrdup)
#define agstrdup_html    (*gv.agstrdup_html)
#define agstrfree        (*gv.agstrfree)
#define agsubg           (*gv.agsubg)
#define agsubnode        (*gv.agsubnode)
#define agwrite          (*gv.agwrite)
#define agxget           (*gv.agxget)
#define agxset           (*gv.agxset)
#define gvContext        (*gv.gvContext)
#define gvFreeContext    (*gv.gvFreeContext)
#define gvFreeLayout     (*gv.gvFreeLayout)
#define gvFreeRenderData (*gv.gvFreeRenderData)
#define gvLayout         (*gv.gvLayout)
#define gvRenderData     (*gv.gvRenderData)
#define AgIdDisc         (*gv_AgIdDisc)
#define AgIoDisc         (*gv_AgIoDisc)
#define Agdirected       (*gv_Agdirected)

#endif
