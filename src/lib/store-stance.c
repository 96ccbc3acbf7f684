/*
 * store-stance: every SQL statement about stance observations.  The
 * rules they implement (which row is in force on a day, as known at a
 * time) are stance_resolve's in stance.c and kam-stance(1)'s; the
 * queries walk the index observation_person backwards from the day asked
 * for, so an answer never loads a person's whole history.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/chain.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"

/*
 * A row is in force as known at ?4 when it observes or corrects, was
 * recorded by then, and no row recorded by then retracts or corrects it.
 * Among those effective by ?3, the latest effective day wins, then the
 * latest recorded (the same-day tie), then the id.
 */
#define IN_FORCE_KNOWN IN_FORCE_KNOWN_ROWS LATEST
#define IN_FORCE_KNOWN_ROWS                                                    \
	"AND o.kind <> 'retract' AND o.effective <= ?3 "                       \
	"AND o.recorded <= ?4 "                                                \
	"AND NOT EXISTS (SELECT 1 FROM observation s WHERE s.target_id = "     \
	"o.id AND s.recorded <= ?4) "
/*
 * The same as known now (no ?4), as statements of their own: whether a
 * row was retracted or corrected is then answered by observation_target
 * alone, without reading the rows that did it.
 */
#define IN_FORCE_NOW IN_FORCE_NOW_ROWS LATEST
#define IN_FORCE_NOW_ROWS                                                      \
	"AND o.kind <> 'retract' AND o.effective <= ?3 "                       \
	"AND NOT EXISTS (SELECT 1 FROM observation s WHERE s.target_id = "     \
	"o.id) "
#define LATEST "ORDER BY o.effective DESC, o.recorded DESC, o.id DESC LIMIT 1"

/* What show and changes print; store_stance_get needs the first three. */
#define FULL_COLS                                                              \
	"SELECT o.id, o.stance, o.effective, o.recorded, o.deal_id, o.actor "  \
	"FROM observation o "
#define LIGHT_COLS "SELECT o.id, o.stance, o.effective FROM observation o "

/*
 * toward_id equal to ?2, NULL to NULL: SQLite's IS, and PostgreSQL's IS
 * NOT DISTINCT FROM (which SQLite knows only since 3.39), each a
 * statement's twin (store_stmt_dialect).
 */
#define TOWARD_LITE "o.toward_id IS ?2 "
#define TOWARD_PG   "o.toward_id IS NOT DISTINCT FROM ?2 "
#define GENERAL(t)  "WHERE o.person_id = ?1 AND " t "AND o.deal_id IS NULL "
#define DEAL(t)     "WHERE o.person_id = ?1 AND " t "AND o.deal_id = ?5 "
#define QUERIES(t)                                                             \
	{                                                                      \
		{{LIGHT_COLS GENERAL(t) IN_FORCE_NOW,                          \
		  FULL_COLS GENERAL(t) IN_FORCE_NOW},                          \
		 {LIGHT_COLS DEAL(t) IN_FORCE_NOW,                             \
		  FULL_COLS DEAL(t) IN_FORCE_NOW}},                            \
		{                                                              \
			{LIGHT_COLS GENERAL(t) IN_FORCE_KNOWN,                 \
			 FULL_COLS GENERAL(t) IN_FORCE_KNOWN},                 \
			{                                                      \
				LIGHT_COLS DEAL(t) IN_FORCE_KNOWN,             \
				    FULL_COLS DEAL(t) IN_FORCE_KNOWN           \
			}                                                      \
		}                                                              \
	}

/*
 * Each reads observation_person alone (it holds every column read), from
 * the day asked for backwards.  Indexed by [known_at != NULL][deal != 0]
 * [full].
 */
static const char *const queries[2][2][2] = QUERIES(TOWARD_LITE);
static const char *const queries_pg[2][2][2] = QUERIES(TOWARD_PG);

/* The canonical words, so that callers get static strings. */
static const char *
canon(const unsigned char *s)
{
	int r = vocab_rank(VOCAB_STANCE, (const char *)s);

	return r < 0 ? NULL : vocab_stances[r];
}

/* Column i of s into out (size bytes), "" for NULL, cut to fit. */
static void
copy_col(db_stmt *s, int i, char *out, size_t size)
{
	const char *t = (const char *)db_column_text(s, i);
	size_t n = t != NULL ? strnlen(t, size - 1) : 0;

	if (n > 0)
		memcpy(out, t, n);
	out[n] = '\0';
}

/* An id, 0 for none: NULL. */
#define ID_ARG(v) ((v) != 0 ? STORE_INT(v) : STORE_NULL)
/* A lookup's parameters: ?1 the person, ?2 toward, ?3 the day, ?4 as
 * known at (NULL: now), ?5 the deal. */
#define LOOKUP_ARGS(person, toward, deal, as_of, known_at)                     \
	STORE_ARGS(ID_ARG(person), ID_ARG(toward), STORE_TEXT(as_of),          \
	           STORE_TEXT(known_at), ID_ARG(deal))

/* The row s stands on into f: the light columns, or all of them. */
static void
found_from(db_stmt *s, int full, struct stance_found *f)
{
	f->id = db_column_int64(s, 0);
	f->stance = canon(db_column_text(s, 1));
	copy_col(s, 2, f->since, sizeof f->since);
	if (full) {
		copy_col(s, 3, f->recorded, sizeof f->recorded);
		f->deal = db_column_int64(s, 4);
		copy_col(s, 5, f->actor, sizeof f->actor);
	}
}

/* One query: f is left as it is (all zeros) when no row is in force. */
static int
find_one(struct store *st, int full, int64_t person, int64_t toward,
         int64_t deal, const char *as_of, const char *known_at,
         struct stance_found *f)
{
	db_stmt *s =
	    store_stmt_dialect(st, queries[known_at != NULL][deal != 0][full],
	                       queries_pg[known_at != NULL][deal != 0][full]);

	if (!store_first(st, s,
	                 LOOKUP_ARGS(person, toward, deal, as_of, known_at),
	                 "stances"))
		return store_failed(st);
	found_from(s, full, f);
	db_reset(s);
	return KAM_OK;
}

static int
find(struct store *st, int full, int64_t person, int64_t toward, int64_t deal,
     const char *as_of, const char *known_at, struct stance_found *f)
{
	char today[KAM_DATE_LEN];
	int rc;

	memset(f, 0, sizeof *f);
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	/* A stance about the deal is preferred; the general one is the
	 * fallback (kam-stance(1), "show DEAL"). */
	if (deal != 0) {
		rc = find_one(st, full, person, toward, deal, as_of, known_at,
		              f);
		if (rc != KAM_OK || f->id != 0)
			return rc;
	}
	return find_one(st, full, person, toward, 0, as_of, known_at, f);
}

int
store_stance_find(struct store *st, int64_t person, int64_t toward,
                  int64_t deal, const char *as_of, const char *known_at,
                  struct stance_found *f)
{
	return find(st, 1, person, toward, deal, as_of, known_at, f);
}

/*
 * What show reads on a team store, in one query: each person of the
 * subject (as store_stance_people reads them), with the row in force
 * found as find_one finds it, LEFT JOIN LATERAL, the deal's row beside
 * the general one.  A query a person would cost a round trip to the
 * server each.  toward_id is compared with = or IS NULL, so that each
 * lookup walks observation_person backwards.
 */
#define SUBJ_COLS(x)                                                           \
	x ".id, " x ".stance, " x ".effective, " x ".recorded, " x             \
	  ".deal_id, " x ".actor"
/*
 * LATEST led by the index's first columns, constant in each lookup:
 * PostgreSQL then walks observation_person backwards and stops at the
 * first row in force, rather than reading all of a person's rows to the
 * day and sorting them (it does not take toward_id IS NULL for a
 * constant).
 */
#define SUBJ_LATEST                                                            \
	"ORDER BY o.person_id DESC, o.toward_id DESC, o.deal_id DESC, "        \
	"o.effective DESC, o.recorded DESC, o.id DESC LIMIT 1"
/*
 * Each lookup twice: first among the rows effective in the window of
 * SHOW_WINDOW days before the day (from ?6), then, only where nothing
 * there is in force (a one-time filter), among all of them.  The row in
 * force is the latest, so that when the window holds one, it is the
 * one.  PostgreSQL reads all of a person's rows that a leaf page of the
 * index holds before the one it starts from, to keep those that match;
 * the window's lower bound stops it at the window's first, a few rows
 * where a person observed every few weeks has dozens.
 */
#define SUBJ_LOOKUP(t, d, in_force, x)                                         \
	"LEFT JOIN LATERAL (" FULL_COLS "WHERE o.person_id = p.id AND " t      \
	"AND " d " " in_force "AND o.effective >= ?6 " SUBJ_LATEST ") " x      \
	"w ON true LEFT JOIN LATERAL (" FULL_COLS "WHERE " x "w.id IS NULL "   \
	"AND o.person_id = p.id AND " t "AND " d " " in_force SUBJ_LATEST      \
	") " x " ON true "
#define SUBJ_GENERAL(t, in_force)                                              \
	SUBJ_LOOKUP(t, "o.deal_id IS NULL", in_force, "g")
/* The person's columns (person_row's), then the lookups' (found_at's). */
#define SUBJ_PERSON                                                            \
	"SELECT p.id, p.handle, p.name, a.handle, " SUBJ_COLS(                 \
	    "gw") ", " SUBJ_COLS("g")
#define SUBJ_FROM "FROM person p JOIN account a ON a.id = p.account_id "
#define SUBJ_ALL(t, in_force)                                                  \
	SUBJ_PERSON " " SUBJ_FROM SUBJ_GENERAL(                                \
	    t, in_force) "ORDER BY a.handle, p.handle"
