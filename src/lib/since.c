/*
 * Since the last review: what changed in a deal between its previous
 * run and the day assessed, and which gate each change bears on.
 * Stances change over time and a seller must know who moved, when and
 * why (METHOD.md, section 1.3); the buying group changes too, and so do
 * the answers to the four gates (section 2).  A pure rule over two
 * assessments of the same deal: then, as of the previous run's day, and
 * now.  Both are read with what the store knows today, so a change
 * counts when it took effect after the previous run's day and on or
 * before the day assessed.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/kam.h"

#define GATE_BIT(g) (1 << ((g)-1))

const char *
gate_change_word(enum gate_change_kind k)
{
	static const char *const w[] = {"stance", "joined", "left", "roles",
	                                "answer"};

	return w[k];
}

static const struct gate_member *
member_by_id(const struct gate_assessment *a, int64_t id)
{
	size_t i;

	for (i = 0; i < a->nmembers; i++)
		if (a->members[i].id == id)
			return &a->members[i];
	return NULL;
}

/* "technical, finance (high, lead)": the roles with their weight. */
static char *
roles_text(const struct gate_member *m)
{
	char *s;

	xasprintf(&s, "%s (%s%s)", m->roles, gate_influence_word(m->influence),
	          m->lead ? ", lead" : "");
	return s;
}

/* An answer in words, with its price gap: "partly (gap +12.5%)". */
static char *
answer_text(const struct gate_crit *c)
{
	char num[32], *s, *p;
	size_t n;

	if (!c->has_gap)
		return xstrdup(gate_ans_word(c->answer));
	snprintf(num, sizeof num, "%+.2f", c->gap);
	/* The point is '.' whatever the locale; no trailing zeros. */
	if ((p = strchr(num, ',')) != NULL)
		*p = '.';
	n = strlen(num);
	while (n > 0 && num[n - 1] == '0')
		num[--n] = '\0';
	if (n > 0 && num[n - 1] == '.')
		num[--n] = '\0';
	xasprintf(&s, "%s (gap %s%%)", gate_ans_word(c->answer), num);
	return s;
}

static struct gate_change *
add(struct gate_since *s, enum gate_change_kind kind, const char *item,
    const char *name, char *from, char *to, const char *on, int gates)
{
	struct gate_change *c;

	c = KAM_PUSH(s->changes, s->nchanges, s->cap);
	c->kind = kind;
	c->item = xstrdup(item);
	c->name = name ? xstrdup(name) : NULL;
	c->from = from;
	c->to = to;
	snprintf(c->on, sizeof c->on, "%s", on ? on : "");
	c->gates = gates;
	return c;
}

/* The change from a to b (both taken), or NULL when they say the same. */
static struct gate_change *
add_changed(struct gate_since *s, enum gate_change_kind kind, const char *item,
            const char *name, char *a, char *b, const char *on, int gates)
{
	if (strcmp(a, b) == 0) {
		free(a);
		free(b);
		return NULL;
	}
	return add(s, kind, item, name, a, b, on, gates);
}

/* What one section compares of a member who was in the group then (t)
 * and is now (m). */
typedef void stayed_fn(const struct gate_assessment *then,
                       const struct gate_assessment *now,
                       const struct gate_member *t, const struct gate_member *m,
                       struct gate_since *);

/* fn for each member of the group now who was in it then, in order. */
static void
each_stayed(const struct gate_assessment *then,
            const struct gate_assessment *now, struct gate_since *s,
            stayed_fn *fn)
{
	size_t i;

	for (i = 0; i < now->nmembers; i++) {
		const struct gate_member *m = &now->members[i];
		const struct gate_member *t = member_by_id(then, m->id);

		if (t != NULL)
			fn(then, now, t, m, s);
	}
}

/* Stances toward us: who moved, from what, to what, since when. */
static void
stance_moved(const struct gate_assessment *then,
             const struct gate_assessment *now, const struct gate_member *t,
             const struct gate_member *m, struct gate_since *s)
{
	(void)then;
	(void)now;
	if (t->stance != m->stance)
		add(s, GATE_CHANGE_STANCE, m->ref, m->name,
		    xstrdup(gate_stance_word(t->stance)),
		    xstrdup(gate_stance_word(m->stance)),
		    m->stance != GATE_STANCE_UNKNOWN ? m->since : "",
		    GATE_BIT(3));
}

