/*
 * Erasing a person (kam-org person erase, kam(7) ERASURE): the person
 * becomes a tombstone under a neutral handle, and every copy of their
 * name, title, external id and observation texts is removed from the
 * store in one write transaction, without touching the chain or any
 * append-only guard.  store_compact then rewrites the files, so that
 * nothing erased is left in free pages or in the log.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

#include "store-int.h"

/* A string to erase and what takes its place in a stored gate run. */
struct subst {
	char *from;
	char *to;
	int whole; /* replaced only where it is a whole value: too short to
	              be looked for inside other text */
	int name;  /* a name alone: replaced only where it is a whole value
	              that the person's reference follows (a run's codes),
	              never inside other text, where another person's name
	              or a criterion's key may hold it */
};

struct erase {
	int64_t id, account;
	char *handle, *ref, *name, *title, *ext_id, *account_handle;
	char *erased; /* when the person was erased, or NULL */
	char *neutral, *neutral_ref;
	struct subst *v;
	size_t n, cap;
	char **names; /* every name the person had */
	size_t nnames, names_cap;
};

/* Below this many bytes a string is only replaced as a whole value. */
#define ERASE_MIN_INSIDE 4

static void
add_as(struct erase *e, const char *from, const char *to, int whole, int name)
{
	size_t i;

	if (from == NULL || *from == '\0')
		return;
	for (i = 0; i < e->n; i++)
		if (strcmp(e->v[i].from, from) == 0) {
			/* A name is erased as a name, whatever else it is. */
			if (name && !e->v[i].name) {
				free(e->v[i].to);
				e->v[i].to = xstrdup(to);
				e->v[i].whole = e->v[i].name = 1;
			}
			return;
		}
	e->v = xgrow(e->v, e->n, &e->cap, sizeof *e->v);
	e->v[e->n].from = xstrdup(from);
	e->v[e->n].to = xstrdup(to);
	e->v[e->n].whole = whole || name || strlen(from) < ERASE_MIN_INSIDE;
	e->v[e->n].name = name;
	e->n++;
}

static void
add(struct erase *e, const char *from, const char *to)
{
	add_as(e, from, to, 0, 0);
}

static void
add_name(struct erase *e, const char *name)
{
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; i < e->nnames; i++)
		if (strcmp(e->names[i], name) == 0)
			return;
	e->names = xgrow(e->names, e->nnames, &e->names_cap, sizeof *e->names);
	e->names[e->nnames++] = xstrdup(name);
}

/* FMT with the old reference (and name), and with the neutral ones. */
static void
add_ref(struct erase *e, const char *name, const char *fmt)
{
	char *from, *to;

	xasprintf(&from, fmt, name, e->ref);
	xasprintf(&to, fmt, e->neutral, e->neutral_ref);
	add(e, from, to);
	free(from);
	free(to);
}

static int
longest_first(const void *a, const void *b)
{
	size_t x = strlen(((const struct subst *)a)->from);
	size_t y = strlen(((const struct subst *)b)->from);

	return x < y ? 1 : x > y ? -1 : 0;
}

static void
erase_free(struct erase *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->v[i].from);
		free(e->v[i].to);
	}
	free(e->v);
	for (i = 0; i < e->nnames; i++)
		free(e->names[i]);
	free(e->names);
	free(e->handle);
	free(e->ref);
	free(e->name);
	free(e->title);
	free(e->ext_id);
	free(e->account_handle);
	free(e->erased);
	free(e->neutral);
	free(e->neutral_ref);
}

/*
 * s with every string to erase replaced; NULL when none is in it.
 * ref_follows: s is a node of a run's codes that the person's reference
 * follows, as its sibling or its child (a name alone is replaced there).
 */
static char *
scrub(const struct erase *e, const char *s, int ref_follows)
{
	char *cur = NULL;
	size_t i;

	for (i = 0; i < e->n; i++) {
		const char *in = cur ? cur : s, *p, *q;
		size_t flen = strlen(e->v[i].from);
		struct buf b = {0};

		if (e->v[i].name && !ref_follows)
			continue;
		if (e->v[i].whole) {
			if (strcmp(in, e->v[i].from) == 0) {
				free(cur);
				cur = xstrdup(e->v[i].to);
			}
			continue;
		}
		if ((q = strstr(in, e->v[i].from)) == NULL)
			continue;
		for (p = in; q != NULL;
		     p = q + flen, q = strstr(p, e->v[i].from)) {
			buf_add(&b, p, (size_t)(q - p));
			buf_puts(&b, e->v[i].to);
		}
		buf_puts(&b, p);
		free(cur);
		cur = b.s ? b.s : xstrdup("");
	}
	return cur;
}