#define SUBJ_ACCOUNT(t, in_force)                                              \
	SUBJ_PERSON " " SUBJ_FROM SUBJ_GENERAL(                                \
	    t, in_force) "WHERE p.account_id = ?1 ORDER BY p.handle"
#define SUBJ_GROUP_PEOPLE                                                      \
	"JOIN account a ON a.id = p.account_id WHERE p.id IN (SELECT "         \
	"person_id FROM deal_role WHERE deal_id = ?5 "                         \
	"UNION SELECT person_id FROM observation WHERE deal_id = ?5) "
#define SUBJ_GROUP(t, in_force)                                                \
	SUBJ_PERSON ", " SUBJ_COLS("dw") ", " SUBJ_COLS(                       \
	    "d") " FROM person p " SUBJ_GENERAL(t, in_force)                   \
	    SUBJ_LOOKUP(t, "o.deal_id = ?5", in_force, "d") SUBJ_GROUP_PEOPLE  \
	    "ORDER BY a.handle, p.handle"
#define TOWARD_US   "o.toward_id IS NULL "
#define TOWARD_THEM "o.toward_id = ?2 "
#define SUBJ_QUERIES(in_force)                                                 \
	{                                                                      \
		{SUBJ_ALL(TOWARD_US, in_force),                                \
		 SUBJ_ACCOUNT(TOWARD_US, in_force),                            \
		 SUBJ_GROUP(TOWARD_US, in_force)},                             \
		{                                                              \
			SUBJ_ALL(TOWARD_THEM, in_force),                       \
			    SUBJ_ACCOUNT(TOWARD_THEM, in_force),               \
			    SUBJ_GROUP(TOWARD_THEM, in_force)                  \
		}                                                              \
	}

/* Indexed by [known_at != NULL][toward != 0][all, account, deal]. */
static const char *const subject_queries[2][2][3] = {
    SUBJ_QUERIES(IN_FORCE_NOW_ROWS), SUBJ_QUERIES(IN_FORCE_KNOWN_ROWS)};
/*
 * An account's general stances as known now, on a team store, from
 * what stance_refresh derives (schema-pg.sql, stance_span and
 * stance_month): each person's row in force on the day ?3 is the latest
 * of the rows in force from the first of its month (?6) to the day,
 * else the month's row (in force the day before the month began).  Both
 * are ranges of one account's rows, read in two scans, where the
 * lookups above read a leaf of observation_person a person.  Past the
 * last month made, the last one.  The month is a sub-SELECT of its own,
 * compared as a whole: PostgreSQL takes a comparison with least() for
 * one that may leak a row past row-level security, and would then not
 * bound the index scans by it.
 */
#define MONTH_AT                                                               \
	"(SELECT least(?6, coalesce(max(x.month), ?6)) FROM stance_month x "   \
	"WHERE x.account_id = ?1)"
#define SPAN_COLS(x)                                                           \
	x ".id, " x ".stance, " x ".effective, " x                             \
	  ".recorded, NULL::bigint, " x ".actor"
/* The rows in force from the first of the month to the day. */
#define MONTHLY_SPANS(t)                                                       \
	"LEFT JOIN (SELECT DISTINCT ON (o.person_id) o.* FROM stance_span o "  \
	"WHERE o.account_id = ?1 AND " t "AND o.effective >= " MONTH_AT        \
	" AND o.effective <= ?3 ORDER BY o.person_id, o.effective DESC, "      \
	"o.recorded DESC, o.id DESC) w ON w.person_id = p.id "
/* The month's rows. */
#define MONTHLY_MONTH(t)                                                       \
	"LEFT JOIN (SELECT o.* FROM stance_month o WHERE o.account_id = ?1 "   \
	"AND o.month = " MONTH_AT " AND " t ") m ON m.person_id = p.id "
#define MONTHLY_PERSON                                                         \
	"SELECT p.id, p.handle, p.name, a.handle, " SPAN_COLS(                 \
	    "w") ", " SPAN_COLS("m") " "
#define MONTHLY(t)                                                             \
	MONTHLY_PERSON SUBJ_FROM MONTHLY_SPANS(t)                              \
	    MONTHLY_MONTH(t) "WHERE p.account_id = ?1 ORDER BY p.handle"
/* Indexed by [toward != 0]. */
static const char *const monthly_queries[2] = {MONTHLY(TOWARD_US),
                                               MONTHLY(TOWARD_THEM)};

/* The window's length in days (SUBJ_LOOKUP): a quarter. */
#define SHOW_WINDOW 92

/* The row at column c of s into f, if there is one there. */
static int
found_at(db_stmt *s, int c, struct stance_found *f)
{
	if (db_column_type(s, c) == DB_NULL)
		return 0;
	f->id = db_column_int64(s, c);
	f->stance = canon(db_column_text(s, c + 1));
	copy_col(s, c + 2, f->since, sizeof f->since);
	copy_col(s, c + 3, f->recorded, sizeof f->recorded);
	f->deal = db_column_int64(s, c + 4);
	copy_col(s, c + 5, f->actor, sizeof f->actor);
	return 1;
}

int
store_stance_get(struct store *st, int64_t person, int64_t toward, int64_t deal,
                 const char *as_of, const char *known_at, const char **stance,
                 char *since)
{
	struct stance_found f;
	int rc;

	*stance = NULL;
	if (since != NULL)
		since[0] = '\0';
	rc = find(st, 0, person, toward, deal, as_of, known_at, &f);
	if (rc == KAM_OK && f.id != 0) {
		*stance = f.stance;
		if (since != NULL)
			memcpy(since, f.since, KAM_DATE_LEN);
	}
	return rc;
}

/*
 * A free text enters the row as its digest (what its hash covers) and
 * is kept beside it in observation_text, from where it can be erased:
 * the digest of text into d, or an erased text's, as its row kept it.
 */
static const char *
digest_of(const char *text, const char *erased, char d[CHAIN_HASH_LEN])
{
	if (text == NULL)
		return erased;
	chain_sha256(text, strlen(text), d);
	return d;
}

/*
 * A large import inserts into observation_person in random order, which
 * costs a page read and write per row once the index outgrows the cache.
 * When an import is large next to the table, the indexes are dropped
 * inside its transaction and rebuilt at the end (a sort), with the very
 * same SQL, so the schema is unchanged.  Partial indexes stay: they hold
 * only retractions, corrections and deal-specific rows, and rebuilding
 * one would read the whole table again.
 */
#define BULK_MIN 20000

/*
 * On a team store, an import's rows are sent by COPY, COPY_BATCH at a
 * time, into temporary tables of the transaction, and inserted from
 * there at the end by one INSERT each (copy_insert): PostgreSQL refuses
 * COPY FROM into a table under row-level security, and the insert
 * checks each row against the policies and runs the triggers as an
 * INSERT of its own would.  The rows wait in memory between two
 * batches, while the import looks people up.
 */
#define COPY_BATCH 10000
#define COPY_COLS                                                              \
	"id, kind, target_id, person_id, stance, toward_id, deal_id, "         \
	"effective, recorded, actor, note, source, why, prev_hash, hash, "     \
	"hash_version"

static const char copy_tables[] =
    "CREATE TEMPORARY TABLE kam_import_observation ON COMMIT DROP AS "
    "SELECT " COPY_COLS " FROM observation WITH NO DATA; "
    "CREATE TEMPORARY TABLE kam_import_text ON COMMIT DROP AS "
    "SELECT observation_id, field, text FROM observation_text "
    "WITH NO DATA";
/*
 * Each row with its person's and its deal's account, read in one join
 * for the batch (a person or deal out of sight gives NULL, which the
 * row's policy refuses), rather than by the store's trigger a row at a
 * time.  The temporary table's columns are COPY_COLS, in their order.
 */
static const char copy_insert[] =
    "INSERT INTO observation (" COPY_COLS ", account_id, deal_account_id) "
    "SELECT s.*, p.account_id, d.account_id FROM kam_import_observation s "
    "LEFT JOIN person p ON p.id = s.person_id "
    "LEFT JOIN deal d ON d.id = s.deal_id ORDER BY s.id; "
    "INSERT INTO observation_text (observation_id, field, text) "
    "SELECT observation_id, field, text FROM kam_import_text";

static int
copy_stage(struct store *st, struct stance_bulk *b)
{
	static const char rows[] =
	    "COPY kam_import_observation (" COPY_COLS ") FROM STDIN";
	static const char texts[] = "COPY kam_import_text (observation_id, "
	                            "field, text) FROM STDIN";

	if (!b->staged && db_exec(st, copy_tables) != 0)
		return store_fail(st, "cannot prepare the import");
	b->staged = 1;
	if (db_copy_in(st, rows, b->rows.s, b->rows.len) != 0 ||
	    (b->texts.len > 0 &&
	     db_copy_in(st, texts, b->texts.s, b->texts.len) != 0))
		return store_fail(st, "cannot record the observations");
	b->rows.len = b->texts.len = 0;
	b->waiting = 0;
	return KAM_OK;
}

/* A value in COPY's text format, then a tab or, last, a newline. */
static void
copy_text(struct buf *b, const char *v, int last)
{
	const char *p;

	if (v == NULL)
		buf_puts(b, "\\N");
	else
		for (p = v; *p != '\0'; p++)
			switch (*p) {
			case '\\':
				buf_puts(b, "\\\\");
				break;
			case '\t':
				buf_puts(b, "\\t");
				break;
			case '\n':
				buf_puts(b, "\\n");
				break;
			case '\r':
				buf_puts(b, "\\r");
				break;
			default:
				buf_add(b, p, 1);
			}
	buf_add(b, last ? "\n" : "\t", 1);
}

