/*
 * Importing stance observations from CSV: every row checked and appended
 * to the chain in one transaction, so one bad row records nothing.  Each
 * message names FILE:LINE, store lookups included.  Handles seen once are
 * remembered, so a large file costs one lookup per distinct person.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

struct memo {
	char **keys;
	int64_t *vals;
	size_t cap, len;
};

static size_t
memo_slot(const struct memo *m, const char *k)
{
	uint64_t x = 14695981039346656037ULL; /* FNV-1a, then mixed */
	const unsigned char *p;
	size_t h;

	for (p = (const unsigned char *)k; *p; p++)
		x = (x ^ *p) * 1099511628211ULL;
	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 32;
	h = (size_t)x & (m->cap - 1);
	while (m->keys[h] != NULL && strcmp(m->keys[h], k) != 0)
		h = (h + 1) & (m->cap - 1);
	return h;
}

static int
memo_get(const struct memo *m, const char *k, int64_t *v)
{
	size_t h;

	if (m->cap == 0)
		return 0;
	h = memo_slot(m, k);
	if (m->keys[h] == NULL)
		return 0;
	*v = m->vals[h];
	return 1;
}

static void
memo_put(struct memo *m, const char *k, int64_t v)
{
	size_t h, i;

	if (2 * (m->len + 1) > m->cap) {
		struct memo big = {NULL, NULL, m->cap ? m->cap * 2 : 64, 0};

		big.keys = xcalloc(big.cap, sizeof *big.keys);
		big.vals = xcalloc(big.cap, sizeof *big.vals);
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				h = memo_slot(&big, m->keys[i]);
				big.keys[h] = m->keys[i];
				big.vals[h] = m->vals[i];
				big.len++;
			}
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	h = memo_slot(m, k);
	m->keys[h] = xstrdup(k);
	m->vals[h] = v;
	m->len++;
}

static void
memo_free(struct memo *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
}

const char *const stance_import_cols[] = {
    "person", "stance", "on", "toward", "deal", "note", "source", NULL};
enum { C_PERSON, C_STANCE, C_ON, C_TOWARD, C_DEAL, C_NOTE, C_SOURCE, NCOLS };

static const char *
field(char **f, size_t nf, const int *idx, int col)
{
	if (idx[col] < 0 || (size_t)idx[col] >= nf || f[idx[col]][0] == '\0')
		return NULL;
	return f[idx[col]];
}

void
stance_import_fields(char **f, size_t nf, const int *idx,
                     struct stance_import_row *r)
{
	r->person = field(f, nf, idx, C_PERSON);
	r->stance = field(f, nf, idx, C_STANCE);
	r->on = field(f, nf, idx, C_ON);
	r->toward = field(f, nf, idx, C_TOWARD);
	r->deal = field(f, nf, idx, C_DEAL);
	r->note = field(f, nf, idx, C_NOTE);
	r->source = field(f, nf, idx, C_SOURCE);
}

int
stance_import_check(const char *path, long line, const char *today,
                    const struct stance_import_row *r, const char **word)
{
	if (r->person == NULL)
		return kam_err(KAM_DATA, _("%s:%ld: missing person"), path,
		               line);
	if (r->stance == NULL)
		return kam_err(KAM_DATA, _("%s:%ld: missing stance"), path,
		               line);
	if ((*word = vocab_stance(r->stance)) == NULL)
		return kam_err(KAM_DATA,
		               _("%s:%ld: unknown stance '%s' (use support, "
		                 "neutral, oppose, +, 0 or -)"),
		               path, line, r->stance);
	if (r->on != NULL && !date_valid(r->on)) {
		char *where;
		int rc;

		xasprintf(&where, "%s:%ld", path, line);
		rc = date_error(where, NULL, r->on);
		free(where);
		return rc;
	}
	if (r->on != NULL && strcmp(r->on, today) > 0)
		return kam_err(KAM_DATA,
		               _("%s:%ld: date '%s' is in the future (today is "
		                 "%s)"),
		               path, line, r->on, today);
	if (r->note != NULL || r->source != NULL) {
		char *where;
		int rc;

		xasprintf(&where, "%s:%ld", path, line);
		if ((rc = text_check(where, "note", r->note, TEXT_FREE)) ==
		    KAM_OK)
			rc = text_check(where, "source", r->source, TEXT_FREE);
		free(where);
		return rc;
	}
	return KAM_OK;
}

