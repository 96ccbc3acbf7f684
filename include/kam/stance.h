/*
 * Stances: the third dimension of the method (METHOD.md, section 1.3):
 * each person's stance toward us, or toward a competitor, over time.
 * Observations are bitemporal and append-only, chained by SHA-256.
 * Used by kam-stance, and by kam-gate and kam-map, which read stances.
 */
#ifndef KAM_STANCE_H
#define KAM_STANCE_H

#include <stdint.h>

struct store;

/*
 * The stance in force for one person on as_of (YYYY-MM-DD): toward the
 * competitor toward (0: toward us); an observation about deal (0: none)
 * is preferred over a general one; known_at (a normalised timestamp, or
 * NULL for everything recorded) limits the answer to what had been
 * recorded by then.  Retracted rows are ignored and corrected rows
 * replaced by their correction.  *stance becomes "support", "neutral" or
 * "oppose", or NULL when unknown; since (KAM_DATE_LEN bytes, may be NULL)
 * receives the effective date of the observation used.  Returns a kam
 * status.
 */
int stance_get(struct store *, int64_t person, int64_t toward, int64_t deal,
	       const char *as_of, const char *known_at, const char **stance,
	       char *since);

#endif