static void
copy_id(struct buf *b, int64_t v)
{
	char n[32];

	if (v == 0) {
		copy_text(b, NULL, 0);
		return;
	}
	snprintf(n, sizeof n, "%lld", (long long)v);
	copy_text(b, n, 0);
}

static void
copy_digest(struct buf *b, const char *text, const char *erased)
{
	char d[CHAIN_HASH_LEN];

	copy_text(b, digest_of(text, erased, d), 0);
}

static void
copy_free_text(struct buf *b, int64_t id, const char *field, const char *text)
{
	if (text == NULL)
		return;
	copy_id(b, id);
	copy_text(b, field, 0);
	copy_text(b, text, 1);
}

/* r, chained after prev with hash, waits for the next batch. */
static void
copy_row(struct stance_bulk *b, const struct stance_row *r, const char *prev,
         const char *hash)
{
	copy_id(&b->rows, r->id);
	copy_text(&b->rows, r->kind, 0);
	copy_id(&b->rows, r->target);
	copy_id(&b->rows, r->person);
	copy_text(&b->rows, r->stance, 0);
	copy_id(&b->rows, r->toward);
	copy_id(&b->rows, r->deal);
	copy_text(&b->rows, r->effective, 0);
	copy_text(&b->rows, r->recorded, 0);
	copy_text(&b->rows, r->actor, 0);
	copy_digest(&b->rows, r->note, r->note_digest);
	copy_digest(&b->rows, r->source, r->source_digest);
	copy_digest(&b->rows, r->why, r->why_digest);
	copy_text(&b->rows, prev, 0);
	copy_text(&b->rows, hash, 0);
	copy_text(&b->rows, "2", 1);
	copy_free_text(&b->texts, r->id, "note", r->note);
	copy_free_text(&b->texts, r->id, "source", r->source);
	copy_free_text(&b->texts, r->id, "why", r->why);
	b->waiting++;
}

void
store_stance_bulk_begin(struct store *st, struct stance_bulk *b)
{
	/*
	 * SQLite's default page cache (2 MB): importing 1,000,000
	 * observations with a 64 MB one took a sixth longer (the index is
	 * built and the transaction committed through it) and 139 MB of
	 * memory instead of 9.
	 */
	(void)st;
	memset(b, 0, sizeof *b);
}

/* An index to drop and rebuild (the first BULK_MAX). */
static int
index_row(db_stmt *s, void *arg)
{
	struct stance_bulk *b = arg;

	if (b->n < BULK_MAX) {
		b->name[b->n] = store_col_dup(s, 0);
		b->sql[b->n] = store_col_dup(s, 1);
		b->n++;
	}
	return KAM_OK;
}

int
store_stance_bulk_step(struct store *st, struct stance_bulk *b,
                       int64_t existing, long imported)
{
	static const char q[] =
	    "SELECT s.name, s.sql FROM sqlite_schema s "
	    "JOIN pragma_index_list('observation') l ON l.name = s.name "
	    "WHERE s.type = 'index' AND s.sql IS NOT NULL AND l.partial = 0 "
	    "ORDER BY s.rowid";
	int rc;

	/* A team store's server keeps its indexes as they are. */
	if (store_on_pg(st))
		return b->waiting >= COPY_BATCH ? copy_stage(st, b) : KAM_OK;
	if (b->dropped || imported < BULK_MIN || imported < existing / 2)
		return KAM_OK;
	b->dropped = 1;
	if ((rc = store_each(st, store_stmt(st, q), NULL, index_row, b,
	                     "the indexes")) != KAM_OK)
		return rc;
	for (size_t i = 0; i < b->n; i++) {
		char *name = db_quote_ident(b->name[i]), *drop;

		xasprintf(&drop, "DROP INDEX %s", name);
		rc = db_exec(st, drop);
		free(name);
		free(drop);
		if (rc != 0)
			return store_fail(st, "cannot prepare the import");
	}
	return KAM_OK;
}

int
store_stance_bulk_end(struct store *st, struct stance_bulk *b, int rebuild)
{
	int rc = KAM_OK;

	if (store_on_pg(st)) {
		if (rebuild && b->waiting > 0)
			rc = copy_stage(st, b);
		if (rebuild && rc == KAM_OK && b->staged &&
		    db_exec(st, copy_insert) != 0)
			rc = store_fail(st, "cannot record the observations");
		free(b->rows.s);
		free(b->texts.s);
		memset(&b->rows, 0, sizeof b->rows);
		memset(&b->texts, 0, sizeof b->texts);
		b->waiting = 0;
		b->staged = 0;
		return rc;
	}

	for (size_t i = 0; i < b->n; i++) {
		if (rebuild && rc == KAM_OK && db_exec(st, b->sql[i]) != 0)
			rc = store_fail(st, "cannot rebuild an index");
		free(b->name[i]);
		free(b->sql[i]);
	}
	b->n = 0;
	return rc;
}

static int
put_text(struct store *st, int64_t id, const char *field, const char *text)
{
	static const char q[] = "INSERT INTO observation_text (observation_id, "
	                        "field, text) VALUES (?1, ?2, ?3)";

	if (text == NULL)
		return KAM_OK;
	return store_put(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(id), STORE_TEXT(field), STORE_TEXT(text)),
	    "cannot record the observation");
}

/* The chain's last id and hash into C (the genesis for an empty one). */
static int
chain_head(struct store *st, struct stance_chain *c)
{
	static const char last[] =
	    "SELECT id, hash FROM observation_chain ORDER BY id DESC LIMIT 1";
	db_stmt *s = store_stmt(st, last);

	if (store_first(st, s, NULL, "the chain")) {
		c->last_id = db_column_int64(s, 0);
		copy_col(s, 1, c->last_hash, sizeof c->last_hash);
		db_reset(s);
	} else if (store_failed(st) != KAM_OK) {
		return store_failed(st);
	} else {
		c->last_id = 0;
		memcpy(c->last_hash, stance_genesis, STANCE_HASH_LEN);
	}
	c->head = c->last_id;
	c->loaded = 1;
	return KAM_OK;
}

int
store_stance_append(struct store *st, struct stance_chain *c,
                    struct stance_row *r)
{
	static const char ins[] =
	    "INSERT INTO observation (kind, target_id, person_id, stance, "
	    "toward_id, deal_id, effective, recorded, actor, note, source, "
	    "why, prev_hash, hash, hash_version) "
	    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	    "?15, 2)";
	/*
	 * A team store's identity skips the numbers of rolled-back
	 * inserts: the id hashed is written.
	 */
	static const char ins_pg[] =
	    "INSERT INTO observation (id, kind, target_id, person_id, stance, "
	    "toward_id, deal_id, effective, recorded, actor, note, source, "
	    "why, prev_hash, hash, hash_version) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, 2)";
	char hash[STANCE_HASH_LEN], dn[CHAIN_HASH_LEN], ds[CHAIN_HASH_LEN],
	    dw[CHAIN_HASH_LEN];
	int rc;

	if (!c->loaded && (rc = chain_head(st, c)) != KAM_OK)
		return rc;
	r->id = c->last_id + 1;
	stance_hash2(c->last_hash, r, hash);
	if (c->bulk != NULL && store_on_pg(st)) {
		copy_row(c->bulk, r, c->last_hash, hash);
		c->last_id = r->id;
		memcpy(c->last_hash, hash, STANCE_HASH_LEN);
		return KAM_OK;
	}
	rc = store_put(
	    st, store_stmt_dialect(st, ins, ins_pg),
	    STORE_ARGS(STORE_INT(r->id), STORE_TEXT(r->kind), ID_ARG(r->target),
	               STORE_INT(r->person), STORE_TEXT(r->stance),
	               ID_ARG(r->toward), ID_ARG(r->deal),
	               STORE_TEXT(r->effective), STORE_TEXT(r->recorded),
	               STORE_TEXT(r->actor),
	               STORE_TEXT(digest_of(r->note, r->note_digest, dn)),
	               STORE_TEXT(digest_of(r->source, r->source_digest, ds)),
	               STORE_TEXT(digest_of(r->why, r->why_digest, dw)),
	               STORE_TEXT(c->last_hash), STORE_TEXT(hash)),
	    "cannot record the observation");
	if (rc != KAM_OK)
		return rc;
	if ((rc = put_text(st, r->id, "note", r->note)) != KAM_OK ||
	    (rc = put_text(st, r->id, "source", r->source)) != KAM_OK ||
	    (rc = put_text(st, r->id, "why", r->why)) != KAM_OK)
		return rc;
	/*
	 * The id is left to SQLite, which appends without a search: holding
	 * the write lock, it is the one after the last, as hashed.
	 */
	if (!store_on_pg(st) && db_last_id(st) != r->id)
		return kam_err(KAM_INTERNAL,
		               _("observation recorded as %lld, expected %lld"),
		               (long long)db_last_id(st), (long long)r->id);
	c->last_id = r->id;
	memcpy(c->last_hash, hash, STANCE_HASH_LEN);
	return KAM_OK;
}

/*
 * A free text: in the row itself for encoding 1, beside the chain
 * since (NULL once erased).
 */
#define FREE_TEXT(f)                                                           \
	"CASE WHEN o.hash_version = 1 THEN o." f " ELSE (SELECT t.text FROM "  \
	"observation_text t WHERE t.observation_id = o.id AND t.field = '" f   \
	"') END"
#define ROW_COLS                                                               \
	"o.id, o.kind, o.target_id, o.person_id, o.stance, o.toward_id, "      \
	"o.deal_id, o.effective, o.recorded, o.actor, " FREE_TEXT(             \
	    "note") ", " FREE_TEXT("source") ", " FREE_TEXT("why")

