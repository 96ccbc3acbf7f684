/*
 * Importing an organisation from CSV: people with reporting lines (in any
 * order: a person may come before their manager), influence links and
 * buying roles.  Every row is checked before anything is written, so one
 * bad row rejects the whole file with FILE:LINE: and the store stays as
 * it was (the caller's transaction is rolled back).  Reads through the
 * import machinery (import.c); the cycle rule is org.c's.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

enum {
	P_HANDLE,
	P_NAME,
	P_TITLE,
	P_DEPT,
	P_LEVEL,
	P_REPORTS,
	P_DOTTED,
	P_PLACEHOLDER,
	P_LEFT,
	P_NCOLS
};
const char *const org_people_cols[] = {
    "handle",     "name",      "title",       "dept",    "level",
    "reports_to", "dotted_to", "placeholder", "left_on", NULL};
const char *const org_link_cols[] = {"from", "to", "kind", "strength", NULL};
const char *const org_role_cols[] = {"deal",      "person", "role",
                                     "influence", "lead",   NULL};
enum { L_FROM, L_TO, L_KIND, L_STRENGTH };
enum { R_DEAL, R_PERSON, R_ROLE, R_INFLUENCE, R_LEAD };

static const struct import_kind people_kind = {"people", org_people_cols, 2};
static const struct import_kind links_kind = {"links", org_link_cols, 3};
static const struct import_kind roles_kind = {"roles", org_role_cols, 3};
static const struct import_kind deals_kind = {"deals", deal_file_cols, 2};

/* One row of a people file, its fields copied into one allocation. */
struct prow {
	long line;
	char *f[P_NCOLS]; /* into one allocation, at f[0] */
	long level;
	int placeholder;
	int64_t id;
	/* managers: index into rows (>= 0) or -(existing id) - 1 */
	int64_t solid;
	int64_t *dotted;
	size_t ndotted;
};

/* What a people import holds between its steps. */
struct people {
	struct import_in *im;
	struct store *st;
	int64_t account;
	char *acct; /* the account's handle */
	struct prow *rows;
	size_t n, cap;
	/* Every handle a row may name: new rows (their index), people in
	 * the account (-id - 1). */
	struct hindex ix;
	struct org_handle *old;
	size_t nold;
};

/* A message naming the row's line (the current row, or an earlier one). */
static int row_err(struct import_in *im, long line, int code, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));
static int
row_err(struct import_in *im, long line, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	long at = im->line;
	int rc;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		abort(); /* out of memory */
	va_end(ap);
	im->line = line;
	rc = import_err(im, code, "%s", msg);
	im->line = at;
	free(msg);
	return rc;
}

/*
 * An unknown handle h, written as ref (h itself, or ACCOUNT/h): the
 * message and the suggestion are written as the file wrote it.
 */
static int
unknown_in_file(struct import_in *im, long line, const char *what,
                const char *ref, const char *h, const struct hindex *ix)
{
	const char *guess = hindex_nearest(ix, h);
	int pre = (int)(h - ref);

	if (guess != NULL)
		return row_err(im, line, KAM_NOTFOUND,
		               "unknown %s '%s' (did you mean '%.*s%s'?)", what,
		               ref, pre, ref, guess);
	return row_err(im, line, KAM_NOTFOUND, "unknown %s '%s'", what, ref);
}

/* Strips "ACCOUNT/" when it names the importing account. */
static const char *
local_handle(const char *ref, const char *acct)
{
	size_t n = strlen(acct);

	if (strncmp(ref, acct, n) == 0 && ref[n] == '/')
		return ref + n + 1;
	return ref;
}

/*
 * ref names a handle of another account ("ACCOUNT/HANDLE"): refused, as
 * being in another account when that account exists, else naming the
 * account that does not (the code of an unknown account).
 */
static int
elsewhere(struct store *st, struct import_in *im, long line, const char *what,
          const char *ref)
{
	const char *slash = strchr(ref, '/');
	char *acct = xstrndup(ref, (size_t)(slash - ref));
	int64_t id;
	int rc;

	if (handle_valid(acct) && !store_account_find(st, acct, &id))
		rc = row_err(im, line, KAM_NOTFOUND,
		             "%s '%s': unknown account '%s'", what, ref, acct);
	else
		rc = row_err(im, line, KAM_DATA,
		             "%s '%s' is in another account", what, ref);
	free(acct);
	return rc;
}

