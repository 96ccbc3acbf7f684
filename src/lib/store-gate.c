/*
 * The store's side of kam-gate: the rubric, the dated answers, the
 * settings, the stored runs, and the gathering of a deal's buying group
 * with the stances in force, from which gate.c computes and decides.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

/* The rubric */

int
gate_rubric(struct store *st, int gate, struct gate_crit **out, size_t *n)
{
	static const char q[] =
	    "SELECT gate, key, question, weight, must, computed, position "
	    "FROM criterion WHERE ?1 = 0 OR gate = ?1 "
	    "ORDER BY gate, position, id";
	sqlite3_stmt *s = store_stmt(st, q);
	struct gate_crit *c = NULL;
	size_t len = 0;
	int rc;

	sqlite3_bind_int(s, 1, gate);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct gate_crit *x;

		c = xreallocarray(c, len + 1, sizeof *c);
		x = &c[len++];
		memset(x, 0, sizeof *x);
		x->gate = sqlite3_column_int(s, 0);
		x->key = store_col_dup(s, 1);
		x->question = store_col_dup(s, 2);
		x->weight = sqlite3_column_int(s, 3);
		x->must = sqlite3_column_int(s, 4);
		x->computed = sqlite3_column_int(s, 5);
		x->position = sqlite3_column_int(s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		gate_crit_free(c, len);
		return store_fail(st, "cannot read the rubric");
	}
	*out = c;
	*n = len;
	return KAM_OK;
}

int
gate_criterion_id(struct store *st, const char *key, int64_t *id)
{
	static const char q[] = "SELECT id FROM criterion WHERE key = ?";
	static const char all[] = "SELECT key FROM criterion ORDER BY key";
	sqlite3_stmt *s = store_stmt(st, q);
	size_t best = (size_t)-1, d, limit = strlen(key) / 3 + 2;
	char *guess = NULL;
	int rc;

	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return KAM_OK;
	}
	sqlite3_reset(s);
	s = store_stmt(st, all);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);

		d = kam_distance(key, k);
		if (d < best && d <= limit) {
			best = d;
			free(guess);
			guess = xstrdup(k);
		}
	}
	sqlite3_reset(s);
	if (guess != NULL)
		rc = kam_err(KAM_NOTFOUND,
		             "unknown criterion '%s' (did you mean '%s'?)", key,
		             guess);
	else
		rc = kam_err(KAM_NOTFOUND,
		             "unknown criterion '%s' (see 'kam-gate criteria')",
		             key);
	free(guess);
	return rc;
}

/* Count and total weight of a gate's criteria, leaving out one id. */
static int
gate_tally(struct store *st, int gate, int64_t except, int *count, int *weight)
{
	static const char q[] =
	    "SELECT count(*), coalesce(sum(weight), 0) FROM criterion "
	    "WHERE gate = ? AND id <> ?";
	sqlite3_stmt *s = store_stmt(st, q);

	sqlite3_bind_int(s, 1, gate);
	sqlite3_bind_int64(s, 2, except);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, "cannot read the rubric");
	}
	*count = sqlite3_column_int(s, 0);
	*weight = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	return KAM_OK;
}

static int
next_position(struct store *st, int gate)
{
	static const char q[] = "SELECT coalesce(max(position), 0) + 1 "
	                        "FROM criterion WHERE gate = ?";
	sqlite3_stmt *s = store_stmt(st, q);
	int pos = 1;

	sqlite3_bind_int(s, 1, gate);
	if (sqlite3_step(s) == SQLITE_ROW)
		pos = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return pos;
}

static int
finish(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return store_end(st, rc == SQLITE_DONE ? KAM_OK : store_fail(st, what));
}

int
gate_criterion_add(struct store *st, int gate, const char *key,
                   const char *question, int weight, int must)
{
	static const char q[] = "SELECT 1 FROM criterion WHERE key = ?";
	static const char ins[] =
	    "INSERT INTO criterion (gate, key, question, weight, must, "
	    "computed, position) VALUES (?, ?, ?, ?, ?, 0, ?)";
	sqlite3_stmt *s;
	int rc, exists;

	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	exists = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	if (exists) {
		store_rollback(st);
		return kam_err(KAM_CONFLICT, "criterion '%s' exists already",
		               key);
	}
	s = store_stmt(st, ins);
	sqlite3_bind_int(s, 1, gate);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, question, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, weight);
	sqlite3_bind_int(s, 5, must);
	sqlite3_bind_int(s, 6, next_position(st, gate));
	return finish(st, s, "cannot add the criterion");
}