/* Fills r from columns base.. of s; strings point into s. */
static void
row_from(db_stmt *s, int base, struct stance_row *r)
{
#define T(i) ((const char *)db_column_text(s, base + (i)))
	r->id = db_column_int64(s, base);
	r->kind = T(1);
	r->target = db_column_int64(s, base + 2);
	r->person = db_column_int64(s, base + 3);
	r->stance = T(4);
	r->toward = db_column_int64(s, base + 5);
	r->deal = db_column_int64(s, base + 6);
	r->effective = T(7);
	r->recorded = T(8);
	r->actor = T(9);
	r->note = T(10);
	r->source = T(11);
	r->why = T(12);
	r->note_digest = r->source_digest = r->why_digest = NULL;
#undef T
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

int
store_stance_load(struct store *st, int64_t id, struct stance_row *r)
{
	static const char q[] =
	    "SELECT " ROW_COLS " FROM observation o WHERE o.id = ?";
	db_stmt *s = store_stmt(st, q);

	memset(r, 0, sizeof *r);
	if (!store_first(st, s, STORE_ARGS(STORE_INT(id)), "the observation"))
		return store_failed_or(st, KAM_NOTFOUND);
	row_from(s, 0, r);
	r->kind = dup_or_null(r->kind);
	r->stance = dup_or_null(r->stance);
	r->effective = dup_or_null(r->effective);
	r->recorded = dup_or_null(r->recorded);
	r->actor = dup_or_null(r->actor);
	r->note = dup_or_null(r->note);
	r->source = dup_or_null(r->source);
	r->why = dup_or_null(r->why);
	db_reset(s);
	return KAM_OK;
}

int64_t
store_stance_successor(struct store *st, int64_t id)
{
	static const char q[] =
	    "SELECT min(id) FROM observation WHERE target_id = ?";
	int64_t by = 0;

	store_get_int64(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)), &by);
	return by;
}

int
store_stance_first_recorded(struct store *st, char out[KAM_STANCE_STAMP_LEN])
{
	static const char q[] = "SELECT min(recorded) FROM observation";
	db_stmt *s = store_stmt(st, q);
	int found = 0;

	if (store_first(st, s, NULL, "the store")) {
		found = db_column_type(s, 0) != DB_NULL;
		if (found)
			copy_col(s, 0, out, KAM_STANCE_STAMP_LEN);
		db_reset(s);
	}
	return found;
}

/* Appends column i of s to b with its NUL ("" for NULL). */
static void
add_col(struct buf *b, db_stmt *s, int i)
{
	const char *t = (const char *)db_column_text(s, i);

	if (t == NULL)
		t = "";
	buf_add(b, t, strlen(t) + 1);
}

/*
 * The people as read: their ids, with the offsets of their texts in
 * text (the account's handle, when one account's people are read, is
 * read once).
 */
struct people {
	struct kam_array v; /* struct slot */
	struct buf text;
	const char *handle;
};
struct slot {
	int64_t id;
	size_t ref, name;
};

static int
person_row(db_stmt *s, void *arg)
{
	struct people *pp = arg;
	struct slot *v = kam_array_add(&pp->v, sizeof *v);

	v->id = db_column_int64(s, 0);
	v->ref = pp->text.len;
	if (pp->handle != NULL)
		buf_add(&pp->text, pp->handle, strlen(pp->handle) + 1);
	else
		add_col(&pp->text, s, 3);
	pp->text.s[pp->text.len - 1] = '/';
	add_col(&pp->text, s, 1);
	v->name = pp->text.len;
	add_col(&pp->text, s, 2);
	return KAM_OK;
}

/*
 * The people come back in one allocation: the array, then their strings.
 * A large account would otherwise cost two strings of SQLite's and two
 * of ours per person; its handle is read once.  people_take hands pp's
 * out so, when rc is KAM_OK, and frees what pp holds.
 */
static int
people_take(struct people *pp, int rc, struct stance_person **out, size_t *n)
{
	struct slot *v = pp->v.v;
	struct stance_person *p;
	char *base;
	size_t i;

	*out = NULL;
	*n = 0;
	if (rc == KAM_OK && pp->v.n > 0) {
		p = xmalloc(pp->v.n * sizeof *p + pp->text.len);
		base = (char *)(p + pp->v.n);
		memcpy(base, pp->text.s, pp->text.len);
		for (i = 0; i < pp->v.n; i++) {
			p[i].id = v[i].id;
			p[i].ref = base + v[i].ref;
			p[i].name = base + v[i].name;
		}
		*out = p;
		*n = pp->v.n;
	}
	free(v);
	buf_free(&pp->text);
	return rc;
}

int
store_stance_people(struct store *st, int64_t account, int64_t deal,
                    struct stance_person **out, size_t *n)
{
	static const char q_all[] =
	    "SELECT p.id, p.handle, p.name, a.handle FROM person p "
	    "JOIN account a ON a.id = p.account_id "
	    "ORDER BY a.handle, p.handle";
	static const char q_handle[] =
	    "SELECT handle FROM account WHERE id = ?";
	static const char q_account[] =
	    "SELECT p.id, p.handle, p.name FROM person p "
	    "WHERE p.account_id = ? ORDER BY p.handle";
	static const char q_group[] =
	    "SELECT p.id, p.handle, p.name, a.handle FROM person p "
	    "JOIN account a ON a.id = p.account_id WHERE p.id IN ("
	    "SELECT person_id FROM deal_role WHERE deal_id = ?1 UNION "
	    "SELECT person_id FROM observation WHERE deal_id = ?1) "
	    "ORDER BY a.handle, p.handle";
	struct people pp = {{NULL, 0, 0}, {NULL, 0, 0}, NULL};
	char *handle = NULL;
	int rc;

	if (deal == 0 && account != 0)
		pp.handle = handle =
		    store_get_text(st, store_stmt(st, q_handle),
		                   STORE_ARGS(STORE_INT(account)));
	rc = store_each(st,
	                store_stmt(st, deal != 0      ? q_group
	                               : account != 0 ? q_account
	                                              : q_all),
	                STORE_ARGS(STORE_INT(deal != 0 ? deal : account)),
	                person_row, &pp, "people");
	free(handle);
	return people_take(&pp, rc, out, n);
}

/* What show reads on a team store: the people, and what is in force. */
struct shown {
	struct people pp;
	struct kam_array found; /* struct stance_found */
	int64_t deal;
};

static int
shown_row(db_stmt *s, void *arg)
{
	struct shown *u = arg;
	struct stance_found *f = kam_array_add(&u->found, sizeof *f);

	/* A stance about the deal is preferred (find); each lookup's row
	 * in the window, else the one before it (SUBJ_LOOKUP). */
	if (u->deal == 0 || !(found_at(s, 16, f) || found_at(s, 22, f)))
		if (!found_at(s, 4, f))
			found_at(s, 10, f);
	return person_row(s, &u->pp);
}

/*
 * Whether the role may read what MONTHLY reads (a reader's grants from
 * before those tables do not let it: it reads the observations), and,
 * with chain, observation_chain.  1, 0, or -1 on a fault.
 */
#define DERIVED_MAY(chain)                                                     \
	"SELECT has_table_privilege('stance_built', 'SELECT') AND "            \
	"has_table_privilege('stance_span', 'SELECT') AND "                    \
	"has_table_privilege('stance_month', 'SELECT')" chain
static int
derived_may(struct store *st, int chain)
{
	static const char *const may[2] = {
	    DERIVED_MAY(""),
	    DERIVED_MAY(" AND has_table_privilege('observation_chain', "
	                "'SELECT')")};
	int64_t yes = 0;

	if (!store_get_int64(st, store_stmt(st, may[chain != 0]), NULL, &yes))
		return -1;
	return yes != 0;
}

/*
 * Whether what MONTHLY reads of account is made from all of its
 * observations, in the reading transaction's snapshot: made
 * (stance_built), and none of them after the last it was made up to
 * (found by id: those since then, of every account).  With near, also
 * made up to an observation at most DERIVED_NEAR ids before the store's
 * last (observation_chain, which row-level security does not hide), so
 * that the look at the ids after it stays short: past that, show brings
 * the account's mark up (stance_refresh), whether or not it has new
 * rows.  For a role that may read them (derived_may).  1, 0, or -1 on a
 * fault.
 */
#define DERIVED_NEAR 10000
#define DERIVED_READY(near)                                                    \
	"SELECT EXISTS (SELECT 1 FROM stance_built b WHERE b.account_id = "    \
	"?1 " near "AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.id > " \
	"b.upto AND o.account_id = ?1))"
static int
derived_ready(struct store *st, int64_t account, int near)
{
	static const char *const q[2] = {
	    DERIVED_READY(""),
	    DERIVED_READY("AND b.upto >= (SELECT coalesce(max(c.id), 0) FROM "
	                  "observation_chain c) - ?2 ")};
	int64_t ready = 0;

	/* ?2, the bound, only where the statement reads it. */
	if (!store_get_int64(
	        st, store_stmt(st, q[near != 0]),
	        near ? STORE_ARGS(STORE_INT(account), STORE_INT(DERIVED_NEAR))
	             : STORE_ARGS(STORE_INT(account)),
	        &ready))
		return -1;
	return ready != 0;
}

int
store_stance_derive(struct store *st, int64_t account, int64_t since)
{
	static const char one[] = "SELECT count(*) WHERE stance_refresh(?1)";
	/* The accounts of the rows after since, found in one pass. */
	static const char all[] =
	    "SELECT count(*) FROM (SELECT DISTINCT o.account_id FROM "
	    "observation o WHERE o.id > ?1) a WHERE "
	    "stance_refresh(a.account_id)";
	int64_t n = 0;

	if (!store_on_pg(st))
		return KAM_OK;
	if (!store_get_int64(
	        st, store_stmt(st, account != 0 ? one : all),
	        STORE_ARGS(STORE_INT(account != 0 ? account : since)), &n))
		return store_fail_once(st, "cannot make what show reads");
	return KAM_OK;
}

