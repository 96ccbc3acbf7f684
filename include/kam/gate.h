/*
 * The four gates of the method (METHOD.md, section 2), judged as a
 * seasoned key-account manager judges them (section 3): is it real, can
 * we compete, can we win, is it worth winning; how much to invest; and a
 * plan per person of the buying group.  The first part of this header is
 * the rules, pure functions over structs (gate.c): criteria with their
 * answers, the buying group with its stances and the deal's numbers in;
 * gate statuses, scores, reasons, a verdict, an investment, red flags
 * and a plan out.  The second part is the writers (gate-out.c), the
 * third the store's queries (store_gate_*, store-gate.c) and the use
 * cases that load, judge and keep runs.  May be included by the mains
 * (kam-gate; kam-org for the red flags and coverage of a buying group;
 * kam-stance and kam-map for the settings that say when a stance is
 * stale), by gate.c, gate-out.c, store-gate.c, by the use cases that
 * assess or read settings (assess.c, stale.c, portfolio.c), by the
 * portfolio's writers (portfolio-out.c) and by store-seller.c (the
 * buying group a seller covers); the rules and the writers use only
 * their parts.
 */
#ifndef KAM_GATE_H
#define KAM_GATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kam/money.h"

struct reason;
struct reason_node;

#define GATE_COUNT 4

/* An answer to a criterion; "yes" is always good for us. */
enum gate_ans { GATE_UNKNOWN, GATE_YES, GATE_PARTLY, GATE_NO };
/* Where a criterion's answer came from. */
enum gate_src {
	GATE_SRC_NONE,
	GATE_SRC_ANSWERED,
	GATE_SRC_COMPUTED,
	GATE_SRC_ASSUMED /* kam-gate run --assume-answer */
};
enum gate_status {
	GATE_PASS,
	GATE_WEAK,
	GATE_OPEN,
	GATE_FAIL,
	GATE_NOT_REACHED
};
enum gate_verdict {
	VERDICT_PURSUE,
	VERDICT_LIMITED,
	VERDICT_QUALIFY,
	VERDICT_DROP
};
/* How much to invest (METHOD.md, section 3). */
enum gate_level { LEVEL_FULL, LEVEL_LIMITED, LEVEL_MINIMAL, LEVEL_NONE };

/* Words for the enums, and back (-1 when unknown). */
const char *gate_ans_word(enum gate_ans);
int gate_ans_parse(const char *);
const char *gate_src_word(enum gate_src);
const char *gate_status_word(enum gate_status);
const char *gate_verdict_word(enum gate_verdict);
const char *gate_level_word(enum gate_level);
/* The gate's question in words ("can we win?") for 1-4. */
const char *gate_question(int gate);
/* real, compete, win, worth for 1-4. */
const char *gate_name(int gate);
/* A gate given as 1-4 or as its name; 0 when neither. */
int gate_parse(const char *);
/* high, medium, low for 0-2. */
const char *gate_influence_word(int);
/* support, neutral, oppose, unknown for 1, 0, -1, GATE_STANCE_UNKNOWN. */
const char *gate_stance_word(int);

/*
 * The tunables, with documented defaults (kam-gate(1), SETTINGS); the
 * store keeps only values changed with kam-gate setting.
 */
struct gate_params {
	double fail[GATE_COUNT]; /* a score below fails the gate; gate 3's
	                            is long odds (weak) instead */
	double strong;           /* gate 3 below it passes weak */
	double weak_max;         /* the likelihood of a gate 3 held weak */
	double unknown_max;      /* more unknown weight leaves a gate open */
	double influence[3];     /* weights of high, medium, low */
	double lead_factor;      /* the lead's weight, times its influence */
	double our_yes, our_partly;
	double rival_yes, rival_partly;
	double price_yes, price_partly; /* a gap at or below is yes, partly */
	double price_cap;               /* a larger gap holds gate 3 weak */
	double stale_days;              /* an older stance is stale */
};
void gate_params_default(struct gate_params *);
/* The setting keys, NULL-terminated, with one line of meaning each. */
extern const char *const gate_setting_keys[];
extern const char *const gate_setting_help[];
/* The slot of a key, or NULL if unknown. */
double *gate_param(struct gate_params *, const char *key);
/* Checks a value for a key: NULL if fine, else what is allowed. */
const char *gate_param_check(const char *key, double value);
/*
 * The settings that bound one another, in order: the first pair of key's
 * that p breaks, its lower key in *lo and upper in *hi (lo must not be
 * above hi), 1; else 0.  win.fail at most win.strong, price.yes-max at
 * most price.partly-max, our-relationship.partly at most .yes,
 * rival-relationship.yes at most .partly, influence.low at most .medium
 * at most .high.
 */
