/*
 * Stances: the third dimension of the method (METHOD.md, section 1.3):
 * each person's stance toward us, or toward a competitor, over time.
 * Observations are bitemporal and append-only, chained by SHA-256.
 * The rules are in stance.c; the queries, prefixed store_stance_, in
 * store-stance.c.  May be included by the mains, by the use cases and
 * store files that read or write stances, and by the rules.
 */
#ifndef KAM_STANCE_H
#define KAM_STANCE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "kam/chain.h"

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
int store_stance_get(struct store *, int64_t person, int64_t toward,
                     int64_t deal, const char *as_of, const char *known_at,
                     const char **stance, char *since);

/*
 * One observation row, as stored.  Ids of 0 stand for NULL; strings may
 * be NULL where the column allows it.
 */
struct stance_row {
	int64_t id;
	const char *kind; /* "observe", "retract" or "correct" */
	int64_t target;   /* the row retracted or corrected */
	int64_t person;
	const char *stance; /* NULL in a retraction */
	int64_t toward;     /* 0: toward us */
	int64_t deal;       /* 0: general */
	const char *effective, *recorded, *actor;
	const char *note, *source, *why;
	/*
	 * A free text that was erased (NULL above) but whose digest its row
	 * kept, as stored: a copy of the row (kam copy) chains and keeps
	 * the digest again.  NULL otherwise.
	 */
	const char *note_digest, *source_digest, *why_digest;
};

#define KAM_STANCE_DATE_LEN  11
#define KAM_STANCE_STAMP_LEN 21
#define STANCE_HASH_LEN      65                    /* 64 hex digits and a NUL */
extern const char stance_genesis[STANCE_HASH_LEN]; /* 64 zeros */

/*
 * Encoding 1, for the rows written before schema 4: prev followed by
 * each field, NULL (and an id of 0) as "~", else its byte length in
 * decimal, ":" and its bytes.  Returns a new string of *len bytes.
 */
char *stance_serialise(const char *prev, const struct stance_row *,
                       size_t *len);
/* SHA-256 of encoding 1, in lowercase hex. */
void stance_hash(const char *prev, const struct stance_row *,
                 char out[STANCE_HASH_LEN]);

/*
 * Encoding 2 (chain.h; kam(7), THE HASH CHAIN): every column of the
 * row but hash, in the table's order, with prev as prev_hash and the
 * version as hash_version; note, source and why as free texts.
 */
#define STANCE_CHAIN_COLUMNS 15
void stance_chain_values(const struct stance_row *, const char *prev,
                         int version,
                         struct chain_value v[STANCE_CHAIN_COLUMNS]);
/* SHA-256 of encoding 2 of a row kam writes, in lowercase hex. */
void stance_hash2(const char *prev, const struct stance_row *,
                  char out[STANCE_HASH_LEN]);

/*
 * The rule of store_stance_get over rows in memory (any order): the row in
 * force for person toward toward, about deal (then general), on as_of,
 * as known at known_at (NULL: everything).  NULL when none.  The store
 * answers the same question with SQL; this is its specification.
 */
const struct stance_row *stance_resolve(const struct stance_row *, size_t n,
                                        int64_t person, int64_t toward,
                                        int64_t deal, const char *as_of,
                                        const char *known_at);

/*
 * A row in force (no retraction, none retracted or corrected) as a
 * timeline needs it: whose, about which deal (0: general), which
 * stance, from which day.
 */
struct stance_day {
	int64_t person, deal;
	const char *stance;
	char effective[KAM_DATE_LEN];
};
/*
 * The stance in force on each of the nd days ends[] (ascending) for one
 * person, as stance_resolve gives it as known now, into out[] (NULL:
 * none): rows are that person's rows in force toward one side, general
 * or about deal, in the order of the same-day rule (effective day,
 * recorded time, id).  One pass over the rows, for a timeline of many
 * people.
 */
void stance_series(const struct stance_day *rows, size_t n, int64_t deal,
                   const char *const *ends, size_t nd, const char **out);