int
store_stance_show_prepare(struct store *st, int64_t account, int64_t deal,
                          const char *known_at)
{
	/* What show_pg reads from them (MONTHLY). */
	int aside, rc;

	if (!store_on_pg(st) || deal != 0 || account == 0 || known_at != NULL)
		return KAM_OK;
	/* Made up to the account's last observation in the reading
	 * snapshot, and near the store's: nothing to write, and no lock
	 * taken. */
	if ((rc = derived_may(st, 1)) > 0)
		rc = derived_ready(st, account, 1);
	if (rc != 0)
		return rc < 0 ? store_fail_once(st, "cannot read stances")
		              : KAM_OK;
	/* Written in a transaction of its own, not in the reading
	 * command's snapshot; show reads in the next.  Inside another
	 * transaction, nothing: show reads the rows if they are made. */
	if ((rc = store_read_aside(st, &aside)) != KAM_OK || aside < 0)
		return rc;
	rc = store_stance_derive(st, account, 0);
	if (aside && rc == KAM_OK)
		rc = store_read_again(st);
	return rc;
}

static int
show_pg(struct store *st, int64_t account, int64_t deal, int64_t toward,
        const char *as_of, const char *known_at, struct stance_person **people,
        struct stance_found **found, size_t *n)
{
	struct shown u = {
	    {{NULL, 0, 0}, {NULL, 0, 0}, NULL}, {NULL, 0, 0}, deal};
	const struct date_span window = {SHOW_WINDOW, 'd'};
	int monthly = deal == 0 && account != 0 && known_at == NULL;
	char from[KAM_DATE_LEN];
	db_stmt *s;
	int rc;

	/* Else the lookups: the rows are behind the observations where the
	 * role could not bring them up (store_stance_show_prepare). */
	if (monthly && (monthly = derived_may(st, 0)) > 0)
		monthly = derived_ready(st, account, 0);
	if (monthly < 0)
		return store_fail_once(st, "cannot read stances");
	s = store_stmt(st, monthly
	                       ? monthly_queries[toward != 0]
	                       : subject_queries[known_at != NULL][toward != 0]
	                                        [deal != 0 ? 2 : account != 0]);

	if (monthly) /* The first of the day's month (MONTHLY). */
		snprintf(from, sizeof from, "%.8s01", as_of);
	else
		date_span_before(as_of, &window, from);
	/* Row by row: the people and their stances are kept once, in their
	 * own arrays, where libpq's copy of 10,000 rows would cost a few
	 * megabytes of memory and its page faults. */
	db_stream(s);
	/* 10,000 lookups of a few rows each: compiling the query (JIT, which
	 * the planner's estimate for the whole would ask for) took longer
	 * than running it.  MONTHLY joins whole sets of an account's rows:
	 * right after an import, before autovacuum has analysed the derived
	 * tables, the planner would take each for a row or two and loop
	 * over one for each row of the other (10,000 x 10,000). */
	if (db_exec(st, "SET LOCAL jit = off") != 0 ||
	    (monthly && db_exec(st, "SET LOCAL enable_nestloop = off") != 0))
		rc = store_fail(st, "cannot read stances");
	else
		rc = store_each(st, s,
		                STORE_ARGS(ID_ARG(deal == 0 ? account : 0),
		                           ID_ARG(toward), STORE_TEXT(as_of),
		                           STORE_TEXT(known_at), ID_ARG(deal),
		                           STORE_TEXT(from)),
		                shown_row, &u, "stances");
	if (rc != KAM_OK || u.found.n == 0) {
		free(u.found.v);
		u.found.v = NULL;
	}
	*found = u.found.v;
	return people_take(&u.pp, rc, people, n);
}

int
store_stance_show(struct store *st, int64_t account, int64_t deal,
                  int64_t toward, const char *as_of, const char *known_at,
                  struct stance_person **people, struct stance_found **found,
                  size_t *n)
{
	char today[KAM_DATE_LEN];
	size_t i;
	int rc;

	*found = NULL;
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	if (store_on_pg(st))
		return show_pg(st, account, deal, toward, as_of, known_at,
		               people, found, n);
	/* A store file answers each from its index in microseconds. */
	if ((rc = store_stance_people(st, account, deal, people, n)) != KAM_OK)
		return rc;
	*found = xcalloc(*n ? *n : 1, sizeof **found);
	for (i = 0; i < *n && rc == KAM_OK; i++)
		rc = find(st, 1, (*people)[i].id, toward, deal, as_of, known_at,
		          &(*found)[i]);
	if (rc != KAM_OK) {
		free(*found);
		*found = NULL;
		store_stance_people_free(*people, *n);
		*people = NULL;
		*n = 0;
	}
	return rc;
}

/*
 * The rows in force as known now (IN_FORCE_NOW without its LATEST), for
 * a timeline: one statement instead of one a person and a period.  An
 * account's people are read in id order (a scan, as rank_inversions
 * does), each with observation_person in the same-day order, so SQLite
 * sorts nothing.
 */
#define SERIES_COLS "SELECT o.person_id, o.deal_id, o.stance, o.effective FROM "
#define SERIES_IN_FORCE(t)                                                     \
	"AND " t "AND o.kind <> 'retract' "                                    \
	"AND o.effective <= ?3 AND NOT EXISTS (SELECT 1 FROM observation s "   \
	"WHERE s.target_id = o.id) "
#define SERIES_ORDER "ORDER BY o.person_id, o.effective, o.recorded, o.id"

static int
day_row(db_stmt *s, void *arg)
{
	struct stance_day *r = kam_array_add(arg, sizeof *r);

	r->person = db_column_int64(s, 0);
	r->deal = db_column_int64(s, 1);
	r->stance = canon(db_column_text(s, 2));
	copy_col(s, 3, r->effective, sizeof r->effective);
	return KAM_OK;
}

int
store_stance_in_force(struct store *st, int64_t account, int64_t deal,
                      int64_t toward, const char *until,
                      struct stance_day **out, size_t *n)
{
#define SERIES_ALL(t)                                                          \
	SERIES_COLS                                                            \
	"observation o WHERE o.deal_id IS NULL " SERIES_IN_FORCE(t) SERIES_ORDER
	/* SQLite's NOT INDEXED: the people by their ids, not by account. */
#define SERIES_ACCOUNT(hint, t)                                                \
	SERIES_COLS                                                            \
	"person p " hint "JOIN observation o ON o.person_id = p.id "           \
	"WHERE +p.account_id = ?1 AND o.deal_id IS NULL " SERIES_IN_FORCE(     \
	    t) "ORDER BY p.id, o.effective, o.recorded, o.id"
#define SERIES_GROUP(t)                                                        \
	SERIES_COLS                                                            \
	"observation o WHERE o.person_id IN ("                                 \
	"SELECT person_id FROM deal_role WHERE deal_id = ?1 UNION "            \
	"SELECT person_id FROM observation WHERE deal_id = ?1) "               \
	"AND (o.deal_id IS NULL OR o.deal_id = ?1) " SERIES_IN_FORCE(t)        \
	    SERIES_ORDER
	static const char q_all[] = SERIES_ALL(TOWARD_LITE);
	static const char q_all_pg[] = SERIES_ALL(TOWARD_PG);
	static const char q_account[] =
	    SERIES_ACCOUNT("NOT INDEXED ", TOWARD_LITE);
	static const char q_account_pg[] = SERIES_ACCOUNT("", TOWARD_PG);
	static const char q_group[] = SERIES_GROUP(TOWARD_LITE);
	static const char q_group_pg[] = SERIES_GROUP(TOWARD_PG);
#undef SERIES_ALL
#undef SERIES_ACCOUNT
#undef SERIES_GROUP
	struct kam_array a = {0};
	int rc;

	rc = store_each(st,
	                deal != 0 ? store_stmt_dialect(st, q_group, q_group_pg)
	                : account != 0
	                    ? store_stmt_dialect(st, q_account, q_account_pg)
	                    : store_stmt_dialect(st, q_all, q_all_pg),
	                STORE_ARGS(ID_ARG(deal != 0 ? deal : account),
	                           ID_ARG(toward), STORE_TEXT(until)),
	                day_row, &a, "stances");
	if (rc != KAM_OK) {
		free(a.v);
		a.v = NULL;
		a.n = 0;
	}
	*out = a.v;
	*n = a.n;
	return rc;
}

void
store_stance_people_free(struct stance_person *v, size_t n)
{
	free(v);
}

/*
 * A row of the log: the observation, who it is about, toward whom and
 * about which deal.
 */
#define LOG_FROM                                                               \
	"SELECT " ROW_COLS ", a.handle || '/' || p.handle, p.name, "           \
	"c.handle, da.handle || '/' || d.handle "                              \
	"FROM observation o JOIN person p ON p.id = o.person_id "              \
	"JOIN account a ON a.id = p.account_id "                               \
	"LEFT JOIN competitor c ON c.id = o.toward_id "                        \
	"LEFT JOIN deal d ON d.id = o.deal_id "                                \
	"LEFT JOIN account da ON da.id = d.account_id "

static void
log_from(db_stmt *s, struct stance_log_row *lr)
{
	row_from(s, 0, &lr->r);
	lr->person_ref = (const char *)db_column_text(s, 13);
	lr->name = (const char *)db_column_text(s, 14);
	lr->toward_handle = (const char *)db_column_text(s, 15);
	lr->deal_ref = (const char *)db_column_text(s, 16);
}

