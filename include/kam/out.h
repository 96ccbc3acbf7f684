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
/* Pads s with spaces to width display columns (left aligned). */
void out_pad(FILE *, const char *s, size_t width);

/*
 * Flushes stdout and checks it for write errors (full disk, closed pipe),
 * reporting them; returns KAM_OK or KAM_IO.
 */
int out_finish_stdout(void);

#endif
