/* shebao batch --encoding (batch_decode.h): iconv(3) behind a stdio stream (glibc's fopencookie). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fopencookie */
#endif
#include <errno.h>
#include <string.h>

#include "batch_decode.h"

/* Fill buf with converted text: as much as iconv makes of what is buffered, reading raw when it needs more. */
static ssize_t decode_read(void *cookie, char *buf, size_t size)
{
    batch_decode *d = cookie;
    char *out = buf;
    size_t left = size;
    while (left == size) { /* until something is made, or the end */
        if (!d->eof && d->have < sizeof d->in) {
            size_t n = fread(d->in + d->have, 1, sizeof d->in - d->have, d->raw);
            d->have += n;
            if (n == 0) {
                if (ferror(d->raw))
                    return -1; /* (errno: fread's) */
                d->eof = true;
            }
        }
        if (d->have == 0)
            return 0; /* the end */
        char *in = d->in;
        size_t inleft = d->have;
        size_t rc = iconv(d->cd, &in, &inleft, &out, &left);
        int err = rc == (size_t)-1 ? errno : 0;
        size_t used = d->have - inleft;
        memmove(d->in, in, inleft);
        d->have = inleft;
        d->offset += (long long)used;
        if (err == EILSEQ || (err == EINVAL && d->eof)) { /* not in the encoding, or cut off at the end */
            if (left < size)
                break; /* the text before it first; the next read fails */
            d->bad_at = d->offset;
            errno = EILSEQ;
            return -1;
        }
        if (err == E2BIG)
            break;
        /* (EINVAL before the end: a sequence cut by the buffer, completed by the next read) */
        if (err == EINVAL && used == 0 && d->have == sizeof d->in)
            return -1; /* (cannot happen: no sequence is 64 KiB long) */
    }
    return (ssize_t)(size - left);
}

static int decode_close(void *cookie)
{
    (void)cookie; /* (batch_decode_close frees; raw is the caller's) */
    return 0;
}

bool batch_decode_open(batch_decode *d, FILE *raw, const char *encoding)
{
    d->raw = raw;
    d->have = 0;
    d->offset = 0;
    d->bad_at = -1;
    d->eof = false;
    d->cd = iconv_open("UTF-8", encoding);
    if (d->cd == (iconv_t)-1)
        return false;
    cookie_io_functions_t io = {.read = decode_read, .close = decode_close};
    if (!(d->f = fopencookie(d, "r", io))) {
        iconv_close(d->cd);
        return false;
    }
    return true;
}

void batch_decode_close(batch_decode *d)
{
    fclose(d->f);
    iconv_close(d->cd);
}
