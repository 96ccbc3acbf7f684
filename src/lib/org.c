/*
 * Importing an organisation from CSV: people with reporting lines (in any
 * order: a person may come before their manager), influence links and
 * buying roles.  Every row is checked before anything is written, so one
 * bad row rejects the whole file with FILE:LINE: and the store stays as
 * it was (the caller's transaction is rolled back).
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

struct prow {
	long line;
	char *f[9]; /* into one allocation, at f[0] */
	long level;
	int placeholder;
	int64_t id;
	/* resolved managers: index into rows (>= 0) or -(existing id) - 1 */
	int64_t solid;
	int64_t *dotted;
	size_t ndotted;
	int mark;    /* cycle search: 0 new, 1 on the path, 2 done */
	size_t edge; /* cycle search: the next line to follow */
};

enum {
	P_HANDLE,
	P_NAME,
	P_TITLE,
	P_DEPT,
	P_LEVEL,
	P_REPORTS,
	P_DOTTED,
	P_PLACEHOLDER,
	P_LEFT
};
const char *const org_people_cols[] = {
    "handle",     "name",      "title",       "dept",    "level",
    "reports_to", "dotted_to", "placeholder", "left_on", NULL};
const char *const org_link_cols[] = {"from", "to", "kind", "strength", NULL};
const char *const org_role_cols[] = {"deal",      "person", "role",
                                     "influence", "lead",   NULL};

/*
 * A sorted index of handles: new rows and people already in the account.
 * key holds a handle's first eight bytes, big-endian, so that sorting and
 * searching 100,000 handles mostly compare integers instead of reading
 * strings from all over the heap (an eighth of an import's time went to
 * strcmp).
 */
struct hidx {
	uint64_t key;
	const char *handle;
	int64_t ref; /* as prow.solid */
};

static void
hidx_set(struct hidx *x, const char *h, int64_t ref)
{
	size_t i;

	x->key = 0;
	for (i = 0; i < 8; i++) {
		x->key = x->key << 8 | (unsigned char)h[i];
		if (h[i] == '\0') {
			x->key <<= 8 * (7 - i);
			break;
		}
	}
	x->handle = h;
	x->ref = ref;
}

static int
hidx_cmp(const void *a, const void *b)
{
	const struct hidx *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	/* The same first eight bytes; the same handle if it ends there. */
	if ((x->key & 0xff) == 0)
		return 0;
	return strcmp(x->handle + 8, y->handle + 8);
}

static const struct hidx *
hidx_find(const struct hidx *idx, size_t n, const char *h)
{
	struct hidx key;

	hidx_set(&key, h, 0);
	return bsearch(&key, idx, n, sizeof *idx, hidx_cmp);
}

static const char *
hidx_nearest(const struct hidx *idx, size_t n, const char *h)
{
	size_t i, d, best = strlen(h) / 3 + 2;
	const char *found = NULL;

	for (i = 0; i < n; i++) {
		d = kam_distance(h, idx[i].handle);
		if (d < best) {
			best = d;
			found = idx[i].handle;
		}
	}
	return found;
}

/*
 * An unknown handle h, written as ref (h itself, or ACCOUNT/h): the
 * message and the suggestion are written as the file wrote it.
 */
static int
unknown_in_file(const char *path, long line, const char *what, const char *ref,
                const char *h, const struct hidx *idx, size_t n)
{
	const char *guess = hidx_nearest(idx, n, h);
	int pre = (int)(h - ref);

	if (guess != NULL)
		return kam_err(KAM_DATA,
		               _("%s:%ld: unknown %s '%s' (did you mean "
		                 "'%.*s%s'?)"),
		               path, line, _(what), ref, pre, ref, guess);
	return kam_err(KAM_DATA, _("%s:%ld: unknown %s '%s'"), path, line,
	               _(what), ref);
}