/* Stances toward each competitor, by its handle. */
static void
rivals_moved(const struct gate_assessment *then,
             const struct gate_assessment *now, const struct gate_member *t,
             const struct gate_member *m, struct gate_since *s)
{
	size_t j;

	for (j = 0; m->rival != NULL && j < now->nrivals; j++) {
		int k = gate_rival_find(then, now->rivals[j].handle);
		int was = k >= 0 && t->rival != NULL ? t->rival[k]
		                                     : GATE_STANCE_UNKNOWN;

		if (was == m->rival[j])
			continue;
		add(s, GATE_CHANGE_STANCE, m->ref, m->name,
		    xstrdup(gate_stance_word(was)),
		    xstrdup(gate_stance_word(m->rival[j])),
		    m->rival[j] != GATE_STANCE_UNKNOWN ? m->rival_since[j] : "",
		    GATE_BIT(3))
		    ->toward = xstrdup(now->rivals[j].handle);
	}
}

/*
 * The buying group: who joined (in now, not then: their latest role's
 * start) or who left (in then, not now: the first end of a role they
 * held, or their leaving), as kind says.
 */
static void
since_group(const struct gate_assessment *in, const struct gate_assessment *out,
            enum gate_change_kind kind, struct gate_since *s)
{
	int joined = kind == GATE_CHANGE_JOINED;
	size_t i;

	for (i = 0; i < in->nmembers; i++) {
		const struct gate_member *m = &in->members[i];

		if (member_by_id(out, m->id) == NULL)
			add(s, kind, m->ref, m->name,
			    joined ? NULL : roles_text(m),
			    joined ? roles_text(m) : NULL,
			    joined ? m->from : m->until, GATE_BIT(3));
	}
}

/* Who stayed with other roles, influence or lead: since a role begun
 * since then, else one ended since then. */
static void
roles_moved(const struct gate_assessment *then,
            const struct gate_assessment *now, const struct gate_member *t,
            const struct gate_member *m, struct gate_since *s)
{
	(void)now;
	add_changed(
	    s, GATE_CHANGE_ROLES, m->ref, m->name, roles_text(t), roles_text(m),
	    strcmp(m->from, then->as_of) > 0 ? m->from : t->until, GATE_BIT(3));
}

/* Answers: given, changed or taken back (computed ones follow the group
 * and are not changes of their own). */
static void
since_answers(const struct gate_assessment *then,
              const struct gate_assessment *now, struct gate_since *s)
{
	size_t i;

	for (i = 0; i < now->ncrit; i++) {
		const struct gate_crit *c = &now->crit[i];
		const struct gate_crit *t = gate_crit_in(then, c->key);
		struct gate_change *g;

		if (c->source != GATE_SRC_ANSWERED &&
		    (t == NULL || t->source != GATE_SRC_ANSWERED))
			continue;
		g = add_changed(s, GATE_CHANGE_ANSWER, c->key, NULL,
		                t != NULL ? answer_text(t) : xstrdup("-"),
		                answer_text(c),
		                c->source == GATE_SRC_ANSWERED ? c->on : "",
		                GATE_BIT(c->gate));
		if (g != NULL)
			g->gate = c->gate;
	}
}

void
gate_since_compare(const struct gate_assessment *then,
                   const struct gate_assessment *now, struct gate_since *s)
{
	each_stayed(then, now, s, stance_moved);
	each_stayed(then, now, s, rivals_moved);
	since_group(now, then, GATE_CHANGE_JOINED, s);
	since_group(then, now, GATE_CHANGE_LEFT, s);
	each_stayed(then, now, s, roles_moved);
	since_answers(then, now, s);
}

int
gate_since_gate_shown(const struct gate_since *s,
                      const struct gate_assessment *now, int g)
{
	const struct gate_outcome *o = &now->gates[g - 1];
	char sc[8] = "";
	const char *before = s->score_before[g - 1];
	size_t i;

	if (o->status != s->status_before[g - 1])
		return 1;
	if (o->scored && o->status != GATE_NOT_REACHED)
		gate_score_text(o->score, sc);
	if (strcmp(sc, before ? before : "") != 0)
		return 1;
	for (i = 0; i < s->nchanges; i++)
		if (s->changes[i].gates & GATE_BIT(g))
			return 1;
	return 0;
}

void
gate_since_free(struct gate_since *s)
{
	size_t i;
	int g;

	for (i = 0; i < s->nchanges; i++) {
		KAM_FREE(s->changes[i].item, s->changes[i].toward,
		         s->changes[i].name, s->changes[i].from,
		         s->changes[i].to);
	}
	KAM_FREE(s->changes, s->verdict_before);
	for (g = 0; g < GATE_COUNT; g++)
		free(s->score_before[g]);
	memset(s, 0, sizeof *s);
}
