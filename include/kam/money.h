/*
 * Exact amounts of money, and other decimal numbers read the same way in
 * every locale.  An amount is kept as canonical decimal text (no sign, no
 * leading zeros, no trailing zeros after the point) of at most
 * MONEY_DIGITS significant digits and MONEY_DECIMALS decimals: never as
 * a floating-point number, so that 12345678901234567 stays exactly that
 * in the store and in every output.  Pure; may be included by any
 * file: the commands that take amounts and the rules that weigh them
 * (gate.c) use it.
 */
#ifndef KAM_MONEY_H
#define KAM_MONEY_H

#define MONEY_DIGITS   18
#define MONEY_DECIMALS 4
/* Room for the canonical text of any amount, with its NUL. */
#define MONEY_LEN 24

enum money_status {
	MONEY_OK,
	MONEY_MALFORMED, /* not digits with at most one '.' */
	MONEY_TOO_MANY_DIGITS,
	MONEY_TOO_MANY_DECIMALS
};

/*
 * Reads an amount: digits, optionally a '.' and more digits (".5" is
 * 0.5); no sign, exponent, separator or currency sign.  Trailing zeros
 * after the point do not count as decimals.  Writes the canonical text
 * into out (MONEY_LEN bytes) and returns MONEY_OK, or says what is
 * wrong.
 */
enum money_status money_parse(const char *, char *out);
/* What an amount must be, for messages: "at most 4 decimals". */
const char *money_rule(enum money_status);
/* Orders two canonical amounts: <0, 0, >0. */
int money_cmp(const char *, const char *);
/*
 * percent / 100 of a canonical amount, percent from 0 to 100, rounded
 * half away from zero to the decimals of the amount (so the result never
 * has more digits than the amount).
 */
void money_percent(const char *, int percent, char *out);
/*
 * The sum of two canonical amounts into out (MONEY_LEN; may be one of
 * them), canonical; -1 when it has more than MONEY_DIGITS digits.
 */
int money_add(const char *, const char *, char *out);

/*
 * A decimal number with an optional sign, for settings and gaps: digits
 * with at most one '.', at most 15 significant digits, no exponent.
 * Returns 1 and the value, or 0.
 */
int decimal_parse(const char *, double *);

#endif
