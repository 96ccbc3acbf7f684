/*
 * The canonical record of a history row, hashed into its table's chain
 * (encoding 2; kam(7), THE HASH CHAIN, says it byte by byte so that an
 * auditor can recompute it with other tools).  Every value carries a type
 * tag and its length, so NULL, 0, '' and '0' all differ and no two rows
 * share a record; a free text enters as its own SHA-256, so that the
 * text can later be erased and the chain still verify.
 */
#include <config.h>

#include <nettle/sha2.h>
#include <string.h>

#include "kam/chain.h"
#include "kam/kam.h"

struct chain_value
chain_text(const char *s)
{
	struct chain_value v = {CHAIN_NULL, 0, 0, 0, NULL, 0, 0};

	if (s != NULL) {
		v.type = CHAIN_TEXT;
		v.p = s;
		v.n = strlen(s);
	}
	return v;
}

struct chain_value
chain_free_text(const char *s)
{
	struct chain_value v = chain_text(s);

	v.free_text = 1;
	return v;
}

struct chain_value
chain_int(int64_t i)
{
	struct chain_value v = {CHAIN_INTEGER, 0, i, 0, NULL, 0, 0};

	return v;
}

struct chain_value
chain_id(int64_t i)
{
	struct chain_value v = {CHAIN_NULL, 0, 0, 0, NULL, 0, 0};

	return i == 0 ? v : chain_int(i);
}

static void
hex(const uint8_t *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 0xf];
	}
	out[2 * n] = '\0';
}

void
chain_sha256(const void *p, size_t n, char out[CHAIN_HASH_LEN])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, n, p);
	sha256_digest(&ctx, sizeof d, d);
	hex(d, sizeof d, out);
}

/* The record goes to a sink piece by piece: hashing needs no copy. */
typedef void (*sink_fn)(void *, const void *, size_t);

/* Writes v in decimal ending at end; returns where it begins. */
static char *
decimal(char *end, uint64_t v, int negative)
{
	char *p = end;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (negative)
		*--p = '-';
	return p;
}

/* snprintf would cost an import of a million rows a second. */
static void
put_value(sink_fn put, void *arg, char tag, const void *p, size_t n)
{
	char head[32], *end = head + sizeof head - 1, *q;

	*end = ':';
	q = decimal(end, n, 0);
	*--q = tag;
	put(arg, q, (size_t)(end - q) + 1);
	if (n > 0)
		put(arg, p, n);
}

static void
encode(sink_fn put, void *arg, const char *table, const struct chain_value *v,
       size_t n)
{
	char text[CHAIN_HASH_LEN];
	size_t i;

	put_value(put, arg, 'T', table, strlen(table));
	for (i = 0; i < n; i++) {
		switch (v[i].type) {
		case CHAIN_NULL:
			put_value(put, arg, 'N', NULL, 0);
			break;
		case CHAIN_INTEGER: {
			uint64_t u = (uint64_t)v[i].i;
			char *end = text + sizeof text, *q;

			q = decimal(end, v[i].i < 0 ? -u : u, v[i].i < 0);
			put_value(put, arg, 'I', q, (size_t)(end - q));
			break;
		}
		case CHAIN_REAL: {
			/* The IEEE 754 bits, big-endian, in hex: exact and
			 * independent of the locale. */
			uint64_t bits;
			uint8_t b[8];
			int k;

			memcpy(&bits, &v[i].r, sizeof bits);
			for (k = 7; k >= 0; k--, bits >>= 8)
				b[k] = (uint8_t)(bits & 0xff);
			hex(b, 8, text);
			put_value(put, arg, 'R', text, 16);
			break;
		}
		case CHAIN_TEXT:
			if (v[i].digest)
				put_value(put, arg, 'D', v[i].p, v[i].n);
			else if (v[i].free_text) {
				chain_sha256(v[i].p, v[i].n, text);
				put_value(put, arg, 'D', text, 64);
			} else
				put_value(put, arg, 'T', v[i].p, v[i].n);
			break;
		case CHAIN_BLOB:
			put_value(put, arg, 'B', v[i].p, v[i].n);
			break;
		}
	}
}

static void
to_buf(void *arg, const void *p, size_t n)
{
	buf_add(arg, p, n);
}

static void
to_sha(void *arg, const void *p, size_t n)
{
	sha256_update(arg, n, p);
}

char *
chain_record(const char *table, const struct chain_value *v, size_t n,
             size_t *len)
{
	struct buf b = {NULL, 0, 0};

	encode(to_buf, &b, table, v, n);
	*len = b.len;
	return b.s;
}

void
chain_hash(const char *table, const struct chain_value *v, size_t n,
           char out[CHAIN_HASH_LEN])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	encode(to_sha, &ctx, table, v, n);
	sha256_digest(&ctx, sizeof d, d);
	hex(d, sizeof d, out);
}
