/*
 * org: declarations to come.
 */
#ifndef KAM_ORG_H
#define KAM_ORG_H

#endif
