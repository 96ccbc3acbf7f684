/*
 * Unit tests of the map: label escaping, the neighbourhood walk, the
 * stable order of people and edges, the styling of each kind of person,
 * the buying view's clusters, deterministic DOT, the SQL that loads a
 * map as it stood on a day, and writing files without leaving halves.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "kam/timeline.h"
#include "store-int.h"
#include "unit.h"

static char dir[64];
static struct store *st;

static void
exec_sql(const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK)
		ck_abort_msg("SQL failed: %s", err);
}

static void
rm_dir(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char f[400];

	if (dp == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(f, sizeof f, "%s/%s", dir, e->d_name);
		unlink(f);
	}
	closedir(dp);
	rmdir(dir);
}

static size_t
count_files(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	ck_assert_ptr_nonnull(dp);
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && strncmp(e->d_name, "kam.db", 6) != 0)
			n++;
	closedir(dp);
	return n;
}

/*
 * acme: boss (level 1) <- cto, cfo (level 2) <- eng (level 3, dotted to
 * cfo), a placeholder under cfo, an old manager whose line ended, and
 * someone who left on 2026-02-20.  Links, a deal with roles, stances.
 */
static void
setup(void)
{
	char path[128];

	snprintf(dir, sizeof dir, "/tmp/check_graph.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	exec_sql(
	    "INSERT INTO account (id, handle, name, industry, created) VALUES "
	    "(1, 'acme', 'Acme & Co', NULL, 'x');"
	    "INSERT INTO account (id, handle, name, industry, created) VALUES "
	    "(2, 'other', 'Other', NULL, 'x');"
	    "INSERT INTO person (id, account_id, handle, name, title, level,"
	    " placeholder, left_on, created) VALUES"
	    " (1, 1, 'boss', '王总', 'CEO', 1, 0, NULL, 'x'),"
	    " (2, 1, 'cto', '李伟', 'CTO', 2, 0, NULL, 'x'),"
	    " (3, 1, 'cfo', 'Zhao', 'CFO', 2, 0, NULL, 'x'),"
	    " (4, 1, 'eng', 'Eng <1>', NULL, 3, 0, NULL, 'x'),"
	    " (5, 1, 'buyer', 'the buyer', NULL, 3, 1, NULL, 'x'),"
	    " (6, 1, 'old', 'Old', NULL, 2, 0, NULL, 'x'),"
	    " (7, 1, 'gone', 'Gone', NULL, 3, 0, '2026-02-20', 'x'),"
	    " (8, 2, 'elsewhere', 'E', NULL, 1, 0, NULL, 'x');"
	    "UPDATE person SET manager_id = CASE id WHEN 2 THEN 1 WHEN 3 THEN 1"
	    " WHEN 4 THEN 2 WHEN 5 THEN 3 WHEN 6 THEN 1 WHEN 7 THEN 2 END;"
	    "UPDATE person SET manager_since = '2026-01-01' WHERE id = 4;"
	    "INSERT INTO reporting_line (person_id, manager_id, kind, start_on,"
	    " end_on) VALUES"
	    " (4, 6, 'solid', NULL, '2026-01-01'),"
	    " (4, 3, 'dotted', NULL, NULL);"
	    "INSERT INTO link (from_id, to_id, kind, strength, created) VALUES"
	    " (4, 2, 'advises', 3, '2026-01-01T00:00:00Z'),"
	    " (3, 2, 'rivals', 1, '2026-01-01T00:00:00Z'),"
	    " (6, 3, 'influences', 2, '2026-01-01T00:00:00Z');"
	    "INSERT INTO competitor VALUES (1, 'rival', 'Rival');"
	    "INSERT INTO deal (id, account_id, handle, name, created) VALUES"
	    " (1, 1, 'his', 'HIS', '2026-01-01'),"
	    " (2, 1, 'erp', 'ERP', '2026-01-01');"
	    "INSERT INTO deal_role VALUES (1, 2, 'technical', 'high', 1),"
	    " (1, 3, 'finance', 'medium', 0), (1, 3, 'decision-maker', 'high',"
	    " 0), (2, 1, 'decision-maker', 'high', 1);"
	    "INSERT INTO observation (kind, person_id, stance, toward_id,"
	    " deal_id, effective, recorded, actor, prev_hash, hash) VALUES"
	    " ('observe', 2, 'neutral', NULL, NULL, '2026-01-10', 'x', 't',"
	    " '', ''),"
	    " ('observe', 2, 'support', NULL, NULL, '2026-02-15', 'x', 't',"
	    " '', ''),"
	    " ('observe', 3, 'oppose', NULL, NULL, '2026-01-05', 'x', 't',"
	    " '', ''),"
	    " ('observe', 3, 'support', 1, NULL, '2026-01-05', 'x', 't',"
	    " '', '');");
}

static void
teardown(void)
{
	store_close(st);
	st = NULL;
	rm_dir();
}

/* --- Pure functions --- */

/*
 * map_html_escape of n copies of c, written back as "@N" and the run of
 * copies that came out, then whatever followed them: "@59a…".
 */
static const char *
escaped(int n, const char *c)
{
	static char out[512];
	struct buf in = {0}, b = {0};
	const char *s;
	size_t k = strlen(c);
	int i;

	for (i = 0; i < n; i++)
		buf_puts(&in, c);
	map_html_escape(&b, in.s);
	buf_add(&b, "", 1);
	for (s = b.s, i = 0; strncmp(s, c, k) == 0; s += k)
		i++;
	snprintf(out, sizeof out, "@%d%s%s", i, c, s);
	buf_free(&in);
	buf_free(&b);
	return out;
}

