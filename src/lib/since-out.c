/*
 * The writers of "since the last review" (since.c): lines after a run's
 * text, a section of the memo, and the "since" member of the JSON of a
 * run or a memo.  Stored text is escaped for its format as the other
 * writers of kam-gate do (gate_txt, gate_md).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

static void said_word(FILE *, const char *, int md);

/* A gate's status and score: "weak 0.45", "pass", "not-reached". */
static void
state_text(enum gate_status st, const char *score, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s", gate_label("status", gate_status_word(st)),
	         score ? " " : "", score ? score : "");
}

static void
now_state(const struct gate_assessment *a, int g, char *out, size_t len)
{
	const struct gate_outcome *o = &a->gates[g - 1];
	char sc[8];

	if (o->scored && o->status != GATE_NOT_REACHED) {
		gate_score_text(o->score, sc);
		state_text(o->status, sc, out, len);
	} else
		state_text(o->status, NULL, out, len);
}

/* A gate's state at the last run and now (state_text). */
struct since_states {
	char before[32], after[32];
};

/* Gate g's states; 0 when the section does not show the gate. */
static int
since_states(const struct gate_since *s, const struct gate_assessment *a, int g,
             struct since_states *st)
{
	if (!gate_since_gate_shown(s, a, g))
		return 0;
	state_text(s->status_before[g - 1], s->score_before[g - 1], st->before,
	           sizeof st->before);
	now_state(a, g, st->after, sizeof st->after);
	return 1;
}

/* The verdict at the last run (was) and now (is), in the user's
 * language; whether it moved. */
static int
verdict_moved(const struct gate_since *s, const struct gate_assessment *a,
              const char **was, const char **is)
{
	const char *now = gate_verdict_word(a->verdict);

	*was = gate_label("verdict", s->verdict_before);
	*is = gate_label("verdict", now);
	return strcmp(s->verdict_before, now) != 0;
}

/* "Name (account/handle)" of a person, or the criterion's key. */
static char *
whom(const struct gate_change *c)
{
	char *s;

	if (c->name == NULL)
		return xstrdup(c->item);
	if (c->toward != NULL)
		xasprintf(&s, _("%s (%s) toward %s"), c->name, c->item,
		          c->toward);
	else
		xasprintf(&s, "%s (%s)", c->name, c->item);
	return s;
}

/* The gates a change bears on: "3", "1, 3". */
static void
gates_text(int bits, char *out, size_t len)
{
	size_t n = 0;
	int g;

	out[0] = '\0';
	for (g = 1; g <= GATE_COUNT; g++)
		if (bits & (1 << (g - 1)))
			n += (size_t)snprintf(out + n, len - n, "%s%d",
			                      n ? ", " : "", g);
}

/* How many of the changes bear on gate g. */
static size_t
bearing(const struct gate_since *s, int g)
{
	size_t i, n = 0;

	for (i = 0; i < s->nchanges; i++)
		if (s->changes[i].gates & (1 << (g - 1)))
			n++;
	return n;
}

/*
 * Whether a gate shown moved with no change bearing on it or on a gate
 * before it (the gates are judged in order: a later one is not reached
 * when an earlier fails, and gate 4's expected value reads gate 3's
 * likelihood).
 */
static int
unexplained(const struct gate_since *s, const struct gate_assessment *a)
{
	size_t before = 0;
	int g;

	for (g = 1; g <= GATE_COUNT; g++) {
		before += bearing(s, g);
		if (gate_since_gate_shown(s, a, g) && before == 0)
			return 1;
	}
	return 0;
}

static void
unexplained_note(FILE *fp, const struct gate_since *s, const char *indent)
{
	fputs(indent, fp);
	fprintf(fp,
	        _("A gate that moved with no change listed moved by what was "
	          "recorded after run %lld but dated on or before %s, or by "
	          "a changed setting or rubric."),
	        (long long)s->run, s->as_of);
	fputc('\n', fp);
}

