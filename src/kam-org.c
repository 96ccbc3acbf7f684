/*
 * kam-org: the client's organisation in the first two dimensions of the
 * method (METHOD.md, section 1): accounts and people with administrative
 * rank and reporting lines, informal influence, competitors, deals, and
 * each deal's buying roles and buying group.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/cli.h"
#include "kam/deal.h"
#include "kam/gate.h"
#include "kam/import.h"
#include "kam/influence.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/org.h"
#include "kam/out.h"
#include "kam/reason.h"
#include "kam/seller.h"
#include "kam/store.h"

static int
begin(struct kam_ctx *ctx)
{
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	return store_begin(ctx->st, STORE_TX_WRITE);
}

/*
 * The start of a verb that only reads: no options of its own; the frame
 * has checked the operands and opens the store.
 */
static int
read_verb(struct kam_ctx *ctx, int argc, char **argv)
{
	while (cli_getopt(ctx, argc, argv, "", NULL) != -1)
		return cli_usage(ctx);
	return cli_subject(ctx);
}

static int
check_text(const char *what, const char *s)
{
	return text_check(NULL, what, s, TEXT_LINE);
}

/* An optional date; a day something held from is not after today. */
static int
check_date(const char *what, const char *s)
{
	return s == NULL ? KAM_OK : date_check(NULL, what, s);
}

static int
check_past(const char *what, const char *s)
{
	return s == NULL ? KAM_OK : date_check_past(NULL, what, s);
}

/*
 * An amount of money, exact (money.h): what names it ("value", "cost")
 * and what it must be are in the message.
 */
static int
check_amount(const char *what, const char *s, char *out)
{
	enum money_status m = money_parse(s, out);

	if (m != MONEY_OK)
		return kam_err(KAM_DATA, _("invalid %s '%s' (%s)"), _(what), s,
		               _(money_rule(m)));
	return KAM_OK;
}

/* init */

static int
cmd_init(struct kam_ctx *ctx, int argc, char **argv)
{
	char *path;
	int rc;

	while (cli_getopt(ctx, argc, argv, "", NULL) != -1)
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	/* A team store's URL is shown without its password. */
	path = xstrdup(store_path(ctx->st));
	/* A line for a shell, an object for a program reading JSON. */
	if (ctx->fmt == OUT_JSON) {
		static const char *const cols[] = {"store", NULL};
		struct out *o = cli_out(ctx, OUT_OBJECT, cols);

		out_str(o, path);
		out_end_row(o);
		out_close(o);
	} else
		printf("%s\n", path);
	free(path);
	return KAM_OK;
}

/* accounts */

/* --parent names another account: a group is a tree. */
static int
check_parent(const char *handle, const char *parent)
{
	char *h, *p;
	int same;

	if (parent == NULL || *parent == '\0')
		return KAM_OK;
	h = handle_nfc(handle);
	p = handle_nfc(parent);
	same = h != NULL && p != NULL && strcmp(h, p) == 0;
	free(h);
	free(p);
	if (same)
		return kam_err(KAM_CONFLICT,
		               _("account '%s' cannot be its own parent"),
		               handle);
	return KAM_OK;
}

/* A category names a rubric profile: a handle. */
static int
check_category(const char *s)
{
	if (s != NULL && *s != '\0' && !handle_valid(s))
		return kam_err(KAM_DATA,
		               _("invalid category '%s' (use letters, digits, "
		                 "'.', '_' and '-')"),
		               s);
	return KAM_OK;
}

/*
 * A team's handle: a handle, at most TEAM_HANDLE_BYTES bytes, so that
 * its role's name on a team store is a PostgreSQL name (kam(7), TEAMS).
 */
static int
check_team(const char *h)
{
	char *n = handle_nfc(h);
	size_t len = n != NULL ? strlen(n) : 0;

	free(n);
	if (!handle_ok(h))
		return kam_err(KAM_DATA,
		               _("invalid team handle '%s' (use letters, "
		                 "digits, '.', '_' and '-')"),
		               h);
	if (len > TEAM_HANDLE_BYTES)
		return kam_err(KAM_DATA,
		               _("team handle '%s' is too long: at most %d "
		                 "bytes, so that its role's name (%s...) fits "
		                 "in a database name"),
		               h, TEAM_HANDLE_BYTES, TEAM_ROLE_PREFIX);
	return KAM_OK;
}

/* The options of account add and account set, into ch. */
static int
account_options(struct kam_ctx *ctx, int argc, char **argv,
                struct org_account_change *ch)
{
	static const struct option lo[] = {
	    {"category", required_argument, NULL, 'c'},
	    {"ext-id", required_argument, NULL, 'x'},
	    {"industry", required_argument, NULL, 'i'},
	    {"name", required_argument, NULL, 'n'},
	    {"parent", required_argument, NULL, 'P'},
	    {"team", required_argument, NULL, 'T'},
	    {NULL, 0, NULL, 0}};
	int c;