static int
word_refused(const char *path, long line, enum vocab_kind k, const char *s)
{
	char *where;
	int rc;

	xasprintf(&where, "%s:%ld", path, line);
	rc = vocab_refused(where, k, s);
	free(where);
	return rc;
}

/* Names, titles and departments are one line of text each. */
static int
check_texts(const char *path, long line, const char *const *f)
{
	static const int cols[] = {P_NAME, P_TITLE, P_DEPT};
	char where[600];
	size_t i;
	int rc;

	for (i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		if (text_refused(f[cols[i]], TEXT_LINE) == 0)
			continue;
		snprintf(where, sizeof where, "%s:%ld", path, line);
		if ((rc = text_check(where, org_people_cols[cols[i]],
		                     f[cols[i]], TEXT_LINE)) != KAM_OK)
			return rc;
	}
	return KAM_OK;
}

int
org_check_person_row(const char *path, long line, const char *const *f,
                     long *level, int *placeholder)
{
	char where[600];
	int rc;

	*level = 0;
	if (!handle_valid(f[P_HANDLE]))
		return kam_err(KAM_DATA,
		               "%s:%ld: invalid handle '%s' (" HANDLE_RULE ")",
		               path, line, f[P_HANDLE]);
	if (*f[P_NAME] == '\0')
		return kam_err(KAM_DATA, "%s:%ld: '%s' has no name", path, line,
		               f[P_HANDLE]);
	if ((rc = check_texts(path, line, f)) != KAM_OK)
		return rc;
	if (*f[P_LEVEL] != '\0' && !parse_int(f[P_LEVEL], 1, 99, level))
		return kam_err(KAM_DATA,
		               "%s:%ld: invalid level '%s' (a whole number "
		               "from 1, the top, to 99)",
		               path, line, f[P_LEVEL]);
	if (!import_flag(f[P_PLACEHOLDER], placeholder))
		return kam_err(KAM_DATA,
		               "%s:%ld: invalid placeholder '%s' (yes or no)",
		               path, line, f[P_PLACEHOLDER]);
	if (*f[P_LEFT] != '\0' && !date_valid(f[P_LEFT])) {
		snprintf(where, sizeof where, "%s:%ld", path, line);
		return date_error(where, NULL, f[P_LEFT]);
	}
	return KAM_OK;
}

int
org_check_link_row(const char *path, long line, const char *kind,
                   const char *strength, const char **kind_word,
                   long *strength_value)
{
	if ((*kind_word = vocab_link_kind(kind)) == NULL)
		return word_refused(path, line, VOCAB_LINK_KIND, kind);
	*strength_value = 2;
	if (strength != NULL && *strength != '\0' &&
	    !parse_int(strength, 1, 3, strength_value))
		return kam_err(KAM_DATA,
		               "%s:%ld: invalid strength '%s' (1, 2 or 3)",
		               path, line, strength);
	return KAM_OK;
}

int
org_check_role_row(const char *path, long line, const char *role,
                   const char *influence, const char *lead,
                   const char **role_word, const char **influence_word,
                   int *lead_value)
{
	if ((*role_word = vocab_role(role)) == NULL)
		return word_refused(path, line, VOCAB_ROLE, role);
	*influence_word = NULL;
	if (influence != NULL && *influence != '\0' &&
	    (*influence_word = vocab_influence(influence)) == NULL)
		return word_refused(path, line, VOCAB_INFLUENCE, influence);
	*lead_value = 0;
	if (lead != NULL && !import_flag(lead, lead_value))
		return kam_err(KAM_DATA,
		               "%s:%ld: invalid lead '%s' (yes or no)", path,
		               line, lead);
	return KAM_OK;
}

/* People */

/*
 * Copies the row's fields into one allocation, at r->f[0] ("" for a
 * column the file lacks), with its handles in their one spelling (NFC):
 * one malloc a row instead of one a field.
 */
