/*
 * store-stance: every SQL statement about stance observations.  The
 * rules they implement (which row is in force on a day, as known at a
 * time) are described in stance.h and kam-stance(1); the queries walk
 * the index observation_person backwards from the day asked for, so an
 * answer never loads a person's whole history.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

/*
 * A row is in force as known at ?4 (NULL: now) when it observes or
 * corrects, was recorded by then, and no row recorded by then retracts
 * or corrects it.  Among those effective by ?3, the latest effective
 * day wins, then the latest recorded (the same-day tie), then the id.
 */
#define IN_FORCE                                                               \
	"o.kind <> 'retract' AND o.effective <= ?3 "                           \
	"AND (?4 IS NULL OR o.recorded <= ?4) "                                \
	"AND NOT EXISTS (SELECT 1 FROM observation s WHERE s.target_id = "     \
	"o.id AND (?4 IS NULL OR s.recorded <= ?4)) "                          \
	"ORDER BY o.effective DESC, o.recorded DESC, o.id DESC LIMIT 1"

static const char q_general[] =
    "SELECT o.stance, o.effective FROM observation o "
    "WHERE o.person_id = ?1 AND o.toward_id IS ?2 AND o.deal_id IS NULL "
    "AND " IN_FORCE;

static const char q_deal[] =
    "SELECT o.stance, o.effective FROM observation o "
    "WHERE o.person_id = ?1 AND o.toward_id IS ?2 AND o.deal_id = ?5 "
    "AND " IN_FORCE;

/* The canonical words, so that callers get static strings. */
static const char *
canon(const unsigned char *s)
{
	static const char *const words[] = {"support", "neutral", "oppose"};
	size_t i;

	for (i = 0; s != NULL && i < 3; i++)
		if (strcmp((const char *)s, words[i]) == 0)
			return words[i];
	return NULL;
}

static int
get_one(struct store *st, const char *sql, int64_t person, int64_t toward,
        int64_t deal, const char *as_of, const char *known_at,
        const char **stance, char *since, int *found)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	sqlite3_bind_int64(s, 1, person);
	if (toward != 0)
		sqlite3_bind_int64(s, 2, toward);
	sqlite3_bind_text(s, 3, as_of, -1, SQLITE_STATIC);
	if (known_at != NULL)
		sqlite3_bind_text(s, 4, known_at, -1, SQLITE_STATIC);
	if (deal != 0)
		sqlite3_bind_int64(s, 5, deal);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*stance = canon(sqlite3_column_text(s, 0));
		if (since != NULL) {
			const unsigned char *e = sqlite3_column_text(s, 1);

			snprintf(since, KAM_DATE_LEN, "%s",
			         e ? (const char *)e : "");
		}
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		rc = store_fail(st, "cannot read stances");
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	return KAM_OK;
}

int
stance_get(struct store *st, int64_t person, int64_t toward, int64_t deal,
           const char *as_of, const char *known_at, const char **stance,
           char *since)
{
	char today[KAM_DATE_LEN];
	int found = 0, rc;

	*stance = NULL;
	if (since != NULL)
		since[0] = '\0';
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	/* A stance about the deal is preferred; the general one is the
	 * fallback (kam-stance(1), "show DEAL"). */
	if (deal != 0) {
		rc = get_one(st, q_deal, person, toward, deal, as_of, known_at,
		             stance, since, &found);
		if (rc != KAM_OK || found)
			return rc;
	}
	return get_one(st, q_general, person, toward, 0, as_of, known_at,
	               stance, since, &found);
}