	memset(ch, 0, sizeof *ch);
	while ((c = cli_getopt(ctx, argc, argv, "i:n:", lo)) != -1) {
		switch (c) {
		case 'c':
			ch->category = optarg;
			break;
		case 'x':
			ch->ext_id = optarg;
			break;
		case 'P':
			ch->parent = optarg;
			break;
		case 'T':
			ch->team = optarg;
			break;
		case 'i':
			ch->industry = optarg;
			break;
		case 'n':
			ch->name = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	return KAM_OK;
}

/* The values of account add's and set's options, for the account h. */
static int
account_check(const char *h, const struct org_account_change *ch)
{
	int rc;

	if ((rc = check_text("--name", ch->name)) != KAM_OK ||
	    (rc = check_text("--industry", ch->industry)) != KAM_OK ||
	    (rc = check_text("--ext-id", ch->ext_id)) != KAM_OK ||
	    (rc = check_category(ch->category)) != KAM_OK ||
	    (rc = check_parent(h, ch->parent)) != KAM_OK ||
	    (ch->team != NULL && *ch->team != '\0' &&
	     (rc = check_team(ch->team)) != KAM_OK))
		return rc;
	if (ch->name != NULL && *ch->name == '\0')
		return kam_err(KAM_DATA, _("--name is empty"));
	return KAM_OK;
}

/*
 * account add HANDLE --name NAME [--category NAME] [--ext-id ID]
 * [--industry TEXT] [--parent ACCOUNT]
 */
static int
cmd_account_add(struct kam_ctx *ctx, int argc, char **argv)
{
	struct org_account_change ch;
	const char *h;
	int rc;

	if ((rc = account_options(ctx, argc, argv, &ch)) != KAM_OK)
		return rc;
	if (ch.name == NULL)
		return cli_usage_msg(ctx, _("--name is required"));
	h = argv[optind];
	if (!handle_ok(h))
		return kam_err(KAM_DATA,
		               _("invalid account handle '%s' (use letters, "
		                 "digits, '.', '_' and '-')"),
		               h);
	if ((rc = account_check(h, &ch)) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	rc = store_org_account_add(ctx->st, h, ch.name, ch.industry);
	/* The rest is a change of the new account. */
	ch.name = ch.industry = NULL;
	if (rc == KAM_OK && (ch.category != NULL || ch.ext_id != NULL ||
	                     ch.parent != NULL || ch.team != NULL))
		rc = store_org_account_set(ctx->st, h, &ch);
	return store_end(ctx->st, rc);
}

/*
 * account set HANDLE [--category NAME] [--ext-id ID] [--industry TEXT]
 * [--name NAME] [--parent ACCOUNT] [--team TEAM]; an empty category,
 * external id, industry, parent or team clears it.
 */
static int
cmd_account_set(struct kam_ctx *ctx, int argc, char **argv)
{
	struct org_account_change ch;
	int rc;

	if ((rc = account_options(ctx, argc, argv, &ch)) != KAM_OK)
		return rc;
	if (ch.name == NULL && ch.industry == NULL && ch.category == NULL &&
	    ch.ext_id == NULL && ch.parent == NULL && ch.team == NULL)
		return cli_usage_msg(ctx,
		                     _("nothing to change (give --category, "
		                       "--ext-id, --industry, --name, --parent "
		                       "or --team)"));
	if ((rc = account_check(argv[optind], &ch)) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 store_org_account_set(ctx->st, argv[optind], &ch));
}

static const char *const account_cols[] = {
    "handle",   "name",   "industry", "people", "deals", "created",
    "category", "parent", "ext_id",   "team",   NULL};

static int
put_account(const struct org_account *a, void *arg)
{
	struct out *o = arg;

	out_str(o, a->handle);
	out_str(o, a->name);
	out_str(o, a->industry);
	out_int(o, a->people);
	out_int(o, a->deals);
	out_str(o, a->created);
	out_str(o, a->category);
	out_str(o, a->parent);
	out_str(o, a->ext_id);
	out_str(o, a->team);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_account_list(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, account_cols);
	rc = store_org_accounts(ctx->st, NULL, put_account, o);
	out_close(o);
	return rc;
}

static int
cmd_account_show(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	o = cli_out(ctx, OUT_OBJECT, account_cols);
	rc = store_org_accounts(ctx->st, argv[optind], put_account, o);
	out_close(o);
	return rc;
}

/* teams */

/* team add and team rm: a team's handle, checked, and one change. */
static int
team_change(struct kam_ctx *ctx, int argc, char **argv,
            int (*change)(struct store *, const char *))
{
	int rc;

	while (cli_getopt(ctx, argc, argv, "", NULL) != -1)
		return cli_usage(ctx);
	if ((rc = check_team(argv[optind])) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, change(ctx->st, argv[optind]));
}

static int
cmd_team_add(struct kam_ctx *ctx, int argc, char **argv)
{
	return team_change(ctx, argc, argv, store_org_team_add);
}

static int
cmd_team_rm(struct kam_ctx *ctx, int argc, char **argv)
{
	return team_change(ctx, argc, argv, store_org_team_rm);
}

static int
put_team(const struct org_team *t, void *arg)
{
	struct out *o = arg;

	out_str(o, t->handle);
	out_str(o, t->role);
	out_int(o, t->accounts);
	out_str(o, t->created);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_team_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"handle", "db_role", "accounts",
	                                   "created", NULL};
	struct out *o;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = store_org_teams(ctx->st, put_team, o);
	out_close(o);
	return rc;
}

/* people */

#define MAX_DOTTED 32

struct person_opts {
	struct org_change c;
	const char *dotted[MAX_DOTTED];
	const char *level;
	int no_leave;
};

static const struct option person_lo[] = {
    {"dept", required_argument, NULL, 'D'},
    {"dotted-to", required_argument, NULL, 'o'},
    {"ext-id", required_argument, NULL, 'x'},
    {"level", required_argument, NULL, 'l'},
    {"name", required_argument, NULL, 'n'},
    {"no-dotted", no_argument, NULL, 'O'},
    {"no-leave", no_argument, NULL, 'E'},
    {"no-placeholder", no_argument, NULL, 'P'},
    {"no-reports-to", no_argument, NULL, 'R'},
    {"on", required_argument, NULL, 'W'},
    {"placeholder", no_argument, NULL, 'p'},
    {"reports-to", required_argument, NULL, 'r'},
    {"title", required_argument, NULL, 't'},
    {NULL, 0, NULL, 0}};

/* The values of person add's and set's options. */
static int
person_check(struct person_opts *p, int set)
{
	long level;
	int rc;

	if (p->level != NULL) {
		if (!parse_int(p->level, set ? 0 : 1, 99, &level))
			return kam_err(KAM_DATA,
			               _("invalid level '%s' (a whole number "
			                 "from 1, the top, to 99)"),
			               p->level);
		p->c.level = level;
	}
	if ((rc = check_text("--name", p->c.name)) != KAM_OK ||
	    (rc = check_text("--title", p->c.title)) != KAM_OK ||
	    (rc = check_text("--dept", p->c.dept)) != KAM_OK ||
	    (rc = check_text("--ext-id", p->c.ext_id)) != KAM_OK ||
	    (rc = check_past("--on", p->c.on)) != KAM_OK)
		return rc;
	if (p->c.name != NULL && *p->c.name == '\0')
		return kam_err(KAM_DATA, _("--name is empty"));
	return KAM_OK;
}

/* Options of person add and person set; set allows --on and the --no-s. */
static int
person_options(struct kam_ctx *ctx, int argc, char **argv,
               struct person_opts *p, int set)
{
	int c;

	memset(p, 0, sizeof *p);
	p->c.level = -1;
	p->c.placeholder = -1;
	p->c.dotted = p->dotted;
	while ((c = cli_getopt(ctx, argc, argv, "D:l:n:o:pr:t:", person_lo)) !=
	       -1) {
		if (!set &&
		    (c == 'W' || c == 'O' || c == 'P' || c == 'R' || c == 'E'))
			return cli_usage_msg(ctx, _("'--%s' is for person set"),
			                     c == 'W'   ? "on"
			                     : c == 'O' ? "no-dotted"
			                     : c == 'P' ? "no-placeholder"
			                     : c == 'E' ? "no-leave"
			                                : "no-reports-to");
		switch (c) {
		case 'D':
			p->c.dept = optarg;
			break;
		case 'l':
			p->level = optarg;
			break;
		case 'n':
			p->c.name = optarg;
			break;
		case 'x':
			p->c.ext_id = optarg;
			break;
		case 'o':
			if (p->c.ndotted == MAX_DOTTED)
				return cli_usage_msg(ctx,
				                     _("too many --dotted-to"));
			p->dotted[p->c.ndotted++] = optarg;
			p->c.set_dotted = 1;
			break;
		case 'O':
			p->c.set_dotted = 1;
			break;
		case 'E':
			p->no_leave = 1;
			break;
		case 'p':
			p->c.placeholder = 1;
			break;
		case 'P':
			p->c.placeholder = 0;
			break;
		case 'r':
			p->c.reports_to = optarg;
			break;
		case 'R':
			p->c.reports_to = "";
			break;
		case 't':
			p->c.title = optarg;
			break;
		case 'W':
			p->c.on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	return person_check(p, set);
}

static int
cmd_person_add(struct kam_ctx *ctx, int argc, char **argv)
{
	struct person_opts p;
	int rc;

	if ((rc = person_options(ctx, argc, argv, &p, 0)) != KAM_OK)
		return rc;
	if (p.c.name == NULL && p.c.placeholder != 1)
		return cli_usage_msg(ctx, _("--name is required (or "
		                            "--placeholder for someone not "
		                            "yet named)"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(
	    ctx->st, org_person_add(ctx->st, argv[optind], ctx->account, &p.c));
}

static int
cmd_person_set(struct kam_ctx *ctx, int argc, char **argv)
{
	struct person_opts p;
	char today[KAM_DATE_LEN];
	int rc;

	if ((rc = person_options(ctx, argc, argv, &p, 1)) != KAM_OK)
		return rc;
	if (p.no_leave && (rc = check_past("--on", p.c.on)) != KAM_OK)
		return rc;
	if (p.c.on == NULL) {
		kam_today(today);
		p.c.on = today;
	}
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	rc = org_person_set(ctx->st, ctx->subj.person, &p.c);
	if (rc == KAM_OK && p.no_leave)
		rc = store_org_person_return(ctx->st, ctx->subj.person, p.c.on);
	return store_end(ctx->st, rc);
}

static int
cmd_person_leave(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {{"on", required_argument, NULL, 'W'},
	                                   {NULL, 0, NULL, 0}};
	const char *on = NULL;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'W')
			return cli_usage(ctx);
		on = optarg;
	}
	if (on == NULL)
		return cli_usage_msg(ctx, _("--on DATE is required"));
	if ((rc = check_past("--on", on)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 store_org_person_leave(ctx->st, ctx->subj.person, on));
}

/* person rm PERSON: one added by mistake, when nothing refers to them */
static int
cmd_person_rm(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;

	while (cli_getopt(ctx, argc, argv, "", NULL) != -1)
		return cli_usage(ctx);
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 store_org_person_rm(ctx->st, ctx->subj.person));
}

/*
 * person erase PERSON --reason TEXT: commits at once, then compacts the
 * store, which cannot be done inside the command's transaction.
 */
static int
cmd_person_erase(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"reason", required_argument, NULL, 'R'}, {NULL, 0, NULL, 0}};
	const char *reason = NULL;
	char *tomb = NULL;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'R')
			return cli_usage(ctx);
		reason = optarg;
	}
	if (reason == NULL)
		return cli_usage_msg(ctx, _("--reason TEXT is required"));
	if (*reason == '\0')
		return kam_err(KAM_DATA, _("--reason is empty: say why the "
		                           "person is erased"));
	if ((rc = check_text("--reason", reason)) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	rc = store_end(ctx->st, store_org_person_erase(
	                            ctx->st, ctx->subj.person, reason, &tomb));
	if (rc != KAM_OK)
		return rc;
	puts(tomb);
	free(tomb);
	if ((rc = out_finish_stdout()) != KAM_OK ||
	    (rc = store_finish(ctx->st, 1)) != KAM_OK)
		return rc;
	if (store_compact(ctx->st) != KAM_OK)
		kam_warn(_("the erasure is recorded, but the store could not "
		           "be compacted: copies of what was erased may remain "
		           "in its files until it is (sqlite3 STORE VACUUM)"));
	return KAM_OK;
}

static const char *const person_cols[] = {
    "handle",    "name",        "title",   "dept",   "level", "reports_to",
    "dotted_to", "placeholder", "left_on", "ext_id", NULL};

static int
put_person(const struct org_person *p, void *arg)
{
	struct out *o = arg;

	out_ref(o, p->account, p->handle);
	out_str(o, p->name);
	out_str(o, p->title);
	out_str(o, p->dept);
	if (p->level > 0)
		out_int(o, p->level);
	else
		out_null(o);
	out_ref(o, p->account, p->reports_to);
	out_ref_list(o, p->account, p->dotted_to);
	out_bool(o, p->placeholder);
	out_str(o, p->left_on);
	out_str(o, p->ext_id);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_person_list(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int64_t account;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	store_expect(ctx->st, STORE_EXPECT_ACCOUNT);
	o = cli_out(ctx, 0, person_cols);
	rc = store_org_people(ctx->st, account, 0, put_person, o);
	out_close(o);
	return rc;
}

static int
cmd_person_show(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "person",  "name",       "title",     "dept",
	    "level",   "reports_to", "dotted_to", "placeholder",
	    "left_on", "ext_id",     NULL};
	struct out *o;
	int64_t id;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	id = ctx->subj.person;
	o = cli_out(ctx, OUT_OBJECT, cols);
	rc = store_org_people(ctx->st, 0, id, put_person, o);
	out_close(o);
	return rc;
}

/* tree */

struct tree_node {
	const struct org_person *p;
	char *account, *handle, *name, *title, *reports_to, *dotted_to,
	    *left_on;
	long level;
	int placeholder;
	size_t first_child, nchildren;
};

struct tree {
	struct tree_node *n;
	size_t len, cap;
	size_t *kids; /* children indices grouped by parent */
};

static int
tree_add(const struct org_person *p, void *arg)
{
	struct tree *t = arg;
	struct tree_node *n;

	if (t->len == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->n = xreallocarray(t->n, t->cap, sizeof *t->n);
	}
	n = &t->n[t->len++];
	memset(n, 0, sizeof *n);
	n->account = xstrdup(p->account);
	n->handle = xstrdup(p->handle);
	n->name = xstrdup(p->name);
	n->title = xstrdup_null(p->title);
	n->reports_to = xstrdup_null(p->reports_to);
	n->dotted_to = xstrdup_null(p->dotted_to);
	n->left_on = xstrdup_null(p->left_on);
	n->level = p->level;
	n->placeholder = p->placeholder;
	return KAM_OK;
}

/* Children and roots in rank order, then by handle. */
static int
node_cmp(const void *a, const void *b)
{
	const struct tree_node *x = *(const struct tree_node *const *)a;
	const struct tree_node *y = *(const struct tree_node *const *)b;
	long lx = x->level ? x->level : 1000, ly = y->level ? y->level : 1000;

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return strcmp(x->handle, y->handle);
}

/*
 * Groups each node's children (t->kids, from n->first_child), in rank
 * order, and lists the roots: people without a manager in the account.
 */
static size_t
tree_link(struct tree *t, size_t *roots)
{
	struct tree_node **order = xcalloc(t->len + 1, sizeof *order);
	size_t *parent = xcalloc(t->len + 1, sizeof *parent), i, c, nk = 0;
	size_t nroots = 0;
	struct hindex ix;
	int64_t p;

	hindex_init(&ix, 0);
	for (i = 0; i < t->len; i++)
		hindex_put(&ix, t->n[i].handle, (int64_t)i);
	for (i = 0; i < t->len; i++) {
		parent[i] = hindex_get(&ix, t->n[i].reports_to, &p)
		                ? (size_t)p
		                : (size_t)-1;
		order[i] = &t->n[i];
	}
	hindex_free(&ix);
	qsort(order, t->len, sizeof *order, node_cmp);
	for (i = 0; i < t->len; i++) {
		c = (size_t)(order[i] - t->n);
		if (parent[c] == (size_t)-1)
			roots[nroots++] = c;
		else
			t->n[parent[c]].nchildren++;
	}
	for (i = 0; i < t->len; i++) {
		t->n[i].first_child = nk;
		nk += t->n[i].nchildren;
		t->n[i].nchildren = 0;
	}
	for (i = 0; i < t->len; i++) {
		c = (size_t)(order[i] - t->n);
		if (parent[c] != (size_t)-1) {
			struct tree_node *pn = &t->n[parent[c]];

			t->kids[pn->first_child + pn->nchildren++] = c;
		}
	}
	free(order);
	free(parent);
	return nroots;
}

/* One person of the tree: a drawn line, or a row of the -F output. */
static void
tree_node_print(const struct tree_node *n, struct out *o, const char *prefix,
                int last, size_t depth, int draw)
{
	if (draw) {
		fputs(prefix, stdout);
		if (depth > 0)
			fputs(last ? "└── " : "├── ", stdout);
		if (n->placeholder)
			fputs("? ", stdout);
		out_show(stdout, n->name);
		fputs(" (", stdout);
		out_show(stdout, n->handle);
		fputc(')', stdout);
		if (n->title) {
			fputs(", ", stdout);
			out_show(stdout, n->title);
		}
		if (n->level)
			printf(" [L%ld]", n->level);
		if (n->dotted_to) {
			char *d = xstrdup(n->dotted_to), *p;

			for (p = d; *p; p++)
				if (*p == ';')
					*p = ',';
			fputs(" ┄ dotted to ", stdout);
			out_show(stdout, d);
			free(d);
		}
		if (n->left_on) {
			fputs(" (left ", stdout);
			out_show(stdout, n->left_on);
			fputc(')', stdout);
		}
		putchar('\n');
	} else {
		out_int(o, (long long)depth);
		out_ref(o, n->account, n->handle);
		out_str(o, n->name);
		out_str(o, n->title);
		if (n->level)
			out_int(o, n->level);
		else
			out_null(o);
		out_ref(o, n->account, n->reports_to);
		out_ref_list(o, n->account, n->dotted_to);
		out_end_row(o);
	}
}

/*
 * Prints the tree under root, depth first.  The walk keeps its own stack
 * rather than recursing, so that a long chain of reporting lines cannot
 * overflow the process stack.
 */
static void
tree_print(struct tree *t, struct out *o, size_t root, int draw)
{
	struct frame {
		size_t node, next, plen;
	} *stack = xcalloc(t->len + 1, sizeof *stack);
	struct buf prefix = {0};
	size_t depth;

	buf_puts(&prefix, "");
	tree_node_print(&t->n[root], o, prefix.s, 1, 0, draw);
	stack[0].node = root;
	depth = 1;
	while (depth > 0) {
		struct frame *f = &stack[depth - 1];
		const struct tree_node *n = &t->n[f->node];
		size_t c;
		int last;

		if (f->next == n->nchildren) {
			/* Back up: the prefix of this node's parent. */
			prefix.len = f->plen;
			prefix.s[prefix.len] = '\0';
			depth--;
			continue;
		}
		c = t->kids[n->first_child + f->next++];
		last = f->next == n->nchildren;
		tree_node_print(&t->n[c], o, prefix.s, last, depth, draw);
		stack[depth].node = c;
		stack[depth].next = 0;
		stack[depth].plen = prefix.len;
		buf_puts(&prefix, last ? "    " : "│   ");
		depth++;
	}
	buf_free(&prefix);
	free(stack);
}

static int
cmd_tree(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"depth",     "handle", "name",
	                                   "title",     "level",  "reports_to",
	                                   "dotted_to", NULL};
	struct tree t = {0};
	struct out *o = NULL;
	size_t *roots, nroots, i;
	int64_t account;
	int rc, draw;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	store_expect(ctx->st, STORE_EXPECT_ACCOUNT);
	rc = store_org_people(ctx->st, account, 0, tree_add, &t);
	roots = xcalloc(t.len + 1, sizeof *roots);
	t.kids = xcalloc(t.len + 1, sizeof *t.kids);
	if (rc == KAM_OK) {
		nroots = tree_link(&t, roots);
		draw = !ctx->fmt_given || ctx->fmt == OUT_TABLE;
		if (!draw)
			o = cli_out(ctx, 0, cols);
		for (i = 0; i < nroots; i++)
			tree_print(&t, o, roots[i], draw);
		out_close(o);
	}
	for (i = 0; i < t.len; i++) {
		free(t.n[i].account);
		free(t.n[i].handle);
		free(t.n[i].name);
		free(t.n[i].title);
		free(t.n[i].reports_to);
		free(t.n[i].dotted_to);
		free(t.n[i].left_on);
	}
	free(t.n);
	free(t.kids);
	free(roots);
	return rc;
}

