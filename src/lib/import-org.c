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

#define PEOPLE_COLS(C)                                                         \
	C(P_HANDLE, "handle")                                                  \
	C(P_NAME, "name")                                                      \
	C(P_TITLE, "title")                                                    \
	C(P_DEPT, "dept")                                                      \
	C(P_LEVEL, "level")                                                    \
	C(P_REPORTS, "reports_to")                                             \
	C(P_DOTTED, "dotted_to")                                               \
	C(P_PLACEHOLDER, "placeholder")                                        \
	C(P_LEFT, "left_on")                                                   \
	C(P_EXT, "ext_id")
enum { PEOPLE_COLS(IMPORT_PLACE) P_NCOLS };
const char *const org_people_cols[] = {PEOPLE_COLS(IMPORT_NAME) NULL};
const char *const org_link_cols[] = {"from", "to", "kind", "strength", NULL};
const char *const org_role_cols[] = {"deal", "person",  "role", "influence",
                                     "lead", "primary", NULL};
enum { L_FROM, L_TO, L_KIND, L_STRENGTH };
enum { R_DEAL, R_PERSON, R_ROLE, R_INFLUENCE, R_LEAD, R_PRIMARY };

/* A people file needs a name column (checked by import_people): a row's
 * handle may be derived from its name. */
static const struct import_kind people_kind = {"people", org_people_cols, 0, 0};
static const struct import_kind links_kind = {"links", org_link_cols, 3, 0};
static const struct import_kind roles_kind = {"roles", org_role_cols, 3, 0};
static const struct import_kind deals_kind = {"deals", deal_file_cols, 2, 0};

/* One row of a people file, its fields copied into one allocation. */
struct prow {
	long line;
	char *f[P_NCOLS];   /* into one allocation, at f[0] */
	const char *handle; /* given, the matched person's, or derived */
	char *derived;      /* a derived handle (handle points to it) */
	long level;
	int placeholder;
	int64_t old; /* the person of the account it matched, or -1 */
	size_t node; /* in the account's graph (see struct people) */
	int64_t id;  /* a new row's person id */
	/* Managers, as nodes; -1: none. */
	int64_t solid;
	int64_t *dotted;
	size_t ndotted;
	size_t acct; /* a Salesforce row's account, in the group's order */
};

/* A person of the account, as a re-import compares rows with. */
struct oldp {
	struct org_person p; /* as the store has it (org_person_copy) */
	long row; /* the row matched to the person, from 1; 0: none */
	int64_t solid, *dotted;
	size_t ndotted;
};

/*
 * What a people import holds between its steps.  The account's graph
 * has a node for each of its people (0 to nold - 1) and one for each new
 * row (nold + its index); a row matched to a person is that person's.
 */
