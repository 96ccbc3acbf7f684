/*
 * Reasons as codes with arguments, and their two writers: canonical
 * English (what JSON, TSV, CSV and the store keep) and the user's
 * language through the catalog (what a person reads).  The sentences
 * are written in one place, kam/reason.def, which makes the table below
 * as it makes the codes; their formats are the catalog's msgids.  Under
 * the C locale both writers give the same bytes.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"
#include "kam/reason.h"

const struct reason_format reason_formats[R_COUNT] = {
#pragma push_macro("R")
#undef R
#define R(code, kinds, format) [code] = {format, kinds},
#include "kam/reason.def"
#pragma pop_macro("R")
};

static struct reason *
node(enum reason_kind kind, const char *text)
{
	struct reason *r = xcalloc(1, sizeof *r);

	r->kind = kind;
	r->text = text != NULL ? xstrdup(text) : NULL;
	return r;
}

struct reason *
reason_text(const char *fmt, ...)
{
	struct reason *r = node(REASON_TEXT, NULL);
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&r->text, fmt, ap) < 0)
		abort();
	va_end(ap);
	return r;
}

struct reason *
reason_word(enum reason_kind kind, const char *word)
{
	return node(kind, word);
}

struct reason *
reason_group(enum reason_kind kind, const char *text)
{
	return node(kind, text);
}

struct reason *
reason_add(struct reason *r, struct reason *item)
{
	r->items = xgrow(r->items, r->nitems, &r->cap, sizeof *r->items);
	r->items[r->nitems++] = item;
	return r;
}

struct reason *
reason_code(enum reason_code code, ...)
{
	struct reason *r = node(REASON_CODE, NULL);
	size_t i, n = strlen(reason_formats[code].kinds);
	va_list ap;

	r->code = code;
	va_start(ap, code);
	for (i = 0; i < n; i++)
		reason_add(r, va_arg(ap, struct reason *));
	va_end(ap);
	return r;
}

struct reason *
reason_note(struct reason *r, const char *note)
{
	struct reason *n = node(REASON_NOTE, note);

	return reason_add(n, r);
}

struct reason *
reason_dup(const struct reason *r)
{
	struct reason *d;
	size_t i;

	if (r == NULL)
		return NULL;
	d = node(r->kind, r->text);
	d->code = r->code;
	for (i = 0; i < r->nitems; i++)
		reason_add(d, reason_dup(r->items[i]));
	return d;
}

void
reason_free(struct reason *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nitems; i++)
		reason_free(r->items[i]);
	KAM_FREE(r->items, r->text, r);
}

/* The length of a conversion at f ("%s", "%.0f", "%zu", "%ld"...). */
size_t
reason_conv_len(const char *f)
{
	size_t i = 1;

	while (f[i] && strchr("0123456789.$-+ #'lzhjt", f[i]) != NULL)
		i++;
	return f[i] ? i + 1 : i;
}

char *
reason_render(const char *t, char *const *args, int nargs)
{
	struct buf b = {0};
	int next = 0;

	while (*t) {
		const char *p = strchr(t, '%');
		size_t c;
		int k;

		if (p == NULL) {
			buf_puts(&b, t);
			break;
		}
		buf_add(&b, t, (size_t)(p - t));
		if (p[1] == '%') {
			buf_puts(&b, "%");
			t = p + 2;
			continue;
		}
		c = reason_conv_len(p);
		k = next++;
		/* A translation may take the arguments in its own order. */
		if (p[1] >= '1' && p[1] <= '9' && strchr(p, '$') != NULL &&
		    strchr(p, '$') < p + c)
			k = atoi(p + 1) - 1;
		if (k >= 0 && k < nargs && args[k] != NULL)
			buf_puts(&b, args[k]);
		t = p + c;
	}
	return b.s ? b.s : xstrdup("");
}

/* A word of the method's vocabularies, shown (vocab_label). */
static const char *
word_said(const char *w)
{
	return vocab_label(w);
}

static void write(struct buf *, const struct reason *, int said);

/* The items of r joined by sep, and by last between the last two. */
static void
join(struct buf *b, const struct reason *r, size_t from, const char *sep,
     const char *last, int said)
{
	size_t i;

	for (i = from; i < r->nitems; i++) {
		if (i > from)
			buf_puts(b, i + 1 == r->nitems ? last : sep);
		write(b, r->items[i], said);
	}
}

