/* shebao batch: streaming RFC 4180 reader on libcsv, bounded per record, no allocation per field. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch_csv.h"

/* A function off on_field's common path (the UTF-8 scan of a field that is not plain ASCII, the growth of the
 * record buffer): kept out of line so that on_field stays small. */
#if defined(__GNUC__) || defined(__clang__)
#define OUT_OF_LINE __attribute__((noinline))
#else
#define OUT_OF_LINE
#endif

/* Input is handed to libcsv in slices of this size, so that an over-long field is cut down before it grows far
 * past the limit (see parse()). */
#define SLICE ((size_t)64 << 10)

static void note(bcsv *r, int problem, size_t field)
{
    if (r->problem == BCSV_OK) {
        r->problem = problem;
        r->problem_field = field;
    }
}

/* BCSV_OK, or BCSV_NUL / BCSV_NOT_UTF8 for the first fault of the field: a NUL byte, or bytes that are not
 * well-formed UTF-8 (an overlong form, a surrogate, a code point above U+10FFFF, a broken sequence). Eight bytes
 * at a time while they are all ASCII and none is zero. */
OUT_OF_LINE static int scan(const unsigned char *s, size_t len)
{
    const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & high) && !((w - ones) & ~w & high)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c == 0)
            return BCSV_NUL;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return BCSV_NOT_UTF8; /* a continuation byte first, an overlong lead (C0, C1) or above U+10FFFF */
        }
        if (len - i <= n)
            return BCSV_NOT_UTF8;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return BCSV_NOT_UTF8;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return BCSV_NOT_UTF8;
        i += n + 1;
    }
    return BCSV_OK;
}

/* Whether the len bytes at s are all ASCII and none is zero, a whole word at a time: words that overlap rather than
 * a byte loop for the tail, and two overlapping halves for a field shorter than a word (most fields of a batch row
 * are). False sends the field to scan(), which finds the fault if there is one. */
static bool plain_ascii(const unsigned char *s, size_t len)
{
    const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    uint64_t w;
    if (len >= 8) {
        size_t i = 0;
        for (; i + 8 <= len; i += 8) {
            memcpy(&w, s + i, 8);
            if ((w & high) || ((w - ones) & ~w & high))
                return false;
        }
        if (i == len)
            return true;
        memcpy(&w, s + len - 8, 8);
    } else if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (len > 0) {
        /* one to three bytes: the first, the middle and the last (some twice), and five ones that pass */
        w = (uint64_t)s[0] << 56 | (uint64_t)s[len / 2] << 48 | (uint64_t)s[len - 1] << 40 | 0x0101010101ULL;
    } else {
        return true;
    }
    return !(w & high) && !((w - ones) & ~w & high);
}

/* Room for need bytes of record text; false (and r->failed) when out of memory. */
OUT_OF_LINE static bool grow_text(bcsv *r, size_t need)
{
    size_t cap = r->cap ? r->cap : 256;
    while (cap < need)
        cap *= 2;
    char *t = realloc(r->text, cap);
    if (!t) {
        r->failed = true;
        return false;
    }
    r->text = t;
    r->cap = cap;
    return true;
}

/* Copy n <= 16 bytes without a call: two overlapping loads and stores (of 8, 4 or 2 bytes), or one byte. */
static void copy_short(char *d, const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n >= 2) {
        uint16_t a, b;
        memcpy(&a, s, 2);
        memcpy(&b, s + n - 2, 2);
        memcpy(d, &a, 2);
        memcpy(d + n - 2, &b, 2);
    } else if (n == 1) {
        d[0] = s[0];
    }
}

static void on_field(void *s, size_t len, void *data)
{
    bcsv *r = data;
    size_t i = r->n;
    if (i >= BCSV_MAX_FIELDS) {
        note(r, BCSV_TOO_MANY, i);
        return;
    }
    if (len > r->field_limit || r->cut) {
        note(r, BCSV_TOO_LONG, i);
        len = 0; /* keep the slot, not the contents */
        r->cut = false;
    } else if (r->size + len > r->row_limit) {
        note(r, BCSV_ROW_TOO_LONG, i);
        len = 0;
    } else if (!plain_ascii(s, len)) {
        int fault = scan(s, len);
        if (fault != BCSV_OK)
            note(r, fault, i);
    }
    if (r->size + len + 1 > r->cap && !grow_text(r, r->size + len + 1))
        return;
    r->offsets[r->n++] = r->size;
    if (len <= 16)
        copy_short(r->text + r->size, s, len);
    else
        memcpy(r->text + r->size, s, len);
    r->size += len;
    r->text[r->size++] = '\0';
}

