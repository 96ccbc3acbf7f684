/*
 * person add and person set (a use case): it resolves the new person's
 * reference and the managers named (store_person_id), the store loads,
 * the rules of org.c decide whether each new reporting line may be
 * drawn and whether a placeholder is filled in, and the store writes,
 * taking people by id.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

static int
add_up(const struct org_up *u, void *ups)
{
	*(struct org_up *)kam_array_add(ups, sizeof *u) = *u;
	return KAM_OK;
}

/* The error for a line a -> b closing the cycle (person first). */
static int
cycle_error(struct store *st, const char *a, const char *b,
            const int64_t *cycle, size_t n)
{
	struct buf path = {0};
	size_t i;
	char *r;
	int rc;

	buf_puts(&path, a);
	for (i = 1; i < n; i++) {
		r = store_person_ref(st, cycle[i]);
		buf_printf(&path, " -> %s", r);
		free(r);
	}
	buf_printf(&path, " -> %s", a);
	rc = kam_err(
	    KAM_CONFLICT,
	    _("reporting line from '%s' to '%s' would close a cycle: %s"), a, b,
	    path.s);
	buf_free(&path);
	return rc;
}

int
org_check_line(struct store *st, int64_t person, int64_t manager)
{
	struct org_line_view v;
	struct kam_array ups = {0};
	int64_t *cycle;
	size_t ncycle;
	char *a, *b;
	int rc = KAM_OK;

	memset(&v, 0, sizeof v);
	v.person = person;
	v.manager = manager;
	v.person_group =
	    store_org_group_root(st, store_org_person_account(st, person));
	v.manager_group =
	    store_org_group_root(st, store_org_person_account(st, manager));
	if (person != manager && v.person_group == v.manager_group)
		rc = store_org_lines_up(st, manager, add_up, &ups);
	if (rc != KAM_OK) {
		free(ups.v);
		return rc;
	}
	v.up = ups.v;
	v.nup = ups.n;
	a = store_person_ref(st, person);
	b = store_person_ref(st, manager);
	switch (org_line_check(&v, &cycle, &ncycle)) {
	case ORG_LINE_SELF:
		rc = kam_err(KAM_CONFLICT,
		             _("'%s' cannot report to themselves"), a);
		break;
	case ORG_LINE_CROSS:
		rc = kam_err(KAM_CONFLICT,
		             _("reporting line from '%s' to '%s' crosses "
		               "accounts"),
		             a, b);
		break;
	case ORG_LINE_CYCLE:
		rc = cycle_error(st, a, b, cycle, ncycle);
		break;
	case ORG_LINE_OK:
		break;
	}
	free(cycle);
	free(ups.v);
	free(a);
	free(b);
	return rc;
}

/* A line to the person named by ref (in the account acct), checked. */
static int
add_line(struct store *st, int64_t person, const char *ref, const char *acct,
         const char *kind)
{
	int64_t m;
	int rc;

	if ((rc = store_person_id(st, ref, acct, &m)) != KAM_OK)
		return rc;
	if (store_org_line_open(st, person, m, kind))
		return KAM_OK;
	if ((rc = org_check_line(st, person, m)) != KAM_OK)
		return rc;
	return store_org_line_start(st, person, m, kind, NULL);
}

int
org_person_add(struct store *st, const char *ref, const char *dflt,
               const struct org_change *c)
{
	struct ref r;
	int64_t account, id;
	size_t i;
	int rc;

	if (!ref_parse(&r, ref, dflt))
		return store_ref_refused(NULL, N_("person"), ref, dflt);
	if ((rc = store_account_id(st, r.account, &account)) != KAM_OK)
		return rc;
	rc = store_org_person_new(st, account, r.handle, c, &id);
	if (rc == KAM_OK && c->reports_to != NULL && *c->reports_to != '\0')
		rc = add_line(st, id, c->reports_to, r.account, "solid");
	for (i = 0; rc == KAM_OK && i < c->ndotted; i++)
		rc = add_line(st, id, c->dotted[i], r.account, "dotted");
	return rc;
}

/* The manager named by ref for a line of kind, checked unless current. */
static int
new_line(struct store *st, int64_t id, const char *ref, const char *acct,
         const char *kind, int64_t *m)
{
	int rc;

	if ((rc = store_person_id(st, ref, acct, m)) == KAM_OK &&
	    !store_org_line_open(st, id, *m, kind))
		rc = org_check_line(st, id, *m);
	return rc;
}

int
org_person_set(struct store *st, int64_t id, const struct org_change *c)
{
	struct org_delta d;
	int64_t account = 0, *dotted = NULL;
	char *acct = NULL;
	int placeholder = 0, rc;
	size_t i;

	if ((rc = store_org_person_state(st, id, &placeholder, &account)) !=
	    KAM_OK)
		return rc;
	acct = store_org_account_handle(st, account);
	memset(&d, 0, sizeof d);
	d.name = c->name;
	d.title = c->title;
	d.dept = c->dept;
	d.level = c->level;
	d.ext_id = c->ext_id;
	d.placeholder = org_placeholder_after(placeholder, c);
	if (c->ext_id != NULL && *c->ext_id != '\0')
		rc = store_org_ext_id_free(st, account, id, c->ext_id);
	/* Every new line is checked before anything changes. */
	if (rc == KAM_OK && c->reports_to != NULL) {
		d.set_solid = 1;
		if (*c->reports_to != '\0')
			rc = new_line(st, id, c->reports_to, acct, "solid",
			              &d.solid);
	}
	if (rc == KAM_OK && c->set_dotted) {
		d.set_dotted = 1;
		dotted = xcalloc(c->ndotted + 1, sizeof *dotted);
		for (i = 0; rc == KAM_OK && i < c->ndotted; i++)
			rc = new_line(st, id, c->dotted[i], acct, "dotted",
			              &dotted[i]);
		d.dotted = dotted;
		d.ndotted = c->ndotted;
	}
	if (rc == KAM_OK)
		rc = store_org_person_apply(st, id, &d, c->on);
	free(dotted);
	free(acct);
	return rc;
}
