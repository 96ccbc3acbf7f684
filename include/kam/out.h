/*
 * Output writers: an aligned table for people (display width aware, so
 * Chinese names line up), and TSV, CSV and JSON for programs.  Knows
 * nothing of where rows come from.  May be included by the mains, by
 * the writers of reports (gate-out.c, map-dot.c, portfolio-out.c), by
 * text.c and kam.c (text_show: how text is shown, messages included)
 * and by csv.c (which writes CSV as it reads it); never by the store.
 */
#ifndef KAM_OUT_H
#define KAM_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "kam/kam.h"

/*
 * The formats -F names.  OUT_MD, a Markdown document, is written by the
 * verbs that declare it (kam-gate report), never by these writers.
 */
enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON, OUT_MD };
const char *out_format_word(enum out_format);

/* Parses table|tsv|csv|json|md; returns -1 if unknown. */
int out_format_parse(const char *);

/*
 * A writer for rows with fixed columns.  cols is NULL-terminated; the
 * names are the TSV/CSV header and the JSON keys (the table upper-cases
 * them).  OUT_OBJECT makes a single record: JSON writes one object, the
 * table writes "key  value" lines, TSV and CSV a header and one row.
 *
 * TSV escapes backslash, tab, newline and carriage return as \\ \t \n \r
 * so that one record is always one line.  Missing values are empty in
 * TSV/CSV/table ("-" in a table) and null in JSON.
 */
#define OUT_OBJECT   0x1
#define OUT_NOHEADER 0x2
struct out;
struct out *out_open(FILE *, enum out_format, int flags,
                     const char *const *cols);
void out_str(struct out *, const char *); /* NULL: missing */
/* A word of the method's vocabularies: its label in a table, the
 * canonical word in TSV, CSV and JSON (vocab_label). */
void out_word(struct out *, const char *);
void out_int(struct out *, long long);
void out_num(struct out *, double); /* shortest decimal form */
void out_bool(struct out *, int);   /* true/false; yes/no in text */
/* Canonical text in TSV, CSV and JSON, and label in a table. */
void out_label(struct out *, const char *canonical, const char *label);
/* Whether it writes a table, for a person (labels, translations). */
int out_is_table(const struct out *);
void out_null(struct out *);
void out_list(struct out *, const char *); /* ';'-separated; JSON array */
/*
 * A person or deal: ref is a handle of account, or ACCOUNT/HANDLE of
 * another.  TSV, CSV and JSON write ACCOUNT/HANDLE always, so that
 * outputs join; a table or Markdown writes a handle of account bare.
 * out_ref_list does the same to each item of a ';'-separated list
 * (written as out_list writes it).
 */
void out_ref(struct out *, const char *account, const char *ref);
void out_ref_list(struct out *, const char *account, const char *refs);
void out_raw_json(struct out *, const char *json, const char *text);
/* A number with exactly this many decimals, so a column lines up. */
void out_fixed(struct out *, double, int decimals);
void out_end_row(struct out *);
/* Finishes (a table is written only here) and frees. */
void out_close(struct out *);
/*
 * A column table: one row type's columns, each its name (the TSV/CSV
 * header, the JSON key, the table's heading upper-cased) beside the
 * field of the row struct it prints and how.  A writer opened on a
 * table (out_open_cols, cli_out) writes the header from it, and
 * out_row writes every column of a row from it, so that a column is
 * named and printed in one place.  Declare one with the macros:
 *
 *     static const struct out_col team_cols[] = {
 *         OUT_COL(struct org_team, handle, "handle", OUT_C_STR),
 *         OUT_COL(struct org_team, accounts, "accounts", OUT_C_INT),
 *         OUT_COL_END};
 */
enum out_kind {
	/* Text: a const char * field. */
	OUT_C_STR,       /* NULL is missing */
	OUT_C_CHARS,     /* a char array in the struct, not a pointer */
	OUT_C_WORD,      /* a word of the method's vocabularies (out_word) */
	OUT_C_STANCE,    /* the same, "unknown" when NULL */
	OUT_C_LIST,      /* ';'-separated (out_list) */
	OUT_C_LIST_SAID, /* the same; a table shows .said(list), a new
	                    string */
	OUT_C_REF,       /* a person or deal (out_ref) */
	OUT_C_REF_LIST,  /* a ';'-separated list of them (out_ref_list) */
	OUT_C_LABEL,     /* a word a table shows as .label(.vocab, word) */
	OUT_C_SHOWN,     /* a word; .with is the text a table shows */
	/* Values. */
	OUT_C_INT,      /* int */
	OUT_C_LONG,     /* long */
	OUT_C_LONG_POS, /* long, missing unless above 0 */
	OUT_C_DIGITS,   /* const char *, a number's exact digits (a number
	                   in JSON); NULL is missing */
	OUT_C_INT64,    /* int64_t or long long */
	OUT_C_INT64_NZ, /* the same, missing when 0 */
	OUT_C_NUM,      /* double, shortest form (out_num) */
	OUT_C_NUM_PTR,  /* const double *; NULL is missing */
	OUT_C_FIXED,    /* double with .decimals decimals (out_fixed) */
	OUT_C_BOOL,     /* int (out_bool) */
	OUT_C_FN        /* written by .put from the whole row */
};
struct out_col {
	const char *name; /* NULL ends the table */
	enum out_kind kind;
	size_t off; /* the field's offset in the row struct */
	/*
	 * OUT_C_REF, OUT_C_REF_LIST: the offset of the field holding the
	 * account the references are of, plus one (0: the writer's
	 * account, out_account); with no account (NULL), the text as it
	 * is (out_str, out_list).  OUT_C_SHOWN: the offset of the text a
	 * table shows, plus one.
	 */
	size_t with;
	int decimals;      /* OUT_C_FIXED */
	const char *vocab; /* OUT_C_LABEL: the vocabulary, for label */
	const char *(*label)(const char *vocab, const char *word);
	char *(*said)(const char *list);            /* OUT_C_LIST_SAID */
	void (*put)(struct out *, const void *row); /* OUT_C_FN */
};
#define OUT_COL(T, field, nm, k)                                               \
	{                                                                      \
		.name = (nm), .kind = (k), .off = offsetof(T, field)           \
	}
