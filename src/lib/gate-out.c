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
#include "kam/kam.h"
#include "kam/out.h"

static const char *const influence_words[] = {"high", "medium", "low"};

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

/* Inline Markdown text. */
static void
md(FILE *fp, const char *s)
{
	put_safe(fp, s, 1);
}

/* Text for a terminal or a file: one line, no control characters. */
static void
txt(FILE *fp, const char *s)
{
	put_safe(fp, s, 0);
}

static const char *
stance_word(int s)
{
	return s == 1    ? "support"
	       : s == 0  ? "neutral"
	       : s == -1 ? "oppose"
	                 : "unknown";
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
		for (g = 1; g <= GATE_COUNT; g++)
			if (a->gates[g - 1].status == GATE_OPEN)
				n++;
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
		buf_puts(&b, "Pursue with limited investment: the deal is "
		             "real, we can compete and it is worth winning, "
		             "but the odds of winning are low.");
		break;
	case VERDICT_PURSUE:
		buf_puts(&b, "Pursue: every gate passes.");
		break;
	}
	return b.s;
}

static void
json_str_or_null(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		json_put_str(fp, s);
}

void
gate_write_json(FILE *fp, const struct gate_assessment *a)
{
	size_t i, n;
	int g;

	fputs("{\n  \"deal\": ", fp);
	json_put_str(fp, a->deal);
	fputs(",\n  \"as_of\": ", fp);
	json_put_str(fp, a->as_of);
	fputs(",\n  \"verdict\": ", fp);
	json_put_str(fp, gate_verdict_word(a->verdict));
	fputs(",\n  \"gates\": [", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];

		fprintf(fp, "%s\n    {\n      \"gate\": %d,\n      \"name\": ",
		        g > 1 ? "," : "", g);
		json_put_str(fp, gate_name(g));
		fputs(",\n      \"status\": ", fp);
		json_put_str(fp, gate_status_word(o->status));
		if (o->scored && o->status != GATE_NOT_REACHED)
			fprintf(fp, ",\n      \"score\": %.2f", o->score);
		else
			fputs(",\n      \"score\": null", fp);
		fputs(",\n      \"criteria\": [", fp);
		for (i = 0, n = 0; i < a->ncrit; i++) {
			const struct gate_crit *c = &a->crit[i];

			if (c->gate != g)
				continue;
			fprintf(fp, "%s\n        {\"key\": ", n++ ? "," : "");
			json_put_str(fp, c->key);
			fputs(", \"answer\": ", fp);
			json_put_str(fp, gate_ans_word(c->answer));
			fputs(", \"source\": ", fp);
			json_put_str(fp, gate_src_word(c->source));
			fputs(", \"evidence\": ", fp);
			json_str_or_null(fp, c->evidence);
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
	fputs("\n  ]\n}\n", fp);
}

void
gate_write_text(FILE *fp, const struct gate_assessment *a)
{
	char *s = gate_verdict_sentence(a);
	size_t i;
	int g;

	txt(fp, a->deal);
	fputs(" (", fp);
	txt(fp, a->deal_name);
	fprintf(fp, "), as of %s: %s\n", a->as_of,
	        gate_verdict_word(a->verdict));
	txt(fp, s);
	fputs("\n\n", fp);
	free(s);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];
		char head[32], score[16];

		snprintf(head, sizeof head, "%d %s", g, gate_name(g));
		if (o->scored && o->status != GATE_NOT_REACHED)
			snprintf(score, sizeof score, "%.2f", o->score);
		else
			snprintf(score, sizeof score, "-");
		fprintf(fp, "%-10s %-11s %-5s", head,
		        gate_status_word(o->status), score);
		/* Later reasons line up under the first (30 columns in). */
		for (i = 0; i < o->nreasons; i++) {
			fprintf(fp, "%*s", i ? 30 : 2, "");
			txt(fp, o->reasons[i]);
			fputc('\n', fp);
		}
		if (o->nreasons == 0)
			fputc('\n', fp);
	}
}

/* A Markdown table cell, "-" when empty. */
static void
md_cell(FILE *fp, const char *s)
{
	if (s == NULL || *s == '\0') {
		fputs(" - |", fp);
		return;
	}
	fputc(' ', fp);
	md(fp, s);
	fputs(" |", fp);
}

/* A list item. */
static void
md_item(FILE *fp, const char *s)
{
	fputs("- ", fp);
	md(fp, s);
	fputc('\n', fp);
}

