/*
 * The writers of kam-gate's results, over the structures gate.c fills:
 * the verdict in a sentence, the run as JSON and as a short text, and
 * the Markdown memo.  Every text that comes from the store (names,
 * questions, evidence, reasons that quote them) is escaped for the
 * format it goes into, so that no stored text can change the shape of
 * what is written.  Nothing here decides anything.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"
#include "kam/reason.h"

/*
 * A reason for a person: as the rules gave it, in the user's language;
 * text with no reason behind it (a user's evidence) as written.  A new
 * string, NULL when text is NULL.
 */
static char *
say(const struct reason *why, const char *text)
{
	if (why != NULL)
		return reason_said(why);
	return xstrdup_null(text);
}

/*
 * Writes s so that it stays one piece of inline text.  Line breaks (and
 * tabs) become spaces.  Other control characters are shown as their
 * Unicode pictures (ESC as U+241B), DEL as U+2421; C1 controls and the
 * bidirectional embeddings, overrides and isolates, which reorder what a
 * reader sees, and bytes that are not UTF-8, as U+FFFD.  With md, the ASCII
 * punctuation Markdown reads is escaped with a backslash and '<', '>' and '&'
 * become entities, so that the text makes no heading, list, emphasis, code,
 * link, table cell or HTML, wherever it stands in a line.
 */
static void
put_safe(FILE *fp, const char *s, int md)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int uc;
	size_t len;

	for (; *p; p++) {
		unsigned char c = *p;

		if (c == '\n' || c == '\r' || c == '\t') {
			fputc(' ', fp);
		} else if (c < 0x20) {
			fprintf(fp, "\xe2\x90%c", 0x80 + c);
		} else if (c == 0x7f) {
			fputs("\xe2\x90\xa1", fp);
		} else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fputs("\xef\xbf\xbd", fp);
			p++;
		} else if (c == 0xe2 && p[1] == 0x80 && p[2] >= 0xa8 &&
		           p[2] <= 0xae) {
			/* U+2028 and U+2029 separate lines; U+202A-202E
			 * embed and override the direction. */
			fputs(p[2] <= 0xa9 ? " " : "\xef\xbf\xbd", fp);
			p += 2;
		} else if (c == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
		           p[2] <= 0xa9) {
			fputs("\xef\xbf\xbd", fp);
			p += 2;
		} else if (c >= 0x80) {
			/* A character of another script is copied whole; a
			 * byte that is not UTF-8, which a hand-edited store
			 * may hold, becomes U+FFFD. */
			if (text_class((const char *)p, &uc, &len) ==
			    TEXT_INVALID)
				fputs("\xef\xbf\xbd", fp);
			else
				fwrite(p, 1, len, fp);
			p += len - 1;
		} else if (md && c == '<') {
			fputs("&lt;", fp);
		} else if (md && c == '>') {
			fputs("&gt;", fp);
		} else if (md && c == '&') {
			fputs("&amp;", fp);
		} else if (md && strchr("\\`*_[]#~|$", c) != NULL) {
			fputc('\\', fp);
			fputc(c, fp);
		} else {
			fputc(c, fp);
		}
	}
}

void
gate_md(FILE *fp, const char *s)
{
	put_safe(fp, s, 1);
}

/* Text for a terminal or a file: one line, no control characters. */
static void
txt(FILE *fp, const char *s)
{
	put_safe(fp, s, 0);
}

/* Text padded with spaces to a display width. */
static void
pad(FILE *fp, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	txt(fp, s);
	for (; w < width; w++)
		fputc(' ', fp);
}

void
gate_txt(FILE *fp, const char *s)
{
	put_safe(fp, s, 0);
}
/* JSON */

/* An amount is a JSON number with its exact digits (kam(7), AMOUNTS). */
static void
json_amount(FILE *fp, const char *s)
{
	fputs(s != NULL && *s ? s : "null", fp);
}

static void
json_score(FILE *fp, int has, double x)
{
	char sc[8];

	if (!has) {
		fputs("null", fp);
		return;
	}
	gate_score_text(x, sc);
	fputs(sc, fp);
}

/* "Name (account/handle)", names first. */
static char *
who(const struct gate_member *m)
{
	char *s;

	xasprintf(&s, "%s (%s)", m->name, m->ref);
	return s;
}

/* The four gates, as "gates": [...] at indent 2. */
static void
json_gates(FILE *fp, const struct gate_assessment *a)
{
	size_t i, n;
	int g;

	fputs("\"gates\": [", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];

		fprintf(fp, "%s\n    {\n      \"gate\": %d,\n      \"name\": ",
		        g > 1 ? "," : "", g);
		json_put_str(fp, gate_name(g));
		json_member(fp, ",\n      ", "status",
		            gate_status_word(o->status));
		fputs(",\n      \"score\": ", fp);
		json_score(fp, o->scored && o->status != GATE_NOT_REACHED,
		           o->score);
		fputs(",\n      \"criteria\": [", fp);
		for (i = 0, n = 0; i < a->ncrit; i++) {
			const struct gate_crit *c = &a->crit[i];

			if (c->gate != g)
				continue;
			fprintf(fp, "%s\n        {\"key\": ", n++ ? "," : "");
			json_put_str(fp, c->key);
			json_member(fp, ", ", "answer",
			            gate_ans_word(c->answer));
			json_member(fp, ", ", "source",
			            gate_src_word(c->source));
			json_member(fp, ", ", "evidence", c->evidence);
			fputs("}", fp);
		}
		fputs(n ? "\n      ],\n      \"reasons\": ["
		        : "],\n      \"reasons\": [",
		      fp);
		for (i = 0; i < o->nreasons; i++) {
			fprintf(fp, "%s\n        ", i ? "," : "");
			json_put_str(fp, o->reasons[i]);
		}
		fputs(o->nreasons ? "\n      ]\n    }" : "]\n    }", fp);
	}
	fputs("\n  ]", fp);
}

static void
json_investment(FILE *fp, const struct gate_assessment *a)
{
	const struct gate_investment *iv = &a->invest;

	fputs("\"investment\": {\n    \"level\": ", fp);
	json_put_str(fp, gate_level_word(iv->level));
	fputs(",\n    \"value\": ", fp);
	json_amount(fp, a->value);
	json_member(fp, ",\n    ", "currency", a->currency);
	fputs(",\n    \"win_likelihood\": ", fp);
	json_score(fp, iv->has_likelihood, iv->likelihood);
	fputs(",\n    \"expected_value\": ", fp);
	json_amount(fp, iv->expected);
	fputs(",\n    \"pursuit_cost\": ", fp);
	json_amount(fp, a->cost);
	fputs("\n  }", fp);
}

