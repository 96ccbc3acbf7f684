/*
 * The rules of a deal's record: which steps a change makes, and when a
 * deal may be closed or reopened.  Pure functions over struct deal_rec.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/kam.h"

static const char *const status_words[] = {"open", "won", "lost", "abandoned"};
static const char *const field_words[DEAL_NFIELDS] = {
    "name", "value", "currency", "close", "stage", "owner", "cost", "ext_id"};

const char *
deal_status_word(enum deal_status s)
{
	return (unsigned)s < 4 ? status_words[s] : "open";
}

int
deal_status_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < 4; i++)
		if (strcmp(s, status_words[i]) == 0)
			return i;
	return -1;
}

const char *
deal_field_word(enum deal_field f)
{
	return (unsigned)f < DEAL_NFIELDS ? field_words[f] : "";
}

void
deal_rec_free(struct deal_rec *r)
{
	size_t i;

	free(r->ref);
	for (i = 0; i < DEAL_NFIELDS; i++)
		free(r->f[i]);
	KAM_FREE(r->closed_on, r->reason);
	memset(r, 0, sizeof *r);
}

size_t
deal_diff(const struct deal_rec *r, const struct deal_change *c,
          struct deal_delta *out)
{
	size_t i, n = 0;

	for (i = 0; i < DEAL_NFIELDS; i++) {
		const char *v = c->f[i];

		if (v == NULL)
			continue;
		if (*v == '\0')
			v = NULL;
		if (str_same(r->f[i], v))
			continue;
		out[n].field = field_words[i];
		out[n].old_value = r->f[i];
		out[n].new_value = v;
		n++;
	}
	return n;
}

enum deal_refusal
deal_change_check(const char *on, const char *today)
{
	return strcmp(on, today) > 0 ? DEAL_FUTURE : DEAL_FINE;
}

enum deal_refusal
deal_close_check(const struct deal_rec *r, enum deal_status status,
                 const char *on, const char *today)
{
	if (status == DEAL_OPEN)
		return DEAL_STATUS_OPEN;
	if (r->status != DEAL_OPEN)
		return DEAL_CLOSED;
	return deal_change_check(on, today);
}

/* A deal reopens on or after the day it closed, never before. */
enum deal_refusal
deal_reopen_check(const struct deal_rec *r, const char *on, const char *today)
{
	if (r->status == DEAL_OPEN)
		return DEAL_NOT_CLOSED;
	if (r->closed_on != NULL && strcmp(on, r->closed_on) < 0)
		return DEAL_BEFORE_CLOSE;
	return deal_change_check(on, today);
}
