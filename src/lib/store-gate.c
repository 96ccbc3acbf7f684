/*
 * The store's side of kam-gate: rubric profiles and their criteria, the
 * dated answers, the settings, the stored runs, and the gathering of
 * what an assessment uses (the deal and its numbers, the profile of its
 * account's category, the buying group with the stances in force, the
 * notes behind them and who influences each member), from which gate.c
 * computes and decides.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/reason.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"

static int
finish(struct store *st, db_stmt *s, const struct store_arg *args,
       const char *what)
{
	return store_end(st, store_put(st, s, args, what));
}

/* A write of one statement, q with args, in a transaction of its own. */
static int
write_one(struct store *st, const char *q, const struct store_arg *args,
          const char *what)
{
	int rc;

	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	return finish(st, store_stmt(st, q), args, what);
}

char *
store_gate_competitor_name(struct store *st, int64_t id)
{
	static const char q[] = "SELECT name FROM competitor WHERE id = ?";

	return store_get_text(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)));
}

/* Profiles */

int
store_gate_profile_id(struct store *st, const char *name, int64_t *id)
{
	static const char q[] = "SELECT id FROM profile WHERE name = ?";
	static const char all[] = "SELECT name FROM profile ORDER BY name";
	char *guess;
	int rc;

	if (store_get_int64(st, store_stmt(st, q), STORE_ARGS(STORE_TEXT(name)),
	                    id))
		return KAM_OK;
	guess = store_nearest(st, store_stmt(st, all), name);
	if (guess != NULL)
		rc = kam_err(KAM_NOTFOUND,
		             _("unknown profile '%s' (did you mean '%s'?)"),
		             name, guess);
	else
		rc = kam_err(KAM_NOTFOUND,
		             _("unknown profile '%s' (see 'kam-gate profile "
		               "list')"),
		             name);
	free(guess);
	return rc;
}

static char *
profile_name(struct store *st, int64_t id)
{
	static const char q[] = "SELECT name FROM profile WHERE id = ?";

	return store_get_text(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)));
}

int
store_gate_profile_add(struct store *st, const char *name, const char *from)
{
	static const char qfind[] = "SELECT 1 FROM profile WHERE name = ?";
	static const char ins[] = "INSERT INTO profile (name) VALUES (?)";
	static const char copy[] =
	    "INSERT INTO criterion (profile_id, gate, key, question, weight, "
	    "must, computed, position) SELECT ?1, gate, key, question, "
	    "weight, must, computed, position FROM criterion "
	    "WHERE profile_id = ?2 ORDER BY id";
	int64_t src, id;
	int rc;

	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = store_gate_profile_id(st, from, &src)) != KAM_OK)
		return store_end(st, rc);
	if (store_get_int64(st, store_stmt(st, qfind),
	                    STORE_ARGS(STORE_TEXT(name)), &id))
		return store_end(st, kam_err(KAM_CONFLICT,
		                             _("profile '%s' exists already"),
		                             name));
	if ((rc = store_put(st, store_stmt(st, ins),
	                    STORE_ARGS(STORE_TEXT(name)),
	                    "cannot add the profile")) != KAM_OK)
		return store_end(st, rc);
	id = db_last_id(st);
	return finish(st, store_stmt(st, copy),
	              STORE_ARGS(STORE_INT(id), STORE_INT(src)),
	              "cannot copy the rubric");
}

int
store_gate_profile_remove(struct store *st, const char *name)
{
	static const char qanswers[] =
	    "SELECT count(*) FROM answer a JOIN criterion c "
	    "ON c.id = a.criterion_id WHERE c.profile_id = ?";
	static const char delc[] = "DELETE FROM criterion WHERE profile_id = ?";
	static const char delp[] = "DELETE FROM profile WHERE id = ?";
	int64_t id;
	int rc, n = 0;

	if (strcmp(name, "default") == 0)
		return kam_err(
		    KAM_CONFLICT,
		    _("profile 'default' cannot be removed: it is the "
		      "rubric of every account without another"));
	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = store_gate_profile_id(st, name, &id)) != KAM_OK)
		return store_end(st, rc);
	store_get_int(st, store_stmt(st, qanswers), STORE_ARGS(STORE_INT(id)),
	              &n);
	if (n > 0)
		return store_end(st,
		                 kam_err(KAM_CONFLICT,
		                         ngettext("profile '%s' has %d answer "
		                                  "to its criteria: it is kept",
		                                  "profile '%s' has %d answers "
		                                  "to its criteria: it is kept",
		                                  (unsigned long)n),
		                         name, n));
	if ((rc = store_put(st, store_stmt(st, delc), STORE_ARGS(STORE_INT(id)),
	                    "cannot remove the profile")) != KAM_OK)
		return store_end(st, rc);
	return finish(st, store_stmt(st, delp), STORE_ARGS(STORE_INT(id)),
	              "cannot remove the profile");
}

#define F(f, k) STORE_FIELD(struct gate_profile_row, f, k)
STORE_ROWS(profile_rows, struct gate_profile_row, F(name, TEXT),
           F(criteria, LONG), F(accounts, LONG), F(answers, LONG));
#undef F

int
store_gate_profiles_each(struct store *st,
                         int (*fn)(const struct gate_profile_row *, void *),
                         void *arg)
{
	static const char q[] =
	    "SELECT p.name, "
	    "(SELECT count(*) FROM criterion c WHERE c.profile_id = p.id), "
	    "(SELECT count(*) FROM account a WHERE a.category = p.name "
	    "OR (p.name = 'default' AND (a.category IS NULL OR a.category "
	    "NOT IN (SELECT name FROM profile)))), "
	    "(SELECT count(*) FROM answer a JOIN criterion c "
	    "ON c.id = a.criterion_id WHERE c.profile_id = p.id) "
	    "FROM profile p ORDER BY p.id";

	return store_each_read(st, store_stmt(st, q), NULL, &profile_rows,
	                       (store_fn)fn, arg, "the profiles");
}