static void
copy_row(struct prow *r, const struct import_in *im)
{
	static const int handles[] = {P_HANDLE, P_REPORTS, P_DOTTED};
	const char *src[P_NCOLS];
	char *nfc[P_NCOLS] = {NULL}, *p;
	size_t k, len = 0, l;

	for (k = 0; k < P_NCOLS; k++)
		src[k] = import_raw(im, (int)k);
	for (k = 0; k < 3; k++) {
		const unsigned char *c = (const unsigned char *)src[handles[k]];

		while (*c && *c < 0x80)
			c++;
		if (*c != '\0' &&
		    (nfc[handles[k]] = handle_nfc(src[handles[k]])) != NULL)
			src[handles[k]] = nfc[handles[k]];
	}
	for (k = 0; k < P_NCOLS; k++)
		len += strlen(src[k]) + 1;
	p = xmalloc(len);
	for (k = 0; k < P_NCOLS; k++) {
		l = strlen(src[k]);
		memcpy(p, src[k], l + 1);
		r->f[k] = p;
		p += l + 1;
		free(nfc[k]);
	}
}

/* Reads and checks every row. */
static int
read_people(struct people *pp)
{
	struct import_in *im = pp->im;
	struct prow *r;
	int got, rc;

	while ((got = import_next(im)) == 1) {
		if (pp->n == pp->cap) {
			pp->cap = pp->cap ? pp->cap * 2 : 256;
			pp->rows =
			    xreallocarray(pp->rows, pp->cap, sizeof *pp->rows);
		}
		r = &pp->rows[pp->n++];
		memset(r, 0, sizeof *r);
		r->line = im->line;
		r->solid = -1;
		copy_row(r, im);
		if ((rc = org_check_person_row(
		         import_path(im), im->line, (const char *const *)r->f,
		         &r->level, &r->placeholder)) != KAM_OK)
			return rc;
	}
	return got < 0 ? im->status : KAM_OK;
}

/*
 * One index of every handle the file may refer to: the account's people,
 * then the new rows, each of which must be new and named once.
 */
static int
index_people(struct people *pp)
{
	size_t i;
	int64_t seen;

	store_org_handles(pp->st, pp->account, &pp->old, &pp->nold);
	hindex_init(&pp->ix, 0);
	for (i = 0; i < pp->nold; i++)
		hindex_put(&pp->ix, pp->old[i].handle, -pp->old[i].id - 1);
	for (i = 0; i < pp->n; i++) {
		const struct prow *r = &pp->rows[i];

		if (hindex_put(&pp->ix, r->f[P_HANDLE], (int64_t)i))
			continue;
		hindex_get(&pp->ix, r->f[P_HANDLE], &seen);
		if (seen < 0)
			return row_err(pp->im, r->line, KAM_CONFLICT,
			               "person '%s/%s' already exists",
			               pp->acct, r->f[P_HANDLE]);
		return row_err(pp->im, r->line, KAM_DATA,
		               "handle '%s' repeated (first on line %ld)",
		               r->f[P_HANDLE], pp->rows[seen].line);
	}
	return KAM_OK;
}

/* A manager named by row i: a handle of the account, new or not. */
static int
resolve_mgr(struct people *pp, size_t i, const char *ref, int64_t *out)
{
	const struct prow *r = &pp->rows[i];
	const char *h = local_handle(ref, pp->acct);

	if (strchr(h, '/') != NULL)
		return elsewhere(pp->st, pp->im, r->line, "manager", ref);
	if (!handle_valid(h))
		return row_err(pp->im, r->line, KAM_DATA,
		               "invalid handle '%s' (" HANDLE_RULE ")", ref);
	if (!hindex_get(&pp->ix, h, out))
		return unknown_in_file(pp->im, r->line, "manager", ref, h,
		                       &pp->ix);
	if (*out == (int64_t)i)
		return row_err(pp->im, r->line, KAM_CONFLICT,
		               "'%s' cannot report to themselves",
		               r->f[P_HANDLE]);
	return KAM_OK;
}

/* Each row's solid and dotted managers; a manager named twice is one
 * dotted line, as with --dotted-to given twice. */
static int
resolve_managers(struct people *pp)
{
	size_t i, d;
	int64_t m;
	int rc;

	for (i = 0; i < pp->n; i++) {
		struct prow *r = &pp->rows[i];
		char *p, *save = NULL;

		if (*r->f[P_REPORTS] != '\0' &&
		    (rc = resolve_mgr(pp, i, r->f[P_REPORTS], &r->solid)) !=
		        KAM_OK)
			return rc;
		for (p = strtok_r(r->f[P_DOTTED], ";", &save); p != NULL;
		     p = strtok_r(NULL, ";", &save)) {
			if ((rc = resolve_mgr(pp, i, p, &m)) != KAM_OK)
				return rc;
			for (d = 0; d < r->ndotted && r->dotted[d] != m; d++)
				;
			if (d < r->ndotted)
				continue;
			r->dotted = xreallocarray(r->dotted, r->ndotted + 1,
			                          sizeof *r->dotted);
			r->dotted[r->ndotted++] = m;
		}
	}
	return KAM_OK;
}