static void
json_whatif(FILE *fp, const struct gate_assessment *a,
            const struct gate_whatif *w)
{
	size_t i, n = 0;
	int g;

	fputs(",\n  \"assumed\": [", fp);
	for (i = 0; i < w->nassumed; i++) {
		fputs(i ? ", " : "", fp);
		json_put_str(fp, w->assumed[i]);
	}
	fputs("],\n  \"verdict_before\": ", fp);
	json_put_str(fp, gate_verdict_word(w->before->verdict));
	fputs(",\n  \"moved\": [", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		enum gate_status x = w->before->gates[g - 1].status;
		enum gate_status y = a->gates[g - 1].status;

		if (x == y)
			continue;
		fprintf(fp, "%s\n    {\"gate\": %d, \"name\": ", n++ ? "," : "",
		        g);
		json_put_str(fp, gate_name(g));
		json_member(fp, ", ", "before", gate_status_word(x));
		json_member(fp, ", ", "after", gate_status_word(y));
		fputs("}", fp);
	}
	fputs(n ? "\n  ]" : "]", fp);
}

void
gate_write_json(FILE *fp, const struct gate_assessment *a,
                const struct gate_whatif *w)
{
	fputs("{\n  \"deal\": ", fp);
	json_put_str(fp, a->deal);
	json_member(fp, ",\n  ", "as_of", a->as_of);
	json_member(fp, ",\n  ", "profile", a->profile);
	json_member(fp, ",\n  ", "verdict", gate_verdict_word(a->verdict));
	fputs(",\n  ", fp);
	json_gates(fp, a);
	fputs(",\n  ", fp);
	json_investment(fp, a);
	if (w != NULL)
		json_whatif(fp, a, w);
	fputs("\n}\n", fp);
}

void
gate_write_reasons(FILE *fp, const struct gate_assessment *a)
{
	size_t i, n = 0;
	int g;

	fputs("[", fp);
	for (i = 0; i < a->ncrit; i++)
		reason_write_nodes(fp, a->crit[i].why, a->crit[i].key, 0, &n);
	for (g = 1; g <= GATE_COUNT; g++)
		for (i = 0; i < a->gates[g - 1].nreasons; i++)
			reason_write_nodes(fp, a->gates[g - 1].why[i], NULL, g,
			                   &n);
	fputs("]", fp);
}

/* Sentences */

/* How many gates have status st. */
static int
gates_with(const struct gate_assessment *a, enum gate_status st)
{
	int g, n = 0;

	for (g = 1; g <= GATE_COUNT; g++)
		if (a->gates[g - 1].status == st)
			n++;
	return n;
}

/*
 * Whether the n weak gates are only gate 3 for its score: the plain
 * case of a limited investment, which keeps its plain words.
 */
static int
odds_only(const struct gate_assessment *a, int n)
{
	return n == 1 && a->gates[2].status == GATE_WEAK &&
	       a->gates[2].nreasons > 0 &&
	       strncmp(a->gates[2].reasons[0], "score ", 6) == 0;
}

/* The verdict in the user's language, for a person. */
static char *
verdict_said(const struct gate_assessment *a)
{
	struct buf b = {0}, l = {0};
	const char *sep = "";
	int g, n = 0, left;
	char *r;

	/* English is the canonical sentence. */
	if (!gate_translating())
		return gate_verdict_sentence(a);
	switch (a->verdict) {
	case VERDICT_DROP:
		for (g = 1; a->gates[g - 1].status != GATE_FAIL; g++)
			;
		if (a->gates[g - 1].nreasons > 0) {
			r = say(a->gates[g - 1].why[0],
			        a->gates[g - 1].reasons[0]);
			buf_printf(&b, _("Drop: gate %d, %s, fails (%s)."), g,
			           _(gate_question(g)), r);
			free(r);
		} else
			buf_printf(&b, _("Drop: gate %d, %s, fails."), g,
			           _(gate_question(g)));
		break;
	case VERDICT_QUALIFY:
		n = gates_with(a, GATE_OPEN);
		for (g = 1, left = n; g <= GATE_COUNT; g++) {
			if (a->gates[g - 1].status != GATE_OPEN)
				continue;
			left--;
			buf_puts(&l, sep);
			buf_printf(&l, _("gate %d (%s)"), g,
			           _(gate_question(g)));
			sep = left == 1 ? _(" and ") : _(", ");
		}
		buf_printf(&b,
		           _("Qualify before investing: %s open; answer the "
		             "open questions first."),
		           l.s);
		break;
	case VERDICT_LIMITED:
		n = gates_with(a, GATE_WEAK);
		if (odds_only(a, n)) {
			buf_puts(&b,
			         _("Pursue with limited investment: the deal "
			           "is real, we can compete and it is worth "
			           "winning, but the odds of winning are "
			           "low."));
			break;
		}
		for (g = 1; g <= GATE_COUNT; g++) {
			const struct gate_outcome *o = &a->gates[g - 1];

			if (o->status != GATE_WEAK)
				continue;
			if (l.len)
				buf_puts(&l, _("; "));
			if (o->nreasons > 0) {
				r = say(o->why[0], o->reasons[0]);
				buf_printf(&l, _("gate %d, %s, is weak (%s)"),
				           g, _(gate_question(g)), r);
				free(r);
			} else
				buf_printf(&l, _("gate %d, %s, is weak"), g,
				           _(gate_question(g)));
		}
		buf_printf(&b, _("Pursue with limited investment: %s."), l.s);
		break;
	case VERDICT_PURSUE:
		buf_puts(&b, _("Pursue: every gate passes."));
		break;
	}
	buf_free(&l);
	return b.s;
}

