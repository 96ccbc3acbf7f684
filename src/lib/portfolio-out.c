/*
 * portfolio-out: the portfolio as rows (table, TSV, CSV, JSON), as a
 * Markdown document, and as a picture for a slide: one node whose label
 * is an HTML-like table, a column per verdict, laid out and rendered by
 * Graphviz like a map (map_write).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/graph.h"
#include "kam/kam.h"
#include "kam/out.h"
#include "kam/portfolio.h"

#include "gv.h"

/* Red-flag codes "a;b" in the user's language: a new string. */
static char *
flags_label(const char *flags)
{
	struct buf b = {0};
	char *s = xstrdup(flags), *p, *save = NULL;

	for (p = strtok_r(s, ";", &save); p; p = strtok_r(NULL, ";", &save))
		buf_printf(&b, "%s%s", b.len ? gate_table_sep() : "",
		           gate_label("flag", p));
	free(s);
	return b.s ? b.s : xstrdup("");
}

/* The row's expected value, missing when unknown. */
static void
put_expected(struct out *o, const void *row)
{
	const struct portfolio_row *r = row;

	if (r->expected[0])
		out_raw_json(o, r->expected, r->expected);
	else
		out_null(o);
}

/* The days since the last run, missing when never run. */
static void
put_days(struct out *o, const void *row)
{
	const struct portfolio_row *r = row;

	if (r->days_since_check >= 0)
		out_int(o, r->days_since_check);
	else
		out_null(o);
}

#define C(f, nm, k) OUT_COL(struct portfolio_row, f, nm, k)
#define L(f, kind)  OUT_COL_LABEL(struct portfolio_row, f, #f, gate_label, kind)
static const struct out_col row_cols[] = {
    C(deal, "deal", OUT_C_STR),
    C(name, "name", OUT_C_STR),
    L(verdict, "verdict"),
    L(investment, "level"),
    C(value, "value", OUT_C_DIGITS),
    C(currency, "currency", OUT_C_STR),
    OUT_COL_FN("expected_value", put_expected),
    C(close_on, "close", OUT_C_STR),
    OUT_COL_FN("days_since_check", put_days),
    C(stale, "stale", OUT_C_LONG),
    OUT_COL_LIST_SAID(struct portfolio_row, flags, "flags", flags_label),
    OUT_COL_END};
#undef L
#undef C
const struct out_col *const portfolio_cols = row_cols;

void
portfolio_write_rows(struct out *o, const struct portfolio *p)
{
	out_rows(o, p->rows, p->n, sizeof *p->rows);
}

/* An amount with its currency, or "-". */
static void
md_amount(FILE *fp, const char *amount, const char *currency)
{
	struct buf b = {0};

	if (amount != NULL && *amount)
		buf_printf(&b, "%s%s%s", amount, currency ? " " : "",
		           currency ? currency : "");
	gate_md_cell(fp, b.s);
	buf_free(&b);
}

