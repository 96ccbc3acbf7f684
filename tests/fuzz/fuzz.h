/*
 * Shared by the libFuzzer harnesses of tests/fuzz: the input as a string,
 * and a check that aborts with a message (a finding) when a property of
 * the code under test does not hold.
 */
#ifndef KAM_FUZZ_H
#define KAM_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * kam's messages about bad input (most inputs) go nowhere: the stream
 * stderr is pointed at /dev/null, while file descriptor 2 stays for
 * libFuzzer, the sanitizers and FUZZ_CHECK.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *null = fopen("/dev/null", "w");

	(void)argc;
	(void)argv;
	if (null != NULL)
		stderr = null;
	return 0;
}

#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			dprintf(STDERR_FILENO, "%s:%d: property failed: %s\n", \
			        __FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

/* The input up to its first NUL, as a new string. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
