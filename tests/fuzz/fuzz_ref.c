/*
 * libFuzzer harness of the reference parser: ACCOUNT/HANDLE or HANDLE
 * (ref_parse, handle_valid).  Properties: what it accepts is two valid
 * handles that put together give back what was written, and a bare
 * handle takes the default account.
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *joined;
	const char *dflt;
	struct ref r;

	kam_progname = "fuzz_ref";
	if (size == 0)
		return 0;
	/* The first byte picks the default account. */
	dflt = data[0] % 3 == 0 ? NULL : data[0] % 3 == 1 ? "acme" : "a b";
	s = fuzz_string(data + 1, size - 1);
	if (handle_valid(s)) {
		FUZZ_CHECK(strlen(s) >= 1 && strlen(s) <= 64);
		FUZZ_CHECK(strchr(s, '/') == NULL);
	}
	if (ref_parse(&r, s, dflt)) {
		FUZZ_CHECK(handle_valid(r.account));
		FUZZ_CHECK(handle_valid(r.handle));
		if (strchr(s, '/') != NULL) {
			xasprintf(&joined, "%s/%s", r.account, r.handle);
			FUZZ_CHECK(strcmp(joined, s) == 0);
			free(joined);
		} else {
			FUZZ_CHECK(dflt != NULL &&
			           strcmp(r.account, dflt) == 0);
			FUZZ_CHECK(strcmp(r.handle, s) == 0);
		}
	}
	free(s);
	return 0;
}
