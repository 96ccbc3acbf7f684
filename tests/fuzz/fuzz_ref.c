/*
 * libFuzzer harness of the reference parser: ACCOUNT/HANDLE or HANDLE
 * (ref_parse, handle_valid).  Properties: a valid handle is 1 to
 * HANDLE_MAX characters without a slash; what ref_parse accepts is two
 * valid handles that put together give back the NFC form of what was
 * written, and a bare handle takes the default account.
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"

#include <unistr.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *joined, *nfc;
	const char *dflt;
	struct ref r;

	kam_progname = "fuzz_ref";
	if (size == 0)
		return 0;
	/* The first byte picks the default account. */
	dflt = data[0] % 3 == 0 ? NULL : data[0] % 3 == 1 ? "acme" : "a b";
	s = fuzz_string(data + 1, size - 1);
	if (handle_valid(s)) {
		size_t n = u8_mbsnlen((const uint8_t *)s, strlen(s));

		FUZZ_CHECK(n >= 1 && n <= HANDLE_MAX);
		FUZZ_CHECK(strchr(s, '/') == NULL);
	}
	if (ref_parse(&r, s, dflt)) {
		nfc = handle_nfc(s);
		FUZZ_CHECK(nfc != NULL);
		FUZZ_CHECK(handle_valid(r.account));
		FUZZ_CHECK(handle_valid(r.handle));
		if (strchr(s, '/') != NULL) {
			xasprintf(&joined, "%s/%s", r.account, r.handle);
			FUZZ_CHECK(strcmp(joined, nfc) == 0);
			free(joined);
		} else {
			FUZZ_CHECK(dflt != NULL &&
			           strcmp(r.account, dflt) == 0);
			FUZZ_CHECK(strcmp(r.handle, nfc) == 0);
		}
		free(nfc);
	}
	free(s);
	return 0;
}
