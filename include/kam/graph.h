/*
 * graph: declarations to come.
 */
#ifndef KAM_GRAPH_H
#define KAM_GRAPH_H

#endif
