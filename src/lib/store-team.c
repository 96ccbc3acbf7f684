/*
 * Teams: who sells an account.  In a store file a team is a label; on a
 * team store each is backed by a database role (TEAM_ROLE_PREFIX and the
 * team's handle) whose members see and change its accounts, by the
 * row-level security of schema-pg.sql (kam(7), TEAMS).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

#include "store-int.h"

/* The team's id, or 0 if there is none of that handle. */
static int64_t
team_id(struct store *st, const char *handle)
{
	static const char q[] = "SELECT id FROM team WHERE handle = ?";
	int64_t id = 0;

	store_get_int64(st, store_stmt(st, q), STORE_ARGS(STORE_HANDLE(handle)),
	                &id);
	return id;
}

int
store_org_team_id(struct store *st, const char *handle, int64_t *id)
{
	if ((*id = team_id(st, handle)) != 0)
		return KAM_OK;
	if (store_failed(st) != KAM_OK)
		return store_failed(st);
	return kam_err(KAM_NOTFOUND,
	               _("team '%s' does not exist (add it with 'kam-org team "
	                 "add %s')"),
	               handle, handle);
}

/*
 * On a team store, the team's role: there already (made by the
 * database's administrator), or made now, NOLOGIN, when the user may
 * create roles; else the user is told what the administrator must run.
 * For an account copied (account, its handle; NULL for kam-org team
 * add) that is the role and the user's membership of it
 * (store_team_held): the copy is what is run again.
 */
static int
team_role(struct store *st, const char *handle, const char *account)
{
	static const char qrole[] = "SELECT 1 FROM pg_roles WHERE rolname = ?";
	static const char qmay[] =
	    "SELECT CAST(current_user AS text), CASE WHEN rolcreaterole OR "
	    "rolsuper THEN 1 ELSE 0 END FROM pg_roles WHERE rolname = "
	    "current_user";
	char *nfc = handle_nfc(handle), *role, *quoted, *sql, *user = NULL;
	int64_t one;
	db_stmt *s;
	int may = 0, rc = KAM_OK;

	xasprintf(&role, "%s%s", TEAM_ROLE_PREFIX, nfc);
	free(nfc);
	if (store_get_int64(st, store_stmt(st, qrole),
	                    STORE_ARGS(STORE_TEXT(role)), &one) ||
	    store_failed(st) != KAM_OK) {
		free(role);
		return store_failed(st);
	}
	s = store_stmt(st, qmay);
	if (store_first(st, s, NULL, "the store")) {
		user = store_col_dup(s, 0);
		may = db_column_int(s, 1);
		db_reset(s);
	}
	quoted = db_quote_ident(role);
	if (store_failed(st) != KAM_OK)
		rc = store_failed(st);
	else if (!may && account != NULL)
		rc = kam_err(
		    KAM_READONLY,
		    _("cannot copy account '%s' into store '%s': team '%s' "
		      "sells it, its role %s does not exist, and database "
		      "user '%s' may not create roles; have the database's "
		      "administrator run 'CREATE ROLE %s NOLOGIN' and 'GRANT "
		      "%s TO %s', then run the copy again (kam(7), TEAMS)"),
		    account, store_path(st), handle, quoted, user ? user : "?",
		    quoted, quoted, user ? user : "?");
	else if (!may)
		rc = kam_err(
		    KAM_READONLY,
		    _("cannot add team '%s': its role %s does not "
		      "exist and this database user may not create "
		      "roles; have the database's administrator run "
		      "'CREATE ROLE %s NOLOGIN', then run 'kam-org team "
		      "add %s' again (kam(7), TEAMS)"),
		    handle, quoted, quoted, handle);
	else {
		xasprintf(&sql, "CREATE ROLE %s NOLOGIN", quoted);
		if (db_exec(st, sql) != 0)
			rc = store_fail(st, "cannot create the team's role");
		free(sql);
	}
	free(quoted);
	free(user);
	free(role);
	return rc;
}