static int
parse_flag(const char *s, int *out)
{
	if (*s == '\0' || strcmp(s, "no") == 0 || strcmp(s, "0") == 0 ||
	    strcmp(s, "false") == 0)
		*out = 0;
	else if (strcmp(s, "yes") == 0 || strcmp(s, "1") == 0 ||
	         strcmp(s, "true") == 0)
		*out = 1;
	else
		return 0;
	return 1;
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

static int
resolve_mgr(const char *path, long line, const char *ref, const char *acct,
            const struct hidx *idx, size_t n, int64_t *out)
{
	const char *h = local_handle(ref, acct);
	const struct hidx *hit;

	if (strchr(h, '/') != NULL)
		return kam_err(KAM_DATA,
		               _("%s:%ld: manager '%s' is in another account"),
		               path, line, ref);
	if (!handle_valid(h))
		return kam_err(KAM_DATA, _("%s:%ld: invalid handle '%s'"), path,
		               line, ref);
	if ((hit = hidx_find(idx, n, h)) == NULL)
		return unknown_in_file(path, line, N_("manager"), ref, h, idx,
		                       n);
	*out = hit->ref;
	return KAM_OK;
}

/*
 * Depth-first search for a cycle among the new rows' lines, from row
 * root.  The walk keeps its own stack (a file may hold a chain of
 * reporting lines as long as itself).  On a cycle, returns the length
 * of the path in stack, whose last row has a line to *cycle_start;
 * else 0.
 */
static size_t
find_cycle(struct prow *rows, size_t root, size_t *stack, size_t *cycle_start)
{
	size_t depth = 1;

	stack[0] = root;
	rows[root].mark = 1;
	rows[root].edge = 0;
	while (depth > 0) {
		struct prow *r = &rows[stack[depth - 1]];
		int64_t m;
		size_t j;

		if (r->edge > r->ndotted) {
			r->mark = 2;
			depth--;
			continue;
		}
		m = r->edge == 0 ? r->solid : r->dotted[r->edge - 1];
		r->edge++;
		if (m < 0)
			continue;
		j = (size_t)m;
		if (rows[j].mark == 1) {
			*cycle_start = j;
			return depth;
		}
		if (rows[j].mark == 0) {
			rows[j].mark = 1;
			rows[j].edge = 0;
			stack[depth++] = j;
		}
	}
	return 0;
}

/*
 * Copies the fields of a row named by idx (-1: absent, "") into one
 * allocation, at out[0]: one malloc a row instead of one a field.
 */
static void
copy_fields(char **out, size_t ncols, char **fields, size_t nf, const int *idx)
{
	size_t k, len = 0, l;
	char *p;

	for (k = 0; k < ncols; k++)
		if (idx[k] >= 0 && (size_t)idx[k] < nf)
			len += strlen(fields[idx[k]]);
	p = xmalloc(len + ncols);
	for (k = 0; k < ncols; k++) {
		out[k] = p;
		l = idx[k] >= 0 && (size_t)idx[k] < nf ? strlen(fields[idx[k]])
		                                       : 0;
		memcpy(p, l ? fields[idx[k]] : "", l + 1);
		p += l + 1;
	}
}

/*
 * The handles of a row (its own, its managers') in their one spelling,
 * NFC: a row whose handles are ASCII, as most are, costs a scan.
 */
static void
nfc_handles(char **f, size_t ncols)
{
	static const int cols[] = {P_HANDLE, P_REPORTS, P_DOTTED};
	char *nfc[3] = {NULL, NULL, NULL}, *p;
	size_t k, len = 0, l;
	int changed = 0;
	const unsigned char *c;

	for (k = 0; k < 3; k++) {
		for (c = (const unsigned char *)f[cols[k]]; *c && *c < 0x80;
		     c++)
			;
		if (*c == '\0')
			continue;
		nfc[k] = handle_nfc(f[cols[k]]);
		if (nfc[k] != NULL && strcmp(nfc[k], f[cols[k]]) != 0)
			changed = 1;
	}
	if (changed) {
		char *old = f[0];
		const char *src[9];

		for (k = 0; k < ncols; k++)
			src[k] = f[k];
		for (k = 0; k < 3; k++)
			if (nfc[k] != NULL)
				src[cols[k]] = nfc[k];
		for (k = 0; k < ncols; k++)
			len += strlen(src[k]) + 1;
		p = xmalloc(len);
		for (k = 0; k < ncols; k++) {
			l = strlen(src[k]);
			memcpy(p, src[k], l + 1);
			f[k] = p;
			p += l + 1;
		}
		free(old);
	}
	for (k = 0; k < 3; k++)
		free(nfc[k]);
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
	int rc;

	*level = 0;
	if (!handle_valid(f[P_HANDLE]))
		return kam_err(KAM_DATA,
		               _("%s:%ld: invalid handle '%s' (use letters, "
		                 "digits, '.', '_' and '-')"),
		               path, line, f[P_HANDLE]);
	if (*f[P_NAME] == '\0')
		return kam_err(KAM_DATA, _("%s:%ld: '%s' has no name"), path,
		               line, f[P_HANDLE]);
	if ((rc = check_texts(path, line, f)) != KAM_OK)
		return rc;
	if (*f[P_LEVEL] != '\0' && !parse_int(f[P_LEVEL], 1, 99, level))
		return kam_err(
		    KAM_DATA,
		    _("%s:%ld: bad level '%s' (a whole number from 1, "
		      "the top, to 99)"),
		    path, line, f[P_LEVEL]);
	if (!parse_flag(f[P_PLACEHOLDER], placeholder))
		return kam_err(KAM_DATA,
		               _("%s:%ld: bad placeholder '%s' (yes or no)"),
		               path, line, f[P_PLACEHOLDER]);
	if (date_out_of_range(f[P_LEFT])) {
		char where[64];

		snprintf(where, sizeof where, "%s:%ld", path, line);
		return date_range_error(where, NULL, f[P_LEFT]);
	}
	if (*f[P_LEFT] != '\0' && !date_valid(f[P_LEFT]))
		return kam_err(KAM_DATA,
		               _("%s:%ld: bad date '%s' (use YYYY-MM-DD)"),
		               path, line, f[P_LEFT]);
	return KAM_OK;
}

int
org_check_link_row(const char *path, long line, const char *kind,
                   const char *strength, const char **kind_word,
                   long *strength_value)
{
	if ((*kind_word = vocab_link_kind(kind)) == NULL)
		return kam_err(
		    KAM_DATA,
		    _("%s:%ld: unknown link kind '%s' (use influences, "
		      "advises, allies or rivals)"),
		    path, line, kind);
	*strength_value = 2;
	if (strength != NULL && *strength != '\0' &&
	    !parse_int(strength, 1, 3, strength_value))
		return kam_err(KAM_DATA,
		               _("%s:%ld: bad strength '%s' (1, 2 or 3)"), path,
		               line, strength);
	return KAM_OK;
}

int
org_check_role_row(const char *path, long line, const char *role,
                   const char *influence, const char *lead,
                   const char **role_word, const char **influence_word,
                   int *lead_value)
{
	if ((*role_word = vocab_role(role)) == NULL)
		return kam_err(
		    KAM_DATA,
		    _("%s:%ld: unknown role '%s' (see kam-org(1) for "
		      "the roles)"),
		    path, line, role);
	*influence_word = NULL;
	if (influence != NULL && *influence != '\0' &&
	    (*influence_word = vocab_influence(influence)) == NULL)
		return kam_err(KAM_DATA,
		               _("%s:%ld: bad influence '%s' (high, medium or "
		                 "low)"),
		               path, line, influence);
	*lead_value = 0;
	if (lead != NULL && !parse_flag(lead, lead_value))
		return kam_err(KAM_DATA, _("%s:%ld: bad lead '%s' (yes or no)"),
		               path, line, lead);
	return KAM_OK;
}

/*
 * People are written in handle order, so that the person rows and their
 * handle index grow at their end: the sqlite3 shell imports 100,000
 * shuffled handles into an indexed table a fifth slower than sorted ones.
 */
static int
import_people(struct store *st, int64_t account, struct csv_in *in,
              const int *idx)
{
	struct prow *rows = NULL;
	struct org_handle *old = NULL;
	struct hidx *hx = NULL;
	struct org_new_person *batch = NULL;
	size_t nrows = 0, cap = 0, nold = 0, nh, i, k;
	char **fields, *acct = NULL;
	size_t nf,
	    ncols = sizeof org_people_cols / sizeof org_people_cols[0] - 1;
	long line;
	int rc = KAM_OK, got;
	const char *path = csv_path(in);

	acct = store_org_account_handle(st, account);
	while ((got = csv_next(in, &fields, &nf, &line)) == 1) {
		struct prow *r;

		if (nrows == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xreallocarray(rows, cap, sizeof *rows);
		}
		r = &rows[nrows];
		memset(r, 0, sizeof *r);
		r->line = line;
		r->solid = -1;
		copy_fields(r->f, ncols, fields, nf, idx);
		nfc_handles(r->f, ncols);
		nrows++;
		if ((rc = org_check_person_row(
		         path, line, (const char *const *)r->f, &r->level,
		         &r->placeholder)) != KAM_OK)
			goto out;
	}
	if (got < 0) {
		rc = csv_status(in);
		goto out;
	}

	/* One index of every handle the file may refer to. */
	store_org_handles(st, account, &old, &nold);
	hx = xcalloc(nold + nrows, sizeof *hx);
	for (i = 0; i < nold; i++)
		hidx_set(&hx[i], old[i].handle, -old[i].id - 1);
	for (i = 0; i < nrows; i++) {
		if (hidx_find(hx, nold, rows[i].f[P_HANDLE]) != NULL) {
			rc = kam_err(KAM_CONFLICT,
			             _("%s:%ld: person '%s/%s' already exists"),
			             path, rows[i].line, acct,
			             rows[i].f[P_HANDLE]);
			goto out;
		}
		hidx_set(&hx[nold + i], rows[i].f[P_HANDLE], (int64_t)i);
	}
	nh = nold + nrows;
	qsort(hx, nh, sizeof *hx, hidx_cmp);
	for (i = 1; i < nh; i++) {
		if (hidx_cmp(&hx[i - 1], &hx[i]) == 0) {
			size_t a = (size_t)hx[i - 1].ref, b = (size_t)hx[i].ref;

			rc = kam_err(KAM_DATA,
			             _("%s:%ld: handle '%s' repeated (first on "
			               "line %ld)"),
			             path, rows[a > b ? a : b].line,
			             hx[i].handle, rows[a < b ? a : b].line);
			goto out;
		}
	}
	for (i = 0; i < nrows; i++) {
		struct prow *r = &rows[i];
		char *p, *save = NULL;

		if (*r->f[P_REPORTS] != '\0' &&
		    (rc = resolve_mgr(path, r->line, r->f[P_REPORTS], acct, hx,
		                      nh, &r->solid)) != KAM_OK)
			goto out;
		if (r->solid == (int64_t)i) {
			rc = kam_err(KAM_DATA,
			             _("%s:%ld: '%s' cannot report to "
			               "themselves"),
			             path, r->line, r->f[P_HANDLE]);
			goto out;
		}
		for (p = strtok_r(r->f[P_DOTTED], ";", &save); p != NULL;
		     p = strtok_r(NULL, ";", &save)) {
			int64_t m;
			size_t d;

			if ((rc = resolve_mgr(path, r->line, p, acct, hx, nh,
			                      &m)) != KAM_OK)
				goto out;
			if (m == (int64_t)i) {
				rc = kam_err(KAM_DATA,
				             _("%s:%ld: '%s' cannot report to "
				               "themselves"),
				             path, r->line, r->f[P_HANDLE]);
				goto out;
			}
			/* A manager named twice is one dotted line, as with
			 * --dotted-to given twice. */
			for (d = 0; d < r->ndotted && r->dotted[d] != m; d++)
				;
			if (d < r->ndotted)
				continue;
			r->dotted = xreallocarray(r->dotted, r->ndotted + 1,
			                          sizeof *r->dotted);
			r->dotted[r->ndotted++] = m;
		}
	}
	/* Cycles can only run through new rows: old people have no lines
	 * to them. */
	{
		size_t *stack = xcalloc(nrows + 1, sizeof *stack), start = 0;
		size_t depth;

		for (i = 0; i < nrows; i++) {
			if (rows[i].mark != 0)
				continue;
			if ((depth = find_cycle(rows, i, stack, &start))) {
				struct buf b = {0};
				size_t j, first = 0;

				for (j = 0; j < depth; j++)
					if (stack[j] == start)
						first = j;
				for (j = first; j < depth; j++)
					buf_printf(&b, "%s -> ",
					           rows[stack[j]].f[P_HANDLE]);
				buf_puts(&b, rows[start].f[P_HANDLE]);
				rc = kam_err(KAM_DATA,
				             _("%s:%ld: reporting lines form a "
				               "cycle: %s"),
				             path, rows[stack[depth - 1]].line,
				             b.s);
				buf_free(&b);
				free(stack);
				goto out;
			}
		}
		free(stack);
	}
	/*
	 * New people get ids in handle order, known before any insert, so
	 * that each row is written once, with its solid-line manager, even
	 * when the manager comes later.
	 */
	{
		int64_t next = store_org_max_person_id(st);

		for (i = 0; i < nh; i++)
			if (hx[i].ref >= 0)
				rows[hx[i].ref].id = ++next;
	}
	/*
	 * A row may name a manager inserted after it: the caller's
	 * transaction (STORE_TX_IMPORT) checks foreign keys at commit, if at
	 * all.  A few rows at a time: a copy of the whole file would only
	 * cost page faults.
	 */
	batch = xcalloc(ORG_BATCH, sizeof *batch);
	for (i = 0, k = 0; i < nh && rc == KAM_OK; i++) {
		struct org_new_person *b = &batch[k];
		struct prow *r;

		if (hx[i].ref < 0)
			continue;
		r = &rows[hx[i].ref];
		b->id = r->id;
		b->manager = r->solid == -1  ? 0
		             : r->solid >= 0 ? rows[r->solid].id
		                             : -r->solid - 1;
		b->handle = r->f[P_HANDLE];
		b->name = r->f[P_NAME];
		b->title = *r->f[P_TITLE] ? r->f[P_TITLE] : NULL;
		b->dept = *r->f[P_DEPT] ? r->f[P_DEPT] : NULL;
		b->left_on = *r->f[P_LEFT] ? r->f[P_LEFT] : NULL;
		b->level = r->level;
		b->placeholder = r->placeholder;
		if (++k == ORG_BATCH) {
			rc = store_org_insert_people(st, account, batch, k,
			                             "imported");
			k = 0;
		}
	}
	if (rc == KAM_OK && k > 0)
		rc = store_org_insert_people(st, account, batch, k, "imported");
	for (i = 0; i < nrows && rc == KAM_OK; i++) {
		struct prow *r = &rows[i];

		for (k = 0; k < r->ndotted && rc == KAM_OK; k++) {
			int64_t m = r->dotted[k];

			m = m >= 0 ? rows[m].id : -m - 1;
			rc = store_org_insert_line(st, r->id, m, "dotted");
		}
	}
out:
	free(batch);
	for (i = 0; i < nrows; i++) {
		free(rows[i].f[0]);
		free(rows[i].dotted);
	}
	free(rows);
	for (i = 0; i < nold; i++)
		free(old[i].handle);
	free(old);
	free(hx);
	free(acct);
	return rc;
}

/*
 * Links and roles refer to people (and deals) already in the store: by
 * handle, else by a display name unique in the account.
 */
static int
find_person(struct store *st, int64_t account, const char *path, long line,
            const char *ref, const char *acct, const struct hidx *hx, size_t nh,
            int64_t *id)
{
	const char *h = local_handle(ref, acct);
	const struct hidx *hit;
	char *where, *nfc;
	int rc;

	if ((hit = hidx_find(hx, nh, h)) == NULL &&
	    (nfc = handle_nfc(h)) != NULL) {
		hit = hidx_find(hx, nh, nfc);
		free(nfc);
	}
	if (hit != NULL) {
		*id = -hit->ref - 1;
		return KAM_OK;
	}
	xasprintf(&where, "%s:%ld", path, line);
	rc = store_person_named(st, where, account, h, id);
	free(where);
	if (rc != KAM_NOTFOUND)
		return rc;
	if (strchr(h, '/') != NULL)
		return kam_err(KAM_DATA,
		               _("%s:%ld: '%s' is in another account"), path,
		               line, ref);
	return unknown_in_file(path, line, N_("person"), ref, h, hx, nh);
}

static int
import_links(struct store *st, int64_t account, const char *acct,
             struct csv_in *in, const int *idx, const struct hidx *hx,
             size_t nh)
{
	const char *path = csv_path(in), *kind;
	char **f, *from = NULL, *to = NULL;
	size_t nf;
	long line, strength;
	int64_t a, b;
	int rc = KAM_OK, got;

	while (rc == KAM_OK && (got = csv_next(in, &f, &nf, &line)) == 1) {
		if ((rc = find_person(st, account, path, line, f[idx[0]], acct,
		                      hx, nh, &a)) != KAM_OK ||
		    (rc = find_person(st, account, path, line, f[idx[1]], acct,
		                      hx, nh, &b)) != KAM_OK)
			return rc;
		if ((rc = org_check_link_row(path, line, f[idx[2]],
		                             idx[3] >= 0 ? f[idx[3]] : NULL,
		                             &kind, &strength)) != KAM_OK)
			return rc;
		if (a == b)
			return kam_err(KAM_DATA,
			               _("%s:%ld: a link needs two people, not "
			                 "'%s' twice"),
			               path, line, f[idx[0]]);
		xasprintf(&from, "%s/%s", acct, local_handle(f[idx[0]], acct));
		xasprintf(&to, "%s/%s", acct, local_handle(f[idx[1]], acct));
		rc = store_org_link(st, from, to, NULL, kind, strength);
		free(from);
		free(to);
	}
	return rc != KAM_OK ? rc : got < 0 ? csv_status(in) : KAM_OK;
}

static int
import_roles(struct store *st, int64_t account, const char *acct,
             struct csv_in *in, const int *idx, const struct hidx *hx,
             size_t nh)
{
	const char *path = csv_path(in), *role, *influence;
	char **f, *deal = NULL, *person = NULL;
	size_t nf;
	long line;
	int64_t p;
	int rc = KAM_OK, got, lead;

	while (rc == KAM_OK && (got = csv_next(in, &f, &nf, &line)) == 1) {
		const char *dh;

		dh = local_handle(f[idx[0]], acct);
		if (strchr(dh, '/') != NULL)
			return kam_err(
			    KAM_DATA,
			    _("%s:%ld: deal '%s' is in another account"), path,
			    line, f[idx[0]]);
		if (!handle_valid(dh) ||
		    store_org_deal_lookup(st, account, dh) == 0)
			return kam_err(KAM_DATA, _("%s:%ld: unknown deal '%s'"),
			               path, line, f[idx[0]]);
		if ((rc = find_person(st, account, path, line, f[idx[1]], acct,
		                      hx, nh, &p)) != KAM_OK)
			return rc;
		if ((rc = org_check_role_row(
		         path, line, f[idx[2]], idx[3] >= 0 ? f[idx[3]] : NULL,
		         idx[4] >= 0 ? f[idx[4]] : NULL, &role, &influence,
		         &lead)) != KAM_OK)
			return rc;
		xasprintf(&deal, "%s/%s", acct, dh);
		xasprintf(&person, "%s/%s", acct,
		          local_handle(f[idx[1]], acct));
		rc = store_org_role_set(st, deal, person, NULL, role, influence,
		                        lead);
		free(deal);
		free(person);
	}
	return rc != KAM_OK ? rc : got < 0 ? csv_status(in) : KAM_OK;
}

static int
has_field(char **f, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i], name) == 0)
			return 1;
	return 0;
}