int
store_gate_deal_profile(struct store *st, int64_t deal, int64_t *profile)
{
	static const char q[] =
	    "SELECT coalesce((SELECT p.id FROM profile p "
	    "WHERE p.name = a.category), "
	    "(SELECT id FROM profile WHERE name = 'default')) "
	    "FROM deal d JOIN account a ON a.id = d.account_id WHERE d.id = ?";
	return store_get_int64(st, store_stmt(st, q),
	                       STORE_ARGS(STORE_INT(deal)), profile)
	           ? KAM_OK
	           : kam_err(KAM_NOTFOUND, _("unknown deal"));
}

/* The rubric */

#define F(f, k) STORE_FIELD(struct gate_crit, f, k)
STORE_ROWS(crit_rows, struct gate_crit, F(gate, INT), F(key, DUP),
           F(question, DUP), F(weight, DOUBLE), F(must, INT), F(computed, INT),
           F(position, INT));
#undef F

int
store_gate_rubric(struct store *st, int64_t profile, int gate,
                  struct gate_crit **out, size_t *n)
{
	static const char q[] =
	    "SELECT gate, key, question, weight, must, computed, position "
	    "FROM criterion WHERE profile_id = ?1 AND (?2 = 0 OR gate = ?2) "
	    "ORDER BY gate, position, id";
	struct kam_array a = {0};
	int rc;

	rc = store_read_all(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(profile), STORE_INT(gate)),
	                    &crit_rows, &a, "the rubric");
	if (rc != KAM_OK)
		gate_crit_free(a.v, a.n);
	else {
		*out = a.v;
		*n = a.n;
	}
	return rc;
}

int
store_gate_criterion_id(struct store *st, int64_t profile, const char *key,
                        int64_t *id)
{
	static const char q[] =
	    "SELECT id FROM criterion WHERE profile_id = ? AND key = ?";
	static const char all[] =
	    "SELECT key FROM criterion WHERE profile_id = ? ORDER BY key";
	db_stmt *s;
	char *guess, *pname, in[160] = "";
	int rc;

	if (store_get_int64(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(profile), STORE_TEXT(key)),
	                    id))
		return KAM_OK;
	s = store_stmt(st, all);
	store_bind_args(s, STORE_ARGS(STORE_INT(profile)));
	guess = store_nearest(st, s, key);
	pname = profile_name(st, profile);
	if (pname != NULL && strcmp(pname, "default") != 0)
		snprintf(in, sizeof in, _(" in profile '%s'"), pname);
	if (guess != NULL)
		rc = kam_err(KAM_NOTFOUND,
		             _("unknown criterion '%s'%s (did you mean '%s'?)"),
		             key, in, guess);
	else
		rc = kam_err(KAM_NOTFOUND,
		             _("unknown criterion '%s'%s (see 'kam-gate "
		               "criteria')"),
		             key, in);
	free(guess);
	free(pname);
	return rc;
}

/* Count and total weight of a gate's criteria, leaving out one id. */
static int
gate_tally(struct store *st, int64_t profile, int gate, int64_t except,
           int *count, double *weight)
{
	static const char q[] =
	    "SELECT count(*), coalesce(sum(weight), 0) FROM criterion "
	    "WHERE profile_id = ? AND gate = ? AND id <> ? AND key <> ?";
	db_stmt *s = store_stmt(st, q);

	if (!store_first(st, s,
	                 STORE_ARGS(STORE_INT(profile), STORE_INT(gate),
	                            STORE_INT(except),
	                            STORE_TEXT(GATE_KEY_COVERAGE)),
	                 "the rubric"))
		return store_failed(st);
	*count = db_column_int(s, 0);
	*weight = db_column_double(s, 1);
	db_reset(s);
	return KAM_OK;
}

static int
next_position(struct store *st, int64_t profile, int gate)
{
	static const char q[] = "SELECT coalesce(max(position), 0) + 1 "
	                        "FROM criterion WHERE profile_id = ? AND "
	                        "gate = ?";
	int pos = 1;

	store_get_int(st, store_stmt(st, q),
	              STORE_ARGS(STORE_INT(profile), STORE_INT(gate)), &pos);
	return pos;
}

/* Coverage is knowledge, not score: its weight stays 0. */
static int
coverage_weight(const char *key, double weight)
{
	if (strcmp(key, GATE_KEY_COVERAGE) == 0 && weight > 0)
		return kam_err(
		    KAM_CONFLICT,
		    _("'%s' is knowledge, not score: its weight stays "
		      "0"),
		    key);
	return KAM_OK;
}

int
store_gate_criterion_add(struct store *st, int64_t profile, int gate,
                         const char *key, const char *question, double weight,
                         int must)
{
	static const char q[] =
	    "SELECT 1 FROM criterion WHERE profile_id = ? AND key = ?";
	static const char ins[] =
	    "INSERT INTO criterion (profile_id, gate, key, question, weight, "
	    "must, computed, position) VALUES (?, ?, ?, ?, ?, ?, 0, ?)";
	int64_t one;
	int rc;

	if ((rc = coverage_weight(key, weight)) != KAM_OK)
		return rc;
	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if (store_get_int64(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(profile), STORE_TEXT(key)),
	                    &one))
		return store_end(st, kam_err(KAM_CONFLICT,
		                             _("criterion '%s' exists already"),
		                             key));
	return finish(st, store_stmt(st, ins),
	              STORE_ARGS(STORE_INT(profile), STORE_INT(gate),
	                         STORE_TEXT(key), STORE_TEXT(question),
	                         STORE_DOUBLE(weight), STORE_INT(must),
	                         STORE_INT(next_position(st, profile, gate))),
	              "cannot add the criterion");
}