/* Writes r in English, or as said in the user's language. */
static void
write(struct buf *b, const struct reason *r, int said)
{
	char *args[8] = {0}, *s;
	size_t i, n;

	switch (r->kind) {
	case REASON_TEXT:
		buf_puts(b, r->text);
		break;
	case REASON_WORD:
		buf_puts(b, said ? word_said(r->text) : r->text);
		break;
	case REASON_GATE:
		buf_puts(b, said ? gate_label("gate", r->text) : r->text);
		break;
	case REASON_SOURCE:
		buf_puts(b, said ? gate_label("source", r->text) : r->text);
		break;
	case REASON_QUESTION:
		buf_puts(b, said ? gate_question_label(r->text) : r->text);
		break;
	case REASON_CODE:
		n = r->nitems < 8 ? r->nitems : 8;
		for (i = 0; i < n; i++) {
			struct buf a = {0};

			write(&a, r->items[i], said);
			args[i] = a.s ? a.s : xstrdup("");
		}
		s = reason_render(said ? _(reason_formats[r->code].fmt)
		                       : reason_formats[r->code].fmt,
		                  args, (int)n);
		buf_puts(b, s);
		free(s);
		for (i = 0; i < n; i++)
			free(args[i]);
		break;
	case REASON_LIST:
		/* TRANSLATORS: between the items of a list of names or
		   phrases ("A, B and C"), and between the last two. */
		join(b, r, 0, said ? _(", ") : ", ",
		     said ? _(" and ") : " and ", said);
		break;
	case REASON_SERIES:
		join(b, r, 0, said ? _(", ") : ", ", said ? _(" and ") : ", ",
		     said);
		break;
	case REASON_CLAUSES:
		join(b, r, 0, said ? _("; ") : "; ", said ? _("; ") : "; ",
		     said);
		break;
	case REASON_KEY: {
		struct buf in = {0};

		buf_puts(b, r->text);
		join(&in, r, 0, said ? _(", ") : ", ", said ? _(", ") : ", ",
		     said);
		if (said)
			/* TRANSLATORS: a person and what makes them key:
			   "Name (account/handle, high influence,
			   decision-maker)". */
			buf_printf(b, _(" (%s)"), in.s ? in.s : "");
		else
			buf_printf(b, " (%s)", in.s ? in.s : "");
		buf_free(&in);
		break;
	}
	case REASON_NOTE:
		if (r->nitems > 0)
			write(b, r->items[0], said);
		/* TRANSLATORS: before a note a user wrote. */
		buf_puts(b, said ? _(": ") : ": ");
		buf_puts(b, r->text);
		break;
	}
}

char *
reason_english(const struct reason *r)
{
	struct buf b = {0};

	if (r == NULL)
		return NULL;
	write(&b, r, 0);
	return b.s ? b.s : xstrdup("");
}

char *
reason_said(const struct reason *r)
{
	struct buf b = {0};

	if (r == NULL)
		return NULL;
	if (!gate_translating())
		return reason_english(r);
	write(&b, r, 1);
	return b.s ? b.s : xstrdup("");
}

/* Whether an argument of kind k may be node r. */
static int
fits(char k, const struct reason *r)
{
	size_t i;

	switch (k) {
	case 's':
	case 'd':
	case 'n':
		return r->kind == REASON_TEXT;
	case 'w':
		return r->kind == REASON_WORD;
	case 'g':
		return r->kind == REASON_GATE;
	case 'S':
		return r->kind == REASON_SOURCE;
	case 'q':
		return r->kind == REASON_QUESTION;
	case 't':
		return r->kind == REASON_CODE || r->kind == REASON_CLAUSES;
	case 'N':
	case 'L':
	case 'K':
		if ((r->kind != REASON_LIST && r->kind != REASON_SERIES) ||
		    r->nitems == 0)
			return 0;
		for (i = 0; i < r->nitems; i++) {
			enum reason_kind ik = r->items[i]->kind;

			if (k == 'N'   ? ik != REASON_TEXT
			    : k == 'K' ? ik != REASON_KEY
			               : ik != REASON_WORD && ik != REASON_CODE)
				return 0;
		}
		return 1;
	}
	return 0;
}