/*
 * The changes of one snapshot, in the database db (the store's, or one
 * in memory): each text value with the strings replaced, as a path and
 * its new value.
 */
struct change {
	int64_t id;
	char *path, *value;
};

static void
changes_add(struct kam_array *a, int64_t id, const char *path, char *value)
{
	struct change *c = kam_array_add(a, sizeof *c);

	c->id = id;
	c->path = xstrdup(path);
	c->value = value;
}

static void
changes_free(struct kam_array *a)
{
	struct change *c = a->v;
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(c[i].path);
		free(c[i].value);
	}
	free(a->v);
}

/*
 * The "text" member of each node of a run's codes (the JSON doc, its
 * rows from the tables in from and json_each), as a path, its value and
 * whether the node after it is the person's reference (ref) as its
 * sibling (same up) or its child (up is its index): where a name alone
 * is a person's (kam(7), Gate runs).
 */
#define CODES_TEXTS(doc, ref, from)                                            \
	"'$[' || n.key || '].text', json_extract(n.value, '$.text'), "         \
	"coalesce(json_extract(" doc                                           \
	", '$[' || (n.key + 1) || '].text') = " ref " AND json_extract(" doc   \
	", '$[' || (n.key + 1) || '].up') "                                    \
	"IN (json_extract(n.value, '$.up'), n.key), 0) FROM " from             \
	"json_each(" doc ") n WHERE json_type(n.value, '$.text') = 'text'"

/*
 * The two JSON columns of a stored gate run: its snapshot, each text
 * value rewritten, and its reasons as codes (kam(7), Gate runs), only
 * the "text" members rewritten (a sentence or a kind is never a
 * person's).  Each with its queries on a store file (json_set on the
 * column; q's rows: run, path, value, whether the reference follows)
 * and on a team store (the whole document, its texts read by q_mem in
 * SQLite, ?1 the document, ?2 the reference when ref).
 */
static const struct run_col {
	const char *q, *qset, *q_pg, *qset_pg, *q_mem;
	int ref; /* q takes the person's reference as ?1, q_mem as ?2 */
} run_cols[] = {
    {"SELECT r.id, t.fullkey, t.atom, 0 FROM gate_run r, "
     "json_tree(r.snapshot) t WHERE json_valid(r.snapshot) "
     "AND t.type = 'text' ORDER BY r.id, t.id",
     "UPDATE gate_run SET snapshot = json_set(snapshot, ?2, ?3) "
     "WHERE id = ?1",
     "SELECT id, snapshot FROM gate_run ORDER BY id",
     "UPDATE gate_run SET snapshot = ?2 WHERE id = ?1",
     "SELECT fullkey, atom, 0 FROM json_tree(?1) WHERE type = 'text' "
     "ORDER BY id",
     0},
    {"SELECT r.id, " CODES_TEXTS(
         "r.reasons", "?1",
         "gate_run r, ") " AND json_valid(r.reasons) ORDER BY r.id, n.key",
     "UPDATE gate_run SET reasons = json_set(reasons, ?2, ?3) "
     "WHERE id = ?1",
     "SELECT id, reasons FROM gate_run WHERE reasons IS NOT NULL "
     "ORDER BY id",
     "UPDATE gate_run SET reasons = ?2 WHERE id = ?1",
     "SELECT " CODES_TEXTS("?1", "?2", "") " ORDER BY n.key", 1},
};

/*
 * A team store's JSON column, rewritten by SQLite's JSON functions in
 * the memory database mem as json_set rewrites it on a store file: a
 * new string, or NULL when nothing in it is to be erased (or it is not
 * JSON).
 */