/* Refuses a change that leaves gate with no criteria or no weight. */
static int
keeps_gate(struct store *st, int64_t profile, int gate, int64_t except,
           double added_weight, int adds)
{
	double weight = 0;
	int count = 0, rc;

	if ((rc = gate_tally(st, profile, gate, except, &count, &weight)) !=
	    KAM_OK)
		return rc;
	if (count + adds == 0)
		return kam_err(KAM_CONFLICT,
		               _("gate %d (%s) would have no criteria"), gate,
		               gate_name(gate));
	if (weight + added_weight == 0)
		return kam_err(KAM_CONFLICT,
		               _("gate %d (%s) would have no weight (every "
		                 "criterion at 0)"),
		               gate, gate_name(gate));
	return KAM_OK;
}

/*
 * Begins a write and finds the criterion key of profile (*id), *s on
 * the row q reads of it (?1 its id): KAM_OK, or the failure with the
 * transaction ended.
 */
static int
criterion_begin(struct store *st, int64_t profile, const char *key,
                const char *q, db_stmt **s, int64_t *id)
{
	int rc;

	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	if ((rc = store_gate_criterion_id(st, profile, key, id)) != KAM_OK)
		return store_end(st, rc);
	if (!store_first(st, *s = store_stmt(st, q), STORE_ARGS(STORE_INT(*id)),
	                 "the store"))
		return store_end(st, store_failed(st));
	return KAM_OK;
}

int
store_gate_criterion_set(struct store *st, int64_t profile, const char *key,
                         int gate, double weight, int must,
                         const char *question)
{
	static const char q[] =
	    "SELECT id, gate, weight, must, position FROM criterion "
	    "WHERE id = ?";
	static const char upd[] =
	    "UPDATE criterion SET gate = ?, weight = ?, must = ?, "
	    "question = coalesce(?, question), position = ? WHERE id = ?";
	db_stmt *s;
	int64_t id;
	double oweight;
	int rc, ogate, omust, pos, cov = strcmp(key, GATE_KEY_COVERAGE) == 0;

	if ((weight >= 0 && (rc = coverage_weight(key, weight)) != KAM_OK) ||
	    (rc = criterion_begin(st, profile, key, q, &s, &id)) != KAM_OK)
		return rc;
	ogate = db_column_int(s, 1);
	oweight = db_column_double(s, 2);
	omust = db_column_int(s, 3);
	pos = db_column_int(s, 4);
	db_reset(s);
	if (gate == 0)
		gate = ogate;
	if (weight < 0)
		weight = oweight;
	if (must < 0)
		must = omust;
	/* Coverage never counts toward a gate's criteria or weight. */
	if (gate != ogate) {
		if ((!cov && (rc = keeps_gate(st, profile, ogate, id, 0, 0)) !=
		                 KAM_OK) ||
		    (rc = keeps_gate(st, profile, gate, id, cov ? 0 : weight,
		                     !cov)) != KAM_OK)
			return store_end(st, rc);
		pos = next_position(st, profile, gate);
	} else if (!cov && (rc = keeps_gate(st, profile, gate, id, weight,
	                                    1)) != KAM_OK)
		return store_end(st, rc);
	return finish(st, store_stmt(st, upd),
	              STORE_ARGS(STORE_INT(gate), STORE_DOUBLE(weight),
	                         STORE_INT(must), STORE_TEXT(question),
	                         STORE_INT(pos), STORE_INT(id)),
	              "cannot change the criterion");
}

int
store_gate_criterion_remove(struct store *st, int64_t profile, const char *key)
{
	static const char q[] =
	    "SELECT c.gate, (SELECT count(*) FROM answer a "
	    "WHERE a.criterion_id = c.id) FROM criterion c WHERE c.id = ?";
	static const char del[] = "DELETE FROM criterion WHERE id = ?";
	db_stmt *s;
	int64_t id;
	int rc, gate, nanswers;

	if ((rc = criterion_begin(st, profile, key, q, &s, &id)) != KAM_OK)
		return rc;
	gate = db_column_int(s, 0);
	nanswers = db_column_int(s, 1);
	db_reset(s);
	if (nanswers > 0)
		return store_end(
		    st, kam_err(KAM_CONFLICT,
		                ngettext("criterion '%s' has %d answer: set "
		                         "its weight to 0 instead",
		                         "criterion '%s' has %d answers: set "
		                         "its weight to 0 "
		                         "instead",
		                         (unsigned long)nanswers),
		                key, nanswers));
	if (strcmp(key, GATE_KEY_COVERAGE) != 0 &&
	    (rc = keeps_gate(st, profile, gate, id, 0, 0)) != KAM_OK)
		return store_end(st, rc);
	return finish(st, store_stmt(st, del), STORE_ARGS(STORE_INT(id)),
	              "cannot remove the criterion");
}

/* Answers */

int
store_gate_answer_add(struct store *st, int64_t deal, int64_t criterion,
                      enum gate_ans ans, const double *gap,
                      const char *evidence, const char *on)
{
	static const char ins[] =
	    "INSERT INTO answer (deal_id, criterion_id, answer, evidence, "
	    "effective, recorded, actor, gap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	return write_one(
	    st, ins,
	    STORE_ARGS(STORE_INT(deal), STORE_INT(criterion),
	               STORE_TEXT(gate_ans_word(ans)), STORE_TEXT(evidence),
	               STORE_TEXT(on), STORE_STAMP,
	               gap != NULL ? STORE_DOUBLE(*gap) : STORE_NULL),
	    "cannot record the answer");
}

