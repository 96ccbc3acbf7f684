/*
 * Salesforce's Opportunity and OpportunityContactRole exports
 * (kam-org import --from salesforce, kam-org(1) SALESFORCE): each
 * opportunity of the account or of one of its subsidiaries becomes a
 * deal, matched by its external id on re-import; each contact role of
 * such an opportunity becomes a buying role, its Role picklist label
 * read through the role table (sf_role_table, overridable with
 * --role-map).  Rows of other accounts are skipped and counted.  A bad
 * row fails the whole file (the caller's transaction is rolled back).
 * The Contact export is import-org.c's.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kam/deal.h"
#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/org.h"
#include "kam/store.h"

/*
 * The Role picklist of OpportunityContactRole as kam's buying roles
 * (METHOD.md, buying roles): a label mapped to NULL (Other) is not a
 * role, and its rows are skipped.
 */
static const struct {
	const char *label, *role;
} sf_role_table[] = {
    {"Business User", "user"},
    {"Decision Maker", "decision-maker"},
    {"Economic Buyer", "finance"},
    {"Economic Decision Maker", "decision-maker"},
    {"Evaluator", "technical"},
    {"Executive Sponsor", "business"},
    {"Influencer", "influencer"},
    {"Other", NULL},
    {"Technical Buyer", "technical"},
};

void
sf_group_free(struct sf_group *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->ext[i]);
	KAM_FREE(g->ext, g->ids, g->acct);
	hindex_free(&g->by_ext);
}

void
sf_group_load(struct sf_group *g, struct store *st, int64_t account)
{
	size_t i;

	memset(g, 0, sizeof *g);
	store_org_group(st, account, &g->ids, &g->n);
	g->ext = xcalloc(g->n + 1, sizeof *g->ext);
	hindex_init(&g->by_ext, 0);
	for (i = 0; i < g->n; i++)
		if ((g->ext[i] = store_org_account_ext(st, g->ids[i])) != NULL)
			hindex_put(&g->by_ext, g->ext[i], (int64_t)i);
	g->acct = store_org_account_handle(st, account);
	g->root = store_org_group_root(st, account);
}

int
sf_group_check(const struct sf_group *g)
{
	if (g->ext[0] != NULL)
		return KAM_OK;
	return kam_err(KAM_DATA,
	               _("account '%s' has no external id (Salesforce "
	                 "rows are matched to accounts by AccountId: "
	                 "give it with account set --ext-id)"),
	               g->acct);
}

/* The day an import writes its changes on: --on, else today. */
static const char *
import_day(const struct org_import_opts *opts, char *today)
{
	kam_today(today);
	return opts->on != NULL ? opts->on : today;
}

/* Opportunity */

#define SF_OPP_COLS(C)                                                         \
	C(SO_ID, "Id")                                                         \
	C(SO_ACCOUNT, "AccountId")                                             \
	C(SO_NAME, "Name")                                                     \
	C(SO_STAGE, "StageName")                                               \
	C(SO_CLOSE, "CloseDate")                                               \
	C(SO_CLOSED, "IsClosed")                                               \
	C(SO_WON, "IsWon")                                                     \
	C(SO_AMOUNT, "Amount")                                                 \
	C(SO_CURRENCY, "CurrencyIsoCode")
enum { SF_OPP_COLS(IMPORT_PLACE) };
static const char *const sf_opp_cols[] = {SF_OPP_COLS(IMPORT_NAME) NULL};
static const struct import_kind sf_opp_kind = {"Salesforce opportunities",
                                               sf_opp_cols, 7, 1};

/*
 * A new deal's handle: its name folded to ASCII, else its external id,
 * with -2, -3, ... when the account has it (as people's, import-org.c).
 */
