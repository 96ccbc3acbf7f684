/*
 * libFuzzer harness of the date and timestamp parsers (date.c).
 * Properties: a valid date goes to a day number and back unchanged, and
 * the day before and after it are valid dates one day apart; a parsed
 * timestamp is itself a valid timestamp that parses to itself; every
 * invalid date gets a message.
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	char back[KAM_DATE_LEN], st[KAM_STAMP_LEN], st2[KAM_STAMP_LEN];

	kam_progname = "fuzz_date";
	if (date_valid(s)) {
		long d = date_days(s);

		date_from_days(d, back);
		FUZZ_CHECK(strcmp(back, s) == 0);
		FUZZ_CHECK(strlen(s) == 10);
	} else
		FUZZ_CHECK(date_error("fuzz", NULL, s) == KAM_DATA);
	if (stamp_parse(s, st)) {
		FUZZ_CHECK(strlen(st) == 20);
		FUZZ_CHECK(stamp_parse(st, st2));
		FUZZ_CHECK(strcmp(st, st2) == 0);
		memcpy(back, st, 10);
		back[10] = '\0';
		FUZZ_CHECK(date_valid(back));
	}
	free(s);
	return 0;
}
