/*
 * Reasons as codes with arguments, and their two writers: canonical
 * English (what JSON, TSV, CSV and the store keep) and the user's
 * language through the catalog (what a person reads).  The table below
 * is the one place a sentence of the rules is written; its formats are
 * the catalog's msgids.  Under the C locale both writers give the same
 * bytes.
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
    /* Computed evidence. */
    [R_NO_GROUP] = {N_("no buying group recorded"), ""},
    [R_NO_STANCE_ONE] = {N_("no stance known in the buying group (%zu person)"),
                         "n"},
    [R_NO_STANCE_MANY] =
        {N_("no stance known in the buying group (%zu people)"), "n"},
    [R_SUPPORT] =
        {N_("influence-weighted support %s among the %d of %zu people whose "
            "stance we know (%d support, %d neutral, %d oppose)"),
         "nnnnnn"},
    [R_LEAD_COUNTS] = {N_("the lead, %s, counts %s times"), "sn"},
    [R_OURS_NO_DM] =
        {N_("no decision-maker is named in the buying group: partly at best"),
         ""},
    [R_OURS_NO_DM_BACKS] = {N_("no decision-maker supports us: partly at best"),
                            ""},
    [R_OURS_ALL_DM_BACK] =
        {N_("every decision-maker supports us: partly at least"), ""},
    [R_NO_RIVAL_STANCE] =
        {N_("no stance toward a competitor known in the buying group"), ""},
    [R_STRONGEST_RIVAL] =
        {N_("strongest competitor %s (%s) has influence-weighted support %s"),
         "ssn"},
    [R_NO_DM] = {N_("no decision-maker is named in the buying group"), ""},
    [R_UNKNOWN_ONE] = {N_("we do not know where %s stands"), "K"},
    [R_UNKNOWN_MANY] = {N_("we do not know where %s stand"), "K"},
    [R_STALE] = {N_("what we know of %s is more than %.0f days old"), "Kn"},
    [R_UNKNOWN_SHARE] =
        {N_("%s%% of the group's influence is of people whose stance we do "
            "not know"),
         "n"},
    [R_COVERED] =
        {N_("we know where every high-influence member and decision-maker "
            "stands (%zu of %zu people known)"),
         "nn"},
    [R_COVERED_LEAD] =
        {N_("we know where every high-influence member, decision-maker and "
            "the lead stands (%zu of %zu people known)"),
         "nn"},
    [R_PRICE] =
        {N_("our price is %s against the strongest competitor's (yes up to "
            "%s, partly up to %s)"),
         "sss"},
    [R_NO_VALUE] = {N_("no value recorded for the deal"), ""},
    [R_NO_COST] = {N_("no pursuit cost recorded for the deal"), ""},
    [R_COST_EXCEEDS] = {N_("the pursuit cost %s exceeds the deal's value %s"),
                        "nn"},
    [R_NO_LIKELIHOOD_OPEN] = {N_("no win likelihood: gate 3 is open"), ""},
    [R_NO_LIKELIHOOD_NOT_REACHED] =
        {N_("no win likelihood: gate 3 was not reached"), ""},
    [R_NO_LIKELIHOOD_NO_SCORE] = {N_("no win likelihood: gate 3 has no score"),
                                  ""},
    [R_EV_COVERS] =
        {N_("expected value %s (value %s x win likelihood %s) covers the "
            "pursuit cost %s"),
         "nnnn"},
    [R_EV_BELOW] =
        {N_("expected value %s (value %s x win likelihood %s) is below the "
            "pursuit cost %s"),
         "nnnn"},
    /* Whoever decides, holds the purse or leads and opposes us. */
    [R_OPPOSES_SINCE] = {N_("%s %s (%s) opposes us (since %s)"), "Lssd"},
    [R_OPPOSES] = {N_("%s %s (%s) opposes us"), "Lss"},
    [R_EVALUATION_LEAD] = {N_("evaluation lead"), ""},
    /* The gates' reasons. */
    [R_CRIT_NO] = {N_("'%s' is no (%s)"), "sS"},
    [R_NOT_REACHED] = {N_("not reached: gate %d (%s) failed"), "ng"},
    [R_SURE_LOSS] = {N_("sure loss by rule %s: %s"), "st"},
    [R_MUST_NO] = {N_("must-criterion '%s' is no"), "s"},
    [R_CANNOT_REACH] =
        {N_("the score cannot reach the fail threshold %s even if every "
            "unknown becomes yes (at most %s)"),
         "nn"},
    [R_MUST_UNKNOWN] = {N_("must-criterion '%s' is unknown"), "s"},
    [R_UNKNOWN_WEIGHT] =
        {N_("%.0f%% of the weight is unknown (more than %.0f%%)"), "nn"},
    [R_FIND_OUT] = {N_("%s: find out before judging"), "t"},
    [R_FIND_OUT_GROUP] =
        {N_("'%s' is %s: find out where the influential members stand before "
            "judging"),
         "sw"},
    [R_QUESTION] = {N_("question '%s': %s"), "sq"},
    [R_BELOW_FAIL] = {N_("score %s is below the fail threshold %s"), "nn"},
    [R_FIT_RESCUED] =
        {N_("'%s' is no, but a partner can fill the gaps ('%s' is yes): we "
            "compete through them, weak at best"),
         "ss"},
    [R_PRICE_CAP] =
        {N_("our price is %s against the strongest competitor's, above the "
            "cap of %s: weak at best, whatever the relationships"),
         "ss"},
    [R_EV_WEAK] =
        {N_("the expected value does not cover the cost of pursuit: weak at "
            "best, invest less"),
         ""},
    [R_WEAK_UNTIL] = {N_("%s: weak at best until that changes"), "t"},
    [R_BELOW_STRONG] =
        {N_("score %s is below the strong threshold %s: the odds are low, "
            "reconsider how much to invest"),
         "nn"},
    [R_REACHES_STRONG] = {N_("score %s reaches the strong threshold %s"), "nn"},
    [R_REACHES_FAIL] = {N_("score %s reaches the fail threshold %s"), "nn"},
    [R_OUTWEIGHED] = {N_("'%s' is no, outweighed by the other criteria"), "s"},
    [R_NOT_WORTH] =
        {N_("the pursuit cost %s exceeds the deal's value %s: not worth "
            "winning at any odds"),
         "nn"},
    [R_NO_PROFIT] =
        {N_("'%s' is no and '%s' is no: %s for no profit is a win not worth "
            "having"),
         "sst"},
    [R_STRATEGIC] =
        {N_("'%s' is no and '%s' is no, but a strategic client that is "
            "important and on our direction ('%s' and '%s' are yes) can be "
            "worth it: weak at best"),
         "ssss"},
    [R_LITTLE_PROFIT] =
        {N_("'%s' is partly and '%s' is no: %s for little profit, weak at "
            "best"),
         "sst"},
    [R_COST_CAPITAL] = {N_("capital tied up at risk"), ""},
    [R_COST_HARM] = {N_("harm to other clients or partners"), ""},
    [R_COST_DIRECTION] = {N_("a win off our direction"), ""},
    /* The sure loss (rule 1). */
    [R_LOST_DM] =
        {N_("the decision-maker %s opposes us and supports %s, and nobody of "
            "high influence supports us"),
         "NN"},
    [R_LOST_DMS] =
        {N_("the decision-makers %s oppose us and support competitors, and "
            "nobody of high influence supports us"),
         "N"},
    [R_LOST_LEAD_DM] =
        {N_("%s holds the lead of the buying group, %s (%s), and the "
            "decision-maker %s"),
         "sssN"},
    [R_LOST_LEAD_DMS] =
        {N_("%s holds the lead of the buying group, %s (%s), and the "
            "decision-makers %s"),
         "sssN"},
    /* Red flags. */
    [R_FLAG_OPPOSES_SINCE] = {N_("%s %s (%s) opposes us in '%s' (since %s)"),
                              "wsssd"},
    [R_FLAG_OPPOSES] = {N_("%s %s (%s) opposes us in '%s'"), "wsss"},
    [R_COACH_UNKNOWN] =
        {N_("coach %s (%s) has no known stance toward us in '%s'"), "sss"},
    [R_COACH_NEUTRAL] = {N_("coach %s (%s) is neutral toward us in '%s'"),
                         "sss"},
    [R_COACH_OPPOSES] = {N_("coach %s (%s) opposes us in '%s'"), "sss"},
    [R_COACH_RIVAL] = {N_("coach %s (%s) also supports %s in '%s'"), "ssNs"},
    [R_INFLUENCER_UNKNOWN] =
        {N_("%s (%s), of high influence in '%s', has no known stance"), "sss"},
    [R_STALE_STANCE] =
        {N_("the latest observation of %s (%s), of the buying group of '%s', "
            "is from %s, %ld days before %s (more than %.0f)"),
         "sssdndn"},
    [R_SINGLE_SUPPORTER] =
        {N_("%s (%s) is the only supporter in the buying group of '%s'"),
         "sss"},
    [R_NO_SUPPORTER] = {N_("nobody in the buying group of '%s' supports us"),
                        "s"},
    /* kam-org check's red flags of the records. */
    [R_NO_ROLE] = {N_("deal '%s' has no %s role holder"), "sw"},
    [R_NO_COACH] = {N_("deal '%s' has no coach"), "s"},
    [R_PLACEHOLDER] = {N_("role %s in '%s' is held by placeholder '%s'"),
                       "wss"},
    [R_DEPARTED] = {N_("role %s in '%s' is held by '%s', who left on %s"),
                    "wssd"},
    [R_DOTTED_INVERSION] = {N_("'%s' (level %ld) has a dotted line to '%s' "
                               "(level %ld), of a lower "
                               "rank"),
                            "snsn"},
    [R_REPORTS_INVERSION] =
        {N_("'%s' (level %ld) reports to '%s' (level %ld), of a lower rank"),
         "snsn"},
    [R_HIDDEN_OUTSIDE_UNKNOWN] =
        {N_("'%s' (level %ld, below the median level %g) is in the top tenth "
            "by influence (rank %zu of %zu) and is outside the buying group of "
            "'%s/%s', with no known stance"),
         "snnnnss"},
    [R_HIDDEN_OUTSIDE] =
        {N_(
             "'%s' (level %ld, below the median level %g) is in the top tenth "
             "by influence (rank %zu of %zu) and is outside the buying group "
             "of "
             "'%s/%s'"),
         "snnnnss"},
    [R_HIDDEN_UNKNOWN] =
        {N_(
             "'%s' (level %ld, below the median level %g) is in the top tenth "
             "by influence (rank %zu of %zu) and has no known stance on "
             "'%s/%s'"),
         "snnnnss"},
    /* The plan's reasons, clause by clause. */
    [R_PLAN_UNKNOWN] = {N_("stance unknown, %s influence"), "w"},
    [R_PLAN_STALE_SUPPORT] =
        {
            N_("supported us, last observed %s, %ld days before %s (more than "
               "%.0f)"),
            "dndn"},
    [R_PLAN_STALE_NEUTRAL] =
        {
            N_("was neutral, last observed %s, %ld days before %s (more than "
               "%.0f)"),
            "dndn"},
    [R_PLAN_STALE_OPPOSE] =
        {
            N_("opposed us, last observed %s, %ld days before %s (more than "
               "%.0f)"),
            "dndn"},
    [R_PLAN_OPPOSES] = {N_("opposes us"), ""},
    [R_PLAN_NEUTRAL] = {N_("neutral, %s influence"), "w"},
    [R_PLAN_COACH] = {N_("supports us and coaches us"), ""},
    [R_PLAN_SUPPORTS] = {N_("supports us"), ""},
    [R_PLAN_NO_COACH] = {N_("we have no coach to rely on"), ""},
    [R_PLAN_SUPPORTS_INF] = {N_("supports us, %s influence"), "w"},
    [R_PLAN_SUPPORTS_RIVAL] = {N_("supports %s"), "N"},
    [R_PLAN_DOUBTFUL_COACH] = {N_("a coach we cannot rely on"), ""},
    [R_PLAN_LEADS] = {N_("leads the evaluation"), ""},
    [R_SINCE] = {N_("since %s"), "d"},
    /* What makes a member key, inside "Name (account/handle, ...)". */
    [R_INFLUENCE] = {N_("%s influence"), "w"},
    [R_LEAD] = {N_("lead"), ""},
    [R_LAST_OBSERVED] = {N_("last observed %s"), "d"},
    [R_DAYS_BEFORE] = {N_("%ld days before %s"), "nd"},
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