int gate_params_disorder(struct gate_params *p, const char *key,
                         const char **lo, const char **hi);

/*
 * The criteria the rules read by key: computed ones, and those with a
 * rule of their own (kam-gate(1), RULES).
 */
#define GATE_KEY_OURS         "our-relationship"
#define GATE_KEY_RIVALS       "rival-relationship"
#define GATE_KEY_COVERAGE     "coverage"
#define GATE_KEY_PRICE        "price"
#define GATE_KEY_FIT          "fit"
#define GATE_KEY_GAPS         "gaps"
#define GATE_KEY_EXPECTED     "expected-value"
#define GATE_KEY_PROFIT       "profit"
#define GATE_KEY_CAPITAL      "capital"
#define GATE_KEY_SIDE_EFFECTS "side-effects"
#define GATE_KEY_STRATEGY     "strategy"
#define GATE_KEY_IMPORTANCE   "importance"

/* A price gap in percent, as given ("+40", "-5", "40%"); 1 if valid. */
int gate_gap_parse(const char *, double *);
/* The answer a gap gives under the settings. */
enum gate_ans gate_gap_answer(const struct gate_params *, double gap);

/* One criterion of the rubric and, once assessed, its answer. */
struct gate_crit {
	int gate; /* 1-4 */
	char *key;
	char *question;
	double weight;
	int must;
	int computed; /* the rubric says it can be computed */
	int position;
	/* the answer in force */
	enum gate_ans answer;
	enum gate_src source;
	char *evidence;     /* answered: the evidence; computed: how */
	struct reason *why; /* computed: how, as the rules gave it; NULL
	                       for a user's evidence */
	char on[11];        /* answered: the date the answer took effect */
	char *actor;        /* answered: who recorded it */
	int has_gap;        /* price: answered with a gap */
	double gap;
};

/*
 * A member of the buying group (kam-org roles): one per person, with
 * every role held and the highest influence among them.
 */
#define GATE_CORE_DM        0x1 /* decision-maker */
#define GATE_CORE_TECHNICAL 0x2
#define GATE_CORE_BUSINESS  0x4
#define GATE_CORE_FINANCE   0x8
#define GATE_CORE_ALL       0xf
#define GATE_ROLE_COACH     0x40
#define GATE_STANCE_UNKNOWN 2

/*
 * Someone on our side who knows a person (kam-org contact), as in force
 * on the assessment date.
 */
struct gate_contact {
	char *seller, *name; /* handle, display name */
	int strength;        /* 1 acquainted, 2 works with, 3 trusted */
	char on[11];         /* since */
};
void gate_contacts_free(struct gate_contact *, size_t);

/* Someone who influences or advises a member (kam-org link). */
struct gate_ally {
	int64_t id;
	char *ref, *name;
	const char *kind;              /* "influences" or "advises" */
	int stance;                    /* toward us, as a member's */
	struct gate_contact *contacts; /* our sellers who know them */
	size_t ncontacts;
};

struct gate_member {
	int64_t id;
	char *ref; /* account/handle */
	char *name;
	char *roles;   /* "decision-maker, technical", in role order */
	int rolebits;  /* 1 << index in vocab_roles of each role held */
	int core;      /* GATE_CORE_* bits of the roles */
	int rank;      /* the index of the first role, for ordering */
	int influence; /* 0 high, 1 medium, 2 low */
	int lead;
	int stance; /* toward us: 1 support, 0 neutral, -1 oppose, 2 unknown */
	char since[11];
	char *note;         /* the note behind the stance in force */
	char latest[11];    /* the latest observation in force, any toward */
	char from[11];      /* the latest start of a role in force */
	char until[11];     /* the earliest end of one, or leaving; "" none */
	signed char *rival; /* stance toward each rival, same coding */
	char (*rival_since)[11]; /* since when, "" unknown; as rival */
	struct gate_ally *allies;
	size_t nallies;
	struct gate_contact *contacts; /* our sellers who know them */
	size_t ncontacts;
};

struct gate_rival {
	char *handle;
	char *name;
};

