/*
 * Input: dates, handles, vocabularies of the method, UTF-8 checks and
 * RFC 4180 CSV reading (through libcsv).  Knows nothing of the store.
 * May be included by any file.
 */
#ifndef KAM_INPUT_H
#define KAM_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Dates: YYYY-MM-DD, a real day of the Gregorian calendar. */
int date_valid(const char *);
/* Days since 1970-01-01 of a valid date. */
long date_days(const char *);
/* Writes the date n days since 1970-01-01 into buf (KAM_DATE_LEN). */
void date_from_days(long, char *);
/*
 * Reports s, not a valid date, as outside the range, malformed or
 * impossible (one code, KAM_DATA, returned), after "WHERE: " (an
 * import's FILE:LINE) or for the option opt, either may be NULL.
 */
int date_error(const char *where, const char *opt, const char *s);
/*
 * The one check of a date every command makes, with the one message for
 * each fault (where and opt as for date_error): date_check wants a real
 * day; date_check_past also refuses a day after today (kam_today), for
 * a day something held from or a day to look back on (--on of a stance
 * or a change, --as-of).  KAM_OK, or KAM_DATA reported.
 */
int date_check(const char *where, const char *opt, const char *s);
int date_check_past(const char *where, const char *opt, const char *s);
/*
 * kam keeps the days of years 1 to 9999.  date_out_of_range tells a date
 * or timestamp written with a year outside them (0000, 10000, -1);
 * date_range_error reports it, with the one message every command uses.
 */
#define DATE_MIN "0001-01-01"
#define DATE_MAX "9999-12-31"
int date_out_of_range(const char *);
int date_range_error(const char *where, const char *opt, const char *s);

/*
 * Months and quarters, for reports by period.  period_start sets p to
 * the period holding day; period_next steps to the next period and
 * returns 0 when there is none (after 9999-12).  period_first and
 * period_last write its first and last days (KAM_DATE_LEN), period_label
 * YYYY-MM or YYYY-Qn (at least 9 bytes).
 */
struct period {
	int y, m, len; /* first month and length in months */
};
void period_start(struct period *, const char *day, int quarter);
int period_next(struct period *);
void period_first(const struct period *, char *);
void period_last(const struct period *, char *);
void period_label(const struct period *, char *);
/* A period n months before p's first (never before 0001-01). */
void period_back(struct period *, int months);
/*
 * A length of time as written on a command line: a whole number from 1
 * to 36500 followed by d (days), w (weeks) or m (calendar months), as
 * "90d", "12w", "3m".  Returns 0 when s is not one.
 */
struct date_span {
	long n;
	char unit; /* 'd', 'w' or 'm' */
};
int date_span_parse(const char *s, struct date_span *);
/*
 * The day span before day (valid), into out (KAM_DATE_LEN): n days, 7n
 * days, or n calendar months back to the same day of the month (the last
 * day of a shorter month: 3m before 2026-05-31 is 2026-02-28); never
 * before 0001-01-01.
 */
void date_span_before(const char *day, const struct date_span *, char *out);

/*
 * Timestamps: YYYY-MM-DDTHH:MM:SSZ, or a date meaning the end of that day.
 * Normalises into out (KAM_STAMP_LEN); returns 0 if invalid.
 */
int stamp_parse(const char *, char *);

/*
 * Handles: 1 to HANDLE_MAX characters, letters and digits of any script
 * (combining marks after the first), '.', '_' and '-', beginning with a
 * letter or digit, in Unicode normalisation form C (NFC).  Handles sort
 * by the bytes of their UTF-8, in every locale.  handle_nfc returns the
 * NFC form of a UTF-8 string (a new string), or NULL if s is not UTF-8:
 * what a user types is normalised before it is checked or looked up.
 */
#define HANDLE_MAX 64
int handle_valid(const char *);
char *handle_nfc(const char *);
/* Whether what was typed is a handle once normalised. */
int handle_ok(const char *);
/*
 * An ASCII handle made from a name (an import's row without a handle):
 * the name transliterated to ASCII by iconv's //TRANSLIT in the C.UTF-8
 * locale, whatever the user's ("María José García" -> "maria.jose.garcia",
 * "Søren Ødegård" -> "soren.odegard"), lower case, apostrophes dropped,
 * every other run of what is not a letter or digit one '.', at most
 * HANDLE_FOLD_MAX characters.  Returns 0, out empty, when nothing of the
 * name folds to a letter or digit (a name in Chinese, say).
 */
