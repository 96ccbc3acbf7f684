/*
 * The writers of kam-gate calibrate (calibrate.c): one row per closed
 * deal for TSV and CSV, the whole report as text or Markdown (a summary
 * and four tables), and everything as JSON.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/calibrate.h"
#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/out.h"

/* A closed deal as its row shows it. */
struct calib_line {
	const struct calib_row *r;
	const char *deal, *name, *status, *closed;
	int64_t run; /* 0: none old enough */
	const char *recorded, *verdict;
	char *yes; /* ';' between */
	const char *final_verdict, *turned;
};

/* Whether the run's verdict came true: missing when none is defined. */
static void
put_hit(struct out *o, const void *row)
{
	const struct calib_line *l = row;

	if (l->r->run != NULL && l->r->hit >= 0)
		out_bool(o, l->r->hit);
	else
		out_null(o);
}

/* The run's win likelihood, two decimals. */
static void
put_p(struct out *o, const void *row)
{
	const struct calib_line *l = row;

	if (l->r->run != NULL && l->r->run->has_p)
		out_fixed(o, l->r->run->p, 2);
	else
		out_null(o);
}

/* How many days before the close the verdict turned. */
static void
put_days(struct out *o, const void *row)
{
	const struct calib_line *l = row;

	if (l->r->turn != NULL)
		out_int(o, l->r->turned_days);
	else
		out_null(o);
}

#define C(f, k) OUT_COL(struct calib_line, f, #f, k)
static const struct out_col row_cols[] = {
    C(deal, OUT_C_STR),
    C(name, OUT_C_STR),
    C(status, OUT_C_STR),
    C(closed, OUT_C_STR),
    C(run, OUT_C_INT64_NZ),
    C(recorded, OUT_C_STR),
    C(verdict, OUT_C_STR),
    OUT_COL_FN("hit", put_hit),
    OUT_COL_FN("win_likelihood", put_p),
    C(yes, OUT_C_LIST),
    C(final_verdict, OUT_C_STR),
    C(turned, OUT_C_STR),
    OUT_COL_FN("days_before_close", put_days),
    OUT_COL_END};
#undef C
const struct out_col *const calibrate_cols = row_cols;

/* The keys answered yes, ';' between. */
static char *
yes_list(const struct calib_run *r)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < r->nyes; i++)
		buf_printf(&b, "%s%s", i ? ";" : "", r->yes[i]);
	return b.s ? b.s : xstrdup("");
}

void
calibrate_write_rows(struct out *o, const struct calibration *c)
{
	size_t i;

	for (i = 0; i < c->nrows; i++) {
		const struct calib_row *r = &c->rows[i];
		struct calib_line l = {.r = r,
		                       .deal = r->d->deal,
		                       .name = r->d->name,
		                       .status = r->d->status,
		                       .closed = r->d->closed,
		                       .final_verdict =
		                           r->last ? r->last->verdict : NULL,
		                       .turned = r->turn ? r->turn->day : NULL};

		if (r->run != NULL) {
			l.run = r->run->number;
			l.recorded = r->run->day;
			l.verdict = r->run->verdict;
			l.yes = yes_list(r->run);
		}
		out_row(o, &l);
		free(l.yes);
	}
}

/* A table of the report: aligned text (out.c), or Markdown. */
struct tab {
	FILE *fp;
	struct out *o; /* text; NULL: Markdown */
};

static void
tab_open(struct tab *t, FILE *fp, int md, const char *const *cols)
{
	size_t i;

	t->fp = fp;
	t->o = md ? NULL : out_open(fp, OUT_TABLE, 0, cols);
	if (!md)
		return;
	for (i = 0; cols[i] != NULL; i++) {
		char *h = out_heading(cols[i]);

		fprintf(fp, "| %s ", h);
		free(h);
	}
	fputs("|\n", fp);
	for (i = 0; cols[i] != NULL; i++)
		fputs("| --- ", fp);
	fputs("|\n", fp);
}

static void
tab_str(struct tab *t, const char *s)
{
	if (t->o != NULL) {
		if (s != NULL)
			out_str(t->o, s);
		else
			out_null(t->o);
		return;
	}
	fputs("| ", t->fp);
	gate_md(t->fp, s != NULL ? s : "-");
	fputc(' ', t->fp);
}

static void
tab_int(struct tab *t, long v)
{
	char s[32];

	snprintf(s, sizeof s, "%ld", v);
	tab_str(t, s);
}