struct people {
	struct import_in *im;
	struct store *st;
	const struct org_import_opts *opts;
	int64_t account;
	char *acct; /* the account's handle */
	struct prow *rows;
	size_t n, cap;
	struct oldp *old;
	size_t nold, oldcap;
	struct hindex oh, oe;  /* the account's people: handle, ext id */
	struct hindex claimed; /* handles the rows have: row index */
	struct hindex ix, ex;  /* every node: by handle, by ext id */
	size_t n_added;
	int present[P_NCOLS]; /* the columns the file gives */
	int borrowed;         /* rows[].f belong to the caller */
	int64_t root;         /* the account's group */
	/* People of other accounts of the group the rows name: nodes from
	 * nold + n on, by person id. */
	struct hindex xn;
	int64_t *xids;
	size_t nx, xcap;
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

/* Names, titles, departments and external ids are one line of text
 * each. */
static int
check_texts(const char *path, long line, const char *const *f)
{
	static const int cols[] = {P_NAME, P_TITLE, P_DEPT, P_EXT};
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
	if (*f[P_HANDLE] != '\0' && !handle_valid(f[P_HANDLE]))
		return kam_err(
		    KAM_DATA,
		    _("%s:%ld: invalid handle '%s' (use letters, digits, "
		      "'.', '_' and '-')"),
		    path, line, f[P_HANDLE]);
	if (*f[P_NAME] == '\0' && *f[P_HANDLE] != '\0')
		return kam_err(KAM_DATA, _("%s:%ld: '%s' has no name"), path,
		               line, f[P_HANDLE]);
	if (*f[P_NAME] == '\0')
		return kam_err(KAM_DATA, _("%s:%ld: a person with no name"),
		               path, line);
	if ((rc = check_texts(path, line, f)) != KAM_OK)
		return rc;
	if (*f[P_LEVEL] != '\0' && !parse_int(f[P_LEVEL], 1, 99, level))
		return kam_err(KAM_DATA,
		               _("%s:%ld: invalid level '%s' (a whole number "
		                 "from 1, the top, to 99)"),
		               path, line, f[P_LEVEL]);
	if (!import_flag(f[P_PLACEHOLDER], placeholder))
		return kam_err(
		    KAM_DATA, _("%s:%ld: invalid placeholder '%s' (yes or no)"),
		    path, line, f[P_PLACEHOLDER]);
	/* A departure is a day that has come, as person leave's --on. */
	if (*f[P_LEFT] != '\0') {
		snprintf(where, sizeof where, "%s:%ld", path, line);
		return date_check_past(where, NULL, f[P_LEFT]);
	}
	return KAM_OK;
}

int
org_check_link_row(const char *path, long line, const char *kind,
                   const char *strength, const char **kind_word,
                   long *strength_value)
{
	if ((*kind_word = vocab_word(VOCAB_LINK_KIND, kind)) == NULL)
		return word_refused(path, line, VOCAB_LINK_KIND, kind);
	*strength_value = 2;
	if (strength != NULL && *strength != '\0' &&
	    !parse_int(strength, 1, 3, strength_value))
		return kam_err(KAM_DATA,
		               _("%s:%ld: invalid strength '%s' (1, 2 or 3)"),
		               path, line, strength);
	return KAM_OK;
}

int
org_check_role_row(const char *path, long line, const char *role,
                   const char *influence, const char *lead,
                   const char **role_word, const char **influence_word,
                   int *lead_value)
{
	if ((*role_word = vocab_word(VOCAB_ROLE, role)) == NULL)
		return word_refused(path, line, VOCAB_ROLE, role);
	*influence_word = NULL;
	if (influence != NULL && *influence != '\0' &&
	    (*influence_word = vocab_word(VOCAB_INFLUENCE, influence)) == NULL)
		return word_refused(path, line, VOCAB_INFLUENCE, influence);
	*lead_value = 0;
	if (lead != NULL && !import_flag(lead, lead_value))
		return kam_err(KAM_DATA,
		               _("%s:%ld: invalid lead '%s' (yes or no)"), path,
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
copy_fields(struct prow *r, const char **src)
{
	static const int handles[] = {P_HANDLE, P_REPORTS, P_DOTTED};
	char *nfc[P_NCOLS] = {NULL}, *p;
	size_t k, len = 0, l;

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

static void
copy_row(struct prow *r, const struct import_in *im)
{
	const char *src[P_NCOLS];
	size_t k;

	for (k = 0; k < P_NCOLS; k++)
		src[k] = import_raw(im, (int)k);
	copy_fields(r, src);
}

/* A new row at the end of pp->rows, zeroed. */
static struct prow *
new_row(struct people *pp, long line)
{
	struct prow *r;

	r = KAM_PUSH(pp->rows, pp->n, pp->cap);
	r->line = line;
	r->solid = -1;
	r->old = -1;
	return r;
}

/*
 * Writes the handles of the account in s (';'-separated) bare, in place:
 * a listing writes every person ACCOUNT/HANDLE (kam-org(1), OUTPUT), and
 * it is importable as it is.  Managers are resolved as written, within
 * the group, so that a message names them as the file does.
 */
static void
strip_own(char *s, const char *acct)
{
	char *w = s, *p = s, *q;

	while (*p) {
		const char *h;

		if ((q = strchr(p, ';')) != NULL)
			*q = '\0';
		h = local_handle(p, acct);
		if (w != s)
			*w++ = ';';
		memmove(w, h, strlen(h));
		w += strlen(h);
		if (q == NULL)
			break;
		p = q + 1;
	}
	*w = '\0';
}

/* Reads and checks every row. */
static int
read_people(struct people *pp)
{
	struct import_in *im = pp->im;
	struct prow *r;
	int got, rc;

	while ((got = import_next(im)) == 1) {
		r = new_row(pp, im->line);
		copy_row(r, im);
		strip_own(r->f[P_HANDLE], pp->acct);
		if ((rc = org_check_person_row(
		         import_path(im), im->line, (const char *const *)r->f,
		         &r->level, &r->placeholder)) != KAM_OK)
			return rc;
	}
	return got < 0 ? im->status : KAM_OK;
}

/* Keeps a copy of each person of the account, as a re-import compares. */
static int
keep_old(const struct org_person *p, void *arg)
{
	struct people *pp = arg;
	struct oldp *o;

	o = KAM_PUSH(pp->old, pp->nold, pp->oldcap);
	org_person_copy(&o->p, p);
	o->solid = -1;
	return KAM_OK;
}

/* Indexes the account's people (pp->old) by handle into h, with room
 * for more handles, and by external id into e. */
static void
index_old(const struct people *pp, struct hindex *h, size_t more,
          struct hindex *e)
{
	size_t k;

	hindex_init(h, 0);
	hindex_init(e, 0);
	hindex_reserve(h, pp->nold + more);
	for (k = 0; k < pp->nold; k++) {
		hindex_put(h, pp->old[k].p.handle, (int64_t)k);
		if (pp->old[k].p.ext_id != NULL)
			hindex_put(e, pp->old[k].p.ext_id, (int64_t)k);
	}
}

/*
 * The account's people, indexed by handle and by external id: the
 * nodes 0 to nold - 1 of the account's graph.
 */
static void
load_old(struct people *pp)
{
	store_org_people_by_handle(pp->st, pp->account, keep_old, pp);
	index_old(pp, &pp->oh, 0, &pp->oe);
}

/* Row i is the person k of the account; refused without --update. */
static int
match(struct people *pp, size_t i, size_t k)
{
	struct prow *r = &pp->rows[i];
	struct oldp *o = &pp->old[k];

	if (o->row != 0)
		return row_err(pp->im, r->line, KAM_DATA,
		               "person '%s/%s' repeated (first on line %ld)",
		               pp->acct, o->p.handle,
		               pp->rows[o->row - 1].line);
	if (!pp->opts->update)
		return row_err(pp->im, r->line, KAM_CONFLICT,
		               "person '%s/%s' already exists (use --update to "
		               "change it)",
		               pp->acct, o->p.handle);
	o->row = (long)i + 1;
	r->old = (int64_t)k;
	r->handle = o->p.handle;
	hindex_put(&pp->claimed, o->p.handle, (int64_t)i);
	return KAM_OK;
}

/*
 * The first pass over the rows, in file order: a row with an external
 * id the account knows is that person; else a row with a handle is the
 * person of that handle, or a new one.  Rows without either wait for
 * match_derived.
 */
static int
match_given(struct people *pp)
{
	struct hindex ext;
	size_t i;
	int64_t k, first;
	int rc = KAM_OK;

	hindex_init(&ext, 0);
	hindex_reserve(&pp->claimed, pp->n);
	for (i = 0; i < pp->n && rc == KAM_OK; i++) {
		struct prow *r = &pp->rows[i];
		const char *h = r->f[P_HANDLE], *x = r->f[P_EXT];

		if (*x != '\0' && !hindex_put(&ext, x, (int64_t)i)) {
			hindex_get(&ext, x, &first);
			rc = row_err(pp->im, r->line, KAM_DATA,
			             "external id '%s' repeated (first on line "
			             "%ld)",
			             x, pp->rows[first].line);
			break;
		}
		if (*x != '\0' && hindex_get(&pp->oe, x, &k)) {
			if (*h != '\0' && strcmp(h, pp->old[k].p.handle) != 0)
				rc = row_err(pp->im, r->line, KAM_CONFLICT,
				             "external id '%s' is person "
				             "'%s/%s', not '%s'",
				             x, pp->acct, pp->old[k].p.handle,
				             h);
			else
				rc = match(pp, i, (size_t)k);
			continue;
		}
		if (*h == '\0')
			continue;
		if (hindex_get(&pp->oh, h, &k)) {
			if (*x != '\0' && pp->old[k].p.ext_id != NULL)
				rc = row_err(pp->im, r->line, KAM_CONFLICT,
				             "person '%s/%s' has external id "
				             "'%s', not '%s'",
				             pp->acct, h, pp->old[k].p.ext_id,
				             x);
			else
				rc = match(pp, i, (size_t)k);
			continue;
		}
		if (!hindex_put(&pp->claimed, h, (int64_t)i)) {
			hindex_get(&pp->claimed, h, &first);
			rc = row_err(pp->im, r->line, KAM_DATA,
			             "handle '%s' repeated (first on line %ld)",
			             h, pp->rows[first].line);
			break;
		}
		r->handle = h;
	}
	hindex_free(&ext);
	return rc;
}

/* Whether an external id may be a handle as it is: ASCII, valid. */
static int
ascii_handle(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return 0;
	return strlen(s) <= HANDLE_FOLD_MAX && handle_valid(s);
}

/*
 * The second pass, in file order: a row without a handle gets one from
 * its name folded to ASCII, else from its external id, with -2, -3, ...
 * after it when an earlier row or another person has it.  Without an
 * external id, the person of the account who has that handle and no
 * external id is the row's (a re-import of the same file).
 */
static int
match_derived(struct people *pp)
{
	char base[HANDLE_FOLD_MAX + 1], cand[HANDLE_FOLD_MAX + 24];
	size_t i;
	long n;
	int64_t k;
	int rc;

	for (i = 0; i < pp->n; i++) {
		struct prow *r = &pp->rows[i];
		const char *x = r->f[P_EXT];

		if (r->handle != NULL)
			continue;
		if (!handle_fold(r->f[P_NAME], base)) {
			if (*x != '\0' && ascii_handle(x))
				snprintf(base, sizeof base, "%s", x);
			else if (*x == '\0' || !handle_fold(x, base))
				return row_err(
				    pp->im, r->line, KAM_DATA,
				    "no handle for '%s' (its name has no "
				    "letter or digit in ASCII: give a handle "
				    "or an external id)",
				    r->f[P_NAME]);
		}
		for (n = 1;; n++) {
			if (n == 1)
				snprintf(cand, sizeof cand, "%s", base);
			else
				snprintf(cand, sizeof cand, "%s-%ld", base, n);
			if (hindex_get(&pp->claimed, cand, NULL))
				continue;
			if (!hindex_get(&pp->oh, cand, &k))
				break;
			if (*x == '\0' && pp->old[k].p.ext_id == NULL) {
				if ((rc = match(pp, i, (size_t)k)) != KAM_OK)
					return rc;
				break;
			}
		}
		if (r->handle != NULL)
			continue;
		r->derived = xstrdup(cand);
		r->handle = r->derived;
		hindex_put(&pp->claimed, r->handle, (int64_t)i);
	}
	return KAM_OK;
}

/*
 * Every person the file may name, by handle and by external id: the
 * account's people (nodes 0 to nold - 1), then the new rows (nold + i).
 */
static void
index_nodes(struct people *pp)
{
	size_t i, added = 0;

	for (i = 0; i < pp->n; i++)
		added += pp->rows[i].old < 0;
	index_old(pp, &pp->ix, added, &pp->ex);
	for (i = 0; i < pp->n; i++) {
		struct prow *r = &pp->rows[i];

		r->node = r->old >= 0 ? (size_t)r->old : pp->nold + i;
		if (r->old < 0)
			hindex_put(&pp->ix, r->handle, (int64_t)r->node);
		if (*r->f[P_EXT] != '\0')
			hindex_put(&pp->ex, r->f[P_EXT], (int64_t)r->node);
	}
}

/* The handle of a node. */
static const char *
node_handle(const struct people *pp, size_t node)
{
	if (node >= pp->nold + pp->n)
		return "?"; /* another account's: never on a cycle here */
	return node < pp->nold ? pp->old[node].p.handle
	                       : pp->rows[node - pp->nold].handle;
}

/* The node of a person of another account of the group. */
static int64_t
ext_node(struct people *pp, int64_t id)
{
	char key[24];
	int64_t node;

	snprintf(key, sizeof key, "%lld", (long long)id);
	if (hindex_get(&pp->xn, key, &node))
		return node;
	node = (int64_t)(pp->nold + pp->n + pp->nx);
	pp->xids = xgrow(pp->xids, pp->nx, &pp->xcap, sizeof *pp->xids);
	pp->xids[pp->nx++] = id;
	hindex_put(&pp->xn, key, node);
	return node;
}

/* A manager named by row i: a handle or an external id of the account,
 * new or not. */
static int
resolve_mgr(struct people *pp, size_t i, const char *ref, int64_t *out)
{
	const struct prow *r = &pp->rows[i];
	const char *h = local_handle(ref, pp->acct);

	int64_t id;

	if (hindex_get(&pp->ix, h, out) || hindex_get(&pp->ex, ref, out)) {
		if ((size_t)*out == r->node)
			return row_err(pp->im, r->line, KAM_CONFLICT,
			               "'%s' cannot report to themselves",
			               r->handle);
		return KAM_OK;
	}
	/* Someone of another account of the group, by ACCOUNT/HANDLE or
	 * by external id. */
	if ((id = store_org_group_person(pp->st, pp->root, ref)) != 0) {
		*out = ext_node(pp, id);
		return KAM_OK;
	}
	if (strchr(h, '/') != NULL)
		return elsewhere(pp->st, pp->im, r->line, "manager", ref);
	if (!handle_valid(h))
		return row_err(
		    pp->im, r->line, KAM_DATA,
		    _("invalid handle '%s' (use letters, digits, '.', "
		      "'_' and '-')"),
		    ref);
	return unknown_in_file(pp->im, r->line, "manager", ref, h, &pp->ix);
}

/* Adds m to a list of managers unless it holds it already. */
static void
add_mgr(int64_t **v, size_t *n, int64_t m)
{
	size_t d;

	for (d = 0; d < *n && (*v)[d] != m; d++)
		;
	if (d < *n)
		return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = m;
}

/* Each row's solid and dotted managers; a manager named twice is one
 * dotted line, as with --dotted-to given twice. */
static int
resolve_managers(struct people *pp)
{
	size_t i;
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
			add_mgr(&r->dotted, &r->ndotted, m);
		}
	}
	return KAM_OK;
}

/* The account's lines as the store has them, as nodes. */
static void
old_lines(struct people *pp)
{
	size_t k;
	int64_t m;

	for (k = 0; k < pp->nold; k++) {
		struct oldp *o = &pp->old[k];
		char *d, *p, *save = NULL;

		if (o->p.reports_to != NULL &&
		    strchr(o->p.reports_to, '/') != NULL)
			o->solid = ext_node(pp, o->p.manager_id);
		else if (o->p.reports_to != NULL &&
		         hindex_get(&pp->ix, o->p.reports_to, &m))
			o->solid = m;
		if (o->p.dotted_to == NULL)
			continue;
		d = xstrdup(o->p.dotted_to);
		for (p = strtok_r(d, ";", &save); p != NULL;
		     p = strtok_r(NULL, ";", &save)) {
			int64_t id;

			if (hindex_get(&pp->ix, p, &m))
				add_mgr(&o->dotted, &o->ndotted, m);
			else if ((id = store_org_group_person(pp->st, pp->root,
			                                      p)) != 0)
				add_mgr(&o->dotted, &o->ndotted,
				        ext_node(pp, id));
		}
		free(d);
	}
}

/* Whether the file has the column (a column it lacks changes nothing). */
static int
has(const struct people *pp, int col)
{
	return pp->present[col];
}

/*
 * Refuses reporting lines that would form a cycle once the file is in:
 * the account's lines, each replaced by the file's where it gives them.
 * Reported at the line of a row on the cycle.
 */
static int
refuse_cycles(struct people *pp)
{
	size_t total = pp->nold + pp->n, *path, len, i, at;
	struct org_node *nodes = xcalloc(total + 1, sizeof *nodes);
	struct buf b = {0};
	int rc = KAM_OK;

	path = xcalloc(total + 1, sizeof *path);
	for (i = 0; i < pp->nold; i++) {
		nodes[i].solid = pp->old[i].solid;
		nodes[i].dotted = pp->old[i].dotted;
		nodes[i].ndotted = pp->old[i].ndotted;
	}
	for (i = 0; i < pp->n; i++) {
		const struct prow *r = &pp->rows[i];
		struct org_node *nd = &nodes[r->node];

		if (r->old < 0 || has(pp, P_REPORTS))
			nd->solid = r->solid;
		if (r->old < 0 || has(pp, P_DOTTED)) {
			nd->dotted = r->dotted;
			nd->ndotted = r->ndotted;
		}
	}
	if ((len = org_find_cycle(nodes, total, path)) > 0) {
		for (i = 0; i < len; i++)
			buf_printf(&b, "%s -> ", node_handle(pp, path[i]));
		buf_puts(&b, node_handle(pp, path[0]));
		/* The line of the last row on the cycle. */
		for (i = len, at = 0; i-- > 0;) {
			size_t nd = path[i];

			if (nd >= pp->nold) {
				at = nd - pp->nold;
				break;
			}
			if (pp->old[nd].row != 0) {
				at = (size_t)pp->old[nd].row - 1;
				break;
			}
		}
		rc = row_err(pp->im, pp->rows[at].line, KAM_CONFLICT,
		             "reporting lines form a cycle: %s", b.s);
		buf_free(&b);
	}
	free(nodes);
	free(path);
	return rc;
}

/* Whether two texts differ, NULL being empty. */
static int
text_differs(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") != 0;
}

/* Whether two lists of managers differ as sets. */
static int
set_differs(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
	int64_t *x, *y;
	int differ;

	if (na != nb)
		return 1;
	if (na == 0)
		return 0;
	x = xcalloc(na, sizeof *x);
	y = xcalloc(nb, sizeof *y);
	memcpy(x, a, na * sizeof *x);
	memcpy(y, b, nb * sizeof *y);
	qsort(x, na, sizeof *x, kam_by_id);
	qsort(y, nb, sizeof *y, kam_by_id);
	differ = memcmp(x, y, na * sizeof *x) != 0;
	free(x);
	free(y);
	return differ;
}

/*
 * What a row matched to a person of the account changes, field by field,
 * into d (a column the file lacks changes nothing): a departure is added,
 * never moved or undone; an external id is set, never cleared.  Returns
 * whether anything does.
 */
static int
compare(const struct people *pp, const struct prow *r, struct org_delta *d)
{
	const struct oldp *o = &pp->old[r->old];
	int ch = 0;

	memset(d, 0, sizeof *d);
	d->level = -1;
	d->placeholder = -1;
	if (has(pp, P_NAME) && strcmp(r->f[P_NAME], o->p.name) != 0)
		ch = 1, d->name = r->f[P_NAME];
	if (has(pp, P_TITLE) && text_differs(r->f[P_TITLE], o->p.title))
		ch = 1, d->title = r->f[P_TITLE];
	if (has(pp, P_DEPT) && text_differs(r->f[P_DEPT], o->p.dept))
		ch = 1, d->dept = r->f[P_DEPT];
	if (has(pp, P_LEVEL) && r->level != o->p.level)
		ch = 1, d->level = r->level;
	if (has(pp, P_PLACEHOLDER) && r->placeholder != o->p.placeholder)
		ch = 1, d->placeholder = r->placeholder;
	if (has(pp, P_REPORTS) && r->solid != o->solid)
		ch = 1, d->set_solid = 1;
	if (has(pp, P_DOTTED) &&
	    set_differs(r->dotted, r->ndotted, o->dotted, o->ndotted))
		ch = 1, d->set_dotted = 1;
	if (*r->f[P_EXT] != '\0' && o->p.ext_id == NULL)
		ch = 1, d->ext_id = r->f[P_EXT];
	if (*r->f[P_LEFT] != '\0' && o->p.left_on == NULL)
		ch = 1, d->left_on = r->f[P_LEFT];
	return ch;
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

/* The new rows' indices in handle order, in order[]; returns how many. */
static size_t
handle_order(const struct prow *rows, size_t n, size_t *order)
{
	struct by_handle *v = xcalloc(n + 1, sizeof *v);
	size_t i, k, m = 0;

	for (i = 0; i < n; i++) {
		const char *h = rows[i].handle;

		if (rows[i].old >= 0)
			continue;
		for (k = 0; k < 8 && h[k] != '\0'; k++)
			v[m].key = v[m].key << 8 | (unsigned char)h[k];
		v[m].key <<= 8 * (8 - k);
		v[m].handle = h;
		v[m++].row = i;
	}
	qsort(v, m, sizeof *v, by_handle_cmp);
	for (i = 0; i < m; i++)
		order[i] = v[i].row;
	free(v);
	return m;
}

/* A manager's person id, once every new row has one (0: none). */
static int64_t
node_id(const struct people *pp, int64_t node)
{
	if (node < 0)
		return 0;
	if ((size_t)node >= pp->nold + pp->n)
		return pp->xids[(size_t)node - pp->nold - pp->n];
	if ((size_t)node < pp->nold)
		return pp->old[node].p.id;
	return pp->rows[(size_t)node - pp->nold].id;
}

/*
 * New people are written in handle order, with ids known before any
 * insert, so that each row is written once with its solid-line manager,
 * even when the manager comes later, and the person rows and their
 * handle index grow at their end: the sqlite3 shell imports 100,000
 * shuffled handles into an indexed table a fifth slower than sorted
 * ones.
 */
static int
write_new(struct people *pp)
{
	size_t *order = xcalloc(pp->n + 1, sizeof *order), i, k, m;
	struct org_new_person *batch = xcalloc(ORG_BATCH, sizeof *batch);
	int64_t next = store_org_max_person_id(pp->st);
	int rc = KAM_OK;

	m = handle_order(pp->rows, pp->n, order);
	for (i = 0; i < m; i++)
		pp->rows[order[i]].id = ++next;
	/* A row may name a manager inserted after it: the caller's
	 * transaction (STORE_TX_IMPORT) checks foreign keys at commit, if
	 * at all. */
	for (i = 0, k = 0; i < m && rc == KAM_OK; i++) {
		const struct prow *r = &pp->rows[order[i]];
		struct org_new_person *b = &batch[k];

		b->id = r->id;
		b->manager = node_id(pp, r->solid);
		b->handle = r->handle;
		b->name = r->f[P_NAME];
		b->title = *r->f[P_TITLE] ? r->f[P_TITLE] : NULL;
		b->dept = *r->f[P_DEPT] ? r->f[P_DEPT] : NULL;
		b->left_on = *r->f[P_LEFT] ? r->f[P_LEFT] : NULL;
		b->ext_id = *r->f[P_EXT] ? r->f[P_EXT] : NULL;
		b->level = r->level;
		b->placeholder = r->placeholder;
		if (++k == ORG_BATCH || i + 1 == m) {
			rc = store_org_insert_people(pp->st, pp->account, batch,
			                             k, "imported");
			k = 0;
		}
	}
	for (i = 0; i < pp->n && rc == KAM_OK; i++)
		for (k = 0; pp->rows[i].old < 0 && k < pp->rows[i].ndotted &&
		            rc == KAM_OK;
		     k++)
			rc = store_org_insert_line(
			    pp->st, pp->rows[i].id,
			    node_id(pp, pp->rows[i].dotted[k]), "dotted");
	pp->n_added = m;
	free(batch);
	free(order);
	return rc;
}

/* The changes of the rows matched to people of the account, in file
 * order, each into the person's history. */
static int
write_changes(struct people *pp, struct import_counts *cnt)
{
	struct org_delta d;
	size_t i, k;
	int64_t *ids = NULL;
	int rc = KAM_OK;

	for (i = 0; i < pp->n && rc == KAM_OK; i++) {
		const struct prow *r = &pp->rows[i];

		if (r->old < 0)
			continue;
		if (!compare(pp, r, &d)) {
			cnt->unchanged++;
			continue;
		}
		cnt->changed++;
		d.solid = node_id(pp, r->solid);
		ids = xreallocarray(ids, r->ndotted + 1, sizeof *ids);
		for (k = 0; k < r->ndotted; k++)
			ids[k] = node_id(pp, r->dotted[k]);
		d.dotted = ids;
		d.ndotted = r->ndotted;
		rc = store_org_person_apply(pp->st, pp->old[r->old].p.id, &d,
		                            pp->opts->on);
	}
	free(ids);
	return rc;
}

/*
 * --sync: the account's people the file does not name have left on the
 * day given.  Placeholders stand for people not yet named, whom no CRM
 * lists: they stay.
 */
static int
write_departures(struct people *pp, struct import_counts *cnt)
{
	struct org_delta d;
	size_t k;
	int rc = KAM_OK;

	memset(&d, 0, sizeof d);
	d.level = -1;
	d.placeholder = -1;
	d.left_on = pp->opts->sync_on;
	for (k = 0; k < pp->nold && rc == KAM_OK; k++) {
		const struct oldp *o = &pp->old[k];

		if (o->row != 0 || o->p.left_on != NULL || o->p.placeholder)
			continue;
		cnt->left++;
		rc = store_org_person_apply(pp->st, o->p.id, &d, d.left_on);
	}
	return rc;
}

static void
free_people(struct people *pp)
{
	size_t i;

	for (i = 0; i < pp->n; i++) {
		if (!pp->borrowed)
			free(pp->rows[i].f[0]);
		free(pp->rows[i].dotted);
		free(pp->rows[i].derived);
	}
	free(pp->rows);
	hindex_free(&pp->xn);
	free(pp->xids);
	for (i = 0; i < pp->nold; i++) {
		struct oldp *o = &pp->old[i];

		org_person_copy_free(&o->p);
		free(o->dotted);
	}
	free(pp->old);
	hindex_free(&pp->oh);
	hindex_free(&pp->oe);
	hindex_free(&pp->ix);
	hindex_free(&pp->ex);
	hindex_free(&pp->claimed);
	free(pp->acct);
}

static void
people_init(struct people *pp, struct store *st, int64_t account,
            struct import_in *im, const struct org_import_opts *opts)
{
	memset(pp, 0, sizeof *pp);
	pp->im = im;
	pp->st = st;
	pp->opts = opts;
	pp->account = account;
	pp->acct = store_org_account_handle(st, account);
	pp->root = store_org_group_root(st, account);
	hindex_init(&pp->claimed, 0);
	hindex_init(&pp->xn, 1);
}

/* The rows of pp, read and checked, into its account. */
static int
people_write(struct people *pp, struct import_counts *cnt)
{
	int rc;

	load_old(pp);
	if ((rc = match_given(pp)) != KAM_OK ||
	    (rc = match_derived(pp)) != KAM_OK)
		return rc;
	index_nodes(pp);
	old_lines(pp);
	if ((rc = resolve_managers(pp)) == KAM_OK &&
	    (rc = refuse_cycles(pp)) == KAM_OK &&
	    (rc = write_new(pp)) == KAM_OK &&
	    (rc = write_changes(pp, cnt)) == KAM_OK &&
	    pp->opts->sync_on != NULL)
		rc = write_departures(pp, cnt);
	cnt->added += (long)pp->n_added;
	return rc;
}

static int
import_people(struct store *st, int64_t account, struct import_in *im,
              const struct org_import_opts *opts, struct import_counts *cnt)
{
	struct people pp;
	size_t c;
	int rc;

	people_init(&pp, st, account, im, opts);
	for (c = 0; c < P_NCOLS; c++)
		pp.present[c] = im->idx[c] >= 0;
	if (!has(&pp, P_NAME))
		rc = import_err(im, KAM_DATA, _("missing column '%s'"),
		                im->names[P_NAME]);
	else if ((rc = read_people(&pp)) == KAM_OK)
		rc = people_write(&pp, cnt);
	free_people(&pp);
	return rc;
}

/*
 * A Salesforce Contact export (kam-org(1), SALESFORCE): each row goes to
 * the account of the group whose external id is its AccountId; rows of
 * other accounts are skipped.  The accounts are then imported one after
 * the other, the named account first, so that a subsidiary's people may
 * report to the parent's.
 */
#define SF_CONTACT_COLS(C)                                                     \
	C(SC_ID, "Id")                                                         \
	C(SC_ACCOUNT, "AccountId")                                             \
	C(SC_LAST, "LastName")                                                 \
	C(SC_FIRST, "FirstName")                                               \
	C(SC_NAME, "Name")                                                     \
	C(SC_TITLE, "Title")                                                   \
	C(SC_DEPT, "Department")                                               \
	C(SC_REPORTS, "ReportsToId")
enum { SF_CONTACT_COLS(IMPORT_PLACE) };
static const char *const sf_contact_cols[] = {SF_CONTACT_COLS(IMPORT_NAME)
                                                  NULL};
static const struct import_kind sf_contact_kind = {"Salesforce contacts",
                                                   sf_contact_cols, 3, 1};

static int
import_sf_contacts(struct store *st, int64_t account, struct import_in *im,
                   const struct org_import_opts *opts,
                   struct import_counts *cnt)
{
	struct people all, pp;
	struct sf_group g;
	int64_t k;
	size_t i, j;
	int rc, got = 0;

	people_init(&all, st, account, im, opts);
	sf_group_load(&g, st, account);
	rc = sf_group_check(&g);
	while (rc == KAM_OK && (got = import_next(im)) == 1) {
		const char *src[P_NCOLS], *first, *last;
		struct prow *r;
		char *name;

		if (!hindex_get(&g.by_ext, import_raw(im, SC_ACCOUNT), &k)) {
			import_skip(im, cnt,
			            _("account '%s' is not '%s' or one of its "
			              "subsidiaries"),
			            import_raw(im, SC_ACCOUNT), all.acct);
			continue;
		}
		for (i = 0; i < P_NCOLS; i++)
			src[i] = "";
		/* Name is the full name as Salesforce writes it in the
		 * user's locale (王芳, not 芳 王); else first and last. */
		first = import_raw(im, SC_FIRST);
		last = import_raw(im, SC_LAST);
		if (import_get(im, SC_NAME) != NULL)
			name = xstrdup(import_get(im, SC_NAME));
		else
			xasprintf(&name, "%s%s%s", first,
			          *first && *last ? " " : "", last);
		src[P_NAME] = name;
		src[P_TITLE] = import_raw(im, SC_TITLE);
		src[P_DEPT] = import_raw(im, SC_DEPT);
		src[P_REPORTS] = import_raw(im, SC_REPORTS);
		src[P_EXT] = import_raw(im, SC_ID);
		r = new_row(&all, im->line);
		copy_fields(r, src);
		free(name);
		r->acct = (size_t)k;
		rc = org_check_person_row(import_path(im), im->line,
		                          (const char *const *)r->f, &r->level,
		                          &r->placeholder);
	}
	if (rc == KAM_OK && got < 0)
		rc = im->status;
	for (i = 0; rc == KAM_OK && i < g.n; i++) {
		people_init(&pp, st, g.ids[i], im, opts);
		pp.borrowed = 1;
		pp.present[P_NAME] = pp.present[P_TITLE] = pp.present[P_DEPT] =
		    pp.present[P_REPORTS] = pp.present[P_EXT] = 1;
		for (j = 0; j < all.n; j++)
			if (all.rows[j].acct == i)
				*new_row(&pp, 0) = all.rows[j];
		rc = people_write(&pp, cnt);
		free_people(&pp);
	}
	sf_group_free(&g);
	free_people(&all);
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
	struct import_counts *cnt;
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
	/* Links and roles may cross the accounts of a group (as an export
	 * of them writes them). */
	if (strchr(h, '/') != NULL &&
	    (*id = store_org_group_person(
	         rf->st, store_org_group_root(rf->st, rf->account), h)) != 0)
		return KAM_OK;
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
	return import_err(rf->im, KAM_DATA,
	                  _("%s repeated (first on line %ld)"), what,
	                  (long)first);
}

static int
link_row(struct refs *rf)
{
	struct import_in *im = rf->im;
	const char *kind, *f = import_raw(im, L_FROM),
	                  *t = import_raw(im, L_TO);
	char *key;
	long strength, was;
	int64_t a, b;
	int rc;

	if ((rc = find_person(rf, f, &a)) != KAM_OK ||
	    (rc = find_person(rf, t, &b)) != KAM_OK ||
	    (rc = org_check_link_row(
	         import_path(im), im->line, import_raw(im, L_KIND),
	         import_get(im, L_STRENGTH), &kind, &strength)) != KAM_OK)
		return rc;
	if (a == b)
		return import_err(im, KAM_CONFLICT,
		                  _("a link needs two people, not '%s' twice"),
		                  f);
	xasprintf(&key, "%lld %lld %s", (long long)a, (long long)b, kind);
	if ((rc = once(rf, key, "link")) != KAM_OK) {
		free(key);
		return rc;
	}
	free(key);
	if ((was = store_org_link_strength(rf->st, a, b, kind)) == strength) {
		rf->cnt->unchanged++;
		return KAM_OK;
	}
	if (was == 0)
		rf->cnt->added++;
	else
		rf->cnt->changed++;
	return store_org_link_on(rf->st, a, b, kind, strength, NULL);
}

static int
role_row(struct refs *rf)
{
	struct import_in *im = rf->im;
	const char *role, *influence, *dh;
	char *key, was[16];
	const char *pf = import_get(im, R_PRIMARY);
	int64_t p, d;
	int rc, lead, was_lead, primary = -1, was_primary = 0;

	dh = local_handle(import_raw(im, R_DEAL), rf->acct);
	if (strchr(dh, '/') != NULL)
		return elsewhere(rf->st, im, im->line, "deal",
		                 import_raw(im, R_DEAL));
	if (!handle_valid(dh) ||
	    (d = store_org_deal_lookup(rf->st, rf->account, dh)) == 0)
		return import_err(im, KAM_NOTFOUND, _("unknown deal '%s'"),
		                  import_raw(im, R_DEAL));
	if ((rc = find_person(rf, import_raw(im, R_PERSON), &p)) != KAM_OK ||
	    (rc = org_check_role_row(
	         import_path(im), im->line, import_raw(im, R_ROLE),
	         import_get(im, R_INFLUENCE), import_get(im, R_LEAD), &role,
	         &influence, &lead)) != KAM_OK)
		return rc;
	/* Without a primary column, the flag stays as it is. */
	if (im->idx[R_PRIMARY] >= 0 &&
	    !import_flag(pf != NULL ? pf : "", &primary))
		return import_err(im, KAM_DATA,
		                  _("invalid primary '%s' (yes or no)"), pf);
	xasprintf(&key, "%s %lld %s", dh, (long long)p, role);
	rc = once(rf, key, "role");
	free(key);
	if (rc != KAM_OK)
		return rc;
	if (!store_org_role_get(rf->st, d, p, role, was, sizeof was, &was_lead,
	                        &was_primary))
		rf->cnt->added++;
	else if ((influence != NULL && strcmp(influence, was) != 0) ||
	         (lead && !was_lead) ||
	         (primary >= 0 && primary != was_primary))
		rf->cnt->changed++;
	else {
		rf->cnt->unchanged++;
		return KAM_OK;
	}
	return store_org_role_put(rf->st, d, p, role, influence, lead, primary,
	                          NULL);
}

static int
import_refs(struct store *st, int64_t account, struct import_in *im,
            int (*row)(struct refs *), struct import_counts *cnt)
{
	struct refs rf;
	size_t i;
	int rc = KAM_OK, got;

	memset(&rf, 0, sizeof rf);
	rf.im = im;
	rf.st = st;
	rf.account = account;
	rf.cnt = cnt;
	rf.acct = store_org_account_handle(st, account);
	store_org_handles(st, account, &rf.old, &rf.nold);
	hindex_init(&rf.people, 0);
	hindex_init(&rf.rows, 1);
	hindex_reserve(&rf.people, rf.nold);
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
           const struct org_import_opts *opts, struct import_counts *cnt)
{
	const struct import_kind *k;
	const char *kind = opts->kind;
	struct import_in im;
	int rc;

	k = kind == NULL                 ? NULL
	    : strcmp(kind, "links") == 0 ? &links_kind
	    : strcmp(kind, "roles") == 0 ? &roles_kind
	    : strcmp(kind, "deals") == 0 ? &deals_kind
	                                 : &people_kind;
	/* The empty file's message names what the file should have been:
	 * with --from, one of the exports the preset reads. */
	if (opts->from != NULL)
		rc = import_open_expecting(
		    &im, path,
		    _("a Salesforce Contact, Opportunity or "
		      "OpportunityContactRole export, whose header has a "
		      "LastName, StageName or OpportunityId column"));
	else
		rc = import_open(&im, path, k != NULL ? k : &people_kind);
	if (rc != KAM_OK)
		return rc;
	if (k == NULL)
		k = import_has_column(&im, "from")     ? &links_kind
		    : !import_has_column(&im, "deal")  ? &people_kind
		    : import_has_column(&im, "person") ? &roles_kind
		                                       : &deals_kind;
	if (opts->from != NULL) {
		if (!import_has_column(&im, "LastName") ||
		    !import_has_column(&im, "AccountId")) {
			if ((rc = sf_import(st, account, &im, opts, cnt)) ==
			    KAM_NOTFOUND)
				rc = import_err(
				    &im, KAM_DATA,
				    _("not a Salesforce Contact, Opportunity "
				      "or "
				      "OpportunityContactRole export (no "
				      "LastName, StageName or OpportunityId "
				      "column)"));
		} else if ((rc = import_header(&im, &sf_contact_kind, NULL)) ==
		           KAM_OK)
			rc = import_sf_contacts(st, account, &im, opts, cnt);
	} else if ((rc = import_header(&im, k, opts->map)) == KAM_OK)
		rc = k == &people_kind
		         ? import_people(st, account, &im, opts, cnt)
		     : k == &deals_kind
		         ? deal_import(st, account, &im, &cnt->added)
		     : k == &links_kind
		         ? import_refs(st, account, &im, link_row, cnt)
		         : import_refs(st, account, &im, role_row, cnt);
	import_close(&im);
	return rc;
}