/* A reference of the account in the row's field acct. */
#define OUT_COL_REF(T, field, nm, k, acct)                                     \
	{                                                                      \
		.name = (nm), .kind = (k), .off = offsetof(T, field),          \
		.with = offsetof(T, acct) + 1                                  \
	}
#define OUT_COL_FIXED(T, field, nm, d)                                         \
	{                                                                      \
		.name = (nm), .kind = OUT_C_FIXED, .off = offsetof(T, field),  \
		.decimals = (d)                                                \
	}
#define OUT_COL_LABEL(T, field, nm, fn, v)                                     \
	{                                                                      \
		.name = (nm), .kind = OUT_C_LABEL, .off = offsetof(T, field),  \
		.vocab = (v), .label = (fn)                                    \
	}
/* A list a table shows in the user's language, as fn says it. */
#define OUT_COL_LIST_SAID(T, field, nm, fn)                                    \
	{                                                                      \
		.name = (nm), .kind = OUT_C_LIST_SAID,                         \
		.off = offsetof(T, field), .said = (fn)                        \
	}
/* A word beside the text a table shows for it (field shown). */
#define OUT_COL_SHOWN(T, field, nm, shown)                                     \
	{                                                                      \
		.name = (nm), .kind = OUT_C_SHOWN, .off = offsetof(T, field),  \
		.with = offsetof(T, shown) + 1                                 \
	}
#define OUT_COL_FN(nm, fn)                                                     \
	{                                                                      \
		.name = (nm), .kind = OUT_C_FN, .put = (fn)                    \
	}
#define OUT_COL_END                                                            \
	{                                                                      \
		.name = NULL                                                   \
	}

/* A writer whose columns, header and rows, are those of cols. */
struct out *out_open_cols(FILE *, enum out_format, int flags,
                          const struct out_col *cols);
/* The account whose references OUT_C_REF columns write bare (kept). */
void out_account(struct out *, const char *account);
const char *out_account_of(const struct out *);
/* Writes row, a struct of the writer's table, as one row; KAM_OK. */
int out_row(struct out *, const void *row);
/* Writes n rows of size bytes each, from rows on. */
void out_rows(struct out *, const void *rows, size_t n, size_t size);
/*
 * fn, a function handing each row of type T to out_row: the row
 * function a store's listing takes, with the writer as its argument.
 */
#define OUT_ROW_FN(fn, T)                                                      \
	static int fn(const T *row, void *o)                                   \
	{                                                                      \
		return out_row(o, row);                                        \
	}

/*
 * The heading of a column for a person: its translation (the table
 * form's upper-case heading), else the name as written.  Free it.
 */
char *out_heading(const char *col);

/*
 * Characters that are not plain text, as text_class sees the one at s
 * (its code point in *uc, its length in bytes in *len).  TEXT_CONTROL is
 * a C0 control other than tab, LF and CR, DEL or a C1 control;
 * TEXT_SEPARATOR is U+2028 or U+2029; TEXT_BIDI an embedding, override
 * or isolate (U+202A-U+202E, U+2066-U+2069); TEXT_INVALID a byte that
 * does not begin a UTF-8 character.
 */
enum {
	TEXT_PLAIN,
	TEXT_TAB,
	TEXT_LF,
	TEXT_CR,
	TEXT_CONTROL,
	TEXT_SEPARATOR,
	TEXT_BIDI,
	TEXT_INVALID
};
int text_class(const char *s, unsigned int *uc, size_t *len);
/*
 * Appends s as people see it, on one line: tabs and line breaks become
 * spaces, a C0 control its Unicode picture (ESC U+241B), DEL U+2421,
 * and C1 controls, bidirectional controls and invalid bytes U+FFFD.
 */
void text_show(struct buf *, const char *s);
/*
 * Appends s for a program: control and bidirectional characters as
 * \u and four hex digits (ESC \u001b), invalid bytes as \ufffd; tab
 * and line breaks as they are.
 */
void text_escape(struct buf *, const char *s);
/* s itself when nothing needs either treatment, else b->s with s shown
 * (people) or escaped (!people) in it. */
const char *text_safe(struct buf *b, const char *s, int people);

/* Writes s as people see it (text_show). */
void out_show(FILE *, const char *s);

/* JSON string literal with escapes; null for NULL. */
void json_put_str(FILE *, const char *);
/* sep, then the member "key": s of a JSON object (json_put_str). */
void json_member(FILE *, const char *sep, const char *key, const char *s);
/* The n members kv[i][0]: kv[i][1], each after sep (json_member). */
void json_members(FILE *, const char *sep, const char *const (*kv)[2],
                  size_t n);
/* Pads s with spaces to width display columns (left aligned). */
void out_pad(FILE *, const char *s, size_t width);

/*
 * Flushes stdout and checks it for write errors (full disk, closed pipe),
 * reporting them; returns KAM_OK or KAM_IO.
 */
int out_finish_stdout(void);

#endif
