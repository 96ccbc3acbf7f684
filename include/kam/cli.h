/*
 * The command-line frame shared by the kam-* commands: a command is a
 * table of verbs; common options (-d, -a, -F, -h, -V) are understood
 * everywhere; the store is opened once a verb has checked its arguments.
 * May be included by src/kam-*.c, cli.c and its unit test only.
 */
#ifndef KAM_CLI_H
#define KAM_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "kam/out.h"

struct store;

/* The subject of a verb, resolved once (see struct kam_verb). */
struct cli_subject {
	const char *arg; /* the operand, or -a's account, or NULL */
	int given;       /* whether arg is the first operand */
	int64_t account; /* the account, also a deal's */
	int64_t deal;
	int64_t person;
};

struct kam_ctx {
	const struct kam_cmd *cmd;
	const struct kam_verb *verb;
	const char *db;      /* -d/--db, else NULL */
	const char *account; /* -a/--account, else $KAM_ACCOUNT, else NULL */
	enum out_format fmt; /* resolved: table on a terminal, else TSV */
	int fmt_given;
	int formats;              /* see cli_formats */
	enum out_format fmt_dflt; /* see cli_formats */
	struct store *st;         /* after cli_open */
	/* The operands, once cli_getopt has returned -1. */
	int argc;
	char **argv;
	struct cli_subject subj; /* after cli_subject */
	/* The values of the verb's declared options (struct cli_opt). */
	void *opts;
};

/*
 * What a verb needs, declared in its row of the table; the frame does the
 * rest (the pattern of tmux's cmd_entry and git's commands[]).
 *
 * Operands: at least min and at most max (CLI_MANY: no limit), checked
 * by cli_getopt when the options end, with one message for each fault:
 * "missing NAME" (NAME from the usage) or "unexpected 'ARG'".
 *
 * Subject: what the first operand names, resolved by cli_subject into
 * ctx->subj with the one message of each fault (unknown account, deal or
 * person, with a suggestion):
 *   CLI_NOSUBJ    nothing to resolve (or the verb resolves what it takes)
 *   CLI_ACCOUNT   an account
 *   CLI_DEAL      a deal: ACCOUNT/DEAL, or DEAL of -a's account
 *   CLI_PERSON    a person: ACCOUNT/PERSON, or PERSON of -a's account
 *   CLI_SCOPE     an account or ACCOUNT/DEAL; a bare word is an account
 *                 when one has that handle, else a deal of -a's account
 *   CLI_ACCOUNT_PERSON  an account or ACCOUNT/PERSON, read the same way
 * or'ed with
 *   CLI_OPTIONAL  the operand may be left out (it is there when more
 *                 than min operands are): then -a's account, and with
 *                 neither, "no account given" as a usage error
 *   CLI_ALL       ... or, with neither, everything (ids 0)
 *
 * Store: how cli_subject opens it: CLI_NOSTORE, CLI_READ, CLI_WRITE or
 * CLI_CREATE, or'ed with CLI_TEAM when the verb runs on a team store
 * (PostgreSQL); without it, cli_open refuses a team store, naming the
 * verb (exit KAM_NOTBUILT).  kam(7), THE TEAM STORE, lists the verbs
 * that have it.
 */
struct kam_verb {
	const char *name;  /* one or two words: "person add" */
	const char *usage; /* the synopsis after the command name */
	const char *summary;
	int (*exec)(struct kam_ctx *, int argc, char **argv);
	int min, max;
	int subject;
	int store;
	/* Its options (struct cli_opt), CLI_OPTS(table, struct), or none. */
	const struct cli_opt *opts;
	size_t opts_size;
	/* The formats it writes (see cli_formats), 0 for those of rows. */
	int formats;
	enum out_format fmt_dflt;
	/* What a verb whose function is cli_listing lists (CLI_LISTS). */
	const struct cli_listing *listing;
};
#define CLI_MANY 1000

/*
 * A verb that only lists rows of its subject and has no options: its
 * function is cli_listing, and its row ends with CLI_LISTS(flags, cols,
 * list) instead of CLI_NO_OPTS.  cli_listing resolves the subject
 * (cli_subject) and hands a writer of cols, opened with flags, to list
 * (cli_list).
 */