int
org_import(struct store *st, int64_t account, const char *path,
           const char *kind)
{
	struct csv_in *in;
	char **f;
	size_t nf, i, nold = 0;
	long line;
	int idx[16], rc, got;
	struct org_handle *old = NULL;
	struct hidx *hx = NULL;
	char *acct;

	if ((in = csv_open(path, &rc)) == NULL)
		return rc;
	if ((got = csv_next(in, &f, &nf, &line)) != 1) {
		rc = got == 0 ? kam_err(KAM_DATA,
		                        _("%s: empty file (a header row is "
		                          "needed)"),
		                        csv_path(in))
		              : csv_status(in);
		csv_close(in);
		return rc;
	}
	if (kind == NULL)
		kind = has_field(f, nf, "from")     ? "links"
		       : !has_field(f, nf, "deal")  ? "people"
		       : has_field(f, nf, "person") ? "roles"
		                                    : "deals";
	if (strcmp(kind, "deals") == 0) {
		rc = deal_import(st, account, in, f, nf, line);
		csv_close(in);
		return rc;
	}
	if (strcmp(kind, "people") == 0) {
		if ((rc = csv_header(in, f, nf, line, org_people_cols, 2,
		                     idx)) == KAM_OK)
			rc = import_people(st, account, in, idx);
		csv_close(in);
		return rc;
	}
	acct = store_org_account_handle(st, account);
	store_org_handles(st, account, &old, &nold);
	hx = xcalloc(nold, sizeof *hx);
	for (i = 0; i < nold; i++)
		hidx_set(&hx[i], old[i].handle, -old[i].id - 1);
	if (strcmp(kind, "links") == 0) {
		if ((rc = csv_header(in, f, nf, line, org_link_cols, 3, idx)) ==
		    KAM_OK)
			rc = import_links(st, account, acct, in, idx, hx, nold);
	} else {
		if ((rc = csv_header(in, f, nf, line, org_role_cols, 3, idx)) ==
		    KAM_OK)
			rc = import_roles(st, account, acct, in, idx, hx, nold);
	}
	csv_close(in);
	for (i = 0; i < nold; i++)
		free(old[i].handle);
	free(old);
	free(hx);
	free(acct);
	return rc;
}