static int
answer_row(db_stmt *s, store_fn fn, void *arg)
{
	struct gate_answer_row r;
	double gap;

	r.key = (const char *)db_column_text(s, 0);
	r.answer = (const char *)db_column_text(s, 1);
	r.evidence = (const char *)db_column_text(s, 2);
	r.on = (const char *)db_column_text(s, 3);
	r.recorded = (const char *)db_column_text(s, 4);
	r.actor = (const char *)db_column_text(s, 5);
	gap = db_column_double(s, 6);
	r.gap = db_column_type(s, 6) == DB_NULL ? NULL : &gap;
	return STORE_HAND(struct gate_answer_row, fn, &r, arg);
}

int
store_gate_answers_each(struct store *st, int64_t deal,
                        int (*fn)(const struct gate_answer_row *, void *),
                        void *arg)
{
	static const char q[] =
	    "SELECT c.key, a.answer, a.evidence, a.effective, a.recorded, "
	    "a.actor, a.gap FROM answer a "
	    "JOIN criterion c ON c.id = a.criterion_id "
	    "WHERE a.deal_id = ? ORDER BY a.effective, a.id";

	return store_each_to(st, store_stmt(st, q), STORE_ARGS(STORE_INT(deal)),
	                     answer_row, (store_fn)fn, arg, "the answers");
}

/* What an assessment is read into, and the room of its arrays. */
struct loading {
	struct gate_assessment *a;
	int64_t *cids; /* the rivals' ids */
	size_t members, rivals, ids;
};

/*
 * The answers in force on as_of: for each key, the latest effective,
 * then the latest recorded.  An answer belongs to its key, so it holds
 * under whichever profile the deal is assessed with.
 */
static const char q_answers[] =
    "SELECT c.key, a.answer, a.evidence, a.effective, a.actor, a.gap "
    "FROM answer a JOIN criterion c ON c.id = a.criterion_id "
    "WHERE a.deal_id = ?1 AND a.effective <= ?2 "
    "ORDER BY c.key, a.effective, a.id";

static int
answer_in_force(db_stmt *s, void *arg)
{
	struct gate_assessment *a = ((struct loading *)arg)->a;
	const char *key = (const char *)db_column_text(s, 0);
	const char *on = (const char *)db_column_text(s, 3);
	struct gate_crit *c = NULL;
	size_t i;
	int ans;

	for (i = 0; i < a->ncrit; i++)
		if (strcmp(a->crit[i].key, key) == 0)
			c = &a->crit[i];
	ans = gate_ans_parse((const char *)db_column_text(s, 1));
	if (c == NULL || ans < 0)
		return KAM_OK;
	c->answer = (enum gate_ans)ans;
	c->source = GATE_SRC_ANSWERED;
	free(c->evidence);
	free(c->actor);
	c->evidence = store_col_dup(s, 2);
	c->actor = store_col_dup(s, 4);
	c->has_gap = db_column_type(s, 5) != DB_NULL;
	c->gap = db_column_double(s, 5);
	snprintf(c->on, sizeof c->on, "%s", on);
	return KAM_OK;
}

/* Settings */

STORE_ROWS(setting_rows, struct gate_setting_row,
           STORE_FIELD(struct gate_setting_row, key, TEXT),
           STORE_FIELD(struct gate_setting_row, value, DOUBLE));

int
store_gate_settings_each(struct store *st,
                         int (*fn)(const struct gate_setting_row *, void *),
                         void *arg)
{
	static const char q[] =
	    "SELECT key, value FROM gate_setting ORDER BY key";

	return store_each_read(st, store_stmt(st, q), NULL, &setting_rows,
	                       (store_fn)fn, arg, "the settings");
}

int
store_gate_setting_set(struct store *st, const char *key, double value)
{
	static const char q[] =
	    "INSERT INTO gate_setting (key, value) VALUES (?1, ?2) "
	    "ON CONFLICT (key) DO UPDATE SET value = ?2";

	return write_one(st, q,
	                 STORE_ARGS(STORE_TEXT(key), STORE_DOUBLE(value)),
	                 "cannot change the setting");
}

int
store_gate_setting_reset(struct store *st, const char *key)
{
	static const char q[] = "DELETE FROM gate_setting WHERE key = ?";

	return write_one(st, q, STORE_ARGS(STORE_TEXT(key)),
	                 "cannot reset the setting");
}

int
store_gate_setting_stored(struct store *st, const char *key)
{
	static const char q[] = "SELECT 1 FROM gate_setting WHERE key = ?";

	return store_exists(st, store_stmt(st, q), STORE_ARGS(STORE_TEXT(key)));
}

/* The buying group, with stances in force */

static int
role_index(const char *role)
{
	int r = vocab_rank(VOCAB_ROLE, role);

	return r >= 0 ? r : 9;
}

static int
influence_index(const char *s)
{
	int r = vocab_rank(VOCAB_INFLUENCE, s);

	return r >= 0 ? r : 1;
}

static int
stance_code(const char *s)
{
	if (s == NULL)
		return GATE_STANCE_UNKNOWN;
	return vocab_stance_sign(s);
}

/* Keeps in d (a day, "" none) the later, or the earlier, of d and s. */
static void
day_max(char d[11], const char *s)
{
	if (s != NULL && strlen(s) >= 10 && strncmp(s, d, 10) > 0)
		snprintf(d, 11, "%.10s", s);
}

static void
day_min(char d[11], const char *s)
{
	if (s != NULL && strlen(s) >= 10 &&
	    (d[0] == '\0' || strncmp(s, d, 10) < 0))
		snprintf(d, 11, "%.10s", s);
}

/*
 * One member per person holding a role in the deal, leaving out people
 * who had left the client by as_of; roles in the order of kam-org(1).
 */