struct cli_listing {
	int flags;
	const struct out_col *cols;
	int (*list)(struct kam_ctx *, struct out *, void *);
};
int cli_listing(struct kam_ctx *, int argc, char **argv);

/*
 * A verb's option, declared in a table that ends with a NULL name: the
 * frame builds getopt's tables from it, runs the loop before the verb's
 * function, checks each value once as its kind says, and hands the
 * values to the function in ctx->opts, a struct of the verb's own that
 * each option fills at its offset (offsetof).  A usage error (an
 * unknown option, a value missing, a required option left out) prints
 * the verb's usage, exit KAM_USAGE; a bad value its kind's message.
 *
 * An option named by its letter alone ("o") has no long form.  The
 * value of an option given twice is the last.  After the options
 * end and the operands are counted, the required options are checked,
 * then the values, in the table's order.
 *
 *   CLI_STR     const char *: the value as given
 *   CLI_TEXT    const char *: one line of text (text_check, TEXT_LINE)
 *   CLI_FREE    const char *: free text (text_check, TEXT_FREE)
 *   CLI_DATE    const char *: a real day (date_check)
 *   CLI_PAST    const char *: a real day, not after today
 *               (date_check_past)
 *   CLI_INT     long: a whole number from min to max, or word (when
 *               set) for 0, else msg (with a %s for the value) and exit
 *               status (KAM_DATA when 0); dflt when not given
 *   CLI_VOCAB   const char *: the canonical word of the vocabulary
 *               vocab (enum vocab_kind), else vocab_refused's message
 *   CLI_SPAN    struct date_span: a length of time (date_span_parse),
 *               else msg (with a %s for the value), exit KAM_DATA;
 *               its n 0 when not given
 *   CLI_CALL    whatever parse makes of the value at the offset; parse
 *               reports its fault and returns a kam status
 *   CLI_WORD    const char *: set to word when given (--no-reports-to
 *               sets "" where --reports-to sets its value)
 *   CLI_SET     int: set to max when given (dflt before)
 *   CLI_COUNT   int: one more each time it is given
 *   CLI_LIST    struct cli_list: every value, in order, and a NULL; at
 *               most max (when not 0), else msg as a usage error;
 *               each, as it comes, checked by parse (dst NULL) when
 *               it is set; with also (an offset, not 0), each value
 *               also goes to the struct cli_list there, which several
 *               options may share: every value of them, in their order
 *   CLI_REFUSE  no value: refused with msg (a %s for the option's
 *               name) as a usage error, or without msg the usage
 *               alone; an option of a sibling verb
 *
 * Options that set one value (the same off; not lists nor counts) are
 * alternatives: giving two of them is refused as a usage error, "--A and
 * --B exclude each other"; one option given twice keeps its last value.
 *
 * required, when set, makes the option required: its message, as a
 * usage error.  empty says what an empty value of a string kind is:
 * CLI_EMPTY_REFUSED "--NAME is empty" (exit KAM_DATA), CLI_EMPTY_MISSING
 * as if the option were not given (for a required one); 0 a value.
 */
struct cli_opt {
	const char *name; /* the long option, without "--"; or the letter */
	char letter;      /* the short one, or 0 */
	char kind;
	size_t off; /* where its value goes in the verb's options */
	long min, max;
	const char *msg;
	int status;
	long dflt;
	const char *required;
	int (*parse)(const char *arg, void *dst);
	const char *word; /* CLI_INT's word for 0; CLI_WORD's value */
	int empty;
	size_t also;
	int vocab;
};
/* The options a verb may declare; more abort the frame (a mistake). */
#define CLI_OPTS_MAX      48
#define CLI_EMPTY_REFUSED 1
#define CLI_EMPTY_MISSING 2
enum cli_opt_kind {
	CLI_STR = 1,
	CLI_TEXT,
	CLI_FREE,
	CLI_DATE,
	CLI_PAST,
	CLI_INT,
	CLI_VOCAB,
	CLI_SPAN,
	CLI_CALL,
	CLI_WORD,
	CLI_SET,
	CLI_COUNT,
	CLI_LIST,
	CLI_REFUSE,
};
/* The values of a CLI_LIST option. */
struct cli_list {
	const char **v; /* n values, then NULL; NULL when none */
	size_t n;
};
/*
 * The end of a verb's row: its options' table and the struct their
 * values go in; CLI_OPTS_FMT with the formats it writes (cli_formats);
 * CLI_NO_OPTS for a verb without options of its own.
 */