/* links */

static int
cmd_link(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"kind", required_argument, NULL, 'k'},
	    {"on", required_argument, NULL, 'W'},
	    {"strength", required_argument, NULL, 's'},
	    {NULL, 0, NULL, 0}};
	const char *kind = NULL, *ks = NULL, *ss = NULL, *on = NULL;
	long strength = 2;
	int64_t to;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "k:s:", lo)) != -1) {
		switch (c) {
		case 'k':
			ks = optarg;
			break;
		case 's':
			ss = optarg;
			break;
		case 'W':
			on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (ks == NULL)
		return cli_usage_msg(ctx, _("--kind is required"));
	if ((kind = vocab_word(VOCAB_LINK_KIND, ks)) == NULL)
		return vocab_refused(NULL, VOCAB_LINK_KIND, ks);
	if (ss != NULL && !parse_int(ss, 1, 3, &strength))
		return kam_err(KAM_DATA, _("invalid strength '%s' (1, 2 or 3)"),
		               ss);
	if ((rc = check_past("--on", on)) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = cli_person(ctx, argv[optind + 1], &to)) == KAM_OK)
		rc = store_org_link_on(ctx->st, ctx->subj.person, to, kind,
		                       strength, on);
	return store_end(ctx->st, rc);
}

static int
cmd_unlink(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"kind", required_argument, NULL, 'k'},
	    {"on", required_argument, NULL, 'W'},
	    {NULL, 0, NULL, 0}};
	const char *kind = NULL, *ks = NULL, *on = NULL;
	int64_t to;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "k:", lo)) != -1) {
		if (c == 'k')
			ks = optarg;
		else if (c == 'W')
			on = optarg;
		else
			return cli_usage(ctx);
	}
	if (ks == NULL)
		return cli_usage_msg(ctx, _("--kind is required"));
	if ((kind = vocab_word(VOCAB_LINK_KIND, ks)) == NULL)
		return vocab_refused(NULL, VOCAB_LINK_KIND, ks);
	if ((rc = check_past("--on", on)) != KAM_OK ||
	    (rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = cli_person(ctx, argv[optind + 1], &to)) == KAM_OK)
		rc = store_org_unlink_on(ctx->st, ctx->subj.person, to, kind,
		                         on);
	return store_end(ctx->st, rc);
}