static int
deal_handle(struct import_in *im, struct store *st, int64_t account,
            const char *name, const char *ext, char *out, size_t size)
{
	char base[HANDLE_FOLD_MAX + 1];
	long n;

	if (!handle_fold(name, base) && !handle_fold(ext, base))
		return import_err(im, KAM_DATA,
		                  _("no handle for opportunity '%s' (neither "
		                    "its name nor its Id has a letter or digit "
		                    "in ASCII)"),
		                  name);
	snprintf(out, size, "%s", base);
	for (n = 2; store_org_deal_lookup(st, account, out) != 0; n++)
		snprintf(out, size, "%s-%ld", base, n);
	return KAM_OK;
}

/* Checks an opportunity row into c, its status and the day it closed. */
static int
opp_row(struct import_in *im, const char *day, struct deal_change *c,
        char *value, enum deal_status *status, const char **closed_on)
{
	static const int lines[] = {SO_NAME, SO_STAGE, SO_CURRENCY};
	const char *where = import_where(im), *s;
	int rc, closed, won;
	size_t i;

	memset(c, 0, sizeof *c);
	if (import_get(im, SO_ID) == NULL)
		return import_err(im, KAM_DATA, _("no Id"));
	if (import_get(im, SO_NAME) == NULL)
		return import_err(im, KAM_DATA,
		                  _("opportunity '%s' has no Name"),
		                  import_raw(im, SO_ID));
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if ((rc = text_check(where, sf_opp_cols[lines[i]],
		                     import_raw(im, lines[i]), TEXT_LINE)) !=
		    KAM_OK)
			return rc;
	*value = '\0';
	if ((s = import_get(im, SO_AMOUNT)) != NULL) {
		enum money_status m = money_parse(s, value);

		if (m != MONEY_OK)
			return import_err(im, KAM_DATA,
			                  _("invalid Amount '%s' (%s)"), s,
			                  _(money_rule(m)));
	}
	if ((s = import_get(im, SO_CLOSE)) != NULL &&
	    (rc = date_check(where, "CloseDate", s)) != KAM_OK)
		return rc;
	if (!import_flag(import_get(im, SO_CLOSED), &closed))
		return import_err(im, KAM_DATA,
		                  _("invalid IsClosed '%s' (true or false)"),
		                  import_raw(im, SO_CLOSED));
	if (!import_flag(import_get(im, SO_WON), &won))
		return import_err(im, KAM_DATA,
		                  _("invalid IsWon '%s' (true or false)"),
		                  import_raw(im, SO_WON));
	if (won && !closed)
		return import_err(im, KAM_DATA,
		                  _("opportunity '%s' is won but not closed"),
		                  import_raw(im, SO_ID));
	*status = !closed ? DEAL_OPEN : won ? DEAL_WON : DEAL_LOST;
	/* A closed opportunity's CloseDate is the day it closed; one
	 * still ahead closes on the import's day. */
	*closed_on = s != NULL && strcmp(s, day) <= 0 ? s : day;
	c->f[DEAL_NAME] = import_raw(im, SO_NAME);
	c->f[DEAL_VALUE] = value;
	c->f[DEAL_CLOSE] = import_raw(im, SO_CLOSE);
	c->f[DEAL_STAGE] = import_raw(im, SO_STAGE);
	/* Without the column (a single-currency org), the currency stays. */
	if (im->idx[SO_CURRENCY] >= 0)
		c->f[DEAL_CURRENCY] = import_raw(im, SO_CURRENCY);
	return KAM_OK;
}

