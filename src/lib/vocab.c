/*
 * The words kam understands: handles, references, the method's
 * vocabularies (stances, buying roles, link kinds, influence levels,
 * answers) in English and in the method's Chinese, numbers and UTF-8
 * text.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <locale.h>
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

/*
 * The name in ASCII, by iconv's transliteration: glibc takes its tables
 * from the thread's LC_CTYPE, so C.UTF-8 is used for the call, and a
 * handle does not depend on who imports the file.  What cannot be
 * transliterated comes out as '?'.
 */
static char *
translit(const char *s)
{
	static locale_t utf8;
	static int tried;
	locale_t old = (locale_t)0;
	iconv_t cd;
	char *in, *out, *r;
	size_t inleft, outleft, cap;

	if (!tried) {
		tried = 1;
		if ((utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0)) ==
		    (locale_t)0)
			utf8 = newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
	}
	if (utf8 != (locale_t)0)
		old = uselocale(utf8);
	cd = iconv_open("ASCII//TRANSLIT", "UTF-8");
	if (cd == (iconv_t)-1) {
		if (utf8 != (locale_t)0)
			uselocale(old);
		return NULL;
	}
	inleft = strlen(s);
	cap = 4 * inleft + 16;
	r = xmalloc(cap);
	in = (char *)s;
	out = r;
	outleft = cap - 1;
	while (inleft > 0 &&
	       iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		if (errno != EILSEQ && errno != EINVAL)
			break;
		/* A character iconv refuses outright: skip it. */
		if (outleft > 0) {
			*out++ = '?';
			outleft--;
		}
		in++;
		inleft--;
		while (inleft > 0 && ((unsigned char)*in & 0xc0) == 0x80) {
			in++;
			inleft--;
		}
	}
	*out = '\0';
	iconv_close(cd);
	if (utf8 != (locale_t)0)
		uselocale(old);
	return r;
}