static void
tab_fixed(struct tab *t, double v)
{
	char s[32], *p;

	snprintf(s, sizeof s, "%.2f", v);
	if ((p = strchr(s, ',')) != NULL)
		*p = '.';
	tab_str(t, s);
}

static void
tab_end_row(struct tab *t)
{
	if (t->o != NULL)
		out_end_row(t->o);
	else
		fputs("|\n", t->fp);
}

static void
tab_close(struct tab *t)
{
	if (t->o != NULL)
		out_close(t->o);
}

/* A heading: a line of text, or a Markdown heading. */
static void
heading(FILE *fp, int md, const char *s)
{
	if (md)
		fprintf(fp, "\n## %s\n\n", s);
	else
		fprintf(fp, "\n%s\n", s);
}

static void
summary(FILE *fp, const struct calibration *c)
{
	fprintf(fp,
	        _("%ld closed deals (%ld won, %ld lost, %ld abandoned); "
	          "%ld with a run recorded %ld days or more before the close, "
	          "%ld without one (left out)."),
	        c->closed, c->won, c->lost, c->abandoned, c->used,
	        c->days_before, c->excluded);
	fputc('\n', fp);
}

/* A number with a decimal point, whatever the locale. */
static void
point(char *s, size_t len, const char *fmt, double x)
{
	char *p;

	snprintf(s, len, fmt, x);
	if ((p = strchr(s, ',')) != NULL)
		*p = '.';
}

static void
brier_text(FILE *fp, const struct calibration *c)
{
	if (c->brier_n == 0) {
		fprintf(
		    fp, "%s",
		    _("No won or lost deal has a win likelihood to score."));
	} else {
		char b[32], r[32], z[32];

		/* The point is '.' whatever the locale. */
		point(b, sizeof b, "%.3f", c->brier);
		point(r, sizeof r, "%.2f", c->base_rate);
		point(z, sizeof z, "%.3f", c->brier_base);
		fprintf(fp,
		        _("Brier score %s over %ld won or lost deals with a "
		          "win likelihood (0 is perfect; always saying the "
		          "share won, %s, would score %s)."),
		        b, c->brier_n, r, z);
	}
	fputc('\n', fp);
	if (c->no_likelihood > 0) {
		fprintf(fp,
		        _("%ld won or lost deals had no win likelihood (gate 3 "
		          "open or not reached) and are not scored."),
		        c->no_likelihood);
		fputc('\n', fp);
	}
	if (c->abandoned > 0) {
		fprintf(fp, _("Abandoned deals are not scored: %ld."),
		        c->abandoned);
		fputc('\n', fp);
	}
}

/* The hit rate of each verdict. */
static void
text_verdicts(FILE *fp, const struct calibration *c, int md)
{
	static const char *const vcols[] = {"verdict",  "deals",     "won",
	                                    "lost",     "abandoned", "hits",
	                                    "hit_rate", NULL};
	struct tab t;
	int v;

	tab_open(&t, fp, md, vcols);
	for (v = 0; v < 4; v++) {
		const struct calib_verdict *cv = &c->verdicts[v];

		tab_str(&t, gate_label("verdict", cv->verdict));
		tab_int(&t, cv->deals);
		tab_int(&t, cv->won);
		tab_int(&t, cv->lost);
		tab_int(&t, cv->abandoned);
		if (cv->has_hit)
			tab_int(&t, cv->hits);
		else
			tab_str(&t, NULL);
		if (cv->has_hit && cv->deals > 0)
			tab_fixed(&t, (double)cv->hits / (double)cv->deals);
		else
			tab_str(&t, NULL);
		tab_end_row(&t);
	}
	tab_close(&t);
}

/* The criteria answered yes on lost deals, out of the LOST and WON deals
 * that have a run to judge. */
static void
text_criteria(FILE *fp, const struct calibration *c, int md, long lost,
              long won)
{
	static const char *const ccols[] = {"criterion", "gate",  "lost_yes",
	                                    "lost",      "share", "won_share",
	                                    NULL};
	struct tab t;
	size_t i;

	if (c->ncrit == 0) {
		fprintf(fp, "%s\n", _("None."));
		return;
	}
	tab_open(&t, fp, md, ccols);
	for (i = 0; i < c->ncrit; i++) {
		const struct calib_crit *cr = &c->crit[i];

		tab_str(&t, cr->key);
		tab_int(&t, cr->gate);
		tab_int(&t, cr->lost_yes);
		tab_int(&t, lost);
		tab_fixed(&t, (double)cr->lost_yes / (double)lost);
		if (won > 0)
			tab_fixed(&t, (double)cr->won_yes / (double)won);
		else
			tab_str(&t, NULL);
		tab_end_row(&t);
	}
	tab_close(&t);
}

