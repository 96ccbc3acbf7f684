/*
 * Stale knowledge: whom to check in with.  Stances change over time
 * (METHOD.md, section 1.3), so a stance observed long ago is a guess.
 * This use case takes the people of an account (or of a deal's buying
 * group) in the order of their influence (org-influence.c: PageRank,
 * then level, then handle; brokerage is not shown here and is the
 * costly part, so it is not computed) and keeps those whose latest
 * observation is older than a day.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/stance.h"
#include "kam/store.h"

struct latest {
	int64_t id;
	char day[KAM_STANCE_DATE_LEN];
};

static int
add_latest(const struct stance_latest_row *r, void *l)
{
	struct latest *x = kam_array_add(l, sizeof *x);

	x->id = r->person;
	snprintf(x->day, sizeof x->day, "%s", r->latest);
	return KAM_OK;
}

static int
by_id(const void *a, const void *b)
{
	const struct latest *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The members of a deal's buying group with what kam-gate reads as their
 * latest observation. */
static int
group_latest(struct store *st, int64_t deal, const char *as_of,
             struct kam_array *l)
{
	struct gate_assessment a;
	struct stance_latest_row r;
	size_t i;
	int rc;

	if ((rc = gate_load(st, deal, as_of, &a)) == KAM_OK)
		for (i = 0; i < a.nmembers; i++)
			if (a.members[i].latest[0]) {
				r.person = a.members[i].id;
				r.latest = a.members[i].latest;
				add_latest(&r, l);
			}
	gate_assessment_free(&a);
	if (l->n > 0)
		qsort(l->v, l->n, sizeof(struct latest), by_id);
	return rc;
}

int
stance_stale(struct store *st, int64_t account, int64_t deal, const char *as_of,
             const char *before, struct stance_stale *out)
{
	struct kam_array l = {0};
	struct org_influence inf;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if (deal != 0)
		rc = group_latest(st, deal, as_of, &l);
	else
		rc = store_stance_latest(st, account, as_of, add_latest, &l);
	if (rc == KAM_OK)
		rc = org_influence_by(st, account, deal, as_of, 0, &inf);
	rc = store_end(st, rc);
	if (rc != KAM_OK) {
		free(l.v);
		return rc;
	}
	out->rows = xcalloc(inf.n + 1, sizeof *out->rows);
	for (i = 0; i < inf.n; i++) {
		struct org_influence_row *p = &inf.rows[i];
		struct latest key, *f;
		struct stance_stale_row *r;

		key.id = p->id;
		f = l.n ? bsearch(&key, l.v, l.n, sizeof key, by_id) : NULL;
		if (f == NULL || strcmp(f->day, before) >= 0)
			continue;
		r = &out->rows[out->n++];
		r->person = p->person;
		r->name = p->name;
		r->roles = p->roles;
		r->stance = p->stance;
		memcpy(r->latest, f->day, sizeof r->latest);
		r->days = date_days(as_of) - date_days(f->day);
		r->influence = p->influence;
	}
	out->inf = xmalloc(sizeof *out->inf);
	*out->inf = inf;
	free(l.v);
	return KAM_OK;
}

void
stance_stale_free(struct stance_stale *s)
{
	if (s->inf != NULL)
		org_influence_free(s->inf);
	KAM_FREE(s->inf, s->rows);
	memset(s, 0, sizeof *s);
}