static const char q_group[] =
    "SELECT p.id, ac.handle || '/' || p.handle, p.name, r.role, "
    "r.influence, r.lead, r.start_on, r.end_on, p.left_on "
    "FROM deal_role_period r "
    "JOIN person p ON p.id = r.person_id "
    "JOIN account ac ON ac.id = p.account_id "
    "WHERE r.deal_id = ?1 AND (p.left_on IS NULL OR p.left_on > ?2) "
    "AND " STORE_IN_FORCE(
        "r", "?2") " ORDER BY ac.handle, p.handle, " STORE_ROLE_ORDER;

/* A role of a member (the rows come a person at a time). */
static int
group_row(db_stmt *s, void *arg)
{
	struct loading *l = arg;
	struct gate_assessment *a = l->a;
	struct gate_member *m =
	    a->nmembers > 0 ? &a->members[a->nmembers - 1] : NULL;
	int64_t pid = db_column_int64(s, 0);
	const char *role = (const char *)db_column_text(s, 3);
	int inf = influence_index((const char *)db_column_text(s, 4));
	int ri = role_index(role);

	if (m == NULL || pid != m->id) {
		m = KAM_PUSH(a->members, a->nmembers, l->members);
		m->id = pid;
		m->ref = store_col_dup(s, 1);
		m->name = store_col_dup(s, 2);
		m->roles = xstrdup(role);
		m->influence = inf;
		m->rank = ri;
		m->stance = GATE_STANCE_UNKNOWN;
	} else {
		char *r;

		xasprintf(&r, "%s, %s", m->roles, role);
		free(m->roles);
		m->roles = r;
		if (inf < m->influence)
			m->influence = inf;
	}
	m->rolebits |= 1 << ri;
	m->core = m->rolebits & GATE_CORE_ALL;
	m->lead |= db_column_int(s, 5);
	day_max(m->from, (const char *)db_column_text(s, 6));
	day_min(m->until, (const char *)db_column_text(s, 7));
	day_min(m->until, (const char *)db_column_text(s, 8));
	return KAM_OK;
}

/* The competitors anyone in the group has a stance toward by as_of. */
static const char q_rivals[] =
    "SELECT c.id, c.handle, c.name FROM competitor c "
    "WHERE c.id IN (SELECT o.toward_id FROM deal_role_period r "
    "JOIN observation o ON o.person_id = r.person_id "
    "WHERE r.deal_id = ?1 AND o.toward_id IS NOT NULL "
    "AND o.effective <= ?2 AND " STORE_IN_FORCE("r", "?2") ") "
                                                           "ORDER BY c.handle";

static int
rival_row(db_stmt *s, void *arg)
{
	struct loading *l = arg;
	struct gate_assessment *a = l->a;

	a->rivals = xgrow(a->rivals, a->nrivals, &l->rivals, sizeof *a->rivals);
	l->cids = xgrow(l->cids, a->nrivals, &l->ids, sizeof *l->cids);
	l->cids[a->nrivals] = db_column_int64(s, 0);
	a->rivals[a->nrivals].handle = store_col_dup(s, 1);
	a->rivals[a->nrivals].name = store_col_dup(s, 2);
	a->nrivals++;
	return KAM_OK;
}

/*
 * The parts of an assessment one query each reads, over the deal (?1)
 * on the day (?2), in this order: the answers go to the rubric's
 * criteria.
 */
static const struct part {
	const char *sql;
	int (*row)(db_stmt *, void *);
	const char *what;
} parts[] = {{q_answers, answer_in_force, "the answers"},
             {q_group, group_row, "the buying group"},
             {q_rivals, rival_row, "the competitors"}};

/* Keeps the later of two dates in latest. */
static void
later(char *latest, const char *since)
{
	if (since[0] && strcmp(since, latest) > 0)
		memcpy(latest, since, KAM_DATE_LEN);
}

/* Each member's stances, the note behind the one toward us, and the
 * latest observation in force. */
static int
load_stances(struct store *st, int64_t deal, const char *as_of,
             struct gate_assessment *a, const int64_t *cids)
{
	struct stance_found f;
	struct stance_row row;
	const char *stance;
	char since[KAM_DATE_LEN];
	size_t i, j;
	int rc;

	for (i = 0; i < a->nmembers; i++) {
		struct gate_member *m = &a->members[i];

		if ((rc = store_stance_find(st, m->id, 0, deal, as_of, NULL,
		                            &f)) != KAM_OK)
			return rc;
		m->stance = stance_code(f.id ? f.stance : NULL);
		if (f.id != 0) {
			memcpy(m->since, f.since, KAM_DATE_LEN);
			later(m->latest, f.since);
			if ((rc = store_stance_load(st, f.id, &row)) != KAM_OK)
				return rc;
			if (row.note != NULL && *row.note)
				m->note = xstrdup(row.note);
			stance_row_free(&row);
		}
		if (a->nrivals == 0)
			continue;
		m->rival = xmalloc(a->nrivals);
		m->rival_since = xcalloc(a->nrivals, sizeof *m->rival_since);
		for (j = 0; j < a->nrivals; j++) {
			rc = store_stance_get(st, m->id, cids[j], deal, as_of,
			                      NULL, &stance, since);
			if (rc != KAM_OK)
				return rc;
			m->rival[j] = (signed char)stance_code(stance);
			if (stance != NULL) {
				later(m->latest, since);
				memcpy(m->rival_since[j], since,
				       sizeof m->rival_since[j]);
			}
		}
	}
	return KAM_OK;
}

struct ally_link {
	int64_t id;
	char *ref, *name;
	const char *kind;
};
static int
ally_row(db_stmt *s, void *arg)
{
	struct ally_link *x = kam_array_add(arg, sizeof *x);
	const char *kind = (const char *)db_column_text(s, 3);

	x->id = db_column_int64(s, 0);
	x->ref = store_col_dup(s, 1);
	x->name = store_col_dup(s, 2);
	x->kind = strcmp(kind, "advises") == 0 ? "advises" : "influences";
	return KAM_OK;
}