static char *
scrub_snapshot(sqlite3 *mem, const struct erase *e, const char *json,
               const struct run_col *col, int *failed)
{
	struct kam_array a = {0};
	struct change *c;
	size_t i;
	db_stmt *s = NULL;
	char *cur = NULL;
	int ok = 1, step;

	if (db_sqlite_prepare(mem, "SELECT json_valid(?1)", &s) != 0)
		return NULL;
	store_bind_static(s, 1, json);
	if ((step = db_step(s)) == DB_ROW)
		ok = db_column_int(s, 0) == 1;
	else
		*failed = 1;
	db_finalize(s);
	if (*failed || !ok || db_sqlite_prepare(mem, col->q_mem, &s) != 0)
		return NULL;
	store_bind_static(s, 1, json);
	if (col->ref)
		store_bind_static(s, 2, e->ref);
	while ((step = db_step(s)) == DB_ROW) {
		const char *atom = (const char *)db_column_text(s, 1);
		char *v = atom ? scrub(e, atom, db_column_int(s, 2)) : NULL;

		if (v != NULL)
			changes_add(&a, 0, (const char *)db_column_text(s, 0),
			            v);
	}
	db_finalize(s);
	if (step != DB_DONE)
		*failed = 1;
	if (!*failed && a.n > 0 &&
	    db_sqlite_prepare(mem, "SELECT json_set(?1, ?2, ?3)", &s) == 0) {
		cur = xstrdup(json);
		for (i = 0, c = a.v; cur != NULL && i < a.n; i++) {
			db_reset(s);
			store_bind_text(s, 1, cur);
			store_bind_static(s, 2, c[i].path);
			store_bind_static(s, 3, c[i].value);
			free(cur);
			cur = db_step(s) == DB_ROW ? store_col_dup(s, 0) : NULL;
			if (cur == NULL)
				*failed = 1;
		}
		db_finalize(s);
	}
	changes_free(&a);
	return cur;
}

/* The changes to a JSON column of the gate runs being collected. */
struct run_scrub {
	const struct erase *e;
	const struct run_col *col;
	sqlite3 *mem; /* a team store's: where its documents are rewritten */
	struct kam_array changes; /* of struct change */
};

/* A team store's run s (its id and document), rewritten whole. */
static int
run_doc_row(db_stmt *s, void *arg)
{
	struct run_scrub *r = arg;
	const char *json = (const char *)db_column_text(s, 1);
	int failed = 0;
	char *v =
	    json ? scrub_snapshot(r->mem, r->e, json, r->col, &failed) : NULL;

	if (failed)
		return kam_err(KAM_INTERNAL,
		               _("cannot rewrite the gate runs: a run's "
		                 "document cannot be read"));
	if (v != NULL)
		changes_add(&r->changes, db_column_int64(s, 0), "", v);
	return KAM_OK;
}

/* A text value s of a run (its id, path, value, whether the reference
 * follows it), rewritten where it holds something to erase. */
static int
run_text_row(db_stmt *s, void *arg)
{
	struct run_scrub *r = arg;
	const char *atom = (const char *)db_column_text(s, 2);
	char *v = atom ? scrub(r->e, atom, db_column_int(s, 3)) : NULL;

	if (v != NULL)
		changes_add(&r->changes, db_column_int64(s, 0),
		            (const char *)db_column_text(s, 1), v);
	return KAM_OK;
}

/*
 * A JSON column of the stored gate runs of a team store: PostgreSQL
 * has neither json_tree nor json_set, and its own JSON functions write
 * a document otherwise (keys reordered, spaces), so each document is
 * rewritten by SQLite's, in memory, and stored whole.
 */
static int
scrub_runs_pg(struct store *st, const struct erase *e,
              const struct run_col *col)
{
	struct run_scrub r = {e, col, db_sqlite_memory(), {NULL, 0, 0}};
	struct change *c;
	size_t i;
	int rc;

	if (r.mem == NULL)
		return kam_err(
		    KAM_INTERNAL,
		    _("cannot rewrite the gate runs: out of memory"));
	rc = store_each(st, store_stmt(st, col->q_pg), NULL, run_doc_row, &r,
	                "the gate runs");
	db_sqlite_close(r.mem);
	for (i = 0, c = r.changes.v; rc == KAM_OK && i < r.changes.n; i++)
		rc = store_put(
		    st, store_stmt(st, col->qset_pg),
		    STORE_ARGS(STORE_INT(c[i].id), STORE_TEXT(c[i].value)),
		    "cannot rewrite a gate run");
	changes_free(&r.changes);
	return rc;
}

/*
 * A JSON column of the stored gate runs: each text value with the
 * strings replaced (a run keeps its verdict, numbers and dates).  The
 * changes are collected first, then written.
 */
