/* Fuzz targets of libshebao (libFuzzer entry points). Each fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput; the
 * Makefile links it with libFuzzer (`make fuzz`, clang, ASan + UBSan) and, for `make check`, with fuzz/replay.c,
 * which runs it once on every file of fuzz/corpus/NAME/ (the seeds and every crash ever found). */
#ifndef SHEBAO_FUZZ_H
#define SHEBAO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "shebao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The CLI's main(), renamed when the CLI sources are compiled into a fuzz target (-Dmain=shebao_cli_main). */
int shebao_cli_main(int argc, char **argv);

/* The input as a NUL-terminated string (a NUL byte inside ends it early), or NULL when out of memory. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Stop with a message on a broken invariant: libFuzzer records the input as a crash. */
void fuzz_check(int ok, const char *what, const char *input);

/* The entry of a target. The first call makes the context *ctx and, when zhejiang is not NULL, loads the built-in
 * Zhejiang policy into *zhejiang (a harness that cannot start aborts); later calls reuse them. */
void fuzz_setup(shebao_ctx **ctx, shebao_policy **zhejiang);

/* fuzz_setup(), then the input as a string (fuzz_string): NULL when out of memory, and the input is skipped. */
char *fuzz_begin(shebao_ctx **ctx, shebao_policy **zhejiang, const uint8_t *data, size_t size);

/* A refusal leaves a non-empty one-line message in ctx: else stop, as fuzz_check does. */
void fuzz_check_message(const shebao_ctx *ctx, const char *what, const char *input);

/* One projection under pol of a person born in by-bm paying seg[0 .. n), without a life table: it succeeds or is
 * refused with a one-line message (else stop). */
void fuzz_project_plan(shebao_ctx *ctx, const shebao_policy *pol, int by, int bm, const shebao_segment *seg,
                       size_t n, const char *input);

#endif
