/*
 * The command-line frame shared by the kam-* commands: a command is a
 * table of verbs; common options (-d, -a, -F, -h, -V) are understood
 * everywhere; the store is opened once a verb has checked its arguments.
 * May be included by src/kam-*.c and cli.c only.
 */
#ifndef KAM_CLI_H
#define KAM_CLI_H

#include <getopt.h>

#include "kam/out.h"

struct store;

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
};

struct kam_verb {
	const char *name;  /* one or two words: "person add" */
	const char *usage; /* the synopsis after the command name */
	const char *summary;
	int (*exec)(struct kam_ctx *, int argc, char **argv);
};

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

/* The whole of main for a kam command. */
int cli_main(const struct kam_cmd *, int argc, char **argv);

/*
 * getopt_long over the verb's options plus the common ones, which it
 * handles itself.  Returns the verb's option characters, '?' on a usage
 * error (already reported), -1 at the end.  optind then indexes the
 * first operand.
 */
int cli_getopt(struct kam_ctx *, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/* Prints the verb's usage to stderr and returns KAM_USAGE. */
int cli_usage(struct kam_ctx *);
/* Reports a usage problem ("missing PERSON") with the usage; KAM_USAGE. */
int cli_usage_msg(struct kam_ctx *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Resolves the store path (--db, $KAM_DB, XDG default) into a new string. */
char *cli_db_path(struct kam_ctx *);

/* Opens the store for reading or writing; returns a kam status. */
#define CLI_READ   0
#define CLI_WRITE  1
#define CLI_CREATE 2
int cli_open(struct kam_ctx *, int mode);

/* An output writer on stdout in the chosen format. */
struct out *cli_out(struct kam_ctx *, int flags, const char *const *cols);

/* Shared by the commands' -V. */
void cli_version(const char *name);

#endif