char *
gate_verdict_sentence(const struct gate_assessment *a)
{
	struct buf b = {0};
	const char *sep = "";
	int g, n = 0, left;

	switch (a->verdict) {
	case VERDICT_DROP:
		for (g = 1; a->gates[g - 1].status != GATE_FAIL; g++)
			;
		buf_printf(&b, "Drop: gate %d, %s, fails", g, gate_question(g));
		if (a->gates[g - 1].nreasons > 0)
			buf_printf(&b, " (%s)", a->gates[g - 1].reasons[0]);
		buf_puts(&b, ".");
		break;
	case VERDICT_QUALIFY:
		buf_puts(&b, "Qualify before investing: ");
		n = gates_with(a, GATE_OPEN);
		buf_puts(&b, n > 1 ? "gates " : "gate ");
		for (g = 1, left = n; g <= GATE_COUNT; g++) {
			if (a->gates[g - 1].status != GATE_OPEN)
				continue;
			left--;
			buf_printf(&b, "%s%d (%s)", sep, g, gate_question(g));
			sep = left == 1 ? " and " : ", ";
		}
		buf_printf(&b, " %s open; answer the open questions first.",
		           n > 1 ? "are" : "is");
		break;
	case VERDICT_LIMITED:
		/* The plain case keeps its plain words; otherwise each weak
		 * gate says why. */
		n = gates_with(a, GATE_WEAK);
		if (odds_only(a, n)) {
			buf_puts(&b, "Pursue with limited investment: the deal "
			             "is real, we can compete and it is worth "
			             "winning, but the odds of winning are "
			             "low.");
			break;
		}
		buf_puts(&b, "Pursue with limited investment: ");
		for (g = 1, left = n; g <= GATE_COUNT; g++) {
			const struct gate_outcome *o = &a->gates[g - 1];

			if (o->status != GATE_WEAK)
				continue;
			left--;
			buf_printf(&b, "%sgate %d, %s, is weak", sep, g,
			           gate_question(g));
			if (o->nreasons > 0)
				buf_printf(&b, " (%s)", o->reasons[0]);
			sep = left == 0 ? "" : "; ";
		}
		buf_puts(&b, ".");
		break;
	case VERDICT_PURSUE:
		buf_puts(&b, "Pursue: every gate passes.");
		break;
	}
	return b.s;
}

const char *
gate_level_sentence(enum gate_level l)
{
	static const char *const s[] = {
	    N_("full: commit the team and the resources the deal needs"),
	    /* Parenthesised: one string in two pieces, not two strings. */
	    (N_("limited: keep the effort in proportion to the odds, and "
	        "watch what would change them")),
	    N_("minimal: only what it takes to answer the open questions"),
	    N_("none: drop it and put the team on other deals"),
	};

	return s[l];
}

/* An amount with its currency, or "-". */
static char *
amount(const char *v, const char *currency)
{
	char *s;

	if (v == NULL || *v == '\0')
		return xstrdup("-");
	if (currency != NULL && *currency)
		xasprintf(&s, "%s %s", v, currency);
	else
		s = xstrdup(v);
	return s;
}

static char *
investment_line(const struct gate_assessment *a)
{
	const struct gate_investment *iv = &a->invest;
	char *v = amount(a->value, a->currency);
	char *e = amount(iv->expected, a->currency);
	char *c = amount(a->cost, a->currency), *s, sc[8] = "-";

	if (iv->has_likelihood)
		gate_score_text(iv->likelihood, sc);
	xasprintf(&s,
	          _("Investment: %s (value %s, win likelihood %s, expected "
	            "value %s, pursuit cost %s)."),
	          gate_label("level", gate_level_word(iv->level)), v, sc, e, c);
	free(v);
	free(e);
	free(c);
	return s;
}

/* Text */

void
gate_write_text(FILE *fp, const struct gate_assessment *a,
                const struct gate_whatif *w)
{
	char *s = verdict_said(a), *inv = investment_line(a);
	size_t i;
	int g, moved = 0;

	txt(fp, a->deal);
	fputs(" (", fp);
	txt(fp, a->deal_name);
	fprintf(fp, _("), as of %s, profile "), a->as_of);
	txt(fp, a->profile ? a->profile : "-");
	fprintf(fp, ": %s\n",
	        gate_label("verdict", gate_verdict_word(a->verdict)));
	txt(fp, s);
	fputc('\n', fp);
	txt(fp, inv);
	fputs("\n\n", fp);
	free(s);
	free(inv);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];
		char head[32], score[16] = "-";

		snprintf(head, sizeof head, "%d %s", g,
		         gate_label("gate", gate_name(g)));
		if (o->scored && o->status != GATE_NOT_REACHED)
			gate_score_text(o->score, score);
		/* Columns by display width, so that Chinese lines up. */
		pad(fp, head, 10);
		fputc(' ', fp);
		pad(fp, gate_label("status", gate_status_word(o->status)), 11);
		fprintf(fp, " %-5s", score);
		/* Later reasons line up under the first (30 columns in). */
		for (i = 0; i < o->nreasons; i++) {
			char *r = say(o->why[i], o->reasons[i]);

			fprintf(fp, "%*s", i ? 30 : 2, "");
			txt(fp, r);
			fputc('\n', fp);
			free(r);
		}
		if (o->nreasons == 0)
			fputc('\n', fp);
	}
	if (w == NULL)
		return;
	fputs(_("\nWhat if "), fp);
	for (i = 0; i < w->nassumed; i++) {
		fputs(i == 0                 ? ""
		      : i + 1 == w->nassumed ? _(" and ")
		                             : _(", "),
		      fp);
		txt(fp, w->assumed[i]);
	}
	fputs(_(" (nothing stored):\n"), fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		enum gate_status x = w->before->gates[g - 1].status;
		enum gate_status y = a->gates[g - 1].status;

		if (x == y)
			continue;
		fprintf(fp, _("  gate %d (%s) moves: %s -> %s\n"), g,
		        gate_label("gate", gate_name(g)),
		        gate_label("status", gate_status_word(x)),
		        gate_label("status", gate_status_word(y)));
		moved = 1;
	}
	if (!moved)
		fputs(_("  no gate moves\n"), fp);
	if (w->before->verdict != a->verdict)
		fprintf(fp, _("  the verdict moves: %s -> %s\n"),
		        gate_label("verdict",
		                   gate_verdict_word(w->before->verdict)),
		        gate_label("verdict", gate_verdict_word(a->verdict)));
	else
		fprintf(fp, _("  the verdict stays %s\n"),
		        gate_label("verdict", gate_verdict_word(a->verdict)));
}

/* Rows */

const char *
gate_table_sep(void)
{
	return gate_translating() ? _(", ") : ";";
}

/* One gate's row of a run, as gate_write_rows writes it. */
struct run_row {
	const char *deal, *as_of, *verdict, *verdict_before;
	int gate;
	const char *name, *status, *status_before;
	char *score;             /* NULL: not scored */
	char *answers, *reasons; /* ';' between, or the user's words */
};

