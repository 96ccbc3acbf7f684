/*
 * The judgement in the user's language: the labels of kam-gate's own
 * vocabularies, the default rubric's questions, and gate_say, which
 * reads a stored English sentence back.  The rules give their reasons
 * as codes (reason.h) that the writers put in words directly, and a
 * stored run keeps them (kam(7), Gate runs), said by gate_snap_said; a
 * run stored before schema 14 keeps only the English text, so gate_say
 * reads such a sentence against the one table of sentences
 * (reason_formats, the catalog's msgids) and writes it again through
 * the catalog with the same arguments (kam(7), LOCALE).
 *
 * A sentence is read clause by clause (the rules join clauses with
 * "; ").  Each argument of a format has a kind that says how it is
 * shown: copied (names, handles, dates, numbers), a word of the
 * vocabularies, a nested sentence, a list of names or of phrases.  A
 * clause no format matches, and everything after it, is copied as it
 * is; text a user typed (a note, an answer's evidence) is never
 * translated.  Under the C locale the result is the input, byte for
 * byte.  Nothing here decides anything.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/reason.h"

/*
 * Marks a word with its context for xgettext (--keyword=NC_:1c,2); the
 * catalog holds it as msgctxt and msgid.
 */
#define NC_(c, s)                                                              \
	{                                                                      \
		c, s                                                           \
	}

/* The words of kam-gate's own vocabularies, by kind. */
static const struct label {
	const char *kind, *word;
} labels[] = {
    /* TRANSLATORS: a verdict of the four gates. */
    NC_("verdict", "pursue"),
    NC_("verdict", "pursue-limited"),
    NC_("verdict", "qualify"),
    NC_("verdict", "drop"),
    /* TRANSLATORS: the status of one gate. */
    NC_("status", "pass"),
    NC_("status", "weak"),
    NC_("status", "open"),
    NC_("status", "fail"),
    NC_("status", "not-reached"),
    /* TRANSLATORS: how much to invest in a deal. */
    NC_("level", "full"),
    NC_("level", "limited"),
    NC_("level", "minimal"),
    NC_("level", "none"),
    /* TRANSLATORS: the action the plan gives for a person. */
    NC_("action", "sponsor"),
    NC_("action", "keep-informed"),
    NC_("action", "convert"),
    NC_("action", "contain"),
    NC_("action", "find-out"),
    NC_("action", "recruit-coach"),
    NC_("action", "find-decision-maker"),
    /* TRANSLATORS: where a criterion's answer came from. */
    NC_("source", "none"),
    NC_("source", "answered"),
    NC_("source", "computed"),
    NC_("source", "assumed"),
    /* TRANSLATORS: a gate's short name. */
    NC_("gate", "real"),
    NC_("gate", "compete"),
    NC_("gate", "win"),
    NC_("gate", "worth"),
    /* TRANSLATORS: a deal's status. */
    NC_("deal", "open"),
    NC_("deal", "won"),
    NC_("deal", "lost"),
    NC_("deal", "abandoned"),
    /* TRANSLATORS: what changed between two runs (kam-gate diff). */
    NC_("change", "as-of"),
    NC_("change", "verdict"),
    NC_("change", "gate"),
    NC_("change", "score"),
    NC_("change", "answer"),
    NC_("change", "source"),
    NC_("change", "evidence"),
    NC_("change", "criterion"),
    /* TRANSLATORS: what changed since the last review. */
    NC_("since", "stance"),
    NC_("since", "joined"),
    NC_("since", "left"),
    NC_("since", "roles"),
    NC_("since", "answer"),
    /* TRANSLATORS: a red flag's code (kam-org check, the memo). */
    NC_("flag", "no-decision-maker"),
    NC_("flag", "no-technical"),
    NC_("flag", "no-business"),
    NC_("flag", "no-finance"),
    NC_("flag", "no-coach"),
    NC_("flag", "placeholder-role"),
    NC_("flag", "departed-role"),
    NC_("flag", "rank-inversion"),
    NC_("flag", "hidden-influencer"),
    NC_("flag", "opposing-buyer"),
    NC_("flag", "doubtful-coach"),
    NC_("flag", "unknown-influencer"),
    NC_("flag", "stale-stance"),
    NC_("flag", "single-supporter"),
    NC_("flag", "no-supporter"),
};

int
gate_translating(void)
{
	return strcmp(_("; "), "; ") != 0;
}

