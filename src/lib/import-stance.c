/*
 * Importing stance observations from CSV: every row checked and appended
 * to the chain in one transaction, so one bad row records nothing.  Reads
 * through the import machinery (import.c): each message names FILE:LINE,
 * store lookups included.  Handles seen once are remembered in a handle
 * index, so a large file costs one lookup per distinct person.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

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
	if ((*word = vocab_word(VOCAB_STANCE, r->stance)) == NULL) {
		char *where;
		int rc;

		xasprintf(&where, "%s:%ld", path, line);
		rc = vocab_refused(where, VOCAB_STANCE, r->stance);
		free(where);
		return rc;
	}
	if (r->on != NULL) {
		char *where;
		int rc;

		/* The check kam-stance set makes, against the import's today.
		 */
		xasprintf(&where, "%s:%ld", path, line);
		rc = date_check(where, NULL, r->on);
		free(where);
		if (rc != KAM_OK)
			return rc;
		if (strcmp(r->on, today) > 0)
			return kam_err(KAM_DATA,
			               _("%s:%ld: date '%s' is in the future "
			                 "(today is %s)"),
			               path, line, r->on, today);
	}
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

static const struct import_kind observations = {"observations",
                                                stance_import_cols, 2, 0};

struct import {
	struct store *st;
	const char *account; /* for bare handles */
	struct hindex people, deals, rivals;
	struct stance_chain chain;
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	const char *actor;
	long count;
	int64_t existing;
	int64_t person; /* whose deal is looked up */
	struct stance_bulk bulk;
	struct store_people known; /* the people of the accounts named */
};

/* A person, competitor or deal seen before, else looked up once. */
static int
remembered(struct hindex *seen, const char *key, int64_t *id,
           int (*lookup)(struct import *, struct import_in *, const char *,
                         int64_t *),
           struct import *im, struct import_in *in, const char *ref)
{
	int rc;

	if (hindex_get(seen, key, id))
		return KAM_OK;
	if ((rc = lookup(im, in, ref, id)) == KAM_OK)
		hindex_put(seen, key, *id);
	return rc;
}

static int
person_of(struct import *im, struct import_in *in, const char *ref, int64_t *id)
{
	return store_person_id_many(im->st, &im->known, import_where(in), ref,
	                            im->account, id);
}

static int
rival_of(struct import *im, struct import_in *in, const char *ref, int64_t *id)
{
	return store_competitor_id_at(im->st, import_where(in), ref, id);
}

/* A bare deal handle belongs to the person's account (im->person). */
static int
deal_of(struct import *im, struct import_in *in, const char *ref, int64_t *id)
{
	return store_stance_deal_id(im->st, import_where(in), im->person, ref,
	                            id);
}

static int
import_row(struct import *im, struct import_in *in)
{
	struct stance_import_row row;
	struct stance_row r;
	char *key;
	int rc;

	memset(&r, 0, sizeof r);
	stance_import_fields(in->f, in->nf, in->idx, &row);
	if ((rc = stance_import_check(import_path(in), in->line, im->today,
	                              &row, &r.stance)) != KAM_OK ||
	    (rc = remembered(&im->people, row.person, &r.person, person_of, im,
	                     in, row.person)) != KAM_OK ||
	    (row.toward != NULL &&
	     (rc = remembered(&im->rivals, row.toward, &r.toward, rival_of, im,
	                      in, row.toward)) != KAM_OK))
		return rc;
	if (row.deal != NULL) {
		xasprintf(&key, "%lld %s", (long long)r.person, row.deal);
		im->person = r.person;
		rc = remembered(&im->deals, key, &r.deal, deal_of, im, in,
		                row.deal);
		free(key);
		if (rc != KAM_OK)
			return rc;
	}
	r.kind = "observe";
	r.effective = row.on != NULL ? row.on : im->today;
	r.recorded = im->now;
	r.actor = im->actor;
	r.note = row.note;
	r.source = row.source;
	if ((rc = store_stance_append(im->st, &im->chain, &r)) != KAM_OK)
		return rc;
	if (im->count == 0)
		im->existing = r.id - 1;
	im->count++;
	return store_stance_bulk_step(im->st, &im->bulk, im->existing,
	                              im->count);
}

int
stance_import(struct store *st, const char *path, const char *account,
              const char *const *map, long *count)
{
	struct import im;
	struct import_in in;
	int rc, got = 0;

	*count = 0;
	if ((rc = import_open(&in, path, &observations)) != KAM_OK)
		return rc;
	if ((rc = import_header(&in, &observations, map)) != KAM_OK) {
		import_close(&in);
		return rc;
	}
	memset(&im, 0, sizeof im);
	/* An import transaction: every row's references are looked up
	 * here, so foreign keys are not checked again on each insert. */
	store_stance_bulk_begin(st, &im.bulk);
	im.chain.bulk = &im.bulk;
	if ((rc = store_begin(st, STORE_TX_IMPORT)) != KAM_OK) {
		store_stance_bulk_end(st, &im.bulk, 0);
		import_close(&in);
		return rc;
	}
	im.st = st;
	im.account = account;
	kam_today(im.today);
	kam_now(im.now);
	im.actor = kam_actor();
	hindex_init(&im.people, 1);
	hindex_init(&im.deals, 1);
	hindex_init(&im.rivals, 1);
	store_people_init(&im.known);
	while (rc == KAM_OK && (got = import_next(&in)) == 1)
		rc = import_row(&im, &in);
	if (rc == KAM_OK && got < 0)
		rc = in.status;
	import_close(&in);
	hindex_free(&im.people);
	hindex_free(&im.deals);
	hindex_free(&im.rivals);
	store_people_free(&im.known);
	if (rc == KAM_OK)
		rc = store_stance_bulk_end(st, &im.bulk, 1);
	else
		store_stance_bulk_end(st, &im.bulk, 0);
	/* What show reads of the accounts of the rows added, in the
	 * import's transaction: the first show after it reads it at once. */
	if (rc == KAM_OK && im.chain.loaded)
		rc = store_stance_derive(st, 0, im.chain.head);
	rc = store_end(st, rc);
	if (rc == KAM_OK)
		*count = im.count;
	return rc;
}