#define C(f, k)    OUT_COL(struct run_row, f, #f, k)
#define L(f, kind) OUT_COL_LABEL(struct run_row, f, #f, gate_label, kind)
static const struct out_col run_cols[] = {
    C(deal, OUT_C_STR),     C(as_of, OUT_C_STR),
    L(verdict, "verdict"),  C(gate, OUT_C_INT),
    L(name, "gate"),        L(status, "status"),
    C(score, OUT_C_DIGITS), C(answers, OUT_C_LIST),
    C(reasons, OUT_C_LIST), OUT_COL_END};
/* A what-if's, with the verdict and each gate's status before it. */
static const struct out_col whatif_cols[] = {
    C(deal, OUT_C_STR),     C(as_of, OUT_C_STR),
    L(verdict, "verdict"),  L(verdict_before, "verdict"),
    C(gate, OUT_C_INT),     L(name, "gate"),
    L(status, "status"),    L(status_before, "status"),
    C(score, OUT_C_DIGITS), C(answers, OUT_C_LIST),
    C(reasons, OUT_C_LIST), OUT_COL_END};
#undef L
#undef C
const struct out_col *const gate_run_cols = run_cols;
const struct out_col *const gate_whatif_cols = whatif_cols;

/*
 * Gate g's answers as key=answer and its reasons, ';' between; for a
 * person reading a table in another language, in that language.
 */
static void
run_lists(struct run_row *r, const struct gate_assessment *a, int g, int people)
{
	const struct gate_outcome *go = &a->gates[g - 1];
	const char *sep = people ? _("; ") : ";";
	struct buf ans = {0}, rs = {0};
	size_t i;

	buf_puts(&ans, "");
	buf_puts(&rs, "");
	for (i = 0; i < a->ncrit; i++) {
		const char *w = gate_ans_word(a->crit[i].answer);

		if (a->crit[i].gate == g)
			buf_printf(&ans, "%s%s=%s", ans.len ? sep : "",
			           a->crit[i].key, people ? vocab_label(w) : w);
	}
	for (i = 0; i < go->nreasons; i++) {
		char *t = people ? say(go->why[i], go->reasons[i])
		                 : xstrdup(go->reasons[i]);

		buf_printf(&rs, "%s%s", i ? sep : "", t);
		free(t);
	}
	r->answers = ans.s;
	r->reasons = rs.s;
}

void
gate_write_rows(struct out *o, const struct gate_assessment *a,
                const struct gate_whatif *w)
{
	int g;

	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *go = &a->gates[g - 1];
		char score[8];
		struct run_row r = {.deal = a->deal,
		                    .as_of = a->as_of,
		                    .verdict = gate_verdict_word(a->verdict),
		                    .gate = g,
		                    .name = gate_name(g),
		                    .status = gate_status_word(go->status)};

		if (w != NULL) {
			r.verdict_before =
			    gate_verdict_word(w->before->verdict);
			r.status_before =
			    gate_status_word(w->before->gates[g - 1].status);
		}
		if (go->scored && go->status != GATE_NOT_REACHED) {
			gate_score_text(go->score, score);
			r.score = score;
		}
		run_lists(&r, a, g, out_is_table(o) && gate_translating());
		out_row(o, &r);
		free(r.answers);
		free(r.reasons);
	}
}

/* The plan */

/* A plan's step as a row: the words its columns write. */
struct plan_row {
	const char *person, *name;
	char *roles;
	const char *influence, *stance;
	char *toward;
	const char *action, *advice, *advice_said;
	char *reason, *via, *carrier;
};

#define C(f, k) OUT_COL(struct plan_row, f, #f, k)
static const struct out_col plan_cols[] = {
    C(person, OUT_C_STR),
    C(name, OUT_C_STR),
    C(roles, OUT_C_LIST),
    C(influence, OUT_C_WORD),
    C(stance, OUT_C_WORD),
    C(toward, OUT_C_STR),
    OUT_COL_LABEL(struct plan_row, action, "action", gate_label, "action"),
    OUT_COL_SHOWN(struct plan_row, advice, "advice", advice_said),
    C(reason, OUT_C_STR),
    C(via, OUT_C_LIST),
    C(carrier, OUT_C_STR),
    OUT_COL_END};
#undef C
const struct out_col *const gate_plan_cols = plan_cols;

/* The roles "decision-maker, technical" joined by sep, each word's label
 * with label set.  A new string. */
static char *
roles_join(const char *roles, const char *sep, int label)
{
	struct buf b = {0};
	char *s = xstrdup(roles ? roles : ""), *p, *save = NULL;

	buf_puts(&b, "");
	for (p = strtok_r(s, ", ", &save); p; p = strtok_r(NULL, ", ", &save))
		buf_printf(&b, "%s%s", b.len ? sep : "",
		           label ? vocab_label(p) : p);
	free(s);
	return b.s;
}

char *
gate_roles_label(const char *roles)
{
	return roles_join(roles, _(", "), 1);
}

/* The carrier, and whom they reach through, by via's format. */
static char *
carrier(const struct gate_step *s, const char *via)
{
	char *t;

	if (s->carrier == NULL)
		return NULL;
	if (s->through == NULL)
		xasprintf(&t, "%s (%s)", s->carrier->name, s->carrier->seller);
	else
		xasprintf(&t, via, s->carrier->name, s->carrier->seller,
		          s->through->name, s->through->ref);
	return t;
}

/* The carrier as a person reads it, in the user's language. */
char *
gate_carrier_said(const struct gate_step *s)
{
	return carrier(s, _("%s (%s) via %s (%s)"));
}

char *
gate_carrier_text(const struct gate_step *s)
{
	return carrier(s, "%s (%s) via %s (%s)");
}

/* The carrier as a JSON object, or null. */
static void
json_carrier(FILE *fp, const struct gate_step *s)
{
	if (s->carrier == NULL) {
		fputs("null", fp);
		return;
	}
	fputs("{\"seller\": ", fp);
	json_put_str(fp, s->carrier->seller);
	json_member(fp, ", ", "name", s->carrier->name);
	fprintf(fp, ", \"strength\": %d, \"since\": ", s->carrier->strength);
	json_put_str(fp, s->carrier->on);
	json_member(fp, ", ", "through",
	            s->through != NULL ? s->through->ref : NULL);
	fputc('}', fp);
}

/* A list of strings as a JSON array. */
static void
json_list(FILE *fp, char *const *v, size_t n)
{
	size_t i;

	fputc('[', fp);
	for (i = 0; i < n; i++) {
		fputs(i ? ", " : "", fp);
		json_put_str(fp, v[i]);
	}
	fputc(']', fp);
}