struct import {
	struct store *st;
	const char *account; /* for bare handles */
	struct memo people, deals, rivals;
	struct stance_chain chain;
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	const char *actor;
	long count;
	int64_t existing;
	struct stance_bulk bulk;
};

/* FILE:LINE, written only when a message or a lookup needs it. */
static const char *
place(char *buf, size_t size, const char *path, long line)
{
	snprintf(buf, size, "%s:%ld", path, line);
	return buf;
}

static int
import_row(struct import *im, char **f, size_t nf, const int *idx,
           const char *path, long line)
{
	char at[600];
#define WHERE place(at, sizeof at, path, line)
	struct stance_import_row in;
	struct stance_row r;
	int rc = KAM_OK;

	memset(&r, 0, sizeof r);
	stance_import_fields(f, nf, idx, &in);
	if ((rc = stance_import_check(path, line, im->today, &in, &r.stance)) !=
	    KAM_OK)
		return rc;
	if (!memo_get(&im->people, in.person, &r.person)) {
		if ((rc = store_person_id_at(im->st, WHERE, in.person,
		                             im->account, &r.person)) != KAM_OK)
			return rc;
		memo_put(&im->people, in.person, r.person);
	}
	if (in.toward != NULL && !memo_get(&im->rivals, in.toward, &r.toward)) {
		if ((rc = store_competitor_id_at(im->st, WHERE, in.toward,
		                                 &r.toward)) != KAM_OK)
			return rc;
		memo_put(&im->rivals, in.toward, r.toward);
	}
	if (in.deal != NULL) {
		char *key;

		/* A bare deal handle belongs to the person's account. */
		xasprintf(&key, "%lld %s", (long long)r.person, in.deal);
		if (!memo_get(&im->deals, key, &r.deal)) {
			rc = store_stance_deal_id(im->st, WHERE, r.person,
			                          in.deal, &r.deal);
			if (rc == KAM_OK)
				memo_put(&im->deals, key, r.deal);
		}
		free(key);
		if (rc != KAM_OK)
			return rc;
	}
	r.kind = "observe";
	r.effective = in.on != NULL ? in.on : im->today;
	r.recorded = im->now;
	r.actor = im->actor;
	r.note = in.note;
	r.source = in.source;
	if ((rc = store_stance_append(im->st, &im->chain, &r)) != KAM_OK)
		return rc;
	if (im->count == 0)
		im->existing = r.id - 1;
	im->count++;
	return store_stance_bulk_step(im->st, &im->bulk, im->existing,
	                              im->count);
}
#undef WHERE

int
stance_import(struct store *st, const char *path, const char *account,
              long *count)
{
	struct import im;
	struct csv_in *in;
	char **f;
	size_t nf;
	long line;
	int idx[NCOLS], rc = KAM_OK, r, header = 0;

	*count = 0;
	if ((in = csv_open(path, &rc)) == NULL)
		return rc;
	memset(&im, 0, sizeof im);
	im.st = st;
	im.account = account;
	kam_today(im.today);
	kam_now(im.now);
	im.actor = kam_actor();
	store_stance_bulk_begin(st, &im.bulk);
	if ((rc = store_begin(st, STORE_TX_IMPORT)) != KAM_OK) {
		csv_close(in);
		return rc;
	}
	while ((r = csv_next(in, &f, &nf, &line)) == 1) {
		if (!header) {
			if ((rc = csv_header(in, f, nf, line,
			                     stance_import_cols, 2, idx)) !=
			    KAM_OK)
				break;
			header = 1;
			continue;
		}
		if ((rc = import_row(&im, f, nf, idx, csv_path(in), line)) !=
		    KAM_OK)
			break;
	}
	if (r < 0)
		rc = csv_status(in);
	else if (rc == KAM_OK && !header)
		rc = kam_err(KAM_DATA,
		             _("%s: empty file (expected a header: "
		               "person,stance,on,toward,deal,note,"
		               "source)"),
		             csv_path(in));
	csv_close(in);
	memo_free(&im.people);
	memo_free(&im.deals);
	memo_free(&im.rivals);
	if (rc == KAM_OK)
		rc = store_stance_bulk_end(st, &im.bulk, 1);
	else
		store_stance_bulk_end(st, &im.bulk, 0);
	rc = store_end(st, rc);
	if (rc == KAM_OK)
		*count = im.count;
	return rc;
}