static int
scrub_run_col(struct store *st, const struct erase *e,
              const struct run_col *col)
{
	struct run_scrub r = {e, col, NULL, {NULL, 0, 0}};
	struct change *c;
	size_t i;
	int rc;

	if (store_on_pg(st))
		return scrub_runs_pg(st, e, col);
	rc = store_each(st, store_stmt(st, col->q),
	                col->ref ? STORE_ARGS(STORE_TEXT(e->ref)) : NULL,
	                run_text_row, &r, "the gate runs");
	for (i = 0, c = r.changes.v; rc == KAM_OK && i < r.changes.n; i++)
		rc = store_put(st, store_stmt(st, col->qset),
		               STORE_ARGS(STORE_INT(c[i].id),
		                          STORE_TEXT(c[i].path),
		                          STORE_TEXT(c[i].value)),
		               "cannot rewrite a gate run");
	changes_free(&r.changes);
	return rc;
}

/* The stored gate runs: their snapshots, then their reasons. */
static int
scrub_runs(struct store *st, const struct erase *e)
{
	size_t i;
	int rc = KAM_OK;

	for (i = 0; rc == KAM_OK && i < sizeof run_cols / sizeof *run_cols; i++)
		rc = scrub_run_col(st, e, &run_cols[i]);
	return rc;
}

/* A ';'-joined list of managers with the erased person's handle
 * replaced; NULL when it is not in it. */
static char *
scrub_list(const struct erase *e, const char *list, int bare)
{
	struct buf b = {0};
	const char *p = list, *end;
	int hit = 0;

	for (;;) {
		size_t n;

		end = strchr(p, ';');
		n = end ? (size_t)(end - p) : strlen(p);
		if (p != list)
			buf_puts(&b, ";");
		if (n == strlen(e->ref) && strncmp(p, e->ref, n) == 0) {
			buf_puts(&b, e->neutral_ref);
			hit = 1;
		} else if (bare && n == strlen(e->handle) &&
		           strncmp(p, e->handle, n) == 0) {
			buf_puts(&b, e->neutral);
			hit = 1;
		} else
			buf_add(&b, p, n);
		if (end == NULL)
			break;
		p = end + 1;
	}
	if (!hit) {
		free(b.s);
		return NULL;
	}
	return b.s ? b.s : xstrdup("");
}

/* A log's values rewritten (scrub_manager_logs). */
struct log_change {
	int64_t id;
	char *old_value, *new_value;
};
struct log_changes {
	const struct erase *e;
	struct kam_array rows; /* of struct log_change */
};

/* A log row s (its id, values, and whether a bare handle is the
 * person's) rewritten where a list names the person. */
static int
manager_log_row(db_stmt *s, void *arg)
{
	struct log_changes *lc = arg;
	const char *o = (const char *)db_column_text(s, 1);
	const char *w = (const char *)db_column_text(s, 2);
	int bare = db_column_int(s, 3);
	char *o2 = o ? scrub_list(lc->e, o, bare) : NULL;
	char *w2 = w ? scrub_list(lc->e, w, bare) : NULL;
	struct log_change *r;

	if (o2 == NULL && w2 == NULL)
		return KAM_OK;
	r = kam_array_add(&lc->rows, sizeof *r);
	r->id = db_column_int64(s, 0);
	r->old_value = o2 ? o2 : xstrdup_null(o);
	r->new_value = w2 ? w2 : xstrdup_null(w);
	return KAM_OK;
}

/*
 * Other people's logs name the erased person as a manager (reports_to,
 * dotted_to): bare in the same account, ACCOUNT/HANDLE across accounts.
 */