static int
import_opps(struct store *st, struct sf_group *g, struct import_in *im,
            const struct org_import_opts *opts, struct import_counts *cnt)
{
	char today[KAM_DATE_LEN], value[MONEY_LEN], h[HANDLE_MAX + 32];
	const char *day = import_day(opts, today), *closed_on = NULL;
	struct hindex seen;
	struct deal_change c;
	struct deal_rec rec;
	enum deal_status status = DEAL_OPEN;
	int64_t k, id, first;
	int rc = KAM_OK, got, changed;
	size_t i;
	char *ref;

	hindex_init(&seen, 1);
	while (rc == KAM_OK && (got = import_next(im)) == 1) {
		if (!hindex_get(&g->by_ext, import_raw(im, SO_ACCOUNT), &k)) {
			import_skip(im, cnt,
			            _("account '%s' is not '%s' or one of its "
			              "subsidiaries"),
			            import_raw(im, SO_ACCOUNT), g->acct);
			continue;
		}
		if ((rc = opp_row(im, day, &c, value, &status, &closed_on)) !=
		    KAM_OK)
			break;
		if (!hindex_put(&seen, import_raw(im, SO_ID), im->line)) {
			hindex_get(&seen, import_raw(im, SO_ID), &first);
			rc = import_err(im, KAM_DATA,
			                _("opportunity '%s' repeated (first on "
			                  "line %ld)"),
			                import_raw(im, SO_ID), (long)first);
			break;
		}
		id =
		    store_deal_ext_lookup(st, g->ids[k], import_raw(im, SO_ID));
		if (id != 0 && !opts->update) {
			ref = store_deal_ref(st, id);
			rc = import_err(
			    im, KAM_CONFLICT,
			    _("deal '%s' already exists (use --update "
			      "to change it)"),
			    ref);
			free(ref);
			break;
		}
		if (id != 0) {
			rc = deal_sync(st, id, &c, status, closed_on, day,
			               &changed);
			if (rc == KAM_OK && changed)
				cnt->changed++;
			else if (rc == KAM_OK)
				cnt->unchanged++;
			continue;
		}
		if ((rc = deal_handle(im, st, g->ids[k], c.f[DEAL_NAME],
		                      import_raw(im, SO_ID), h, sizeof h)) !=
		    KAM_OK)
			break;
		memset(&rec, 0, sizeof rec);
		for (i = 0; i < DEAL_NFIELDS; i++)
			rec.f[i] = c.f[i] != NULL && *c.f[i] != '\0'
			               ? (char *)c.f[i]
			               : NULL;
		rec.f[DEAL_EXT_ID] = (char *)import_raw(im, SO_ID);
		rec.status = status;
		if (status != DEAL_OPEN)
			rec.closed_on = (char *)closed_on;
		if ((rc = store_deal_insert(st, g->ids[k], h, &rec, "imported",
		                            &id)) == KAM_OK)
			cnt->added++;
	}
	if (rc == KAM_OK && got < 0)
		rc = im->status;
	hindex_free(&seen);
	return rc;
}

/* OpportunityContactRole */

enum { SR_OPP, SR_CONTACT, SR_ROLE, SR_PRIMARY };
static const char *const sf_ocr_cols[] = {"OpportunityId", "ContactId", "Role",
                                          "IsPrimary", NULL};
static const struct import_kind sf_ocr_kind = {
    "Salesforce opportunity contact roles", sf_ocr_cols, 3, 1};

int
sf_role_map_check(const char *map, const char **role)
{
	const char *eq = strchr(map, '=');

	*role = NULL;
	if (eq == NULL || eq == map)
		return kam_err(KAM_USAGE,
		               _("--role-map '%s' is not LABEL=ROLE"), map);
	if (eq[1] == '\0')
		return KAM_OK;
	if ((*role = vocab_word(VOCAB_ROLE, eq + 1)) == NULL) {
		char *where;
		int rc;

		xasprintf(&where, "--role-map '%s'", map);
		rc = vocab_refused(where, VOCAB_ROLE, eq + 1);
		free(where);
		return rc;
	}
	return KAM_OK;
}

/*
 * The kam role of a Role label: --role-map first, then the table.
 * Returns 1 and the role (NULL: not a buying role), or 0 for a label
 * neither knows.
 */
static int
sf_role(const char *label, const char *const *map, const char **role)
{
	size_t i, n = strlen(label);

	for (; map != NULL && *map != NULL; map++)
		if (strncasecmp(*map, label, n) == 0 && (*map)[n] == '=') {
			sf_role_map_check(*map, role);
			return 1;
		}
	for (i = 0; i < sizeof sf_role_table / sizeof sf_role_table[0]; i++)
		if (strcasecmp(sf_role_table[i].label, label) == 0) {
			*role = sf_role_table[i].role;
			return 1;
		}
	return 0;
}

