/*
 * stance: the pure rules of stance observations, with no SQL: which row
 * is in force on a day as known at a time (the rule the store's queries
 * implement), and the canonical serialisation hashed into the chain that
 * kam-stance verify checks.
 */
#include <config.h>

#include <nettle/sha2.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/chain.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"

const char stance_genesis[STANCE_HASH_LEN] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/*
 * The serialisation goes to a sink piece by piece, so that hashing a row
 * needs no allocation (an import hashes a million of them).
 */
typedef void (*sink_fn)(void *, const char *, size_t);

static void
put_text(sink_fn put, void *arg, const char *s)
{
	char len[24], *p = len + sizeof len;
	size_t n;

	if (s == NULL) {
		put(arg, "~", 1);
		return;
	}
	n = strlen(s);
	*--p = ':';
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	put(arg, p, (size_t)(len + sizeof len - p));
	put(arg, s, strlen(s));
}

static void
put_id(sink_fn put, void *arg, int64_t v)
{
	char num[24], *p = num + sizeof num - 1;
	uint64_t u = (uint64_t)v;

	if (v == 0) {
		put(arg, "~", 1);
		return;
	}
	*p = '\0';
	if (v < 0)
		u = -u;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	put_text(put, arg, p);
}

/*
 * The fields a row is chained by, in the chain's order (kam(7), THE
 * HASH CHAIN): each an id (int64_t, 0 written "~") or a text.  A member
 * of another type does not compile (the _Generic has no case for it),
 * so that serialise never reads its bytes as the wrong type.
 */
#define ID(f)                                                                  \
	{                                                                      \
		offsetof(struct stance_row, f) +                               \
		    _Generic(((struct stance_row *)0)->f, int64_t : 0),        \
		    1                                                          \
	}
#define TEXT(f)                                                                \
	{                                                                      \
		offsetof(struct stance_row, f) +                               \
		    _Generic(((struct stance_row *)0)->f, const char * : 0),   \
		    0                                                          \
	}
static const struct chain_field {
	size_t off;
	int id;
} chain_fields[] = {ID(id),         TEXT(kind),  ID(target), ID(person),
                    TEXT(stance),   ID(toward),  ID(deal),   TEXT(effective),
                    TEXT(recorded), TEXT(actor), TEXT(note), TEXT(source),
                    TEXT(why)};
#undef TEXT
#undef ID

static void
serialise(sink_fn put, void *arg, const char *prev, const struct stance_row *r)
{
	size_t i;

	put(arg, prev, strlen(prev));
	for (i = 0; i < sizeof chain_fields / sizeof *chain_fields; i++) {
		const char *at = (const char *)r + chain_fields[i].off;
		const char *s;
		int64_t v;

		if (chain_fields[i].id) {
			memcpy(&v, at, sizeof v);
			put_id(put, arg, v);
		} else {
			memcpy(&s, at, sizeof s);
			put_text(put, arg, s);
		}
	}
}

static void
to_buf(void *arg, const char *s, size_t n)
{
	buf_add(arg, s, n);
}

static void
to_sha(void *arg, const char *s, size_t n)
{
	sha256_update(arg, n, (const uint8_t *)s);
}

char *
stance_serialise(const char *prev, const struct stance_row *r, size_t *len)
{
	struct buf b = {NULL, 0, 0};

	serialise(to_buf, &b, prev, r);
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
	size_t i;

	sha256_init(&ctx);
	serialise(to_sha, &ctx, prev, r);
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 0xf];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* A free text, or the digest an erased one left (stance_row). */
static struct chain_value
free_text_or_digest(const char *text, const char *digest)
{
	struct chain_value v;

	if (text != NULL || digest == NULL)
		return chain_free_text(text);
	v = chain_text(digest);
	v.digest = 1;
	return v;
}

void
stance_chain_values(const struct stance_row *r, const char *prev, int version,
                    struct chain_value v[STANCE_CHAIN_COLUMNS])
{
	v[0] = chain_int(r->id);
	v[1] = chain_text(r->kind);
	v[2] = chain_id(r->target);
	v[3] = chain_int(r->person);
	v[4] = chain_text(r->stance);
	v[5] = chain_id(r->toward);
	v[6] = chain_id(r->deal);
	v[7] = chain_text(r->effective);
	v[8] = chain_text(r->recorded);
	v[9] = chain_text(r->actor);
	v[10] = free_text_or_digest(r->note, r->note_digest);
	v[11] = free_text_or_digest(r->source, r->source_digest);
	v[12] = free_text_or_digest(r->why, r->why_digest);
	v[13] = chain_text(prev);
	v[14] = chain_int(version);
}

void
stance_hash2(const char *prev, const struct stance_row *r,
             char out[STANCE_HASH_LEN])
{
	struct chain_value v[STANCE_CHAIN_COLUMNS];

	stance_chain_values(r, prev, 2, v);
	chain_hash("observation", v, STANCE_CHAIN_COLUMNS, out);
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

void
stance_series(const struct stance_day *rows, size_t n, int64_t deal,
              const char *const *ends, size_t nd, const char **out)
{
	const struct stance_day *about = NULL, *general = NULL;
	size_t i = 0, k;

	/* The rows come in the order of the same-day rule, so the last
	 * one taken by each day is the one in force on it; one about the
	 * deal is preferred over the general one. */
	for (k = 0; k < nd; k++) {
		for (; i < n && strcmp(rows[i].effective, ends[k]) <= 0; i++) {
			if (rows[i].deal == 0)
				general = &rows[i];
			else if (rows[i].deal == deal)
				about = &rows[i];
		}
		out[k] = about != NULL     ? about->stance
		         : general != NULL ? general->stance
		                           : NULL;
	}
}

/* The first row of rows[0..n-1] (sorted by person) whose person is not
 * below person, or after it when after is set. */
static size_t
person_bound(const struct stance_day *rows, size_t n, int64_t person, int after)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].person < person ||
		    (after && rows[mid].person == person))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
stance_rows_of(const struct stance_day *rows, size_t n, int64_t person,
               size_t *end)
{
	*end = person_bound(rows, n, person, 1);
	return person_bound(rows, n, person, 0);
}

const char *
stance_symbol(const char *stance)
{
	int r = vocab_rank(VOCAB_STANCE, stance);

	if (stance == NULL)
		return "?";
	return r < 0 ? "0" : vocab_stance_signs[r];
}

void
stance_row_free(struct stance_row *r)
{
	KAM_FREE((char *)r->kind, (char *)r->stance, (char *)r->effective,
	         (char *)r->recorded, (char *)r->actor, (char *)r->note,
	         (char *)r->source, (char *)r->why);
	memset(r, 0, sizeof *r);
}