/* A gate's outcome. */
struct gate_outcome {
	enum gate_status status;
	int scored; /* score is meaningful */
	int held;   /* weak: held weak at best by a rule, not by its score */
	double score;
	char **reasons;      /* in canonical English */
	struct reason **why; /* the same, as the rules gave them */
	size_t nreasons;
};

/* The investment: its level and the numbers behind it. */
struct gate_investment {
	enum gate_level level;
	int has_likelihood; /* gate 3 was decided: passed, weak or failed */
	double likelihood;  /* its score, capped when held weak; 0 failed */
	char expected[MONEY_LEN]; /* value x likelihood; "" unknown */
};

/* The sure-loss rules (kam-gate(1), RULES); NULL when none fired. */
#define GATE_LOST_DM   "decision-maker-lost"
#define GATE_LOST_LEAD "lead-and-decision-maker-lost"

/* Everything one assessment uses and finds. */
struct gate_assessment {
	int64_t deal_id;
	char *deal; /* account/handle */
	char *deal_name;
	char *account_name;
	char *category;     /* the account's, or NULL */
	char *industry;     /* the account's, or NULL */
	char *profile;      /* the rubric profile used */
	char *value, *cost; /* exact amounts, or NULL */
	char *currency, *close_on, *stage;
	char as_of[11];
	struct gate_params params;
	struct gate_crit *crit;
	size_t ncrit;
	struct gate_member *members;
	size_t nmembers;
	struct gate_rival *rivals;
	size_t nrivals;
	/* filled by gate_compute and gate_evaluate */
	char **group_notes;        /* opposing decision-makers, finance, lead */
	struct reason **group_why; /* the same, as the rules gave them */
	size_t ngroup_notes;
	const char *lost; /* the sure-loss rule that fired, or NULL */
	struct gate_outcome gates[GATE_COUNT];
	enum gate_verdict verdict;
	struct gate_investment invest;
};

/*
 * Fills the computed criteria (our-relationship, rival-relationship,
 * coverage) that have no answer in force from the members and rivals,
 * turns a price gap into its answer, and notes every decision-maker,
 * finance member and evaluation lead who opposes us.
 */
void gate_compute(struct gate_assessment *);
/*
 * The gates in order, with expected-value computed once gate 3 is
 * known, then the verdict and the investment.
 */
void gate_evaluate(struct gate_assessment *);
void gate_assessment_free(struct gate_assessment *);
void gate_crit_free(struct gate_crit *, size_t);
/* The assessment's criterion of this key, or NULL. */
const struct gate_crit *gate_crit_in(const struct gate_assessment *,
                                     const char *key);
/* The member with this ref, or NULL. */
struct gate_member *gate_member_find(struct gate_assessment *, const char *ref);

/*
 * What if: an answer or a stance assumed before gate_compute.  A stance
 * toward a competitor names it (rival >= 0), toward us rival is -1.
 * Returns 0 when the key or competitor is not in the assessment.
 */
int gate_assume_answer(struct gate_assessment *, const char *key, enum gate_ans,
                       const double *gap);
int gate_assume_stance(struct gate_assessment *, struct gate_member *,
                       int rival, int stance);
/* A competitor's index by handle, or -1. */
int gate_rival_find(const struct gate_assessment *, const char *handle);
/* Adds a competitor nobody has a stance toward yet; its index. */
int gate_rival_add(struct gate_assessment *, const char *handle,
                   const char *name);

/*
 * The order of the buying group for people: influence (high first, the
 * lead first among equals), then role order, then name.  Fills idx with
 * member indexes.
 */
void gate_group_order(const struct gate_assessment *, size_t *idx);
/*
 * The open questions: the criteria left unknown in the gates reached,
 * gate by gate, each gate's in the rubric's order.  Fills idx (room for
 * ncrit) with criterion indexes and returns how many.
 */
size_t gate_open_questions(const struct gate_assessment *, size_t *idx);

/* The red flags of a buying group (kam-gate(1), RED FLAGS). */
struct gate_flag {
	char *code, *subject, *message;
	struct reason *why; /* the message as the rules gave it */
};
/*
 * Appends the group's flags, as of the assessment date, to *flags:
 * doubtful-coach, opposing-buyer, unknown-influencer, stale-stance,
 * single-supporter.
 */
void gate_red_flags(const struct gate_assessment *, struct gate_flag **,
                    size_t *);
void gate_flags_free(struct gate_flag *, size_t);