/* Who influences or advises each member, with their stance toward us. */
static int
load_allies(struct store *st, int64_t deal, const char *as_of,
            struct gate_assessment *a)
{
	static const char q[] =
	    "SELECT p.id, ac.handle || '/' || p.handle, p.name, l.kind "
	    "FROM link_period l JOIN person p ON p.id = l.from_id "
	    "JOIN account ac ON ac.id = p.account_id "
	    "WHERE l.to_id = ?1 AND l.kind IN ('influences', 'advises') "
	    "AND (p.left_on IS NULL OR p.left_on > ?2) "
	    "AND " STORE_IN_FORCE("l",
	                          "?2") " "
	                                "ORDER BY ac.handle, p.handle, l.kind";
	size_t i;
	int rc;

	for (i = 0; i < a->nmembers; i++) {
		struct gate_member *m = &a->members[i];
		struct kam_array l = {0};
		struct ally_link *v;
		size_t n, k, cap = 0;

		rc = store_each(st, store_stmt(st, q),
		                STORE_ARGS(STORE_INT(m->id), STORE_TEXT(as_of)),
		                ally_row, &l, "the links");
		v = l.v;
		n = l.n;
		if (rc != KAM_OK) {
			for (k = 0; k < n; k++) {
				free(v[k].ref);
				free(v[k].name);
			}
			free(v);
			return rc;
		}
		/* One ally per person, whichever kinds link them. */
		for (k = 0; k < n; k++) {
			struct gate_ally *y;
			const char *stance;

			if (k > 0 && v[k].id == v[k - 1].id) {
				free(v[k].ref);
				free(v[k].name);
				continue;
			}
			rc = store_stance_get(st, v[k].id, 0, deal, as_of, NULL,
			                      &stance, NULL);
			y = KAM_PUSH(m->allies, m->nallies, cap);
			y->id = v[k].id;
			y->ref = v[k].ref;
			y->name = v[k].name;
			y->kind = v[k].kind;
			y->stance = stance_code(rc == KAM_OK ? stance : NULL);
		}
		free(v);
	}
	return KAM_OK;
}

/* Who on our side knows each member, and each member's allies. */
static int
load_contacts(struct store *st, const char *as_of, struct gate_assessment *a)
{
	size_t i, k;
	int rc;

	for (i = 0; i < a->nmembers; i++) {
		struct gate_member *m = &a->members[i];

		if ((rc = store_gate_contacts(st, m->id, as_of, &m->contacts,
		                              &m->ncontacts)) != KAM_OK)
			return rc;
		for (k = 0; k < m->nallies; k++) {
			struct gate_ally *y = &m->allies[k];

			if ((rc = store_gate_contacts(st, y->id, as_of,
			                              &y->contacts,
			                              &y->ncontacts)) != KAM_OK)
				return rc;
		}
	}
	return KAM_OK;
}

/* The deal and its account, as store_gate_load reads them. */
#define F(f) STORE_FIELD(struct gate_assessment, f, DUP)
STORE_ROWS(head_rows, struct gate_assessment, F(deal), F(deal_name),
           F(account_name), F(category), F(value), F(cost), F(currency),
           F(close_on), F(stage), F(industry));
#undef F

int
store_gate_load(struct store *st, int64_t deal, const char *as_of,
                struct gate_assessment *a)
{
	static const char q[] =
	    "SELECT ac.handle || '/' || d.handle, d.name, ac.name, "
	    "ac.category, d.value, d.cost, d.currency, d.close_on, d.stage, "
	    "ac.industry "
	    "FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "WHERE d.id = ?";
	db_stmt *s = store_stmt(st, q);
	struct loading l = {a, NULL, 0, 0, 0};
	int64_t profile;
	size_t i;
	int rc;

	memset(a, 0, sizeof *a);
	a->deal_id = deal;
	snprintf(a->as_of, sizeof a->as_of, "%s", as_of);
	store_read_one(st, s, STORE_ARGS(STORE_INT(deal)), &head_rows, a,
	               "the store");
	if (a->deal == NULL)
		return kam_err(KAM_NOTFOUND, _("unknown deal"));
	if ((rc = store_gate_deal_profile(st, deal, &profile)) != KAM_OK)
		return rc;
	a->profile = profile_name(st, profile);
	rc = store_gate_rubric(st, profile, 0, &a->crit, &a->ncrit);
	for (i = 0; rc == KAM_OK && i < sizeof parts / sizeof parts[0]; i++)
		rc = store_each(st, store_stmt(st, parts[i].sql),
		                STORE_ARGS(STORE_INT(deal), STORE_TEXT(as_of)),
		                parts[i].row, &l, parts[i].what);
	if (rc == KAM_OK &&
	    (rc = load_stances(st, deal, as_of, a, l.cids)) == KAM_OK &&
	    (rc = load_allies(st, deal, as_of, a)) == KAM_OK)
		rc = load_contacts(st, as_of, a);
	free(l.cids);
	return rc;
}

/* Runs */

