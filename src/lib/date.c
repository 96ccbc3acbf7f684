/*
 * Dates and timestamps.  kam keeps dates as ISO 8601 text, which sorts
 * correctly in SQL; this module checks them and does day arithmetic.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

static int
date_split(const char *s, long *y, int *m, int *d)
{
	if (strlen(s) < 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	     (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return 0;
	return 1;
}

int
date_valid(const char *s)
{
	long y;
	int m, d;

	return s != NULL && strlen(s) == 10 && date_split(s, &y, &m, &d);
}

/* Days from civil, after the well-known era-based algorithm. */
long
date_days(const char *s)
{
	long y, era, yoe, doy, doe;
	int m, d;

	if (!date_split(s, &y, &m, &d))
		return 0;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_from_days(long z, char *out)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	char tmp[64];

	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int
stamp_parse(const char *s, char *out)
{
	size_t n;
	int hh, mm, ss;

	if (s == NULL)
		return 0;
	n = strlen(s);
	if (n == 10 && date_valid(s)) {
		memcpy(out, s, 10);
		memcpy(out + 10, "T23:59:59Z", 11);
		return 1;
	}
	if ((n != 20 && n != 19) || s[10] != 'T' || !digits(s + 11, 2) ||
	    s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' ||
	    !digits(s + 17, 2) || (n == 20 && s[19] != 'Z'))
		return 0;
	{
		char day[KAM_DATE_LEN];

		memcpy(day, s, 10);
		day[10] = '\0';
		if (!date_valid(day))
			return 0;
	}
	hh = (s[11] - '0') * 10 + (s[12] - '0');
	mm = (s[14] - '0') * 10 + (s[15] - '0');
	ss = (s[17] - '0') * 10 + (s[18] - '0');
	if (hh > 23 || mm > 59 || ss > 59)
		return 0;
	memcpy(out, s, 19);
	out[19] = 'Z';
	out[20] = '\0';
	return 1;
}

int
date_out_of_range(const char *s)
{
	size_t n = 0, zeros = 0;
	int neg = *s == '-';

	s += neg;
	while (isdigit((unsigned char)s[n])) {
		if (s[n] == '0' && zeros == n)
			zeros++;
		n++;
	}
	/* A year before "-MM-DD": negative, zero, or of five digits or
	 * more. */
	if (n < (neg ? 1 : 4) || s[n] != '-' || !digits(s + n + 1, 2) ||
	    s[n + 3] != '-' || !digits(s + n + 4, 2))
		return 0;
	return neg || zeros == n || n - zeros > 4;
}

int
date_range_error(const char *where, const char *opt, const char *s)
{
	const char *w = where ? where : "", *sep = where ? ": " : "";

	if (opt != NULL)
		return kam_err(
		    KAM_DATA,
		    _("%s%sdate '%s' for %s is outside the dates kam "
		      "keeps (%s to %s)"),
		    w, sep, s, opt, DATE_MIN, DATE_MAX);
	return kam_err(KAM_DATA,
	               _("%s%sdate '%s' is outside the dates kam keeps (%s to "
	                 "%s)"),
	               w, sep, s, DATE_MIN, DATE_MAX);
}

void
period_start(struct period *p, const char *day, int quarter)
{
	p->y = atoi(day);
	p->m = atoi(day + 5);
	p->len = quarter ? 3 : 1;
	if (quarter)
		p->m = (p->m - 1) / 3 * 3 + 1;
}

int
period_next(struct period *p)
{
	if (p->y == 9999 && p->m + p->len > 12)
		return 0;
	p->m += p->len;
	if (p->m > 12) {
		p->m -= 12;
		p->y++;
	}
	return 1;
}

void
period_back(struct period *p, int months)
{
	p->m -= months;
	while (p->m < 1) {
		p->m += 12;
		p->y--;
	}
	if (p->y < 1) {
		p->y = 1;
		p->m = 1;
	}
}

static void
put_date(char *out, int y, int m, int d)
{
	char tmp[48];

	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, KAM_DATE_LEN - 1);
	out[KAM_DATE_LEN - 1] = '\0';
}

void
period_first(const struct period *p, char *out)
{
	put_date(out, p->y, p->m, 1);
}

void
period_last(const struct period *p, char *out)
{
	int m = p->m + p->len - 1;

	put_date(out, p->y, m, month_days(p->y, m));
}

void
period_label(const struct period *p, char *out)
{
	char tmp[48];

	if (p->len == 3)
		snprintf(tmp, sizeof tmp, "%04d-Q%d", p->y, (p->m - 1) / 3 + 1);
	else
		snprintf(tmp, sizeof tmp, "%04d-%02d", p->y, p->m);
	memcpy(out, tmp, 8);
	out[8] = '\0';
}

int
date_error(const char *where, const char *opt, const char *s)
{
	const char *pre = where ? where : "", *sep = where ? ": " : "";
	int real = strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	           strspn(s, "0123456789-") == 10;

	if (date_out_of_range(s))
		return date_range_error(where, opt, s);
	if (opt != NULL)
		return kam_err(KAM_DATA,
		               real ? _("%s%simpossible date '%s' for %s")
		                    : _("%s%smalformed date '%s' for %s (use "
		                        "YYYY-MM-DD)"),
		               pre, sep, s, opt);
	return kam_err(KAM_DATA,
	               real ? _("%s%simpossible date '%s'")
	                    : _("%s%smalformed date '%s' (use YYYY-MM-DD)"),
	               pre, sep, s);
}

int
date_check(const char *where, const char *opt, const char *s)
{
	return date_valid(s) ? KAM_OK : date_error(where, opt, s);
}

int
date_check_past(const char *where, const char *opt, const char *s)
{
	char today[KAM_DATE_LEN];
	int rc;

	if ((rc = date_check(where, opt, s)) != KAM_OK)
		return rc;
	kam_today(today);
	if (strcmp(s, today) <= 0)
		return KAM_OK;
	if (where != NULL && opt != NULL)
		return kam_err(
		    KAM_DATA,
		    _("%s: date '%s' for %s is in the future (today is %s)"),
		    where, s, opt, today);
	if (where != NULL)
		return kam_err(
		    KAM_DATA, _("%s: date '%s' is in the future (today is %s)"),
		    where, s, today);
	return kam_err(KAM_DATA,
	               _("date '%s' for %s is in the future (today is %s)"), s,
	               opt, today);
}

int
date_span_parse(const char *s, struct date_span *sp)
{
	size_t len = s != NULL ? strlen(s) : 0;
	long n = 0;
	size_t i;

	if (len < 2 || len > 6 || !digits(s, len - 1) || s[0] == '0')
		return 0;
	for (i = 0; i + 1 < len; i++)
		n = n * 10 + (s[i] - '0');
	if (n > 36500 ||
	    (s[len - 1] != 'd' && s[len - 1] != 'w' && s[len - 1] != 'm'))
		return 0;
	sp->n = n;
	sp->unit = s[len - 1];
	return 1;
}

void
date_span_before(const char *day, const struct date_span *sp, char *out)
{
	long y, back;
	int m, d;

	if (sp->unit != 'm') {
		back = date_days(day) - sp->n * (sp->unit == 'w' ? 7 : 1);
		if (back < date_days(DATE_MIN))
			back = date_days(DATE_MIN);
		date_from_days(back, out);
		return;
	}
	date_split(day, &y, &m, &d);
	back = y * 12 + (m - 1) - sp->n;
	if (back < 12) {
		memcpy(out, DATE_MIN, KAM_DATE_LEN);
		return;
	}
	y = back / 12;
	m = (int)(back % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	put_date(out, (int)y, m, d);
}
