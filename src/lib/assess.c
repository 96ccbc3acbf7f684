/*
 * The use cases of an assessment: load a deal's assessment through the
 * store (store_gate_load), then judge it with the pure rules of gate.c.
 * The store only gathers; the judging is here, so that the store never
 * calls a rule.
 */
#include <config.h>

#include <stdlib.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/store.h"

int
gate_assess(struct store *st, int64_t deal, const char *as_of,
            struct gate_assessment *a)
{
	int rc;

	if ((rc = store_gate_load(st, deal, as_of, a)) != KAM_OK)
		return rc;
	gate_compute(a);
	gate_evaluate(a);
	return KAM_OK;
}

int
gate_check_flags(struct store *st, int64_t deal, const char *as_of,
                 int (*fn)(const char *, const char *, const char *, void *),
                 void *arg)
{
	struct gate_assessment a;
	struct gate_flag *f = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = store_gate_load(st, deal, as_of, &a)) == KAM_OK) {
		gate_red_flags(&a, &f, &n);
		for (i = 0; rc == KAM_OK && i < n; i++)
			rc = fn(f[i].code, f[i].subject, f[i].message, arg);
		gate_flags_free(f, n);
	}
	gate_assessment_free(&a);
	return rc;
}
