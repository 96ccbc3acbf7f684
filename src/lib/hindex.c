/*
 * A hash index from handles (or any strings) to ids: the one index every
 * importer and the reporting tree use to find a handle they have seen,
 * in one probe, however large the account.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"

/* FNV-1a, then mixed: handles that share a prefix spread out. */
static size_t
slot_of(const struct hindex *x, const char *k)
{
	uint64_t h = 14695981039346656037ULL;
	const unsigned char *p;
	size_t i;

	for (p = (const unsigned char *)k; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	for (i = (size_t)h & (x->cap - 1);
	     x->keys[i] != NULL && strcmp(x->keys[i], k) != 0;
	     i = (i + 1) & (x->cap - 1))
		;
	return i;
}

void
hindex_init(struct hindex *x, int copy)
{
	memset(x, 0, sizeof *x);
	x->copy = copy;
}

int
hindex_get(const struct hindex *x, const char *k, int64_t *val)
{
	size_t i;

	if (x->cap == 0 || k == NULL)
		return 0;
	i = slot_of(x, k);
	if (x->keys[i] == NULL)
		return 0;
	if (val != NULL)
		*val = x->vals[i];
	return 1;
}

/* Moves the keys into a table of cap slots. */
static void
rehash(struct hindex *x, size_t cap)
{
	struct hindex big;
	size_t i, j;

	big = *x;
	big.cap = cap;
	big.keys = xcalloc(big.cap, sizeof *big.keys);
	big.vals = xcalloc(big.cap, sizeof *big.vals);
	for (i = 0; i < x->cap; i++)
		if (x->keys[i] != NULL) {
			j = slot_of(&big, x->keys[i]);
			big.keys[j] = x->keys[i];
			big.vals[j] = x->vals[i];
		}
	free(x->keys);
	free(x->vals);
	*x = big;
}

/*
 * Room for n keys in all, the table at most half full: the one rule of
 * the table's size, which hindex_put follows a key at a time.  An
 * importer that knows its row count sizes its index once, rather than
 * filling and dropping a table of each size on the way (each page of them
 * new memory the system must supply).
 */
void
hindex_reserve(struct hindex *x, size_t n)
{
	size_t cap = x->cap ? x->cap : 64;

	if (n == 0)
		return;
	if (n > SIZE_MAX / 4)
		abort(); /* out of memory */
	while (cap < 2 * n)
		cap *= 2;
	if (cap > x->cap)
		rehash(x, cap);
}

int
hindex_put(struct hindex *x, const char *k, int64_t val)
{
	size_t i;

	hindex_reserve(x, x->n + 1);
	i = slot_of(x, k);
	if (x->keys[i] != NULL)
		return 0;
	x->keys[i] = x->copy ? xstrdup(k) : (char *)k;
	x->vals[i] = val;
	x->n++;
	return 1;
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Walks the keys in byte order, so that a suggestion does not depend on
 * where the hash put them: the first of the nearest wins.
 */
const char *
hindex_nearest(const struct hindex *x, const char *k)
{
	size_t i, n = 0, d, best = strlen(k) / 3 + 2;
	const char **keys, *found = NULL;

	keys = xcalloc(x->n + 1, sizeof *keys);
	for (i = 0; i < x->cap; i++)
		if (x->keys[i] != NULL)
			keys[n++] = x->keys[i];
	qsort(keys, n, sizeof *keys, by_bytes);
	for (i = 0; i < n; i++) {
		d = kam_distance(k, keys[i]);
		if (d < best) {
			best = d;
			found = keys[i];
		}
	}
	free(keys);
	return found;
}

void
hindex_free(struct hindex *x)
{
	size_t i;

	for (i = 0; x->copy && i < x->cap; i++)
		free(x->keys[i]);
	KAM_FREE(x->keys, x->vals);
	memset(x, 0, sizeof *x);
}
