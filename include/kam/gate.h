/*
 * The four gates of the method (METHOD.md, section 2): is it real, can we
 * compete, can we win, is it worth winning.  The first half of this
 * header is the rules, pure functions over structs (gate.c): criteria
 * with their answers in, gate statuses, scores, reasons and a verdict
 * out, plus the formulas that compute three "can we win?" criteria from
 * the buying group and its stances.  The second half is the store's
 * queries for the rubric, answers, settings and runs (store-gate.c).
 * Used by kam-gate; kam-map may read verdicts through it.
 */
#ifndef KAM_GATE_H
#define KAM_GATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define GATE_COUNT 4

/* An answer to a criterion; "yes" is always good for us. */
enum gate_ans { GATE_UNKNOWN, GATE_YES, GATE_PARTLY, GATE_NO };
/* Where a criterion's answer came from. */
enum gate_src { GATE_SRC_NONE, GATE_SRC_ANSWERED, GATE_SRC_COMPUTED };
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

/* Words for the enums, and back (-1 when unknown). */
const char *gate_ans_word(enum gate_ans);
int gate_ans_parse(const char *);
const char *gate_src_word(enum gate_src);
const char *gate_status_word(enum gate_status);
const char *gate_verdict_word(enum gate_verdict);
/* The gate's question in words ("can we win?") for 1-4. */
const char *gate_question(int gate);
/* real, compete, win, worth for 1-4. */
const char *gate_name(int gate);
/* A gate given as 1-4 or as its name; 0 when neither. */
int gate_parse(const char *);

/*
 * The tunables, with documented defaults (kam-gate(1), SETTINGS); the
 * store keeps only values changed with kam-gate setting.
 */
struct gate_params {
	double fail[GATE_COUNT]; /* a score below fails the gate */
	double strong;           /* gate 3 below it passes weak */
	double unknown_max;      /* more unknown weight leaves a gate open */
	double influence[3];     /* weights of high, medium, low */
	double our_yes, our_partly;
	double rival_yes, rival_partly;
	double coverage_yes, coverage_partly;
};
void gate_params_default(struct gate_params *);
/* The setting keys, NULL-terminated, with one line of meaning each. */
extern const char *const gate_setting_keys[];
extern const char *const gate_setting_help[];
/* The slot of a key, or NULL if unknown. */
double *gate_param(struct gate_params *, const char *key);
/* Checks a value for a key: NULL if fine, else what is allowed. */
const char *gate_param_check(const char *key, double value);