/* How early the verdict turned: the median, then each deal that turned. */
static void
text_turned(FILE *fp, const struct calibration *c, int md)
{
	static const char *const tcols[] = {"deal",   "status",
	                                    "closed", "final_verdict",
	                                    "turned", "days_before_close",
	                                    NULL};
	struct tab t;
	size_t i;

	if (c->turned_median < 0) {
		fprintf(fp, "%s\n",
		        _("No closed deal was run before its close."));
		return;
	}
	fprintf(fp,
	        _("The final verdict was reached a median %ld days before "
	          "the close."),
	        c->turned_median);
	fputs(md ? "\n\n" : "\n", fp);
	tab_open(&t, fp, md, tcols);
	for (i = 0; i < c->nrows; i++) {
		const struct calib_row *r = &c->rows[i];

		if (r->turn == NULL)
			continue;
		tab_str(&t, r->d->deal);
		tab_str(&t, gate_label("deal", r->d->status));
		tab_str(&t, r->d->closed);
		tab_str(&t, gate_label("verdict", r->last->verdict));
		tab_str(&t, r->turn->day);
		tab_int(&t, r->turned_days);
		tab_end_row(&t);
	}
	tab_close(&t);
}

void
calibrate_write_text(FILE *fp, const struct calibration *c, int md)
{
	long lost = 0, won = 0;
	int v;

	/* The lost and won deals that have a run to judge. */
	for (v = 0; v < 4; v++) {
		lost += c->verdicts[v].lost;
		won += c->verdicts[v].won;
	}
	if (md)
		fprintf(fp, "# %s\n\n", _("Calibration"));
	summary(fp, c);
	heading(fp, md, _("Hit rate by verdict"));
	text_verdicts(fp, c, md);
	heading(fp, md, _("Win likelihood"));
	brier_text(fp, c);
	heading(fp, md, _("Criteria answered yes on lost deals"));
	text_criteria(fp, c, md, lost, won);
	heading(fp, md, _("How early the verdict turned"));
	text_turned(fp, c, md);
}

static void
json_fixed(FILE *fp, double x, int decimals)
{
	char s[32], *p;

	snprintf(s, sizeof s, "%.*f", decimals, x);
	if ((p = strchr(s, ',')) != NULL)
		*p = '.';
	fputs(s, fp);
}

/* The "verdicts" array's members. */
static void
json_verdicts(FILE *fp, const struct calibration *c)
{
	int v;

	for (v = 0; v < 4; v++) {
		const struct calib_verdict *cv = &c->verdicts[v];

		fprintf(fp,
		        "%s\n    {\"verdict\": \"%s\", \"deals\": %ld, "
		        "\"won\": %ld, \"lost\": %ld, \"abandoned\": %ld, "
		        "\"hits\": ",
		        v ? "," : "", cv->verdict, cv->deals, cv->won, cv->lost,
		        cv->abandoned);
		if (cv->has_hit)
			fprintf(fp, "%ld", cv->hits);
		else
			fputs("null", fp);
		fputs(", \"hit_rate\": ", fp);
		if (cv->has_hit && cv->deals > 0)
			json_fixed(fp, (double)cv->hits / (double)cv->deals, 4);
		else
			fputs("null", fp);
		fputc('}', fp);
	}
}

/* The "brier" object. */
static void
json_brier(FILE *fp, const struct calibration *c)
{
	fprintf(fp, "\"brier\": {\"deals\": %ld, \"won\": %ld, \"score\": ",
	        c->brier_n, c->brier_won);
	if (c->brier_n > 0) {
		json_fixed(fp, c->brier, 4);
		fputs(", \"base_rate\": ", fp);
		json_fixed(fp, c->base_rate, 4);
		fputs(", \"base_score\": ", fp);
		json_fixed(fp, c->brier_base, 4);
	} else
		fputs("null, \"base_rate\": null, \"base_score\": null", fp);
	fprintf(fp, ", \"no_likelihood\": %ld}", c->no_likelihood);
}