#define CLI_OPTS(table, type)              table, sizeof(type), 0, OUT_TABLE, NULL
#define CLI_OPTS_FMT(table, type, fmts, d) table, sizeof(type), fmts, d, NULL
#define CLI_NO_OPTS                        cli_no_opts, 0, 0, OUT_TABLE, NULL
#define CLI_NO_OPTS_FMT(fmts, d)           cli_no_opts, 0, fmts, d, NULL
/* The end of the row of a verb that only lists (cli_listing). */
#define CLI_LISTS(flags, cols, list)                                           \
	cli_no_opts, 0, 0, OUT_TABLE, &(const struct cli_listing)              \
	{                                                                      \
		flags, cols, list                                              \
	}
/* -o FILE and -T FORMAT of a verb that draws, into type's out and fmt. */
#define CLI_DRAW_OPTS(type, out, fmt)                                          \
	{.name = "o", .letter = 'o', .kind = CLI_STR, CLI_AT(type, out)},      \
	{                                                                      \
		.name = "T", .letter = 'T', .kind = CLI_STR, CLI_AT(type, fmt) \
	}
/*
 * A limit: a whole number from 1 to most, or all (0); -1 when not given;
 * message (with a %s for the value) as a usage error.
 */
#define CLI_LIMIT_OPT(nm, at, most, message)                                   \
	{                                                                      \
		.name = nm, .kind = CLI_INT, at, .min = 1, .max = most,        \
		.dflt = -1, .word = "all", .status = KAM_USAGE, .msg = message \
	}
/* A field of an option's entry: where its value goes. */
#define CLI_AT(type, field) .off = offsetof(type, field)
/* The options of a verb that has none of its own. */
extern const struct cli_opt cli_no_opts[];

#define CLI_NOSUBJ         0
#define CLI_ACCOUNT        1
#define CLI_DEAL           2
#define CLI_PERSON         3
#define CLI_SCOPE          4
#define CLI_ACCOUNT_PERSON 5
#define CLI_KIND           0xff
#define CLI_OPTIONAL       0x100
#define CLI_ALL            0x200

/*
 * The formats a verb can write, as CLI_FMT bits, declared in its row
 * (CLI_OPTS_FMT), which the frame hands to cli_formats before reading
 * its options; without them, every format of rows (table, tsv, csv,
 * json).  cli_getopt refuses -F naming another
 * as a usage error, and when the usual default (table on a terminal,
 * else tsv) is not among them, dflt is the default.
 */
void cli_formats(struct kam_ctx *, int formats, enum out_format dflt);
#define CLI_FMT(f) (1 << (f))
#define CLI_FMT_ROWS                                                           \
	(CLI_FMT(OUT_TABLE) | CLI_FMT(OUT_TSV) | CLI_FMT(OUT_CSV) |            \
	 CLI_FMT(OUT_JSON))

struct kam_cmd {
	const char *name;             /* kam-org */
	const char *summary;          /* one line */
	const struct kam_verb *verbs; /* ends with a NULL name */
	/* When set, the command has no verbs: exec is called directly. */
	const struct kam_verb *single;
};

/*
 * The options before a verb, the same for kam and each command:
 * -a, -d, -F, -h, -V (short options "+:a:d:F:hV").
 */
extern const struct option cli_top_long[];

/* The whole of main for a kam command. */
int cli_main(const struct kam_cmd *, int argc, char **argv);

/*
 * getopt_long over the verb's options plus the common ones, which it
 * handles itself: the loop cli_options runs over a verb's declared
 * options.  Returns the verb's option codes, '?' on a usage error
 * (already reported), -1 at the end.  optind then indexes the first
 * operand.
 */