/* A plan per person (kam-gate(1), PLAN). */
enum gate_action {
	ACT_SPONSOR,
	ACT_KEEP_INFORMED,
	ACT_CONVERT,
	ACT_CONTAIN,
	ACT_FIND_OUT,
	ACT_RECRUIT_COACH,
	ACT_FIND_DECISION_MAKER
};
const char *gate_action_word(enum gate_action);
/* The member of a step for the whole group (who decides): none. */
#define GATE_NO_MEMBER ((size_t)-1)
struct gate_step {
	size_t member; /* index into members, or GATE_NO_MEMBER */
	enum gate_action action;
	const char *advice; /* the action in words */
	char *reason;
	struct reason *why; /* the reason as the rules gave it */
	char **via; /* "Name (account/handle)" of each who could carry it */
	size_t nvia;
	/* The seller best placed to carry it (gate_carrier), NULL: none;
	 * through the ally, or directly when through is NULL. */
	const struct gate_contact *carrier;
	const struct gate_ally *through;
};
/*
 * The seller best placed to reach a member (kam-gate(1), PLAN): the one
 * who knows them best (the strongest contact, then the most recent,
 * then the seller's handle); when nobody on our side knows them, the
 * one who knows best a supporter who influences or advises them, and
 * *through is that supporter (else NULL).  NULL when neither.
 */
const struct gate_contact *gate_carrier(const struct gate_member *,
                                        const struct gate_ally **through);
/* The carrier as people read it: "Name (seller)", and " via Name
 * (account/handle)" when through a supporter; a new string, NULL if
 * none. */
char *gate_carrier_text(const struct gate_step *);
/* The same in the user's language, for a person. */
char *gate_carrier_said(const struct gate_step *);
/* Roles "decision-maker, technical" in the user's language: a new
 * string. */
char *gate_roles_label(const char *roles);
/*
 * One step per member, in gate_group_order, after a step for the group
 * when it has members but no decision-maker is named.
 */
void gate_plan(const struct gate_assessment *, struct gate_step **, size_t *);
void gate_plan_free(struct gate_step *, size_t);

/* Comparing two runs */

/* What one stored run said: per criterion and per gate. */
struct gate_snap {
	char *verdict;
	char as_of[11];
	enum gate_status status[GATE_COUNT];
	int scored[GATE_COUNT];         /* whether a gate has a score */
	double score_value[GATE_COUNT]; /* the score stored, if scored */
	char *score[GATE_COUNT]; /* printed (gate_snap_load); NULL: none */
	struct gate_snap_crit {
		int gate;
		char *key, *answer, *source, *evidence;
		struct reason *why; /* computed evidence from its codes */
	} * crit;
	size_t ncrit;
	/* The run's reasons as codes (store_gate_snap_load), and as
	 * reasons again (gate_snap_load); coded is 0 for a run stored
	 * before the codes were kept. */
	int coded;
	struct reason_node *nodes;
	size_t nnodes;
	struct reason **why[GATE_COUNT]; /* each gate's reasons */
	size_t nwhy[GATE_COUNT];
};
void gate_snap_free(struct gate_snap *);
/*
 * What changed from run a to run b: fn gets what ("verdict", "gate",
 * "score", "answer", "source", "criterion"), the item, before and after
 * (NULL: absent).  Returns the number of changes.
 */
size_t gate_diff(const struct gate_snap *a, const struct gate_snap *b,
                 void (*fn)(const char *what, const char *item,
                            const char *before, const char *after, void *),
                 void *arg);

/*
 * Since the last review (kam-gate(1), SINCE THE LAST REVIEW): what took
 * effect between the deal's previous run and the day assessed, and the
 * gates it moved.  The rule (since.c) compares the deal as of the
 * previous run's day with the deal as of the day assessed.
 */