void
gate_write_since_text(FILE *fp, const struct gate_assessment *a,
                      const struct gate_since *s)
{
	const char *was, *is;
	size_t i;
	int g;

	if (s->run == 0) {
		fprintf(fp,
		        _("\nSince the last review: no earlier run before %s "
		          "to compare with.\n"),
		        a->as_of);
		return;
	}
	fprintf(fp, _("\nSince the last review (run %lld, as of %s: %s):\n"),
	        (long long)s->run, s->as_of,
	        gate_label("verdict", s->verdict_before));
	if (s->nchanges == 0)
		fprintf(fp, "  %s\n",
		        _("nothing changed in the buying group, its stances "
		          "or the answers"));
	for (i = 0; i < s->nchanges; i++) {
		const struct gate_change *c = &s->changes[i];
		char *w = whom(c);
		char gates[16];

		{
			const char *k =
			    gate_label("since", gate_change_word(c->kind));
			size_t kw = utf8_width(k);

			fprintf(fp, "  %s ", k);
			for (; kw < 7; kw++)
				fputc(' ', fp);
		}
		gate_txt(fp, w);
		fputs(": ", fp);
		said_word(fp, c->from, 0);
		fputs(" -> ", fp);
		said_word(fp, c->to, 0);
		if (c->on[0])
			fprintf(fp, _(", on %s"), c->on);
		gates_text(c->gates, gates, sizeof gates);
		fprintf(fp, _(" (gate %s)"), gates);
		fputc('\n', fp);
		free(w);
	}
	for (g = 1; g <= GATE_COUNT; g++) {
		struct since_states st;

		if (!since_states(s, a, g, &st))
			continue;
		if (strcmp(st.before, st.after) == 0)
			fprintf(fp, _("  gate %d (%s): %s, unchanged\n"), g,
			        gate_label("gate", gate_name(g)), st.after);
		else
			fprintf(fp, _("  gate %d (%s): %s -> %s\n"), g,
			        gate_label("gate", gate_name(g)), st.before,
			        st.after);
	}
	if (unexplained(s, a))
		unexplained_note(fp, s, "  ");
	if (verdict_moved(s, a, &was, &is))
		fprintf(fp, _("  the verdict moves: %s -> %s\n"), was, is);
	else
		fprintf(fp, _("  the verdict stays %s\n"), is);
}

/*
 * A stance, an answer or roles as they changed, in the user's language:
 * as a Markdown cell (md), else as text; "-" when none.
 */
static void
said_word(FILE *fp, const char *w, int md)
{
	char *t = NULL;
	const char *show = w;
	const char *open = w != NULL ? strstr(w, " (") : NULL;
	size_t len = w != NULL ? strlen(w) : 0;

	if (open != NULL && w[len - 1] == ')') {
		/* Roles with their weight: "technical, finance (high,
		 * lead)". */
		char *roles = xstrndup(w, (size_t)(open - w));
		char *in = xstrndup(open + 2, (size_t)(w + len - 1 - open - 2));
		char *r = gate_roles_label(roles), *p, *save = NULL;
		struct buf b = {0};

		for (p = strtok_r(in, ", ", &save); p;
		     p = strtok_r(NULL, ", ", &save))
			buf_printf(&b, "%s%s", b.len ? _(", ") : "",
			           strcmp(p, "lead") == 0 ? _("lead")
			                                  : vocab_label(p));
		xasprintf(&t, _("%s (%s)"), r, b.s ? b.s : "");
		show = t;
		free(roles);
		free(in);
		free(r);
		buf_free(&b);
	} else if (w != NULL && strchr(w, ',') != NULL)
		show = t = gate_roles_label(w);
	else if (w != NULL)
		show = vocab_label(w);
	if (md)
		gate_md_cell(fp, show);
	else
		gate_txt(fp, show != NULL ? show : "-");
	free(t);
}

void
gate_write_since_md(FILE *fp, const struct gate_assessment *a,
                    const struct gate_since *s)
{
	const char *was, *is;
	size_t i, shown = 0;
	int g;

	if (s->run == 0) {
		fprintf(fp, "\n## %s\n\n", _("Since the last review"));
		fprintf(fp, _("No earlier run before %s to compare with."),
		        a->as_of);
		fputc('\n', fp);
		return;
	}
	fprintf(fp, "\n## ");
	fprintf(fp, _("Since the last review (%s)"), s->as_of);
	fputs("\n\n", fp);
	fprintf(fp,
	        _("Compared with run %lld, as of %s (%s): what took effect "
	          "after %s, up to %s."),
	        (long long)s->run, s->as_of,
	        gate_label("verdict", s->verdict_before), s->as_of, a->as_of);
	fputs("\n\n", fp);
	if (s->nchanges == 0) {
		fprintf(fp, "%s\n\n",
		        _("Nothing changed in the buying group, its stances or "
		          "the answers."));
	} else {
		gate_md_head(
		    fp, _("| change | who or what | from | to | on | gate |\n"),
		    "llllll");
		for (i = 0; i < s->nchanges; i++) {
			const struct gate_change *c = &s->changes[i];
			char *w = whom(c);
			char gates[16];

			fputc('|', fp);
			gate_md_cell(
			    fp, gate_label("since", gate_change_word(c->kind)));
			gate_md_cell(fp, w);
			said_word(fp, c->from, 1);
			said_word(fp, c->to, 1);
			gate_md_cell(fp, c->on);
			gates_text(c->gates, gates, sizeof gates);
			gate_md_cell(fp, gates);
			fputc('\n', fp);
			free(w);
		}
		fputc('\n', fp);
	}
	for (g = 1; g <= GATE_COUNT; g++)
		shown += (size_t)gate_since_gate_shown(s, a, g);
	if (shown > 0) {
		gate_md_head(fp, _("| gate | before | after |\n"), "lll");
		for (g = 1; g <= GATE_COUNT; g++) {
			struct since_states st;

			if (!since_states(s, a, g, &st))
				continue;
			fprintf(fp, "| %d. %s |", g,
			        gate_label("gate", gate_name(g)));
			gate_md_cell(fp, st.before);
			gate_md_cell(fp, st.after);
			fputc('\n', fp);
		}
		fputc('\n', fp);
		if (unexplained(s, a)) {
			unexplained_note(fp, s, "");
			fputc('\n', fp);
		}
	}
	if (verdict_moved(s, a, &was, &is))
		fprintf(fp, _("The verdict moves: %s -> %s."), was, is);
	else
		fprintf(fp, _("The verdict stays %s."), is);
	fputc('\n', fp);
}