const char *
gate_label(const char *kind, const char *word)
{
	size_t i;

	if (word == NULL)
		return NULL;
	for (i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].kind, kind) == 0 &&
		    strcmp(labels[i].word, word) == 0) {
			char key[64];
			const char *t;

			snprintf(key, sizeof key, "%s\004%s", kind, word);
			t = _(key);
			return t == key ? word : t;
		}
	return word;
}

/*
 * The questions of the default rubric (kam-gate(1), RUBRIC), so that an
 * open question of the default rubric is asked in the user's language;
 * a question a user wrote is shown as written.
 */
static const char *const questions[] = {
    N_("Is there an explicit need, not a vague idea?"),
    N_("Is the purchase funded?"),
    N_("Is there a decision date or a compelling event?"),
    N_("Do our products, solutions, technology and services meet the core "
       "requirements?"),
    N_("Can what we lack be covered by partners?"),
    N_("Do we know their decision criteria?"),
    N_("Can we deliver?"),
    N_("Is our standing in their industry strong?"),
    N_("Are our relationships with the buying group close?"),
    N_("Are the competitors' relationships with the buying group weak?"),
    N_("Do we know where every high-influence member and decision-maker "
       "stands?"),
    N_("Does our offer differ from the competitors' in ways they value?"),
    N_("Is our price competitive?"),
    N_("Is the profit worth the effort?"),
    N_("Are the capital tied up and the payment risk acceptable?"),
    N_("Does winning do no harm to other key clients or partners?"),
    N_("Does the deal fit our direction?"),
    N_("Is the client important to us, with future value?"),
    N_("Does the expected value of the deal cover the cost of pursuing it?"),
};

static char *say_clause(const char *s, size_t len);
static char *say_text(const char *s, size_t len, int strict);

/* A word of one of kam-gate's vocabularies, shown; NULL when not one. */
static const char *
label_of(const char *kind, const char *w)
{
	size_t i;

	for (i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].kind, kind) == 0 &&
		    strcmp(labels[i].word, w) == 0)
			return gate_label(kind, w);
	return NULL;
}

/* A word of a vocabulary, shown; NULL when it is none. */
static const char *
say_word(const char *w)
{
	const char *t = vocab_label(w);
	size_t i;

	if (t != w)
		return t;
	for (i = 0; vocab_roles[i] != NULL; i++)
		if (strcmp(w, vocab_roles[i]) == 0)
			return t;
	return NULL;
}

/*
 * The items of a list "A, B and C" at the top level (a comma inside
 * parentheses belongs to its item): their starts and ends.
 */
static size_t
list_items(const char *s, size_t len, size_t *from, size_t *to, size_t max)
{
	size_t i, n = 0, start = 0;
	int depth = 0;

	for (i = 0; i < len && n + 1 < max; i++) {
		size_t sep = 0;

		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
		if (depth == 0 && i + 2 <= len && strncmp(s + i, ", ", 2) == 0)
			sep = 2;
		else if (depth == 0 && i + 5 <= len &&
		         strncmp(s + i, " and ", 5) == 0)
			sep = 5;
		if (sep) {
			from[n] = start;
			to[n++] = i;
			start = i + sep;
			i += sep - 1;
		}
	}
	from[n] = start;
	to[n++] = len;
	return n;
}

/* Joins items as a list in the user's language. */
static void
join_items(struct buf *b, char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			/* TRANSLATORS: between the last two items of a list
			   of names or phrases ("A, B and C"). */
			buf_puts(b, i + 1 == n ? _(" and ") : _(", "));
		buf_puts(b, v[i]);
	}
}

/*
 * "Name (account/handle, phrase, phrase)", each phrase shown; NULL when
 * the item is not of that form or a phrase is not known.
 */
static char *
say_key_item(const char *s, size_t len)
{
	size_t open, i, from[16], to[16], n;
	struct buf b = {0}, inner = {0};
	char *t;
	int depth = 0;

	if (len < 4 || s[len - 1] != ')')
		return NULL;
	for (open = len - 1; open > 0; open--) {
		if (s[open] == ')')
			depth++;
		else if (s[open] == '(' && --depth == 0)
			break;
	}
	if (open < 2 || s[open - 1] != ' ')
		return NULL;
	n = list_items(s + open + 1, len - open - 2, from, to, 16);
	if (n < 2)
		return NULL;
	/* The first item is the handle; the others are phrases. */
	buf_add(&inner, s + open + 1 + from[0], to[0] - from[0]);
	for (i = 1; i < n; i++) {
		const char *p = s + open + 1 + from[i];
		char *w = xstrndup(p, to[i] - from[i]);
		const char *word = say_word(w);

		free(w);
		t = word ? xstrdup(word) : say_clause(p, to[i] - from[i]);
		if (t == NULL) {
			buf_free(&inner);
			return NULL;
		}
		buf_puts(&inner, _(", "));
		buf_puts(&inner, t);
		free(t);
	}
	buf_add(&b, s, open - 1);
	/* TRANSLATORS: a person and what makes them key: "Name
	   (account/handle, high influence, decision-maker)". */
	buf_printf(&b, _(" (%s)"), inner.s);
	buf_free(&inner);
	return b.s;
}

