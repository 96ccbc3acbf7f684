/*
 * stance: declarations to come.
 */
#ifndef KAM_STANCE_H
#define KAM_STANCE_H

#endif
