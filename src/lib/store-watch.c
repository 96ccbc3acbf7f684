/*
 * kam-stance watch: the observations teammates commit to a team store,
 * as they commit them.  Each insert into observation notifies the
 * channel kam_observation with the new row's id (a trigger of the team
 * store's schema, schema-pg.sql); PostgreSQL delivers a notification
 * when its transaction commits, so the row it names is there to read.
 * A store file has no one else writing it while a command waits, and no
 * such channel: watch needs a team store.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"

#define WATCH_CHANNEL "kam_observation"

/* Passes a row on, keeping whether the caller wants to stop. */
struct relay {
	int (*cb)(const struct stance_log_row *, void *);
	void *arg;
	int stop;
};

static int
relay(const struct stance_log_row *r, void *arg)
{
	struct relay *rl = arg;

	rl->stop = rl->cb(r, rl->arg);
	return rl->stop;
}

int
store_stance_watch(struct store *st, int64_t account, int64_t deal,
                   volatile sig_atomic_t *stop, int out_fd,
                   int (*cb)(const struct stance_log_row *, void *), void *arg)
{
	struct pg_conn *pc = store_pg(st);
	struct relay rl = {cb, arg, 0};
	int rc = KAM_OK;

	if (pc == NULL)
		return kam_err(KAM_USAGE,
		               _("watch needs a team store (PostgreSQL), where "
		                 "teammates commit observations: '%s' is a "
		                 "file (kam(7), THE TEAM STORE)"),
		               store_path(st));
	/* Notifications come between transactions: none may be open. */
	if (db_pg_in_tx(pc) && db_pg_exec(pc, "COMMIT") != 0)
		return store_fail(st, "cannot watch");
	if (db_pg_listen(pc, WATCH_CHANNEL) != 0)
		return store_fail(st, "cannot watch");
	while (rc == KAM_OK && !rl.stop) {
		char *payload, *end;
		long long id;
		int got = db_pg_wait(pc, stop, out_fd, &payload);

		if (got == 0)
			break;
		if (got < 0)
			return kam_err(KAM_IO, _("cannot watch store '%s': %s"),
			               store_path(st), db_pg_errmsg(pc));
		id = strtoll(payload, &end, 10);
		if (id > 0 && *end == '\0')
			rc = store_stance_log_row(st, id, account, deal, relay,
			                          &rl);
		free(payload);
	}
	return rc;
}
