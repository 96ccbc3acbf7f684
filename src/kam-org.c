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

/* An optional date; a day something held from is not after today. */
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

/* The options of a verb that has one option with a value. */
struct one_opt {
	const char *val;
};
#define ONE CLI_AT(struct one_opt, val)

/* init */

static int
cmd_init(struct kam_ctx *ctx, int argc, char **argv)
{
	char *path;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	/* A team store's URL is shown without its password. */
	path = xstrdup(store_path(ctx->st));
	/* A line for a shell, an object for a program reading JSON. */
	if (ctx->fmt == OUT_JSON) {
		static const struct out_col cols[] = {
		    {.name = "store", .kind = OUT_C_STR}, OUT_COL_END};
		struct out *o = cli_out(ctx, OUT_OBJECT, cols);

		out_row(o, &path); /* the row: the one field, the path */
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

/* The options of account add and account set, into a change. */
#define ACCOUNT_OPTS(name_req)                                                 \
	{.name = "category", .kind = CLI_STR, ACC(category)},                  \
	    {.name = "ext-id", .kind = CLI_TEXT, ACC(ext_id)},                 \
	    {.name = "industry",                                               \
	     .letter = 'i',                                                    \
	     .kind = CLI_TEXT,                                                 \
	     ACC(industry)},                                                   \
	    {.name = "name",                                                   \
	     .letter = 'n',                                                    \
	     .kind = CLI_TEXT,                                                 \
	     ACC(name),                                                        \
	     .required = name_req,                                             \
	     .empty = CLI_EMPTY_REFUSED},                                      \
	    {.name = "parent", .kind = CLI_STR, ACC(parent)},                  \
	    {.name = "team", .kind = CLI_STR, ACC(team)},                      \
	{                                                                      \
		.name = NULL                                                   \
	}
#define ACC(f) CLI_AT(struct org_account_change, f)
static const struct cli_opt account_add_opts[] = {
    ACCOUNT_OPTS(N_("--name is required"))};
static const struct cli_opt account_set_opts[] = {ACCOUNT_OPTS(NULL)};
#undef ACC

/* The values of account add's and set's options, for the account h. */
static int
account_check(const char *h, const struct org_account_change *ch)
{
	int rc;

	if ((rc = check_category(ch->category)) != KAM_OK ||
	    (rc = check_parent(h, ch->parent)) != KAM_OK ||
	    (ch->team != NULL && *ch->team != '\0' &&
	     (rc = check_team(ch->team)) != KAM_OK))
		return rc;
	return KAM_OK;
}

/*
 * account add HANDLE --name NAME [--category NAME] [--ext-id ID]
 * [--industry TEXT] [--parent ACCOUNT]
 */
static int
cmd_account_add(struct kam_ctx *ctx, int argc, char **argv)
{
	struct org_account_change ch = *(struct org_account_change *)ctx->opts;
	const char *h;
	int rc;

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
	const struct org_account_change ch =
	    *(struct org_account_change *)ctx->opts;
	int rc;

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

#define C(f, k) OUT_COL(struct org_account, f, #f, k)
static const struct out_col account_cols[] = {
    C(handle, OUT_C_STR),   C(name, OUT_C_STR),   C(industry, OUT_C_STR),
    C(people, OUT_C_LONG),  C(deals, OUT_C_LONG), C(created, OUT_C_STR),
    C(category, OUT_C_STR), C(parent, OUT_C_STR), C(ext_id, OUT_C_STR),
    C(team, OUT_C_STR),     OUT_COL_END};
#undef C

OUT_ROW_FN(put_account, struct org_account)

/* The accounts, or the one the verb names (account show's subject). */
static int
list_accounts(struct kam_ctx *ctx, struct out *o, void *arg)
{
	return store_org_accounts(ctx->st, ctx->subj.arg, put_account, o);
}

/* teams */

/* team add and team rm: a team's handle, checked, and one change. */
static int
team_change(struct kam_ctx *ctx, int argc, char **argv,
            int (*change)(struct store *, const char *))
{
	int rc;

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

#define C(f, k)    OUT_COL(struct org_team, f, #f, k)
#define N(f, n, k) OUT_COL(struct org_team, f, n, k)
static const struct out_col team_cols[] = {
    C(handle, OUT_C_STR), N(role, "db_role", OUT_C_STR),
    C(accounts, OUT_C_LONG), C(created, OUT_C_STR), OUT_COL_END};
#undef N
#undef C

OUT_ROW_FN(put_team, struct org_team)

static int
list_teams(struct kam_ctx *ctx, struct out *o, void *arg)
{
	(void)arg;
	return store_org_teams(ctx->st, put_team, o);
}

/* people */

#define MAX_DOTTED 32

struct person_opts {
	struct org_change c;
	struct cli_list dotted;
	int no_leave;
};

/*
 * The options of person add and person set: set's level may be 0 (to
 * clear it), and set alone has --on and the --no- options.
 */
#define PERSON_OPTS(low, set_kind, set_msg)                                    \
	{.name = "dept", .letter = 'D', .kind = CLI_TEXT, PO(c.dept)},         \
	    {.name = "dotted-to",                                              \
	     .letter = 'o',                                                    \
	     .kind = CLI_LIST,                                                 \
	     PO(dotted),                                                       \
	     .max = MAX_DOTTED,                                                \
	     .msg = N_("too many --dotted-to")},                               \
	    {.name = "ext-id", .kind = CLI_TEXT, PO(c.ext_id)},                \
	    {.name = "level",                                                  \
	     .letter = 'l',                                                    \
	     .kind = CLI_INT,                                                  \
	     PO(c.level),                                                      \
	     .min = low,                                                       \
	     .max = 99,                                                        \
	     .dflt = -1,                                                       \
	     .msg = N_("invalid level '%s' (a whole number from 1, the top, "  \
	               "to 99)")},                                             \
	    {.name = "name",                                                   \
	     .letter = 'n',                                                    \
	     .kind = CLI_TEXT,                                                 \
	     PO(c.name),                                                       \
	     .empty = CLI_EMPTY_REFUSED},                                      \
	    {.name = "no-dotted",                                              \
	     .kind = set_kind,                                                 \
	     PO(c.set_dotted),                                                 \
	     .max = 1,                                                         \
	     .msg = set_msg},                                                  \
	    {.name = "no-leave",                                               \
	     .kind = set_kind,                                                 \
	     PO(no_leave),                                                     \
	     .max = 1,                                                         \
	     .msg = set_msg},                                                  \
	    {.name = "no-placeholder",                                         \
	     .kind = set_kind,                                                 \
	     PO(c.placeholder),                                                \
	     .max = 0,                                                         \
	     .dflt = -1,                                                       \
	     .msg = set_msg},                                                  \
	    {.name = "no-reports-to",                                          \
	     .kind = set_kind == CLI_SET ? CLI_WORD : set_kind,                \
	     PO(c.reports_to),                                                 \
	     .word = "",                                                       \
	     .msg = set_msg},                                                  \
	    {.name = "on",                                                     \
	     .kind = set_kind == CLI_SET ? CLI_PAST : set_kind,                \
	     PO(c.on),                                                         \
	     .msg = set_msg},                                                  \
	    {.name = "placeholder",                                            \
	     .letter = 'p',                                                    \
	     .kind = CLI_SET,                                                  \
	     PO(c.placeholder),                                                \
	     .max = 1,                                                         \
	     .dflt = -1},                                                      \
	    {.name = "reports-to",                                             \
	     .letter = 'r',                                                    \
	     .kind = CLI_STR,                                                  \
	     PO(c.reports_to)},                                                \
	    {.name = "title", .letter = 't', .kind = CLI_TEXT, PO(c.title)},   \
	{                                                                      \
		.name = NULL                                                   \
	}
#define PO(f) CLI_AT(struct person_opts, f)
static const struct cli_opt person_add_opts[] = {
    PERSON_OPTS(1, CLI_REFUSE, N_("'--%s' is for person set"))};
static const struct cli_opt person_set_opts[] = {PERSON_OPTS(0, CLI_SET, NULL)};
#undef PO

/* The options of person add or set, read by the frame. */
static struct person_opts *
person_options(struct kam_ctx *ctx, int *rc)
{
	struct person_opts *p = ctx->opts;

	p->c.dotted = p->dotted.v;
	p->c.ndotted = p->dotted.n;
	*rc = KAM_OK;
	/* --dotted-to names the dotted lines, --no-dotted ends them all. */
	if (p->dotted.n > 0 && p->c.set_dotted)
		*rc = cli_usage_msg(ctx, _("--%s and --%s exclude each other"),
		                    "dotted-to", "no-dotted");
	if (p->dotted.n > 0)
		p->c.set_dotted = 1;
	return p;
}

static int
cmd_person_add(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;
	struct person_opts *p = person_options(ctx, &rc);

	if (rc != KAM_OK)
		return rc;
	if (p->c.name == NULL && p->c.placeholder != 1)
		return cli_usage_msg(ctx, _("--name is required (or "
		                            "--placeholder for someone not "
		                            "yet named)"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, org_person_add(ctx->st, argv[optind],
	                                         ctx->account, &p->c));
}

static int
cmd_person_set(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;
	struct person_opts *p = person_options(ctx, &rc);
	char today[KAM_DATE_LEN];

	if (rc != KAM_OK)
		return rc;
	if (p->c.on == NULL) {
		kam_today(today);
		p->c.on = today;
	}
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	rc = org_person_set(ctx->st, ctx->subj.person, &p->c);
	if (rc == KAM_OK && p->no_leave)
		rc =
		    store_org_person_return(ctx->st, ctx->subj.person, p->c.on);
	return store_end(ctx->st, rc);
}

static const struct cli_opt leave_opts[] = {
    {.name = "on",
     .kind = CLI_PAST,
     ONE,
     .required = N_("--on DATE is required")},
    {.name = NULL}};

static int
cmd_person_leave(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct one_opt *o = ctx->opts;
	int rc;

	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(
	    ctx->st, store_org_person_leave(ctx->st, ctx->subj.person, o->val));
}

/* person rm PERSON: one added by mistake, when nothing refers to them */
static int
cmd_person_rm(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;

	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 store_org_person_rm(ctx->st, ctx->subj.person));
}

/*
 * person erase PERSON --reason TEXT: commits at once, then compacts the
 * store, which cannot be done inside the command's transaction.
 */
static const struct cli_opt erase_opts[] = {
    {.name = "reason",
     .kind = CLI_TEXT,
     ONE,
     .required = N_("--reason TEXT is required")},
    {.name = NULL}};

static int
cmd_person_erase(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *reason = ((struct one_opt *)ctx->opts)->val;
	char *tomb = NULL;
	int rc;

	if (*reason == '\0')
		return kam_err(KAM_DATA, _("--reason is empty: say why the "
		                           "person is erased"));
	if ((rc = begin(ctx)) != KAM_OK)
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

/* A person's columns, the first (the handle) named first. */
#define C(f, k) OUT_COL(struct org_person, f, #f, k)
#define R(f, k) OUT_COL_REF(struct org_person, f, #f, k, account)
#define PERSON_COLS(first)                                                     \
	OUT_COL_REF(struct org_person, handle, first, OUT_C_REF, account),     \
	    C(name, OUT_C_STR), C(title, OUT_C_STR), C(dept, OUT_C_STR),       \
	    C(level, OUT_C_LONG_POS), R(reports_to, OUT_C_REF),                \
	    R(dotted_to, OUT_C_REF_LIST), C(placeholder, OUT_C_BOOL),          \
	    C(left_on, OUT_C_STR), C(ext_id, OUT_C_STR), OUT_COL_END
static const struct out_col person_cols[] = {PERSON_COLS("handle")};
static const struct out_col person_show_cols[] = {PERSON_COLS("person")};
#undef PERSON_COLS
#undef R
#undef C

OUT_ROW_FN(put_person, struct org_person)

/* The people of the subject account, or the subject person alone. */
static int
list_people(struct kam_ctx *ctx, struct out *o, void *arg)
{
	(void)arg;
	return store_org_people(ctx->st,
	                        ctx->subj.person ? 0 : ctx->subj.account,
	                        ctx->subj.person, put_person, o);
}

static int
cmd_person_list(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	store_map_pages(ctx->st);
	return cli_list(ctx, 0, person_cols, list_people, NULL);
}

/* tree */

struct tree_node {
	struct org_person p; /* org_person_copy */
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

	n = KAM_PUSH(t->n, t->len, t->cap);
	org_person_copy(&n->p, p);
	return KAM_OK;
}

/* Children and roots in rank order, then by handle. */
static int
node_cmp(const void *a, const void *b)
{
	const struct tree_node *x = *(const struct tree_node *const *)a;
	const struct tree_node *y = *(const struct tree_node *const *)b;
	long lx = x->p.level ? x->p.level : 1000,
	     ly = y->p.level ? y->p.level : 1000;

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return strcmp(x->p.handle, y->p.handle);
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
	hindex_reserve(&ix, t->len);
	for (i = 0; i < t->len; i++)
		hindex_put(&ix, t->n[i].p.handle, (int64_t)i);
	for (i = 0; i < t->len; i++) {
		parent[i] = hindex_get(&ix, t->n[i].p.reports_to, &p)
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

/* A row of the tree in the -F output: a person at a depth. */
struct tree_row {
	long depth;
	const char *account, *handle, *name, *title;
	long level;
	const char *reports_to, *dotted_to;
};

#define C(f, k) OUT_COL(struct tree_row, f, #f, k)
/* R: a reference of the row's account; RL: a list of them. */
#define R(f)  OUT_COL_REF(struct tree_row, f, #f, OUT_C_REF, account)
#define RL(f) OUT_COL_REF(struct tree_row, f, #f, OUT_C_REF_LIST, account)
static const struct out_col tree_cols[] = {C(depth, OUT_C_LONG),
                                           R(handle),
                                           C(name, OUT_C_STR),
                                           C(title, OUT_C_STR),
                                           C(level, OUT_C_LONG_POS),
                                           R(reports_to),
                                           RL(dotted_to),
                                           OUT_COL_END};
#undef RL
#undef R
#undef C

/* One person of the tree: a drawn line, or a row of the -F output. */
static void
tree_node_print(const struct tree_node *n, struct out *o, const char *prefix,
                int last, size_t depth, int draw)
{
	if (draw) {
		fputs(prefix, stdout);
		if (depth > 0)
			fputs(last ? "└── " : "├── ", stdout);
		if (n->p.placeholder)
			fputs("? ", stdout);
		out_show(stdout, n->p.name);
		fputs(" (", stdout);
		out_show(stdout, n->p.handle);
		fputc(')', stdout);
		if (n->p.title) {
			fputs(", ", stdout);
			out_show(stdout, n->p.title);
		}
		if (n->p.level)
			printf(" [L%ld]", n->p.level);
		if (n->p.dotted_to) {
			char *d = xstrdup(n->p.dotted_to), *p;

			for (p = d; *p; p++)
				if (*p == ';')
					*p = ',';
			fputs(" ┄ dotted to ", stdout);
			out_show(stdout, d);
			free(d);
		}
		if (n->p.left_on) {
			fputs(" (left ", stdout);
			out_show(stdout, n->p.left_on);
			fputc(')', stdout);
		}
		putchar('\n');
	} else {
		struct tree_row r = {
		    (long)depth, n->p.account, n->p.handle,     n->p.name,
		    n->p.title,  n->p.level,   n->p.reports_to, n->p.dotted_to};

		out_row(o, &r);
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
	struct tree t = {0};
	struct out *o = NULL;
	size_t *roots, nroots, i;
	int64_t account;
	int rc, draw;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	store_map_pages(ctx->st);
	rc = store_org_people(ctx->st, account, 0, tree_add, &t);
	roots = xcalloc(t.len + 1, sizeof *roots);
	t.kids = xcalloc(t.len + 1, sizeof *t.kids);
	if (rc == KAM_OK) {
		nroots = tree_link(&t, roots);
		draw = !ctx->fmt_given || ctx->fmt == OUT_TABLE;
		if (!draw)
			o = cli_out(ctx, 0, tree_cols);
		for (i = 0; i < nroots; i++)
			tree_print(&t, o, roots[i], draw);
		out_close(o);
	}
	for (i = 0; i < t.len; i++) {
		org_person_copy_free(&t.n[i].p);
	}
	free(t.n);
	free(t.kids);
	free(roots);
	return rc;
}

/* links */

struct link_opts {
	const char *kind, *on;
	long strength;
};
#define LO(f) CLI_AT(struct link_opts, f)

/* --kind KIND --on DATE, of link and unlink. */
#define LINK_OPTS                                                              \
	{.name = "kind",                                                       \
	 .letter = 'k',                                                        \
	 .kind = CLI_VOCAB,                                                    \
	 LO(kind),                                                             \
	 .vocab = VOCAB_LINK_KIND,                                             \
	 .required = N_("--kind is required")},                                \
	{                                                                      \
		.name = "on", .kind = CLI_PAST, LO(on)                         \
	}
static const struct cli_opt link_opts[] = {
    LINK_OPTS,
    {.name = "strength",
     .letter = 's',
     .kind = CLI_INT,
     LO(strength),
     .min = 1,
     .max = 3,
     .dflt = 2,
     .msg = N_("invalid strength '%s' (1, 2 or 3)")},
    {.name = NULL}};

static const struct cli_opt unlink_opts[] = {LINK_OPTS, {.name = NULL}};
#undef LO

/*
 * link, unlink, role and role rm: one change, in a transaction, between
 * the subject and the person the second operand names (ref), whose id
 * change gets with arg.
 */
static int
person_change(struct kam_ctx *ctx, const char *ref,
              int (*change)(struct kam_ctx *, int64_t, const void *),
              const void *arg)
{
	int64_t p;
	int rc;

	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = cli_person(ctx, ref, &p)) == KAM_OK)
		rc = change(ctx, p, arg);
	return store_end(ctx->st, rc);
}

static int
link_on(struct kam_ctx *ctx, int64_t to, const void *arg)
{
	const struct link_opts *o = ctx->opts;

	return store_org_link_on(ctx->st, ctx->subj.person, to, o->kind,
	                         o->strength, o->on);
}

static int
unlink_on(struct kam_ctx *ctx, int64_t to, const void *arg)
{
	const struct link_opts *o = ctx->opts;

	return store_org_unlink_on(ctx->st, ctx->subj.person, to, o->kind,
	                           o->on);
}

static int
cmd_link(struct kam_ctx *ctx, int argc, char **argv)
{
	return person_change(ctx, argv[optind + 1], link_on, NULL);
}

static int
cmd_unlink(struct kam_ctx *ctx, int argc, char **argv)
{
	return person_change(ctx, argv[optind + 1], unlink_on, NULL);
}

#define C(f, k) OUT_COL(struct org_link, f, #f, k)
static const struct out_col link_cols[] = {C(from, OUT_C_REF),
                                           C(to, OUT_C_REF),
                                           C(kind, OUT_C_WORD),
                                           C(strength, OUT_C_LONG),
                                           C(from_name, OUT_C_STR),
                                           C(to_name, OUT_C_STR),
                                           OUT_COL_END};
#undef C

OUT_ROW_FN(put_link, struct org_link)

/* The --as-of DATE of a verb that reads. */
static const struct cli_opt as_of_opts[] = {
    {.name = "as-of", .kind = CLI_DATE, ONE}, {.name = NULL}};

/* ... of a verb that reads a day looked back on (not after today). */
static const struct cli_opt as_of_past_opts[] = {
    {.name = "as-of", .kind = CLI_PAST, ONE}, {.name = NULL}};

static int
as_of_verb(struct kam_ctx *ctx, const char **as_of)
{
	*as_of = ((const struct one_opt *)ctx->opts)->val;
	return cli_subject(ctx);
}

/* The --as-of DATE of as_of_past_opts, today when it is not given. */
static int
as_of_today_verb(struct kam_ctx *ctx, char *today, const char **as_of)
{
	int rc;

	if ((rc = as_of_verb(ctx, as_of)) != KAM_OK)
		return rc;
	if (*as_of == NULL) {
		kam_today(today);
		*as_of = today;
	}
	return KAM_OK;
}

/*
 * links and roles: the rows list gives as they stood on --as-of's day,
 * their people's handles shown of the subject's account (out_account).
 */
static int
list_as_of(struct kam_ctx *ctx, const struct out_col *cols,
           int (*list)(struct kam_ctx *, const char *, struct out *))
{
	const char *as_of;
	struct out *o;
	char *acct;
	int rc;

	if ((rc = as_of_verb(ctx, &as_of)) != KAM_OK)
		return rc;
	o = cli_out(ctx, 0, cols);
	acct = store_org_account_handle(ctx->st, ctx->subj.account);
	out_account(o, acct);
	rc = list(ctx, as_of, o);
	out_close(o);
	free(acct);
	return rc;
}

static int
links_at(struct kam_ctx *ctx, const char *as_of, struct out *o)
{
	return store_org_links_at(ctx->st, ctx->subj.account, as_of, put_link,
	                          o);
}

static int
cmd_links(struct kam_ctx *ctx, int argc, char **argv)
{
	return list_as_of(ctx, link_cols, links_at);
}

/* competitors */

/*
 * HANDLE --name NAME: the whole of competitor add and seller add, which
 * differ in what they add.
 */
static const struct cli_opt named_opts[] = {
    {.name = "name",
     .letter = 'n',
     .kind = CLI_TEXT,
     ONE,
     .required = N_("--name is required")},
    {.name = NULL}};

static int
add_named(struct kam_ctx *ctx, char **argv, const char *what,
          int (*add)(struct store *, const char *, const char *))
{
	const char *name = ((const struct one_opt *)ctx->opts)->val;
	int rc;

	if (!handle_ok(argv[optind]))
		return kam_err(KAM_DATA,
		               _("invalid %s handle '%s' (use letters, digits, "
		                 "'.', '_' and '-')"),
		               _(what), argv[optind]);
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, add(ctx->st, argv[optind], name));
}

static int
cmd_competitor_add(struct kam_ctx *ctx, int argc, char **argv)
{
	return add_named(ctx, argv, N_("competitor"), store_org_competitor_add);
}

static const struct out_col competitor_cols[] = {
    OUT_COL(struct org_competitor, handle, "handle", OUT_C_STR),
    OUT_COL(struct org_competitor, name, "name", OUT_C_STR), OUT_COL_END};

OUT_ROW_FN(put_competitor, struct org_competitor)

static int
list_competitors(struct kam_ctx *ctx, struct out *o, void *arg)
{
	(void)arg;
	return store_org_competitors(ctx->st, put_competitor, o);
}

/* deals */

/* The options deal add and deal set share, checked into c. */
struct deal_opts {
	struct deal_change c;
	const char *on;
	char value[MONEY_LEN], cost[MONEY_LEN];
};

/* deal set's --close: a day, or "" to clear it. */
static int
close_or_clear(const char *arg, void *dst)
{
	*(const char **)dst = arg;
	return *arg == '\0' ? KAM_OK : date_check(NULL, "--close", arg);
}

/*
 * The nine options of a deal's record; set's --close may be "" (to
 * clear it), and set alone has --on.
 */
#define DEAL_OPTS(close_kind, close_parse, name_req, on_kind)                  \
	{.name = "close",                                                      \
	 .letter = 'c',                                                        \
	 .kind = close_kind,                                                   \
	 .parse = close_parse,                                                 \
	 DO(c.f[DEAL_CLOSE])},                                                 \
	    {.name = "cost", .kind = CLI_STR, DO(c.f[DEAL_COST])},             \
	    {.name = "currency",                                               \
	     .letter = 'C',                                                    \
	     .kind = CLI_TEXT,                                                 \
	     DO(c.f[DEAL_CURRENCY])},                                          \
	    {.name = "ext-id", .kind = CLI_TEXT, DO(c.f[DEAL_EXT_ID])},        \
	    {.name = "name",                                                   \
	     .letter = 'n',                                                    \
	     .kind = CLI_TEXT,                                                 \
	     DO(c.f[DEAL_NAME]),                                               \
	     .required = name_req,                                             \
	     .empty = CLI_EMPTY_REFUSED},                                      \
	    {.name = "on", .kind = on_kind, DO(on)},                           \
	    {.name = "owner", .kind = CLI_TEXT, DO(c.f[DEAL_OWNER])},          \
	    {.name = "stage", .kind = CLI_TEXT, DO(c.f[DEAL_STAGE])},          \
	    {.name = "value",                                                  \
	     .letter = 'v',                                                    \
	     .kind = CLI_STR,                                                  \
	     DO(c.f[DEAL_VALUE])},                                             \
	{                                                                      \
		.name = NULL                                                   \
	}
#define DO(f) CLI_AT(struct deal_opts, f)
static const struct cli_opt deal_add_opts[] = {
    DEAL_OPTS(CLI_DATE, NULL, N_("--name is required"), CLI_REFUSE)};
static const struct cli_opt deal_set_opts[] = {
    DEAL_OPTS(CLI_CALL, close_or_clear, NULL, CLI_DATE)};
#undef DO

/*
 * The values of deal add's and deal set's options; clear allows ""
 * (deal set) to clear a field.
 */
static struct deal_opts *
deal_options(struct kam_ctx *ctx, int clear, int *rc)
{
	struct deal_opts *d = ctx->opts;
	const char **f = d->c.f;

	*rc = KAM_OK;
	if (f[DEAL_VALUE] != NULL && (*f[DEAL_VALUE] || !clear) &&
	    (*rc = check_amount(N_("value"), f[DEAL_VALUE], d->value)) ==
	        KAM_OK)
		f[DEAL_VALUE] = d->value;
	if (*rc == KAM_OK && f[DEAL_COST] != NULL &&
	    (*f[DEAL_COST] || !clear) &&
	    (*rc = check_amount(N_("cost"), f[DEAL_COST], d->cost)) == KAM_OK)
		f[DEAL_COST] = d->cost;
	return d;
}

/*
 * deal add DEAL --name NAME [--close DATE] [--cost N] [--currency C]
 *     [--ext-id ID] [--owner TEXT] [--stage TEXT] [--value N]
 */
static int
cmd_deal_add(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;
	struct deal_opts *d = deal_options(ctx, 0, &rc);

	if (rc != KAM_OK || (rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 deal_add(ctx->st, argv[optind], ctx->account, &d->c));
}

/*
 * deal set DEAL [--close DATE] [--cost N] [--currency C] [--ext-id ID]
 *     [--name NAME] [--on DATE] [--owner TEXT] [--stage TEXT] [--value N];
 *     an empty value clears all but the name.
 */
static int
cmd_deal_set(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc, i, any = 0;
	struct deal_opts *d = deal_options(ctx, 1, &rc);

	if (rc != KAM_OK)
		return rc;
	for (i = 0; i < DEAL_NFIELDS; i++)
		any |= d->c.f[i] != NULL;
	if (!any)
		return cli_usage_msg(ctx,
		                     _("nothing to change (give --close, "
		                       "--cost, --currency, --ext-id, "
		                       "--name, --owner, --stage or --value)"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st,
	                 deal_set(ctx->st, ctx->subj.deal, &d->c, d->on));
}

/* deal close DEAL --won|--lost|--abandoned --on DATE [--reason TEXT] */
struct close_opts {
	int won, lost, abandoned;
	const char *on, *reason;
};
#define CO(f) CLI_AT(struct close_opts, f)
static const struct cli_opt close_opts[] = {
    {.name = "abandoned", .kind = CLI_COUNT, CO(abandoned)},
    {.name = "lost", .kind = CLI_COUNT, CO(lost)},
    {.name = "on",
     .kind = CLI_DATE,
     CO(on),
     .required = N_("--on is required")},
    {.name = "reason", .kind = CLI_FREE, CO(reason)},
    {.name = "won", .kind = CLI_COUNT, CO(won)},
    {.name = NULL}};
#undef CO

static int
cmd_deal_close(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct close_opts *o = ctx->opts;
	enum deal_status status = o->won    ? DEAL_WON
	                          : o->lost ? DEAL_LOST
	                                    : DEAL_ABANDONED;
	int rc;

	if (o->won + o->lost + o->abandoned != 1)
		return cli_usage_msg(ctx, _("give one of --won, --lost and "
		                            "--abandoned"));
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, deal_close(ctx->st, ctx->subj.deal, status,
	                                     o->on, o->reason));
}

/* deal reopen DEAL [--on DATE] */
static const struct cli_opt reopen_opts[] = {
    {.name = "on", .kind = CLI_DATE, ONE}, {.name = NULL}};

static int
cmd_deal_reopen(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *on = ((const struct one_opt *)ctx->opts)->val;
	int rc;

	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	return store_end(ctx->st, deal_reopen(ctx->st, ctx->subj.deal, on));
}

/* A deal as ACCOUNT/DEAL. */
static void
put_deal_ref(struct out *o, const void *row)
{
	const struct org_deal *d = row;
	char *ref;

	xasprintf(&ref, "%s/%s", d->account, d->handle);
	out_str(o, ref);
	free(ref);
}

#define C(f, k)    OUT_COL(struct org_deal, f, #f, k)
#define N(f, n, k) OUT_COL(struct org_deal, f, n, k)
static const struct out_col deal_cols[] = {OUT_COL_FN("deal", put_deal_ref),
                                           C(name, OUT_C_STR),
                                           C(value, OUT_C_DIGITS),
                                           C(currency, OUT_C_STR),
                                           N(close_on, "close", OUT_C_STR),
                                           C(roles, OUT_C_LONG),
                                           C(created, OUT_C_STR),
                                           C(cost, OUT_C_DIGITS),
                                           C(stage, OUT_C_STR),
                                           C(owner, OUT_C_STR),
                                           C(ext_id, OUT_C_STR),
                                           C(status, OUT_C_STR),
                                           C(closed_on, OUT_C_STR),
                                           C(reason, OUT_C_STR),
                                           OUT_COL_END};
#undef N
#undef C

OUT_ROW_FN(put_deal, struct org_deal)

/* The deals of the subject account (none: every account's), or the
 * subject deal alone. */
static int
list_deals(struct kam_ctx *ctx, struct out *o, void *arg)
{
	(void)arg;
	return store_org_deals(ctx->st, ctx->subj.deal ? 0 : ctx->subj.account,
	                       ctx->subj.deal, put_deal, o);
}

/* roles */

static int
role_word(const char *s, const char **role)
{
	if ((*role = vocab_word(VOCAB_ROLE, s)) != NULL)
		return KAM_OK;
	return vocab_refused(NULL, VOCAB_ROLE, s);
}

struct role_opts {
	const char *influence, *on;
	int lead, primary;
};
#define RO(f) CLI_AT(struct role_opts, f)
static const struct cli_opt role_opts[] = {
    {.name = "influence",
     .letter = 'i',
     .kind = CLI_VOCAB,
     RO(influence),
     .vocab = VOCAB_INFLUENCE},
    {.name = "lead", .kind = CLI_SET, RO(lead), .max = 1},
    {.name = "on", .kind = CLI_PAST, RO(on)},
    {.name = "primary", .kind = CLI_SET, RO(primary), .max = 1, .dflt = -1},
    {.name = NULL}};
#undef RO

static const struct cli_opt role_rm_opts[] = {
    {.name = "on", .kind = CLI_PAST, ONE}, {.name = NULL}};

static int
role_put(struct kam_ctx *ctx, int64_t p, const void *role)
{
	const struct role_opts *o = ctx->opts;

	return store_org_role_put(ctx->st, ctx->subj.deal, p, role,
	                          o->influence, o->lead, o->primary, o->on);
}

static int
role_rm(struct kam_ctx *ctx, int64_t p, const void *role)
{
	const char *on = ((const struct one_opt *)ctx->opts)->val;

	return store_org_role_rm_on(ctx->st, ctx->subj.deal, p, role, on);
}

/* role and role rm: DEAL PERSON ROLE, the role's word checked first. */
static int
role_change(struct kam_ctx *ctx, char **argv,
            int (*change)(struct kam_ctx *, int64_t, const void *))
{
	const char *role;
	int rc;

	if ((rc = role_word(argv[optind + 2], &role)) != KAM_OK)
		return rc;
	return person_change(ctx, argv[optind + 1], change, role);
}

static int
cmd_role(struct kam_ctx *ctx, int argc, char **argv)
{
	return role_change(ctx, argv, role_put);
}

static int
cmd_role_rm(struct kam_ctx *ctx, int argc, char **argv)
{
	return role_change(ctx, argv, role_rm);
}

#define C(f, k) OUT_COL(struct org_role, f, #f, k)
static const struct out_col role_cols[] = {C(person, OUT_C_REF),
                                           C(name, OUT_C_STR),
                                           C(role, OUT_C_WORD),
                                           C(influence, OUT_C_WORD),
                                           C(lead, OUT_C_BOOL),
                                           C(primary, OUT_C_BOOL),
                                           C(title, OUT_C_STR),
                                           C(level, OUT_C_LONG_POS),
                                           C(placeholder, OUT_C_BOOL),
                                           C(left_on, OUT_C_STR),
                                           OUT_COL_END};
#undef C

OUT_ROW_FN(put_role, struct org_role)

static int
roles_at(struct kam_ctx *ctx, const char *as_of, struct out *o)
{
	return store_org_roles_at(ctx->st, ctx->subj.deal, as_of, put_role, o);
}

static int
cmd_roles(struct kam_ctx *ctx, int argc, char **argv)
{
	return list_as_of(ctx, role_cols, roles_at);
}

/* check */

struct flags {
	struct out *o;
	long n;
};

/* A red flag as check writes it: its message beside the one said. */
struct flag_line {
	const char *code, *subject, *message, *said;
};

static const struct out_col flag_cols[] = {
    OUT_COL_LABEL(struct flag_line, code, "flag", gate_label, "flag"),
    OUT_COL(struct flag_line, subject, "subject", OUT_C_STR),
    OUT_COL_SHOWN(struct flag_line, message, "message", said), OUT_COL_END};

static int
put_flag(const struct org_flag *f, void *arg)
{
	struct flags *fl = arg;
	char *m = f->why != NULL ? reason_said(f->why) : xstrdup(f->message);
	struct flag_line l = {f->code, f->subject, f->message, m};

	out_row(fl->o, &l);
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

/* The red flags of a deal's buying group today, to put_flag's fl. */
static int
group_flags(struct kam_ctx *ctx, int64_t deal, void *fl)
{
	char today[KAM_DATE_LEN];

	kam_today(today);
	return gate_check_flags(ctx->st, deal, today, put_group_flag, fl);
}

/* The ids of deals, into a kam_array of int64_t. */
static int
collect_deal(const struct org_deal *d, void *ids)
{
	*(int64_t *)kam_array_add(ids, sizeof d->id) = d->id;
	return KAM_OK;
}

/*
 * fn over each deal of an account (check's and export's), until one
 * fails; the deals are read first, and the store is read again for each.
 */
static int
each_deal(struct kam_ctx *ctx, int64_t account,
          int (*fn)(struct kam_ctx *, int64_t, void *), void *arg)
{
	struct kam_array ids = {0};
	const int64_t *id;
	size_t i;
	int rc = store_org_deals(ctx->st, account, 0, collect_deal, &ids);

	for (id = ids.v, i = 0; rc == KAM_OK && i < ids.n; i++)
		rc = fn(ctx, id[i], arg);
	free(ids.v);
	return rc;
}

/* check [ACCOUNT|DEAL]: a subject of CLI_SCOPE (cli.h). */
static int
cmd_check(struct kam_ctx *ctx, int argc, char **argv)
{
	struct flags fl = {NULL, 0};
	int64_t account, deal;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	deal = ctx->subj.deal;
	store_map_pages(ctx->st);
	fl.o = cli_out(ctx, 0, flag_cols);
	rc = org_check_flags(ctx->st, account, deal, put_flag, &fl);
	/* Then what the stances say of each buying group (kam-gate(1),
	 * RED FLAGS). */
	if (rc == KAM_OK && deal != 0)
		rc = group_flags(ctx, deal, &fl);
	else if (rc == KAM_OK)
		rc = each_deal(ctx, account, group_flags, &fl);
	out_close(fl.o);
	if (rc != KAM_OK)
		return rc;
	return fl.n ? KAM_FALSE : KAM_OK;
}

/* influence */

#define C(f, k) OUT_COL(struct org_influence_row, f, #f, k)
#define F(f)    OUT_COL_FIXED(struct org_influence_row, f, #f, INFLUENCE_DECIMALS)
/* The roles are DEAL:ROLE of the writer's account (out_account), or
 * with --deal the deal's roles, words. */
static const struct out_col influence_cols[] = {C(person, OUT_C_STR),
                                                C(name, OUT_C_STR),
                                                C(level, OUT_C_LONG_POS),
                                                C(roles, OUT_C_REF_LIST),
                                                C(stance, OUT_C_WORD),
                                                F(influence),
                                                F(brokerage),
                                                OUT_COL_END};
#undef F
#undef C

struct influence_opts {
	const char *as_of, *deal;
};
static const struct cli_opt influence_opts[] = {
    {.name = "as-of", .kind = CLI_PAST, CLI_AT(struct influence_opts, as_of)},
    {.name = "deal", .kind = CLI_STR, CLI_AT(struct influence_opts, deal)},
    {.name = NULL}};

/* The influence listing of the subject's account, for --deal if given. */
static int
influence_of(struct kam_ctx *ctx, const char *deal_ref, const char *as_of)
{
	const char *acct = ctx->subj.arg;
	char today[KAM_DATE_LEN];
	struct org_influence inf;
	struct out *o;
	char *own;
	int64_t account = ctx->subj.account, deal = 0;
	int rc;

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
	/* DEAL:ROLE is qualified by the account; the one deal's roles are
	 * words of the method, not handles. */
	if (deal == 0)
		out_account(o, own);
	out_rows(o, inf.rows, inf.n, sizeof *inf.rows);
	out_close(o);
	free(own);
	org_influence_free(&inf);
	return KAM_OK;
}

static int
cmd_influence(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct influence_opts *opt = ctx->opts;
	const char *slash;
	char *implied = NULL;
	int rc;

	(void)argv;
	/* --deal ACCOUNT/DEAL names the account when nothing else does. */
	if (opt->deal != NULL && ctx->account == NULL && optind == argc &&
	    (slash = strchr(opt->deal, '/')) != NULL)
		ctx->account = implied =
		    xstrndup(opt->deal, (size_t)(slash - opt->deal));
	if ((rc = cli_subject(ctx)) == KAM_OK)
		rc = influence_of(ctx, opt->deal, opt->as_of);
	if (implied != NULL) {
		ctx->account = NULL;
		if (ctx->subj.arg == implied)
			ctx->subj.arg = NULL;
	}
	free(implied);
	return rc;
}

/* our side: sellers, contacts and coverage */

static int
cmd_seller_add(struct kam_ctx *ctx, int argc, char **argv)
{
	return add_named(ctx, argv, N_("seller"), store_seller_add);
}

#define C(f, k) OUT_COL(struct seller, f, #f, k)
static const struct out_col seller_cols[] = {
    C(handle, OUT_C_STR), C(name, OUT_C_STR), C(contacts, OUT_C_LONG),
    C(created, OUT_C_STR), OUT_COL_END};
#undef C

OUT_ROW_FN(put_seller, struct seller)

/* The sellers, with the contacts in force today. */
static int
list_sellers(struct kam_ctx *ctx, struct out *o, void *arg)
{
	char today[KAM_DATE_LEN];

	(void)arg;
	kam_today(today);
	return store_sellers(ctx->st, today, put_seller, o);
}

struct contact_opts {
	const char *on;
	long strength;
};
static const struct cli_opt contact_opts[] = {
    {.name = "on", .kind = CLI_PAST, CLI_AT(struct contact_opts, on)},
    {.name = "strength",
     .letter = 's',
     .kind = CLI_INT,
     CLI_AT(struct contact_opts, strength),
     .min = SELLER_STRENGTH_MIN,
     .max = SELLER_STRENGTH_MAX,
     .msg = N_("invalid strength '%s' (1 acquainted, 2 works with, 3 "
               "trusted)"),
     .required = N_("--strength is required")},
    {.name = NULL}};

static int
cmd_contact(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct contact_opts *o = ctx->opts;
	const char *on = o->on;
	char today[KAM_DATE_LEN];
	int64_t seller, p;
	int rc;

	if (on == NULL) {
		kam_today(today);
		on = today;
	}
	if ((rc = begin(ctx)) != KAM_OK)
		return rc;
	if ((rc = store_seller_id(ctx->st, argv[optind], &seller)) == KAM_OK &&
	    (rc = cli_person(ctx, argv[optind + 1], &p)) == KAM_OK)
		rc = store_contact_add(ctx->st, seller, p, o->strength, on);
	return store_end(ctx->st, rc);
}

#define C(f, k)    OUT_COL(struct contact_row, f, #f, k)
#define N(f, n, k) OUT_COL(struct contact_row, f, n, k)
static const struct out_col contact_cols[] = {C(person, OUT_C_STR),
                                              N(person_name, "name", OUT_C_STR),
                                              C(seller, OUT_C_STR),
                                              C(seller_name, OUT_C_STR),
                                              C(strength, OUT_C_LONG),
                                              N(on, "since", OUT_C_STR),
                                              OUT_COL_END};
#undef N
#undef C

OUT_ROW_FN(put_contact, struct contact_row)

/* The contacts in force on as_of (arg). */
static int
list_contacts(struct kam_ctx *ctx, struct out *o, void *as_of)
{
	return store_contacts(ctx->st, ctx->subj.account, as_of, put_contact,
	                      o);
}

static int
cmd_contacts(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *as_of;
	char today[KAM_DATE_LEN];
	int rc;

	if ((rc = as_of_today_verb(ctx, today, &as_of)) != KAM_OK)
		return rc;
	return cli_list(ctx, 0, contact_cols, list_contacts, (void *)as_of);
}

/* A member nobody on our side knows, and who could reach them. */
struct uncovered {
	const char *person, *name, *roles, *roles_said, *influence, *stance,
	    *through;
};

#define C(f, k) OUT_COL(struct uncovered, f, #f, k)
static const struct out_col uncovered_cols[] = {
    C(person, OUT_C_STR),
    C(name, OUT_C_STR),
    OUT_COL_SHOWN(struct uncovered, roles, "roles", roles_said),
    C(influence, OUT_C_WORD),
    C(stance, OUT_C_WORD),
    C(through, OUT_C_STR),
    OUT_COL_END};
#undef C

/*
 * The members of a deal's buying group nobody on our side knows, as
 * kam-gate sees the group on a day, and the seller who could reach each
 * through a supporter who influences or advises them.
 */
static int
cmd_coverage(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *as_of;
	char today[KAM_DATE_LEN];
	struct gate_assessment a;
	struct out *o;
	size_t *idx, i;
	int64_t deal;
	int rc;

	if ((rc = as_of_today_verb(ctx, today, &as_of)) != KAM_OK)
		return rc;
	deal = ctx->subj.deal;
	if ((rc = gate_load(ctx->st, deal, as_of, &a)) != KAM_OK) {
		gate_assessment_free(&a);
		return rc;
	}
	idx = xcalloc(a.nmembers + 1, sizeof *idx);
	gate_group_order(&a, idx);
	o = cli_out(ctx, 0, uncovered_cols);
	for (i = 0; i < a.nmembers; i++) {
		const struct gate_member *m = &a.members[idx[i]];
		struct uncovered r;
		struct gate_step st;
		char *t, *roles;

		if (m->ncontacts > 0)
			continue;
		memset(&st, 0, sizeof st);
		st.carrier = gate_carrier(m, &st.through);
		t = out_is_table(o) ? gate_carrier_said(&st)
		                    : gate_carrier_text(&st);
		roles = gate_roles_label(m->roles);
		r = (struct uncovered){m->ref,
		                       m->name,
		                       m->roles,
		                       roles,
		                       gate_influence_word(m->influence),
		                       gate_stance_word(m->stance),
		                       t};
		out_row(o, &r);
		free(roles);
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

struct import_opts {
	struct org_import_opts o;
	struct cli_list map, role_map;
	int sync;
};

/* --role-map LABEL=ROLE: a role's word after the label. */
static int
role_map_word(const char *arg, void *dst)
{
	const char *role;

	(void)dst;
	return sf_role_map_check(arg, &role);
}

#define IO(f) CLI_AT(struct import_opts, f)
static const struct cli_opt import_opts[] = {
    {.name = "from", .kind = CLI_STR, IO(o.from)},
    {.name = "kind", .letter = 'k', .kind = CLI_STR, IO(o.kind)},
    {.name = "map",
     .kind = CLI_LIST,
     IO(map),
     .max = MAX_MAP,
     .msg = N_("too many --map")},
    {.name = "on", .kind = CLI_STR, IO(o.on)},
    {.name = "role-map",
     .kind = CLI_LIST,
     IO(role_map),
     .max = MAX_MAP,
     .msg = N_("too many --role-map"),
     .parse = role_map_word},
    {.name = "sync", .kind = CLI_SET, IO(sync), .max = 1},
    {.name = "update", .kind = CLI_SET, IO(o.update), .max = 1},
    {.name = NULL}};
#undef IO

/* The options of import, each against the others. */
static int
import_check(struct kam_ctx *ctx, struct import_opts *io)
{
	struct org_import_opts *opts = &io->o;
	int rc, sync = io->sync;

	if (opts->from != NULL && strcmp(opts->from, "salesforce") != 0)
		return cli_usage_msg(
		    ctx, _("unknown --from '%s' (use salesforce)"), opts->from);
	if ((opts->kind = kind_word(ctx, opts->kind)) != NULL &&
	    *opts->kind == '\0')
		return cli_usage(ctx);
	if (opts->from != NULL && (opts->kind != NULL || io->map.n > 0))
		return cli_usage_msg(ctx, _("--from salesforce tells the kind "
		                            "and the columns itself (no --kind "
		                            "or --map)"));
	if (opts->from == NULL && io->role_map.n > 0)
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
	opts->map = io->map.n ? io->map.v : NULL;
	opts->role_map = io->role_map.n ? io->role_map.v : NULL;
	return KAM_OK;
}

/*
 * import [ACCOUNT] FILE [--kind K] [--map FIELD=COLUMN]... [--update]
 *     [--sync] [--on DATE]: the file all or nothing, then one summary
 *     line, written before the commit.
 */
static int
cmd_import(struct kam_ctx *ctx, int argc, char **argv)
{
	struct import_opts *io = ctx->opts;
	struct import_counts cnt = {0, 0, 0, 0, 0};
	const char *file;
	int rc;

	if ((rc = import_check(ctx, io)) != KAM_OK)
		return rc;
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
	rc = org_import(ctx->st, ctx->subj.account, file, &io->o, &cnt);
	if (rc == KAM_OK)
		cli_import_summary(ctx, &cnt);
	return store_end(ctx->st, rc);
}

static int
export_person(const struct org_person *p, void *arg)
{
	char level[24];
	const char *const row[] = {p->handle,
	                           p->name,
	                           p->title,
	                           p->dept,
	                           p->level ? level : NULL,
	                           p->reports_to,
	                           p->dotted_to,
	                           p->placeholder ? "yes" : NULL,
	                           p->left_on,
	                           p->ext_id};

	snprintf(level, sizeof level, "%ld", p->level);
	csv_put_row(arg, row, sizeof row / sizeof *row);
	return KAM_OK;
}

static int
export_link(const struct org_link *l, void *arg)
{
	char s[8];
	const char *const row[] = {l->from, l->to, l->kind, s};

	snprintf(s, sizeof s, "%ld", l->strength);
	csv_put_row(arg, row, sizeof row / sizeof *row);
	return KAM_OK;
}

static int
export_role(const struct org_role *r, void *arg)
{
	const char *const row[] = {r->deal,
	                           r->person,
	                           r->role,
	                           r->influence,
	                           r->lead ? "yes" : NULL,
	                           r->primary ? "yes" : NULL};

	csv_put_row(arg, row, sizeof row / sizeof *row);
	return KAM_OK;
}

/* A deal's roles, as export_role writes them, to fp. */
static int
export_roles(struct kam_ctx *ctx, int64_t deal, void *fp)
{
	return store_org_roles_at(ctx->st, deal, NULL, export_role, fp);
}

static int
export_deal(const struct org_deal *d, void *arg)
{
	const char *const row[] = {d->handle,   d->name,      d->value,
	                           d->currency, d->close_on,  d->stage,
	                           d->owner,    d->cost,      d->ext_id,
	                           d->status,   d->closed_on, d->reason};

	csv_put_row(arg, row, sizeof row / sizeof *row);
	return KAM_OK;
}

/* Export files are the import's format: CSV, whatever -F says. */
static const struct cli_opt export_opts[] = {
    {.name = "kind", .letter = 'k', .kind = CLI_STR, ONE}, {.name = NULL}};

static int
cmd_export(struct kam_ctx *ctx, int argc, char **argv)
{
	const char *kind = ((const struct one_opt *)ctx->opts)->val;
	int64_t account;
	int rc;
	size_t i;

	if ((kind = kind_word(ctx, kind)) != NULL && *kind == '\0')
		return cli_usage(ctx);
	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	account = ctx->subj.account;
	store_map_pages(ctx->st);
	if (kind == NULL || strcmp(kind, "people") == 0) {
		fputs("handle,name,title,dept,level,reports_to,dotted_to,"
		      "placeholder,left_on,ext_id\n",
		      stdout);
		return store_org_people_by_handle(ctx->st, account,
		                                  export_person, stdout);
	}
	if (strcmp(kind, "links") == 0) {
		fputs("from,to,kind,strength\n", stdout);
		return store_org_links_at(ctx->st, account, NULL, export_link,
		                          stdout);
	}
	if (strcmp(kind, "deals") == 0) {
		for (i = 0; deal_file_cols[i] != NULL; i++)
			csv_put(stdout, deal_file_cols[i], i == 0);
		csv_endrow(stdout);
		return store_org_deals(ctx->st, account, 0, export_deal,
		                       stdout);
	}
	fputs("deal,person,role,influence,lead,primary\n", stdout);
	return each_deal(ctx, account, export_roles, stdout);
}

/* log */

/*
 * log PERSON and deal log DEAL: what changed in a record, one row a
 * field changed, from the person's or the deal's history.
 */
/*
 * A field changed.  A line's manager is a person: written as every
 * listing writes one (acct: the person's account; NULL for any other
 * field and in a deal's log).
 */
struct change {
	const char *effective, *recorded, *actor, *field, *old_value,
	    *new_value, *acct;
};

#define C(f, k) OUT_COL(struct change, f, #f, k)
#define R(f, n) OUT_COL_REF(struct change, f, n, OUT_C_REF, acct)
static const struct out_col change_cols[] = {C(effective, OUT_C_STR),
                                             C(recorded, OUT_C_STR),
                                             C(actor, OUT_C_STR),
                                             C(field, OUT_C_STR),
                                             R(old_value, "old"),
                                             R(new_value, "new"),
                                             OUT_COL_END};
#undef R
#undef C

static int
put_event(const struct org_event *e, void *o)
{
	const char *acct = out_account_of(o);
	struct change c = {e->effective,
	                   e->recorded,
	                   e->actor,
	                   e->field,
	                   e->old_value,
	                   e->new_value,
	                   strcmp(e->field, "reports_to") == 0 ||
	                           strcmp(e->field, "dotted_to") == 0
	                       ? acct
	                       : NULL};

	return out_row(o, &c);
}

static int
put_deal_event(const struct deal_event *e, void *o)
{
	struct change c = {e->effective, e->recorded,  e->actor, e->field,
	                   e->old_value, e->new_value, NULL};

	return out_row(o, &c);
}

/* The subject, a person or a deal (the verb's row), says whose log. */
static int
list_log(struct kam_ctx *ctx, struct out *o, void *arg)
{
	char *acct;
	int rc;

	(void)arg;
	if (ctx->subj.deal != 0)
		return store_deal_log(ctx->st, ctx->subj.deal, put_deal_event,
		                      o);
	acct = store_person_ref(ctx->st, ctx->subj.person);
	*strchr(acct, '/') = '\0';
	out_account(o, acct);
	rc = store_org_log(ctx->st, ctx->subj.person, put_event, o);
	out_account(o, NULL);
	free(acct);
	return rc;
}

static const struct kam_verb verbs[] = {
    {"init", "init", "create the store", cmd_init, 0, 0, CLI_NOSUBJ,
     CLI_CREATE | CLI_TEAM, CLI_NO_OPTS},
    {"account add",
     "account add HANDLE --name NAME [--category NAME] [--ext-id ID] "
     "[--industry TEXT] [--parent ACCOUNT] [--team TEAM]",
     "add a client account", cmd_account_add, 1, 1, CLI_NOSUBJ,
     CLI_WRITE | CLI_TEAM,
     CLI_OPTS(account_add_opts, struct org_account_change)},
    {"account set",
     "account set HANDLE [--category NAME] [--ext-id ID] [--industry TEXT] "
     "[--name NAME] [--parent ACCOUNT] [--team TEAM]",
     "change an account", cmd_account_set, 1, 1, CLI_ACCOUNT,
     CLI_WRITE | CLI_TEAM,
     CLI_OPTS(account_set_opts, struct org_account_change)},
    {"account list", "account list", "list accounts", cli_listing, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_LISTS(0, account_cols, list_accounts)},
    {"account show", "account show HANDLE", "show one account", cli_listing, 1,
     1, CLI_ACCOUNT, CLI_READ | CLI_TEAM,
     CLI_LISTS(OUT_OBJECT, account_cols, list_accounts)},
    {"team add", "team add TEAM",
     "add a team that sells accounts (on a team store, with its role)",
     cmd_team_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM, CLI_NO_OPTS},
    {"team rm", "team rm TEAM", "remove a team that sells no account",
     cmd_team_rm, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM, CLI_NO_OPTS},
    {"team list", "team list", "list the teams", cli_listing, 0, 0, CLI_NOSUBJ,
     CLI_READ | CLI_TEAM, CLI_LISTS(0, team_cols, list_teams)},
    {"person add",
     "person add PERSON --name NAME [--title T] [--dept D] [--level N] "
     "[--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] "
     "[--ext-id ID]",
     "add a person", cmd_person_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(person_add_opts, struct person_opts)},
    {"person set",
     "person set PERSON [--name NAME] [--title T] [--dept D] [--level N] "
     "[--reports-to PERSON | --no-reports-to] "
     "[--dotted-to PERSON... | --no-dotted] [--no-leave] "
     "[--placeholder | --no-placeholder] "
     "[--ext-id ID] "
     "[--on DATE]",
     "change a person; the change is kept in the log", cmd_person_set, 1, 1,
     CLI_PERSON, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(person_set_opts, struct person_opts)},
    {"person leave", "person leave PERSON --on DATE",
     "record that a person left", cmd_person_leave, 1, 1, CLI_PERSON,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(leave_opts, struct one_opt)},
    {"person rm", "person rm PERSON",
     "remove a person added by mistake, if nothing refers to them",
     cmd_person_rm, 1, 1, CLI_PERSON, CLI_WRITE | CLI_TEAM, CLI_NO_OPTS},
    {"person erase", "person erase PERSON --reason TEXT",
     "erase a person's name, title and notes, keeping a tombstone",
     cmd_person_erase, 1, 1, CLI_PERSON, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(erase_opts, struct one_opt)},
    {"person list", "person list [ACCOUNT]", "list an account's people",
     cmd_person_list, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_NO_OPTS},
    {"person show", "person show PERSON", "show one person", cli_listing, 1, 1,
     CLI_PERSON, CLI_READ | CLI_TEAM,
     CLI_LISTS(OUT_OBJECT, person_show_cols, list_people)},
    {"tree", "tree [ACCOUNT]", "the indented reporting tree", cmd_tree, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM, CLI_NO_OPTS},
    {"link",
     "link FROM TO --kind influences|advises|allies|rivals "
     "[--on DATE] [--strength 1-3]",
     "add or update an informal influence link, from a day", cmd_link, 2, 2,
     CLI_PERSON, CLI_WRITE | CLI_TEAM, CLI_OPTS(link_opts, struct link_opts)},
    {"unlink", "unlink FROM TO --kind KIND [--on DATE]", "end a link on a day",
     cmd_unlink, 2, 2, CLI_PERSON, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(unlink_opts, struct link_opts)},
    {"links", "links [ACCOUNT] [--as-of DATE]",
     "an account's links, as they stood on a day", cmd_links, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_OPTS(as_of_opts, struct one_opt)},
    {"competitor add", "competitor add HANDLE --name NAME", "add a competitor",
     cmd_competitor_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(named_opts, struct one_opt)},
    {"competitor list", "competitor list", "list competitors", cli_listing, 0,
     0, CLI_NOSUBJ, CLI_READ | CLI_TEAM,
     CLI_LISTS(0, competitor_cols, list_competitors)},
    {"deal add",
     "deal add DEAL --name NAME [--close DATE] [--cost N] [--currency C] "
     "[--ext-id ID] [--owner TEXT] [--stage TEXT] [--value N]",
     "add a deal", cmd_deal_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(deal_add_opts, struct deal_opts)},
    {"deal set",
     "deal set DEAL [--close DATE] [--cost N] [--currency C] [--ext-id ID] "
     "[--name NAME] [--on DATE] [--owner TEXT] [--stage TEXT] [--value N]",
     "change a deal; the change is kept in its log", cmd_deal_set, 1, 1,
     CLI_DEAL, CLI_WRITE | CLI_TEAM, CLI_OPTS(deal_set_opts, struct deal_opts)},
    {"deal close",
     "deal close DEAL --won|--lost|--abandoned --on DATE [--reason TEXT]",
     "record how a deal ended", cmd_deal_close, 1, 1, CLI_DEAL,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(close_opts, struct close_opts)},
    {"deal reopen", "deal reopen DEAL [--on DATE]", "open a closed deal again",
     cmd_deal_reopen, 1, 1, CLI_DEAL, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(reopen_opts, struct one_opt)},
    {"deal list", "deal list [ACCOUNT]", "list deals", cli_listing, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL | CLI_ALL, CLI_READ | CLI_TEAM,
     CLI_LISTS(0, deal_cols, list_deals)},
    {"deal show", "deal show DEAL", "show one deal", cli_listing, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM,
     CLI_LISTS(OUT_OBJECT, deal_cols, list_deals)},
    {"deal log", "deal log DEAL", "what changed in a deal's record",
     cli_listing, 1, 1, CLI_DEAL, CLI_READ | CLI_TEAM,
     CLI_LISTS(0, change_cols, list_log)},
    {"role rm", "role rm DEAL PERSON ROLE [--on DATE]",
     "end a buying role on a day", cmd_role_rm, 3, 3, CLI_DEAL,
     CLI_WRITE | CLI_TEAM, CLI_OPTS(role_rm_opts, struct one_opt)},
    {"role",
     "role DEAL PERSON ROLE [--influence high|medium|low] [--lead] "
     "[--on DATE] [--primary]",
     "give a person a buying role in a deal, from a day", cmd_role, 3, 3,
     CLI_DEAL, CLI_WRITE | CLI_TEAM, CLI_OPTS(role_opts, struct role_opts)},
    {"roles", "roles DEAL [--as-of DATE]",
     "the buying group of a deal, as it stood on a day", cmd_roles, 1, 1,
     CLI_DEAL, CLI_READ | CLI_TEAM, CLI_OPTS(as_of_opts, struct one_opt)},
    {"check", "check [ACCOUNT|DEAL]", "red flags; exit 1 if any", cmd_check, 0,
     1, CLI_SCOPE | CLI_OPTIONAL, CLI_READ | CLI_TEAM, CLI_NO_OPTS},
    {"influence", "influence [ACCOUNT] [--deal DEAL] [--as-of DATE]",
     "people from most to least influential in the informal network",
     cmd_influence, 0, 1, CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_OPTS(influence_opts, struct influence_opts)},
    {"seller add", "seller add HANDLE --name NAME", "add a seller of our team",
     cmd_seller_add, 1, 1, CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(named_opts, struct one_opt)},
    {"seller list", "seller list", "list our sellers", cli_listing, 0, 0,
     CLI_NOSUBJ, CLI_READ | CLI_TEAM, CLI_LISTS(0, seller_cols, list_sellers)},
    {"contact", "contact SELLER PERSON --strength 1-3 [--on DATE]",
     "record that a seller of ours knows a person", cmd_contact, 2, 2,
     CLI_NOSUBJ, CLI_WRITE | CLI_TEAM,
     CLI_OPTS(contact_opts, struct contact_opts)},
    {"contacts", "contacts [ACCOUNT] [--as-of DATE]",
     "who on our side knows whom in an account", cmd_contacts, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_OPTS(as_of_past_opts, struct one_opt)},
    {"coverage", "coverage DEAL [--as-of DATE]",
     "the members of a buying group nobody on our side knows", cmd_coverage, 1,
     1, CLI_DEAL, CLI_READ | CLI_TEAM,
     CLI_OPTS(as_of_past_opts, struct one_opt)},
    {"import",
     "import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] "
     "[--map FIELD=COLUMN]... [--from salesforce "
     "[--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]",
     "import people, links, roles or deals from CSV, all or nothing",
     cmd_import, 1, 2, CLI_ACCOUNT | CLI_OPTIONAL, CLI_WRITE | CLI_TEAM,
     CLI_OPTS_FMT(import_opts, struct import_opts,
                  CLI_FMT(OUT_TABLE) | CLI_FMT(OUT_TSV) | CLI_FMT(OUT_JSON),
                  OUT_TSV)},
    {"export", "export [ACCOUNT] [--kind people|links|roles|deals]",
     "export as CSV, in the import's format", cmd_export, 0, 1,
     CLI_ACCOUNT | CLI_OPTIONAL, CLI_READ | CLI_TEAM,
     CLI_OPTS_FMT(export_opts, struct one_opt, CLI_FMT(OUT_CSV), OUT_CSV)},
    {"log", "log PERSON", "what changed in a person's record", cli_listing, 1,
     1, CLI_PERSON, CLI_READ | CLI_TEAM, CLI_LISTS(0, change_cols, list_log)},
    {NULL, NULL, NULL, NULL, 0, 0, 0, 0, CLI_NO_OPTS},
};

static const struct kam_cmd cmd = {
    "kam-org",
    N_("Record the client's organisation: rank, reporting lines, "
       "influence, deals and buying roles."),
    verbs, NULL};

int
main(int argc, char **argv)
{
	return cli_main(&cmd, argc, argv);
}
