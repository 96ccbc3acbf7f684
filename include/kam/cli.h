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
};
#define CLI_MANY 1000

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
 * The formats a verb can write, as CLI_FMT bits, declared with
 * cli_formats before its first cli_getopt; without it, every format of
 * rows (table, tsv, csv, json).  cli_getopt refuses -F naming another
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
 * The codes of the long options that have no short one, for
 * cli_getopt's option tables: one list for every command.
 */
enum cli_long_opt {
	OPT_ALL = 256,
	OPT_ASSUME_ANSWER,
	OPT_ASSUME_STANCE,
	OPT_AS_OF,
	OPT_BY,
	OPT_CONTEXT,
	OPT_DATE,
	OPT_DAYS_BEFORE,
	OPT_DEAL,
	OPT_DEPTH,
	OPT_DRY_RUN,
	OPT_EVIDENCE,
	OPT_EXIT_STATUS,
	OPT_EXT_ID,
	OPT_FIT,
	OPT_FOCUS,
	OPT_FONT,
	OPT_FROM,
	OPT_GAP,
	OPT_GATE,
	OPT_HIDE_LEFT,
	OPT_KNOWN_AT,
	OPT_LAYOUT,
	OPT_LINKS,
	OPT_MAX_LANES,
	OPT_MAX_LINKS,
	OPT_MIN_STRENGTH,
	OPT_MUST,
	OPT_NOTE,
	OPT_NO_LEGEND,
	OPT_NO_MUST,
	OPT_OLDER_THAN,
	OPT_ON,
	OPT_OWNER,
	OPT_PROFILE,
	OPT_QUESTION,
	OPT_RANKDIR,
	OPT_RESET,
	OPT_SINCE,
	OPT_SIZE_BY,
	OPT_SOURCE,
	OPT_TITLE,
	OPT_TO,
	OPT_TOWARD,
	OPT_UNTIL,
	OPT_VIEW,
	OPT_WEIGHT,
	OPT_WHY,
};

/*
 * getopt_long over the verb's options plus the common ones, which it
 * handles itself.  Returns the verb's option characters, '?' on a usage
 * error (already reported), -1 at the end.  optind then indexes the
 * first operand.
 */
int cli_getopt(struct kam_ctx *, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

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

/* An output writer on stdout in the chosen format. */
struct out *cli_out(struct kam_ctx *, int flags, const char *const *cols);
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