/* The rows of person among rows sorted by person: [return, *end). */
size_t stance_rows_of(const struct stance_day *rows, size_t n, int64_t person,
                      size_t *end);

/* The symbol of a stance for a matrix: + 0 - and ? for unknown. */
const char *stance_symbol(const char *);

/*
 * The store's side (store-stance.c).  Writers call these inside one
 * store_begin/store_end transaction.
 */

struct stance_bulk;
/* The end of the chain, read once inside the write transaction. */
struct stance_chain {
	int loaded;
	int64_t head; /* the last id before this transaction's rows */
	int64_t last_id;
	char last_hash[STANCE_HASH_LEN];
	/*
	 * An import's (store_stance_bulk_begin), or NULL: on a team store
	 * its rows go to the server by COPY, in batches
	 * (store_stance_bulk_step), instead of an INSERT each.
	 */
	struct stance_bulk *bulk;
};
/*
 * Appends r (its id, ignored, becomes the next id), chained after the
 * last row.  Returns a kam status.
 */
int store_stance_append(struct store *, struct stance_chain *,
                        struct stance_row *);

/*
 * Many appends in one transaction (import, STORE_TX_IMPORT): begin,
 * then step after each row (existing: the rows before the import), end
 * before committing (rebuild 1) or rolling back (0).
 */
#define BULK_MAX 8
struct stance_bulk {
	int dropped;
	size_t n;
	char *name[BULK_MAX], *sql[BULK_MAX];
	/* On a team store: the rows and texts not yet sent, in COPY's
	 * text format, and whether the server holds some already. */
	struct buf rows, texts;
	long waiting;
	int staged;
};
void store_stance_bulk_begin(struct store *, struct stance_bulk *);
int store_stance_bulk_step(struct store *, struct stance_bulk *,
                           int64_t existing, long imported);
int store_stance_bulk_end(struct store *, struct stance_bulk *, int rebuild);

/* The row in force, with what show and changes print. */
struct stance_found {
	int64_t id; /* 0: unknown */
	const char *stance;
	char since[KAM_STANCE_DATE_LEN];
	char recorded[KAM_STANCE_STAMP_LEN];
	int64_t deal;
	char actor[128];
};
int store_stance_find(struct store *, int64_t person, int64_t toward,
                      int64_t deal, const char *as_of, const char *known_at,
                      struct stance_found *);

/* Loads row id into r (strings are new; stance_row_free).  KAM_NOTFOUND
 * (unreported) when there is none. */
int store_stance_load(struct store *, int64_t id, struct stance_row *);
void stance_row_free(struct stance_row *);
/* The row that retracts or corrects id, if any: its id, else 0. */
int64_t store_stance_successor(struct store *, int64_t id);
/* The earliest recorded time in the store into out; 0 when empty. */
int store_stance_first_recorded(struct store *, char out[KAM_STANCE_STAMP_LEN]);

/* People to report on: an account's, a deal's buying group and the
 * people observed about it, or everyone (both 0).  Sorted by ref. */
struct stance_person {
	int64_t id;
	char *ref;
	char *name;
};
int store_stance_people(struct store *, int64_t account, int64_t deal,
                        struct stance_person **, size_t *n);
void store_stance_people_free(struct stance_person *, size_t n);
/*
 * What show prints: the people of the subject, as store_stance_people
 * reads them (store_stance_people_free), and for each what
 * store_stance_find finds, into *found (all zeros where nothing is in
 * force; free), *n of each.  On a team store, one query for them all.
 */
int store_stance_show(struct store *, int64_t account, int64_t deal,
                      int64_t toward, const char *as_of, const char *known_at,
                      struct stance_person **, struct stance_found **found,
                      size_t *n);
/*
 * Before store_stance_show of the same subject, outside a transaction:
 * on a team store, what that show reads of an account as known now is
 * brought up to its observations (store_stance_derive), unless the
 * reading snapshot finds it made up to them already.  Nothing on a
 * store file.
 */
