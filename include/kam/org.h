/*
 * The client's organisation: the first two dimensions of the method
 * (METHOD.md, section 1): administrative rank with reporting lines, and
 * buying roles forming each deal's buying group.  Also accounts, deals,
 * competitors and informal influence links.  The queries, prefixed
 * store_org_, are in store-org.c and store-influence.c; the rules in
 * org.c (cycles, red flags, placeholders); the use cases between them
 * in org-person.c (person add, set), org-check.c (the records' red
 * flags), org-influence.c and import-org.c.  May be
 * included by the mains (kam-org; kam-gate for its report's red flags),
 * by the organisation's use cases, rules and store files.
 */
#ifndef KAM_ORG_H
#define KAM_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "kam/input.h"

struct store;

/* Accounts. */
struct org_account {
	int64_t id;
	const char *handle, *name, *industry, *created;
	long people, deals;
	const char *category; /* selects a rubric profile (kam-gate) */
	const char *parent;   /* the account it is a subsidiary of */
	const char *ext_id;   /* its id in a CRM */
	const char *team;     /* the team that sells it, or NULL */
};
int store_org_account_add(struct store *, const char *handle, const char *name,
                          const char *industry);
/* Changes an account: NULL leaves a field alone, "" clears industry,
 * category, external id, parent or team.  A parent that is the account
 * or below it is refused, and a team that does not exist. */
struct org_account_change {
	const char *name, *industry, *category, *ext_id, *parent, *team;
};
/*
 * Account groups: a parent and its subsidiaries, to any depth.  Within
 * one group (the accounts under one top account) reporting lines, links
 * and buying roles may cross accounts.
 */
int64_t store_org_account_parent(struct store *, int64_t account); /* 0 */
int64_t store_org_group_root(struct store *, int64_t account);
/* The account and every account below it, it first, then by handle. */
int store_org_group(struct store *, int64_t account, int64_t **, size_t *);
/* A person of the group under root named by ACCOUNT/HANDLE or by an
 * external id, without reporting; 0 if none. */
int64_t store_org_group_person(struct store *, int64_t root, const char *ref);
int store_org_account_set(struct store *, const char *handle,
                          const struct org_account_change *);
/* handle NULL: every account, by handle. */
int store_org_accounts(struct store *, const char *handle,
                       int (*fn)(const struct org_account *, void *), void *);

/*
 * Teams (store-team.c): who sells an account.  On a team store each is
 * backed by the database role TEAM_ROLE_PREFIX and its handle, whose
 * members see and change the team's accounts (kam(7), TEAMS); a role
 * name is at most 63 bytes, so a team's handle at most TEAM_HANDLE_BYTES.
 */
#define TEAM_ROLE_PREFIX  "kam_team_"
#define TEAM_HANDLE_BYTES 54
struct org_team {
	const char *handle, *role, *created;
	long accounts; /* those the user may see */
};
/* Adds a team; on a team store makes its role, NOLOGIN, unless there is
 * one, or says what the database's administrator must run. */
int store_org_team_add(struct store *, const char *handle);
/* Removes a team that sells no account (its role stays). */
int store_org_team_rm(struct store *, const char *handle);
int store_org_team_id(struct store *, const char *handle, int64_t *id);
/* Every team, by handle. */
int store_org_teams(struct store *, int (*fn)(const struct org_team *, void *),
                    void *);

/* People.  Text fields may be NULL; level 0 means not given. */
struct org_person {
	int64_t id, account_id;
	const char *account, *handle, *name, *title, *dept;
	long level;
	const char *reports_to; /* handle (ACCOUNT/HANDLE in another account
	                           of the group), or NULL */
	const char *dotted_to;  /* handles joined by ';', or NULL */
	int placeholder;
	const char *left_on;
	const char *ext_id; /* the person's id in a CRM, or NULL */
	int64_t manager_id; /* the solid-line manager, 0: none */
};

/*
 * A person kept past a store's callback (a row's texts live only for the
 * call): org_person_copy fills TO with P, its texts copies of its own;
 * org_person_copy_free frees them.  Domain: no store.
 */
void org_person_copy(struct org_person *to, const struct org_person *p);
void org_person_copy_free(struct org_person *p);

/*
 * A change to a person, as given on the command line: NULL or -1 leaves a
 * field alone.  reports_to "" clears the solid line; dotted replaces every
 * dotted line when set_dotted.
 */