static int
log_row(db_stmt *s, store_fn fn, void *arg)
{
	struct stance_log_row lr;

	log_from(s, &lr);
	return STORE_HAND(struct stance_log_row, fn, &lr, arg);
}

int
store_stance_log(struct store *st, int64_t person, int64_t account,
                 const char *since, const char *until,
                 int (*cb)(const struct stance_log_row *, void *), void *arg)
{
#define LOG_SPAN                                                               \
	LOG_FROM "WHERE (CAST(?3 AS TEXT) IS NULL "                            \
	         "OR substr(o.recorded, 1, 10) >= ?3) "                        \
	         "AND (CAST(?4 AS TEXT) IS NULL "                              \
	         "OR substr(o.recorded, 1, 10) <= ?4) "
	/* One statement per filter, so that each can use its index. */
	static const char q_all[] = LOG_SPAN "ORDER BY o.id";
	static const char q_person[] =
	    LOG_SPAN "AND o.person_id = ?1 ORDER BY o.id";
	static const char q_account[] =
	    LOG_SPAN "AND p.account_id = ?2 ORDER BY o.id";
#undef LOG_SPAN
	const char *q = person != 0    ? q_person
	                : account != 0 ? q_account
	                               : q_all;

	return store_each_to(st, store_stmt(st, q),
	                     STORE_ARGS(ID_ARG(person), ID_ARG(account),
	                                STORE_TEXT(since), STORE_TEXT(until)),
	                     log_row, (store_fn)cb, arg, "the log");
}

int
store_stance_log_row(struct store *st, int64_t id, int64_t account,
                     int64_t deal,
                     int (*cb)(const struct stance_log_row *, void *),
                     void *arg)
{
	static const char q[] =
	    LOG_FROM "WHERE o.id = ?1 AND (?2 = 0 OR p.account_id = ?2) "
	             "AND (?3 = 0 OR o.deal_id = ?3)";
	struct stance_log_row lr;
	db_stmt *s = store_stmt(st, q);

	if (!store_first(
	        st, s,
	        STORE_ARGS(STORE_INT(id), STORE_INT(account), STORE_INT(deal)),
	        "the observation"))
		return store_failed(st);
	/* One row: what the function says of it is its own. */
	log_from(s, &lr);
	cb(&lr, arg);
	db_reset(s);
	return KAM_OK;
}

STORE_ROWS(latest_rows, struct stance_latest_row,
           STORE_FIELD(struct stance_latest_row, person, INT64),
           STORE_FIELD(struct stance_latest_row, latest, TEXT));

int
store_stance_latest(struct store *st, int64_t account, const char *as_of,
                    int (*fn)(const struct stance_latest_row *, void *),
                    void *arg)
{
	/* The rows in force (see IN_FORCE_NOW): the latest of them is the
	 * latest of those in force, whatever they are about. */
	static const char q[] =
	    "SELECT o.person_id, max(o.effective) FROM observation o "
	    "JOIN person p ON p.id = o.person_id "
	    "WHERE p.account_id = ?1 AND o.kind <> 'retract' "
	    "AND o.effective <= ?2 AND NOT EXISTS (SELECT 1 FROM "
	    "observation s WHERE s.target_id = o.id) "
	    "GROUP BY o.person_id ORDER BY o.person_id";

	return store_each_read(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)), &latest_rows,
	    (store_fn)fn, arg, "the observations");
}

char *
store_stance_competitor_handle(struct store *st, int64_t id)
{
	static const char q[] = "SELECT handle FROM competitor WHERE id = ?";

	return store_get_text(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)));
}

/*
 * Row s as stored, in the columns of encoding 2 (chain.h): each value
 * with its storage class, so that an id turned into 0 or into text is
 * not the NULL or the number it was.
 */
static void
values_from(db_stmt *s, struct chain_value *v)
{
	int i;

	for (i = 0; i < STANCE_CHAIN_COLUMNS; i++) {
		memset(&v[i], 0, sizeof v[i]);
		/* Encoding 2 keeps a free text's digest, not the text. */
		v[i].digest = i >= 10 && i <= 12;
		switch (db_column_type(s, i)) {
		case DB_INTEGER:
			v[i].type = CHAIN_INTEGER;
			v[i].i = db_column_int64(s, i);
			break;
		case DB_FLOAT:
			v[i].type = CHAIN_REAL;
			v[i].r = db_column_double(s, i);
			break;
		case DB_TEXT:
			v[i].type = CHAIN_TEXT;
			v[i].p = db_column_text(s, i);
			v[i].n = (size_t)db_column_bytes(s, i);
			break;
		case DB_BLOB:
			v[i].type = CHAIN_BLOB;
			v[i].p = db_column_blob(s, i);
			v[i].n = (size_t)db_column_bytes(s, i);
			break;
		default:
			v[i].type = CHAIN_NULL;
		}
	}
}

/*
 * Encoding 1 wrote an id of 0 and NULL alike, and read every id as a
 * number: a row of that encoding must hold what kam wrote then, an
 * INTEGER above 0 or NULL in each id column and TEXT or NULL in the
 * others.  Returns the first column that does not, or -1.
 */
static int
v1_types_ok(const struct chain_value *v)
{
	static const int nullable_id[] = {0, 0, 1, 0, 0, 1, 1};
	int i;

	for (i = 0; i < 14; i++) {
		int id = i == 0 || i == 2 || i == 3 || i == 5 || i == 6;

		if (v[i].type == CHAIN_NULL) {
			if (id && !nullable_id[i])
				return i;
			continue;
		}
		if (id && (v[i].type != CHAIN_INTEGER || v[i].i <= 0))
			return i;
		if (!id && v[i].type != CHAIN_TEXT)
			return i;
	}
	return -1;
}

static const char *const chain_column_names[STANCE_CHAIN_COLUMNS] = {
    "id",        "kind",    "target_id", "person_id", "stance",
    "toward_id", "deal_id", "effective", "recorded",  "actor",
    "note",      "source",  "why",       "prev_hash", "hash_version"};

/*
 * A definition with its white space made one space, and without a
 * final semicolon: SQLite keeps a trigger's text as it was written.
 */
static char *
normalise(const char *sql, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	size_t i;
	int space = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)sql[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)c;
	}
	while (o > out && (o[-1] == ';' || o[-1] == ' '))
		o--;
	*o = '\0';
	return out;
}

/*
 * The next CREATE TRIGGER statement of the schema from *pos: its name
 * into name and its normalised text (new), or NULL at the end.
 */
static char *
next_guard(const char **pos, char *name, size_t size)
{
	static const char create[] = "CREATE TRIGGER ";
	const char *p = strstr(*pos, create), *end;
	size_t n;

	if (p == NULL)
		return NULL;
	n = strcspn(p + sizeof create - 1, " \t\n");
	if (n >= size)
		n = size - 1;
	memcpy(name, p + sizeof create - 1, n);
	name[n] = '\0';
	if ((end = strstr(p, "\nEND;")) == NULL)
		end = p + strlen(p);
	else
		end += 5;
	*pos = end;
	return normalise(p, (size_t)(end - p));
}

/*
 * Runs s with args to the store's row of a guard: 1 with s on it, else
 * 0, v->why saying that the guard is missing unless the read failed.
 */
static int
guard_found(struct store *st, db_stmt *s, const struct store_arg *args,
            struct stance_verdict *v, const char *what)
{
	if (store_first(st, s, args, what))
		return 1;
	if (store_failed(st) == KAM_OK)
		v->why = VERIFY_GUARD_MISSING;
	return 0;
}

/* A guard's verdict: a failed read, KAM_FALSE when v->why says what is
 * wrong, else KAM_OK. */
static int
guard_verdict(struct store *st, const struct stance_verdict *v)
{
	return store_failed_or(st, v->why != VERIFY_OK ? KAM_FALSE : KAM_OK);
}

/*
 * A guard's text, column 0 of the row of s with args, compared with
 * want (normalised), as guard_verdict says.
 */
static int
guard_text(struct store *st, db_stmt *s, const struct store_arg *args,
           const char *want, struct stance_verdict *v, const char *what)
{
	const char *got;
	char *norm;

	if (guard_found(st, s, args, v, what)) {
		got = (const char *)db_column_text(s, 0);
		norm = normalise(got ? got : "", got ? strlen(got) : 0);
		if (strcmp(norm, want) != 0)
			v->why = VERIFY_GUARD_CHANGED;
		free(norm);
		db_reset(s);
	}
	return guard_verdict(st, v);
}

/* Every guard the schema creates, compared with the store's. */
static int
check_guards(struct store *st, struct stance_verdict *v)
{
	static const char q[] =
	    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?";
	const char *pos = store_schema_sql();
	char *want;

	while ((want = next_guard(&pos, v->guard, sizeof v->guard)) != NULL) {
		int rc = guard_text(st, store_stmt(st, q),
		                    STORE_ARGS(STORE_TEXT(v->guard)), want, v,
		                    "the triggers");

		free(want);
		if (rc != KAM_OK)
			return rc;
	}
	v->guard[0] = '\0';
	return KAM_OK;
}

/* The text of the first "key ... end" of sql, normalised; NULL if none. */
static char *
team_text(const char *sql, const char *key, const char *end)
{
	const char *p = strstr(sql, key), *q;

	if (p == NULL || (q = strstr(p + strlen(key), end)) == NULL)
		return NULL;
	p += strlen(key);
	return normalise(p, (size_t)(q - p));
}

/* s normalised, without the blanks that follow an opening parenthesis. */
static char *
team_call(const char *s)
{
	char *n = normalise(s, strlen(s)), *r, *w;

	for (r = w = n; *r != '\0'; r++)
		if (!(*r == ' ' && r > n && r[-1] == '('))
			*w++ = *r;
	*w = '\0';
	return n;
}