/* A member's roles, split from "decision-maker, technical". */
static char **
role_list(const struct gate_member *m, size_t *n)
{
	char **v = NULL, *s = xstrdup(m->roles), *p, *save = NULL;
	size_t cap = 0;

	*n = 0;
	for (p = strtok_r(s, ", ", &save); p; p = strtok_r(NULL, ", ", &save)) {
		v = xgrow(v, *n, &cap, sizeof *v);
		v[(*n)++] = xstrdup(p);
	}
	free(s);
	return v;
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The member's stances toward competitors, as JSON objects. */
static void
json_toward(FILE *fp, const struct gate_assessment *a,
            const struct gate_member *m)
{
	size_t j, n = 0;

	fputc('[', fp);
	for (j = 0; m->rival != NULL && j < a->nrivals; j++) {
		if (m->rival[j] == GATE_STANCE_UNKNOWN)
			continue;
		fputs(n++ ? ", " : "", fp);
		fputs("{\"competitor\": ", fp);
		json_put_str(fp, a->rivals[j].handle);
		json_member(fp, ", ", "stance", gate_stance_word(m->rival[j]));
		fputc('}', fp);
	}
	fputc(']', fp);
}

static char *
toward_text(const struct gate_assessment *a, const struct gate_member *m,
            int names)
{
	struct buf b = {0};
	size_t j;

	for (j = 0; m->rival != NULL && j < a->nrivals; j++) {
		if (m->rival[j] == GATE_STANCE_UNKNOWN)
			continue;
		if (names == 2)
			buf_printf(&b, "%s%s:%s", b.len ? gate_table_sep() : "",
			           a->rivals[j].handle,
			           vocab_label(gate_stance_word(m->rival[j])));
		else if (names)
			buf_printf(&b, "%s%s: %s", b.len ? _(", ") : "",
			           a->rivals[j].name,
			           vocab_label(gate_stance_word(m->rival[j])));
		else
			buf_printf(&b, "%s%s:%s", b.len ? ";" : "",
			           a->rivals[j].handle,
			           gate_stance_word(m->rival[j]));
	}
	return b.s;
}

static void
json_roles(FILE *fp, const struct gate_assessment *a,
           const struct gate_member *m)
{
	size_t n;
	char **v = role_list(m, &n);

	(void)a;
	json_list(fp, v, n);
	strv_free(v, n);
}

/*
 * Step s as a row: the group's step, finding out who decides (no person,
 * the role to fill, a stance unknown), or a member's; in a table, in the
 * user's words.
 */
static void
plan_row(struct plan_row *r, const struct gate_assessment *a,
         const struct gate_step *s, int table)
{
	const struct gate_member *m = NULL;
	struct buf via = {0};
	size_t k;

	if (s->member != GATE_NO_MEMBER)
		m = &a->members[s->member];
	buf_puts(&via, "");
	for (k = 0; k < s->nvia; k++)
		buf_printf(&via, "%s%s", k ? ";" : "", s->via[k]);
	*r = (struct plan_row){
	    .person = m ? m->ref : NULL,
	    .name = m ? m->name : NULL,
	    .roles = roles_join(m ? m->roles : "decision-maker",
	                        table ? gate_table_sep() : ";", table),
	    .influence = m ? gate_influence_word(m->influence) : NULL,
	    .stance = gate_stance_word(m ? m->stance : GATE_STANCE_UNKNOWN),
	    .toward = m ? toward_text(a, m, table ? 2 : 0) : NULL,
	    .action = gate_action_word(s->action),
	    .advice = s->advice,
	    .advice_said = _(s->advice),
	    .reason = table && s->reason != NULL ? say(s->why, s->reason)
	                                         : xstrdup_null(s->reason),
	    .via = via.s,
	    /* no carrier for the group: nobody to reach yet */
	    .carrier = !m      ? NULL
	               : table ? gate_carrier_said(s)
	                       : gate_carrier_text(s)};
}

void
gate_write_plan(struct out *o, const struct gate_assessment *a,
                const struct gate_step *s, size_t n)
{
	struct plan_row r;
	size_t i;

	for (i = 0; i < n; i++) {
		plan_row(&r, a, &s[i], out_is_table(o));
		out_row(o, &r);
		free(r.roles);
		free(r.toward);
		free(r.reason);
		free(r.via);
		free(r.carrier);
	}
}

/* A member's reference, then its "name", "roles" and "influence". */
static void
json_who(FILE *fp, const struct gate_assessment *a, const struct gate_member *m)
{
	json_put_str(fp, m->ref);
	json_member(fp, ", ", "name", m->name);
	fputs(", \"roles\": ", fp);
	json_roles(fp, a, m);
	json_member(fp, ", ", "influence", gate_influence_word(m->influence));
}

static void
json_step(FILE *fp, const struct gate_assessment *a, const struct gate_step *s,
          const char *indent)
{
	const struct gate_member *m;

	if (s->member == GATE_NO_MEMBER) {
		/* The group's step: who decides is not known yet. */
		fputs("{\"person\": null, \"name\": null, \"roles\": "
		      "[\"decision-maker\"], \"influence\": null, "
		      "\"stance\": ",
		      fp);
		json_put_str(fp, gate_stance_word(GATE_STANCE_UNKNOWN));
		fputs(", \"toward\": []", fp);
	} else {
		m = &a->members[s->member];
		fprintf(fp, "{\"person\": ");
		json_who(fp, a, m);
		json_member(fp, ", ", "stance", gate_stance_word(m->stance));
		fputs(", \"toward\": ", fp);
		json_toward(fp, a, m);
	}
	fprintf(fp, ",\n%s \"action\": ", indent);
	json_put_str(fp, gate_action_word(s->action));
	json_member(fp, ", ", "advice", s->advice);
	fprintf(fp, ",\n%s \"reason\": ", indent);
	json_put_str(fp, s->reason);
	fputs(", \"via\": ", fp);
	json_list(fp, s->via, s->nvia);
	fprintf(fp, ",\n%s \"carrier\": ", indent);
	json_carrier(fp, s);
	fputc('}', fp);
}

void
gate_write_plan_json(FILE *fp, const struct gate_assessment *a,
                     const struct gate_step *s, size_t n)
{
	size_t i;

	fputs(n ? "[\n" : "[]\n", fp);
	for (i = 0; i < n; i++) {
		json_step(fp, a, &s[i], "");
		fputs(i + 1 < n ? ",\n" : "\n]\n", fp);
	}
}

/* The memo */

void
gate_md_head(FILE *fp, const char *heading, const char *align)
{
	fputs(heading, fp);
	for (; *align; align++)
		fputs(*align == 'r' ? "| ---: " : "| --- ", fp);
	fputs("|\n", fp);
}

void
gate_md_cell(FILE *fp, const char *s)
{
	fputc(' ', fp);
	gate_md(fp, s != NULL && *s != '\0' ? s : "-");
	fputs(" |", fp);
}

/* A list item. */
static void
md_item(FILE *fp, const char *s)
{
	fputs("- ", fp);
	gate_md(fp, s);
	fputc('\n', fp);
}

static void
report_head(FILE *fp, const struct gate_assessment *a)
{
	char *s = verdict_said(a), *v;

	fputs("# ", fp);
	gate_md(fp, a->deal_name);
	fputs(" (", fp);
	gate_md(fp, a->deal);
	fprintf(fp, "): %s\n\n",
	        gate_label("verdict", gate_verdict_word(a->verdict)));
	fprintf(fp, _("Assessed as of %s with the rubric profile "), a->as_of);
	gate_md(fp, a->profile ? a->profile : "-");
	/* TRANSLATORS: the end of the memo's first sentence. */
	fputs(_(". "), fp);
	fputs("**", fp);
	gate_md(fp, s);
	fputs("**\n\n", fp);
	free(s);
	fputs(_("- Account: "), fp);
	gate_md(fp, a->account_name ? a->account_name : "-");
	fputs(" (", fp);
	v = xstrndup(a->deal, strcspn(a->deal, "/"));
	gate_md(fp, v);
	free(v);
	fputs(")", fp);
	if (a->category != NULL) {
		fputs(_(", category "), fp);
		gate_md(fp, a->category);
	} else
		fputs(_(", no category"), fp);
	/* The industry our standing is weighed in (position). */
	if (a->industry != NULL) {
		fputs(_(", industry "), fp);
		gate_md(fp, a->industry);
	}
	fputc('\n', fp);
	fputs(_("- Value: "), fp);
	v = amount(a->value, a->currency);
	gate_md(fp, v);
	free(v);
	fputc('\n', fp);
	fputs(_("- Close: "), fp);
	gate_md(fp, a->close_on ? a->close_on : "-");
	fputc('\n', fp);
	fputs(_("- Stage: "), fp);
	gate_md(fp, a->stage ? a->stage : "-");
	fputs("\n", fp);
}

static void
report_investment(FILE *fp, const struct gate_assessment *a)
{
	const struct gate_investment *iv = &a->invest;
	char *v = amount(a->value, a->currency);
	char *e = amount(iv->expected, a->currency);
	char *c = amount(a->cost, a->currency), sc[8] = "-";

	if (iv->has_likelihood)
		gate_score_text(iv->likelihood, sc);
	fprintf(fp, "\n## %s\n\n**", _("Investment"));
	gate_md(fp, _(gate_level_sentence(iv->level)));
	/* TRANSLATORS: the end of a sentence. */
	fputs(_("."), fp);
	fputs("**\n\n", fp);
	gate_md_head(
	    fp,
	    _("| value | win likelihood | expected value | pursuit cost |\n"),
	    "llll");
	fputc('|', fp);
	gate_md_cell(fp, v);
	gate_md_cell(fp, sc);
	gate_md_cell(fp, e);
	gate_md_cell(fp, c);
	fputc('\n', fp);
	free(v);
	free(e);
	free(c);
}

static void
report_gates(FILE *fp, const struct gate_assessment *a)
{
	size_t i;
	int g;

	fprintf(fp, "\n## %s\n", _("The gates"));
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];

		{
			const char *q = _(gate_question(g));

			/* An English question starts a heading: a capital. */
			if (*q >= 'a' && *q <= 'z')
				fprintf(fp, "\n### %d. %c%s **%s**", g,
				        *q - 'a' + 'A', q + 1,
				        gate_label("status", gate_status_word(
				                                 o->status)));
			else
				fprintf(fp, "\n### %d. %s **%s**", g, q,
				        gate_label("status", gate_status_word(
				                                 o->status)));
		}
		if (o->scored && o->status != GATE_NOT_REACHED) {
			char sc[8];

			gate_score_text(o->score, sc);
			fprintf(fp, _(" (score %s)"), sc);
		}
		fputs("\n\n", fp);
		for (i = 0; i < o->nreasons; i++) {
			char *r = say(o->why[i], o->reasons[i]);

			md_item(fp, r);
			free(r);
		}
		if (o->status == GATE_NOT_REACHED)
			continue;
		fputc('\n', fp);
		gate_md_head(fp,
		             _("| criterion | answer | source | evidence |\n"),
		             "llll");
		for (i = 0; i < a->ncrit; i++) {
			const struct gate_crit *c = &a->crit[i];
			char *src;

			if (c->gate != g)
				continue;
			fputs("| ", fp);
			gate_md(fp, c->key);
			fprintf(fp, "%s |", c->must ? _(" (must)") : "");
			gate_md_cell(fp, vocab_label(gate_ans_word(c->answer)));
			if (c->source == GATE_SRC_ANSWERED)
				xasprintf(&src, _("answered %s by %s"), c->on,
				          c->actor ? c->actor : "?");
			else if (c->source == GATE_SRC_COMPUTED)
				src = xstrdup(_("computed"));
			else if (c->source == GATE_SRC_ASSUMED)
				src = xstrdup(_("assumed"));
			else
				src = xstrdup(_("not answered"));
			gate_md_cell(fp, src);
			{
				char *e = say(c->why, c->evidence);

				gate_md_cell(fp, e);
				free(e);
			}
			fputc('\n', fp);
			free(src);
		}
	}
}