/* A deal of the accounts by external id: its index in g and its id. */
static int64_t
group_deal(struct store *st, const struct sf_group *g, const char *ext)
{
	int64_t id = 0;
	size_t i;

	for (i = 0; i < g->n && id == 0; i++)
		id = store_deal_ext_lookup(st, g->ids[i], ext);
	return id;
}

/*
 * The roles a --sync import ends: those held now in the deals with an
 * external id of the accounts that the file does not give.
 */
struct sync_roles {
	const struct hindex *given;
	int64_t *deals;
	size_t ndeals, deals_cap;
	int64_t deal;
	struct {
		int64_t deal, person;
		char *role;
	} * v;
	size_t n, cap;
};

static int
missing_role(const struct org_role *r, void *arg)
{
	struct sync_roles *sr = arg;
	char *key;
	int64_t x;
	int hit;

	xasprintf(&key, "%lld %lld %s", (long long)sr->deal,
	          (long long)r->person_id, r->role);
	hit = hindex_get(sr->given, key, &x);
	free(key);
	if (hit)
		return KAM_OK;
	sr->v = xgrow(sr->v, sr->n, &sr->cap, sizeof *sr->v);
	sr->v[sr->n].deal = sr->deal;
	sr->v[sr->n].person = r->person_id;
	sr->v[sr->n++].role = xstrdup(r->role);
	return KAM_OK;
}

static int
deal_with_ext(const struct org_deal *d, void *arg)
{
	struct sync_roles *sr = arg;

	if (d->ext_id != NULL) {
		sr->deals = xgrow(sr->deals, sr->ndeals, &sr->deals_cap,
		                  sizeof *sr->deals);
		sr->deals[sr->ndeals++] = d->id;
	}
	return KAM_OK;
}

static int
end_missing_roles(struct store *st, const struct sf_group *g,
                  const struct hindex *given, const char *on,
                  struct import_counts *cnt)
{
	struct sync_roles sr;
	size_t i;
	int rc = KAM_OK;

	memset(&sr, 0, sizeof sr);
	sr.given = given;
	for (i = 0; rc == KAM_OK && i < g->n; i++)
		rc = store_org_deals(st, g->ids[i], 0, deal_with_ext, &sr);
	for (i = 0; rc == KAM_OK && i < sr.ndeals; i++) {
		sr.deal = sr.deals[i];
		rc = store_org_roles_at(st, sr.deal, NULL, missing_role, &sr);
	}
	for (i = 0; i < sr.n; i++) {
		if (rc == KAM_OK) {
			rc = store_org_role_rm_on(
			    st, sr.v[i].deal, sr.v[i].person, sr.v[i].role, on);
			if (rc == KAM_OK)
				cnt->left++;
		}
		free(sr.v[i].role);
	}
	free(sr.v);
	free(sr.deals);
	return rc;
}

/* Reads the current row's deal (the opportunity, of G's group), person
 * (the contact, of G's group) and buying role (through the role table).
 * Returns 0 when the row is skipped, with its reason. */
static int
ocr_row(struct store *st, struct sf_group *g, struct import_in *im,
        const struct org_import_opts *opts, struct import_counts *cnt,
        int64_t *d, int64_t *p, const char **role)
{
	const char *label = import_raw(im, SR_ROLE);

	if ((*d = group_deal(st, g, import_raw(im, SR_OPP))) == 0) {
		import_skip(im, cnt,
		            _("opportunity '%s' is not a deal of '%s' or "
		              "its subsidiaries"),
		            import_raw(im, SR_OPP), g->acct);
		return 0;
	}
	if ((*p = store_org_group_person(st, g->root,
	                                 import_raw(im, SR_CONTACT))) == 0) {
		import_skip(im, cnt,
		            _("contact '%s' is not a person of '%s''s "
		              "group"),
		            import_raw(im, SR_CONTACT), g->acct);
		return 0;
	}
	if (*label == '\0') {
		import_skip(im, cnt, _("no Role"));
		return 0;
	}
	if (!sf_role(label, opts->role_map, role)) {
		import_skip(im, cnt,
		            _("Role '%s' is not in the role table (map "
		              "it with --role-map '%s=ROLE')"),
		            label, label);
		return 0;
	}
	if (*role == NULL) {
		import_skip(im, cnt,
		            _("Role '%s' is not a buying role (map it "
		              "with --role-map '%s=ROLE')"),
		            label, label);
		return 0;
	}
	return 1;
}

