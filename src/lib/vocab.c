/*
 * The words kam understands: handles, references, the method's
 * vocabularies (stances, buying roles, link kinds, influence levels,
 * answers) in English and in the method's Chinese, numbers and UTF-8
 * text.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "kam/input.h"
#include "kam/kam.h"

/* ASCII letters and digits, the one test most handles need. */
static int
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/*
 * A handle is 1 to HANDLE_MAX characters: letters and digits of any
 * script, combining marks after the first, '.', '_' and '-'; it begins
 * with a letter or a digit and is in Unicode normalisation form C, so
 * that one handle has one spelling (handle_nfc gives it).
 */
int
handle_valid(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = 0, len;
	int ascii = 1;
	ucs4_t uc;

	for (; *p != '\0'; p += len, n++) {
		if (n == HANDLE_MAX)
			return 0;
		if (*p < 0x80) {
			len = 1;
			if (ascii_alnum(*p) ||
			    (n > 0 && (*p == '.' || *p == '_' || *p == '-')))
				continue;
			return 0;
		}
		ascii = 0;
		if ((len = (size_t)u8_strmbtouc(&uc, p)) == 0 || (int)len < 0)
			return 0;
		if (uc_is_general_category(uc, UC_CATEGORY_L) ||
		    uc_is_general_category(uc, UC_CATEGORY_Nd) ||
		    (n > 0 && uc_is_general_category(uc, UC_CATEGORY_M)))
			continue;
		return 0;
	}
	if (n == 0)
		return 0;
	if (!ascii) {
		char *nfc = handle_nfc(s);
		int same = nfc != NULL && strcmp(nfc, s) == 0;

		free(nfc);
		return same;
	}
	return 1;
}

int
handle_ok(const char *typed)
{
	char *n = handle_nfc(typed);
	int ok = n != NULL && handle_valid(n);

	free(n);
	return ok;
}

char *
handle_nfc(const char *s)
{
	size_t n;
	uint8_t *r;

	if (!utf8_valid(s))
		return NULL;
	/* With its NUL, so that the result ends with one. */
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s) + 1, NULL,
	                 &n);
	if (r == NULL)
		return NULL;
	return (char *)r;
}

/* Copies the NFC form of s into out (size n); 0 if it does not fit. */
static int
nfc_into(char *out, size_t n, const char *s)
{
	char *nfc = handle_nfc(s);
	int ok = nfc != NULL && strlen(nfc) < n;

	if (ok)
		strcpy(out, nfc);
	free(nfc);
	return ok;
}

int
ref_parse(struct ref *r, const char *ref, const char *dflt_account)
{
	char part[sizeof r->buf], *slash;
	size_t half = sizeof r->buf / 2;

	if (strlen(ref) >= sizeof part)
		return 0;
	strcpy(part, ref);
	r->account = r->buf;
	r->handle = r->buf + half;
	if ((slash = strchr(part, '/')) != NULL) {
		*slash = '\0';
		if (!nfc_into(r->buf, half, part) ||
		    !nfc_into(r->buf + half, half, slash + 1))
			return 0;
	} else {
		if (dflt_account == NULL ||
		    !nfc_into(r->buf, half, dflt_account) ||
		    !nfc_into(r->buf + half, half, part))
			return 0;
	}
	return handle_valid(r->account) && handle_valid(r->handle);
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

/*
 * The method's vocabularies.  Each list holds the canonical English words
 * in the method's order: they are what the store keeps and what TSV, CSV
 * and JSON print.  For a person they are shown through the catalog
 * (vocab_label), so a Chinese table says 支持 where TSV says support.
 */
/* TRANSLATORS: the method's words; each must be translated as the first
   Chinese word of the table in vocab.c, which kam also reads back. */
const char *const vocab_stances[] = {N_("support"), N_("neutral"), N_("oppose"),
                                     NULL};
const char *const vocab_roles[] = {N_("decision-maker"), N_("technical"),
                                   N_("business"),       N_("finance"),
                                   N_("procurement"),    N_("user"),
                                   N_("coach"),          N_("influencer"),
                                   N_("gatekeeper"),     NULL};
const char *const vocab_link_kinds[] = {N_("influences"), N_("advises"),
                                        N_("allies"), N_("rivals"), NULL};
const char *const vocab_influences[] = {N_("high"), N_("medium"), N_("low"),
                                        NULL};
const char *const vocab_answers[] = {N_("yes"), N_("partly"), N_("no"),
                                     N_("unknown"), NULL};

/*
 * The method's own words (大客户营销), accepted as input in every locale
 * wherever the English word is: the table of kam(7), word for word.  The
 * first Chinese word of each English one is also its zh_CN label, so
 * what a Chinese table shows can be typed back.
 */
static const struct {
	const char *const *list;
	int index; /* of the canonical word in list */
	const char *word;
} method_words[] = {
    {vocab_stances, 0, "支持"},    {vocab_stances, 1, "中立"},
    {vocab_stances, 2, "反对"},    {vocab_roles, 0, "决策者"},
    {vocab_roles, 0, "决策人"},    {vocab_roles, 1, "技术"},
    {vocab_roles, 2, "业务"},      {vocab_roles, 3, "财务"},
    {vocab_roles, 4, "采购"},      {vocab_roles, 5, "使用者"},
    {vocab_roles, 5, "用户"},      {vocab_roles, 6, "教练"},
    {vocab_roles, 7, "影响者"},    {vocab_roles, 8, "把关者"},
    {vocab_link_kinds, 0, "影响"}, {vocab_link_kinds, 1, "建议"},
    {vocab_link_kinds, 2, "盟友"}, {vocab_link_kinds, 3, "对手"},
    {vocab_influences, 0, "高"},   {vocab_influences, 1, "中"},
    {vocab_influences, 2, "低"},   {vocab_answers, 0, "是"},
    {vocab_answers, 1, "部分"},    {vocab_answers, 2, "否"},
    {vocab_answers, 3, "未知"},
};
#define NMETHOD_WORDS (sizeof method_words / sizeof method_words[0])

/* The canonical word of list that s names, in English or Chinese. */
static const char *
lookup(const char *const *list, const char *s)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return list[i];
	for (i = 0; i < NMETHOD_WORDS; i++)
		if (method_words[i].list == list &&
		    strcmp(method_words[i].word, s) == 0)
			return list[method_words[i].index];
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
	return lookup(vocab_influences, s);
}

const char *
vocab_answer(const char *s)
{
	return lookup(vocab_answers, s);
}

const char *
vocab_label(const char *word)
{
	static const char *const *const lists[] = {
	    vocab_stances,    vocab_roles,   vocab_link_kinds,
	    vocab_influences, vocab_answers, NULL};
	size_t i, j;

	if (word == NULL)
		return NULL;
	for (i = 0; lists[i] != NULL; i++)
		for (j = 0; lists[i][j] != NULL; j++)
			if (strcmp(lists[i][j], word) == 0)
				return _(lists[i][j]);
	return word;
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