static int
scrub_manager_logs(struct store *st, const struct erase *e)
{
	static const char q[] =
	    "SELECT h.id, h.old_value, h.new_value, "
	    "p.account_id = ?1 OR h.field = 'dotted_to' "
	    "FROM person_history h JOIN person p ON p.id = h.person_id "
	    "WHERE h.field IN ('reports_to', 'dotted_to') "
	    "AND (instr(h.old_value, ?2) > 0 OR instr(h.new_value, ?2) > 0)";
	static const char q_pg[] =
	    "SELECT h.id, h.old_value, h.new_value, "
	    "p.account_id = ?1 OR h.field = 'dotted_to' "
	    "FROM person_history h JOIN person p ON p.id = h.person_id "
	    "WHERE h.field IN ('reports_to', 'dotted_to') "
	    "AND (strpos(h.old_value, ?2) > 0 OR strpos(h.new_value, ?2) > 0)";
	static const char qset[] =
	    "UPDATE person_history SET old_value = ?2, new_value = ?3 "
	    "WHERE id = ?1";
	struct log_changes lc = {e, {NULL, 0, 0}};
	struct log_change *r;
	size_t i;
	int rc;

	rc =
	    store_each(st, store_stmt_dialect(st, q, q_pg),
	               STORE_ARGS(STORE_INT(e->account), STORE_TEXT(e->handle)),
	               manager_log_row, &lc, "the people's logs");
	for (i = 0, r = lc.rows.v; i < lc.rows.n; i++) {
		if (rc == KAM_OK)
			rc = store_put(st, store_stmt(st, qset),
			               STORE_ARGS(STORE_INT(r[i].id),
			                          STORE_TEXT(r[i].old_value),
			                          STORE_TEXT(r[i].new_value)),
			               "cannot rewrite a log");
		free(r[i].old_value);
		free(r[i].new_value);
	}
	free(lc.rows.v);
	return rc;
}

/* Adds column 0 of s to the ", "-joined list arg (a struct buf). */
static int
list_row(db_stmt *s, void *arg)
{
	struct buf *b = arg;

	buf_printf(b, "%s%s", b->len ? ", " : "",
	           (const char *)db_column_text(s, 0));
	return KAM_OK;
}

/* "N, N and N" of the ids a query on ?1 returns, or NULL for none. */
static char *
id_list(struct store *st, const char *q, int64_t id, int *rc)
{
	struct buf b = {0};

	*rc = store_each(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)),
	                 list_row, &b, "the person's records");
	return b.s;
}

#define F(m, k) STORE_FIELD(struct erase, m, k)
STORE_ROWS(erase_rows, struct erase, F(handle, DUP), F(name, DUP),
           F(title, DUP), F(ext_id, DUP), F(erased, DUP),
           F(account_handle, DUP), F(account, INT64));
#undef F

/* The person's row into E, refused when erased already or when texts
 * that encoding 1 hashed would have to leave the chain. */
static int
plan_person(struct store *st, int64_t person, struct erase *e)
{
	static const char qperson[] =
	    "SELECT p.handle, p.name, p.title, p.ext_id, p.erased, "
	    "a.handle, p.account_id FROM person p "
	    "JOIN account a ON a.id = p.account_id WHERE p.id = ?1";
	/* Texts that encoding 1 hashed: they cannot leave the chain. */
	static const char qv1[] =
	    "SELECT id FROM observation WHERE person_id = ?1 "
	    "AND hash_version = 1 AND (note IS NOT NULL OR source IS NOT NULL "
	    "OR why IS NOT NULL) ORDER BY id";
	char *ids;
	int rc;

	memset(e, 0, sizeof *e);
	e->id = person;
	if (!store_read_one(st, store_stmt(st, qperson),
	                    STORE_ARGS(STORE_INT(e->id)), &erase_rows, e,
	                    "the person"))
		return store_failed(st)
		           ? store_failed(st)
		           : store_fail(st, "cannot read the person");
	xasprintf(&e->ref, "%s/%s", e->account_handle, e->handle);
	if (e->erased != NULL)
		return kam_err(KAM_CONFLICT, _("'%s' was erased on %s already"),
		               e->ref, e->erased);
	ids = id_list(st, qv1, e->id, &rc);
	if (rc == KAM_OK && ids != NULL)
		rc = kam_err(
		    KAM_CONFLICT,
		    _("'%s' cannot be erased: the texts of observations "
		      "%s were written before schema version 4 and "
		      "their hashes cover them, so removing them would "
		      "break the chain (kam(7), ERASURE)"),
		    e->ref, ids);
	free(ids);
	return rc;
}

/* A neutral handle, free in the account: erased-ID, or erased-ID-K. */
static int
plan_neutral(struct store *st, struct erase *e)
{
	static const char qtaken[] =
	    "SELECT 1 FROM person WHERE account_id = ?1 AND handle = ?2";
	db_stmt *s;
	int k, rc;

	for (k = 1;; k++) {
		free(e->neutral);
		if (k == 1)
			xasprintf(&e->neutral, "erased-%lld", (long long)e->id);
		else
			xasprintf(&e->neutral, "erased-%lld-%d",
			          (long long)e->id, k);
		s = store_stmt(st, qtaken);
		if (!store_first(st, s,
		                 STORE_ARGS(STORE_INT(e->account),
		                            STORE_TEXT(e->neutral)),
		                 "the handles"))
			break;
		db_reset(s);
	}
	if ((rc = store_failed(st)) != KAM_OK)
		return rc;
	xasprintf(&e->neutral_ref, "%s/%s", e->account_handle, e->neutral);
	return KAM_OK;
}