/*
 * A listing and the account its bare handles are of (out_ref): links of
 * an account, roles of a deal's account, a person's log.
 */
struct refout {
	struct out *o;
	char *acct;
};

static const char *const link_cols[] = {
    "from", "to", "kind", "strength", "from_name", "to_name", NULL};

static int
put_link(const struct org_link *l, void *arg)
{
	struct refout *ro = arg;
	struct out *o = ro->o;

	out_ref(o, ro->acct, l->from);
	out_ref(o, ro->acct, l->to);
	out_word(o, l->kind);
	out_int(o, l->strength);
	out_str(o, l->from_name);
	out_str(o, l->to_name);
	out_end_row(o);
	return KAM_OK;
}

/* The --as-of DATE of a verb that reads. */
static int
as_of_verb(struct kam_ctx *ctx, int argc, char **argv, const char **as_of)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, 'A'}, {NULL, 0, NULL, 0}};
	int c, rc;

	*as_of = NULL;
	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'A')
			return cli_usage(ctx);
		*as_of = optarg;
	}
	if ((rc = check_date("--as-of", *as_of)) != KAM_OK)
		return rc;
	return cli_subject(ctx);
}

/*
 * The --as-of DATE of a verb that reads a day looked back on (not after
 * today), today when it is not given.
 */
static int
as_of_today_verb(struct kam_ctx *ctx, int argc, char **argv, char *today,
                 const char **as_of)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, 'A'}, {NULL, 0, NULL, 0}};
	int c, rc;

	*as_of = NULL;
	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'A')
			return cli_usage(ctx);
		*as_of = optarg;
	}
	if ((rc = check_past("--as-of", *as_of)) != KAM_OK ||
	    (rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	if (*as_of == NULL) {
		kam_today(today);
		*as_of = today;
	}
	return KAM_OK;
}

static int
cmd_links(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *as_of;
	struct refout ro;
	int64_t account;
	int rc;

	if ((rc = as_of_verb(ctx, argc, argv, &as_of)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	ro.o = cli_out(ctx, 0, link_cols);
	ro.acct = store_org_account_handle(ctx->st, account);
	rc = store_org_links_at(ctx->st, account, as_of, put_link, &ro);
	out_close(ro.o);
	free(ro.acct);
	return rc;
}

/* competitors */

/*
 * HANDLE --name NAME: the whole of competitor add and seller add, which
 * differ in what they add.
 */
static int
add_named(struct kam_ctx *ctx, int argc, char **argv, const char *what,
          int (*add)(struct store *, const char *, const char *))
{
	static const struct option lo[] = {
	    {"name", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
	const char *name = NULL;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "n:", lo)) != -1) {
		if (c != 'n')
			return cli_usage(ctx);
		name = optarg;
	}
	if (name == NULL)
		return cli_usage_msg(ctx, _("--name is required"));
	if (!handle_ok(argv[optind]))
		return kam_err(KAM_DATA,
		               _("invalid %s handle '%s' (use letters, digits, "
		                 "'.', '_' and '-')"),
		               _(what), argv[optind]);
	if ((rc = check_text("--name", name)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, add(ctx->st, argv[optind], name));
}

static int
cmd_competitor_add(struct kam_ctx *ctx, int argc, char **argv)
{
	return add_named(ctx, argc, argv, N_("competitor"),
	                 store_org_competitor_add);
}

static int
put_competitor(const struct org_competitor *c, void *arg)
{
	struct out *o = arg;

	out_str(o, c->handle);
	out_str(o, c->name);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_competitor_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"handle", "name", NULL};
	struct out *o;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = store_org_competitors(ctx->st, put_competitor, o);
	out_close(o);
	return rc;
}

/* deals */

/* The options deal add and deal set share, checked into c. */
struct deal_opts {
	struct deal_change c;
	const char *on;
	char value[MONEY_LEN], cost[MONEY_LEN];
};

/*
 * Parses the options of deal add and deal set; clear allows "" (deal set)
 * to clear a field.  Its length is a case for each of the nine options
 * of a deal's record, each checked as it is read.
 */
static int
deal_options(struct kam_ctx *ctx, int argc, char **argv, struct deal_opts *d,
             int clear)
{
	static const struct option lo[] = {
	    {"close", required_argument, NULL, 'c'},
	    {"cost", required_argument, NULL, 'k'},
	    {"currency", required_argument, NULL, 'C'},
	    {"ext-id", required_argument, NULL, OPT_EXT_ID},
	    {"name", required_argument, NULL, 'n'},
	    {"on", required_argument, NULL, OPT_ON},
	    {"owner", required_argument, NULL, OPT_OWNER},
	    {"stage", required_argument, NULL, 's'},
	    {"value", required_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0}};
	const char **f = d->c.f;
	int c, rc;

	memset(d, 0, sizeof *d);
	while ((c = cli_getopt(ctx, argc, argv, "c:C:n:v:", lo)) != -1) {
		switch (c) {
		case 'c':
			f[DEAL_CLOSE] = optarg;
			break;
		case 'k':
			f[DEAL_COST] = optarg;
			break;
		case 'C':
			f[DEAL_CURRENCY] = optarg;
			break;
		case OPT_EXT_ID:
			f[DEAL_EXT_ID] = optarg;
			break;
		case 'n':
			f[DEAL_NAME] = optarg;
			break;
		case OPT_ON:
			if (!clear)
				return cli_usage(ctx);
			d->on = optarg;
			break;
		case OPT_OWNER:
			f[DEAL_OWNER] = optarg;
			break;
		case 's':
			f[DEAL_STAGE] = optarg;
			break;
		case 'v':
			f[DEAL_VALUE] = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = check_text("--name", f[DEAL_NAME])) != KAM_OK ||
	    (rc = check_text("--currency", f[DEAL_CURRENCY])) != KAM_OK ||
	    (rc = check_text("--stage", f[DEAL_STAGE])) != KAM_OK ||
	    (rc = check_text("--owner", f[DEAL_OWNER])) != KAM_OK ||
	    (rc = check_text("--ext-id", f[DEAL_EXT_ID])) != KAM_OK)
		return rc;
	if (f[DEAL_NAME] != NULL && *f[DEAL_NAME] == '\0')
		return kam_err(KAM_DATA, _("--name is empty"));
	if (f[DEAL_CLOSE] != NULL && (*f[DEAL_CLOSE] || !clear) &&
	    (rc = check_date("--close", f[DEAL_CLOSE])) != KAM_OK)
		return rc;
	if (d->on != NULL && (rc = check_date("--on", d->on)) != KAM_OK)
		return rc;
	if (f[DEAL_VALUE] != NULL && (*f[DEAL_VALUE] || !clear)) {
		if ((rc = check_amount(N_("value"), f[DEAL_VALUE], d->value)) !=
		    KAM_OK)
			return rc;
		f[DEAL_VALUE] = d->value;
	}
	if (f[DEAL_COST] != NULL && (*f[DEAL_COST] || !clear)) {
		if ((rc = check_amount(N_("cost"), f[DEAL_COST], d->cost)) !=
		    KAM_OK)
			return rc;
		f[DEAL_COST] = d->cost;
	}
	return KAM_OK;
}

/*
 * deal add DEAL --name NAME [--close DATE] [--cost N] [--currency C]
 *     [--ext-id ID] [--owner TEXT] [--stage TEXT] [--value N]
 */
static int
cmd_deal_add(struct kam_ctx *ctx, int argc, char **argv)
{
	struct deal_opts d;
	int rc;

	if ((rc = deal_options(ctx, argc, argv, &d, 0)) != KAM_OK)
		return rc;
	if (d.c.f[DEAL_NAME] == NULL)
		return cli_usage_msg(ctx, _("--name is required"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 deal_add(ctx->st, argv[optind], ctx->account, &d.c));
}

/*
 * deal set DEAL [--close DATE] [--cost N] [--currency C] [--ext-id ID]
 *     [--name NAME] [--on DATE] [--owner TEXT] [--stage TEXT] [--value N];
 *     an empty value clears all but the name.
 */
static int
cmd_deal_set(struct kam_ctx *ctx, int argc, char **argv)
{
	struct deal_opts d;
	int rc, i, any = 0;

	if ((rc = deal_options(ctx, argc, argv, &d, 1)) != KAM_OK)
		return rc;
	for (i = 0; i < DEAL_NFIELDS; i++)
		any |= d.c.f[i] != NULL;
	if (!any)
		return cli_usage_msg(ctx,
		                     _("nothing to change (give --close, "
		                       "--cost, --currency, --ext-id, "
		                       "--name, --owner, --stage or --value)"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 deal_set(ctx->st, ctx->subj.deal, &d.c, d.on));
}

/* deal close DEAL --won|--lost|--abandoned --on DATE [--reason TEXT] */
static int
cmd_deal_close(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"abandoned", no_argument, NULL, 'A'},
	    {"lost", no_argument, NULL, 'L'},
	    {"on", required_argument, NULL, OPT_ON},
	    {"reason", required_argument, NULL, 'r'},
	    {"won", no_argument, NULL, 'W'},
	    {NULL, 0, NULL, 0}};
	const char *on = NULL, *reason = NULL;
	int c, rc, status = -1, n = 0;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (c) {
		case 'A':
			status = DEAL_ABANDONED;
			n++;
			break;
		case 'L':
			status = DEAL_LOST;
			n++;
			break;
		case 'W':
			status = DEAL_WON;
			n++;
			break;
		case OPT_ON:
			on = optarg;
			break;
		case 'r':
			reason = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (n != 1)
		return cli_usage_msg(ctx, _("give one of --won, --lost and "
		                            "--abandoned"));
	if (on == NULL)
		return cli_usage_msg(ctx, _("--on is required"));
	if ((rc = check_date("--on", on)) != KAM_OK ||
	    (rc = text_check(NULL, "--reason", reason, TEXT_FREE)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 deal_close(ctx->st, ctx->subj.deal,
	                            (enum deal_status)status, on, reason));
}

/* deal reopen DEAL [--on DATE] */
static int
cmd_deal_reopen(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"on", required_argument, NULL, OPT_ON}, {NULL, 0, NULL, 0}};
	const char *on = NULL;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != OPT_ON)
			return cli_usage(ctx);
		on = optarg;
	}
	if (on != NULL && (rc = check_date("--on", on)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, deal_reopen(ctx->st, ctx->subj.deal, on));
}

static const char *const deal_cols[] = {
    "deal",   "name",    "value",     "currency", "close",
    "roles",  "created", "cost",      "stage",    "owner",
    "ext_id", "status",  "closed_on", "reason",   NULL};

static int
put_deal(const struct org_deal *d, void *arg)
{
	struct out *o = arg;
	char *ref;

	xasprintf(&ref, "%s/%s", d->account, d->handle);
	out_str(o, ref);
	free(ref);
	out_str(o, d->name);
	/* Exact digits everywhere; a number in JSON. */
	if (d->value != NULL)
		out_raw_json(o, d->value, d->value);
	else
		out_null(o);
	out_str(o, d->currency);
	out_str(o, d->close_on);
	out_int(o, d->roles);
	out_str(o, d->created);
	if (d->cost != NULL)
		out_raw_json(o, d->cost, d->cost);
	else
		out_null(o);
	out_str(o, d->stage);
	out_str(o, d->owner);
	out_str(o, d->ext_id);
	out_str(o, d->status);
	out_str(o, d->closed_on);
	out_str(o, d->reason);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_deal_list(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int64_t account = 0;
	int rc;

	/* With no account at all, every account's deals (CLI_ALL). */
	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	o = cli_out(ctx, 0, deal_cols);
	rc = store_org_deals(ctx->st, account, 0, put_deal, o);
	out_close(o);
	return rc;
}

static int
cmd_deal_show(struct kam_ctx *ctx, int argc, char **argv)
{
	struct out *o;
	int64_t id;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	id = ctx->subj.deal;
	o = cli_out(ctx, OUT_OBJECT, deal_cols);
	rc = store_org_deals(ctx->st, 0, id, put_deal, o);
	out_close(o);
	return rc;
}

/* roles */

static int
role_word(const char *s, const char **role)
{
	if ((*role = vocab_word(VOCAB_ROLE, s)) != NULL)
		return KAM_OK;
	return vocab_refused(NULL, VOCAB_ROLE, s);
}

static int
cmd_role(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"influence", required_argument, NULL, 'i'},
	    {"lead", no_argument, NULL, 'L'},
	    {"on", required_argument, NULL, 'W'},
	    {"primary", no_argument, NULL, 'P'},
	    {NULL, 0, NULL, 0}};
	const char *influence = NULL, *role, *on = NULL;
	int64_t p;
	int c, rc, lead = 0, primary = -1;

	while ((c = cli_getopt(ctx, argc, argv, "i:", lo)) != -1) {
		switch (c) {
		case 'i':
			if ((influence = vocab_word(VOCAB_INFLUENCE, optarg)) ==
			    NULL)
				return vocab_refused(NULL, VOCAB_INFLUENCE,
				                     optarg);
			break;
		case 'L':
			lead = 1;
			break;
		case 'P':
			primary = 1;
			break;
		case 'W':
			on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = role_word(argv[optind + 2], &role)) != KAM_OK ||
	    (rc = check_past("--on", on)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = cli_person(ctx, argv[optind + 1], &p)) == KAM_OK)
		rc = store_org_role_put(ctx->st, ctx->subj.deal, p, role,
		                        influence, lead, primary, on);
	return store_end(ctx->st, rc);
}

