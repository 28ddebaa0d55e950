/* shebao batch: streaming RFC 4180 reader on libcsv, bounded per record, no allocation per field. */
#include <stdlib.h>
#include <string.h>

#include "batch_csv.h"

static void on_field(void *s, size_t len, void *data)
{
    bcsv *r = data;
    if (r->n >= BCSV_MAX_FIELDS || len > BCSV_FIELD_LIMIT) {
        r->overflow = true;
        if (r->n >= BCSV_MAX_FIELDS)
            return;
        len = 0; /* keep the slot, not the contents */
    }
    if (r->size + len + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < r->size + len + 1)
            cap *= 2;
        char *t = realloc(r->text, cap);
        if (!t) {
            r->failed = true;
            return;
        }
        r->text = t;
        r->cap = cap;
    }
    r->offsets[r->n++] = r->size;
    if (len)
        memcpy(r->text + r->size, s, len);
    r->size += len;
    r->text[r->size++] = '\0';
}

static void on_row(int c, void *data)
{
    (void)c;
    bcsv *r = data;
    if (!r->failed)
        r->on_row(r->user, r->text, r->size, r->offsets, r->n, r->overflow);
    r->n = 0;
    r->size = 0;
    r->overflow = false;
}

bool bcsv_init(bcsv *r, bcsv_row_fn fn, void *user)
{
    memset(r, 0, sizeof *r);
    r->on_row = fn;
    r->user = user;
    return csv_init(&r->parser, 0) == 0;
}

bool bcsv_feed(bcsv *r, const char *buf, size_t len)
{
    if (!r->started && len > 0) {
        r->started = true;
        if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
            (unsigned char)buf[2] == 0xBF) {
            buf += 3;
            len -= 3;
        }
    }
    if (csv_parse(&r->parser, buf, len, on_field, on_row, r) != len)
        r->failed = true;
    return !r->failed;
}

bool bcsv_finish(bcsv *r)
{
    if (csv_fini(&r->parser, on_field, on_row, r) != 0)
        r->failed = true;
    return !r->failed;
}

void bcsv_free(bcsv *r)
{
    csv_free(&r->parser);
    free(r->text);
    r->text = NULL;
}