START_TEST(test_escape)
{
	struct buf b = {0};

	map_html_escape(
	    &b, "a<b>&\"c'\\\nd\r\ne\x01\tf\x7f\xe2\x80\xae\xc2\x9b\xff");
	buf_add(&b, "", 1);
	/* Controls as their pictures, C1 and bidirectional controls and
	 * bytes that are not UTF-8 as U+FFFD: nothing XML refuses. */
	ck_assert_str_eq(b.s, "a&lt;b&gt;&amp;&quot;c&#39;\\\\<BR/>d<BR/>e"
	                      "\u2401 f\u2421\ufffd\ufffd\ufffd");
	b.len = 0;
	map_html_escape(&b, "李伟");
	buf_add(&b, "", 1);
	ck_assert_str_eq(b.s, "李伟");
	buf_free(&b);
	/* No text on a picture wider than MAP_TEXT_COLS: 100 columns stay,
	 * 101 are cut to 99 and an ellipsis. */
	ck_assert_str_eq(escaped(100, "a"), "@100a");
	ck_assert_str_eq(escaped(101, "a"), "@99a…");
	ck_assert_str_eq(escaped(50, "王"), "@50王");
	ck_assert_str_eq(escaped(51, "王"), "@49王…");
}
END_TEST

START_TEST(test_parse)
{
	ck_assert_int_eq(map_view_parse("all"), MAP_ALL);
	ck_assert_int_eq(map_view_parse("org"), MAP_ORG);
	ck_assert_int_eq(map_view_parse("buying"), MAP_BUYING);
	ck_assert_int_eq(map_view_parse("influence"), MAP_INFLUENCE);
	ck_assert_int_eq(map_view_parse("Org"), -1);
	ck_assert_int_eq(map_view_parse(""), -1);
	ck_assert(map_format_valid("dot"));
	ck_assert(map_format_valid("svg"));
	ck_assert(map_format_valid("png"));
	ck_assert(map_format_valid("pdf"));
	ck_assert(!map_format_valid("jpg"));
	ck_assert(!map_format_valid("canon"));
}
END_TEST

/* A path 1-2-3-4-5, a branch 2-6, a cycle 3-7-1. */
static int
next_test(void *arg, int64_t id, struct map_ids *out)
{
	static const int64_t e[][2] = {{1, 2}, {2, 3}, {3, 4}, {4, 5},
	                               {2, 6}, {3, 7}, {7, 1}};
	size_t i;

	(*(int *)arg)++;
	for (i = 0; i < sizeof e / sizeof e[0]; i++) {
		if (e[i][0] == id)
			map_ids_add(out, e[i][1]);
		if (e[i][1] == id)
			map_ids_add(out, e[i][0]);
	}
	return KAM_OK;
}

static void
expect_ids(const struct map_ids *s, const char *want)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < s->n; i++)
		buf_printf(&b, "%s%lld", i ? " " : "", (long long)s->v[i]);
	buf_add(&b, "", 1);
	ck_assert_str_eq(b.s, want);
	buf_free(&b);
}

START_TEST(test_neighbourhood)
{
	struct map_ids s = {0};
	int calls = 0;

	ck_assert_int_eq(map_neighbourhood(5, 0, next_test, &calls, &s),
	                 KAM_OK);
	expect_ids(&s, "5");
	ck_assert_int_eq(calls, 0);
	ck_assert_int_eq(map_neighbourhood(5, 1, next_test, &calls, &s),
	                 KAM_OK);
	expect_ids(&s, "4 5");
	calls = 0;
	ck_assert_int_eq(map_neighbourhood(5, 3, next_test, &calls, &s),
	                 KAM_OK);
	expect_ids(&s, "2 3 4 5 7");
	/* Each person's edges are asked for once: 5, 4, 3. */
	ck_assert_int_eq(calls, 3);
	calls = 0;
	ck_assert_int_eq(map_neighbourhood(1, 100, next_test, &calls, &s),
	                 KAM_OK);
	expect_ids(&s, "1 2 3 4 5 6 7");
	ck_assert_int_eq(calls, 7);
	free(s.v);
}
END_TEST

/* Hand-built data, in a scrambled order. */
static void
hand_data(struct map_data *d)
{
	static const char *const h[] = {"zed", "amy", "bob", "cy"};
	size_t i;

	memset(d, 0, sizeof *d);
	d->account = xstrdup("acme");
	d->account_name = xstrdup("Acme <&> Co");
	d->npeople = 4;
	d->people = xcalloc(4, sizeof *d->people);
	for (i = 0; i < 4; i++) {
		d->people[i].id = (int64_t)(10 - i);
		d->people[i].handle = xstrdup(h[i]);
		d->people[i].name = xstrdup(h[i]);
		d->people[i].level = 1 + (long)(i > 0);
	}
	d->people[1].stance = "support"; /* amy, id 9 */
	d->people[2].stance = "oppose";  /* bob, id 8 */
	d->people[2].was = "neutral";
	d->people[3].placeholder = 1;                 /* cy, id 7 */
	d->people[0].left_on = xstrdup("2026-01-01"); /* zed, id 10 */
	d->nlines = 4;
	d->lines = xcalloc(4, sizeof *d->lines);
	d->lines[0] = (struct map_line){7, 10, 0}; /* zed -> cy */
	d->lines[1] = (struct map_line){8, 10, 0}; /* zed -> bob */
	d->lines[2] = (struct map_line){9, 10, 1}; /* zed -> amy, dotted */
	d->lines[3] = (struct map_line){9, 99, 0}; /* nobody: dropped */
	d->nlinks = 2;
	d->links = xcalloc(2, sizeof *d->links);
	d->links[0] = (struct map_link){8, 9, "rivals", 1, 0, 0};
	d->links[1] = (struct map_link){8, 9, "advises", 3, 0, 0};
	d->nroles = 2;
	d->roles = xcalloc(2, sizeof *d->roles);
	d->roles[0] = (struct map_role){8, xstrdup("his"), "finance", "low", 0};
	d->roles[1] =
	    (struct map_role){9, xstrdup("his"), "technical", "high", 1};
	map_data_index(d);
}

START_TEST(test_index)
{
	struct map_data d;

	hand_data(&d);
	ck_assert_str_eq(d.people[0].handle, "amy");
	ck_assert_str_eq(d.people[3].handle, "zed");
	ck_assert_str_eq(map_find(&d, 7)->handle, "cy");
	ck_assert_str_eq(map_find(&d, 10)->handle, "zed");
	ck_assert_ptr_null(map_find(&d, 99));
	ck_assert_uint_eq(d.nlines, 3);
	/* By manager, then person: zed-amy, zed-bob, zed-cy. */
	ck_assert_int_eq(d.lines[0].person, 9);
	ck_assert_int_eq(d.lines[1].person, 8);
	ck_assert_int_eq(d.lines[2].person, 7);
	/* The same pair: in the order of the vocabulary of kinds. */
	ck_assert_str_eq(d.links[0].kind, "advises");
	ck_assert_str_eq(d.links[1].kind, "rivals");
	ck_assert_int_eq(d.roles[0].person, 9);
	map_data_free(&d);
}
END_TEST

