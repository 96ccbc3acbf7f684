/*
 * Text that reaches a terminal: which characters a field may hold, and
 * how the ones it may not are shown when they are there anyway (a store
 * written before they were refused, or edited by hand).  Control
 * characters move the cursor, recolour the screen or hide what follows;
 * bidirectional overrides reorder what a reader sees.  None is written
 * to a terminal as it is.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

int
text_class(const char *s, unsigned int *uc, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	ucs4_t c;
	int n;

	*len = 1;
	*uc = *p;
	if (*p < 0x80) {
		switch (*p) {
		case '\t':
			return TEXT_TAB;
		case '\n':
			return TEXT_LF;
		case '\r':
			return TEXT_CR;
		default:
			return *p < 0x20 || *p == 0x7f ? TEXT_CONTROL
			                               : TEXT_PLAIN;
		}
	}
	n = u8_mbtoucr(&c, p, strnlen(s, 4));
	if (n < 0)
		return TEXT_INVALID;
	*len = (size_t)n;
	*uc = c;
	if (c >= 0x80 && c <= 0x9f)
		return TEXT_CONTROL;
	if (c == 0x2028 || c == 0x2029)
		return TEXT_SEPARATOR;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return TEXT_BIDI;
	return TEXT_PLAIN;
}

/* The byte values that may start something other than plain text. */
static int
maybe_special(unsigned char c)
{
	return c < 0x20 || c == 0x7f || c >= 0x80;
}

long
text_refused(const char *s, enum text_kind kind)
{
	unsigned int uc;
	size_t len;

	for (; *s; s += len) {
		if (!maybe_special((unsigned char)*s)) {
			len = 1;
			continue;
		}
		switch (text_class(s, &uc, &len)) {
		case TEXT_PLAIN:
			break;
		case TEXT_INVALID:
			return -1;
		case TEXT_TAB:
		case TEXT_LF:
		case TEXT_CR:
		case TEXT_SEPARATOR:
			/* Line breaks as a file writes them: LF, CR LF, or
			 * CR alone in an old Mac file. */
			if (kind == TEXT_LINE)
				return (long)uc;
			break;
		default:
			return (long)uc;
		}
	}
	return 0;
}

int
text_check(const char *where, const char *field, const char *s,
           enum text_kind kind)
{
	const char *what, *hint = "";
	long c;

	if (s == NULL || (c = text_refused(s, kind)) == 0)
		return KAM_OK;
	if (c < 0)
		return kam_err(KAM_DATA, _("%s%s%s is not valid UTF-8"),
		               where ? where : "", where ? ": " : "", field);
	if (c == 0x2028)
		what = _("line separator");
	else if (c == 0x2029)
		what = _("paragraph separator");
	else if (c >= 0x202a)
		what = _("bidirectional control");
	else
		what = _("control character");
	if (c == '\t')
		hint = _(" (a tab)");
	else if (c == '\n' || c == '\r')
		hint = _(" (a line break)");
	return kam_err(KAM_DATA, _("%s%s%s contains %s U+%04lX%s"),
	               where ? where : "", where ? ": " : "", field, what, c,
	               hint);
}

/*
 * Adds to b the run of plain bytes at the start of s; returns where it
 * ends: the first byte that may need showing or escaping, or the end.
 */
static const char *
plain_run(struct buf *b, const char *s)
{
	const char *run = s;

	while (*s && !maybe_special((unsigned char)*s))
		s++;
	if (s > run)
		buf_add(b, run, (size_t)(s - run));
	return s;
}

void
text_show(struct buf *b, const char *s)
{
	unsigned int uc;
	size_t len;
	char pic[4];

	for (; *s; s += len) {
		if (*(s = plain_run(b, s)) == '\0')
			break;
		switch (text_class(s, &uc, &len)) {
		case TEXT_PLAIN:
			buf_add(b, s, len);
			break;
		case TEXT_TAB:
		case TEXT_LF:
		case TEXT_CR:
		case TEXT_SEPARATOR:
			buf_add(b, " ", 1);
			break;
		case TEXT_CONTROL:
			if (uc < 0x20 || uc == 0x7f) {
				/* The Unicode picture of the control
				 * character: U+2400 + c, DEL U+2421. */
				pic[0] = (char)0xe2;
				pic[1] = (char)0x90;
				pic[2] = (char)(uc == 0x7f ? 0xa1 : 0x80 + uc);
				buf_add(b, pic, 3);
				break;
			}
			/* FALLTHROUGH */
		default:
			buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD */
		}
	}
}

void
text_escape(struct buf *b, const char *s)
{
	unsigned int uc;
	size_t len;

	for (; *s; s += len) {
		if (*(s = plain_run(b, s)) == '\0')
			break;
		switch (text_class(s, &uc, &len)) {
		case TEXT_CONTROL:
		case TEXT_BIDI:
			buf_printf(b, "\\u%04x", uc);
			break;
		case TEXT_INVALID:
			buf_puts(b, "\\ufffd");
			break;
		default:
			buf_add(b, s, len);
		}
	}
}

const char *
text_safe(struct buf *b, const char *s, int people)
{
	const char *p;
	unsigned int uc;
	size_t len;
	int cls;

	/* Most text is plain: find the first character that is not. */
	for (p = s; *p; p += len) {
		len = 1;
		if (!maybe_special((unsigned char)*p))
			continue;
		cls = text_class(p, &uc, &len);
		if (cls == TEXT_PLAIN ||
		    (!people && (cls == TEXT_TAB || cls == TEXT_LF ||
		                 cls == TEXT_CR || cls == TEXT_SEPARATOR)))
			continue;
		break;
	}
	if (*p == '\0')
		return s;
	b->len = 0;
	buf_add(b, "", 0);
	/* Plain up to here: copy it, and look at the rest. */
	buf_add(b, s, (size_t)(p - s));
	if (people)
		text_show(b, p);
	else
		text_escape(b, p);
	return b->s;
}