void
portfolio_write_md(FILE *fp, const struct portfolio *p)
{
	size_t i;

	fprintf(fp, _("# Portfolio, %s\n\n"), p->today);
	if (p->n == 0) {
		fputs(_("No open deals.\n"), fp);
		return;
	}
	fprintf(fp,
	        ngettext("%zu open deal, by expected value (the value times "
	                 "the win likelihood of the last run).  Stale: "
	                 "members whose latest observation is more than %ld "
	                 "days old.\n\n",
	                 "%zu open deals, by expected value (the value times "
	                 "the win likelihood of the last run).  Stale: "
	                 "members whose latest observation is more than %ld "
	                 "days old.\n\n",
	                 p->n),
	        p->n, p->stale_days);
	gate_md_head(
	    fp,
	    _("| deal | verdict | investment | value | expected value | close "
	      "| days since check | stale | flags |\n"),
	    "lllrrlrrl");
	for (i = 0; i < p->n; i++) {
		const struct portfolio_row *r = &p->rows[i];
		char *who, days[24], stale[24];

		xasprintf(&who, "%s (%s)", r->name, r->deal);
		snprintf(days, sizeof days, "%ld", r->days_since_check);
		snprintf(stale, sizeof stale, "%ld", r->stale);
		fputc('|', fp);
		gate_md_cell(fp, who);
		gate_md_cell(fp, r->verdict != NULL
		                     ? gate_label("verdict", r->verdict)
		                     : _("not assessed"));
		gate_md_cell(fp, gate_label("level", r->investment));
		md_amount(fp, r->value, r->currency);
		md_amount(fp, r->expected, r->currency);
		gate_md_cell(fp, r->close_on);
		gate_md_cell(fp, r->days_since_check >= 0 ? days : NULL);
		gate_md_cell(fp, stale);
		{
			char *f = r->flags ? flags_label(r->flags) : NULL;

			gate_md_cell(fp, f);
			free(f);
		}
		fputc('\n', fp);
		free(who);
	}
}

/* The columns of the picture and their colours. */
static const struct {
	const char *verdict; /* NULL: never assessed */
	const char *title, *fill, *head, *ink;
} columns[] = {
    {"pursue", N_("pursue"), "#D5EFE6", "#009E73", "#FFFFFF"},
    {"pursue-limited", N_("pursue, limited"), "#E3F1FA", "#56B4E9", "#000000"},
    {"qualify", N_("qualify first"), "#FBF8D9", "#F0E442", "#000000"},
    {"drop", N_("drop"), "#F6DDCF", "#D55E00", "#FFFFFF"},
    {NULL, N_("not assessed"), "#F2F2F2", "#707070", "#FFFFFF"},
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static size_t
column_of(const struct portfolio_row *r)
{
	size_t c;

	for (c = 0; c + 1 < NCOLUMNS; c++)
		if (r->verdict != NULL &&
		    strcmp(r->verdict, columns[c].verdict) == 0)
			return c;
	return NCOLUMNS - 1;
}

/* The sums of one column, currency by currency, as "12000000 CNY". */
struct sums {
	char *currency[8];
	char total[8][MONEY_LEN];
	size_t n;
	int more; /* a ninth currency or an amount too large */
};

static void
sum_add(struct sums *s, const char *amount, const char *currency)
{
	const char *c = currency != NULL ? currency : "";
	size_t i;

	if (amount == NULL || *amount == '\0')
		return;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->currency[i], c) == 0)
			break;
	if (i == s->n) {
		if (s->n == 8) {
			s->more = 1;
			return;
		}
		s->currency[s->n] = xstrdup(c);
		strcpy(s->total[s->n], "0");
		s->n++;
	}
	if (money_add(s->total[i], amount, s->total[i]) != 0)
		s->more = 1;
}

static void
sums_text(struct buf *b, const struct sums *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		buf_printf(b, "%s%s%s%s", i ? ", " : "", s->total[i],
		           *s->currency[i] ? " " : "", s->currency[i]);
	if (s->more)
		buf_puts(b, s->n ? ", ..." : "...");
	if (s->n == 0 && !s->more)
		buf_puts(b, "-");
}

static void
sums_free(struct sums *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->currency[i]);
}

/* One deal: its name; handle and close; value and expected value; when
 * checked and how much is stale; its flags. */