static char *
dot_text(Agraph_t *g)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(agwrite(g, fp), 0);
	fclose(fp);
	return s;
}

static const char *
nattr(Agraph_t *g, const char *node, const char *attr)
{
	Agnode_t *n = agnode(g, (char *)node, 0);

	ck_assert_msg(n != NULL, "no node %s", node);
	return agget(n, (char *)attr);
}

/* The defaults of kam-map. */
static struct map_style
style_of(enum map_view v)
{
	struct map_style s;

	memset(&s, 0, sizeof s);
	s.view = v;
	s.as_of = "2026-03-02";
	s.rankdir = "TB";
	s.legend = 1;
	s.dated = 1;
	s.min_strength = 1;
	s.max_links = -1;
	return s;
}

/* Edges drawn: not the invisible ones that hold a layout. */
static int
visible_edges(Agraph_t *g)
{
	Agnode_t *n;
	Agedge_t *e;
	int k = 0;

	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e))
			k += strcmp(agget(e, "style"), "invis") != 0;
	return k;
}

START_TEST(test_styles)
{
	struct map_data d;
	struct map_style s = style_of(MAP_ALL);
	Agraph_t *g;
	Agedge_t *e;

	s.since = "2026-01-31";
	s.layout = MAP_WIDE; /* the reports side by side, as they were */
	hand_data(&d);
	g = map_graph(&d, &s);
	ck_assert_str_eq(nattr(g, "amy", "fillcolor"), "#009E73");
	ck_assert_str_eq(nattr(g, "bob", "fillcolor"), "#D55E00");
	ck_assert_str_eq(nattr(g, "cy", "fillcolor"), "#FFFFFF");
	ck_assert_str_eq(nattr(g, "cy", "style"), "rounded,filled,dashed");
	ck_assert_str_eq(nattr(g, "zed", "fillcolor"), "#E0E0E0");
	ck_assert_str_eq(nattr(g, "zed", "fontcolor"), "#808080");
	/* bob changed since 2026-01-31: a thick blue border, old -> new. */
	ck_assert_str_eq(nattr(g, "bob", "color"), "#0072B2");
	ck_assert_str_eq(nattr(g, "bob", "penwidth"), "3");
	ck_assert_ptr_nonnull(
	    strstr(nattr(g, "bob", "label"), "neutral \xe2\x86\x92 oppose"));
	ck_assert_ptr_nonnull(
	    strstr(nattr(g, "amy", "label"), "unknown \xe2\x86\x92 support"));
	ck_assert_str_eq(nattr(g, "cy", "penwidth"), "1");
	ck_assert_ptr_null(strstr(nattr(g, "cy", "label"), "\xe2\x86\x92"));
	/* The second cue: a symbol per stance; badges for roles. */
	ck_assert_ptr_nonnull(strstr(nattr(g, "amy", "label"), "\xe2\x9c\x94"));
	ck_assert_ptr_nonnull(strstr(nattr(g, "bob", "label"), "\xe2\x9c\x96"));
	ck_assert_ptr_nonnull(
	    strstr(nattr(g, "amy", "label"), "\xe2\x98\x85 technical (high)"));
	ck_assert_ptr_nonnull(
	    strstr(nattr(g, "bob", "label"), "his: finance (low)"));
	ck_assert_ptr_nonnull(strstr(nattr(g, "cy", "label"), "placeholder"));
	ck_assert_ptr_nonnull(
	    strstr(nattr(g, "zed", "label"), "left 2026-01-01"));
	e = agedge(g, agnode(g, "zed", 0), agnode(g, "amy", 0), NULL, 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(agget(e, "style"), "dashed");
	ck_assert_str_eq(agget(e, "constraint"), "false");
	ck_assert_ptr_nonnull(agsubg(g, "_level_2", 0));
	ck_assert_ptr_nonnull(agnode(g, "_legend", 0));
	ck_assert_int_eq(agnnodes(g), 5);
	ck_assert_int_eq(visible_edges(g), 5);
	/* And one invisible edge holds level 2's row beneath level 1's. */
	ck_assert_int_eq(agnedges(g), 6);
	/* The title escapes the account's name. */
	ck_assert_ptr_nonnull(
	    strstr(agget(g, "label"), "Acme &lt;&amp;&gt; Co"));
	map_close(g);

	/* Without the legend and the people who left; org has no links. */
	s.view = MAP_ORG;
	s.legend = 0;
	s.hide_left = 1;
	s.since = NULL;
	g = map_graph(&d, &s);
	ck_assert_int_eq(agnnodes(g), 3);
	ck_assert_int_eq(agnedges(g), 0);
	ck_assert_str_eq(nattr(g, "bob", "penwidth"), "1");
	ck_assert_ptr_null(strstr(nattr(g, "amy", "label"), "technical"));
	map_close(g);
	map_data_free(&d);
}
END_TEST

START_TEST(test_buying_view)
{
	struct map_data d;
	struct map_style s = style_of(MAP_BUYING);
	Agraph_t *g, *sub;

	s.rankdir = "LR";
	s.title = "T";
	s.font = "Some Font";
	s.legend = 0;
	hand_data(&d);
	free(d.deal);
	d.deal = xstrdup("his");
	d.deal_name = xstrdup("HIS");
	g = map_graph(&d, &s);
	sub = agsubg(g, "cluster_technical", 0);
	ck_assert_ptr_nonnull(sub);
	ck_assert_ptr_nonnull(agsubnode(sub, agnode(g, "amy", 0), 0));
	ck_assert_ptr_nonnull(agsubg(g, "cluster_finance", 0));
	ck_assert_ptr_null(agsubg(g, "cluster_business", 0));
	/* Members and their links only; nobody else is linked. */
	ck_assert_int_eq(agnnodes(g), 2);
	ck_assert_int_eq(visible_edges(g), 2);
	ck_assert_str_eq(agget(g, "rankdir"), "LR");
	ck_assert_str_eq(agget(g, "fontname"), "Some Font");
	ck_assert_str_eq(nattr(g, "amy", "fontname"), "Some Font");
	ck_assert_ptr_nonnull(strstr(agget(g, "label"), "<B>T</B>"));
	ck_assert_ptr_null(strstr(nattr(g, "amy", "label"), "his:"));
	map_close(g);

	/* An outsider linked to the group is drawn, faded, with
	 * --context only. */
	d.links[1].from = 7;
	map_data_index(&d);
	g = map_graph(&d, &s);
	ck_assert_int_eq(agnnodes(g), 2);
	map_close(g);
	s.context = 1;
	g = map_graph(&d, &s);
	ck_assert_int_eq(agnnodes(g), 3);
	ck_assert_str_eq(nattr(g, "cy", "fillcolor"), "#FFFFFF50");
	ck_assert_str_eq(nattr(g, "cy", "fontcolor"), "#606060");
	map_close(g);
	map_data_free(&d);
}
END_TEST

START_TEST(test_deterministic)
{
	struct map_data d;
	struct map_style s = style_of(MAP_ALL);
	Agraph_t *g;
	char *a, *b;

	hand_data(&d);
	g = map_graph(&d, &s);
	a = dot_text(g);
	map_close(g);
	g = map_graph(&d, &s);
	b = dot_text(g);
	map_close(g);
	ck_assert_str_eq(a, b);
	/* Nodes come in the order of handles. */
	ck_assert_ptr_nonnull(strstr(a, "amy"));
	ck_assert(strstr(a, "\tamy\t") < strstr(a, "\tbob\t"));
	free(a);
	free(b);
	map_data_free(&d);
}
END_TEST

/* --- The rules of maps at a client's size --- */

/*
 * A map by hand: people p00..p(n-1) (id i + 1), no level unless set;
 * lines "person manager" (a dotted one with a '~' first), links
 * "from to kind strength", roles "person role influence lead".
 */
static void
build(struct map_data *d, size_t n, const char *const *lines,
      const char *const *links, const char *const *roles)
{
	char h[16], kind[32], role[32], infl[16];
	size_t i;
	int a, b, x;

	memset(d, 0, sizeof *d);
	d->account = xstrdup("co");
	d->account_name = xstrdup("Co");
	d->people = xcalloc(n + 1, sizeof *d->people);
	d->npeople = n;
	for (i = 0; i < n; i++) {
		snprintf(h, sizeof h, "p%02zu", i);
		d->people[i].id = (int64_t)i + 1;
		d->people[i].handle = xstrdup(h);
		d->people[i].name = xstrdup(h);
	}
	for (i = 0; lines != NULL && lines[i] != NULL; i++) {
		int dotted = lines[i][0] == '~';

		ck_assert_int_eq(sscanf(lines[i] + dotted, "%d %d", &a, &b), 2);
		d->lines = xreallocarray(d->lines, i + 1, sizeof *d->lines);
		d->lines[i] = (struct map_line){a + 1, b + 1, dotted};
		d->nlines = i + 1;
	}
	for (i = 0; links != NULL && links[i] != NULL; i++) {
		ck_assert_int_eq(
		    sscanf(links[i], "%d %d %31s %d", &a, &b, kind, &x), 4);
		d->links = xreallocarray(d->links, i + 1, sizeof *d->links);
		d->links[i] = (struct map_link){
		    a + 1, b + 1, vocab_word(VOCAB_LINK_KIND, kind), x, 0, 0};
		d->nlinks = i + 1;
	}
	for (i = 0; roles != NULL && roles[i] != NULL; i++) {
		ck_assert_int_eq(
		    sscanf(roles[i], "%d %31s %15s %d", &a, role, infl, &x), 4);
		d->roles = xreallocarray(d->roles, i + 1, sizeof *d->roles);
		d->roles[i] = (struct map_role){
		    a + 1, xstrdup("d"), vocab_word(VOCAB_ROLE, role),
		    vocab_word(VOCAB_INFLUENCE, infl), x};
		d->nroles = i + 1;
	}
	map_data_index(d);
}

static int *
all_drawn(size_t n)
{
	int *v = xcalloc(n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = MAP_DRAWN;
	return v;
}

/* The handles of a stack's leaves, "a b c". */
static void
expect_stack(const struct map_data *d, const struct map_stack *s,
             size_t manager, int sides, const char *want)
{
	char got[256] = "";
	size_t i;

	ck_assert_uint_eq(s->manager, manager);
	ck_assert_int_eq(s->sides, sides);
	for (i = 0; i < s->n; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, d->people[s->leaves[i]].handle);
	}
	ck_assert_str_eq(got, want);
}

START_TEST(test_org_plan)
{
	/* p00 over p01..p05; p01 has 1 leaf (p06), p02 2 (p07 p08),
	 * p03 3 (p09-p11), p04 4 (p12-p15, p14 with a level); p05 is a
	 * leaf of p00 with a dotted report p16, who reports to p02 too;
	 * p17 has two solid managers. */
	static const char *const lines[] = {
	    "1 0",  "2 0",   "3 0",  "4 0",  "5 0",  "6 1",  "7 2",
	    "8 2",  "9 3",   "10 3", "11 3", "12 4", "13 4", "14 4",
	    "15 4", "~16 5", "17 2", "17 3", NULL};
	struct map_data d;
	struct map_org o;
	int *drawn;

	build(&d, 18, lines, NULL, NULL);
	d.people[14].level = 3;
	drawn = all_drawn(d.npeople);
	map_org_plan(&d, drawn, &o);
	/* p00 has one leaf (p05; p16's line is dotted); p01 one (p06). */
	ck_assert_uint_eq(o.nstacks, 3);
	expect_stack(&d, &o.stacks[0], 2, 1, "p07 p08");
	expect_stack(&d, &o.stacks[1], 3, 1, "p09 p10 p11");
	/* Both sides from four; a known level first. */
	expect_stack(&d, &o.stacks[2], 4, 2, "p14 p12 p13 p15");
	ck_assert(!o.stacked[5] && !o.stacked[6] && !o.stacked[17]);
	ck_assert(o.stacked[7] && o.stacked[12]);
	map_org_free(&o);

	/* Not drawn: p08 has left and is hidden; p02 keeps one leaf. */
	drawn[8] = MAP_HIDDEN;
	map_org_plan(&d, drawn, &o);
	ck_assert_uint_eq(o.nstacks, 2);
	ck_assert_uint_eq(o.stacks[0].manager, 3);
	map_org_free(&o);
	free(drawn);
	map_data_free(&d);
}
END_TEST

START_TEST(test_org_plan_split)
{
	/* 20 leaves make one stack of ten rows; 21 make two, 11 and 10. */
	const char *lines[32];
	char buf[32][16];
	struct map_data d;
	struct map_org o;
	int *drawn;
	size_t i;

	for (i = 0; i < 21; i++) {
		snprintf(buf[i], sizeof buf[i], "%zu 0", i + 1);
		lines[i] = buf[i];
	}
	lines[20] = NULL;
	build(&d, 21, lines, NULL, NULL);
	drawn = all_drawn(d.npeople);
	map_org_plan(&d, drawn, &o);
	ck_assert_uint_eq(o.nstacks, 1);
	ck_assert_uint_eq(o.stacks[0].n, 20);
	ck_assert_uint_eq(o.stacks[0].first_row, 0);
	map_org_free(&o);
	free(drawn);
	map_data_free(&d);

	lines[20] = buf[20];
	lines[21] = NULL;
	build(&d, 22, lines, NULL, NULL);
	drawn = all_drawn(d.npeople);
	map_org_plan(&d, drawn, &o);
	ck_assert_uint_eq(o.nstacks, 2);
	ck_assert_uint_eq(o.stacks[0].n, 11);
	ck_assert_uint_eq(o.stacks[1].n, 10);
	ck_assert_uint_eq(o.stacks[0].first_row, 0);
	ck_assert_uint_eq(o.stacks[1].first_row, 6);
	ck_assert_str_eq(d.people[o.stacks[1].leaves[0]].handle, "p12");
	map_org_free(&o);
	free(drawn);
	map_data_free(&d);
}
END_TEST

/* The links not hidden, "from>to kind strength[ mutual]", sorted. */
static void
expect_links(const struct map_data *d, const char *want)
{
	char got[512] = "", one[64];
	size_t i;

	for (i = 0; i < d->nlinks; i++) {
		const struct map_link *l = &d->links[i];

		if (l->hidden)
			continue;
		snprintf(one, sizeof one, "%s%s>%s %s %d%s", *got ? ", " : "",
		         map_find(d, l->from)->handle,
		         map_find(d, l->to)->handle, l->kind, l->strength,
		         l->mutual ? " mutual" : "");
		strcat(got, one);
	}
	ck_assert_str_eq(got, want);
}

START_TEST(test_links_pick)
{
	static const char *const links[] = {"0 1 influences 3",
	                                    "1 0 influences 1",
	                                    "0 2 advises 2",
	                                    "2 0 advises 2",
	                                    "1 2 allies 2",
	                                    "3 4 rivals 1",
	                                    "4 3 influences 2",
	                                    "5 0 influences 2",
	                                    "2 5 advises 1",
	                                    "0 1 advises 1",
	                                    NULL};
	static const char *const roles[] = {"5 coach medium 0", "3 user low 0",
	                                    NULL};
	struct map_link_filter f = {0, 1, 0, 0};
	struct map_link_count n;
	struct map_data d;
	int *drawn;

	build(&d, 6, NULL, links, roles);
	drawn = all_drawn(d.npeople);
	map_links_pick(&d, drawn, &f, &n);
	/* The pairs of one kind are one; p00>p01 advises has no pair. */
	expect_links(&d, "p00>p01 influences 3 mutual, p00>p01 advises 1, "
	                 "p00>p02 advises 2 mutual, p01>p02 allies 2, "
	                 "p02>p05 advises 1, p03>p04 rivals 1, "
	                 "p04>p03 influences 2, p05>p00 influences 2");
	ck_assert_uint_eq(n.total, 10);
	ck_assert_uint_eq(n.shown, 10);
	ck_assert_uint_eq(n.edges, 8);

	/* The order: strength; mutual; influence (p05 medium over p03
	 * low); kind (advises before allies, rivals); handles. */
	f.max_links = 4;
	map_links_pick(&d, drawn, &f, &n);
	expect_links(&d, "p00>p01 influences 3 mutual, "
	                 "p00>p02 advises 2 mutual, p04>p03 influences 2, "
	                 "p05>p00 influences 2");
	ck_assert_uint_eq(n.shown, 6);
	ck_assert_uint_eq(n.edges, 4);
	ck_assert_uint_eq(n.limit, 4);
	f.max_links = 5;
	map_links_pick(&d, drawn, &f, &n);
	expect_links(&d, "p00>p01 influences 3 mutual, "
	                 "p00>p02 advises 2 mutual, p01>p02 allies 2, "
	                 "p04>p03 influences 2, p05>p00 influences 2");
	f.max_links = 6;
	map_links_pick(&d, drawn, &f, &n);
	/* Strength 1: p02>p05 (p05's medium influence) before p00>p01
	 * advises (none) and the rivals (p03 low, but rivals last). */
	expect_links(&d, "p00>p01 influences 3 mutual, "
	                 "p00>p02 advises 2 mutual, p01>p02 allies 2, "
	                 "p02>p05 advises 1, p04>p03 influences 2, "
	                 "p05>p00 influences 2");
	f.max_links = 7;
	map_links_pick(&d, drawn, &f, &n);
	/* Then influence 1 (p03, low) over none: the rivals p03>p04. */
	expect_links(&d, "p00>p01 influences 3 mutual, "
	                 "p00>p02 advises 2 mutual, p01>p02 allies 2, "
	                 "p02>p05 advises 1, p03>p04 rivals 1, "
	                 "p04>p03 influences 2, p05>p00 influences 2");

	/* Kinds and strength: at 2 the pair p00-p01 loses its weak half. */
	f.max_links = 0;
	f.kinds = map_link_kind_bit("influences");
	f.min_strength = 2;
	map_links_pick(&d, drawn, &f, &n);
	expect_links(&d, "p00>p01 influences 3, p04>p03 influences 2, "
	                 "p05>p00 influences 2");
	ck_assert_uint_eq(n.total, 3);
	/* Not drawn: no link of theirs. */
	f.kinds = 0;
	f.min_strength = 1;
	drawn[0] = MAP_HIDDEN;
	map_links_pick(&d, drawn, &f, &n);
	expect_links(&d, "p01>p02 allies 2, p02>p05 advises 1, "
	                 "p03>p04 rivals 1, p04>p03 influences 2");
	ck_assert_uint_eq(map_link_kind_bit("allies"), 4);
	ck_assert_uint_eq(map_link_kind_bit("ally"), 0);
	free(drawn);
	map_data_free(&d);
}
END_TEST

START_TEST(test_people_drawn)
{
	static const char *const links[] = {"0 1 influences 2", "2 0 advises 1",
	                                    "3 2 allies 2", "4 5 rivals 3",
	                                    NULL};
	static const char *const roles[] = {"0 technical high 1",
	                                    "1 decision-maker high 0", NULL};
	struct map_style ms;
	struct map_link_count n;
	struct map_data d;
	int drawn[8];

	build(&d, 6, NULL, links, roles);
	memset(&ms, 0, sizeof ms);
	ms.view = MAP_BUYING;
	ms.min_strength = 1;
	ms.max_links = -1;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_int_eq(drawn[0], MAP_DRAWN);
	ck_assert_int_eq(drawn[1], MAP_DRAWN);
	ck_assert_int_eq(drawn[2], MAP_HIDDEN);
	/* Context: p02 is linked to p00; p03 only to p02 (an outsider). */
	ms.context = 1;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_int_eq(drawn[2], MAP_FADED);
	ck_assert_int_eq(drawn[3], MAP_HIDDEN);
	ck_assert_int_eq(drawn[4], MAP_HIDDEN);
	expect_links(&d, "p00>p01 influences 2, p02>p00 advises 1");
	/* The limit is per member: with one link, the stronger stays and
	 * p02 goes with its link. */
	ms.max_links = 1;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_int_eq(drawn[2], MAP_HIDDEN);
	expect_links(&d, "p00>p01 influences 2");
	/* The default limit: three per member. */
	ms.max_links = -1;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_uint_eq(n.limit, 6);
	/* Other views: everyone, three per person. */
	ms.view = MAP_INFLUENCE;
	ms.context = 0;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_int_eq(drawn[3], MAP_DRAWN);
	ck_assert_uint_eq(n.limit, 18);
	/* --hide-left. */
	d.people[3].left_on = xstrdup("2026-01-01");
	ms.hide_left = 1;
	map_people_drawn(&d, &ms, drawn, &n);
	ck_assert_int_eq(drawn[3], MAP_HIDDEN);
	map_data_free(&d);
}
END_TEST

START_TEST(test_buying_plan)
{
	/* p03 leads technical; p01 holds technical (high) and the decision;
	 * p02 technical (high); p04 technical (low); p05 finance; p00 no
	 * role. */
	static const char *const roles[] = {"4 technical low 0",
	                                    "2 technical high 0",
	                                    "3 technical medium 1",
	                                    "1 technical high 1",
	                                    "1 decision-maker medium 0",
	                                    "5 finance high 0",
	                                    NULL};
	struct map_buying bp;
	struct map_data d;
	char got[128] = "";
	int *drawn;
	size_t i;

	build(&d, 6, NULL, NULL, roles);
	drawn = all_drawn(d.npeople);
	map_buying_plan(&d, drawn, &bp);
	for (i = 0; i < bp.n; i++) {
		strcat(got, d.people[bp.members[i]].handle);
		strcat(got, ":");
		strcat(got, bp.role[i]);
		strcat(got, " ");
	}
	ck_assert_str_eq(got, "p01:decision-maker p03:technical p02:technical "
	                      "p04:technical p05:finance ");
	map_buying_free(&bp);
	free(drawn);
	map_data_free(&d);
	ck_assert_uint_eq(map_walk(MAP_ORG), MAP_WALK_LINES);
	ck_assert_uint_eq(map_walk(MAP_INFLUENCE), MAP_WALK_LINKS);
	ck_assert_uint_eq(map_walk(MAP_BUYING), MAP_WALK_GROUP);
	ck_assert_uint_eq(map_walk(MAP_ALL), MAP_WALK_LINES | MAP_WALK_LINKS);
	ck_assert_int_eq(map_layout_parse("compact"), MAP_COMPACT);
	ck_assert_int_eq(map_layout_parse("wide"), MAP_WIDE);
	ck_assert_int_eq(map_layout_parse("Wide"), -1);
	ck_assert_ptr_null(map_fit_find("16x9"));
	ck_assert(map_fit_find("a4")->width < map_fit_find("a4")->height);
	ck_assert(map_fit_find("a4-landscape")->width >
	          map_fit_find("a4-landscape")->height);
	ck_assert_str_eq(map_format_of("x.SVG"), "svg");
	ck_assert_str_eq(map_format_of("x.gv"), "dot");
	ck_assert_str_eq(map_format_of(".png"), "dot");
}
END_TEST

/* A row by hand (strings are copied, as timeline_free frees them). */
static void
row(struct timeline *tl, int64_t id, const char *kind, int64_t target,
    int64_t person, const char *stance, int64_t deal, const char *on)
{
	struct stance_row *r;

	tl->rows = xreallocarray(tl->rows, tl->nrows + 1, sizeof *tl->rows);
	r = &tl->rows[tl->nrows++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->kind = xstrdup(kind);
	r->target = target;
	r->person = person;
	r->stance = stance ? xstrdup(stance) : NULL;
	r->deal = deal;
	r->effective = xstrdup(on);
	r->recorded = xstrdup("2026-03-01T00:00:00Z");
}

static void
expect_spans(const struct tl_lane *l, const char *want)
{
	char got[256] = "", one[64];
	size_t i;

	for (i = 0; i < l->nspans; i++) {
		snprintf(one, sizeof one, "%s%s..%s %s", i ? ", " : "",
		         l->spans[i].from, l->spans[i].to,
		         l->spans[i].stance ? l->spans[i].stance : "?");
		strcat(got, one);
	}
	ck_assert_str_eq(got, want);
}

START_TEST(test_timeline_plan)
{
	struct timeline tl;
	size_t i;

	memset(&tl, 0, sizeof tl);
	tl.deal = 9;
	tl.nlanes = 3;
	tl.lanes = xcalloc(3, sizeof *tl.lanes);
	for (i = 0; i < 3; i++) {
		tl.lanes[i].person = (int64_t)i + 1;
		tl.lanes[i].ref = xstrdup(i == 0   ? "co/c"
		                          : i == 1 ? "co/a"
		                                   : "co/b");
		tl.lanes[i].name = xstrdup("n");
	}
	/* a: a member, low; b: a member, high; c: not a member. */
	tl.lanes[1].role = "user";
	tl.lanes[1].influence = "low";
	tl.lanes[2].role = "finance";
	tl.lanes[2].influence = "high";
	/* Person 2 (a): neutral 01-10, support on the deal 01-20 (general
	 * oppose the same day loses to the deal's), a correction of the
	 * first to oppose on 01-10; person 1 (c): support 01-05 retracted;
	 * another deal's stance ignored. */
	row(&tl, 1, "observe", 0, 2, "neutral", 0, "2026-01-10");
	row(&tl, 2, "observe", 0, 2, "support", 9, "2026-01-20");
	row(&tl, 3, "observe", 0, 2, "oppose", 0, "2026-01-20");
	row(&tl, 4, "correct", 1, 2, "oppose", 0, "2026-01-10");
	row(&tl, 5, "observe", 0, 1, "support", 0, "2026-01-05");
	row(&tl, 6, "retract", 5, 1, NULL, 0, "2026-01-05");
	row(&tl, 7, "observe", 0, 1, "oppose", 8, "2026-01-07");
	row(&tl, 8, "observe", 0, 3, "support", 0, "2025-12-01");
	timeline_plan(&tl, "2026-01-01", "2026-01-31");
	/* The order: b (high), a (low), then c. */
	ck_assert_str_eq(tl.lanes[0].ref, "co/b");
	ck_assert_str_eq(tl.lanes[1].ref, "co/a");
	ck_assert_str_eq(tl.lanes[2].ref, "co/c");
	expect_spans(&tl.lanes[0], "2026-01-01..2026-01-31 support");
	expect_spans(&tl.lanes[1], "2026-01-01..2026-01-09 ?, "
	                           "2026-01-10..2026-01-19 oppose, "
	                           "2026-01-20..2026-01-31 support");
	ck_assert_uint_eq(tl.lanes[1].nmarks, 1);
	ck_assert_str_eq(tl.lanes[1].marks[0].day, "2026-01-10");
	ck_assert_int_eq(tl.lanes[1].marks[0].kinds, TL_CORRECTED);
	expect_spans(&tl.lanes[2], "2026-01-01..2026-01-31 ?");
	ck_assert_uint_eq(tl.lanes[2].nmarks, 1);
	ck_assert_int_eq(tl.lanes[2].marks[0].kinds, TL_RETRACTED);
	ck_assert_uint_eq(tl.lanes[0].nmarks, 0);
	timeline_free(&tl);
}
END_TEST

/* --- Loading from the store --- */

static struct map_person *
person(struct map_data *d, const char *handle)
{
	size_t i;

	for (i = 0; i < d->npeople; i++)
		if (strcmp(d->people[i].handle, handle) == 0)
			return &d->people[i];
	return NULL;
}

START_TEST(test_load_account)
{
	struct map_query q = {1,
	                      0,
	                      0,
	                      0,
	                      0,
	                      "2026-03-02",
	                      "2026-01-31",
	                      MAP_WALK_LINES | MAP_WALK_LINKS,
	                      0,
	                      1,
	                      0,
	                      0,
	                      NULL};
	struct map_data d;
	size_t i;

	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	ck_assert_str_eq(d.account_name, "Acme & Co");
	ck_assert_ptr_null(d.deal);
	ck_assert_uint_eq(d.npeople, 7); /* not 'elsewhere' */
	ck_assert_str_eq(d.people[0].handle, "boss");
	ck_assert_str_eq(person(&d, "cto")->stance, "support");
	ck_assert_str_eq(person(&d, "cto")->was, "neutral");
	ck_assert_str_eq(person(&d, "cfo")->stance, "oppose");
	ck_assert_ptr_null(person(&d, "boss")->stance);
	ck_assert_int_eq(person(&d, "buyer")->placeholder, 1);
	ck_assert_int_eq(person(&d, "eng")->level, 3);
	ck_assert_str_eq(person(&d, "gone")->left_on, "2026-02-20");
	/* eng's line to old ended on 2026-01-01: 7 lines on 2026-03-02. */
	ck_assert_uint_eq(d.nlines, 7);
	for (i = 0; i < d.nlines; i++)
		ck_assert(!(d.lines[i].person == 4 && d.lines[i].manager == 6));
	ck_assert_uint_eq(d.nlinks, 3);
	ck_assert_uint_eq(d.nroles, 4);
	/* boss first (by handle), then cfo's two, in vocabulary order. */
	ck_assert_str_eq(d.roles[0].deal, "erp");
	ck_assert_str_eq(d.roles[1].role, "decision-maker");
	ck_assert_str_eq(d.roles[2].role, "finance");
	map_data_free(&d);
}
END_TEST

START_TEST(test_load_as_of)
{
	struct map_query q = {1,    0,
	                      0,    0,
	                      0,    "2025-12-31",
	                      NULL, MAP_WALK_LINES | MAP_WALK_LINKS,
	                      0,    1,
	                      0,    0,
	                      NULL};
	struct map_data d;
	size_t i;
	int old = 0, cto = 0;

	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	/* Before 2026-01-01 eng reported to old, not to cto. */
	for (i = 0; i < d.nlines; i++) {
		old += d.lines[i].person == 4 && d.lines[i].manager == 6;
		cto += d.lines[i].person == 4 && d.lines[i].manager == 2;
	}
	ck_assert_int_eq(old, 1);
	ck_assert_int_eq(cto, 0);
	/* Not yet left; no stance yet. */
	ck_assert_ptr_null(person(&d, "gone")->left_on);
	ck_assert_ptr_null(person(&d, "cto")->stance);
	ck_assert_ptr_null(person(&d, "cto")->was);
	map_data_free(&d);
}
END_TEST

START_TEST(test_load_deal_toward)
{
	struct map_query q = {1,    1,
	                      1,    0,
	                      0,    "2026-03-02",
	                      NULL, MAP_WALK_LINES | MAP_WALK_LINKS,
	                      0,    1,
	                      0,    0,
	                      NULL};
	struct map_data d;

	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	ck_assert_str_eq(d.deal, "his");
	ck_assert_str_eq(d.toward_name, "Rival");
	/* Toward the competitor: cfo supports them; cto is unknown. */
	ck_assert_str_eq(person(&d, "cfo")->stance, "support");
	ck_assert_ptr_null(person(&d, "cto")->stance);
	ck_assert_uint_eq(d.nroles, 3); /* the deal's roles only */
	map_data_free(&d);
}
END_TEST

START_TEST(test_load_focus)
{
	struct map_query q = {1,    0,
	                      0,    4,
	                      1,    "2026-03-02",
	                      NULL, MAP_WALK_LINES | MAP_WALK_LINKS,
	                      0,    1,
	                      0,    0,
	                      NULL};
	struct map_data d;

	/* eng, one step: cto (manager, advised), cfo (dotted). */
	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	ck_assert_uint_eq(d.npeople, 3);
	ck_assert_str_eq(d.people[0].handle, "cfo");
	ck_assert_str_eq(d.people[1].handle, "cto");
	ck_assert_str_eq(d.people[2].handle, "eng");
	/* Lines and links among them only. */
	ck_assert_uint_eq(d.nlines, 2);
	ck_assert_uint_eq(d.nlinks, 2);
	map_data_free(&d);

	q.depth = 0;
	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	ck_assert_uint_eq(d.npeople, 1);
	ck_assert_uint_eq(d.nlines, 0);
	map_data_free(&d);

	q.depth = 2; /* + boss, gone, buyer, old (via cfo's link) */
	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	ck_assert_uint_eq(d.npeople, 7);
	map_data_free(&d);
}
END_TEST

START_TEST(test_lookup)
{
	ck_assert_int_eq(store_graph_person_account(st, 8), 2);
	ck_assert_int_eq(store_graph_person_account(st, 99), 0);
}
END_TEST

/* --- Writing --- */

START_TEST(test_write)
{
	struct map_query q = {1,    0,
	                      0,    0,
	                      0,    "2026-03-02",
	                      NULL, MAP_WALK_LINES | MAP_WALK_LINKS,
	                      0,    1,
	                      0,    0,
	                      NULL};
	struct map_style s = style_of(MAP_ALL);
	struct map_data d;
	Agraph_t *g;
	char file[128], *want, *got, bad[160];
	FILE *fp;
	long n;

	ck_assert_int_eq(map_load(st, &q, &d), KAM_OK);
	g = map_graph(&d, &s);
	snprintf(file, sizeof file, "%s/map.dot", dir);
	ck_assert_int_eq(map_write(g, "dot", file, NULL), KAM_OK);
	want = dot_text(g);
	fp = fopen(file, "r");
	ck_assert_ptr_nonnull(fp);
	got = xcalloc(1, strlen(want) + 2);
	n = (long)fread(got, 1, strlen(want) + 1, fp);
	fclose(fp);
	ck_assert_int_eq(n, (long)strlen(want));
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	/* map.dot and nothing else besides the store. */
	ck_assert_uint_eq(count_files(), 1);

	snprintf(file, sizeof file, "%s/map.svg", dir);
	ck_assert_int_eq(map_write(g, "svg", file, NULL), KAM_OK);
	fp = fopen(file, "r");
	got = xcalloc(1, 200000);
	n = (long)fread(got, 1, 199999, fp);
	fclose(fp);
	ck_assert(n > 0);
	ck_assert_ptr_nonnull(strstr(got, "<svg"));
	ck_assert_ptr_nonnull(strstr(got, "李伟"));
	ck_assert_ptr_nonnull(strstr(got, "Eng &lt;1&gt;"));
	free(got);
	ck_assert_uint_eq(count_files(), 2);

	snprintf(bad, sizeof bad, "%s/no/such/folder/map.dot", dir);
	ck_assert_int_eq(map_write(g, "dot", bad, NULL), KAM_IO);
	ck_assert_uint_eq(count_files(), 2);
	map_close(g);
	map_data_free(&d);
}
END_TEST

static Suite *
graph_suite(void)
{
	Suite *s = suite_create("graph");
	TCase *pure = tcase_create("pure");
	TCase *store = tcase_create("store");

	tcase_add_test(pure, test_escape);
	tcase_add_test(pure, test_parse);
	tcase_add_test(pure, test_neighbourhood);
	tcase_add_test(pure, test_index);
	tcase_add_test(pure, test_styles);
	tcase_add_test(pure, test_buying_view);
	tcase_add_test(pure, test_deterministic);
	tcase_add_test(pure, test_org_plan);
	tcase_add_test(pure, test_org_plan_split);
	tcase_add_test(pure, test_links_pick);
	tcase_add_test(pure, test_people_drawn);
	tcase_add_test(pure, test_buying_plan);
	tcase_add_test(pure, test_timeline_plan);
	suite_add_tcase(s, pure);
	tcase_add_checked_fixture(store, setup, teardown);
	tcase_set_timeout(store, 30);
	tcase_add_test(store, test_load_account);
	tcase_add_test(store, test_load_as_of);
	tcase_add_test(store, test_load_deal_toward);
	tcase_add_test(store, test_load_focus);
	tcase_add_test(store, test_lookup);
	tcase_add_test(store, test_write);
	suite_add_tcase(s, store);
	return s;
}

int
main(void)
{
	return unit_run(graph_suite());
}
