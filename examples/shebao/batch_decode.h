/* shebao batch --encoding: a CSV file saved by Chinese Excel (GB18030, of which GBK and GB2312 are parts) read as
 * UTF-8, through iconv(3) of the C library, as a stream, so that the batch reads it as any other input. */
#ifndef SHEBAO_BATCH_DECODE_H
#define SHEBAO_BATCH_DECODE_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The encoding batch suggests for input that is not UTF-8, and the name --encoding takes for it. */
#define BATCH_GB18030 "gb18030"

typedef struct batch_decode {
    FILE *f;            /* the input in UTF-8: read it, then batch_decode_close */
    FILE *raw;          /* the input as it is (not closed here) */
    iconv_t cd;
    char in[1 << 16];   /* bytes read from raw, not yet converted: in[0, have) */
    size_t have;
    long long offset;   /* bytes of raw converted so far (before in[0]) */
    long long bad_at;   /* the offset of the first byte that is not in the encoding, -1 while none */
    bool eof;
} batch_decode;

/* d->f reads raw converted from `encoding` (an iconv name: "GB18030") to UTF-8. False with errno when iconv does not
 * know the encoding (EINVAL) or out of memory. A byte sequence that is not in the encoding makes a read fail with
 * EILSEQ and sets d->bad_at. */
bool batch_decode_open(batch_decode *d, FILE *raw, const char *encoding);
/* Close d->f (raw stays open). */
void batch_decode_close(batch_decode *d);

#endif