enum gate_change_kind {
	GATE_CHANGE_STANCE, /* a member's stance toward us moved */
	GATE_CHANGE_JOINED, /* someone joined the buying group */
	GATE_CHANGE_LEFT,   /* a member left it */
	GATE_CHANGE_ROLES,  /* a member's roles, influence or lead changed */
	GATE_CHANGE_ANSWER  /* a criterion's answer changed */
};
/* stance, joined, left, roles, answer. */
const char *gate_change_word(enum gate_change_kind);
struct gate_change {
	enum gate_change_kind kind;
	char *item;      /* ACCOUNT/HANDLE, or the criterion's key */
	char *toward;    /* a stance toward this competitor; NULL: us */
	char *name;      /* the person's name; NULL for an answer */
	char *from, *to; /* in words; NULL: none (joined, left) */
	char on[11];     /* the day it took effect; "" unknown */
	int gate;        /* an answer's gate; 0 for a person */
	int gates;       /* bit g - 1 for each gate g it bears on */
};
struct gate_since {
	int64_t run;    /* the previous run's number; 0: none */
	char as_of[11]; /* its day */
	char *verdict_before;
	enum gate_status status_before[GATE_COUNT];
	char *score_before[GATE_COUNT]; /* as stored; NULL: none */
	struct gate_change *changes;
	size_t nchanges, cap; /* cap: room in changes (xgrow) */
};
/*
 * Fills s->changes from then (the deal as of the previous run's day)
 * and now: stances that moved (toward us, then toward each competitor,
 * person by person), then members who joined, who
 * left, whose roles changed (each in the order of the group's refs), then
 * answers (in rubric order) that changed where either side was
 * answered.  A person's change bears on gate 3, an answer on its gate.
 */
void gate_since_compare(const struct gate_assessment *then,
                        const struct gate_assessment *now, struct gate_since *);
/* Whether gate g (1-4) moved or bears a change. */
int gate_since_gate_shown(const struct gate_since *,
                          const struct gate_assessment *now, int g);
void gate_since_free(struct gate_since *);

/* --- Writers (gate-out.c): every stored text escaped for its format --- */

/*
 * Writes s as one piece of inline Markdown text: nothing in it makes a
 * heading, a table cell, emphasis, a link or HTML (kam-gate(1), REPORT).
 */
void gate_md(FILE *, const char *s);
/* A Markdown table cell of gate_md text, "-" when s is NULL or empty. */
void gate_md_cell(FILE *, const char *s);
/*
 * A Markdown table's heading row (heading, its line ending included)
 * and its rule: a column for each letter of align, 'r' aligned right.
 */
void gate_md_head(FILE *, const char *heading, const char *align);
/* Writes s as one line of plain text, without control characters. */
void gate_txt(FILE *, const char *s);

/* The verdict in one sentence, and the investment in one. */
char *gate_verdict_sentence(const struct gate_assessment *);
const char *gate_level_sentence(enum gate_level);
/* A score with two decimals, whatever the locale. */
void gate_score_text(double, char out[8]);
/*
 * What if (kam-gate run --assume-*): the assessment without the
 * assumptions, and the assumptions as given ("price=partly").
 */
struct gate_whatif {
	const struct gate_assessment *before;
	char *const *assumed;
	size_t nassumed;
};
/*
 * The run as JSON (the documented keys) or as a short text; w NULL for
 * a run without assumptions (the snapshot a run stores).
 */
void gate_write_json(FILE *, const struct gate_assessment *,
                     const struct gate_whatif *w);
/*
 * The run's reasons as codes, what a stored run keeps beside its
 * snapshot (kam(7), Gate runs): a JSON array of the nodes of each
 * computed evidence and each gate's reasons.
 */
void gate_write_reasons(FILE *, const struct gate_assessment *);
void gate_write_text(FILE *, const struct gate_assessment *,
                     const struct gate_whatif *w);
/*
 * The rows of run -F tsv|csv: one per gate (kam-gate(1), OUTPUT), in an
 * out opened on the column table gate_run_cols (out_open_cols), or
 * gate_whatif_cols for a what-if.
 */
struct out;
struct out_col;
extern const struct out_col *const gate_run_cols;
extern const struct out_col *const gate_whatif_cols;
void gate_write_rows(struct out *, const struct gate_assessment *,
                     const struct gate_whatif *w);
/* The plan: rows for table, TSV and CSV (an out opened on the column
 * table gate_plan_cols), or a JSON array. */
extern const struct out_col *const gate_plan_cols;
void gate_write_plan(struct out *, const struct gate_assessment *,
                     const struct gate_step *, size_t);
void gate_write_plan_json(FILE *, const struct gate_assessment *,
                          const struct gate_step *, size_t);

/* A stored run, as history and the memo show it. */
struct gate_run_info {
	int64_t number; /* the deal's own count, from 1 */
	char as_of[11];
	char *recorded; /* the first time */
	char *checked;  /* the last time it was found again */
	char *actor;
	char *verdict;
	char *status[GATE_COUNT];
};
void gate_runs_free(struct gate_run_info *, size_t);