/* A JSON string, null when s is NULL or empty. */
static void
json_text(FILE *fp, const char *s)
{
	json_put_str(fp, s != NULL && *s != '\0' ? s : NULL);
}

static void
json_gates_list(FILE *fp, int bits)
{
	int g, n = 0;

	fputc('[', fp);
	for (g = 1; g <= GATE_COUNT; g++)
		if (bits & (1 << (g - 1)))
			fprintf(fp, "%s%d", n++ ? ", " : "", g);
	fputc(']', fp);
}

/* One array of the changes of a kind, at indent 4. */
static void
json_changes(FILE *fp, const struct gate_since *s, enum gate_change_kind k,
             const char *name)
{
	size_t i, n = 0;

	fprintf(fp, ",\n    \"%s\": [", name);
	for (i = 0; i < s->nchanges; i++) {
		const struct gate_change *c = &s->changes[i];

		if (c->kind != k)
			continue;
		fputs(n++ ? ",\n      {" : "\n      {", fp);
		if (k == GATE_CHANGE_ANSWER) {
			fputs("\"key\": ", fp);
			json_put_str(fp, c->item);
			fprintf(fp, ", \"gate\": %d", c->gate);
		} else {
			fputs("\"person\": ", fp);
			json_put_str(fp, c->item);
			fputs(", \"name\": ", fp);
			json_text(fp, c->name);
		}
		if (k == GATE_CHANGE_STANCE) {
			fputs(", \"toward\": ", fp);
			json_text(fp, c->toward);
		}
		if (k == GATE_CHANGE_JOINED || k == GATE_CHANGE_LEFT) {
			fputs(", \"roles\": ", fp);
			json_text(fp,
			          k == GATE_CHANGE_JOINED ? c->to : c->from);
		} else {
			fputs(", \"from\": ", fp);
			json_text(fp, c->from);
			fputs(", \"to\": ", fp);
			json_text(fp, c->to);
		}
		fputs(", \"on\": ", fp);
		json_text(fp, c->on);
		fputs(", \"gates\": ", fp);
		json_gates_list(fp, c->gates);
		fputc('}', fp);
	}
	fputs(n ? "\n    ]" : "]", fp);
}

void
gate_write_since_json(FILE *fp, const struct gate_assessment *a,
                      const struct gate_since *s)
{
	size_t n = 0;
	int g;

	if (s->run == 0)
		return;
	fprintf(fp, ",\n  \"since\": {\n    \"run\": %lld, \"as_of\": ",
	        (long long)s->run);
	json_put_str(fp, s->as_of);
	json_member(fp, ", ", "verdict_before", s->verdict_before);
	json_member(fp, ", ", "verdict", gate_verdict_word(a->verdict));
	json_changes(fp, s, GATE_CHANGE_STANCE, "stances");
	json_changes(fp, s, GATE_CHANGE_JOINED, "joined");
	json_changes(fp, s, GATE_CHANGE_LEFT, "left");
	json_changes(fp, s, GATE_CHANGE_ROLES, "roles");
	json_changes(fp, s, GATE_CHANGE_ANSWER, "answers");
	fputs(",\n    \"gates\": [", fp);
	for (g = 1; g <= GATE_COUNT; g++) {
		const struct gate_outcome *o = &a->gates[g - 1];
		char sc[8];

		if (!gate_since_gate_shown(s, a, g))
			continue;
		fprintf(fp,
		        "%s\n      {\"gate\": %d, \"name\": ", n++ ? "," : "",
		        g);
		json_put_str(fp, gate_name(g));
		json_member(fp, ", ", "status_before",
		            gate_status_word(s->status_before[g - 1]));
		fprintf(fp, ", \"score_before\": %s, \"status\": ",
		        s->score_before[g - 1] ? s->score_before[g - 1]
		                               : "null");
		json_put_str(fp, gate_status_word(o->status));
		fputs(", \"score\": ", fp);
		if (o->scored && o->status != GATE_NOT_REACHED) {
			gate_score_text(o->score, sc);
			fputs(sc, fp);
		} else
			fputs("null", fp);
		fprintf(fp, ", \"changes\": %zu}", bearing(s, g));
	}
	fputs(n ? "\n    ]\n  }" : "]\n  }", fp);
}