int
store_gate_run_add(struct store *st, int64_t deal, const char *as_of,
                   const char *verdict, const char *snapshot,
                   const char *reasons, int64_t *number, int *same)
{
	static const char qlast[] =
	    "SELECT id, number, CASE WHEN snapshot = ? THEN 1 ELSE 0 END "
	    "FROM gate_run WHERE deal_id = ? ORDER BY number DESC LIMIT 1";
	/* A run stored before the codes were kept takes them: its
	 * snapshot is what they say. */
	static const char upd[] =
	    "UPDATE gate_run SET checked = ?1, "
	    "reasons = coalesce(reasons, ?3) WHERE id = ?2";
	static const char ins[] =
	    "INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, "
	    "actor, verdict, snapshot, reasons) "
	    "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8)";
	char now[KAM_STAMP_LEN];
	db_stmt *s;
	int64_t last = 0, id = 0;
	int rc;

	kam_now(now);
	*same = 0;
	if ((rc = store_begin(st, STORE_TX_WRITE)) != KAM_OK)
		return rc;
	s = store_stmt(st, qlast);
	if (store_first(st, s,
	                STORE_ARGS(STORE_TEXT(snapshot), STORE_INT(deal)),
	                "the store")) {
		id = db_column_int64(s, 0);
		last = db_column_int64(s, 1);
		*same = db_column_int(s, 2);
		db_reset(s);
	}
	if (*same) {
		/* The same inputs gave the same results: one run, checked
		 * again. */
		*number = last;
		return finish(st, store_stmt(st, upd),
		              STORE_ARGS(STORE_TEXT(now), STORE_INT(id),
		                         STORE_TEXT(reasons)),
		              "cannot store the run");
	}
	*number = last + 1;
	return finish(st, store_stmt(st, ins),
	              STORE_ARGS(STORE_INT(deal), STORE_INT(*number),
	                         STORE_TEXT(as_of), STORE_TEXT(now),
	                         STORE_TEXT(kam_actor()), STORE_TEXT(verdict),
	                         STORE_TEXT(snapshot), STORE_TEXT(reasons)),
	              "cannot store the run");
}

static int
run_row(db_stmt *s, void *arg)
{
	struct gate_run_info *x = kam_array_add(arg, sizeof *x);
	int g;

	x->number = db_column_int64(s, 0);
	snprintf(x->as_of, sizeof x->as_of, "%s",
	         (const char *)db_column_text(s, 1));
	x->recorded = store_col_dup(s, 2);
	x->checked = store_col_dup(s, 3);
	x->actor = store_col_dup(s, 4);
	x->verdict = store_col_dup(s, 5);
	for (g = 0; g < GATE_COUNT; g++)
		x->status[g] = store_col_dup(s, 6 + g);
	return KAM_OK;
}

int
store_gate_runs(struct store *st, int64_t deal, struct gate_run_info **out,
                size_t *n)
{
	static const char q[] = "SELECT number, as_of, recorded, checked, "
	                        "actor, verdict, "
	                        "json_extract(snapshot, '$.gates[0].status'), "
	                        "json_extract(snapshot, '$.gates[1].status'), "
	                        "json_extract(snapshot, '$.gates[2].status'), "
	                        "json_extract(snapshot, '$.gates[3].status') "
	                        "FROM gate_run WHERE deal_id = ? "
	                        "ORDER BY number";
	static const char q_pg[] = "SELECT number, as_of, recorded, checked, "
	                           "actor, verdict, "
	                           "snapshot::jsonb #>> '{gates,0,status}', "
	                           "snapshot::jsonb #>> '{gates,1,status}', "
	                           "snapshot::jsonb #>> '{gates,2,status}', "
	                           "snapshot::jsonb #>> '{gates,3,status}' "
	                           "FROM gate_run WHERE deal_id = ? "
	                           "ORDER BY number";
	struct kam_array a = {0};
	int rc;

	rc = store_each(st, store_stmt_dialect(st, q, q_pg),
	                STORE_ARGS(STORE_INT(deal)), run_row, &a, "the runs");
	if (rc != KAM_OK)
		gate_runs_free(a.v, a.n);
	else {
		*out = a.v;
		*n = a.n;
	}
	return rc;
}

#define F(f, k) STORE_FIELD(struct gate_list_row, f, k)
STORE_ROWS(list_rows, struct gate_list_row, F(deal, TEXT), F(name, TEXT),
           F(verdict, TEXT), F(as_of, TEXT), F(run, INT64), F(recorded, TEXT),
           F(status, TEXT));
#undef F

int
store_gate_list_each(struct store *st, int64_t account, int all,
                     int (*fn)(const struct gate_list_row *, void *), void *arg)
{
	static const char q[] =
	    "SELECT ac.handle || '/' || d.handle, d.name, r.verdict, "
	    "r.as_of, r.number, r.recorded, d.status FROM deal d "
	    "JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id AND r.number = "
	    "(SELECT max(number) FROM gate_run WHERE deal_id = d.id) "
	    "WHERE (?1 = 0 OR d.account_id = ?1) "
	    "AND (?2 <> 0 OR d.status = 'open') ORDER BY ac.handle, d.handle";

	return store_each_read(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(account), STORE_INT(all != 0)), &list_rows,
	    (store_fn)fn, arg, "the deals");
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

/* A run's snapshot being read, and the room of its arrays. */
struct snap_read {
	struct gate_snap *snap;
	size_t crit, nodes;
};

static int
snap_gate_row(db_stmt *s, void *arg)
{
	struct gate_snap *snap = ((struct snap_read *)arg)->snap;
	int g = db_column_int(s, 0);

	if (g < 1 || g > GATE_COUNT)
		return KAM_OK;
	snap->status[g - 1] = status_parse((const char *)db_column_text(s, 1));
	if (db_column_type(s, 2) != DB_NULL) {
		snap->scored[g - 1] = 1;
		snap->score_value[g - 1] = db_column_double(s, 2);
	}
	return KAM_OK;
}

#define F(f, k) STORE_FIELD(struct gate_snap_crit, f, k)
STORE_ROWS(snap_crit_rows, struct gate_snap_crit, F(gate, INT), F(key, DUP),
           F(answer, DUP), F(source, DUP), F(evidence, DUP));
#undef F

static int
snap_crit_row(db_stmt *s, void *arg)
{
	struct snap_read *r = arg;
	struct gate_snap *snap = r->snap;
	struct gate_snap_crit *c;

	c = KAM_PUSH(snap->crit, snap->ncrit, r->crit);
	store_read(s, &snap_crit_rows, c);
	return KAM_OK;
}

