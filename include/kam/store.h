/*
 * The store: one SQLite file shared by every kam command.  This header is
 * the core (setting up the engine, opening, migrations, transactions) and
 * the addressing every command needs (account, person, deal and
 * competitor handles to ids, with "did you mean" suggestions).  The
 * queries of each part are declared beside its structs, prefixed store_
 * (org.h, stance.h, gate.h, graph.h, timeline.h).  No SQLite type
 * appears here: those are in src/lib/store-int.h, private to the store.
 * May be included by the mains, the frame (cli.c), the use cases and
 * src/lib/store*.c;
 * never by the rules (org.c, stance.c, gate.c, graph.c, ...) or the
 * writers.
 */
#ifndef KAM_STORE_H
#define KAM_STORE_H

#include <stdint.h>

#define KAM_APPLICATION_ID 0x4B414D31 /* "KAM1" */
#define KAM_SCHEMA_VERSION 14
/* The team store's (PostgreSQL) schema version: its own numbering. */
#define KAM_TEAM_SCHEMA_VERSION 10

struct store;

/*
 * Sets the engine up for a command, once, before the first store_open:
 * one thread, and no memory statistics (each would take a lock).
 */
void store_init_library(void);

#define STORE_READ   0
#define STORE_WRITE  1
#define STORE_CREATE 2 /* create the file (and its folder) if missing */
/* Or'ed into the mode: commits wait for store_finish. */
#define STORE_HOLD 4

/*
 * Opens path, a file name (never an SQLite URI).  A missing file is
 * KAM_NOSTORE unless STORE_CREATE; a file that is not a kam store is
 * KAM_NOTKAM; a newer schema KAM_NEWER; a store that cannot be written,
 * with STORE_WRITE or STORE_CREATE, KAM_READONLY.  A store that cannot
 * be written is opened for reading (read as an immutable file when its
 * folder cannot be written either).  A postgresql:// or postgres:// URL
 * is a team store: STORE_READ reads it in one transaction (one
 * snapshot) until store_finish.  Messages are reported here.
 */
int store_open(struct store **, const char *path, int mode);
/*
 * When path names a team store (PostgreSQL), reports that what (a
 * command and verb, "kam-org account list") does not run on one and
 * returns KAM_NOTBUILT; else KAM_OK, reporting nothing.  Connects to
 * nothing.
 */
int store_team_refused(const char *path, const char *what);
/* Whether path names a team store (a postgresql:// URL). */
int store_url_is_team(const char *path);
/*
 * Whether the command's failure came from the team store's
 * serialisation failure or deadlock, so that it may run again from its
 * start (after store_finish rolled it back); 0 on SQLite.
 */
int store_retryable(const struct store *);
/*
 * Ends a store opened with STORE_HOLD: when commit is set, commits what
 * the command's store_end calls kept waiting (and puts a new store in
 * place), else rolls it all back.  Returns KAM_OK or the failure,
 * reported.
 */
int store_finish(struct store *, int commit);
/*
 * The first failure of a read (a failed step) or of a statement that
 * could not be prepared, reported when it happened and kept, or KAM_OK:
 * the command fails with it, whatever the verb returned.
 */
int store_failed(const struct store *);
/*
 * Outside any transaction, after a commit: copies the log into the store
 * file, rebuilds the file (VACUUM) so that no free page keeps what was
 * deleted, and empties the log again.  KAM_CONFLICT, reported, when
 * another connection kept the log from being emptied.
 */
int store_compact(struct store *);
/* Closes; whatever was not committed is rolled back. */
void store_close(struct store *);
const char *store_path(const struct store *);

/*
 * Transactions, the one way: store_begin opens one of a kind, store_end
 * closes the innermost, committing when rc is KAM_OK and rolling back
 * otherwise, and returns the final status.  They nest: a read inside
 * any transaction is that transaction; a write inside a write is a
 * savepoint of it.  A write takes the write lock at once (BEGIN
 * IMMEDIATE) and waits for other writers (busy timeout).  Every command
 * that writes does all its writes in one.
 */