/* A change of the person's log s (field, old, new): a name, else a
 * title or an external id, each value to erase. */
static int
log_value_row(db_stmt *s, void *arg)
{
	struct erase *e = arg;

	if (strcmp((const char *)db_column_text(s, 0), "name") == 0) {
		add_name(e, (const char *)db_column_text(s, 1));
		add_name(e, (const char *)db_column_text(s, 2));
		return KAM_OK;
	}
	add(e, (const char *)db_column_text(s, 1), "");
	add(e, (const char *)db_column_text(s, 2), "");
	return KAM_OK;
}

/* A text of the person's observations s, to erase. */
static int
text_row(db_stmt *s, void *arg)
{
	add(arg, (const char *)db_column_text(s, 0), "");
	return KAM_OK;
}

/*
 * What replaces each string in a gate run: the name and the reference
 * the neutral ones, everything else nothing.  A run names a member
 * "NAME (REF)" or "NAME (REF, ...": the reference is replaced where it
 * ends so, or is a whole value, never inside another one (acme/li in
 * acme/li-wei); a name (the person's, or one their log has held) where
 * the reference follows it so, or alone in a node of the codes that the
 * reference follows, never inside other text (Anna in Annabel, or in a
 * criterion's key or question).  The person's texts and every title and
 * external id their log has held are replaced too.
 */
static int
plan_strings(struct store *st, struct erase *e)
{
	static const char qtexts[] =
	    "SELECT text FROM observation_text WHERE observation_id IN "
	    "(SELECT id FROM observation WHERE person_id = ?1)";
	static const char qlog[] =
	    "SELECT field, old_value, new_value FROM person_history "
	    "WHERE person_id = ?1 AND field IN ('name', 'title', 'ext_id')";
	size_t k;
	int rc;

	add_ref(e, e->name, "%.0s(%s)");
	add_ref(e, e->name, "%.0s(%s,");
	add_ref(e, e->name, "%.0s'%s'");
	add_as(e, e->ref, e->neutral_ref, 1, 0);
	add(e, e->title, "");
	add(e, e->ext_id, "");
	if ((rc = store_each(st, store_stmt(st, qlog),
	                     STORE_ARGS(STORE_INT(e->id)), log_value_row, e,
	                     "the log")) != KAM_OK)
		return rc;
	add_name(e, e->name);
	/* Each name the person has had, with the reference and alone. */
	for (k = 0; k < e->nnames; k++) {
		add_ref(e, e->names[k], "%s (%s)");
		add_ref(e, e->names[k], "%s (%s,");
		add_as(e, e->names[k], e->neutral, 1, 1);
	}
	return store_each(st, store_stmt(st, qtexts),
	                  STORE_ARGS(STORE_INT(e->id)), text_row, e,
	                  "the texts");
}

/* A deal's log is append-only: a name in it cannot be erased. */
static int
plan_owner(struct store *st, struct erase *e)
{
	static const char qowner[] =
	    "SELECT a.handle || '/' || d.handle FROM deal_history h "
	    "JOIN deal d ON d.id = h.deal_id JOIN account a ON a.id = "
	    "d.account_id WHERE h.field = 'owner' AND (h.old_value = ?2 OR "
	    "h.new_value = ?2) AND d.account_id = ?1 ORDER BY d.id LIMIT 1";
	db_stmt *s;
	size_t k;
	int rc;

	for (k = 0; k < e->nnames; k++) {
		s = store_stmt(st, qowner);
		if (store_first(st, s,
		                STORE_ARGS(STORE_INT(e->account),
		                           STORE_TEXT(e->names[k])),
		                "the deals' logs")) {
			char *deal = store_col_dup(s, 0);

			db_reset(s);
			rc = kam_err(KAM_CONFLICT,
			             _("'%s' cannot be erased: the log of deal "
			               "'%s' names them as its owner, and a "
			               "deal's log is append-only (kam(7), "
			               "ERASURE)"),
			             e->ref, deal);
			free(deal);
			return rc;
		}
		if ((rc = store_failed(st)) != KAM_OK)
			return rc;
	}
	return KAM_OK;
}