static void
deal_cell(struct buf *b, const struct portfolio_row *r, const char *fill)
{
	const char *cur = r->currency != NULL ? r->currency : "";
	const char *sp = r->currency != NULL ? " " : "";
	int k = 0;

	buf_printf(b,
	           "<TD BGCOLOR=\"%s\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
	           "CELLPADDING=\"6\"><B>",
	           fill);
	map_html_escape(b, r->name);
	buf_puts(b, "</B><BR/><FONT POINT-SIZE=\"9\">");
	map_html_escape(b, r->deal);
	if (r->close_on != NULL)
		buf_printf(b, _(" \xc2\xb7 closes %s"), r->close_on);
	buf_puts(b, "</FONT><BR/>");
	if (r->value != NULL) {
		buf_printf(b, "%s%s", r->value, sp);
		map_html_escape(b, cur);
	} else
		buf_puts(b, _("value unknown"));
	if (r->expected[0]) {
		buf_printf(b, " \xe2\x86\x92 <B>%s%s", r->expected, sp);
		map_html_escape(b, cur);
		buf_puts(b, "</B>");
	}
	buf_puts(b, "<BR/><FONT POINT-SIZE=\"9\">");
	if (r->days_since_check >= 0)
		buf_printf(b,
		           ngettext("checked %ld day ago",
		                    "checked %ld days ago",
		                    (unsigned long)r->days_since_check),
		           r->days_since_check);
	else
		buf_puts(b, _("never checked"));
	if (r->stale > 0)
		buf_printf(b,
		           ngettext(" \xc2\xb7 %ld stale stance",
		                    " \xc2\xb7 %ld stale stances",
		                    (unsigned long)r->stale),
		           r->stale);
	if (r->flags != NULL) {
		/* U+2691 black flag; two codes a line. */
		char *codes = xstrdup(r->flags), *code, *save = NULL;

		for (code = strtok_r(codes, ";", &save); code != NULL;
		     code = strtok_r(NULL, ";", &save), k++) {
			buf_puts(b, k == 0  ? "<BR/>\xe2\x9a\x91 "
			            : k % 2 ? ", "
			                    : ",<BR/>");
			map_html_escape(b, gate_label("flag", code));
		}
		free(codes);
	}
	buf_puts(b, "</FONT></TD>");
}

/* The graph's attributes: FONT, and the page FIT, if any. */
static void
portfolio_attrs(Agraph_t *g, const char *font, const struct map_fit *fit)
{
	agattr(g, AGRAPH, "fontname", (char *)font);
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "label", "");
	if (fit != NULL) {
		/* Scaled, up or down, to the page; map_write centres it. */
		char size[64];

		snprintf(size, sizeof size, "%.4f,%.4f!", fit->width,
		         fit->height);
		agattr(g, AGRAPH, "size", size);
	}
	map_label_nodes(g, font, "11");
}

/* The graph's label: TITLE and how many deals, as of when. */
static void
portfolio_title(Agraph_t *g, const struct portfolio *p, const char *title)
{
	struct buf b = {0};

	buf_puts(&b, "<FONT POINT-SIZE=\"22\"><B>");
	map_html_escape(&b, title != NULL ? title : _("Portfolio"));
	buf_puts(&b, "</B></FONT><BR/>");
	buf_printf(&b,
	           ngettext("%zu open deal by verdict, largest expected value "
	                    "first, %s",
	                    "%zu open deals by verdict, largest expected value "
	                    "first, %s",
	                    (unsigned long)p->n),
	           p->n, p->today);
	buf_add(&b, "", 1);
	map_set_html(g, "label", b.s);
	buf_free(&b);
}

/* The table's first row: each column's title, count, value and expected
 * value. */
static void
portfolio_heads(struct buf *b, const size_t *count, const struct sums *value,
                const struct sums *expected)
{
	size_t c;

	buf_puts(b, "<TR>");
	for (c = 0; c < NCOLUMNS; c++) {
		if (count[c] == 0)
			continue;
		buf_printf(b,
		           "<TD BGCOLOR=\"%s\" WIDTH=\"170\"><FONT "
		           "COLOR=\"%s\" POINT-SIZE=\"14\"><B>%s</B></FONT>"
		           "<BR/><FONT COLOR=\"%s\">",
		           columns[c].head, columns[c].ink, _(columns[c].title),
		           columns[c].ink);
		buf_printf(b, ngettext("%zu deal", "%zu deals", count[c]),
		           count[c]);
		buf_printf(b,
		           "</FONT><BR/>"
		           "<FONT COLOR=\"%s\" POINT-SIZE=\"9\">",
		           columns[c].ink);
		buf_puts(b, _("value "));
		sums_text(b, &value[c]);
		buf_puts(b, "<BR/>");
		buf_puts(b, _("expected "));
		sums_text(b, &expected[c]);
		buf_puts(b, "</FONT></TD>");
	}
	buf_puts(b, "</TR>");
}