int
store_team_held(struct store *st, const char *handle, const char *account)
{
	static const char q[] =
	    "SELECT CAST(current_user AS text), CASE WHEN "
	    "pg_has_role(current_user, r.oid, 'MEMBER') THEN 1 ELSE 0 END "
	    "FROM pg_roles r WHERE r.rolname = ?";
	char *nfc, *role, *quoted, *user = NULL;
	db_stmt *s;
	int member = 0, rc;

	if (!store_is_team(st))
		return KAM_OK;
	if ((rc = team_role(st, handle, account)) != KAM_OK)
		return rc;
	nfc = handle_nfc(handle);
	xasprintf(&role, "%s%s", TEAM_ROLE_PREFIX, nfc);
	free(nfc);
	s = store_stmt(st, q);
	if (store_first(st, s, STORE_ARGS(STORE_TEXT(role)), "the store")) {
		user = store_col_dup(s, 0);
		member = db_column_int(s, 1);
		db_reset(s);
	}
	if ((rc = store_failed(st)) != KAM_OK || member) {
		free(user);
		free(role);
		return rc;
	}
	quoted = db_quote_ident(role);
	rc = kam_err(KAM_READONLY,
	             _("cannot copy account '%s' into store '%s': team '%s' "
	               "sells it, and database user '%s' is not a member of "
	               "its role %s, so the account would be out of their "
	               "sight; have the database's administrator run 'GRANT "
	               "%s TO %s' first (kam(7), TEAMS)"),
	             account, store_path(st), handle, user ? user : "?", quoted,
	             quoted, user ? user : "?");
	free(quoted);
	free(user);
	free(role);
	return rc;
}

int
store_org_team_add(struct store *st, const char *handle)
{
	static const char q[] =
	    "INSERT INTO team (handle, created) VALUES (?, ?)";
	char today[KAM_DATE_LEN];
	int rc;

	if (team_id(st, handle) != 0)
		return kam_err(KAM_CONFLICT, _("team '%s' already exists"),
		               handle);
	if (store_failed(st) != KAM_OK)
		return store_failed(st);
	if (store_is_team(st) && (rc = team_role(st, handle, NULL)) != KAM_OK)
		return rc;
	kam_today(today);
	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_HANDLE(handle), STORE_TEXT(today)),
	                 "cannot add team");
}

int
store_org_team_rm(struct store *st, const char *handle)
{
	static const char qused[] = "SELECT 1 FROM account WHERE team_id = ?";
	static const char q[] = "DELETE FROM team WHERE id = ?";
	db_stmt *s;
	int64_t id, one;
	int used, rc;

	if ((rc = store_org_team_id(st, handle, &id)) != KAM_OK)
		return rc;
	used = store_get_int64(st, store_stmt(st, qused),
	                       STORE_ARGS(STORE_INT(id)), &one);
	if (store_failed(st) != KAM_OK)
		return store_failed(st);
	/* On a team store an account the user cannot see may still name
	 * the team: the foreign key refuses the delete then. */
	if (!used) {
		s = store_stmt(st, q);
		store_bind_args(s, STORE_ARGS(STORE_INT(id)));
		rc = db_step(s);
		db_reset(s);
		if (rc == DB_DONE)
			return KAM_OK;
		if (store_fail_code(st) != KAM_CONFLICT)
			return store_fail(st, "cannot remove team");
	}
	return kam_err(KAM_CONFLICT,
	               _("team '%s' still sells accounts: give them to "
	                 "another team or to none first (kam-org account set "
	                 "ACCOUNT --team TEAM)"),
	               handle);
}

#define F(f, k) STORE_FIELD(struct org_team, f, k)
STORE_ROWS(team_rows, struct org_team, F(handle, TEXT), F(role, TEXT),
           F(accounts, LONG), F(created, TEXT));
#undef F

int
store_org_teams(struct store *st, int (*fn)(const struct org_team *, void *),
                void *arg)
{
	static const char q[] =
	    "SELECT t.handle, '" TEAM_ROLE_PREFIX "' || t.handle, "
	    "(SELECT count(*) FROM account a WHERE a.team_id = t.id), "
	    "t.created FROM team t ORDER BY t.handle";

	return store_each_read(st, store_stmt(st, q), NULL, &team_rows,
	                       (store_fn)fn, arg, "the teams");
}
