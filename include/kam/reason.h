/*
 * Reasons as the rules give them: a sentence of a fixed table (its code)
 * with its arguments, each argument a name, a number, a word of a
 * vocabulary, a nested reason or a list; no text is composed by the
 * rules.  The writers make the text: reason_english for what JSON, TSV,
 * CSV and the store keep (canonical English), reason_said for a person,
 * in the user's language through the catalog (reason.c).  May be
 * included by the rules (gate.c, org.c, org-influence.c), by the
 * writers (gate-out.c, since-out.c, portfolio-out.c), by gate-say.c,
 * which reads the English of a run stored without codes back with the
 * same table, and
 * by the mains that print a rule's reason; and for struct reason_node,
 * a reason as a stored run keeps it, by store-gate.c, which reads the
 * nodes, and the use case that makes them reasons again (assess.c).
 */
#ifndef KAM_REASON_H
#define KAM_REASON_H

#include <stddef.h>
#include <stdio.h>

/* The sentences, in the order a stored sentence is tried against them
 * (reason.def). */
enum reason_code {
#pragma push_macro("R")
#undef R
#define R(code, kinds, format) code,
#include "kam/reason.def"
#pragma pop_macro("R")
	R_COUNT
};

/*
 * A sentence: its printf format in English (the catalog's msgid) and the
 * kind of each argument, one letter each: s copied, w a word of a
 * vocabulary, g a gate's name, S where an answer came from, d a date,
 * n a number, q a rubric question, t a nested reason, N a list of
 * names, L a list of words or reasons, K a list of key members.
 */
struct reason_format {
	const char *fmt, *kinds;
};
extern const struct reason_format reason_formats[R_COUNT];

enum reason_kind {
	REASON_TEXT,     /* copied: a name, a date, a number, a user's text */
	REASON_WORD,     /* a word of the method's vocabularies */
	REASON_GATE,     /* a gate's short name */
	REASON_SOURCE,   /* where an answer came from */
	REASON_QUESTION, /* a rubric question */
	REASON_CODE,     /* a sentence of the table with its arguments */
	REASON_LIST,     /* items as "A, B and C" */
	REASON_SERIES,   /* items as "A, B, C" in English, said as a list */
	REASON_CLAUSES,  /* items as "A; B" */
	REASON_KEY,      /* "text (item, item)": a key member */
	REASON_NOTE      /* "item: text", the text a user's note */
};

struct reason {
	enum reason_kind kind;
	enum reason_code code; /* REASON_CODE */
	char *text;            /* the words, the name, the note */
	struct reason **items; /* arguments, list items, clauses */
	size_t nitems, cap;    /* cap: room in items (xgrow) */
};

/* A copied text, formatted with printf. */
struct reason *reason_text(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* A word (kind REASON_WORD, _GATE, _SOURCE, _QUESTION or _TEXT). */
struct reason *reason_word(enum reason_kind, const char *word);
/*
 * A sentence: one struct reason * argument for each of its format's
 * kinds, each taken over.
 */
struct reason *reason_code(enum reason_code, ...);
/* An empty list, clause sequence or key member ("text (...)"). */
struct reason *reason_group(enum reason_kind, const char *text);
/* Appends an item, taken over; returns r. */
struct reason *reason_add(struct reason *r, struct reason *item);
/* "r: note", the note as a user wrote it; takes r over. */
struct reason *reason_note(struct reason *r, const char *note);
struct reason *reason_dup(const struct reason *);
void reason_free(struct reason *);
/* The reason in canonical English: a new string. */
char *reason_english(const struct reason *);
/* The reason in the user's language (the English under C): a new
 * string. */
char *reason_said(const struct reason *);
/* Whether every sentence in r has as many arguments as its format, of
 * the kinds its format names (for the tests). */
int reason_valid(const struct reason *);
/*
 * The format t (English or translated) with each conversion replaced by
 * the argument of its place (or of its n$), and %% by %; for the
 * writers and for gate_say's reading of a stored sentence.
 */
char *reason_render(const char *t, char *const *args, int nargs);
/* The length of the printf conversion at f ("%s", "%.0f", "%zu"). */
size_t reason_conv_len(const char *f);

/*
 * A reason as a stored run keeps it (kam(7), Gate runs): its nodes in
 * pre-order, each with the index of its parent (-1 for the root), its
 * kind in words, its sentence (a code's English format, the one
 * spelling that names it) and its text.  A root says where in the run
 * it belongs: the criterion key whose evidence it is, or the gate (1-4)
 * whose reason it is.
 */
struct reason_node {
	long up;         /* the parent's index; -1: a root */
	char *criterion; /* a root: the criterion's key, or NULL */
	int gate;        /* a root: the gate of a reason, or 0 */
	char *kind, *sentence, *text;
};
/*
 * Writes r's nodes as JSON objects, each after ",\n" but the run's
 * first (*count 0); *count, the nodes written before, grows.
 * criterion or gate names the root's place.
 */
void reason_write_nodes(FILE *, const struct reason *, const char *criterion,
                        int gate, size_t *count);
/*
 * The reason rooted at nodes[root], NULL when its nodes do not make one
 * this version can say (a sentence it does not have, an argument of the
 * wrong kind).
 */
struct reason *reason_from_nodes(const struct reason_node *, size_t n,
                                 size_t root);
void reason_nodes_free(struct reason_node *, size_t);

#endif