/* A member whose knowledge is stale (kam-stance stale), for the memo. */
struct gate_stale {
	const char *person, *name; /* ACCOUNT/HANDLE, display name */
	const char *latest;        /* the latest observation in force */
	long days;                 /* its age on the day assessed */
};

/*
 * Since the last review, written after a run's text (w: the section in
 * lines), in the memo (Markdown), or as the "since" member of a JSON
 * object (nothing when there is no previous run); since-out.c.
 */
void gate_write_since_text(FILE *, const struct gate_assessment *now,
                           const struct gate_since *);
void gate_write_since_md(FILE *, const struct gate_assessment *now,
                         const struct gate_since *);
void gate_write_since_json(FILE *, const struct gate_assessment *now,
                           const struct gate_since *);

/* Everything the memo says. */
struct gate_memo {
	const struct gate_assessment *a;
	const struct gate_since *since;   /* NULL: not shown */
	const struct gate_run_info *runs; /* the deal's runs, oldest first */
	size_t nruns;
	const struct gate_flag *flags; /* kam-org check's, then the group's */
	size_t nflags;
	const struct gate_step *plan;
	size_t nplan;
	/* The members to check in with, most influential first. */
	const struct gate_stale *stale;
	size_t nstale;
	long stale_days; /* the setting they are stale by */
};
/* The memo in Markdown, or its data as JSON (kam-gate(1), REPORT). */
void gate_write_report(FILE *, const struct gate_memo *);
void gate_write_report_json(FILE *, const struct gate_memo *);

/* --- For a person, in the user's language (gate-say.c) --- */

/*
 * A word of kam-gate's vocabularies as a person reads it: kind is
 * "verdict", "status", "level", "action", "source", "gate" or "flag"; any other
 * word unchanged.  Never for TSV, CSV or JSON.
 */
const char *gate_label(const char *kind, const char *word);
/*
 * A sentence the rules wrote in canonical English, read from a run
 * stored before schema 14 (which keeps only the English), in the
 * user's language against
 * the table of sentences (reason.h): a new string.  A live reason is
 * written from its code (reason_said) instead.  What it cannot read is
 * copied as written; under the C locale the copy is exact.
 */
char *gate_say(const char *english);
/*
 * A criterion's evidence in run s, for a person: from its codes, or
 * as stored (a user's evidence) when it has none; a run stored before
 * the codes were kept is read back by gate_say.  A new string, NULL
 * when the run has no such criterion or evidence.
 */
char *gate_snap_said(const struct gate_snap *s, const char *key);
/* Whether messages are translated (a catalog is in use). */
int gate_translating(void);
/* Between the items of a list in a table cell: ";" as TSV has it in
 * English, the user's list separator in another language. */
const char *gate_table_sep(void);
/* A rubric question: the default rubric's in the user's language, any
 * other as written. */
const char *gate_question_label(const char *question);

/* --- Store queries and use cases (store-gate.c) --- */

struct store;

/* A competitor's name, in a new string (NULL if none). */
char *store_gate_competitor_name(struct store *, int64_t id);

/* Profiles. */
int store_gate_profile_id(struct store *, const char *name, int64_t *);
int store_gate_profile_add(struct store *, const char *name, const char *from);
int store_gate_profile_remove(struct store *, const char *name);
struct gate_profile_row {
	const char *name;
	long criteria, accounts, answers;
};
int store_gate_profiles_each(struct store *,
                             int (*fn)(const struct gate_profile_row *, void *),
                             void *arg);
/* The profile a deal is assessed with: its account's category if a
 * profile has that name, else default. */
int store_gate_deal_profile(struct store *, int64_t deal, int64_t *profile);

/* The rubric of a profile in order; gate 0 for every gate. */
int store_gate_rubric(struct store *, int64_t profile, int gate,
                      struct gate_crit **, size_t *);
/* A criterion's id by key, reporting an unknown key with a suggestion. */
int store_gate_criterion_id(struct store *, int64_t profile, const char *key,
                            int64_t *);
int store_gate_criterion_add(struct store *, int64_t profile, int gate,
                             const char *key, const char *question,
                             double weight, int must);
/*
 * Changes a criterion: gate 0, weight < 0, must -1 and question NULL
 * leave that field as it is.  Refuses a change that leaves a gate with
 * no criteria or no weight, and a weight on coverage.
 */