int
handle_fold(const char *name, char out[HANDLE_FOLD_MAX + 1])
{
	char *nfc = handle_nfc(name), *a;
	const char *p;
	size_t n = 0;
	int sep = 0;

	out[0] = '\0';
	if (nfc == NULL)
		return 0;
	a = translit(nfc);
	free(nfc);
	if (a == NULL)
		return 0;
	for (p = a; *p != '\0' && n < HANDLE_FOLD_MAX; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\'' || c == '`')
			continue;
		if (!ascii_alnum(c)) {
			sep = n > 0;
			continue;
		}
		if (sep) {
			if (n + 2 > HANDLE_FOLD_MAX)
				break;
			out[n++] = '.';
			sep = 0;
		}
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[n] = '\0';
	free(a);
	return n > 0;
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

char *
utf8_cut(const char *s, size_t width)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t used = 0, n = 0, left = strlen(s);
	int w, len, cut = 0;
	ucs4_t uc;
	char *out;

	/* A byte that is not UTF-8, and a control character, is shown as
	 * one column; the ellipsis takes one. */
	while (left > 0) {
		len = u8_mbtouc(&uc, p, left);
		w = uc_width(uc, "UTF-8");
		if (w < 0 || uc == 0xfffd)
			w = 1;
		if (!cut && width > 0 && used + (size_t)w > width - 1) {
			n = (size_t)((const char *)p - s);
			cut = 1;
		}
		used += (size_t)w;
		p += len;
		left -= (size_t)len;
	}
	if (width == 0 || used <= width)
		return xstrdup(s);
	out = xmalloc(n + sizeof "\xe2\x80\xa6");
	memcpy(out, s, n);
	memcpy(out + n, "\xe2\x80\xa6", sizeof "\xe2\x80\xa6");
	return out;
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

/*
 * The one table of the method's vocabularies: what messages call each
 * word, its words in order, and where the store keeps it (a CHECK
 * constraint of that column accepts exactly these words: check_vocab).
 */
const struct vocab vocab_table[VOCAB_NKINDS] = {
    [VOCAB_STANCE] = {"stance", vocab_stances, "observation", "stance"},
    [VOCAB_ROLE] = {"role", vocab_roles, "deal_role_period", "role"},
    [VOCAB_LINK_KIND] = {"link kind", vocab_link_kinds, "link_period", "kind"},
    [VOCAB_INFLUENCE] = {"influence", vocab_influences, "deal_role_period",
                         "influence"},
    [VOCAB_ANSWER] = {"answer", vocab_answers, "answer", "answer"},
};

/* A stance may also be written as a sign, in its words' order. */
const char *const vocab_stance_signs[] = {"+", "0", "-", NULL};

int
vocab_rank(enum vocab_kind k, const char *word)
{
	const char *const *w = vocab_table[k].words;
	int i;

	for (i = 0; word != NULL && w[i] != NULL; i++)
		if (strcmp(w[i], word) == 0)
			return i;
	return -1;
}

const char *
vocab_word(enum vocab_kind k, const char *s)
{
	const char *const *list = vocab_table[k].words;
	size_t i;
	int r;

	if (s == NULL)
		return NULL;
	if ((r = vocab_rank(k, s)) >= 0)
		return list[r];
	for (i = 0; k == VOCAB_STANCE && vocab_stance_signs[i] != NULL; i++)
		if (strcmp(vocab_stance_signs[i], s) == 0)
			return list[i];
	for (i = 0; i < NMETHOD_WORDS; i++)
		if (method_words[i].list == list &&
		    strcmp(method_words[i].word, s) == 0)
			return list[method_words[i].index];
	return NULL;
}

/* "a, b or c", the words of list joined for a message. */
static void
join_words(struct buf *b, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		buf_printf(b, "%s%s",
		           i == 0                ? ""
		           : list[i + 1] == NULL ? " or "
		                                 : ", ",
		           list[i]);
}

char *
vocab_choices(enum vocab_kind k)
{
	const char *all[16], *const *w = vocab_table[k].words;
	struct buf b = {0};
	size_t n = 0, i;

	/* A stance's words, then its signs: "support, ..., +, 0 or -". */
	for (i = 0; w[i] != NULL; i++)
		all[n++] = w[i];
	for (i = 0; k == VOCAB_STANCE && vocab_stance_signs[i] != NULL; i++)
		all[n++] = vocab_stance_signs[i];
	all[n] = NULL;
	join_words(&b, all);
	return b.s;
}

/*
 * The refusal of each vocabulary, spelled out whole so that it can be
 * translated (the Chinese adds the method's own words); check_vocab
 * proves that each lists exactly vocab_choices of its kind.
 */
static const char *const refusals[VOCAB_NKINDS] = {
    [VOCAB_STANCE] =
        N_("unknown stance '%s' (use support, neutral, oppose, +, 0 or -)"),
    [VOCAB_ROLE] = N_("unknown role '%s' (use decision-maker, technical, "
                      "business, finance, procurement, user, coach, "
                      "influencer or gatekeeper)"),
    [VOCAB_LINK_KIND] = N_("unknown link kind '%s' (use influences, "
                           "advises, allies or rivals)"),
    [VOCAB_INFLUENCE] = N_("unknown influence '%s' (use high, medium or low)"),
    [VOCAB_ANSWER] = N_("unknown answer '%s' (use yes, partly, no or unknown)"),
};

const char *
vocab_refusal(enum vocab_kind k)
{
	return refusals[k];
}

int
vocab_refused(const char *where, enum vocab_kind k, const char *s)
{
	char *msg;

	xasprintf(&msg, _(refusals[k]), s);
	if (where != NULL)
		kam_err(KAM_DATA, "%s: %s", where, msg);
	else
		kam_err(KAM_DATA, "%s", msg);
	free(msg);
	return KAM_DATA;
}

int
vocab_stance_sign(const char *word)
{
	int r = vocab_rank(VOCAB_STANCE, word);

	return r < 0 ? 0 : 1 - r;
}

const char *
vocab_stance_of_sign(int sign)
{
	return sign >= -1 && sign <= 1 ? vocab_stances[1 - sign] : NULL;
}

int
vocab_influence_weight(const char *word)
{
	int r = vocab_rank(VOCAB_INFLUENCE, word);

	return r < 0 ? 1 : 3 - r;
}

const char *
vocab_label(const char *word)
{
	size_t i;
	int k;

	if (word == NULL)
		return NULL;
	for (k = 0; k < VOCAB_NKINDS; k++)
		for (i = 0; vocab_table[k].words[i] != NULL; i++)
			if (strcmp(vocab_table[k].words[i], word) == 0)
				return _(vocab_table[k].words[i]);
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