static void on_row(int c, void *data)
{
    (void)c;
    bcsv *r = data;
    if (!r->failed) {
        bcsv_record rec = {r->text, r->size, r->offsets, r->n, r->problem, r->problem_field};
        r->on_row(r->user, &rec);
    }
    r->n = 0;
    r->size = 0;
    r->problem = BCSV_OK;
    r->problem_field = 0;
}

/* RFC 4180: spaces belong to the field (libcsv trims them unless told otherwise). */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

bool bcsv_init(bcsv *r, bcsv_row_fn fn, void *user)
{
    memset(r, 0, sizeof *r);
    r->on_row = fn;
    r->user = user;
    r->field_limit = BCSV_FIELD_LIMIT;
    r->row_limit = BCSV_FIELD_LIMIT;
    if (csv_init(&r->parser, 0) != 0)
        return false;
    csv_set_space_func(&r->parser, no_space);
    csv_set_blk_size(&r->parser, 4096);
    return true;
}

/* Hand bytes to libcsv a slice at a time. Between slices, a field in progress that has grown past the limit is
 * cut back to its last byte: libcsv keeps the field being read in entry_buf[0..entry_pos) (struct csv_parser,
 * public in csv.h) and looks back at most one byte (the quote of a quoted field that may be ending, since no
 * character counts as a space here), so its state stays consistent while the field's contents, which are dropped
 * anyway, no longer take memory. */
static bool parse(bcsv *r, const char *buf, size_t len)
{
    while (len > 0 && !r->failed) {
        size_t n = len < SLICE ? len : SLICE;
        if (csv_parse(&r->parser, buf, n, on_field, on_row, r) != n)
            r->failed = true;
        buf += n;
        len -= n;
        struct csv_parser *p = &r->parser;
        if (p->entry_pos > r->field_limit) {
            p->entry_buf[0] = p->entry_buf[p->entry_pos - 1];
            p->entry_pos = 1;
            r->cut = true;
        }
    }
    return !r->failed;
}

bool bcsv_feed(bcsv *r, const char *buf, size_t len)
{
    static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
    while (!r->started && len > 0) {
        r->head[r->nhead] = (unsigned char)*buf++;
        len--;
        if (r->head[r->nhead] != bom[r->nhead]) {
            r->started = true;
            if (!parse(r, (const char *)r->head, r->nhead + 1))
                return false;
        } else if (++r->nhead == sizeof bom) {
            r->started = true; /* a byte-order mark: dropped */
        }
    }
    return parse(r, buf, len);
}

static size_t count_quotes(const char *s, size_t n)
{
    size_t q = 0;
    const char *end = s + n;
    while ((s = memchr(s, '"', (size_t)(end - s))) != NULL) {
        q++;
        s++;
    }
    return q;
}

size_t bcsv_cut(const char *buf, size_t len, int t, size_t *ends)
{
    size_t last = len;
    unsigned par = (unsigned)(count_quotes(buf, len) & 1); /* parity of the quotes before position `last` */
    while (last > 0 && !(buf[last - 1] == '\n' && par == 0)) {
        if (buf[last - 1] == '"')
            par ^= 1;
        last--;
    }
    size_t p = 0;
    for (int i = 0; i + 1 < t; i++) {
        size_t j = last / (size_t)t * (size_t)(i + 1);
        if (j < p)
            j = p;
        par = (unsigned)(count_quotes(buf + p, j - p) & 1);
        while (j < last && !(j > p && buf[j - 1] == '\n' && par == 0)) {
            if (buf[j] == '"')
                par ^= 1;
            j++;
        }
        ends[i] = p = j;
    }
    ends[t - 1] = last;
    return last;
}

bool bcsv_feed_records(bcsv *r, const char *buf, size_t len)
{
    r->started = true;
    return parse(r, buf, len);
}

/* libcsv's state between records is the one csv_init leaves (ROW_NOT_BEGUN, 0 in libcsv.c), with nothing of a
 * field buffered; and no byte-order-mark bytes are held back. */
bool bcsv_idle(const bcsv *r)
{
    return r->started && r->parser.pstate == 0 && r->parser.entry_pos == 0 && r->n == 0 && !r->failed;
}

size_t bcsv_footprint(const bcsv *r)
{
    return r->cap + csv_get_buffer_size((struct csv_parser *)&r->parser);
}

bool bcsv_finish(bcsv *r)
{
    if (!r->started) { /* fewer than three bytes, all of them a prefix of the byte-order mark */
        r->started = true;
        if (!parse(r, (const char *)r->head, r->nhead))
            return false;
    }
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