static void
report_group(FILE *fp, const struct gate_assessment *a, const size_t *idx)
{
	size_t i;

	fprintf(fp, "\n## %s\n\n", _("The buying group"));
	if (a->nmembers == 0) {
		fprintf(fp, "%s\n",
		        _("No buying group recorded (kam-org role)."));
		return;
	}
	gate_md_head(
	    fp,
	    _("| person | roles | influence | stance toward us | since | note "
	      "| toward competitors |\n"),
	    "lllllll");
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];
		char *w = who(m), *t = toward_text(a, m, 1), inf[32];

		snprintf(inf, sizeof inf, "%s%s",
		         vocab_label(gate_influence_word(m->influence)),
		         m->lead ? _(", lead") : "");
		fputc('|', fp);
		gate_md_cell(fp, w);
		{
			size_t nr, k;
			char **rv = role_list(m, &nr);
			struct buf rb = {0};

			for (k = 0; k < nr; k++)
				buf_printf(&rb, "%s%s", k ? _(", ") : "",
				           vocab_label(rv[k]));
			gate_md_cell(fp, rb.s);
			buf_free(&rb);
			strv_free(rv, nr);
		}
		gate_md_cell(fp, inf);
		gate_md_cell(fp, vocab_label(gate_stance_word(m->stance)));
		gate_md_cell(fp, m->since);
		gate_md_cell(fp, m->note);
		gate_md_cell(fp, t);
		fputc('\n', fp);
		free(w);
		free(t);
	}
}

