/*
 * libFuzzer harness of the number parsers: whole numbers (parse_int),
 * amounts of money (money_parse) and decimals (decimal_parse).
 * Properties: parse_int agrees with a plain reading of [+-]digits in
 * range; an amount read is canonical (reading it again gives it back),
 * equal to itself and 100% of itself; a decimal read is finite.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"

/* What parse_int promises, written another way. */
static int
reference_int(const char *s, long lo, long hi, long *out)
{
	const char *p = s;
	long long v;
	char *end;

	if (*p == '+' || *p == '-')
		p++;
	if (*p == '\0')
		return 0;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || v < lo || v > hi)
		return 0;
	*out = (long)v;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	char c[MONEY_LEN], c2[MONEY_LEN], pc[MONEY_LEN + 8];
	long a = 0, b = 0;
	double d;
	int ra, rb;

	kam_progname = "fuzz_number";
	ra = parse_int(s, 1, 99, &a);
	rb = reference_int(s, 1, 99, &b);
	FUZZ_CHECK(ra == rb);
	FUZZ_CHECK(!ra || a == b);
	ra = parse_int(s, -2147483647L, 2147483647L, &a);
	rb = reference_int(s, -2147483647L, 2147483647L, &b);
	FUZZ_CHECK(ra == rb);
	FUZZ_CHECK(!ra || a == b);
	if (money_parse(s, c) == MONEY_OK) {
		FUZZ_CHECK(money_parse(c, c2) == MONEY_OK);
		FUZZ_CHECK(strcmp(c, c2) == 0);
		FUZZ_CHECK(money_cmp(c, c) == 0);
		money_percent(c, 100, pc);
		FUZZ_CHECK(strcmp(pc, c) == 0);
		money_percent(c, 50, pc);
		FUZZ_CHECK(money_cmp(pc, c) <= 0);
	}
	if (decimal_parse(s, &d))
		FUZZ_CHECK(isfinite(d));
	free(s);
	return 0;
}