/*
 * A team store's guard functions, each as schema-pg.sql makes it
 * (their bodies compared): a function that refuses nothing would leave
 * its triggers in place and history open.
 */
static int
team_functions(struct store *st, struct stance_verdict *v)
{
	static const char q[] =
	    "SELECT prosrc FROM pg_proc WHERE oid = to_regprocedure(?1)";
	static const char *const fn[] = {"kam_refuse", "kam_recorder"};
	const char *schema = store_team_schema_sql();
	size_t i;

	for (i = 0; i < sizeof fn / sizeof fn[0]; i++) {
		char key[128], sig[40], *want;
		int rc;

		snprintf(key, sizeof key,
		         "CREATE FUNCTION %s() RETURNS trigger "
		         "LANGUAGE plpgsql AS $$",
		         fn[i]);
		snprintf(sig, sizeof sig, "%s()", fn[i]);
		snprintf(v->guard, sizeof v->guard, "%s", fn[i]);
		if ((want = team_text(schema, key, "$$;")) == NULL)
			return kam_err(
			    KAM_INTERNAL,
			    _("the team store's schema has no function %s"),
			    fn[i]);
		rc = guard_text(st, store_stmt(st, q),
		                STORE_ARGS(STORE_TEXT(sig)), want, v,
		                "the functions");
		free(want);
		if (rc != KAM_OK)
			return rc;
	}
	return KAM_OK;
}

/* pg_trigger.tgtype's bits (the server's trigger.h). */
enum {
	TG_ROW = 1,
	TG_BEFORE = 2,
	TG_INSERT = 4,
	TG_DELETE = 8,
	TG_UPDATE = 16,
	TG_TRUNCATE = 32
};

/*
 * One guard trigger of schema-pg.sql (its text normalised, from CREATE
 * TRIGGER to its end) against the store's: there, on its table, for
 * the same events, calling the same function with the same arguments,
 * with a condition where it has one, and enabled.
 */
static int
team_trigger(struct store *st, struct stance_verdict *v, const char *def)
{
	static const char q[] =
	    "SELECT t.tgenabled, t.tgtype, t.tgqual IS NOT NULL, "
	    "substr(d.def, strpos(d.def, ' EXECUTE FUNCTION ') + 18) "
	    "FROM pg_trigger t, pg_get_triggerdef(t.oid) AS d(def) "
	    "WHERE t.tgrelid = to_regclass(?2) AND t.tgname = ?1";
	char table[64];
	const char *on = strstr(def, " ON "), *call;
	int type = 0;
	db_stmt *s = store_stmt(st, q);

	if (on == NULL || (call = strstr(def, " EXECUTE FUNCTION ")) == NULL)
		return kam_err(KAM_INTERNAL,
		               _("the team store's schema has a guard kam "
		                 "cannot read: %s"),
		               def);
	snprintf(table, sizeof table, "%.*s", (int)strcspn(on + 4, " "),
	         on + 4);
	call += 18;
	if (strstr(def, " FOR EACH ROW ") != NULL)
		type |= TG_ROW;
	if (strncmp(def + strlen("CREATE TRIGGER ") + strlen(v->guard),
	            " BEFORE ", 8) == 0)
		type |= TG_BEFORE;
	/* The events, between the timing and ON. */
	if (memmem(def, (size_t)(on - def), " INSERT", 7) != NULL)
		type |= TG_INSERT;
	if (memmem(def, (size_t)(on - def), " DELETE", 7) != NULL)
		type |= TG_DELETE;
	if (memmem(def, (size_t)(on - def), " UPDATE", 7) != NULL)
		type |= TG_UPDATE;
	if (memmem(def, (size_t)(on - def), " TRUNCATE", 9) != NULL)
		type |= TG_TRUNCATE;
	if (guard_found(st, s,
	                STORE_ARGS(STORE_TEXT(v->guard), STORE_TEXT(table)), v,
	                "the triggers")) {
		const char *en = (const char *)db_column_text(s, 0);
		const char *got = (const char *)db_column_text(s, 3);
		char *want_call = team_call(call), *got_call;

		got_call = team_call(got ? got : "");
		if (db_column_int(s, 1) != type ||
		    db_column_int(s, 2) != (strstr(def, " WHEN (") != NULL) ||
		    strcmp(want_call, got_call) != 0)
			v->why = VERIFY_GUARD_CHANGED;
		else if (en == NULL || (*en != 'O' && *en != 'A'))
			v->why = VERIFY_GUARD_DISABLED;
		free(want_call);
		free(got_call);
		db_reset(s);
	}
	return guard_verdict(st, v);
}

/*
 * The first privilege a writer has that would let it change a history
 * table: UPDATE (of a period, of a column other than its end), DELETE
 * or TRUNCATE, held by PUBLIC (and so by every role), by kam_writer, or
 * by a member of it that does not own the table.
 */
static int
team_grants(struct store *st, struct stance_verdict *v)
{
	static const char q[] =
	    "WITH w AS (SELECT oid FROM pg_roles WHERE rolname = 'kam_writer'),"
	    " r(name, oid, o) AS (SELECT rolname, oid, CASE WHEN rolname = "
	    "'kam_writer' THEN 1 ELSE 2 END "
	    "FROM pg_roles WHERE pg_has_role(oid, (SELECT oid FROM w), "
	    "'MEMBER') UNION ALL SELECT 'public', 0::oid, 0), "
	    "t(name, o) AS (VALUES ('observation', 1), ('deal_history', 2), "
	    "('link_period', 3), ('deal_role_period', 4)), "
	    "p(priv, o) AS (VALUES ('UPDATE', 1), ('DELETE', 2), "
	    "('TRUNCATE', 3)) "
	    "SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE r.name END, "
	    "t.name, p.priv FROM r, t, p "
	    "WHERE (r.oid = 0 OR NOT pg_has_role(r.oid, (SELECT relowner "
	    "FROM pg_class WHERE oid = to_regclass(t.name)), 'MEMBER')) "
	    "AND CASE WHEN p.priv = 'UPDATE' THEN EXISTS (SELECT 1 FROM "
	    "pg_attribute a WHERE a.attrelid = to_regclass(t.name) "
	    "AND a.attnum > 0 AND NOT a.attisdropped "
	    "AND NOT (t.name IN ('link_period', 'deal_role_period') "
	    "AND a.attname IN ('end_on', 'ended', 'ended_by')) "
	    "AND has_column_privilege(r.name, to_regclass(t.name), a.attnum, "
	    "'UPDATE')) "
	    "ELSE has_table_privilege(r.name, to_regclass(t.name), p.priv) END "
	    "ORDER BY r.o, r.name, t.o, p.o LIMIT 1";
	db_stmt *s = store_stmt(st, q);

	if (!store_first(st, s, NULL, "the privileges"))
		return store_failed(st);
	v->why = VERIFY_GRANT;
	snprintf(v->role, sizeof v->role, "%s", db_column_text(s, 0));
	snprintf(v->guard, sizeof v->guard, "%s", db_column_text(s, 1));
	snprintf(v->privilege, sizeof v->privilege, "%s", db_column_text(s, 2));
	db_reset(s);
	return KAM_FALSE;
}

/*
 * On a team store, what show reads (stance_span, stance_month) is made
 * again from the observations it was made from (each account's to the
 * last of stance_built), for the accounts the role sees, and compared
 * with what is there, row for row: the rows in force, and each
 * thread's month rows up to the month after the account's last day in
 * force (stance_refresh's).  An account never made has none.  The
 * first account whose rows differ, and the table, in v.
 */
#define DERIVED_COLS                                                           \
	"account_id, person_id, toward_id, effective, recorded, id, stance, "  \
	"actor"
#define DERIVED_IN_FORCE                                                       \
	"f AS (SELECT o.account_id, o.person_id, o.toward_id, o.effective, "   \
	"o.recorded, o.id, o.stance, o.actor FROM observation o "              \
	"JOIN stance_built b ON b.account_id = o.account_id "                  \
	"AND o.id <= b.upto WHERE o.deal_id IS NULL AND o.kind <> 'retract' "  \
	"AND NOT EXISTS (SELECT 1 FROM observation s WHERE s.target_id = "     \
	"o.id AND s.id <= b.upto)), "
#define DERIVED_LAST                                                           \
	"l AS (SELECT f.account_id, to_char(date_trunc('month', "              \
	"max(f.effective)::date) + interval '1 month', 'YYYY-MM-DD') AS last " \
	"FROM f GROUP BY f.account_id), "
#define DERIVED_MONTHS                                                         \
	"mm AS (SELECT w.account_id, to_char(g, 'YYYY-MM-DD') AS month, "      \
	"w.person_id, w.toward_id, w.effective, w.recorded, w.id, w.stance, "  \
	"w.actor FROM (SELECT f.*, lead(f.effective) OVER (PARTITION BY "      \
	"f.person_id, f.toward_id ORDER BY f.effective, f.recorded, f.id) "    \
	"AS next FROM f) w JOIN l ON l.account_id = w.account_id, "            \
	"generate_series(date_trunc('month', w.effective::date) + interval "   \
	"'1 month', coalesce(date_trunc('month', w.next::date), "              \
	"l.last::date), interval '1 month') AS g)"
_Static_assert(sizeof((struct stance_verdict *)0)->account >=
                   4 * HANDLE_MAX + 1,
               "stance_verdict.account holds a handle");