struct org_change {
	const char *name, *title, *dept;
	long level; /* -1: unchanged, 0: clear */
	const char *reports_to;
	const char **dotted;
	size_t ndotted;
	int set_dotted;
	int placeholder;    /* -1: unchanged */
	const char *on;     /* effective date */
	const char *ext_id; /* NULL: unchanged; "": cleared */
};

/*
 * person add and person set (use cases, org-person.c): every new
 * reporting line is checked (org_line_check) before anything changes.
 * person add resolves the new person's reference (ACCOUNT/HANDLE, or
 * HANDLE of dflt_account); person set takes the person the frame
 * resolved.  Managers are named as the user wrote them, bare handles in
 * the person's account.
 */
int org_person_add(struct store *, const char *ref, const char *dflt_account,
                   const struct org_change *);
int org_person_set(struct store *, int64_t person, const struct org_change *);
/*
 * The store's part of them: a new person of the account under handle
 * (valid, in NFC), without lines, its id returned; whether a person is
 * a placeholder, and their account; refusing an external id another
 * person of the account holds (person 0: none); whether a line of a
 * kind ("solid", "dotted") is current; beginning one on on (NULL: since
 * the person was recorded) unless it is current.
 *
 * Every store function that acts on a person takes its id: a user's
 * reference is resolved once, by the frame (cli_subject, cli_person) or
 * a use case, through store_person_id (store.h).
 */
int store_org_person_new(struct store *, int64_t account, const char *handle,
                         const struct org_change *, int64_t *person);
int store_org_person_state(struct store *, int64_t person, int *placeholder,
                           int64_t *account);
int store_org_ext_id_free(struct store *, int64_t account, int64_t person,
                          const char *ext_id);
int store_org_line_open(struct store *, int64_t person, int64_t manager,
                        const char *kind);
int store_org_line_start(struct store *, int64_t person, int64_t manager,
                         const char *kind, const char *on);
int store_org_person_leave(struct store *, int64_t person, const char *on);
/*
 * A change to one person by id, its lines already checked (person set
 * checks them; an import checks its whole file first): NULL or -1
 * leaves a field alone, "" clears a title, department or external id;
 * set_solid replaces the solid line with one to solid (0: none),
 * set_dotted every dotted line with those to dotted.  left_on records a
 * departure unless one is recorded.  Every change goes into the
 * person's history, effective on on (NULL: today).
 */
struct org_delta {
	const char *name, *title, *dept, *ext_id, *left_on;
	long level;
	int placeholder;
	int set_solid, set_dotted;
	int64_t solid;
	const int64_t *dotted;
	size_t ndotted;
};
int store_org_person_apply(struct store *, int64_t person,
                           const struct org_delta *, const char *on);
/* Undoes a departure on the day on (kept in the person's log). */
int store_org_person_return(struct store *, int64_t person, const char *on);
/*
 * Removes a person added by mistake, with their own reporting lines and
 * log, when nothing else refers to them (KAM_CONFLICT, saying what does).
 */
int store_org_person_rm(struct store *, int64_t person);
/*
 * Erases a person (kam(7), ERASURE): the row becomes a tombstone under a
 * neutral handle (erased-ID), and the name, title, external id and
 * observation texts go from the row, the log, the observation texts and
 * the stored gate runs; the erasure is logged with reason.  KAM_CONFLICT
 * for a person erased already, or one with texts the chain covers
 * (encoding 1).  *tombstone gets the new ACCOUNT/HANDLE.  Run inside a
 * write transaction; store_compact afterwards removes what the files
 * still hold.
 */
int store_org_person_erase(struct store *, int64_t person, const char *reason,
                           char **tombstone);
/* Every person of an account in creation order, or one (person != 0). */
int store_org_people(struct store *, int64_t account, int64_t person,
                     int (*fn)(const struct org_person *, void *), void *);
/*
 * Every person of an account in handle order: an order that does not
 * depend on when people were added, so that an export imported into
 * another store exports the same.
 */
int store_org_people_by_handle(struct store *, int64_t account,
                               int (*fn)(const struct org_person *, void *),
                               void *);

/* One step of a person's record history. */
struct org_event {
	const char *effective, *recorded, *actor, *field, *old_value,
	    *new_value;
};
int store_org_log(struct store *, int64_t person,
                  int (*fn)(const struct org_event *, void *), void *);