/* Whom to check in with: stale knowledge, most influential first. */
static void
report_stale(FILE *fp, const struct gate_memo *r)
{
	size_t i;

	fprintf(fp, "\n## %s\n\n", _("Whom to check in with"));
	if (r->nstale == 0) {
		fprintf(fp,
		        _("Every stance known in the group was observed in the "
		          "last %ld days."),
		        r->stale_days);
		fputc('\n', fp);
		return;
	}
	fprintf(fp,
	        _("Observed more than %ld days ago, most influential first:"),
	        r->stale_days);
	fputs("\n\n", fp);
	gate_md_head(fp, _("| person | latest observation | days |\n"), "lll");
	for (i = 0; i < r->nstale; i++) {
		const struct gate_stale *x = &r->stale[i];
		char *w, days[24];

		xasprintf(&w, "%s (%s)", x->name, x->person);
		snprintf(days, sizeof days, "%ld", x->days);
		fputc('|', fp);
		gate_md_cell(fp, w);
		gate_md_cell(fp, x->latest);
		gate_md_cell(fp, days);
		fputc('\n', fp);
		free(w);
	}
}

static void
report_plan(FILE *fp, const struct gate_memo *r)
{
	const struct gate_assessment *a = r->a;
	size_t i, k;

	fprintf(fp, "\n## %s\n\n", _("Plan"));
	if (r->nplan == 0) {
		fprintf(fp, "%s\n", _("No buying group to plan for."));
		return;
	}
	gate_md_head(
	    fp, _("| person | action | what to do | through | carried by |\n"),
	    "lllll");
	for (i = 0; i < r->nplan; i++) {
		const struct gate_step *s = &r->plan[i];
		char *w = s->member == GATE_NO_MEMBER
		              ? xstrdup(_("who decides (nobody is named)"))
		              : who(&a->members[s->member]);
		char *c = gate_carrier_said(s);
		struct buf via = {0};

		for (k = 0; k < s->nvia; k++)
			buf_printf(&via, "%s%s", k ? _(", ") : "", s->via[k]);
		fputc('|', fp);
		gate_md_cell(fp, w);
		gate_md_cell(fp,
		             gate_label("action", gate_action_word(s->action)));
		gate_md_cell(fp, _(s->advice));
		gate_md_cell(fp, via.s);
		gate_md_cell(fp, c);
		fputc('\n', fp);
		free(w);
		free(c);
		buf_free(&via);
	}
}

static void
report_runs(FILE *fp, const struct gate_memo *r)
{
	const struct gate_assessment *a = r->a;
	size_t i, n = 0;
	int g;

	/* The runs assessed on or before this day, in the order stored. */
	fprintf(fp, "\n## %s\n\n", _("How the verdict moved"));
	for (i = 0; i < r->nruns; i++)
		if (strcmp(r->runs[i].as_of, a->as_of) <= 0)
			n++;
	if (n == 0) {
		fprintf(fp, "%s\n", _("No earlier runs."));
		return;
	}
	gate_md_head(
	    fp,
	    _("| run | as of | first | last | by | verdict | real | compete | "
	      "win | worth |\n"),
	    "llllllllll");
	for (i = 0; i < r->nruns; i++) {
		const struct gate_run_info *x = &r->runs[i];

		if (strcmp(x->as_of, a->as_of) > 0)
			continue;
		fprintf(fp, "| %lld |", (long long)x->number);
		gate_md_cell(fp, x->as_of);
		gate_md_cell(fp, x->recorded);
		gate_md_cell(fp, x->checked);
		gate_md_cell(fp, x->actor);
		gate_md_cell(fp, gate_label("verdict", x->verdict));
		for (g = 0; g < GATE_COUNT; g++)
			gate_md_cell(fp, gate_label("status", x->status[g]));
		fputc('\n', fp);
	}
}

void
gate_write_report(FILE *fp, const struct gate_memo *r)
{
	const struct gate_assessment *a = r->a;
	size_t *idx = xcalloc(a->nmembers + 1, sizeof *idx), *q, i, nq;

	gate_group_order(a, idx);
	report_head(fp, a);
	report_investment(fp, a);
	if (r->since != NULL)
		gate_write_since_md(fp, a, r->since);
	report_gates(fp, a);
	report_group(fp, a, idx);

	fprintf(fp, "\n## %s\n\n", _("Red flags"));
	for (i = 0; i < r->nflags; i++) {
		char *m = say(r->flags[i].why, r->flags[i].message);

		fputs("- ", fp);
		gate_md(fp, gate_label("flag", r->flags[i].code));
		fputs(_(": "), fp);
		gate_md(fp, m);
		fputc('\n', fp);
		free(m);
	}
	if (r->nflags == 0)
		fprintf(fp, "%s\n", _("None found."));
	report_stale(fp, r);
	report_plan(fp, r);

	fprintf(fp, "\n## %s\n\n", _("Open questions"));
	q = xcalloc(a->ncrit + 1, sizeof *q);
	nq = gate_open_questions(a, q);
	for (i = 0; i < nq; i++) {
		const struct gate_crit *c = &a->crit[q[i]];

		fputs("- ", fp);
		gate_md(fp, c->key);
		fprintf(fp, _(" (gate %d, %s%s): "), c->gate,
		        gate_label("gate", gate_name(c->gate)),
		        c->must ? _(", must") : "");
		gate_md(fp, gate_question_label(c->question));
		fputc('\n', fp);
	}
	if (nq == 0)
		fprintf(fp, "%s\n", _("None."));
	report_runs(fp, r);
	free(q);
	free(idx);
}