static int
team_derived(struct store *st, struct stance_verdict *v)
{
	/* Each table's rows and those made again, counted +1 and -1: a row
	 * whose count is not 0 is on one side only (or more often on one).
	 * Grouped in a hash table, each table read once. */
	static const char q[] =
	    "WITH " DERIVED_IN_FORCE DERIVED_LAST DERIVED_MONTHS
	    ", d AS (SELECT 1 AS o, 'stance_span' AS t, u.account_id FROM "
	    "(SELECT " DERIVED_COLS ", 1 AS n FROM stance_span UNION ALL "
	    "SELECT " DERIVED_COLS ", -1 FROM f) u GROUP BY u.account_id, "
	    "u.person_id, u.toward_id, u.effective, u.recorded, u.id, "
	    "u.stance, u.actor HAVING sum(u.n) <> 0 "
	    "UNION ALL SELECT 2, 'stance_month', u.account_id FROM (SELECT "
	    "month, " DERIVED_COLS ", 1 AS n FROM stance_month UNION ALL "
	    "SELECT month, " DERIVED_COLS ", -1 FROM mm) u "
	    "GROUP BY u.account_id, u.month, u.person_id, u.toward_id, "
	    "u.effective, u.recorded, u.id, u.stance, u.actor "
	    "HAVING sum(u.n) <> 0) "
	    "SELECT d.t, a.handle FROM d LEFT JOIN account a "
	    "ON a.id = d.account_id ORDER BY d.o, a.handle LIMIT 1";
	db_stmt *s = store_stmt(st, q);

	/* A million observations' rows, twice, held in memory rather than
	 * spilled to files of the server's: for this query, of this
	 * transaction. */
	if (db_exec(st, "SET LOCAL work_mem = '256MB'") != 0)
		return store_fail(st, "cannot read what show reads");
	if (!store_first(st, s, NULL, "what show reads"))
		return store_failed(st);
	v->why = VERIFY_DERIVED;
	snprintf(v->guard, sizeof v->guard, "%s", db_column_text(s, 0));
	snprintf(v->account, sizeof v->account, "%s",
	         db_column_type(s, 1) == DB_NULL
	             ? "?"
	             : (const char *)db_column_text(s, 1));
	db_reset(s);
	return KAM_FALSE;
}

/* A team store's guards (stance.h, store_stance_verify). */
static int
check_team_guards(struct store *st, struct stance_verdict *v)
{
	static const char create[] = "CREATE TRIGGER ";
	const char *pos = store_team_schema_sql(), *p, *end;
	int rc;

	if ((rc = team_functions(st, v)) != KAM_OK)
		return rc;
	while ((p = strstr(pos, create)) != NULL) {
		char *def;
		size_t n = strcspn(p + sizeof create - 1, " \t\n");

		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		pos = end;
		if (n >= sizeof v->guard)
			n = sizeof v->guard - 1;
		memcpy(v->guard, p + sizeof create - 1, n);
		v->guard[n] = '\0';
		def = normalise(p, (size_t)(end - p));
		/* The guards: not the views' INSTEAD OF triggers. */
		if (strstr(def, " EXECUTE FUNCTION kam_refuse(") != NULL ||
		    strstr(def, " EXECUTE FUNCTION kam_recorder(") != NULL)
			rc = team_trigger(st, v, def);
		free(def);
		if (rc != KAM_OK)
			return rc;
	}
	if ((rc = team_grants(st, v)) != KAM_OK ||
	    (rc = team_derived(st, v)) != KAM_OK)
		return rc;
	v->guard[0] = '\0';
	return KAM_OK;
}

/*
 * On a team store, row S's link in the whole chain: 1 when the row is
 * to be checked (*LINK its link's hash), 0 when it is another team's
 * row (its link stands for it), -1 when the link does not follow PREV.
 */
static int
verify_link(db_stmt *s, struct stance_verdict *v, char *prev, const char **link)
{
	const char *lp = (const char *)db_column_text(s, 16);

	v->bad = db_column_int64(s, 0);
	*link = (const char *)db_column_text(s, 17);
	if (!db_column_int(s, 19) || lp == NULL || strcmp(lp, prev) != 0 ||
	    *link == NULL || strlen(*link) != STANCE_HASH_LEN - 1) {
		v->why = VERIFY_PREV;
		return -1;
	}
	if (!db_column_int(s, 18)) {
		/* Another team's row: its link stands. */
		v->unseen++;
		memcpy(prev, *link, STANCE_HASH_LEN);
		return 0;
	}
	return 1;
}

/*
 * Row S checked against PREV (and LINK on a team store): its encoding,
 * its types, its prev_hash and its hash.  0 and PREV moved on to its
 * hash, or -1 with v->why saying what is wrong.
 */
static int
verify_row(db_stmt *s, struct stance_verdict *v, char *prev, const char *link,
           int *last_version)
{
	char h[STANCE_HASH_LEN];
	struct chain_value val[STANCE_CHAIN_COLUMNS];
	struct stance_row r;
	const char *ph, *hh;
	int col, hash_text;

	/* The types first: reading a value as text converts it. */
	values_from(s, val);
	hash_text = db_column_type(s, 15) == DB_TEXT;
	ph = (const char *)db_column_text(s, 13);
	hh = (const char *)db_column_text(s, 15);
	v->bad = db_column_int64(s, 0);
	if (val[14].type != CHAIN_INTEGER || val[14].i < 1 ||
	    val[14].i > CHAIN_ENCODING) {
		v->why = VERIFY_VERSION;
		return -1;
	}
	v->version = (int)val[14].i;
	if (v->version < *last_version) {
		v->why = VERIFY_DOWNGRADE;
		return -1;
	}
	if (ph == NULL || val[13].type != CHAIN_TEXT || strcmp(ph, prev) != 0) {
		v->why = VERIFY_PREV;
		return -1;
	}
	if (v->version == 1) {
		if ((col = v1_types_ok(val)) >= 0) {
			v->why = VERIFY_TYPE;
			v->column = chain_column_names[col];
			return -1;
		}
		row_from(s, 0, &r);
		stance_hash(prev, &r, h);
	} else
		chain_hash("observation", val, STANCE_CHAIN_COLUMNS, h);
	if (hh == NULL || !hash_text || strcmp(hh, h) != 0 ||
	    (link != NULL && strcmp(link, h) != 0)) {
		v->why = VERIFY_HASH;
		return -1;
	}
	*last_version = v->version;
	memcpy(prev, h, STANCE_HASH_LEN);
	return 0;
}

/* The chain being walked: the verdict, the last hash, the encoding. */
struct walk {
	struct stance_verdict *v;
	char prev[STANCE_HASH_LEN];
	int last_version, pg;
};

/* One row of the chain checked: KAM_FALSE stops at the first fault. */
static int
walk_row(db_stmt *s, void *arg)
{
	struct walk *w = arg;
	const char *link = NULL;
	int seen;

	if (w->pg && (seen = verify_link(s, w->v, w->prev, &link)) <= 0)
		return seen < 0 ? KAM_FALSE : KAM_OK;
	if (verify_row(s, w->v, w->prev, link, &w->last_version) < 0)
		return KAM_FALSE;
	w->v->n++;
	return KAM_OK;
}

int
store_stance_verify(struct store *st, struct stance_verdict *v)
{
	static const char q[] =
	    "SELECT o.id, o.kind, o.target_id, o.person_id, o.stance, "
	    "o.toward_id, o.deal_id, o.effective, o.recorded, o.actor, o.note, "
	    "o.source, o.why, o.prev_hash, o.hash_version, o.hash "
	    "FROM observation o ORDER BY o.id";
	/*
	 * The whole chain's links, with the rows the role may read (the
	 * others are NULL): each link must follow the one before, and each
	 * row read must be its link and hash to it.  A row without a link
	 * has a NULL link.
	 */
	static const char q_pg[] =
	    "SELECT coalesce(o.id, c.id), o.kind, o.target_id, o.person_id, "
	    "o.stance, o.toward_id, o.deal_id, o.effective, o.recorded, "
	    "o.actor, o.note, o.source, o.why, o.prev_hash, o.hash_version, "
	    "o.hash, c.prev_hash, c.hash, o.id IS NOT NULL, c.id IS NOT NULL "
	    "FROM observation_chain c FULL JOIN observation o ON o.id = c.id "
	    "ORDER BY coalesce(o.id, c.id)";
	struct walk w = {v, {0}, 1, store_on_pg(st)};
	db_stmt *s = store_stmt_dialect(st, q, q_pg);
	int rc;

	memset(v, 0, sizeof *v);
	memcpy(w.prev, stance_genesis, STANCE_HASH_LEN);
	/* Row by row: a team store's whole history would otherwise arrive
	 * in the client's memory before the first row is checked. */
	db_stream(s);
	rc = store_each(st, s, NULL, walk_row, &w, "observations");
	if (v->why != VERIFY_OK)
		return KAM_FALSE;
	v->bad = 0;
	if (rc != KAM_OK)
		return rc;
	memcpy(v->head, w.prev, STANCE_HASH_LEN);
	return store_on_pg(st) ? check_team_guards(st, v) : check_guards(st, v);
}

int
store_stance_deal_id(struct store *st, const char *where, int64_t person,
                     const char *ref, int64_t *deal)
{
	char *pref = store_person_ref(st, person), *slash;
	int rc;

	if (pref != NULL && (slash = strchr(pref, '/')) != NULL)
		*slash = '\0';
	rc = store_deal_id_at(st, where, ref, pref, deal);
	/* A deal of the person's account, or of another account of its
	 * group, where buying roles may cross accounts (kam-org(1)). */
	if (rc == KAM_OK && pref != NULL &&
	    store_org_group_root(st, store_deal_account(st, *deal)) !=
	        store_org_group_root(st, store_org_person_account(st, person)))
		rc = kam_err(KAM_CONFLICT,
		             _("%s%sdeal '%s' is not of the person's account "
		               "'%s' or its group"),
		             where ? where : "", where ? ": " : "", ref, pref);
	free(pref);
	return rc;
}
