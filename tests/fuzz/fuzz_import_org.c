/*
 * libFuzzer harness of kam-org import's row checks: any bytes read as
 * the import reads its file, the kind told from the header as it does
 * (a "from" column: links; "deal": roles; else people), each row through
 * the checks of its kind.  Properties: a people row that passes has a
 * valid handle or none (one is made from its name), a name, a level of
 * 0 (none) to 99, a 0/1 placeholder and a valid left_on or none; a link a
 * canonical kind and a strength of 1 to 3; a role a canonical role and
 * influence; failures are KAM_DATA.
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"

static int
has(char **f, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i], name) == 0)
			return 1;
	return 0;
}

/* Field col of a row, "" when the file has no such column. */
static const char *
field(char **f, const int *idx, int col)
{
	return idx[col] >= 0 ? f[idx[col]] : "";
}

static void
row(int kind, char **f, long line, const int *idx)
{
	const char *w1, *w2;
	long v;
	int flag, rc;

	if (kind == 0) {
		const char *p[10];
		int i;

		for (i = 0; i < 10; i++)
			p[i] = field(f, idx, i);
		rc = org_check_person_row("fuzz.csv", line, p, &v, &flag);
		if (rc == KAM_OK) {
			FUZZ_CHECK((*p[0] == '\0' || handle_valid(p[0])) &&
			           *p[1] != '\0');
			FUZZ_CHECK(v >= 0 && v <= 99);
			FUZZ_CHECK(flag == 0 || flag == 1);
			FUZZ_CHECK(*p[8] == '\0' || date_valid(p[8]));
		}
	} else if (kind == 1) {
		rc =
		    org_check_link_row("fuzz.csv", line, field(f, idx, 2),
		                       idx[3] >= 0 ? f[idx[3]] : NULL, &w1, &v);
		if (rc == KAM_OK) {
			FUZZ_CHECK(vocab_word(VOCAB_LINK_KIND, w1) == w1);
			FUZZ_CHECK(v >= 1 && v <= 3);
		}
	} else {
		rc = org_check_role_row("fuzz.csv", line, field(f, idx, 2),
		                        idx[3] >= 0 ? f[idx[3]] : NULL,
		                        idx[4] >= 0 ? f[idx[4]] : NULL, &w1,
		                        &w2, &flag);
		if (rc == KAM_OK) {
			FUZZ_CHECK(vocab_word(VOCAB_ROLE, w1) == w1);
			FUZZ_CHECK(w2 == NULL ||
			           vocab_word(VOCAB_INFLUENCE, w2) == w2);
			FUZZ_CHECK(flag == 0 || flag == 1);
		}
	}
	if (rc != KAM_OK)
		FUZZ_CHECK(rc == KAM_DATA);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const *const cols[] = {org_people_cols,
	                                          org_link_cols, org_role_cols};
	static const size_t required[] = {2, 3, 3};
	struct csv_in *in;
	char **f;
	size_t n;
	long line;
	int idx[16], kind = -1;
	FILE *fp;

	kam_progname = "fuzz_import_org";
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	in = csv_fopen(fp, "fuzz.csv");
	while (csv_next(in, &f, &n, &line) == 1) {
		if (kind < 0) {
			kind = has(f, n, "from")   ? 1
			       : has(f, n, "deal") ? 2
			                           : 0;
			if (csv_header(in, f, n, line, cols[kind],
			               required[kind], idx) != KAM_OK)
				break;
			continue;
		}
		row(kind, f, line, idx);
	}
	csv_close(in);
	return 0;
}