#define HANDLE_FOLD_MAX (HANDLE_MAX - 8)
int handle_fold(const char *name, char out[HANDLE_FOLD_MAX + 1]);

/*
 * A hash index of handles (any strings) to ids (hindex.c), one probe a
 * lookup: the importers' and the reporting tree's.  With copy set, the
 * index keeps a copy of each key; without, each key must outlive it.
 * hindex_put returns 0, changing nothing, for a key it holds already;
 * hindex_reserve makes room for n keys in all at once.  hindex_nearest
 * is the key nearest to k for "did you mean", or NULL.
 */
struct hindex {
	char **keys;
	int64_t *vals;
	size_t cap, n;
	int copy;
};
void hindex_init(struct hindex *, int copy);
int hindex_get(const struct hindex *, const char *k, int64_t *val);
int hindex_put(struct hindex *, const char *k, int64_t val);
void hindex_reserve(struct hindex *, size_t n);
const char *hindex_nearest(const struct hindex *, const char *k);
void hindex_free(struct hindex *);

/*
 * A reference ACCOUNT/HANDLE or HANDLE.  Splits ref, using dflt_account
 * for a bare handle, and normalises both (NFC).  Returns 0 when ref is
 * malformed or no account is known; the caller reports.  The strings
 * point into buf.
 */
struct ref {
	char buf[2 * (4 * HANDLE_MAX + 1)];
	const char *account;
	const char *handle;
};
int ref_parse(struct ref *, const char *ref, const char *dflt_account);

/*
 * What a text field may hold, checked wherever text comes in (options,
 * imported files).  A line of text (a name, title, department, industry,
 * currency, question, map title) is UTF-8 without control characters
 * (C0, DEL, C1), line or paragraph separators (U+2028, U+2029) or
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069).  Free text (a note, source, reason or evidence) may
 * also hold tabs and line breaks: LF, CR LF, CR, U+2028 and U+2029.
 */
enum text_kind { TEXT_LINE, TEXT_FREE };
/* 0 if s may be held, -1 if it is not UTF-8, else the first code point
 * it may not hold. */
long text_refused(const char *s, enum text_kind);
/*
 * Reports a text that may not be held, as "WHERE: FIELD contains control
 * character U+001B" (WHERE may be NULL), and returns KAM_DATA; KAM_OK
 * for a text that may (or NULL).
 */
int text_check(const char *where, const char *field, const char *s,
               enum text_kind);

/* UTF-8 validity of a NUL-terminated string. */
int utf8_valid(const char *);
/* Display width in terminal columns (CJK wide characters count two). */
size_t utf8_width(const char *);
/* s, or when wider than width columns its start and "…", width
 * columns at most: a new string. */
char *utf8_cut(const char *s, size_t width);

/*
 * The method's vocabularies, one table (vocab.c): each kind's canonical
 * English words in the method's order, which the store keeps and TSV,
 * CSV and JSON print.  The method's Chinese words are accepted as input
 * too (支持 support, 决策者 and 决策人 decision-maker, 高 high, 是 yes,
 * ...: the table of kam(7)), and a stance may be written +, 0 or -.
 * Every parser, printer and rule takes its words from here; the schema's
 * CHECK constraints hold the same words (check_vocab proves it).
 */
enum vocab_kind {
	VOCAB_STANCE,    /* support, neutral, oppose */
	VOCAB_ROLE,      /* decision-maker, technical, ... gatekeeper */
	VOCAB_LINK_KIND, /* influences, advises, allies, rivals */
	VOCAB_INFLUENCE, /* high, medium, low */
	VOCAB_ANSWER,    /* yes, partly, no, unknown */
	VOCAB_NKINDS
};
struct vocab {
	const char *name;           /* what messages call a word: "link kind" */
	const char *const *words;   /* NULL-terminated */
	const char *table, *column; /* where the store keeps them */
};
extern const struct vocab vocab_table[VOCAB_NKINDS];
/* The canonical word that what was typed names, in English or in the
 * method's own words (and a stance as + 0 -), or NULL. */