/* What is to be erased, and whether it can be; reports why not. */
static int
plan(struct store *st, int64_t person, struct erase *e)
{
	int rc;

	if ((rc = plan_person(st, person, e)) != KAM_OK ||
	    (rc = plan_neutral(st, e)) != KAM_OK ||
	    (rc = plan_strings(st, e)) != KAM_OK ||
	    (rc = plan_owner(st, e)) != KAM_OK)
		return rc;
	qsort(e->v, e->n, sizeof *e->v, longest_first);
	return KAM_OK;
}

/* The person's own records made a tombstone, once their gate runs and
 * the other logs are scrubbed. */
static int
erase_records(struct store *st, const struct erase *e, const char *reason)
{
	/* The record: a tombstone keeps the account, the place in the
	 * organisation (department, level, reporting lines), the roles,
	 * links, contacts and stances. */
	static const char qperson[] =
	    "UPDATE person SET handle = ?2, name = ?2, title = NULL, "
	    "ext_id = NULL, erased = ?3 WHERE id = ?1";
	/* The log keeps that a name or title changed, and when. */
	static const char qlog[] =
	    "UPDATE person_history SET "
	    "old_value = CASE WHEN old_value IS NULL OR field <> 'name' "
	    "THEN NULL ELSE ?2 END, "
	    "new_value = CASE WHEN new_value IS NULL OR field <> 'name' "
	    "THEN NULL ELSE ?2 END "
	    "WHERE person_id = ?1 AND field IN ('name', 'title', 'ext_id')";
	static const char qtexts[] =
	    "DELETE FROM observation_text WHERE observation_id IN "
	    "(SELECT id FROM observation WHERE person_id = ?1)";
	static const char qowner[] =
	    "UPDATE deal SET owner = NULL WHERE account_id = ?1 "
	    "AND owner = ?2";
	static const char qerased[] =
	    "INSERT INTO person_history (person_id, effective, recorded, "
	    "actor, field, old_value, new_value) "
	    "VALUES (?1, ?2, ?3, ?4, 'erased', NULL, ?5)";
	char now[KAM_STAMP_LEN], today[KAM_DATE_LEN];
	size_t i;
	int rc = KAM_OK;

	kam_now(now);
	kam_today(today);
	for (i = 0; rc == KAM_OK && i < e->nnames; i++)
		rc = store_put(
		    st, store_stmt(st, qowner),
		    STORE_ARGS(STORE_INT(e->account), STORE_TEXT(e->names[i])),
		    "cannot change a deal");
	if (rc == KAM_OK)
		rc = store_put(st, store_stmt(st, qtexts),
		               STORE_ARGS(STORE_INT(e->id)),
		               "cannot erase the texts");
	if (rc == KAM_OK)
		rc = store_put(
		    st, store_stmt(st, qlog),
		    STORE_ARGS(STORE_INT(e->id), STORE_TEXT(e->neutral)),
		    "cannot erase the log");
	if (rc == KAM_OK)
		rc = store_put(st, store_stmt(st, qperson),
		               STORE_ARGS(STORE_INT(e->id),
		                          STORE_TEXT(e->neutral),
		                          STORE_TEXT(now)),
		               "cannot erase the person");
	if (rc == KAM_OK)
		rc = store_put(st, store_stmt(st, qerased),
		               STORE_ARGS(STORE_INT(e->id), STORE_TEXT(today),
		                          STORE_TEXT(now),
		                          STORE_TEXT(kam_actor()),
		                          STORE_TEXT(reason)),
		               "cannot record the erasure");
	return rc;
}

int
store_org_person_erase(struct store *st, int64_t person, const char *reason,
                       char **tombstone)
{
	struct erase e;
	int rc;

	if ((rc = plan(st, person, &e)) != KAM_OK) {
		erase_free(&e);
		return rc;
	}
	/* Gate runs and other people's logs first: they are found by the
	 * handle and the name the tombstone is about to lose. */
	rc = scrub_runs(st, &e);
	if (rc == KAM_OK)
		rc = scrub_manager_logs(st, &e);
	if (rc == KAM_OK)
		rc = erase_records(st, &e, reason);
	if (rc == KAM_OK && tombstone != NULL) {
		*tombstone = e.neutral_ref;
		e.neutral_ref = NULL;
	}
	erase_free(&e);
	return rc;
}