int store_gate_criterion_set(struct store *, int64_t profile, const char *key,
                             int gate, double weight, int must,
                             const char *question);
int store_gate_criterion_remove(struct store *, int64_t profile,
                                const char *key);

/* gap NULL: none. */
int store_gate_answer_add(struct store *, int64_t deal, int64_t criterion,
                          enum gate_ans, const double *gap,
                          const char *evidence, const char *on);
/* Every answer to a deal's criteria, oldest first (history); gap NULL
 * when none. */
struct gate_answer_row {
	const char *key, *answer, *evidence, *on, *recorded, *actor;
	const double *gap;
};
int store_gate_answers_each(struct store *, int64_t deal,
                            int (*fn)(const struct gate_answer_row *, void *),
                            void *arg);

/* The stored settings (kam-gate setting), one row each, in key order;
 * a status of fn's other than KAM_OK stops the rows and is returned. */
struct gate_setting_row {
	const char *key;
	double value;
};
int store_gate_settings_each(struct store *,
                             int (*fn)(const struct gate_setting_row *, void *),
                             void *arg);
/* Sets a setting; reset removes it (back to the default). */
int store_gate_setting_set(struct store *, const char *key, double value);
int store_gate_setting_reset(struct store *, const char *key);
/* Whether a setting is stored (1) or the default (0). */
int store_gate_setting_stored(struct store *, const char *key);

/*
 * The contacts in force on as_of with a person, strongest first, then
 * the most recent, then by seller (store-seller.c).
 */
int store_gate_contacts(struct store *, int64_t person, const char *as_of,
                        struct gate_contact **, size_t *);

/* Loads what an assessment of a deal on as_of uses but the settings
 * (a->params), without judging. */
int store_gate_load(struct store *, int64_t deal, const char *as_of,
                    struct gate_assessment *);
/* Use cases (assess.c).  The rule's defaults with the store's settings
 * applied (a stored key the rules do not know is passed over). */
int gate_params_load(struct store *, struct gate_params *);
/* What an assessment uses (store_gate_load) with the settings, not
 * judged. */
int gate_load(struct store *, int64_t deal, const char *as_of,
              struct gate_assessment *);
/* Run number of a deal's runs, its scores printed as the rules print
 * them. */
int gate_snap_load(struct store *, int64_t deal, int64_t number,
                   struct gate_snap *);
/* Loads, computes and evaluates one deal on as_of. */
int gate_assess(struct store *, int64_t deal, const char *as_of,
                struct gate_assessment *);
/*
 * Since the last review: the deal's latest run dated before now->as_of
 * (the highest number among that day's), its stored gates and verdict,
 * and the deal as of that day compared with now.  s->run is 0 when
 * there is no such run.
 */
int gate_since_load(struct store *, const struct gate_assessment *now,
                    struct gate_since *);
/* The red flags of a deal's buying group as of a day, through fn. */
int gate_check_flags(struct store *, int64_t deal, const char *as_of,
                     int (*fn)(const struct gate_flag *, void *), void *arg);

/*
 * Stores a run (its snapshot, and its reasons as codes,
 * gate_write_reasons), unless its snapshot is identical to the deal's
 * last one: then that run's checked time moves, it takes the codes if
 * it was stored without, and *same is 1.  *number is the run's.
 */
int store_gate_run_add(struct store *, int64_t deal, const char *as_of,
                       const char *verdict, const char *snapshot,
                       const char *reasons, int64_t *number, int *same);
/* The stored runs of a deal, oldest first. */
int store_gate_runs(struct store *, int64_t deal, struct gate_run_info **,
                    size_t *);
/*
 * The latest run of each open deal (of one account if account != 0), or
 * of every deal, closed ones too, when all is set; status is the deal's
 * (open, won, lost, abandoned).
 */
/* verdict, as_of and recorded are NULL, and run 0, for a deal never
 * assessed. */
struct gate_list_row {
	const char *deal, *name, *verdict, *as_of;
	int64_t run;
	const char *recorded, *status;
};
int store_gate_list_each(struct store *, int64_t account, int all,
                         int (*fn)(const struct gate_list_row *, void *),
                         void *arg);
/* Loads run number of deal (KAM_NOTFOUND if it has no such run); its
 * scores as numbers (score_value), score[] left NULL. */
int store_gate_snap_load(struct store *, int64_t deal, int64_t number,
                         struct gate_snap *);

#endif