static int
cmd_role_rm(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {{"on", required_argument, NULL, 'W'},
	                                   {NULL, 0, NULL, 0}};
	const char *role, *on = NULL;
	int64_t p;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		if (c != 'W')
			return cli_usage(ctx);
		on = optarg;
	}
	if ((rc = role_word(argv[optind + 2], &role)) != KAM_OK ||
	    (rc = check_past("--on", on)) != KAM_OK)
		return rc;
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = cli_person(ctx, argv[optind + 1], &p)) == KAM_OK)
		rc = store_org_role_rm_on(ctx->st, ctx->subj.deal, p, role, on);
	return store_end(ctx->st, rc);
}

static int
put_role(const struct org_role *r, void *arg)
{
	struct refout *ro = arg;
	struct out *o = ro->o;

	out_ref(o, ro->acct, r->person);
	out_str(o, r->name);
	out_word(o, r->role);
	out_word(o, r->influence);
	out_bool(o, r->lead);
	out_bool(o, r->primary);
	out_str(o, r->title);
	if (r->level > 0)
		out_int(o, r->level);
	else
		out_null(o);
	out_bool(o, r->placeholder);
	out_str(o, r->left_on);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_roles(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "person", "name",  "role",        "influence", "lead", "primary",
	    "title",  "level", "placeholder", "left_on",   NULL};
	const char *as_of;
	struct refout ro;
	int64_t deal;
	int rc;

	if ((rc = as_of_verb(ctx, argc, argv, &as_of)) != KAM_OK)
		return rc;
	deal = ctx->subj.deal;
	ro.o = cli_out(ctx, 0, cols);
	ro.acct = store_org_account_handle(ctx->st,
	                                   store_deal_account(ctx->st, deal));
	rc = store_org_roles_at(ctx->st, deal, as_of, put_role, &ro);
	out_close(ro.o);
	free(ro.acct);
	return rc;
}

/* check */

struct flags {
	struct out *o;
	long n;
};

static int
put_flag(const struct org_flag *f, void *arg)
{
	struct flags *fl = arg;

	char *m = f->why != NULL ? reason_said(f->why) : xstrdup(f->message);

	out_label(fl->o, f->code, gate_label("flag", f->code));
	out_str(fl->o, f->subject);
	out_label(fl->o, f->message, m);
	out_end_row(fl->o);
	free(m);
	fl->n++;
	return KAM_OK;
}

static int
put_group_flag(const struct gate_flag *g, void *arg)
{
	struct org_flag f = {g->code, g->subject, g->message, g->why};

	return put_flag(&f, arg);
}

/* The red flags of a deal's buying group today. */
static int
group_flags(struct kam_ctx *ctx, int64_t deal, struct flags *fl)
{
	char today[KAM_DATE_LEN];

	kam_today(today);
	return gate_check_flags(ctx->st, deal, today, put_group_flag, fl);
}