/* The cell closing column C when it holds more than PORTFOLIO_ROWS deals
 * (the rows AT[0..COUNT-1] of P): how many more, and their expected
 * value. */
static void
portfolio_more(struct buf *b, const struct portfolio *p, const size_t *at,
               size_t count, size_t c)
{
	struct sums rest;
	size_t k;

	memset(&rest, 0, sizeof rest);
	for (k = PORTFOLIO_ROWS; k < count; k++)
		sum_add(&rest, p->rows[at[k]].expected,
		        p->rows[at[k]].currency);
	buf_printf(b, "<TD BGCOLOR=\"%s\"><I>", columns[c].fill);
	buf_printf(b, _("and %zu more"), count - PORTFOLIO_ROWS);
	buf_puts(b, "</I><BR/><FONT "
	            "POINT-SIZE=\"9\">");
	buf_puts(b, _("expected "));
	sums_text(b, &rest);
	buf_puts(b, "</FONT></TD>");
	sums_free(&rest);
}

Agraph_t *
portfolio_graph(const struct portfolio *p, const char *title, const char *font,
                const struct map_fit *fit)
{
	size_t *count = xcalloc(NCOLUMNS, sizeof *count);
	size_t **at = xcalloc(NCOLUMNS, sizeof *at);
	struct sums value[NCOLUMNS], expected[NCOLUMNS];
	struct buf b = {0};
	size_t c, i, rows = 0;
	Agraph_t *g;

	memset(value, 0, sizeof value);
	memset(expected, 0, sizeof expected);
	for (i = 0; i < p->n; i++) {
		c = column_of(&p->rows[i]);
		at[c] = xreallocarray(at[c], count[c] + 1, sizeof *at[c]);
		at[c][count[c]++] = i;
		sum_add(&value[c], p->rows[i].value, p->rows[i].currency);
		sum_add(&expected[c], p->rows[i].expected, p->rows[i].currency);
	}
	for (c = 0; c < NCOLUMNS; c++) {
		size_t k =
		    count[c] > PORTFOLIO_ROWS ? PORTFOLIO_ROWS + 1 : count[c];

		if (k > rows)
			rows = k;
	}

	g = map_open("portfolio");
	portfolio_attrs(g, font, fit);
	portfolio_title(g, p, title);

	buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
	             "CELLPADDING=\"4\">");
	portfolio_heads(&b, count, value, expected);
	for (i = 0; i < rows; i++) {
		buf_puts(&b, "<TR>");
		for (c = 0; c < NCOLUMNS; c++) {
			if (count[c] == 0)
				continue;
			if (i < PORTFOLIO_ROWS && i < count[c])
				deal_cell(&b, &p->rows[at[c][i]],
				          columns[c].fill);
			else if (i == PORTFOLIO_ROWS &&
			         count[c] > PORTFOLIO_ROWS)
				portfolio_more(&b, p, at[c], count[c], c);
			else
				buf_puts(&b, "<TD></TD>");
		}
		buf_puts(&b, "</TR>");
	}
	buf_puts(&b, "</TABLE>");
	buf_add(&b, "", 1);
	map_set_html(agnode(g, "portfolio", 1), "label", b.s);
	buf_free(&b);
	for (c = 0; c < NCOLUMNS; c++) {
		free(at[c]);
		sums_free(&value[c]);
		sums_free(&expected[c]);
	}
	free(at);
	free(count);
	return g;
}