/*
 * Cycles can only run through new rows: people in the store have no
 * lines to them.  Reported at the line of the row that closes it.
 */
static int
refuse_cycles(struct people *pp)
{
	struct org_node *nodes = xcalloc(pp->n + 1, sizeof *nodes);
	size_t *path = xcalloc(pp->n + 1, sizeof *path), len, i;
	struct buf b = {0};
	int rc = KAM_OK;

	for (i = 0; i < pp->n; i++) {
		nodes[i].solid = pp->rows[i].solid;
		nodes[i].dotted = pp->rows[i].dotted;
		nodes[i].ndotted = pp->rows[i].ndotted;
	}
	if ((len = org_find_cycle(nodes, pp->n, path)) > 0) {
		for (i = 0; i < len; i++)
			buf_printf(&b, "%s -> ", pp->rows[path[i]].f[P_HANDLE]);
		buf_puts(&b, pp->rows[path[0]].f[P_HANDLE]);
		rc = row_err(pp->im, pp->rows[path[len - 1]].line, KAM_CONFLICT,
		             "reporting lines form a cycle: %s", b.s);
		buf_free(&b);
	}
	free(nodes);
	free(path);
	return rc;
}

/*
 * A row in handle order: key holds the handle's first eight bytes,
 * big-endian, so that sorting 100,000 handles mostly compares integers
 * instead of reading strings from all over the heap.
 */
struct by_handle {
	uint64_t key;
	const char *handle;
	size_t row;
};

static int
by_handle_cmp(const void *a, const void *b)
{
	const struct by_handle *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	/* The same first eight bytes; the same handle if it ends there. */
	if ((x->key & 0xff) == 0)
		return 0;
	return strcmp(x->handle + 8, y->handle + 8);
}

/* The rows' indices in handle order, in order[]. */
static void
handle_order(const struct prow *rows, size_t n, size_t *order)
{
	struct by_handle *v = xcalloc(n + 1, sizeof *v);
	size_t i, k;

	for (i = 0; i < n; i++) {
		const char *h = rows[i].f[P_HANDLE];

		for (k = 0; k < 8 && h[k] != '\0'; k++)
			v[i].key = v[i].key << 8 | (unsigned char)h[k];
		v[i].key <<= 8 * (8 - k);
		v[i].handle = h;
		v[i].row = i;
	}
	qsort(v, n, sizeof *v, by_handle_cmp);
	for (i = 0; i < n; i++)
		order[i] = v[i].row;
	free(v);
}

/* A manager as a person id, once every new row has one. */
static int64_t
manager_id(const struct people *pp, int64_t m)
{
	return m == -1 ? 0 : m >= 0 ? pp->rows[m].id : -m - 1;
}

/*
 * People are written in handle order, with ids known before any insert,
 * so that each row is written once with its solid-line manager, even
 * when the manager comes later, and the person rows and their handle
 * index grow at their end: the sqlite3 shell imports 100,000 shuffled
 * handles into an indexed table a fifth slower than sorted ones.
 */