/* The report's first members: the deal, its account, its verdict. */
static void
json_report_deal(FILE *fp, const struct gate_assessment *a)
{
	char *s = gate_verdict_sentence(a);
	const char *const deal[][2] = {{"name", a->deal_name},
	                               {"account_name", a->account_name},
	                               {"category", a->category},
	                               {"industry", a->industry},
	                               {"profile", a->profile}};
	const char *const terms[][2] = {
	    {"currency", a->currency},
	    {"close", a->close_on},
	    {"stage", a->stage},
	    {"as_of", a->as_of},
	    {"verdict", gate_verdict_word(a->verdict)},
	    {"sentence", s}};

	fputs("{\n  \"deal\": ", fp);
	json_put_str(fp, a->deal);
	json_members(fp, ",\n  ", deal, sizeof deal / sizeof *deal);
	fputs(",\n  \"value\": ", fp);
	json_amount(fp, a->value);
	json_members(fp, ",\n  ", terms, sizeof terms / sizeof *terms);
	free(s);
}

/* The "group" array's members, in the group's order. */
static void
json_report_group(FILE *fp, const struct gate_assessment *a)
{
	size_t *idx = xcalloc(a->nmembers + 1, sizeof *idx), i;

	gate_group_order(a, idx);
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];

		fprintf(fp, "%s\n    {\"person\": ", i ? "," : "");
		json_who(fp, a, m);
		fprintf(fp, ", \"lead\": %s,\n     \"stance\": ",
		        m->lead ? "true" : "false");
		json_put_str(fp, gate_stance_word(m->stance));
		json_member(fp, ", ", "since", m->since[0] ? m->since : NULL);
		json_member(fp, ", ", "note", m->note);
		fputs(", \"toward\": ", fp);
		json_toward(fp, a, m);
		fputc('}', fp);
	}
	free(idx);
}

/* The "red_flags" and "stale" arrays' members. */
static void
json_report_flags(FILE *fp, const struct gate_memo *r)
{
	size_t i;

	for (i = 0; i < r->nflags; i++) {
		fprintf(fp, "%s\n    {\"flag\": ", i ? "," : "");
		json_put_str(fp, r->flags[i].code);
		json_member(fp, ", ", "subject", r->flags[i].subject);
		json_member(fp, ", ", "message", r->flags[i].message);
		fputc('}', fp);
	}
	fputs(r->nflags ? "\n  ],\n  \"stale\": [" : "],\n  \"stale\": [", fp);
	for (i = 0; i < r->nstale; i++) {
		fprintf(fp, "%s\n    {\"person\": ", i ? "," : "");
		json_put_str(fp, r->stale[i].person);
		json_member(fp, ", ", "name", r->stale[i].name);
		json_member(fp, ", ", "latest", r->stale[i].latest);
		fprintf(fp, ", \"days\": %ld}", r->stale[i].days);
	}
}

/* The "open_questions" array's members: the unknown criteria of the gates
 * reached.  Returns how many. */
static size_t
json_report_questions(FILE *fp, const struct gate_assessment *a)
{
	size_t *q = xcalloc(a->ncrit + 1, sizeof *q), i,
	       n = gate_open_questions(a, q);

	for (i = 0; i < n; i++) {
		const struct gate_crit *c = &a->crit[q[i]];

		fprintf(fp, "%s\n    {\"key\": ", i ? "," : "");
		json_put_str(fp, c->key);
		fprintf(fp,
		        ", \"gate\": %d, \"must\": %s, \"question\": ", c->gate,
		        c->must ? "true" : "false");
		json_put_str(fp, c->question);
		fputc('}', fp);
	}
	free(q);
	return n;
}

/* The "runs" array's members: the runs up to the report's day.  Returns
 * how many. */
static size_t
json_report_runs(FILE *fp, const struct gate_memo *r)
{
	const struct gate_assessment *a = r->a;
	size_t i, n;
	int g;

	for (i = 0, n = 0; i < r->nruns; i++) {
		const struct gate_run_info *x = &r->runs[i];

		if (strcmp(x->as_of, a->as_of) > 0)
			continue;
		fprintf(fp,
		        "%s\n    {\"run\": %lld, \"as_of\": ", n++ ? "," : "",
		        (long long)x->number);
		json_put_str(fp, x->as_of);
		json_member(fp, ", ", "recorded", x->recorded);
		json_member(fp, ", ", "checked", x->checked);
		json_member(fp, ", ", "actor", x->actor);
		json_member(fp, ", ", "verdict", x->verdict);
		for (g = 0; g < GATE_COUNT; g++) {
			fprintf(fp, ", \"%s\": ", gate_name(g + 1));
			json_put_str(fp, x->status[g]);
		}
		fputc('}', fp);
	}
	return n;
}

void
gate_write_report_json(FILE *fp, const struct gate_memo *r)
{
	const struct gate_assessment *a = r->a;
	size_t i;

	json_report_deal(fp, a);
	fputs(",\n  ", fp);
	json_investment(fp, a);
	fputs(",\n  ", fp);
	json_gates(fp, a);
	fputs(",\n  \"group\": [", fp);
	json_report_group(fp, a);
	fputs(a->nmembers ? "\n  ],\n  \"red_flags\": ["
	                  : "],\n  \"red_flags\": [",
	      fp);
	json_report_flags(fp, r);
	fputs(r->nstale ? "\n  ],\n  \"plan\": [" : "],\n  \"plan\": [", fp);
	for (i = 0; i < r->nplan; i++) {
		fputs(i ? ",\n    " : "\n    ", fp);
		json_step(fp, a, &r->plan[i], "    ");
	}
	fputs(r->nplan ? "\n  ],\n  \"open_questions\": ["
	               : "],\n  \"open_questions\": [",
	      fp);
	fputs(json_report_questions(fp, a) ? "\n  ],\n  \"runs\": ["
	                                   : "],\n  \"runs\": [",
	      fp);
	fputs(json_report_runs(fp, r) ? "\n  ]" : "]", fp);
	if (r->since != NULL)
		gate_write_since_json(fp, a, r->since);
	fputs("\n}\n", fp);
}

void
gate_runs_free(struct gate_run_info *r, size_t n)
{
	size_t i;
	int g;

	for (i = 0; i < n; i++) {
		KAM_FREE(r[i].recorded, r[i].checked, r[i].actor, r[i].verdict);
		for (g = 0; g < GATE_COUNT; g++)
			free(r[i].status[g]);
	}
	free(r);
}
