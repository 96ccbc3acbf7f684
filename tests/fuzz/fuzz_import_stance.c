/*
 * libFuzzer harness of the observation import's row checks: any bytes
 * read as kam-stance import reads its file (CSV, the header mapped onto
 * its columns), each row through stance_import_check.  Properties: a row
 * that passes has a person, a canonical stance word, and a valid day not
 * after today; one that fails is KAM_DATA.
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char today[] = "2026-03-02";
	struct stance_import_row r;
	struct csv_in *in;
	const char *word;
	char **f;
	size_t n;
	long line;
	int idx[8], header = 0, rc;
	FILE *fp;

	kam_progname = "fuzz_import_stance";
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	in = csv_fopen(fp, "fuzz.csv");
	while (csv_next(in, &f, &n, &line) == 1) {
		if (!header) {
			if (csv_header(in, f, n, line, stance_import_cols, 2,
			               idx) != KAM_OK)
				break;
			header = 1;
			continue;
		}
		stance_import_fields(f, n, idx, &r);
		word = NULL;
		rc = stance_import_check("fuzz.csv", line, today, &r, &word);
		if (rc == KAM_OK) {
			FUZZ_CHECK(r.person != NULL && r.stance != NULL);
			FUZZ_CHECK(word != NULL &&
			           (strcmp(word, "support") == 0 ||
			            strcmp(word, "neutral") == 0 ||
			            strcmp(word, "oppose") == 0));
			FUZZ_CHECK(r.on == NULL || (date_valid(r.on) &&
			                            strcmp(r.on, today) <= 0));
		} else
			FUZZ_CHECK(rc == KAM_DATA);
	}
	csv_close(in);
	return 0;
}