/* Refuses a change that leaves gate with no criteria or no weight. */
static int
keeps_gate(struct store *st, int gate, int64_t except, int added_weight,
           int adds)
{
	int count = 0, weight = 0, rc;

	if ((rc = gate_tally(st, gate, except, &count, &weight)) != KAM_OK)
		return rc;
	if (count + adds == 0)
		return kam_err(KAM_CONFLICT,
		               "gate %d (%s) would have no criteria", gate,
		               gate_name(gate));
	if (weight + added_weight == 0)
		return kam_err(KAM_CONFLICT,
		               "gate %d (%s) would have no weight (every "
		               "criterion at 0)",
		               gate, gate_name(gate));
	return KAM_OK;
}

int
gate_criterion_set(struct store *st, const char *key, int gate, int weight,
                   int must, const char *question)
{
	static const char q[] =
	    "SELECT id, gate, weight, must, position FROM criterion "
	    "WHERE key = ?";
	static const char upd[] =
	    "UPDATE criterion SET gate = ?, weight = ?, must = ?, "
	    "question = coalesce(?, question), position = ? WHERE id = ?";
	sqlite3_stmt *s;
	int64_t id;
	int rc, ogate, oweight, omust, pos;

	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	if ((rc = gate_criterion_id(st, key, &id)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_step(s);
	ogate = sqlite3_column_int(s, 1);
	oweight = sqlite3_column_int(s, 2);
	omust = sqlite3_column_int(s, 3);
	pos = sqlite3_column_int(s, 4);
	sqlite3_reset(s);
	if (gate == 0)
		gate = ogate;
	if (weight < 0)
		weight = oweight;
	if (must < 0)
		must = omust;
	if (gate != ogate) {
		if ((rc = keeps_gate(st, ogate, id, 0, 0)) != KAM_OK ||
		    (rc = keeps_gate(st, gate, id, weight, 1)) != KAM_OK) {
			store_rollback(st);
			return rc;
		}
		pos = next_position(st, gate);
	} else if ((rc = keeps_gate(st, gate, id, weight, 1)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	s = store_stmt(st, upd);
	sqlite3_bind_int(s, 1, gate);
	sqlite3_bind_int(s, 2, weight);
	sqlite3_bind_int(s, 3, must);
	store_bind_text(s, 4, question);
	sqlite3_bind_int(s, 5, pos);
	sqlite3_bind_int64(s, 6, id);
	return finish(st, s, "cannot change the criterion");
}

int
gate_criterion_remove(struct store *st, const char *key)
{
	static const char q[] =
	    "SELECT c.gate, (SELECT count(*) FROM answer a "
	    "WHERE a.criterion_id = c.id) FROM criterion c WHERE c.id = ?";
	static const char del[] = "DELETE FROM criterion WHERE id = ?";
	sqlite3_stmt *s;
	int64_t id;
	int rc, gate, nanswers;

	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	if ((rc = gate_criterion_id(st, key, &id)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	s = store_stmt(st, q);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_step(s);
	gate = sqlite3_column_int(s, 0);
	nanswers = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	if (nanswers > 0) {
		store_rollback(st);
		return kam_err(KAM_CONFLICT,
		               "criterion '%s' has %d answer%s: set its weight "
		               "to 0 instead",
		               key, nanswers, nanswers == 1 ? "" : "s");
	}
	if ((rc = keeps_gate(st, gate, id, 0, 0)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	s = store_stmt(st, del);
	sqlite3_bind_int64(s, 1, id);
	return finish(st, s, "cannot remove the criterion");
}

/* Answers */

int
gate_answer_add(struct store *st, int64_t deal, int64_t criterion,
                enum gate_ans ans, const char *evidence, const char *on)
{
	static const char ins[] =
	    "INSERT INTO answer (deal_id, criterion_id, answer, evidence, "
	    "effective, recorded, actor) VALUES (?, ?, ?, ?, ?, ?, ?)";
	char now[KAM_STAMP_LEN];
	sqlite3_stmt *s;
	int rc;

	kam_now(now);
	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	s = store_stmt(st, ins);
	sqlite3_bind_int64(s, 1, deal);
	sqlite3_bind_int64(s, 2, criterion);
	sqlite3_bind_text(s, 3, gate_ans_word(ans), -1, SQLITE_STATIC);
	store_bind_text(s, 4, evidence);
	sqlite3_bind_text(s, 5, on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, kam_actor(), -1, SQLITE_STATIC);
	return finish(st, s, "cannot record the answer");
}

int
gate_answers_each(struct store *st, int64_t deal,
                  void (*fn)(const char *, const char *, const char *,
                             const char *, const char *, const char *, void *),
                  void *arg)
{
	static const char q[] =
	    "SELECT c.key, a.answer, a.evidence, a.effective, a.recorded, "
	    "a.actor FROM answer a JOIN criterion c ON c.id = a.criterion_id "
	    "WHERE a.deal_id = ? ORDER BY a.effective, a.id";
	sqlite3_stmt *s = store_stmt(st, q);
	int rc;

	sqlite3_bind_int64(s, 1, deal);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(s, 0),
		   (const char *)sqlite3_column_text(s, 1),
		   (const char *)sqlite3_column_text(s, 2),
		   (const char *)sqlite3_column_text(s, 3),
		   (const char *)sqlite3_column_text(s, 4),
		   (const char *)sqlite3_column_text(s, 5), arg);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KAM_OK
	                         : store_fail(st, "cannot read the answers");
}

/* The answers in force on as_of: the latest effective, then recorded. */
static int
answers_in_force(struct store *st, int64_t deal, const char *as_of,
                 struct gate_assessment *a)
{
	static const char q[] =
	    "SELECT c.key, a.answer, a.evidence, a.effective, a.actor "
	    "FROM answer a JOIN criterion c ON c.id = a.criterion_id "
	    "WHERE a.deal_id = ? AND a.effective <= ? "
	    "ORDER BY a.criterion_id, a.effective, a.id";
	sqlite3_stmt *s = store_stmt(st, q);
	size_t i;
	int rc;

	sqlite3_bind_int64(s, 1, deal);
	sqlite3_bind_text(s, 2, as_of, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		const char *on = (const char *)sqlite3_column_text(s, 3);
		struct gate_crit *c = NULL;
		int ans;

		for (i = 0; i < a->ncrit; i++)
			if (strcmp(a->crit[i].key, key) == 0)
				c = &a->crit[i];
		ans = gate_ans_parse((const char *)sqlite3_column_text(s, 1));
		if (c == NULL || ans < 0)
			continue;
		c->answer = (enum gate_ans)ans;
		c->source = GATE_SRC_ANSWERED;
		free(c->evidence);
		free(c->actor);
		c->evidence = store_col_dup(s, 2);
		c->actor = store_col_dup(s, 4);
		snprintf(c->on, sizeof c->on, "%s", on);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KAM_OK
	                         : store_fail(st, "cannot read the answers");
}

/* Settings */

int
gate_params_load(struct store *st, struct gate_params *p)
{
	static const char q[] = "SELECT key, value FROM gate_setting";
	sqlite3_stmt *s = store_stmt(st, q);
	int rc;

	gate_params_default(p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		double *slot =
		    gate_param(p, (const char *)sqlite3_column_text(s, 0));

		if (slot != NULL)
			*slot = sqlite3_column_double(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KAM_OK
	                         : store_fail(st, "cannot read the settings");
}

int
gate_setting_set(struct store *st, const char *key, double value)
{
	static const char q[] =
	    "INSERT OR REPLACE INTO gate_setting (key, value) VALUES (?, ?)";
	sqlite3_stmt *s;
	int rc;

	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, value);
	return finish(st, s, "cannot change the setting");
}

int
gate_setting_reset(struct store *st, const char *key)
{
	static const char q[] = "DELETE FROM gate_setting WHERE key = ?";
	sqlite3_stmt *s;
	int rc;

	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	return finish(st, s, "cannot reset the setting");
}

int
gate_setting_stored(struct store *st, const char *key)
{
	static const char q[] = "SELECT 1 FROM gate_setting WHERE key = ?";
	sqlite3_stmt *s = store_stmt(st, q);
	int found;

	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return found;
}

/* The buying group, with stances in force */

static int
core_bit(const char *role)
{
	if (strcmp(role, "decision-maker") == 0)
		return GATE_CORE_DM;
	if (strcmp(role, "technical") == 0)
		return GATE_CORE_TECHNICAL;
	if (strcmp(role, "business") == 0)
		return GATE_CORE_BUSINESS;
	if (strcmp(role, "finance") == 0)
		return GATE_CORE_FINANCE;
	return 0;
}

static int
influence_index(const char *s)
{
	return strcmp(s, "high") == 0 ? 0 : strcmp(s, "low") == 0 ? 2 : 1;
}

static int
stance_code(const char *s)
{
	if (s == NULL)
		return GATE_STANCE_UNKNOWN;
	return strcmp(s, "support") == 0  ? 1
	       : strcmp(s, "oppose") == 0 ? -1
	                                  : 0;
}

/*
 * One member per person holding a role in the deal, leaving out people
 * who had left the client by as_of.
 */
static int
load_group(struct store *st, int64_t deal, const char *as_of,
           struct gate_assessment *a, int64_t **ids)
{
	static const char q[] =
	    "SELECT p.id, ac.handle || '/' || p.handle, p.name, r.role, "
	    "r.influence, r.lead FROM deal_role r "
	    "JOIN person p ON p.id = r.person_id "
	    "JOIN account ac ON ac.id = p.account_id "
	    "WHERE r.deal_id = ? AND (p.left_on IS NULL OR p.left_on > ?) "
	    "ORDER BY ac.handle, p.handle, r.role";
	sqlite3_stmt *s = store_stmt(st, q);
	struct gate_member *m = NULL;
	int64_t last = 0;
	int rc;

	sqlite3_bind_int64(s, 1, deal);
	sqlite3_bind_text(s, 2, as_of, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(s, 0);
		const char *role = (const char *)sqlite3_column_text(s, 3);
		int inf =
		    influence_index((const char *)sqlite3_column_text(s, 4));

		if (m == NULL || pid != last) {
			a->members = xreallocarray(a->members, a->nmembers + 1,
			                           sizeof *a->members);
			*ids =
			    xreallocarray(*ids, a->nmembers + 1, sizeof **ids);
			m = &a->members[a->nmembers];
			(*ids)[a->nmembers++] = pid;
			memset(m, 0, sizeof *m);
			m->ref = store_col_dup(s, 1);
			m->name = store_col_dup(s, 2);
			m->roles = xstrdup(role);
			m->influence = inf;
			m->stance = GATE_STANCE_UNKNOWN;
			last = pid;
		} else {
			char *r;

			xasprintf(&r, "%s, %s", m->roles, role);
			free(m->roles);
			m->roles = r;
			if (inf < m->influence)
				m->influence = inf;
		}
		m->core |= core_bit(role);
		m->lead |= sqlite3_column_int(s, 5);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE
	           ? KAM_OK
	           : store_fail(st, "cannot read the buying group");
}

/* The competitors anyone in the group has a stance toward by as_of. */
static int
load_rivals(struct store *st, int64_t deal, const char *as_of,
            struct gate_assessment *a, int64_t **ids)
{
	static const char q[] =
	    "SELECT c.id, c.handle, c.name FROM competitor c "
	    "WHERE c.id IN (SELECT o.toward_id FROM deal_role r "
	    "JOIN observation o ON o.person_id = r.person_id "
	    "WHERE r.deal_id = ? AND o.toward_id IS NOT NULL "
	    "AND o.effective <= ?) ORDER BY c.handle";
	sqlite3_stmt *s = store_stmt(st, q);
	int rc;

	sqlite3_bind_int64(s, 1, deal);
	sqlite3_bind_text(s, 2, as_of, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->rivals =
		    xreallocarray(a->rivals, a->nrivals + 1, sizeof *a->rivals);
		*ids = xreallocarray(*ids, a->nrivals + 1, sizeof **ids);
		(*ids)[a->nrivals] = sqlite3_column_int64(s, 0);
		a->rivals[a->nrivals].handle = store_col_dup(s, 1);
		a->rivals[a->nrivals].name = store_col_dup(s, 2);
		a->nrivals++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE
	           ? KAM_OK
	           : store_fail(st, "cannot read the competitors");
}

static int
load_stances(struct store *st, int64_t deal, const char *as_of,
             struct gate_assessment *a, const int64_t *pids,
             const int64_t *cids)
{
	const char *stance;
	size_t i, j;
	int rc;

	for (i = 0; i < a->nmembers; i++) {
		struct gate_member *m = &a->members[i];

		rc = stance_get(st, pids[i], 0, deal, as_of, NULL, &stance,
		                m->since);
		if (rc != KAM_OK)
			return rc;
		m->stance = stance_code(stance);
		if (a->nrivals == 0)
			continue;
		m->rival = xmalloc(a->nrivals);
		for (j = 0; j < a->nrivals; j++) {
			rc = stance_get(st, pids[i], cids[j], deal, as_of, NULL,
			                &stance, NULL);
			if (rc != KAM_OK)
				return rc;
			m->rival[j] = (signed char)stance_code(stance);
		}
	}
	return KAM_OK;
}

int
gate_assess(struct store *st, int64_t deal, const char *as_of,
            struct gate_assessment *a)
{
	static const char q[] =
	    "SELECT ac.handle || '/' || d.handle, d.name FROM deal d "
	    "JOIN account ac ON ac.id = d.account_id WHERE d.id = ?";
	sqlite3_stmt *s = store_stmt(st, q);
	int64_t *pids = NULL, *cids = NULL;
	int rc;

	memset(a, 0, sizeof *a);
	a->deal_id = deal;
	snprintf(a->as_of, sizeof a->as_of, "%s", as_of);
	sqlite3_bind_int64(s, 1, deal);
	if (sqlite3_step(s) == SQLITE_ROW) {
		a->deal = store_col_dup(s, 0);
		a->deal_name = store_col_dup(s, 1);
	}
	sqlite3_reset(s);
	if (a->deal == NULL)
		return kam_err(KAM_NOTFOUND, "unknown deal");
	if ((rc = gate_params_load(st, &a->params)) != KAM_OK ||
	    (rc = gate_rubric(st, 0, &a->crit, &a->ncrit)) != KAM_OK ||
	    (rc = answers_in_force(st, deal, as_of, a)) != KAM_OK ||
	    (rc = load_group(st, deal, as_of, a, &pids)) != KAM_OK ||
	    (rc = load_rivals(st, deal, as_of, a, &cids)) != KAM_OK ||
	    (rc = load_stances(st, deal, as_of, a, pids, cids)) != KAM_OK) {
		free(pids);
		free(cids);
		return rc;
	}
	free(pids);
	free(cids);
	gate_compute(a);
	gate_evaluate(a);
	return KAM_OK;
}

/* Runs */

int
gate_run_add(struct store *st, int64_t deal, const char *as_of,
             const char *verdict, const char *snapshot, int64_t *id)
{
	static const char ins[] =
	    "INSERT INTO gate_run (deal_id, as_of, recorded, actor, verdict, "
	    "snapshot) VALUES (?, ?, ?, ?, ?, ?)";
	char now[KAM_STAMP_LEN];
	sqlite3_stmt *s;
	int rc;

	kam_now(now);
	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	s = store_stmt(st, ins);
	sqlite3_bind_int64(s, 1, deal);
	sqlite3_bind_text(s, 2, as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, kam_actor(), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, verdict, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, snapshot, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		rc = store_fail(st, "cannot store the run");
		store_rollback(st);
		return rc;
	}
	*id = sqlite3_last_insert_rowid(store_db(st));
	return store_commit(st);
}

int
gate_runs(struct store *st, int64_t deal, struct gate_run_info **out, size_t *n)
{
	static const char q[] = "SELECT id, as_of, recorded, actor, verdict, "
	                        "json_extract(snapshot, '$.gates[0].status'), "
	                        "json_extract(snapshot, '$.gates[1].status'), "
	                        "json_extract(snapshot, '$.gates[2].status'), "
	                        "json_extract(snapshot, '$.gates[3].status') "
	                        "FROM gate_run WHERE deal_id = ? ORDER BY id";
	sqlite3_stmt *s = store_stmt(st, q);
	struct gate_run_info *r = NULL;
	size_t len = 0;
	int rc, g;

	sqlite3_bind_int64(s, 1, deal);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct gate_run_info *x;

		r = xreallocarray(r, len + 1, sizeof *r);
		x = &r[len++];
		x->id = sqlite3_column_int64(s, 0);
		snprintf(x->as_of, sizeof x->as_of, "%s",
		         (const char *)sqlite3_column_text(s, 1));
		x->recorded = store_col_dup(s, 2);
		x->actor = store_col_dup(s, 3);
		x->verdict = store_col_dup(s, 4);
		for (g = 0; g < GATE_COUNT; g++)
			x->status[g] = store_col_dup(s, 5 + g);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		gate_runs_free(r, len);
		return store_fail(st, "cannot read the runs");
	}
	*out = r;
	*n = len;
	return KAM_OK;
}

int
gate_list_each(struct store *st, int64_t account,
               void (*fn)(const char *, const char *, const char *,
                          const char *, int64_t, const char *, void *),
               void *arg)
{
	static const char q[] =
	    "SELECT ac.handle || '/' || d.handle, d.name, r.verdict, "
	    "r.as_of, r.id, r.recorded FROM deal d "
	    "JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.id = (SELECT max(id) FROM gate_run "
	    "WHERE deal_id = d.id) "
	    "WHERE ?1 = 0 OR d.account_id = ?1 ORDER BY ac.handle, d.handle";
	sqlite3_stmt *s = store_stmt(st, q);
	int rc;

	sqlite3_bind_int64(s, 1, account);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(s, 0),
		   (const char *)sqlite3_column_text(s, 1),
		   (const char *)sqlite3_column_text(s, 2),
		   (const char *)sqlite3_column_text(s, 3),
		   sqlite3_column_int64(s, 4),
		   (const char *)sqlite3_column_text(s, 5), arg);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KAM_OK
	                         : store_fail(st, "cannot read the deals");
}

static enum gate_status
status_parse(const char *s)
{
	int i;

	for (i = GATE_PASS; i <= GATE_NOT_REACHED; i++)
		if (s != NULL && strcmp(s, gate_status_word(i)) == 0)
			return (enum gate_status)i;
	return GATE_NOT_REACHED;
}

int
gate_snap_load(struct store *st, int64_t deal, int64_t run,
               struct gate_snap *snap)
{
	static const char q[] =
	    "SELECT as_of, verdict FROM gate_run WHERE id = ? AND deal_id = ?";
	static const char gates[] =
	    "SELECT json_extract(g.value, '$.gate'), "
	    "json_extract(g.value, '$.status'), "
	    "json_extract(g.value, '$.score') "
	    "FROM gate_run r, json_each(r.snapshot, '$.gates') g "
	    "WHERE r.id = ?";
	static const char crit[] =
	    "SELECT json_extract(g.value, '$.gate'), "
	    "json_extract(c.value, '$.key'), "
	    "json_extract(c.value, '$.answer'), "
	    "json_extract(c.value, '$.source'), "
	    "json_extract(c.value, '$.evidence') "
	    "FROM gate_run r, json_each(r.snapshot, '$.gates') g, "
	    "json_each(g.value, '$.criteria') c "
	    "WHERE r.id = ? ORDER BY g.key, c.key";
	sqlite3_stmt *s = store_stmt(st, q);
	int rc, g;

	memset(snap, 0, sizeof *snap);
	sqlite3_bind_int64(s, 1, run);
	sqlite3_bind_int64(s, 2, deal);
	if (sqlite3_step(s) != SQLITE_ROW) {
		char *ref = store_deal_ref(st, deal);

		sqlite3_reset(s);
		rc = kam_err(KAM_NOTFOUND, "no run %lld of deal '%s'",
		             (long long)run, ref);
		free(ref);
		return rc;
	}
	snprintf(snap->as_of, sizeof snap->as_of, "%s",
	         (const char *)sqlite3_column_text(s, 0));
	snap->verdict = store_col_dup(s, 1);
	sqlite3_reset(s);
	for (g = 0; g < GATE_COUNT; g++)
		snap->status[g] = GATE_NOT_REACHED;
	s = store_stmt(st, gates);
	sqlite3_bind_int64(s, 1, run);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		g = sqlite3_column_int(s, 0);
		if (g < 1 || g > GATE_COUNT)
			continue;
		snap->status[g - 1] =
		    status_parse((const char *)sqlite3_column_text(s, 1));
		if (sqlite3_column_type(s, 2) != SQLITE_NULL)
			xasprintf(&snap->score[g - 1], "%.2f",
			          sqlite3_column_double(s, 2));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, "cannot read the run");
	s = store_stmt(st, crit);
	sqlite3_bind_int64(s, 1, run);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct gate_snap_crit *c;

		snap->crit = xreallocarray(snap->crit, snap->ncrit + 1,
		                           sizeof *snap->crit);
		c = &snap->crit[snap->ncrit++];
		c->gate = sqlite3_column_int(s, 0);
		c->key = store_col_dup(s, 1);
		c->answer = store_col_dup(s, 2);
		c->source = store_col_dup(s, 3);
		c->evidence = store_col_dup(s, 4);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, "cannot read the run");
	return KAM_OK;
}