const char *vocab_word(enum vocab_kind, const char *typed);
/* A canonical word's place in its list (0 first), or -1. */
int vocab_rank(enum vocab_kind, const char *word);
/*
 * Reports typed as "[WHERE: ]unknown KIND 'typed' (use a, b or c)" and
 * returns KAM_DATA: the one message for a word outside a vocabulary.
 */
int vocab_refused(const char *where, enum vocab_kind, const char *typed);
/* The untranslated format of that message (one %s, the word typed). */
const char *vocab_refusal(enum vocab_kind);
/* The words a user may type, "a, b or c" (a new string). */
char *vocab_choices(enum vocab_kind);
/* support 1, neutral 0, oppose -1 (0 for any other); and back (NULL). */
int vocab_stance_sign(const char *word);
const char *vocab_stance_of_sign(int);
/* high 3, medium 2, low 1 (1 for any other). */
int vocab_influence_weight(const char *word);

/* The canonical words, in the method's order; NULL-terminated. */
extern const char *const vocab_stances[];
extern const char *const vocab_roles[];
extern const char *const vocab_link_kinds[];
extern const char *const vocab_influences[];
extern const char *const vocab_answers[];
/* A stance's signs, in its words' order: + 0 - (stance_symbol). */
extern const char *const vocab_stance_signs[];
/*
 * A canonical word as a person reads it in the user's language (support
 * is 支持 under zh_CN); any other text unchanged.  Never for TSV, CSV or
 * JSON, which keep the canonical word.
 */
const char *vocab_label(const char *);

/* Parses a whole decimal integer in [lo, hi]; returns 0 if not. */
int parse_int(const char *, long lo, long hi, long *);

/*
 * CSV reading.  Rows come one at a time with the line they begin on
 * (lines end with LF, CRLF or a lone CR); a UTF-8 BOM is skipped, quoted
 * newlines are handled, every field is checked to be UTF-8 without NUL
 * bytes, and once csv_header has read the header every row must have as
 * many fields as it.  Standard input ("-") is called <stdin>.  Errors
 * are reported as "FILE:LINE: ..." through kam_err; csv_open returns NULL
 * (its status in *status) and csv_next -1 (its status from csv_status:
 * KAM_DATA, or KAM_IO for a read error).
 */
struct csv_in;
struct csv_in *csv_open(const char *path, int *status);
/* Reads an open stream, called name in messages; csv_close closes it
 * (unless it is stdin). */
struct csv_in *csv_fopen(FILE *, const char *name);
/* Returns 1 with a row, 0 at the end, -1 on error. */
int csv_next(struct csv_in *, char ***fields, size_t *nfields, long *line);
/* The status of csv_next's last error. */
int csv_status(const struct csv_in *);
/* The name messages use: the path, or <stdin>. */
const char *csv_path(const struct csv_in *);
void csv_close(struct csv_in *);

/*
 * Maps a header row onto the columns a reader knows.  cols is a
 * NULL-terminated list; idx[i] becomes the field index of cols[i], or -1.
 * An unknown or repeated column is an error naming it; so is a missing
 * column among the first nrequired.  Later rows must have n fields.
 */
int csv_header(struct csv_in *, char **fields, size_t n, long line,
               const char *const *cols, size_t nrequired, int *idx);
/* The same; lax: columns not in cols are ignored (a file from another
 * tool, read through a column map). */
int csv_header_lax(struct csv_in *, char **fields, size_t n, long line,
                   const char *const *cols, size_t nrequired, int *idx,
                   int lax);

/* Writes one CSV field (quoted when needed) or a row separator. */
void csv_put(FILE *, const char *field, int first);
void csv_endrow(FILE *);
/* Writes a whole row: the n fields of cols (NULL: empty), then its end. */
void csv_put_row(FILE *, const char *const *cols, size_t n);

#endif