/* Informal influence links. */
struct org_link {
	const char *from, *to, *from_name, *to_name, *kind;
	long strength;
};
/*
 * A link holds for a period (kam(7)): store_org_link_on begins it on the
 * day on (NULL: today), or ends the period of another strength and
 * begins one with this; store_org_unlink_on ends it on that day.  Both
 * refuse two people of different account groups, or one person twice.
 */
int store_org_link_on(struct store *, int64_t from, int64_t to,
                      const char *kind, long strength, const char *on);
int store_org_unlink_on(struct store *, int64_t from, int64_t to,
                        const char *kind, const char *on);
/* An account's links in force on as_of (NULL: today). */
int store_org_links_at(struct store *, int64_t account, const char *as_of,
                       int (*fn)(const struct org_link *, void *), void *);

/* Competitors. */
int store_org_competitor_add(struct store *, const char *handle,
                             const char *name);
struct org_competitor {
	const char *handle, *name;
};
int store_org_competitors(struct store *,
                          int (*fn)(const struct org_competitor *, void *),
                          void *);

/* Deals (changed through deal.h). */
struct org_deal {
	int64_t id;
	const char *account, *handle, *name, *currency, *close_on, *created;
	const char *value; /* an exact amount (money.h), or NULL */
	long roles;
	const char *cost;  /* the cost of pursuing it, an exact amount */
	const char *stage; /* the seller's word for where it stands */
	const char *owner, *ext_id;
	const char *status;             /* open, won, lost or abandoned */
	const char *closed_on, *reason; /* NULL while open */
};
/* Every deal of an account (or of all accounts, 0), or one (deal != 0). */
int store_org_deals(struct store *, int64_t account, int64_t deal,
                    int (*fn)(const struct org_deal *, void *), void *);

/* The buying group. */
struct org_role {
	const char *deal, *person, *name, *title, *role, *influence;
	long level;
	int lead, placeholder;
	const char *left_on;
	int primary; /* the deal's primary contact role (a CRM's) */
	int64_t person_id;
};
/*
 * A role is held for a period (kam(7)): store_org_role_put begins it
 * on the day on (NULL: today), or, when its influence or lead changes,
 * ends the period and begins another; taking the lead ends another
 * holder's the same way.  It also sets the primary flag (1), clears it
 * (0) or leaves it as it is (-1); taking it ends another holder's as
 * taking the lead does.  store_org_role_rm_on ends it on that day.  Both
 * refuse a person outside the deal's account group.
 */
int store_org_role_put(struct store *, int64_t deal, int64_t person,
                       const char *role, const char *influence, int lead,
                       int primary, const char *on);
int store_org_role_rm_on(struct store *, int64_t deal, int64_t person,
                         const char *role, const char *on);
/* A deal's buying group as it stood on as_of (NULL: today). */
int store_org_roles_at(struct store *, int64_t deal, const char *as_of,
                       int (*fn)(const struct org_role *, void *), void *);

/*
 * Red flags (kam-org check): a deal without a decision-maker, technical,
 * business or finance role holder, or without a coach; roles held by
 * placeholders or by people who have left; people reporting to someone of
 * a lower rank; then hidden influencers (org-influence.c).  deal 0: the
 * account's people and all its deals.  code is a stable word
 * (no-decision-maker, no-coach, placeholder-role, departed-role,
 * rank-inversion, hidden-influencer, ...), subject the person or deal.
 */
struct reason;
struct org_flag {
	const char *code, *subject, *message;
	const struct reason *why; /* the message as the rule gave it */
};
int org_check_flags(struct store *, int64_t account, int64_t deal,
                    int (*fn)(const struct org_flag *, void *), void *);
/* The flags of the store's records alone: all but hidden-influencer
 * (org-check.c, over the rules of org.c). */
int org_record_flags(struct store *, int64_t account, int64_t deal,
                     int (*fn)(const struct org_flag *, void *), void *);
/*
 * Hands fn the flag code about subject, its message the English of why;
 * frees why.  fn's result.
 */
int org_flag_say(const char *code, const char *subject, struct reason *why,
                 int (*fn)(const struct org_flag *, void *), void *arg);
/* The hidden-influencer flags, deal by deal, in handle order. */
int org_hidden_flags(struct store *, int64_t account, int64_t deal,
                     int (*fn)(const struct org_flag *, void *), void *);
