/*
 * The hash chain of the append-only history tables: the canonical,
 * injective record of a row that its SHA-256 hash is computed over
 * (encoding 2, kam(7), THE HASH CHAIN).  Pure: it knows the values of a
 * row, not where they are stored.  May be included by any file of
 * src/lib/: the stance rules and the store's side of the history tables
 * use it.
 */
#ifndef KAM_CHAIN_H
#define KAM_CHAIN_H

#include <stddef.h>
#include <stdint.h>

/* A stored value, by its storage class. */
enum chain_type {
	CHAIN_NULL,
	CHAIN_INTEGER,
	CHAIN_REAL,
	CHAIN_TEXT,
	CHAIN_BLOB,
};

struct chain_value {
	enum chain_type type;
	int free_text; /* a note, source or why: TEXT enters as its digest */
	int64_t i;     /* CHAIN_INTEGER */
	double r;      /* CHAIN_REAL */
	const void *p; /* CHAIN_TEXT and CHAIN_BLOB: n bytes */
	size_t n;
	int digest; /* TEXT that is already a free text's digest, as stored */
};

/* Setters for the common cases; s and ids of 0 are NULL. */
struct chain_value chain_text(const char *s);
struct chain_value chain_free_text(const char *s);
struct chain_value chain_int(int64_t);
struct chain_value chain_id(int64_t); /* 0: NULL */

#define CHAIN_HASH_LEN 65 /* 64 lowercase hex digits and a NUL */
#define CHAIN_ENCODING 2  /* the encoding new rows are written with */

/*
 * The record: the table's name as a TEXT value, then each value: a tag
 * (N, I, R, T, B, or D for the digest of a free text), its length in
 * bytes in decimal, ':' and its bytes.  chain_record returns it as a new
 * string of *len bytes; chain_hash writes its SHA-256 in hex.
 */
char *chain_record(const char *table, const struct chain_value *, size_t n,
                   size_t *len);
void chain_hash(const char *table, const struct chain_value *, size_t n,
                char out[CHAIN_HASH_LEN]);
/* SHA-256 of n bytes, in lowercase hex. */
void chain_sha256(const void *, size_t n, char out[CHAIN_HASH_LEN]);

#endif
