/*
 * The organisation's rules that need no store: reporting lines may not
 * form a cycle (METHOD.md, section 1.1: a hierarchy has a top).  Pure
 * functions over structs; the importer (import-org.c) and the store's
 * checks call them.
 */
#include <config.h>

#include <stdlib.h>

#include "kam/kam.h"
#include "kam/org.h"

/*
 * Depth-first, from each node in order, following the solid line first
 * and then the dotted ones in order.  The walk keeps its own stack (a
 * file may hold a chain of reporting lines as long as itself).
 */
size_t
org_find_cycle(const struct org_node *nodes, size_t n, size_t *path)
{
	unsigned char *mark = xcalloc(n + 1, 1); /* 0 new, 1 on path, 2 done */
	size_t *edge = xcalloc(n + 1, sizeof *edge), *stack = path;
	size_t root, depth, j, first, len = 0;

	for (root = 0; root < n && len == 0; root++) {
		if (mark[root] != 0)
			continue;
		stack[0] = root;
		mark[root] = 1;
		depth = 1;
		while (depth > 0) {
			const struct org_node *r = &nodes[stack[depth - 1]];
			size_t *e = &edge[stack[depth - 1]];
			int64_t m;

			if (*e > r->ndotted) {
				mark[stack[depth - 1]] = 2;
				depth--;
				continue;
			}
			m = *e == 0 ? r->solid : r->dotted[*e - 1];
			(*e)++;
			if (m < 0 || (size_t)m >= n)
				continue;
			j = (size_t)m;
			if (mark[j] == 1) {
				/* The cycle: from j on the path to its end. */
				for (first = 0; stack[first] != j; first++)
					;
				len = depth - first;
				for (j = 0; j < len; j++)
					path[j] = stack[first + j];
				break;
			}
			if (mark[j] == 0) {
				mark[j] = 1;
				stack[depth++] = j;
			}
		}
	}
	free(mark);
	free(edge);
	return len;
}