/* The same, handing only the message text. */
int org_check(struct store *, int64_t account, int64_t deal,
              void (*fn)(const char *flag, void *), void *);

/*
 * Influence in the informal network (org-influence.c, over influence.h):
 * every person of the account who had not left by as_of, from most to
 * least influential.  The scores come from the whole account's links;
 * deal (0: none) chooses what roles and stance say: the person's roles
 * in that deal and their stance about it (else the general one), or,
 * without a deal, their roles in every deal of the account, as
 * DEAL:ROLE, and their general stance.
 */
struct org_influence_row {
	int64_t id;
	char *person, *name;         /* person: ACCOUNT/HANDLE */
	long level;                  /* on as_of; 0: unknown */
	char *roles;                 /* joined by ';'; NULL: none */
	const char *stance;          /* on as_of; NULL: unknown */
	double influence, brokerage; /* rounded (influence_round) */
};
struct org_influence {
	struct org_influence_row *rows;
	size_t n;
};
int org_influence(struct store *, int64_t account, int64_t deal,
                  const char *as_of, struct org_influence *);
/*
 * The same, with brokerage 0: betweenness is not computed (brokerage is
 * 0 in every row) and ties of influence go by level, the most senior
 * first and an unknown level last, then handle (influence_order_level).
 */
int org_influence_by(struct store *, int64_t account, int64_t deal,
                     const char *as_of, int brokerage, struct org_influence *);
void org_influence_free(struct org_influence *);

/*
 * The informal network as the store has it (store-influence.c): the
 * people who had not left by as_of, sorted by id, with their handle and
 * level as they stood on as_of; the buying roles they held on as_of
 * (in deal, else in every deal of the account); with ORG_NET_LINKS, the
 * links between them in force on as_of, in no particular order; with
 * ORG_NET_FULL, each person's name as it stood on as_of (else NULL) and
 * stance toward us on as_of about deal (then general).
 * store_org_net_links adds the links to a network loaded without.
 */
#define ORG_NET_LINKS 0x1
#define ORG_NET_FULL  0x2
struct influence_link;
struct org_net_person {
	int64_t id;
	char *handle, *name;
	long level;
	const char *stance;
};
struct org_net_role {
	size_t person; /* index into people */
	int64_t deal;
	char *deal_handle;
	const char *role;
};
struct org_net {
	char *account;
	struct org_net_person *people;
	size_t npeople;
	struct influence_link *links; /* from and to index people */
	size_t nlinks;
	struct org_net_role *roles; /* by deal handle, then role order */
	size_t nroles;
};
int store_org_net_load(struct store *, int64_t account, int64_t deal,
                       const char *as_of, unsigned what, struct org_net *);
int store_org_net_links(struct store *, int64_t account, const char *as_of,
                        struct org_net *);
void store_org_net_free(struct org_net *);
/* Whether the account has any link at all. */
int store_org_net_has_links(struct store *, int64_t account);

/*
 * Reporting lines as a graph for the cycle rule (org.c): each node's
 * managers are indices of other nodes (< 0, or n and above: someone
 * outside the graph, who cannot close a cycle).  org_find_cycle, the one
 * cycle rule, finds the first node on a cycle (depth first from each
 * node in order, solid line first) and returns the length of the
 * shortest cycle through it (breadth first, ways up in the same order),
 * its nodes in path (room for n) from that node, the last reporting to
 * the first; 0 when the lines form none.
 */
struct org_node {
	int64_t solid;
	const int64_t *dotted;
	size_t ndotted;
};
size_t org_find_cycle(const struct org_node *, size_t n, size_t *path);

/*
 * Whether a new reporting line person -> manager may be drawn (the rule
 * of person add and set, org-person.c).  person_group and manager_group
 * are the top accounts of their account groups; up the current lines
 * (solid or dotted) of the people above the manager, each line once,
 * the solid line of a person before their dotted ones.  On
 * ORG_LINE_CYCLE, *cycle (freed by the caller) holds the *ncycle people
 * of the cycle the line would close: the person, the manager, ..., the
 * one who reports to the person.
 */
enum org_line_fault {
	ORG_LINE_OK,
	ORG_LINE_SELF,  /* the person and the manager are one */
	ORG_LINE_CROSS, /* across account groups */
	ORG_LINE_CYCLE
};
struct org_up {
	int64_t person, manager;
};
struct org_line_view {
	int64_t person, manager, person_group, manager_group;
	const struct org_up *up;
	size_t nup;
};
enum org_line_fault org_line_check(const struct org_line_view *,
                                   int64_t **cycle, size_t *ncycle);