int store_stance_show_prepare(struct store *, int64_t account, int64_t deal,
                              const char *known_at);
/*
 * On a team store, what show reads of account (stance_span,
 * stance_month, kam(7)) brought up to the store's observations, where
 * it is behind them, the role may write it, and no writer holds the
 * writers' lock (or this transaction does); else left as it is, and
 * show reads the observations.  Account 0: every account with
 * observations after id since (an import's, a copy's, in its
 * transaction: stance_chain.head).  Nothing on a store file.
 */
int store_stance_derive(struct store *, int64_t account, int64_t since);

/*
 * The rows of stance_series for the people of store_stance_people
 * (account, deal, or everyone), toward toward (0: us), effective by
 * until, sorted by person id, then in the order of the same-day rule.
 */
int store_stance_in_force(struct store *, int64_t account, int64_t deal,
                          int64_t toward, const char *until,
                          struct stance_day **, size_t *n);

/* The log: rows in id order, filtered by person or account (0: all) and
 * by the day recorded (NULL: open).  cb returns nonzero to stop. */
struct stance_log_row {
	struct stance_row r;
	const char *person_ref, *name, *toward_handle, *deal_ref;
};
int store_stance_log(struct store *, int64_t person, int64_t account,
                     const char *since, const char *until,
                     int (*cb)(const struct stance_log_row *, void *),
                     void *arg);

/* The row id as the log reads it, through cb, if it is of the account
 * and about the deal (0: any); nothing when it is not. */
int store_stance_log_row(struct store *, int64_t id, int64_t account,
                         int64_t deal,
                         int (*cb)(const struct stance_log_row *, void *),
                         void *arg);
/*
 * kam-stance watch, on a team store: each observation of the account
 * and the deal (0: any) committed from now on, through cb as the log
 * reads it, until *stop is set (a signal), out_fd (the output) reports
 * that its reader went away, or cb returns nonzero.  On an SQLite
 * store, KAM_USAGE, reported: there is no one to watch.
 */
int store_stance_watch(struct store *, int64_t account, int64_t deal,
                       volatile sig_atomic_t *stop, int out_fd,
                       int (*cb)(const struct stance_log_row *, void *),
                       void *arg);

/*
 * Each person of an account with an observation in force on as_of
 * (toward us or a competitor, general or about any deal): the latest
 * effective day among those, through fn in person id order.
 */
struct stance_latest_row {
	int64_t person;
	const char *latest; /* YYYY-MM-DD */
};
int store_stance_latest(struct store *, int64_t account, const char *as_of,
                        int (*fn)(const struct stance_latest_row *, void *),
                        void *);

/*
 * Stale knowledge (stale.c): the people whose latest observation in
 * force on as_of is before the day before, most influential first (the
 * order of kam-org influence).  Without a deal, every person of the
 * account who had not left, their latest observation of any kind;
 * with one, the members of its buying group, their latest as kam-gate
 * reads it (about the deal, else general; toward us or a competitor),
 * with their roles and stance in that deal.  People never observed are
 * not stale: nothing is known of them.
 */
struct stance_stale_row {
	const char *person, *name; /* person: ACCOUNT/HANDLE */
	const char *roles;         /* joined by ';'; NULL: none */
	const char *stance;        /* toward us on as_of; NULL: unknown */
	char latest[KAM_STANCE_DATE_LEN];
	long days; /* from latest to as_of */
	double influence;
};
/* The rows' texts are those of the ranking they were chosen from, inf. */
struct org_influence;
struct stance_stale {
	struct stance_stale_row *rows;
	size_t n;
	struct org_influence *inf;
};
int stance_stale(struct store *, int64_t account, int64_t deal,
                 const char *as_of, const char *before, struct stance_stale *);
void stance_stale_free(struct stance_stale *);

/* A competitor's handle (new string), or NULL. */
char *store_stance_competitor_handle(struct store *, int64_t id);