static void
report_gates(FILE *fp, const struct gate_assessment *a)
{
	size_t i;
	int g;

	fputs("## The gates\n", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];

		fprintf(fp, "\n### %d. %c%s **%s**", g,
		        gate_question(g)[0] - 'a' + 'A', gate_question(g) + 1,
		        gate_status_word(o->status));
		if (o->scored && o->status != GATE_NOT_REACHED)
			fprintf(fp, " (score %.2f)", o->score);
		fputs("\n\n", fp);
		for (i = 0; i < o->nreasons; i++)
			md_item(fp, o->reasons[i]);
		if (o->status == GATE_NOT_REACHED)
			continue;
		fputs("\n| criterion | answer | source | evidence |\n"
		      "| --- | --- | --- | --- |\n",
		      fp);
		for (i = 0; i < a->ncrit; i++) {
			const struct gate_crit *c = &a->crit[i];
			char *src;

			if (c->gate != g)
				continue;
			fputs("| ", fp);
			md(fp, c->key);
			fprintf(fp, "%s |", c->must ? " (must)" : "");
			md_cell(fp, gate_ans_word(c->answer));
			if (c->source == GATE_SRC_ANSWERED)
				xasprintf(&src, "answered %s by %s", c->on,
				          c->actor ? c->actor : "?");
			else if (c->source == GATE_SRC_COMPUTED)
				src = xstrdup("computed from the buying group");
			else
				src = xstrdup("not answered");
			md_cell(fp, src);
			md_cell(fp, c->evidence);
			fputc('\n', fp);
			free(src);
		}
	}
}

static void
report_group(FILE *fp, const struct gate_assessment *a)
{
	size_t i, j;

	fputs("\n## The buying group\n\n", fp);
	if (a->nmembers == 0) {
		fputs("No buying group recorded (kam-org role).\n", fp);
		return;
	}
	fputs("| person | name | roles | influence | stance toward us | since "
	      "| toward competitors |\n"
	      "| --- | --- | --- | --- | --- | --- | --- |\n",
	      fp);
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		struct buf b = {0};

		for (j = 0; j < a->nrivals; j++) {
			if (m->rival == NULL ||
			    m->rival[j] == GATE_STANCE_UNKNOWN)
				continue;
			buf_printf(&b, "%s%s: %s", b.len ? ", " : "",
			           a->rivals[j].handle,
			           stance_word(m->rival[j]));
		}
		fputc('|', fp);
		md_cell(fp, m->ref);
		md_cell(fp, m->name);
		md_cell(fp, m->roles);
		{
			char inf[32];

			snprintf(inf, sizeof inf, "%s%s",
			         influence_words[m->influence],
			         m->lead ? ", lead" : "");
			md_cell(fp, inf);
		}
		md_cell(fp, stance_word(m->stance));
		md_cell(fp, m->since);
		md_cell(fp, b.s);
		fputc('\n', fp);
		buf_free(&b);
	}
}

void
gate_write_report(FILE *fp, const struct gate_assessment *a,
                  const struct gate_run_info *runs, size_t nruns,
                  char *const *flags, size_t nflags)
{
	char *s = gate_verdict_sentence(a);
	size_t i, n = 0;
	int g;

	fputs("# ", fp);
	md(fp, a->deal_name);
	fputs(" (", fp);
	md(fp, a->deal);
	fprintf(fp, "): %s\n\n", gate_verdict_word(a->verdict));
	fprintf(fp, "Assessed as of %s. **", a->as_of);
	md(fp, s);
	fputs("**\n\n", fp);
	free(s);
	report_gates(fp, a);
	report_group(fp, a);

	fputs("\n## Red flags\n\n", fp);
	for (i = 0; i < a->ngroup_notes; i++)
		md_item(fp, a->group_notes[i]);
	for (i = 0; i < nflags; i++)
		md_item(fp, flags[i]);
	if (a->ngroup_notes == 0 && nflags == 0)
		fputs("None found.\n", fp);

	fputs("\n## Open questions\n\n", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		if (a->gates[g - 1].status == GATE_NOT_REACHED)
			continue;
		for (i = 0; i < a->ncrit; i++) {
			const struct gate_crit *c = &a->crit[i];

			if (c->gate != g || c->answer != GATE_UNKNOWN)
				continue;
			fputs("- ", fp);
			md(fp, c->key);
			fprintf(fp, " (gate %d, %s%s): ", g, gate_name(g),
			        c->must ? ", must" : "");
			md(fp, c->question);
			fputc('\n', fp);
			n++;
		}
	}
	if (n == 0)
		fputs("None.\n", fp);

	/* The runs assessed on or before this day, in the order stored. */
	fputs("\n## How the verdict moved\n\n", fp);
	for (i = 0, n = 0; i < nruns; i++)
		if (strcmp(runs[i].as_of, a->as_of) <= 0)
			n++;
	if (n == 0) {
		fputs("No earlier runs.\n", fp);
		return;
	}
	fputs("| run | as of | recorded | by | verdict | real | compete | "
	      "win | worth |\n"
	      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
	      fp);
	for (i = 0; i < nruns; i++) {
		const struct gate_run_info *r = &runs[i];

		if (strcmp(r->as_of, a->as_of) > 0)
			continue;
		fprintf(fp, "| %lld |", (long long)r->id);
		md_cell(fp, r->as_of);
		md_cell(fp, r->recorded);
		md_cell(fp, r->actor);
		md_cell(fp, r->verdict);
		for (g = 0; g < GATE_COUNT; g++)
			md_cell(fp, r->status[g]);
		fputc('\n', fp);
	}
}

void
gate_runs_free(struct gate_run_info *r, size_t n)
{
	size_t i;
	int g;

	for (i = 0; i < n; i++) {
		free(r[i].recorded);
		free(r[i].actor);
		free(r[i].verdict);
		for (g = 0; g < GATE_COUNT; g++)
			free(r[i].status[g]);
	}
	free(r);
}
