/*
 * stance: the pure rules of stance observations, with no SQL: which row
 * is in force on a day as known at a time (the rule the store's queries
 * implement), and the canonical serialisation hashed into the chain that
 * kam-stance verify checks.
 */
#include <config.h>

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/stance.h"

const char stance_genesis[STANCE_HASH_LEN] =
    "0000000000000000000000000000000000000000000000000000000000000000";

static void
put_text(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_add(b, "~", 1);
		return;
	}
	buf_printf(b, "%zu:", strlen(s));
	buf_add(b, s, strlen(s));
}

static void
put_id(struct buf *b, int64_t v)
{
	char num[24];

	if (v == 0) {
		buf_add(b, "~", 1);
		return;
	}
	snprintf(num, sizeof num, "%lld", (long long)v);
	put_text(b, num);
}

char *
stance_serialise(const char *prev, const struct stance_row *r, size_t *len)
{
	struct buf b = {NULL, 0, 0};

	buf_add(&b, prev, strlen(prev));
	put_id(&b, r->id);
	put_text(&b, r->kind);
	put_id(&b, r->target);
	put_id(&b, r->person);
	put_text(&b, r->stance);
	put_id(&b, r->toward);
	put_id(&b, r->deal);
	put_text(&b, r->effective);
	put_text(&b, r->recorded);
	put_text(&b, r->actor);
	put_text(&b, r->note);
	put_text(&b, r->source);
	put_text(&b, r->why);
	*len = b.len;
	return b.s;
}

void
stance_hash(const char *prev, const struct stance_row *r,
            char out[STANCE_HASH_LEN])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	size_t len, i;
	char *msg = stance_serialise(prev, r, &len);

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)msg);
	sha256_digest(&ctx, sizeof digest, digest);
	free(msg);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 0xf];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* Was row r superseded (retracted or corrected) as known at known_at? */
static int
superseded(const struct stance_row *rows, size_t n, const struct stance_row *r,
           const char *known_at)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i].target == r->id &&
		    (known_at == NULL ||
		     strcmp(rows[i].recorded, known_at) <= 0))
			return 1;
	return 0;
}

/* Is a later than b in the order of the same-day rule? */
static int
later(const struct stance_row *a, const struct stance_row *b)
{
	int c;

	if ((c = strcmp(a->effective, b->effective)) != 0)
		return c > 0;
	if ((c = strcmp(a->recorded, b->recorded)) != 0)
		return c > 0;
	return a->id > b->id;
}

static const struct stance_row *
best(const struct stance_row *rows, size_t n, int64_t person, int64_t toward,
     int64_t deal, const char *as_of, const char *known_at)
{
	const struct stance_row *b = NULL, *r;
	size_t i;

	for (i = 0; i < n; i++) {
		r = &rows[i];
		if (r->person != person || r->toward != toward ||
		    r->deal != deal || strcmp(r->kind, "retract") == 0 ||
		    strcmp(r->effective, as_of) > 0 ||
		    (known_at != NULL && strcmp(r->recorded, known_at) > 0) ||
		    superseded(rows, n, r, known_at))
			continue;
		if (b == NULL || later(r, b))
			b = r;
	}
	return b;
}

const struct stance_row *
stance_resolve(const struct stance_row *rows, size_t n, int64_t person,
               int64_t toward, int64_t deal, const char *as_of,
               const char *known_at)
{
	const struct stance_row *r = NULL;

	/* A stance about the deal is preferred over the general one. */
	if (deal != 0)
		r = best(rows, n, person, toward, deal, as_of, known_at);
	if (r == NULL)
		r = best(rows, n, person, toward, 0, as_of, known_at);
	return r;
}

const char *
stance_symbol(const char *stance)
{
	if (stance == NULL)
		return "?";
	if (strcmp(stance, "support") == 0)
		return "+";
	if (strcmp(stance, "oppose") == 0)
		return "-";
	return "0";
}