/*
 * The red flags of one deal's buying group (org.c), over its current
 * role holders in role order, then handle: a core role (decision-maker,
 * technical, business, finance, coach) that nobody who has not left
 * holds, then each role held by a placeholder or by someone who left.
 * deal is ACCOUNT/DEAL; who is ACCOUNT/HANDLE.
 */
struct org_holder {
	const char *who, *role;
	const char *left_on; /* NULL: has not left */
	int placeholder;
};
int org_deal_flags(const char *deal, const struct org_holder *, size_t,
                   int (*fn)(const struct org_flag *, void *), void *);
/*
 * Rank inversions (org.c): a line up to someone of a lower rank, a
 * larger level, both levels known (0: not given); equal levels are no
 * inversion.  people (sorted here by id when they are not) are the
 * account's, with their solid manager (0: none), who counts only when
 * among them; dotted the account's current dotted lines with both
 * levels.  *out (freed by the caller) holds the inversions, the solid
 * ones first in id order, then the dotted ones in the order given.
 * org_inversion_flag hands one to fn, who and boss being the names to
 * show.
 */
struct org_rank {
	int64_t id, manager;
	long level;
};
struct org_rank_line {
	int64_t person, manager;
	long level, manager_level;
};
struct org_inversion {
	int64_t who, boss;
	long level, boss_level;
	int dotted;
};
size_t org_rank_inversions(struct org_rank *people, size_t n,
                           const struct org_rank_line *dotted, size_t ndotted,
                           struct org_inversion **out);
int org_inversion_flag(const struct org_inversion *, const char *who,
                       const char *boss,
                       int (*fn)(const struct org_flag *, void *), void *);
/*
 * The placeholder mark person set gives a person who has it
 * (placeholder 1) or not: what the change says, else naming a
 * placeholder fills it in (0), else unchanged (-1).
 */
int org_placeholder_after(int placeholder, const struct org_change *);

/*
 * CSV import (import-org.c).  kind is "people", "links", "roles" or
 * "deals" (deal.h, import-deal.c), or NULL to tell from the header; map
 * a NULL-terminated list of
 * FIELD=COLUMN or NULL (import.h).  update: rows matching people of the
 * account (by external id, else handle) change them, each change in the
 * person's history effective on on (NULL: today); without it such a row
 * is refused.  sync_on (with update): the account's people the file does
 * not name, placeholders aside, left on that day.  Inside the caller's
 * transaction: the whole file goes in or, on a failure, the caller rolls
 * it all back.  What each row did is added to counts.
 */
struct import_counts;
struct org_import_opts {
	const char *kind;
	const char *from; /* "salesforce": a CRM's export, see kam-org(1) */
	const char *const *map;
	int update;
	const char *on, *sync_on;
	/* "LABEL=ROLE", NULL-terminated: a Salesforce Role label read as
	 * ROLE (none: the row is skipped), before the role table. */
	const char *const *role_map;
};
int org_import(struct store *, int64_t account, const char *path,
               const struct org_import_opts *, struct import_counts *);
/*
 * A Salesforce Opportunity or OpportunityContactRole export whose header
 * is read (import-sf.c), told by its columns: KAM_NOTFOUND, unreported,
 * for a file that is neither.
 */
struct import_in;
int sf_import(struct store *, int64_t account, struct import_in *,
              const struct org_import_opts *, struct import_counts *);
/*
 * The accounts a Salesforce row may go to, by its AccountId
 * (import-sf.c): the account and its subsidiaries, each its external id
 * (NULL: none), the account first.  sf_group_check reports an account
 * without one, whose rows could match nothing.
 */
struct sf_group {
	int64_t *ids;
	size_t n;
	char **ext;
	struct hindex by_ext; /* AccountId: index in ids */
	char *acct;           /* the account's handle */
	int64_t root;         /* its group's */
};
void sf_group_load(struct sf_group *, struct store *, int64_t account);
int sf_group_check(const struct sf_group *);
void sf_group_free(struct sf_group *);
/* A --role-map LABEL=ROLE: its kam role (NULL for LABEL=), or a usage
 * error reported. */