/* One criterion of the rubric and, once assessed, its answer. */
struct gate_crit {
	int gate; /* 1-4 */
	char *key;
	char *question;
	int weight;
	int must;
	int computed; /* the rubric says it can be computed */
	int position;
	/* the answer in force */
	enum gate_ans answer;
	enum gate_src source;
	char *evidence; /* answered: the evidence; computed: how */
	char on[11];    /* answered: the date the answer took effect */
	char *actor;    /* answered: who recorded it */
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
struct gate_member {
	char *ref; /* account/handle */
	char *name;
	char *roles;   /* "decision-maker, technical" */
	int core;      /* GATE_CORE_* bits of the roles */
	int influence; /* 0 high, 1 medium, 2 low */
	int lead;
	int stance; /* toward us: 1 support, 0 neutral, -1 oppose, 2 unknown */
	char since[11];
	signed char *rival; /* stance toward each rival, same coding */
};
#define GATE_STANCE_UNKNOWN 2

struct gate_rival {
	char *handle;
	char *name;
};

/* A gate's outcome. */
struct gate_outcome {
	enum gate_status status;
	int scored; /* score is meaningful */
	double score;
	char **reasons;
	size_t nreasons;
};

/* Everything one assessment uses and finds. */
struct gate_assessment {
	int64_t deal_id;
	char *deal; /* account/handle */
	char *deal_name;
	char as_of[11];
	struct gate_params params;
	struct gate_crit *crit;
	size_t ncrit;
	struct gate_member *members;
	size_t nmembers;
	struct gate_rival *rivals;
	size_t nrivals;
	/* filled by gate_compute and gate_evaluate */
	char **group_notes; /* the opposing decision-makers, called out */
	size_t ngroup_notes;
	struct gate_outcome gates[GATE_COUNT];
	enum gate_verdict verdict;
};

/*
 * Fills the computed criteria (our-relationship, rival-relationship,
 * coverage) that have no answer in force from the members and rivals,
 * and notes every decision-maker who opposes us.
 */
void gate_compute(struct gate_assessment *);
/* The gates in order, then the verdict. */
void gate_evaluate(struct gate_assessment *);
void gate_assessment_free(struct gate_assessment *);
void gate_crit_free(struct gate_crit *, size_t);

/* --- Writers (gate-out.c): every stored text escaped for its format --- */

/* The verdict in one sentence. */
char *gate_verdict_sentence(const struct gate_assessment *);
/* The run as JSON (the documented keys) or as a short text. */
void gate_write_json(FILE *, const struct gate_assessment *);
void gate_write_text(FILE *, const struct gate_assessment *);

/*
 * The Markdown memo.  runs are earlier runs, oldest first; flags are
 * kam-org check's red flags for the account.
 */
struct gate_run_info {
	int64_t id;
	char as_of[11];
	char *recorded;
	char *actor;
	char *verdict;
	char *status[GATE_COUNT];
};
void gate_write_report(FILE *, const struct gate_assessment *,
                       const struct gate_run_info *runs, size_t nruns,
                       char *const *flags, size_t nflags);
void gate_runs_free(struct gate_run_info *, size_t);

/* --- Store queries (store-gate.c) --- */

struct store;

/* The rubric in order; gate 0 for every gate. */
int gate_rubric(struct store *, int gate, struct gate_crit **, size_t *);
/* A criterion's id by key, reporting an unknown key with a suggestion. */
int gate_criterion_id(struct store *, const char *key, int64_t *);
int gate_criterion_add(struct store *, int gate, const char *key,
                       const char *question, int weight, int must);
/*
 * Changes a criterion: gate 0, weight -1, must -1 and question NULL
 * leave that field as it is.  Refuses a change that leaves a gate with
 * no criteria or no weight.
 */
int gate_criterion_set(struct store *, const char *key, int gate, int weight,
                       int must, const char *question);
int gate_criterion_remove(struct store *, const char *key);

int gate_answer_add(struct store *, int64_t deal, int64_t criterion,
                    enum gate_ans, const char *evidence, const char *on);
/* Every answer to a deal's criteria, oldest first (history). */
int gate_answers_each(struct store *, int64_t deal,
                      void (*fn)(const char *key, const char *answer,
                                 const char *evidence, const char *on,
                                 const char *recorded, const char *actor,
                                 void *),
                      void *arg);

/* The defaults with the store's settings applied. */
int gate_params_load(struct store *, struct gate_params *);
/* Sets a setting; reset removes it (back to the default). */
int gate_setting_set(struct store *, const char *key, double value);
int gate_setting_reset(struct store *, const char *key);
/* Whether a setting is stored (1) or the default (0). */
int gate_setting_stored(struct store *, const char *key);

/* Gathers, computes and evaluates one deal on as_of. */
int gate_assess(struct store *, int64_t deal, const char *as_of,
                struct gate_assessment *);

int gate_run_add(struct store *, int64_t deal, const char *as_of,
                 const char *verdict, const char *snapshot, int64_t *id);
/* The stored runs of a deal, oldest first. */
int gate_runs(struct store *, int64_t deal, struct gate_run_info **, size_t *);
/* The latest run of each deal (of one account if account != 0). */
int gate_list_each(struct store *, int64_t account,
                   void (*fn)(const char *deal, const char *name,
                              const char *verdict, const char *as_of,
                              int64_t run, const char *recorded, void *),
                   void *arg);

/* What one stored run said: per criterion and per gate. */
struct gate_snap {
	char *verdict;
	char as_of[11];
	enum gate_status status[GATE_COUNT];
	char *score[GATE_COUNT]; /* as stored, NULL when none */
	struct gate_snap_crit {
		int gate;
		char *key, *answer, *source, *evidence;
	} * crit;
	size_t ncrit;
};
/* Loads run id of deal (KAM_NOTFOUND if it is not one of its runs). */
int gate_snap_load(struct store *, int64_t deal, int64_t run,
                   struct gate_snap *);
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

#endif