/* The ids of deals (check's and export's). */
struct deal_ids {
	int64_t *id;
	size_t n;
};

static int
collect_deal(const struct org_deal *d, void *arg)
{
	struct deal_ids *ids = arg;

	ids->id = xreallocarray(ids->id, ids->n + 1, sizeof *ids->id);
	ids->id[ids->n++] = d->id;
	return KAM_OK;
}

/* check [ACCOUNT|DEAL]: a subject of CLI_SCOPE (cli.h). */
static int
cmd_check(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"flag", "subject", "message", NULL};
	struct flags fl = {NULL, 0};
	int64_t account, deal;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	deal = ctx->subj.deal;
	store_expect(ctx->st, STORE_EXPECT_ACCOUNT);
	fl.o = cli_out(ctx, 0, cols);
	rc = org_check_flags(ctx->st, account, deal, put_flag, &fl);
	/* Then what the stances say of each buying group (kam-gate(1),
	 * RED FLAGS). */
	if (rc == KAM_OK && deal != 0)
		rc = group_flags(ctx, deal, &fl);
	else if (rc == KAM_OK) {
		struct deal_ids ids = {NULL, 0};
		size_t i;

		rc = store_org_deals(ctx->st, account, 0, collect_deal, &ids);
		for (i = 0; rc == KAM_OK && i < ids.n; i++)
			rc = group_flags(ctx, ids.id[i], &fl);
		free(ids.id);
	}
	out_close(fl.o);
	if (rc != KAM_OK)
		return rc;
	return fl.n ? KAM_FALSE : KAM_OK;
}

/* influence */

static const char *const influence_cols[] = {"person",    "name",   "level",
                                             "roles",     "stance", "influence",
                                             "brokerage", NULL};

static void
put_influence(struct out *o, const char *acct,
              const struct org_influence_row *r)
{
	out_str(o, r->person);
	out_str(o, r->name);
	if (r->level > 0)
		out_int(o, r->level);
	else
		out_null(o);
	out_ref_list(o, acct, r->roles);
	out_word(o, r->stance);
	out_fixed(o, r->influence, INFLUENCE_DECIMALS);
	out_fixed(o, r->brokerage, INFLUENCE_DECIMALS);
	out_end_row(o);
}

static int
cmd_influence(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"as-of", required_argument, NULL, 'A'},
	    {"deal", required_argument, NULL, 'D'},
	    {NULL, 0, NULL, 0}};
	const char *deal_ref = NULL, *as_of = NULL, *acct;
	char today[KAM_DATE_LEN];
	struct org_influence inf;
	struct out *o;
	char *own;
	int64_t account, deal = 0;
	size_t i;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "", lo)) != -1) {
		switch (c) {
		case 'A':
			as_of = optarg;
			break;
		case 'D':
			deal_ref = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = check_past("--as-of", as_of)) != KAM_OK ||
	    (rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	acct = ctx->subj.arg;
	if (deal_ref != NULL) {
		if ((rc = store_deal_id(ctx->st, deal_ref, acct, &deal)) !=
		    KAM_OK)
			return rc;
		if (store_deal_account(ctx->st, deal) != account)
			return kam_err(KAM_DATA,
			               _("deal '%s' is not in account '%s'"),
			               deal_ref, acct);
	}
	if (as_of == NULL) {
		kam_today(today);
		as_of = today;
	}
	if ((rc = org_influence(ctx->st, account, deal, as_of, &inf)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, influence_cols);
	own = store_org_account_handle(ctx->st, account);
	for (i = 0; i < inf.n; i++)
		put_influence(o, own, &inf.rows[i]);
	out_close(o);
	free(own);
	org_influence_free(&inf);
	return KAM_OK;
}

/* our side: sellers, contacts and coverage */

static int
cmd_seller_add(struct kam_ctx *ctx, int argc, char **argv)
{
	return add_named(ctx, argc, argv, N_("seller"), store_seller_add);
}

static int
put_seller(const struct seller *r, void *arg)
{
	struct out *o = arg;

	out_str(o, r->handle);
	out_str(o, r->name);
	out_int(o, r->contacts);
	out_str(o, r->created);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_seller_list(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"handle", "name", "contacts",
	                                   "created", NULL};
	char today[KAM_DATE_LEN];
	struct out *o;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	kam_today(today);
	o = cli_out(ctx, 0, cols);
	rc = store_sellers(ctx->st, today, put_seller, o);
	out_close(o);
	return rc;
}

static int
cmd_contact(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"on", required_argument, NULL, 'o'},
	    {"strength", required_argument, NULL, 's'},
	    {NULL, 0, NULL, 0}};
	const char *on = NULL, *ss = NULL;
	char today[KAM_DATE_LEN];
	long strength;
	int64_t seller, p;
	int c, rc;

	while ((c = cli_getopt(ctx, argc, argv, "s:", lo)) != -1) {
		switch (c) {
		case 'o':
			on = optarg;
			break;
		case 's':
			ss = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if (ss == NULL)
		return cli_usage_msg(ctx, _("--strength is required"));
	if (!parse_int(ss, SELLER_STRENGTH_MIN, SELLER_STRENGTH_MAX, &strength))
		return kam_err(KAM_DATA,
		               _("invalid strength '%s' (1 acquainted, 2 works "
		                 "with, 3 trusted)"),
		               ss);
	if ((rc = check_past("--on", on)) != KAM_OK)
		return rc;
	if (on == NULL) {
		kam_today(today);
		on = today;
	}
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = store_seller_id(ctx->st, argv[optind], &seller)) == KAM_OK &&
	    (rc = cli_person(ctx, argv[optind + 1], &p)) == KAM_OK)
		rc = store_contact_add(ctx->st, seller, p, strength, on);
	return store_end(ctx->st, rc);
}

static int
put_contact(const struct contact_row *r, void *arg)
{
	struct out *o = arg;

	out_str(o, r->person);
	out_str(o, r->person_name);
	out_str(o, r->seller);
	out_str(o, r->seller_name);
	out_int(o, r->strength);
	out_str(o, r->on);
	out_end_row(o);
	return KAM_OK;
}