/*
 * The deal of a person's observation (stance set --deal, an import's deal
 * column): ref is in the person's account unless written ACCOUNT/DEAL,
 * and a deal of another account is a conflict.  Messages follow
 * "WHERE: " when where is not NULL.
 */
int store_stance_deal_id(struct store *, const char *where, int64_t person,
                         const char *ref, int64_t *deal);

/*
 * Importing observations from CSV (import-stance.c).  stance_import
 * records every row of path (or "-": standard input) in one transaction
 * of its own, bare handles in account (may be NULL); at the first bad row
 * nothing is recorded and a FILE:LINE: message is reported.  map: the
 * FIELD=COLUMN list of --map, or NULL (import.h).  *count: the rows
 * recorded.
 */
int stance_import(struct store *, const char *path, const char *account,
                  const char *const *map, long *count);
/* The columns of the file, NULL-terminated; person and stance required. */
extern const char *const stance_import_cols[];
/* One row's fields, NULL where empty or absent. */
struct stance_import_row {
	const char *person, *stance, *on, *toward, *deal, *note, *source;
};
/* Picks them out of a CSV row, idx as csv_header filled it. */
void stance_import_fields(char **fields, size_t n, const int *idx,
                          struct stance_import_row *);
/*
 * The checks that need no store: a person and a known stance word (its
 * canonical form into *word), a valid day not after today.  Reports as
 * "PATH:LINE: ..." and returns a kam status.
 */
int stance_import_check(const char *path, long line, const char *today,
                        const struct stance_import_row *, const char **word);

/*
 * Recomputes the chain, each row with the encoding its hash_version
 * names, then compares each append-only guard (every trigger schema.sql
 * creates) with the store's.  On a team store the guards are the
 * triggers of schema-pg.sql that refuse a change or hold a row's
 * recorder, each present, as made and enabled, with their functions;
 * and no writer (kam_writer, its members other than the tables' owner,
 * PUBLIC) may UPDATE, DELETE or TRUNCATE a history table, but for the
 * end of a period.  On a team store the chain is walked through
 * observation_chain, whose links every writer reads: a row the role
 * sees is recomputed and must be its link; a row it does not is
 * counted in unseen, its link taken as it stands.  KAM_OK when all
 * hold: n rows recomputed, head the last hash.  KAM_FALSE with why the first
 * fault: at row bad (with its version, or the column of a value encoding 1
 * cannot have held), or at the guard named.
 */
enum stance_fault {
	VERIFY_OK,
	VERIFY_HASH,          /* the row's hash differs */
	VERIFY_PREV,          /* its prev_hash is not the hash before it */
	VERIFY_VERSION,       /* an encoding this kam does not know */
	VERIFY_DOWNGRADE,     /* an encoding older than the row before's */
	VERIFY_TYPE,          /* encoding 1: a value kam never wrote */
	VERIFY_GUARD_MISSING, /* a guard is missing */
	VERIFY_GUARD_CHANGED, /* a guard is not the schema's */
	/* A team store's: */
	VERIFY_GUARD_DISABLED, /* a guard does not fire */
	VERIFY_GRANT,          /* a writer may change a history table (guard) */
	VERIFY_DERIVED, /* what show reads (table guard) of an account is not
	                   what its observations give */
};
struct stance_verdict {
	int64_t n;
	char head[STANCE_HASH_LEN];
	enum stance_fault why;
	int64_t bad;
	int version;
	const char *column;
	char guard[64];
	/* VERIFY_GRANT: the role (or PUBLIC) and what it may do. */
	char role[64];
	char privilege[16];
	/* VERIFY_DERIVED: the account's handle (HANDLE_MAX characters of
	 * UTF-8 at the most, input.h). */
	char account[4 * 64 + 1];
	/*
	 * A team store's rows the role may not read (row-level security:
	 * other teams' accounts): their links in observation_chain are
	 * followed, their contents not recomputed; n counts the others.
	 */
	int64_t unseen;
};
int store_stance_verify(struct store *, struct stance_verdict *);

#endif