static int
write_people(struct people *pp)
{
	size_t *order = xcalloc(pp->n + 1, sizeof *order), i, k;
	struct org_new_person *batch = xcalloc(ORG_BATCH, sizeof *batch);
	int64_t next = store_org_max_person_id(pp->st);
	int rc = KAM_OK;

	handle_order(pp->rows, pp->n, order);
	for (i = 0; i < pp->n; i++)
		pp->rows[order[i]].id = ++next;
	/* A row may name a manager inserted after it: the caller's
	 * transaction (STORE_TX_IMPORT) checks foreign keys at commit, if
	 * at all. */
	for (i = 0, k = 0; i < pp->n && rc == KAM_OK; i++) {
		const struct prow *r = &pp->rows[order[i]];
		struct org_new_person *b = &batch[k];

		b->id = r->id;
		b->manager = manager_id(pp, r->solid);
		b->handle = r->f[P_HANDLE];
		b->name = r->f[P_NAME];
		b->title = *r->f[P_TITLE] ? r->f[P_TITLE] : NULL;
		b->dept = *r->f[P_DEPT] ? r->f[P_DEPT] : NULL;
		b->left_on = *r->f[P_LEFT] ? r->f[P_LEFT] : NULL;
		b->level = r->level;
		b->placeholder = r->placeholder;
		if (++k == ORG_BATCH || i + 1 == pp->n) {
			rc = store_org_insert_people(pp->st, pp->account, batch,
			                             k, "imported");
			k = 0;
		}
	}
	for (i = 0; i < pp->n && rc == KAM_OK; i++)
		for (k = 0; k < pp->rows[i].ndotted && rc == KAM_OK; k++)
			rc = store_org_insert_line(
			    pp->st, pp->rows[i].id,
			    manager_id(pp, pp->rows[i].dotted[k]), "dotted");
	free(batch);
	free(order);
	return rc;
}

static int
import_people(struct store *st, int64_t account, struct import_in *im)
{
	struct people pp;
	size_t i;
	int rc;

	memset(&pp, 0, sizeof pp);
	pp.im = im;
	pp.st = st;
	pp.account = account;
	pp.acct = store_org_account_handle(st, account);
	if ((rc = read_people(&pp)) == KAM_OK &&
	    (rc = index_people(&pp)) == KAM_OK &&
	    (rc = resolve_managers(&pp)) == KAM_OK &&
	    (rc = refuse_cycles(&pp)) == KAM_OK)
		rc = write_people(&pp);
	for (i = 0; i < pp.n; i++) {
		free(pp.rows[i].f[0]);
		free(pp.rows[i].dotted);
	}
	free(pp.rows);
	for (i = 0; i < pp.nold; i++)
		free(pp.old[i].handle);
	free(pp.old);
	hindex_free(&pp.ix);
	free(pp.acct);
	return rc;
}

/* Links and roles */

/* What a links or roles import holds: the account's people by handle,
 * and the rows seen, so that a row given twice is refused. */
struct refs {
	struct import_in *im;
	struct store *st;
	int64_t account;
	char *acct;
	struct hindex people, rows;
	struct org_handle *old;
	size_t nold;
};

/*
 * A person of the account: by handle, else by a display name unique in
 * the account.
 */
static int
find_person(struct refs *rf, const char *ref, int64_t *id)
{
	const char *h = local_handle(ref, rf->acct);
	char *nfc;
	int rc, hit;

	if (!(hit = hindex_get(&rf->people, h, id)) &&
	    (nfc = handle_nfc(h)) != NULL) {
		hit = hindex_get(&rf->people, nfc, id);
		free(nfc);
	}
	if (hit)
		return KAM_OK;
	rc = store_person_named(rf->st, import_where(rf->im), rf->account, h,
	                        id);
	if (rc != KAM_NOTFOUND)
		return rc;
	if (strchr(h, '/') != NULL)
		return elsewhere(rf->st, rf->im, rf->im->line, "person", ref);
	return unknown_in_file(rf->im, rf->im->line, "person", ref, h,
	                       &rf->people);
}

/*
 * The same link or role twice in one file is refused, as a person named
 * twice is: the two rows may disagree, and the file's order would decide
 * silently.  key says what the row is about.
 */
static int
once(struct refs *rf, const char *key, const char *what)
{
	int64_t first;

	if (hindex_put(&rf->rows, key, rf->im->line))
		return KAM_OK;
	hindex_get(&rf->rows, key, &first);
	return import_err(rf->im, KAM_DATA, "%s repeated (first on line %ld)",
	                  what, (long)first);
}

static int
link_row(struct refs *rf)
{
	struct import_in *im = rf->im;
	const char *kind, *f = import_raw(im, L_FROM),
	                  *t = import_raw(im, L_TO);
	char *from, *to, *key;
	long strength;
	int64_t a, b;
	int rc;

	if ((rc = find_person(rf, f, &a)) != KAM_OK ||
	    (rc = find_person(rf, t, &b)) != KAM_OK ||
	    (rc = org_check_link_row(
	         import_path(im), im->line, import_raw(im, L_KIND),
	         import_get(im, L_STRENGTH), &kind, &strength)) != KAM_OK)
		return rc;
	if (a == b)
		return import_err(im, KAM_DATA,
		                  "a link needs two people, not '%s' twice", f);
	xasprintf(&key, "%lld %lld %s", (long long)a, (long long)b, kind);
	xasprintf(&from, "%s/%s", rf->acct, local_handle(f, rf->acct));
	xasprintf(&to, "%s/%s", rf->acct, local_handle(t, rf->acct));
	if ((rc = once(rf, key, "link")) == KAM_OK)
		rc = store_org_link(rf->st, from, to, NULL, kind, strength);
	free(key);
	free(from);
	free(to);
	return rc;
}