int
reason_valid(const struct reason *r)
{
	const char *kinds;
	size_t i;

	if (r == NULL)
		return 0;
	if (r->kind == REASON_CODE) {
		if ((unsigned)r->code >= R_COUNT)
			return 0;
		kinds = reason_formats[r->code].kinds;
		if (strlen(kinds) != r->nitems)
			return 0;
		for (i = 0; i < r->nitems; i++)
			if (!fits(kinds[i], r->items[i]))
				return 0;
	}
	if ((r->kind == REASON_NOTE || r->kind == REASON_KEY) &&
	    (r->text == NULL || (r->kind == REASON_NOTE && r->nitems != 1)))
		return 0;
	if (r->kind < REASON_CODE && (r->text == NULL || r->nitems != 0))
		return 0;
	for (i = 0; i < r->nitems; i++)
		if (!reason_valid(r->items[i]))
			return 0;
	return 1;
}

/* Each kind's word in a stored run, in enum reason_kind's order. */
static const char *const kind_words[] = {"text",     "word", "gate", "source",
                                         "question", "code", "list", "series",
                                         "clauses",  "key",  "note"};

static void
write_node(FILE *fp, const struct reason *r, long up, const char *criterion,
           int gate, size_t *count)
{
	long self = (long)*count;
	size_t i;

	fputs(*count > 0 ? ",\n" : "", fp);
	(*count)++;
	fprintf(fp, "{\"up\": %ld", up);
	if (criterion != NULL) {
		fputs(", \"criterion\": ", fp);
		json_put_str(fp, criterion);
	}
	if (gate > 0)
		fprintf(fp, ", \"gate\": %d", gate);
	fputs(", \"kind\": ", fp);
	json_put_str(fp, kind_words[r->kind]);
	if (r->kind == REASON_CODE) {
		fputs(", \"sentence\": ", fp);
		json_put_str(fp, reason_formats[r->code].fmt);
	}
	if (r->text != NULL) {
		fputs(", \"text\": ", fp);
		json_put_str(fp, r->text);
	}
	fputs("}", fp);
	for (i = 0; i < r->nitems; i++)
		write_node(fp, r->items[i], self, NULL, 0, count);
}

void
reason_write_nodes(FILE *fp, const struct reason *r, const char *criterion,
                   int gate, size_t *count)
{
	if (r != NULL)
		write_node(fp, r, -1, criterion, gate, count);
}

/* The node at v[at] and its children, or NULL when one is unknown. */
static struct reason *
from_nodes(const struct reason_node *v, size_t n, size_t at)
{
	struct reason *r;
	size_t i, k;

	for (k = 0; k < sizeof kind_words / sizeof *kind_words; k++)
		if (v[at].kind != NULL &&
		    strcmp(v[at].kind, kind_words[k]) == 0)
			break;
	if (k == sizeof kind_words / sizeof *kind_words)
		return NULL;
	r = node((enum reason_kind)k, v[at].text);
	if (r->kind == REASON_CODE) {
		for (i = 0; i < (size_t)R_COUNT; i++)
			if (v[at].sentence != NULL &&
			    strcmp(v[at].sentence, reason_formats[i].fmt) == 0)
				break;
		if (i == (size_t)R_COUNT) {
			reason_free(r);
			return NULL;
		}
		r->code = (enum reason_code)i;
	}
	/* The children follow their parent, in order. */
	for (i = at + 1; i < n; i++) {
		struct reason *c;

		if (v[i].up != (long)at)
			continue;
		if ((c = from_nodes(v, n, i)) == NULL) {
			reason_free(r);
			return NULL;
		}
		reason_add(r, c);
	}
	return r;
}

struct reason *
reason_from_nodes(const struct reason_node *v, size_t n, size_t root)
{
	struct reason *r;

	if (root >= n)
		return NULL;
	r = from_nodes(v, n, root);
	if (r != NULL && !reason_valid(r)) {
		reason_free(r);
		return NULL;
	}
	return r;
}

void
reason_nodes_free(struct reason_node *v, size_t n)
{
	while (n-- > 0) {
		KAM_FREE(v[n].criterion, v[n].kind, v[n].sentence, v[n].text);
	}
	free(v);
}