static int
cmd_contacts(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {"person",      "name",     "seller",
	                                   "seller_name", "strength", "since",
	                                   NULL};
	const char *as_of;
	char today[KAM_DATE_LEN];
	struct out *o;
	int rc;

	if ((rc = as_of_today_verb(ctx, argc, argv, today, &as_of)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	rc = store_contacts(ctx->st, ctx->subj.account, as_of, put_contact, o);
	out_close(o);
	return rc;
}

/*
 * The members of a deal's buying group nobody on our side knows, as
 * kam-gate sees the group on a day, and the seller who could reach each
 * through a supporter who influences or advises them.
 */
static int
cmd_coverage(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "person", "name", "roles", "influence", "stance", "through", NULL};
	const char *as_of;
	char today[KAM_DATE_LEN];
	struct gate_assessment a;
	struct out *o;
	size_t *idx, i;
	int64_t deal;
	int rc;

	if ((rc = as_of_today_verb(ctx, argc, argv, today, &as_of)) != KAM_OK)
		return rc;
	deal = ctx->subj.deal;
	if ((rc = gate_load(ctx->st, deal, as_of, &a)) != KAM_OK) {
		gate_assessment_free(&a);
		return rc;
	}
	idx = xcalloc(a.nmembers + 1, sizeof *idx);
	gate_group_order(&a, idx);
	o = cli_out(ctx, 0, cols);
	for (i = 0; i < a.nmembers; i++) {
		const struct gate_member *m = &a.members[idx[i]];
		const struct gate_contact *k;
		struct gate_step st;
		char *t;

		if (m->ncontacts > 0)
			continue;
		memset(&st, 0, sizeof st);
		k = gate_carrier(m, &st.through);
		st.carrier = k;
		t = out_is_table(o) ? gate_carrier_said(&st)
		                    : gate_carrier_text(&st);
		out_str(o, m->ref);
		out_str(o, m->name);
		{
			char *r = gate_roles_label(m->roles);

			out_label(o, m->roles, r);
			free(r);
		}
		out_word(o, gate_influence_word(m->influence));
		out_word(o, gate_stance_word(m->stance));
		out_str(o, t);
		out_end_row(o);
		free(t);
	}
	out_close(o);
	free(idx);
	gate_assessment_free(&a);
	return KAM_OK;
}

/* import and export */

static const char *
kind_word(struct kam_ctx *ctx, const char *s)
{
	if (s == NULL || strcmp(s, "people") == 0 || strcmp(s, "links") == 0 ||
	    strcmp(s, "roles") == 0 || strcmp(s, "deals") == 0)
		return s;
	kam_err(KAM_USAGE,
	        _("unknown kind '%s' (use people, links, roles or deals)"), s);
	return "";
}

#define MAX_MAP 32

/*
 * import [ACCOUNT] FILE [--kind K] [--map FIELD=COLUMN]... [--update]
 *     [--sync] [--on DATE]: the file all or nothing, then one summary
 *     line, written before the commit.
 */
/*
 * The options of import, each against the others: with nmap --map and
 * nrole --role-map given, and --sync when sync is set.
 */
static int
import_check(struct kam_ctx *ctx, struct org_import_opts *opts, size_t nmap,
             size_t nrole, int sync)
{
	int rc;

	if ((opts->kind = kind_word(ctx, opts->kind)) != NULL &&
	    *opts->kind == '\0')
		return cli_usage(ctx);
	if (opts->from != NULL && (opts->kind != NULL || nmap > 0))
		return cli_usage_msg(ctx, _("--from salesforce tells the kind "
		                            "and the columns itself (no --kind "
		                            "or --map)"));
	if (opts->from == NULL && nrole > 0)
		return cli_usage_msg(ctx,
		                     _("--role-map is for --from salesforce"));
	if (sync && opts->on == NULL)
		return cli_usage_msg(ctx,
		                     _("--sync needs --on DATE (the day the "
		                       "missing people left)"));
	if (sync && opts->kind != NULL && strcmp(opts->kind, "people") != 0)
		return cli_usage_msg(ctx, _("--sync is for people"));
	if (opts->on != NULL && !sync && !opts->update)
		return cli_usage_msg(ctx, _("--on is for --update or --sync"));
	if ((rc = check_past("--on", opts->on)) != KAM_OK)
		return rc;
	if (sync) {
		opts->update = 1;
		opts->sync_on = opts->on;
	}
	return KAM_OK;
}

static int
cmd_import(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"from", required_argument, NULL, 'f'},
	    {"kind", required_argument, NULL, 'k'},
	    {"map", required_argument, NULL, 'm'},
	    {"on", required_argument, NULL, 'W'},
	    {"role-map", required_argument, NULL, 'R'},
	    {"sync", no_argument, NULL, 'S'},
	    {"update", no_argument, NULL, 'U'},
	    {NULL, 0, NULL, 0}};
	const char *map[MAX_MAP + 1] = {NULL}, *file, *role;
	const char *role_map[MAX_MAP + 1] = {NULL};
	struct org_import_opts opts = {NULL, NULL, NULL, 0, NULL, NULL, NULL};
	struct import_counts cnt = {0, 0, 0, 0, 0};
	size_t nmap = 0, nrole = 0;
	int c, rc, sync = 0;

	cli_formats(ctx,
	            CLI_FMT(OUT_TABLE) | CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON),
	            OUT_TSV);
	while ((c = cli_getopt(ctx, argc, argv, "k:", lo)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "salesforce") != 0)
				return cli_usage_msg(
				    ctx,
				    _("unknown --from '%s' (use "
				      "salesforce)"),
				    optarg);
			opts.from = optarg;
			break;
		case 'k':
			opts.kind = optarg;
			break;
		case 'm':
			if (nmap == MAX_MAP)
				return cli_usage_msg(ctx, _("too many --map"));
			map[nmap++] = optarg;
			break;
		case 'R':
			if (nrole == MAX_MAP)
				return cli_usage_msg(ctx,
				                     _("too many --role-map"));
			if ((rc = sf_role_map_check(optarg, &role)) != KAM_OK)
				return rc;
			role_map[nrole++] = optarg;
			break;
		case 'S':
			sync = 1;
			break;
		case 'U':
			opts.update = 1;
			break;
		case 'W':
			opts.on = optarg;
			break;
		default:
			return cli_usage(ctx);
		}
	}
	if ((rc = import_check(ctx, &opts, nmap, nrole, sync)) != KAM_OK)
		return rc;
	opts.map = nmap ? map : NULL;
	opts.role_map = nrole ? role_map : NULL;
	file = argv[argc - 1];
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	/*
	 * org_import resolves every person, manager and deal it refers to
	 * inside its own transaction, so SQLite need not check the same
	 * references again on each insert (a fifth of an import's time).
	 */
	if ((rc = store_begin(ctx->st, STORE_TX_IMPORT)) != KAM_OK)
		return rc;
	rc = org_import(ctx->st, ctx->subj.account, file, &opts, &cnt);
	if (rc == KAM_OK)
		cli_import_summary(ctx, &cnt);
	return store_end(ctx->st, rc);
}

static int
export_person(const struct org_person *p, void *arg)
{
	FILE *fp = arg;
	char level[24];

	snprintf(level, sizeof level, "%ld", p->level);
	csv_put(fp, p->handle, 1);
	csv_put(fp, p->name, 0);
	csv_put(fp, p->title, 0);
	csv_put(fp, p->dept, 0);
	csv_put(fp, p->level ? level : NULL, 0);
	csv_put(fp, p->reports_to, 0);
	csv_put(fp, p->dotted_to, 0);
	csv_put(fp, p->placeholder ? "yes" : NULL, 0);
	csv_put(fp, p->left_on, 0);
	csv_put(fp, p->ext_id, 0);
	csv_endrow(fp);
	return KAM_OK;
}

static int
export_link(const struct org_link *l, void *arg)
{
	FILE *fp = arg;
	char s[8];

	snprintf(s, sizeof s, "%ld", l->strength);
	csv_put(fp, l->from, 1);
	csv_put(fp, l->to, 0);
	csv_put(fp, l->kind, 0);
	csv_put(fp, s, 0);
	csv_endrow(fp);
	return KAM_OK;
}

static int
export_role(const struct org_role *r, void *arg)
{
	FILE *fp = arg;

	csv_put(fp, r->deal, 1);
	csv_put(fp, r->person, 0);
	csv_put(fp, r->role, 0);
	csv_put(fp, r->influence, 0);
	csv_put(fp, r->lead ? "yes" : NULL, 0);
	csv_put(fp, r->primary ? "yes" : NULL, 0);
	csv_endrow(fp);
	return KAM_OK;
}

static int
export_deal(const struct org_deal *d, void *arg)
{
	FILE *fp = arg;

	csv_put(fp, d->handle, 1);
	csv_put(fp, d->name, 0);
	csv_put(fp, d->value, 0);
	csv_put(fp, d->currency, 0);
	csv_put(fp, d->close_on, 0);
	csv_put(fp, d->stage, 0);
	csv_put(fp, d->owner, 0);
	csv_put(fp, d->cost, 0);
	csv_put(fp, d->ext_id, 0);
	csv_put(fp, d->status, 0);
	csv_put(fp, d->closed_on, 0);
	csv_put(fp, d->reason, 0);
	csv_endrow(fp);
	return KAM_OK;
}

static int
cmd_export(struct kam_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
	    {"kind", required_argument, NULL, 'k'}, {NULL, 0, NULL, 0}};
	const char *kind = NULL;
	int64_t account;
	int c, rc;
	size_t i;

	/* Export files are the import's format: CSV, whatever -F says. */
	cli_formats(ctx, CLI_FMT(OUT_CSV), OUT_CSV);
	while ((c = cli_getopt(ctx, argc, argv, "k:", lo)) != -1) {
		if (c != 'k')
			return cli_usage(ctx);
		kind = optarg;
	}
	if ((kind = kind_word(ctx, kind)) != NULL && *kind == '\0')
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	store_expect(ctx->st, STORE_EXPECT_ACCOUNT);
	if (kind == NULL || strcmp(kind, "people") == 0) {
		fputs("handle,name,title,dept,level,reports_to,dotted_to,"
		      "placeholder,left_on,ext_id\n",
		      stdout);
		return store_org_people_by_handle(ctx->st, account,
		                                  export_person, stdout);
	}
	if (strcmp(kind, "links") == 0) {
		fputs("from,to,kind,strength\n", stdout);
		return store_org_links(ctx->st, account, export_link, stdout);
	}
	if (strcmp(kind, "deals") == 0) {
		for (i = 0; deal_file_cols[i] != NULL; i++)
			csv_put(stdout, deal_file_cols[i], i == 0);
		csv_endrow(stdout);
		return store_org_deals(ctx->st, account, 0, export_deal,
		                       stdout);
	}
	{
		struct deal_ids ids = {NULL, 0};

		fputs("deal,person,role,influence,lead,primary\n", stdout);
		rc = store_org_deals(ctx->st, account, 0, collect_deal, &ids);
		for (i = 0; rc == KAM_OK && i < ids.n; i++)
			rc = store_org_roles(ctx->st, ids.id[i], export_role,
			                     stdout);
		free(ids.id);
	}
	return rc;
}

/* log */

/*
 * log PERSON and deal log DEAL: what changed in a record, one row a
 * field changed, from the person's or the deal's history.
 */
static void
put_change(struct out *o, const char *acct, const char *effective,
           const char *recorded, const char *actor, const char *field,
           const char *old_value, const char *new_value)
{
	/* A line's manager is a person: written as every listing writes
	 * one (acct: the person's account). */
	int ref = acct != NULL && (strcmp(field, "reports_to") == 0 ||
	                           strcmp(field, "dotted_to") == 0);

	out_str(o, effective);
	out_str(o, recorded);
	out_str(o, actor);
	out_str(o, field);
	if (ref) {
		out_ref(o, acct, old_value);
		out_ref(o, acct, new_value);
	} else {
		out_str(o, old_value);
		out_str(o, new_value);
	}
	out_end_row(o);
}