#define STORE_TX_READ  0 /* one snapshot and one lock around many queries */
#define STORE_TX_WRITE 1
/*
 * A write whose caller resolves every reference itself (an import):
 * foreign keys are not checked again on each insert (off when it is the
 * outermost transaction, else deferred to the commit).
 */
#define STORE_TX_IMPORT 2
int store_begin(struct store *, int kind);
int store_end(struct store *, int rc);

/* For a command about to read most of a large store (a whole account's
 * listing, a map's walks): its pages mapped, not copied. */
void store_map_pages(struct store *);

/* Whether an account has this handle; reports nothing. */
int store_account_find(struct store *, const char *handle, int64_t *);

/* Addressing.  Each reports an unknown handle with a suggestion. */
int store_account_id(struct store *, const char *handle, int64_t *);
int store_person_id(struct store *, const char *ref, const char *dflt_account,
                    int64_t *);
int store_deal_id(struct store *, const char *ref, const char *dflt_account,
                  int64_t *);
int store_competitor_id(struct store *, const char *handle, int64_t *);
/* A person, bare handles in the account with this id (a deal's, whose
 * buying roles are held by its account's people). */
int store_person_id_in(struct store *, const char *ref, int64_t account,
                       int64_t *);
/* One of our sellers (kam-org seller add). */
int store_seller_id(struct store *, const char *handle, int64_t *);
/* The same, with messages after "WHERE: " (an import's FILE:LINE). */
int store_person_id_at(struct store *, const char *where, const char *ref,
                       const char *dflt_account, int64_t *);
int store_deal_id_at(struct store *, const char *where, const char *ref,
                     const char *dflt_account, int64_t *);
int store_competitor_id_at(struct store *, const char *where,
                           const char *handle, int64_t *);
/*
 * store_person_id_at for many references (an import): on a team store,
 * the first person named of an account reads all of that account's
 * people in one query (a round trip to the server each would cost more
 * than the rest of the import), and a reference ACCOUNT/HANDLE, or
 * HANDLE of dflt_account, is then found among them; any other, or one
 * not found, is looked up as store_person_id_at does, with its
 * messages.  A store file answers each lookup from its index.  Begin
 * with store_people_init, end with store_people_free.
 */
struct hindex;
struct store_people {
	struct hindex *people, *accounts;
};
void store_people_init(struct store_people *);
void store_people_free(struct store_people *);
int store_person_id_many(struct store *, struct store_people *,
                         const char *where, const char *ref,
                         const char *dflt_account, int64_t *);
/*
 * Reports ref, which ref_parse refused, as a reference to a new WHAT
 * ("person", "deal"): it needs an account, or a handle in it is not one,
 * with what a handle may hold.  Returns the status.
 */
int store_ref_refused(const char *where, const char *what, const char *ref,
                      const char *dflt);
/*
 * The one person of the account with this display name: KAM_OK; none:
 * KAM_NOTFOUND, not reported; several: KAM_DATA, reported with each
 * one's ACCOUNT/HANDLE (and title).  store_person_id and
 * store_person_id_at try a handle first, then this.
 */
int store_person_named(struct store *, const char *where, int64_t account,
                       const char *name, int64_t *);
/* "account/handle" of a person or deal, into a new string. */
char *store_person_ref(struct store *, int64_t);
char *store_deal_ref(struct store *, int64_t);
/* The account of a deal. */
int64_t store_deal_account(struct store *, int64_t deal);
/*
 * Refuses an external id that another person of the account holds (deal
 * set: another deal of it); self is the record's own id, 0 for a new
 * one.  An empty id is none, held by nobody.
 */
int store_ext_id_free(struct store *, int deal, int64_t account, int64_t self,
                      const char *ext_id);

#endif
