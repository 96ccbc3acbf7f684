/*
 * The words kam understands: handles, references, the method's
 * vocabularies (stances, buying roles, link kinds, influence levels),
 * numbers and UTF-8 text.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

#include "kam/input.h"
#include "kam/kam.h"

int
handle_valid(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64 || !isalnum((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!(isalnum(c) || c == '.' || c == '_' || c == '-') ||
		    c >= 0x80)
			return 0;
	}
	return 1;
}

int
ref_parse(struct ref *r, const char *ref, const char *dflt_account)
{
	char *slash;

	if (strlen(ref) >= sizeof r->buf)
		return 0;
	strcpy(r->buf, ref);
	if ((slash = strchr(r->buf, '/')) != NULL) {
		*slash = '\0';
		r->account = r->buf;
		r->handle = slash + 1;
	} else {
		r->account = dflt_account;
		r->handle = r->buf;
	}
	if (r->account == NULL || !handle_valid(r->account) ||
	    !handle_valid(r->handle))
		return 0;
	return 1;
}

int
utf8_valid(const char *s)
{
	return u8_check((const uint8_t *)s, strlen(s)) == NULL;
}

size_t
utf8_width(const char *s)
{
	int w;

	if (!utf8_valid(s))
		return strlen(s);
	w = u8_strwidth((const uint8_t *)s, "UTF-8");
	return w < 0 ? strlen(s) : (size_t)w;
}

const char *const vocab_stances[] = {"support", "neutral", "oppose", NULL};
const char *const vocab_roles[] = {
    "decision-maker", "technical", "business",   "finance",    "procurement",
    "user",           "coach",     "influencer", "gatekeeper", NULL};
const char *const vocab_link_kinds[] = {"influences", "advises", "allies",
                                        "rivals", NULL};
static const char *const influences[] = {"high", "medium", "low", NULL};

static const char *
lookup(const char *const *words, const char *s)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], s) == 0)
			return words[i];
	return NULL;
}

const char *
vocab_stance(const char *s)
{
	if (strcmp(s, "+") == 0)
		return vocab_stances[0];
	if (strcmp(s, "0") == 0)
		return vocab_stances[1];
	if (strcmp(s, "-") == 0)
		return vocab_stances[2];
	return lookup(vocab_stances, s);
}

const char *
vocab_role(const char *s)
{
	return lookup(vocab_roles, s);
}

const char *
vocab_link_kind(const char *s)
{
	return lookup(vocab_link_kinds, s);
}

const char *
vocab_influence(const char *s)
{
	return lookup(influences, s);
}

int
parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return 0;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}