int sf_role_map_check(const char *map, const char **role);
/* The columns of each kind of file, NULL-terminated, required first. */
extern const char *const org_people_cols[]; /* handle, name required */
extern const char *const org_link_cols[];   /* from, to, kind required */
extern const char *const org_role_cols[];   /* deal, person, role required */
/*
 * The checks of one row that need no store, as the import makes them
 * (the fuzzers call them alone).  Each reports "PATH:LINE: ..." and
 * returns a kam status.  A people row is f, one field a column of
 * org_people_cols ("" when absent): a valid handle, a name, a level of
 * 1 to 99 or none, a yes/no placeholder, a date or nothing for left_on.
 * A link needs a known kind and a strength of 1 to 3 or none (2); a role
 * a known role, an influence or none, and a yes/no lead or none (no).
 */
int org_check_person_row(const char *path, long line, const char *const *f,
                         long *level, int *placeholder);
int org_check_link_row(const char *path, long line, const char *kind,
                       const char *strength, const char **kind_word,
                       long *strength_value);
int org_check_role_row(const char *path, long line, const char *role,
                       const char *influence, const char *lead,
                       const char **role_word, const char **influence_word,
                       int *lead_value);

/* Building blocks of person add and the import, in store-org.c. */
/* A new person, with the id its caller chose inside the write transaction
 * (from store_org_max_person_id() + 1).  store_org_insert_people writes
 * ORG_BATCH people a statement. */
#define ORG_BATCH 32
struct org_new_person {
	int64_t id, manager; /* manager 0: none */
	const char *handle, *name, *title, *dept, *left_on; /* NULL: none */
	const char *ext_id;                                 /* NULL: none */
	long level;                                         /* 0: none */
	int placeholder;
};
int store_org_insert_people(struct store *, int64_t account,
                            const struct org_new_person *, size_t,
                            const char *origin);
int store_org_insert_line(struct store *, int64_t person, int64_t manager,
                          const char *kind);
/* The largest person id in the store (0: none). */
int64_t store_org_max_person_id(struct store *);
/* Ids of an account's people by handle, sorted by handle. */
struct org_handle {
	char *handle;
	int64_t id;
};
int store_org_handles(struct store *, int64_t account, struct org_handle **,
                      size_t *);
/*
 * The rows the rules of org.c decide over: the current lines above a
 * person (org_line_check), walked breadth first; a person's account; a
 * deal's current role holders, in role order then handle
 * (org_deal_flags); an account's people with their level and solid
 * manager, in id order, and its current dotted lines with both levels
 * (org_rank_inversions); the names a rank inversion is shown with
 * (ACCOUNT/HANDLE, both in the account of who).
 */
struct org_up;
struct org_holder;
struct org_rank;
struct org_rank_line;
int store_org_lines_up(struct store *, int64_t person,
                       int (*fn)(const struct org_up *, void *), void *);
int64_t store_org_person_account(struct store *, int64_t person);
int store_org_holders(struct store *, int64_t deal,
                      int (*fn)(const struct org_holder *, void *), void *);
int store_org_ranks(struct store *, int64_t account,
                    int (*fn)(const struct org_rank *, void *), void *);
int store_org_dotted_ranks(struct store *, int64_t account,
                           int (*fn)(const struct org_rank_line *, void *),
                           void *);
int store_org_line_names(struct store *, int64_t who, int64_t boss,
                         char **who_name, char **boss_name);
/* A line person -> manager may be drawn (org_line_check), or the error
 * that says why not (KAM_CONFLICT), reported (org-person.c). */
int org_check_line(struct store *, int64_t person, int64_t manager);
/* An account's external id, in a new string, or NULL. */
char *store_org_account_ext(struct store *, int64_t account);
/* An account's handle, in a new string. */
char *store_org_account_handle(struct store *, int64_t account);
/* A link's strength, 0 if there is no such link. */
long store_org_link_strength(struct store *, int64_t from, int64_t to,
                             const char *kind);
/* Whether a person holds a role in a deal, its influence, lead and
 * primary flag (primary may be NULL). */
int store_org_role_get(struct store *, int64_t deal, int64_t person,
                       const char *role, char *influence, size_t size,
                       int *lead, int *primary);
/* A deal's id by account and handle, without reporting; 0 if none. */
int64_t store_org_deal_lookup(struct store *, int64_t account,
                              const char *handle);

#endif