static int
role_row(struct refs *rf)
{
	struct import_in *im = rf->im;
	const char *role, *influence, *dh;
	char *deal, *person, *key;
	int64_t p;
	int rc, lead;

	dh = local_handle(import_raw(im, R_DEAL), rf->acct);
	if (strchr(dh, '/') != NULL)
		return elsewhere(rf->st, im, im->line, "deal",
		                 import_raw(im, R_DEAL));
	if (!handle_valid(dh) ||
	    store_org_deal_lookup(rf->st, rf->account, dh) == 0)
		return import_err(im, KAM_NOTFOUND, "unknown deal '%s'",
		                  import_raw(im, R_DEAL));
	if ((rc = find_person(rf, import_raw(im, R_PERSON), &p)) != KAM_OK ||
	    (rc = org_check_role_row(
	         import_path(im), im->line, import_raw(im, R_ROLE),
	         import_get(im, R_INFLUENCE), import_get(im, R_LEAD), &role,
	         &influence, &lead)) != KAM_OK)
		return rc;
	xasprintf(&key, "%s %lld %s", dh, (long long)p, role);
	xasprintf(&deal, "%s/%s", rf->acct, dh);
	xasprintf(&person, "%s/%s", rf->acct,
	          local_handle(import_raw(im, R_PERSON), rf->acct));
	if ((rc = once(rf, key, "role")) == KAM_OK)
		rc = store_org_role_set(rf->st, deal, person, NULL, role,
		                        influence, lead);
	free(key);
	free(deal);
	free(person);
	return rc;
}

static int
import_refs(struct store *st, int64_t account, struct import_in *im,
            int (*row)(struct refs *))
{
	struct refs rf;
	size_t i;
	int rc = KAM_OK, got;

	memset(&rf, 0, sizeof rf);
	rf.im = im;
	rf.st = st;
	rf.account = account;
	rf.acct = store_org_account_handle(st, account);
	store_org_handles(st, account, &rf.old, &rf.nold);
	hindex_init(&rf.people, 0);
	hindex_init(&rf.rows, 1);
	for (i = 0; i < rf.nold; i++)
		hindex_put(&rf.people, rf.old[i].handle, rf.old[i].id);
	while (rc == KAM_OK && (got = import_next(im)) == 1)
		rc = row(&rf);
	if (rc == KAM_OK && got < 0)
		rc = im->status;
	for (i = 0; i < rf.nold; i++)
		free(rf.old[i].handle);
	free(rf.old);
	hindex_free(&rf.people);
	hindex_free(&rf.rows);
	free(rf.acct);
	return rc;
}

int
org_import(struct store *st, int64_t account, const char *path,
           const char *kind)
{
	const struct import_kind *k;
	struct import_in im;
	int rc;

	k = kind == NULL                 ? NULL
	    : strcmp(kind, "links") == 0 ? &links_kind
	    : strcmp(kind, "roles") == 0 ? &roles_kind
	    : strcmp(kind, "deals") == 0 ? &deals_kind
	                                 : &people_kind;
	if ((rc = import_open(&im, path, k != NULL ? k : &people_kind)) !=
	    KAM_OK)
		return rc;
	if (k == NULL)
		k = import_has_column(&im, "from")     ? &links_kind
		    : !import_has_column(&im, "deal")  ? &people_kind
		    : import_has_column(&im, "person") ? &roles_kind
		                                       : &deals_kind;
	if ((rc = import_header(&im, k, NULL)) == KAM_OK)
		rc = k == &people_kind  ? import_people(st, account, &im)
		     : k == &deals_kind ? deal_import(st, account, &im)
		     : k == &links_kind
		         ? import_refs(st, account, &im, link_row)
		         : import_refs(st, account, &im, role_row);
	import_close(&im);
	return rc;
}