static int
put_event(const struct org_event *e, void *arg)
{
	struct refout *ro = arg;

	put_change(ro->o, ro->acct, e->effective, e->recorded, e->actor,
	           e->field, e->old_value, e->new_value);
	return KAM_OK;
}

static int
put_deal_event(const struct deal_event *e, void *o)
{
	put_change(o, NULL, e->effective, e->recorded, e->actor, e->field,
	           e->old_value, e->new_value);
	return KAM_OK;
}

/* The subject, a person or a deal (the verb's row), says whose log. */
static int
cmd_log(struct kam_ctx *ctx, int argc, char **argv)
{
	static const char *const cols[] = {
	    "effective", "recorded", "actor", "field", "old", "new", NULL};
	struct refout ro;
	int rc;

	if ((rc = read_verb(ctx, argc, argv)) != KAM_OK)
		return rc;
	ro.o = cli_out(ctx, 0, cols);
	ro.acct = NULL;
	if (ctx->subj.deal != 0)
		rc = store_deal_log(ctx->st, ctx->subj.deal, put_deal_event,
		                    ro.o);
	else {
		ro.acct = store_person_ref(ctx->st, ctx->subj.person);
		*strchr(ro.acct, '/') = '\0';
		rc = store_org_log(ctx->st, ctx->subj.person, put_event, &ro);
	}
	out_close(ro.o);
	free(ro.acct);
	return rc;
}

static const struct kam_verb verbs[] = {
    {"init", "init", "create the store", cmd_init, 0, 0, CLI_NOSUBJ,
     CLI_CREATE | CLI_TEAM},
    {"account add",
     "account add HANDLE --name NAME [--category NAME] [--ext-id ID] "
     "[--industry TEXT] [--parent ACCOUNT] [--team TEAM]",
     "add a client account", cmd_account_add, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM},
    {"account set",
     "account set HANDLE [--category NAME] [--ext-id ID] [--industry TEXT] "
     "[--name NAME] [--parent ACCOUNT] [--team TEAM]",
     "change an account", cmd_account_set, 1, 1, CLI_ACCOUNT,
     CLI_WRITE | CLI_TEAM},
    {"account list", "account list", "list accounts", cmd_account_list, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"account show", "account show HANDLE", "show one account",
     cmd_account_show, 1, 1, CLI_ACCOUNT, CLI_READ | CLI_TEAM},
    {"team add", "team add TEAM",
     "add a team that sells accounts (on a team store, with its role)",
     cmd_team_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"team rm", "team rm TEAM", "remove a team that sells no account",
     cmd_team_rm, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"team list", "team list", "list the teams", cmd_team_list, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"person add",
     "person add PERSON --name NAME [--title T] [--dept D] [--level N] "
     "[--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] "
     "[--ext-id ID]",
     "add a person", cmd_person_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"person set",
     "person set PERSON [--name NAME] [--title T] [--dept D] [--level N] "
     "[--reports-to PERSON | --no-reports-to] [--dotted-to PERSON]... "
     "[--no-dotted] [--no-leave] [--placeholder | --no-placeholder] "
     "[--ext-id ID] "
     "[--on DATE]",
     "change a person; the change is kept in the log", cmd_person_set, 1, 1,
     CLI_PERSON, CLI_WRITE | CLI_TEAM},
    {"person leave", "person leave PERSON --on DATE",
     "record that a person left", cmd_person_leave, 1, 1, CLI_PERSON,
     CLI_WRITE | CLI_TEAM},
    {"person rm", "person rm PERSON",
     "remove a person added by mistake, if nothing refers to them",
     cmd_person_rm, 1, 1, CLI_PERSON, CLI_WRITE | CLI_TEAM},
    {"person erase", "person erase PERSON --reason TEXT",
     "erase a person's name, title and notes, keeping a tombstone",
     cmd_person_erase, 1, 1, CLI_PERSON, CLI_WRITE | CLI_TEAM},
    {"person list", "person list [ACCOUNT]", "list an account's people",
     cmd_person_list, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"person show", "person show PERSON", "show one person", cmd_person_show, 1,
     1, CLI_PERSON, CLI_READ | CLI_TEAM},
    {"tree", "tree [ACCOUNT]", "the indented reporting tree", cmd_tree, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"link",
     "link FROM TO --kind influences|advises|allies|rivals "
     "[--on DATE] [--strength 1-3]",
     "add or update an informal influence link, from a day", cmd_link, 2, 2,
     CLI_PERSON, CLI_WRITE | CLI_TEAM},
    {"unlink", "unlink FROM TO --kind KIND [--on DATE]", "end a link on a day",
     cmd_unlink, 2, 2, CLI_PERSON, CLI_WRITE | CLI_TEAM},
    {"links", "links [ACCOUNT] [--as-of DATE]",
     "an account's links, as they stood on a day", cmd_links, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"competitor add", "competitor add HANDLE --name NAME", "add a competitor",
     cmd_competitor_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"competitor list", "competitor list", "list competitors",
     cmd_competitor_list, 0, 0, CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"deal add",
     "deal add DEAL --name NAME [--close DATE] [--cost N] [--currency C] "
     "[--ext-id ID] [--owner TEXT] [--stage TEXT] [--value N]",
     "add a deal", cmd_deal_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"deal set",
     "deal set DEAL [--close DATE] [--cost N] [--currency C] [--ext-id ID] "
     "[--name NAME] [--on DATE] [--owner TEXT] [--stage TEXT] [--value N]",
     "change a deal; the change is kept in its log", cmd_deal_set, 1, 1,
     CLI_DEAL, CLI_WRITE | CLI_TEAM},
    {"deal close",
     "deal close DEAL --won|--lost|--abandoned --on DATE [--reason TEXT]",
     "record how a deal ended", cmd_deal_close, 1, 1, CLI_DEAL,
     CLI_WRITE | CLI_TEAM},
    {"deal reopen", "deal reopen DEAL [--on DATE]", "open a closed deal again",
     cmd_deal_reopen, 1, 1, CLI_DEAL, CLI_WRITE | CLI_TEAM},
    {"deal list", "deal list [ACCOUNT]", "list deals", cmd_deal_list, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM},
    {"deal show", "deal show DEAL", "show one deal", cmd_deal_show, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM},
    {"deal log", "deal log DEAL", "what changed in a deal's record", cmd_log, 1,
     1, CLI_DEAL, CLI_READ | CLI_TEAM},
    {"role rm", "role rm DEAL PERSON ROLE [--on DATE]",
     "end a buying role on a day", cmd_role_rm, 3, 3, CLI_DEAL,
     CLI_WRITE | CLI_TEAM},
    {"role",
     "role DEAL PERSON ROLE [--influence high|medium|low] [--lead] "
     "[--on DATE] [--primary]",
     "give a person a buying role in a deal, from a day", cmd_role, 3, 3,
     CLI_DEAL, CLI_WRITE | CLI_TEAM},
    {"roles", "roles DEAL [--as-of DATE]",
     "the buying group of a deal, as it stood on a day", cmd_roles, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM},
    {"check", "check [ACCOUNT|DEAL]", "red flags; exit 1 if any", cmd_check, 0,
     1, CLI_SCOPE | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"influence", "influence [ACCOUNT] [--deal DEAL] [--as-of DATE]",
     "people from most to least influential in the informal network",
     cmd_influence, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"seller add", "seller add HANDLE --name NAME", "add a seller of our team",
     cmd_seller_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"seller list", "seller list", "list our sellers", cmd_seller_list, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM},
    {"contact", "contact SELLER PERSON --strength 1-3 [--on DATE]",
     "record that a seller of ours knows a person", cmd_contact, 2, 2,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM},
    {"contacts", "contacts [ACCOUNT] [--as-of DATE]",
     "who on our side knows whom in an account", cmd_contacts, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"coverage", "coverage DEAL [--as-of DATE]",
     "the members of a buying group nobody on our side knows", cmd_coverage, 1,
     1, CLI_DEAL, CLI_READ | CLI_TEAM},
    {"import",
     "import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] "
     "[--map FIELD=COLUMN]... [--from salesforce "
     "[--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]",
     "import people, links, roles or deals from CSV, all or nothing",
     cmd_import, 1, 2, CLI_ACCOUNT | CLI_OPTIONAL, CLI_WRITE | CLI_TEAM},
    {"export", "export [ACCOUNT] [--kind people|links|roles|deals]",
     "export as CSV, in the import's format", cmd_export, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM},
    {"log", "log PERSON", "what changed in a person's record", cmd_log, 1, 1,
     CLI_PERSON, CLI_READ | CLI_TEAM},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0},
};

static const struct kam_cmd cmd = {
    "kam-org",
    "Record the client's organisation: rank, reporting lines, influence, "
    "deals and buying roles.",
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