/* Gives person P buying role ROLE in deal D (PRIMARY or not) on DAY,
 * counting it as added, changed or unchanged; a role already held is
 * refused without --update. */
static int
ocr_put(struct store *st, struct import_in *im,
        const struct org_import_opts *opts, struct import_counts *cnt,
        int64_t d, int64_t p, const char *role, int primary, const char *day)
{
	char was[16], *dr = store_deal_ref(st, d),
	              *pr = store_person_ref(st, p);
	int rc = KAM_OK, was_lead, was_primary;

	if (!store_org_role_get(st, d, p, role, was, sizeof was, &was_lead,
	                        &was_primary))
		cnt->added++;
	else if (!opts->update)
		rc = import_err(im, KAM_CONFLICT,
		                _("'%s' already holds role '%s' in '%s' "
		                  "(use --update to change it)"),
		                pr, role, dr);
	else if (primary != was_primary)
		cnt->changed++;
	else
		cnt->unchanged++;
	if (rc == KAM_OK)
		rc = store_org_role_put(st, d, p, role, NULL, 0, primary, day);
	free(dr);
	free(pr);
	return rc;
}

static int
import_ocr(struct store *st, struct sf_group *g, struct import_in *im,
           const struct org_import_opts *opts, struct import_counts *cnt)
{
	char today[KAM_DATE_LEN];
	const char *day = import_day(opts, today), *role, *pf;
	struct hindex given;
	int64_t d, p, first;
	int rc = KAM_OK, got, primary;
	char *key;

	hindex_init(&given, 1);
	while (rc == KAM_OK && (got = import_next(im)) == 1) {
		if (!ocr_row(st, g, im, opts, cnt, &d, &p, &role))
			continue;
		pf = import_get(im, SR_PRIMARY);
		if (!import_flag(pf, &primary)) {
			rc = import_err(im, KAM_DATA,
			                _("invalid IsPrimary '%s' (true or "
			                  "false)"),
			                pf);
			break;
		}
		xasprintf(&key, "%lld %lld %s", (long long)d, (long long)p,
		          role);
		if (!hindex_put(&given, key, im->line)) {
			hindex_get(&given, key, &first);
			free(key);
			import_skip(im, cnt,
			            _("the same buying role as line %ld"),
			            (long)first);
			continue;
		}
		free(key);
		rc = ocr_put(st, im, opts, cnt, d, p, role, primary, day);
	}
	if (rc == KAM_OK && got < 0)
		rc = im->status;
	if (rc == KAM_OK && opts->sync_on != NULL)
		rc = end_missing_roles(st, g, &given, opts->sync_on, cnt);
	hindex_free(&given);
	return rc;
}

int
sf_import(struct store *st, int64_t account, struct import_in *im,
          const struct org_import_opts *opts, struct import_counts *cnt)
{
	struct sf_group g;
	int rc, opp;

	opp = import_has_column(im, "StageName");
	if (!opp && !import_has_column(im, "OpportunityId"))
		return KAM_NOTFOUND;
	sf_group_load(&g, st, account);
	rc = opp ? sf_group_check(&g) : KAM_OK;
	if (rc == KAM_OK &&
	    (rc = import_header(im, opp ? &sf_opp_kind : &sf_ocr_kind, NULL)) ==
	        KAM_OK)
		rc = opp ? import_opps(st, &g, im, opts, cnt)
		         : import_ocr(st, &g, im, opts, cnt);
	sf_group_free(&g);
	return rc;
}