/* One node of a run's reasons as codes into the snapshot's nodes. */
static int
snap_node_row(db_stmt *s, void *arg)
{
	struct snap_read *r = arg;
	struct gate_snap *snap = r->snap;
	struct reason_node v = {.up = db_column_type(s, 0) == DB_NULL
	                                  ? -1
	                                  : (long)db_column_int64(s, 0),
	                        .criterion = store_col_dup(s, 1),
	                        .gate = db_column_int(s, 2),
	                        .kind = store_col_dup(s, 3),
	                        .sentence = store_col_dup(s, 4),
	                        .text = store_col_dup(s, 5)};

	snap->nodes = xgrow(snap->nodes, snap->nnodes, &r->nodes, sizeof v);
	snap->nodes[snap->nnodes++] = v;
	return KAM_OK;
}

/* Run ?1's gates, read from its snapshot. */
static const char q_snap_gates[] =
    "SELECT json_extract(g.value, '$.gate'), "
    "json_extract(g.value, '$.status'), "
    "json_extract(g.value, '$.score') "
    "FROM gate_run r, json_each(r.snapshot, '$.gates') g "
    "WHERE r.id = ?";
static const char q_snap_gates_pg[] =
    "SELECT g.value ->> 'gate', g.value ->> 'status', "
    "(g.value ->> 'score')::double precision "
    "FROM gate_run r, "
    "jsonb_array_elements(r.snapshot::jsonb -> 'gates') g "
    "WHERE r.id = ?";
/* Its criteria. */
static const char q_snap_crit[] =
    "SELECT json_extract(g.value, '$.gate'), "
    "json_extract(c.value, '$.key'), "
    "json_extract(c.value, '$.answer'), "
    "json_extract(c.value, '$.source'), "
    "json_extract(c.value, '$.evidence') "
    "FROM gate_run r, json_each(r.snapshot, '$.gates') g, "
    "json_each(g.value, '$.criteria') c "
    "WHERE r.id = ? ORDER BY g.key, c.key";
static const char q_snap_crit_pg[] =
    "SELECT g.value ->> 'gate', c.value ->> 'key', "
    "c.value ->> 'answer', c.value ->> 'source', "
    "c.value ->> 'evidence' "
    "FROM gate_run r, jsonb_array_elements(r.snapshot::jsonb -> "
    "'gates') WITH ORDINALITY g (value, i), "
    "jsonb_array_elements(g.value -> 'criteria') WITH ORDINALITY "
    "c (value, i) "
    "WHERE r.id = ? ORDER BY g.i, c.i";
/* The nodes of its reasons as codes (reason.h), in their order. */
static const char q_snap_nodes[] =
    "SELECT json_extract(n.value, '$.up'), "
    "json_extract(n.value, '$.criterion'), "
    "json_extract(n.value, '$.gate'), "
    "json_extract(n.value, '$.kind'), "
    "json_extract(n.value, '$.sentence'), "
    "json_extract(n.value, '$.text') "
    "FROM gate_run r, json_each(r.reasons) n "
    "WHERE r.id = ? AND json_valid(r.reasons) ORDER BY n.key";
static const char q_snap_nodes_pg[] =
    "SELECT (n.value ->> 'up')::bigint, n.value ->> 'criterion', "
    "(n.value ->> 'gate')::integer, n.value ->> 'kind', "
    "n.value ->> 'sentence', n.value ->> 'text' "
    "FROM gate_run r, jsonb_array_elements(r.reasons::jsonb) "
    "WITH ORDINALITY n (value, i) WHERE r.id = ? ORDER BY n.i";

/*
 * The parts of a run's snapshot, each a query over the run (?1) in both
 * dialects; the last, the reasons as codes, only for a run that has
 * them (coded).
 */
static const struct snap_part {
	const char *lite, *pg;
	int (*row)(db_stmt *, void *);
} snap_parts[] = {{q_snap_gates, q_snap_gates_pg, snap_gate_row},
                  {q_snap_crit, q_snap_crit_pg, snap_crit_row},
                  {q_snap_nodes, q_snap_nodes_pg, snap_node_row}};

int
store_gate_snap_load(struct store *st, int64_t deal, int64_t number,
                     struct gate_snap *snap)
{
	static const char q[] =
	    "SELECT id, as_of, verdict, reasons IS NOT NULL FROM gate_run "
	    "WHERE deal_id = ? AND number = ?";
	db_stmt *s = store_stmt(st, q);
	struct snap_read r = {snap, 0, 0};
	size_t i, n;
	int64_t run;
	int rc = KAM_OK, g;

	memset(snap, 0, sizeof *snap);
	if (!store_first(st, s, STORE_ARGS(STORE_INT(deal), STORE_INT(number)),
	                 "the store")) {
		char *ref = store_deal_ref(st, deal);

		rc = kam_err(
		    KAM_NOTFOUND,
		    _("no run %lld of deal '%s' (see 'kam-gate history')"),
		    (long long)number, ref);
		free(ref);
		return rc;
	}
	run = db_column_int64(s, 0);
	snprintf(snap->as_of, sizeof snap->as_of, "%s",
	         (const char *)db_column_text(s, 1));
	snap->verdict = store_col_dup(s, 2);
	snap->coded = db_column_int(s, 3);
	db_reset(s);
	for (g = 0; g < GATE_COUNT; g++)
		snap->status[g] = GATE_NOT_REACHED;
	n = sizeof snap_parts / sizeof snap_parts[0];
	if (!snap->coded)
		n--;
	for (i = 0; rc == KAM_OK && i < n; i++)
		rc = store_each(st,
		                store_stmt_dialect(st, snap_parts[i].lite,
		                                   snap_parts[i].pg),
		                STORE_ARGS(STORE_INT(run)), snap_parts[i].row,
		                &r, "the run");
	return rc;
}