int cli_getopt(struct kam_ctx *, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/*
 * Reads the options the verb declares (struct cli_opt) from argv into
 * a new ctx->opts, and checks them; a kam status, the fault reported
 * (a usage error with the usage).  optind then indexes the first
 * operand.  The frame calls it before the verb's function, and
 * cli_options_free after it.
 */
int cli_options(struct kam_ctx *, int argc, char **argv);
void cli_options_free(struct kam_ctx *);

/*
 * Reports the option getopt refused, c being ':' (its value is missing)
 * or '?' (unknown), getopt having run with opterr 0; KAM_USAGE.
 */
int cli_option_refused(int c, char **argv);

/* Prints the verb's usage to stderr and returns KAM_USAGE. */
int cli_usage(struct kam_ctx *);
/* Reports a usage problem ("missing PERSON") with the usage; KAM_USAGE. */
int cli_usage_msg(struct kam_ctx *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Resolves the store path (--db, $KAM_DB, XDG default) into a new string. */
char *cli_db_path(struct kam_ctx *);

/*
 * Opens the store for reading or writing; returns a kam status.  A verb
 * opens it through cli_subject, as its row says; cli_open first is for
 * a verb that may open it for less (kam-gate run --dry-run reads).
 */
#define CLI_READ    0
#define CLI_WRITE   1
#define CLI_CREATE  2
#define CLI_NOSTORE 3
#define CLI_STORE   0x0f /* the mode, without CLI_TEAM */
#define CLI_TEAM    0x10
/* A verb that takes none of the common options after its name (kam copy). */
#define CLI_NOCOMMON 0x20
int cli_open(struct kam_ctx *, int mode);

/*
 * A verb that writes as it goes, for a reader that acts on each line
 * (kam-stance watch), calls this first: what it writes is not held until
 * it ends, as other verbs' output is (a command that fails prints
 * nothing).  Returns KAM_OK, or KAM_IO if what was held cannot be
 * written.
 */
int cli_stream(struct kam_ctx *);

/*
 * Opens the store as the verb's row says (unless it is open) and
 * resolves its subject into ctx->subj; returns a kam status, the fault
 * reported.  Called once the verb has checked its options' values.
 */
int cli_subject(struct kam_ctx *);

/*
 * A person named beside the subject (link's TO, a role's holder, a
 * contact's person, gate run's --assume-stance, kam-map's --focus),
 * resolved as cli_subject resolves one, with the same messages:
 * ACCOUNT/PERSON, or PERSON of the subject's account when the subject
 * is an account or a deal (whatever -a says), else of -a's account
 * (kam(7), ADDRESSING).  Called once the store is open.
 */
int cli_person(struct kam_ctx *, const char *ref, int64_t *id);

/*
 * The name of operand n (from 0) of those a verb requires, from its
 * usage: the words after the verb's name that are neither options, nor
 * their values, nor in brackets.  NULL when there is no such operand.
 * Into buf, of size len.
 */
const char *cli_operand_name(const struct kam_verb *, int n, char *buf,
                             size_t len);
/*
 * Checks the operand count, as cli_getopt does at the end of the options:
 * KAM_OK, or KAM_USAGE with the fault reported (without the usage).
 */
int cli_check_operands(const struct kam_ctx *, int argc, char **argv);

/* A writer of the columns of cols on stdout, in the chosen format. */
struct out *cli_out(struct kam_ctx *, int flags, const struct out_col *cols);
/* The n rows of size bytes at rows, as a table of cols (cli_out). */
void cli_out_rows(struct kam_ctx *, const struct out_col *cols,
                  const void *rows, size_t n, size_t size);
/*
 * A listing: a writer of cols (cli_out) handed to list, which hands each
 * row to out_row (a store's listing with an OUT_ROW_FN), then closed.
 * Returns list's status.
 */
int cli_list(struct kam_ctx *, int flags, const struct out_col *cols,
             int (*list)(struct kam_ctx *, struct out *, void *), void *arg);
/*
 * The last line of an import: "N added, N changed, N left, N unchanged,
 * N skipped", or with -F json one object of those five numbers.
 */
struct import_counts;
void cli_import_summary(struct kam_ctx *, const struct import_counts *);

/*
 * The warning of a chain verified by a seller who sees only some teams
 * (kam-stance verify, kam copy): UNSEEN observations were left out.
 */
void cli_warn_unseen(long long unseen);

/* Shared by the commands' -V. */
void cli_version(const char *name);

#endif