/*
 * An argument of kind k, shown; NULL when it is not one of its kind.
 * Long: one switch with a case for each kind of argument of
 * reason_formats[], read beside that table.
 */
static char *
say_arg(char k, const char *s, size_t len)
{
	char *w = NULL, **v, *r;
	size_t from[64], to[64], n, i;
	const char *t;

	/* A name or a list of names is within one clause. */
	if ((k == 's' || k == 'N') && len >= 2) {
		for (i = 0; i + 1 < len; i++)
			if (s[i] == ';' && s[i + 1] == ' ')
				return NULL;
	}
	switch (k) {
	case 'w':
	case 'g':
	case 'S':
		for (i = 0; i < len; i++)
			if (strchr("abcdefghijklmnopqrstuvwxyz-", s[i]) == NULL)
				return NULL;
		w = xstrndup(s, len);
		t = k == 'w' ? say_word(w)
		             : label_of(k == 'g' ? "gate" : "source", w);
		r = t == NULL ? NULL : xstrdup(t);
		free(w);
		return r;
	case 'd':
	case 'n':
		for (i = 0; i < len; i++)
			if (strchr(k == 'd' ? "0123456789-" : "0123456789.-+",
			           s[i]) == NULL)
				return NULL;
		return xstrndup(s, len);
	case 'q':
		w = xstrndup(s, len);
		for (i = 0; i < sizeof questions / sizeof *questions; i++)
			if (strcmp(w, questions[i]) == 0) {
				r = xstrdup(_(questions[i]));
				free(w);
				return r;
			}
		return w;
	case 't':
		if ((r = say_clause(s, len)) != NULL)
			return r;
		return say_text(s, len, 1);
	case 'N':
	case 'L':
	case 'K':
		n = list_items(s, len, from, to, 64);
		v = xcalloc(n, sizeof *v);
		for (i = 0; i < n; i++) {
			const char *p = s + from[i];
			size_t l = to[i] - from[i];

			if (k == 'N')
				v[i] = xstrndup(p, l);
			else if (k == 'K')
				v[i] = say_key_item(p, l);
			else {
				w = xstrndup(p, l);
				t = say_word(w);
				v[i] = t ? xstrdup(t) : say_clause(p, l);
				free(w);
			}
			if (v[i] == NULL)
				break;
		}
		r = NULL;
		if (i == n) {
			struct buf b = {0};

			join_items(&b, v, n);
			r = b.s ? b.s : xstrdup("");
		}
		for (i = 0; i < n; i++)
			free(v[i]);
		free(v);
		return r;
	default:
		return xstrndup(s, len);
	}
}

/*
 * Matches s[0..len) against the English format f from argument ia on;
 * the arguments, shown, go to args.
 */
static int
match(const char *f, const char *kinds, int ia, const char *s, size_t len,
      char **args)
{
	size_t l, c, lit;

	while (*f) {
		if (f[0] == '%' && f[1] == '%') {
			if (len == 0 || *s != '%')
				return 0;
			f += 2;
			s++;
			len--;
			continue;
		}
		if (*f != '%') {
			if (len == 0 || *s != *f)
				return 0;
			f++;
			s++;
			len--;
			continue;
		}
		c = reason_conv_len(f);
		if (kinds[ia] == '\0')
			return 0;
		lit = strcspn(f + c, "%");
		/* The shortest argument that lets the rest match. */
		for (l = 1; l <= len; l++) {
			char *a;

			/* The literal that follows must follow. */
			if (lit &&
			    (len - l < lit || strncmp(s + l, f + c, lit) != 0))
				continue;
			if (!f[c] && l != len)
				continue;
			if ((a = say_arg(kinds[ia], s, l)) == NULL)
				continue;
			if (match(f + c, kinds, ia + 1, s + l, len - l, args)) {
				free(args[ia]);
				args[ia] = a;
				return 1;
			}
			free(a);
		}
		return 0;
	}
	return len == 0;
}

/*
 * A quick refusal: the text a pattern starts and ends with (before its
 * first argument, after its last) must start and end s.
 */