/* The "lost_yes" array's members, out of the LOST and WON deals that have
 * a run to judge. */
static void
json_criteria(FILE *fp, const struct calibration *c, long lost, long won)
{
	size_t i;

	for (i = 0; i < c->ncrit; i++) {
		const struct calib_crit *cr = &c->crit[i];

		fprintf(fp, "%s\n    {\"criterion\": ", i ? "," : "");
		json_put_str(fp, cr->key);
		fprintf(fp,
		        ", \"gate\": %d, \"lost_yes\": %ld, \"lost\": %ld, "
		        "\"won_yes\": %ld, \"won\": %ld}",
		        cr->gate, cr->lost_yes, lost, cr->won_yes, won);
	}
}

/* One deal's run judged: its members from "run" to "yes". */
static void
json_deal_run(FILE *fp, const struct calib_row *r)
{
	size_t k;

	if (r->run == NULL) {
		fputs(",\n     \"run\": null, \"recorded\": null, "
		      "\"verdict\": null, \"hit\": null, "
		      "\"win_likelihood\": null, \"yes\": []",
		      fp);
		return;
	}
	fprintf(fp, ",\n     \"run\": %lld, \"recorded\": ",
	        (long long)r->run->number);
	json_put_str(fp, r->run->day);
	fputs(", \"verdict\": ", fp);
	json_put_str(fp, r->run->verdict);
	fprintf(fp, ", \"hit\": %s, \"win_likelihood\": ",
	        r->hit < 0 ? "null"
	        : r->hit   ? "true"
	                   : "false");
	if (r->run->has_p)
		json_fixed(fp, r->run->p, 2);
	else
		fputs("null", fp);
	fputs(", \"yes\": [", fp);
	for (k = 0; k < r->run->nyes; k++) {
		fputs(k ? ", " : "", fp);
		json_put_str(fp, r->run->yes[k]);
	}
	fputc(']', fp);
}

/* The "deals" array's members; returns how many. */
static size_t
json_deals(FILE *fp, const struct calibration *c)
{
	size_t i, n;

	for (i = 0, n = 0; i < c->nrows; i++) {
		const struct calib_row *r = &c->rows[i];

		fprintf(fp, "%s\n    {\"deal\": ", n++ ? "," : "");
		json_put_str(fp, r->d->deal);
		fputs(", \"name\": ", fp);
		json_put_str(fp, r->d->name);
		fputs(", \"status\": ", fp);
		json_put_str(fp, r->d->status);
		fputs(", \"closed\": ", fp);
		json_put_str(fp, r->d->closed);
		json_deal_run(fp, r);
		fputs(",\n     \"final_verdict\": ", fp);
		json_put_str(fp, r->last != NULL ? r->last->verdict : NULL);
		fputs(", \"turned\": ", fp);
		if (r->turn != NULL) {
			json_put_str(fp, r->turn->day);
			fprintf(fp, ", \"days_before_close\": %ld}",
			        r->turned_days);
		} else
			fputs("null, \"days_before_close\": null}", fp);
	}
	return n;
}

void
calibrate_write_json(FILE *fp, const struct calibration *c)
{
	long used_lost = 0, used_won = 0;
	int v;

	/* The lost and won deals that have a run to judge. */
	for (v = 0; v < 4; v++) {
		used_lost += c->verdicts[v].lost;
		used_won += c->verdicts[v].won;
	}
	fprintf(fp,
	        "{\n  \"days_before\": %ld,\n  \"closed\": %ld, \"won\": %ld, "
	        "\"lost\": %ld, \"abandoned\": %ld,\n  \"used\": %ld, "
	        "\"excluded\": %ld,\n  \"verdicts\": [",
	        c->days_before, c->closed, c->won, c->lost, c->abandoned,
	        c->used, c->excluded);
	json_verdicts(fp, c);
	fputs("\n  ],\n  ", fp);
	json_brier(fp, c);
	fputs(",\n  \"lost_yes\": [", fp);
	json_criteria(fp, c, used_lost, used_won);
	fputs(c->ncrit ? "\n  ],\n  \"turned_median\": "
	               : "],\n  \"turned_median\": ",
	      fp);
	if (c->turned_median >= 0)
		fprintf(fp, "%ld", c->turned_median);
	else
		fputs("null", fp);
	fputs(",\n  \"deals\": [", fp);
	fputs(json_deals(fp, c) ? "\n  ]\n}\n" : "]\n}\n", fp);
}
