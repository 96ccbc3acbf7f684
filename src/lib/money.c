/*
 * Exact amounts as canonical decimal text, and a decimal reader that
 * ignores the locale (strtod reads "1,5" in a German locale and stops
 * at "1.5").  Digits are handled as characters throughout: no amount is
 * ever a double.
 */
#include <config.h>

#include <string.h>

#include "kam/kam.h"
#include "kam/money.h"

enum money_status
money_parse(const char *s, char *out)
{
	const char *ip, *fp = NULL;
	size_t il, fl = 0, sig, lead = 0;

	if (s == NULL)
		return MONEY_MALFORMED;
	ip = s;
	il = strspn(ip, "0123456789");
	if (ip[il] == '.') {
		fp = ip + il + 1;
		fl = strspn(fp, "0123456789");
		if (fl == 0 || fp[fl] != '\0')
			return MONEY_MALFORMED;
	} else if (ip[il] != '\0' || il == 0)
		return MONEY_MALFORMED;
	/* Leading zeros of the whole part and trailing zeros of the
	 * fraction carry no value. */
	while (il > 0 && *ip == '0') {
		ip++;
		il--;
	}
	while (fl > 0 && fp[fl - 1] == '0')
		fl--;
	if (fl > MONEY_DECIMALS)
		return MONEY_TOO_MANY_DECIMALS;
	if (il > 0)
		sig = il + fl;
	else {
		while (lead < fl && fp[lead] == '0')
			lead++;
		sig = fl - lead;
	}
	if (sig > MONEY_DIGITS)
		return MONEY_TOO_MANY_DIGITS;
	if (il == 0)
		*out++ = '0';
	memcpy(out, ip, il);
	out += il;
	if (fl > 0) {
		*out++ = '.';
		memcpy(out, fp, fl);
		out += fl;
	}
	*out = '\0';
	return MONEY_OK;
}

const char *
money_rule(enum money_status st)
{
	switch (st) {
	case MONEY_TOO_MANY_DIGITS:
		return N_("at most 18 significant digits");
	case MONEY_TOO_MANY_DECIMALS:
		return N_("at most 4 decimals");
	default:
		return N_("a number, no currency sign");
	}
}

/* Splits canonical text into its whole part's length and its fraction. */
static void
split(const char *a, size_t *il, const char **frac)
{
	const char *dot = strchr(a, '.');

	*il = dot ? (size_t)(dot - a) : strlen(a);
	*frac = dot ? dot + 1 : "";
}

int
money_cmp(const char *a, const char *b)
{
	const char *fa, *fb;
	size_t la, lb;
	int c;

	split(a, &la, &fa);
	split(b, &lb, &fb);
	if (la != lb)
		return la < lb ? -1 : 1;
	if ((c = strncmp(a, b, la)) != 0)
		return c;
	for (; *fa || *fb; fa += *fa != 0, fb += *fb != 0) {
		char x = *fa ? *fa : '0', y = *fb ? *fb : '0';

		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

void
money_percent(const char *a, int percent, char *out)
{
	/* The amount as a whole number of its smallest unit, times
	 * percent, plus 50, divided by 100: at most 18 + 3 digits. */
	char d[MONEY_LEN + 4];
	int v[MONEY_LEN + 4], carry = 0;
	const char *frac;
	size_t il, fl, n = 0, i, k, keep;

	split(a, &il, &frac);
	fl = strlen(frac);
	d[n++] = '0';
	d[n++] = '0';
	d[n++] = '0';
	memcpy(d + n, a, il);
	n += il;
	memcpy(d + n, frac, fl);
	n += fl;
	for (i = n; i-- > 0;) {
		int x = (d[i] - '0') * percent + carry;

		v[i] = x % 10;
		carry = x / 10;
	}
	carry = 50;
	for (i = n; i-- > 0 && carry;) {
		int x = v[i] + carry % 10;

		carry /= 10;
		carry += x / 10;
		v[i] = x % 10;
	}
	/* Drop the last two digits (the division by 100), then write the
	 * number with fl decimals, without leading or trailing zeros. */
	keep = n - 2;
	for (k = 0; k + fl + 1 < keep && v[k] == 0; k++)
		;
	for (i = k; i < keep - fl; i++)
		*out++ = (char)('0' + v[i]);
	while (fl > 0 && v[keep - 1] == 0) {
		keep--;
		fl--;
	}
	if (fl > 0) {
		*out++ = '.';
		for (i = keep - fl; i < keep; i++)
			*out++ = (char)('0' + v[i]);
	}
	*out = '\0';
}

int
decimal_parse(const char *s, double *out)
{
	double m = 0, scale = 1;
	size_t digits = 0, lead = 1;
	int neg = 0, dot = 0, any = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			return 0;
		any = 1;
		if (*s != '0')
			lead = 0;
		if (!lead && ++digits > 15)
			return 0;
		m = m * 10 + (*s - '0');
		if (dot)
			scale *= 10;
	}
	if (!any)
		return 0;
	*out = neg ? -(m / scale) : m / scale;
	return 1;
}

int
money_add(const char *a, const char *b, char *out)
{
	/* Both as whole numbers of 10^-MONEY_DECIMALS, digit by digit. */
	char x[2][MONEY_LEN + MONEY_DECIMALS + 2], sum[MONEY_LEN + 8];
	const char *in[2] = {a, b};
	size_t w = MONEY_DIGITS + MONEY_DECIMALS + 1, i, k, lead;
	char text[MONEY_LEN + 8];
	int carry = 0;

	for (k = 0; k < 2; k++) {
		const char *frac;
		size_t il, fl;

		split(in[k], &il, &frac);
		fl = strlen(frac);
		memset(x[k], '0', w);
		memcpy(x[k] + (w - MONEY_DECIMALS - il), in[k], il);
		memcpy(x[k] + (w - MONEY_DECIMALS), frac, fl);
	}
	for (i = w; i-- > 0;) {
		int d = (x[0][i] - '0') + (x[1][i] - '0') + carry;

		sum[i] = (char)('0' + d % 10);
		carry = d / 10;
	}
	sum[w] = '\0';
	/* The integer part, the point, the decimals; then canonical. */
	memcpy(text, sum, w - MONEY_DECIMALS);
	text[w - MONEY_DECIMALS] = '.';
	memcpy(text + w - MONEY_DECIMALS + 1, sum + w - MONEY_DECIMALS,
	       MONEY_DECIMALS + 1);
	for (lead = 0; text[lead] == '0' && text[lead + 1] != '.'; lead++)
		;
	return money_parse(text + lead, out) == MONEY_OK ? 0 : -1;
}