static int
ends_fit(const char *f, const char *s, size_t len)
{
	const char *p, *tail = f;
	size_t pre = strcspn(f, "%"), n;

	if (pre > len || strncmp(f, s, pre) != 0)
		return 0;
	for (p = f; (p = strchr(p, '%')) != NULL;)
		if (p[1] == '%')
			p += 2;
		else
			tail = p += reason_conv_len(p);
	if (tail == f)
		return strlen(f) == len && strncmp(f, s, len) == 0;
	/* The tail, with %% as one %, compared from the end. */
	n = strlen(tail);
	for (p = tail + n; p > tail && len > 0;) {
		p--;
		if (*p == '%' && p > tail && p[-1] == '%')
			p--;
		if (s[--len] != *p)
			return 0;
	}
	return p == tail;
}

/* One clause shown, or NULL when no pattern matches it. */
static char *
say_clause(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < (size_t)R_COUNT; i++) {
		char *args[8] = {0}, *r;
		int n = (int)strlen(reason_formats[i].kinds), k;

		if (!ends_fit(reason_formats[i].fmt, s, len))
			continue;
		if (!match(reason_formats[i].fmt, reason_formats[i].kinds, 0, s,
		           len, args)) {
			for (k = 0; k < n; k++)
				free(args[k]);
			continue;
		}
		r = reason_render(_(reason_formats[i].fmt), args, n);
		for (k = 0; k < n; k++)
			free(args[k]);
		return r;
	}
	return NULL;
}

const char *
gate_question_label(const char *q)
{
	size_t i;

	for (i = 0; q != NULL && i < sizeof questions / sizeof *questions; i++)
		if (strcmp(q, questions[i]) == 0)
			return _(questions[i]);
	return q;
}

/*
 * Clauses joined by "; ", each shown.  Strict, NULL when one is not
 * known; else a clause no pattern matches, with everything after it, is
 * copied as written, and so is the text after "known clause: ".
 */
static char *
say_text(const char *s, size_t len, int strict)
{
	struct buf b = {0};
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *semi = p;
		size_t n;
		char *t;

		while (semi + 1 < end && !(semi[0] == ';' && semi[1] == ' '))
			semi++;
		if (semi + 1 >= end)
			semi = end;
		n = (size_t)(semi - p);
		if ((t = say_clause(p, n)) == NULL && strict) {
			buf_free(&b);
			return NULL;
		}
		if (t == NULL) {
			/* "clause: text a user wrote" */
			const char *colon = memchr(p, ':', n);

			if (colon != NULL && colon + 1 < end &&
			    colon[1] == ' ' &&
			    (t = say_clause(p, (size_t)(colon - p))) != NULL) {
				buf_puts(&b, t);
				/* TRANSLATORS: before a note a user wrote. */
				buf_puts(&b, _(": "));
				free(t);
				/* The note may hold "; " itself: the rest is
				 * the user's. */
				buf_add(&b, colon + 2,
				        (size_t)(end - colon - 2));
				break;
			}
			buf_add(&b, p, (size_t)(end - p));
			break;
		}
		buf_puts(&b, t);
		free(t);
		if (semi == end)
			break;
		p = semi + 2;
		if (p < end)
			buf_puts(&b, _("; "));
	}
	return b.s ? b.s : xstrdup("");
}

char *
gate_say(const char *en)
{
	char *t;

	if (en == NULL)
		return NULL;
	/* English is what the rules wrote. */
	if (!gate_translating())
		return xstrdup(en);
	/* A sentence that quotes clauses ("...; ...: find out before
	 * judging") is one pattern; else clause by clause. */
	if ((t = say_clause(en, strlen(en))) != NULL)
		return t;
	return say_text(en, strlen(en), 0);
}

/* Whether run s keeps codes for the evidence of criterion key. */
static int
coded(const struct gate_snap *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->nnodes; i++)
		if (s->nodes[i].up == -1 && s->nodes[i].criterion != NULL &&
		    strcmp(s->nodes[i].criterion, key) == 0)
			return 1;
	return 0;
}

char *
gate_snap_said(const struct gate_snap *s, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < s->ncrit; i++) {
		const struct gate_snap_crit *c = &s->crit[i];

		if (strcmp(c->key, key) != 0 || c->evidence == NULL)
			continue;
		if (c->why != NULL)
			return reason_said(c->why);
		/* In a run stored with its codes, evidence without codes
		 * is a user's. */
		if (s->coded && !coded(s, key))
			return xstrdup(c->evidence);
		return gate_say(c->evidence);
	}
	return NULL;
}
