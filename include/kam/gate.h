/*
 * gate: declarations to come.
 */
#ifndef KAM_GATE_H
#define KAM_GATE_H

#endif
