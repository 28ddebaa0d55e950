/* Replay driver: runs a fuzz target once on each file named on the command line (no libFuzzer needed), so that
 * the seeds and every crash ever found (fuzz/corpus/NAME/) are regression tests of `make check` and, under
 * ASan + UBSan, of `make sanitize`. Exit status 0 when every input ran to completion. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

/* The whole of a corpus file, in a buffer of its size (corpus files are regular files, so the size is known up
 * front; a policy file, which may be a pipe, is read by the library's own reader instead). NULL on failure. */
static uint8_t *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    uint8_t *buf = n >= 0 && fseek(f, 0, SEEK_SET) == 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        uint8_t *buf = read_whole(argv[i], &len);
        if (!buf) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            bad = 1;
            continue;
        }
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
    }
    return bad;
}
