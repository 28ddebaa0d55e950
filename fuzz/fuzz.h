/* Fuzz targets of libshebao (libFuzzer entry points). Each fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput; the
 * Makefile links it with libFuzzer (`make fuzz`, clang, ASan + UBSan) and, for `make check`, with fuzz/replay.c,
 * which runs it once on every file of fuzz/corpus/NAME/ (the seeds and every crash ever found). */
#ifndef SHEBAO_FUZZ_H
#define SHEBAO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The CLI's main(), renamed when the CLI sources are compiled into a fuzz target (-Dmain=shebao_cli_main). */
int shebao_cli_main(int argc, char **argv);

/* The input as a NUL-terminated string (a NUL byte inside ends it early), or NULL when out of memory. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Stop with a message on a broken invariant: libFuzzer records the input as a crash. */
void fuzz_check(int ok, const char *what, const char *input);

#endif
