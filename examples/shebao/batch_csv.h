/* shebao batch: the CSV reader (RFC 4180, libcsv underneath), kept apart so that a fuzz target can drive it. */
#ifndef SHEBAO_BATCH_CSV_H
#define SHEBAO_BATCH_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include <csv.h>

/* Longest field, and most bytes of all the fields of a record, kept by default; more makes the record a problem
 * (the contents are dropped, and memory stays bounded by this whatever the input). */
#define BCSV_FIELD_LIMIT ((size_t)1 << 20)
/* Most fields kept per record; more make the record a problem. */
#define BCSV_MAX_FIELDS 256

/* What is wrong with a record, if anything (the first problem found). */
enum {
    BCSV_OK = 0,
    BCSV_TOO_MANY,  /* more than BCSV_MAX_FIELDS fields (the first BCSV_MAX_FIELDS are kept) */
    BCSV_TOO_LONG,  /* field problem_field is longer than the limit (kept empty) */
    BCSV_ROW_TOO_LONG, /* the fields up to problem_field add up to more than the limit (it and the rest kept empty) */
    BCSV_NUL,       /* field problem_field holds a NUL byte */
    BCSV_NOT_UTF8,  /* field problem_field is not valid UTF-8 */
    BCSV_NOMEM      /* (set by a caller that could not keep the record: out of memory) */
};

/* One record, valid during the callback only. */
typedef struct bcsv_record {
    const char *text;      /* the fields, each NUL-terminated, packed one after another */
    size_t size;           /* bytes of text, terminators included */
    const size_t *offsets; /* field i starts at text + offsets[i] */
    size_t n;              /* number of fields kept */
    int problem;           /* BCSV_OK or what is wrong */
    size_t problem_field;  /* 0-based index of the field at fault (TOO_LONG, NUL, NOT_UTF8) */
} bcsv_record;

typedef void (*bcsv_row_fn)(void *user, const bcsv_record *rec);

typedef struct bcsv {
    struct csv_parser parser;
    size_t field_limit;  /* BCSV_FIELD_LIMIT for a field ... */
    size_t row_limit;    /* ... and for a record, unless changed after bcsv_init (the fuzz target makes them small) */
    char *text;          /* the current record, packed */
    size_t size, cap;
    size_t offsets[BCSV_MAX_FIELDS], n;
    int problem;
    size_t problem_field;
    bool cut; /* the field being read went past field_limit and was cut back */
    bool failed;
    unsigned char head[3]; /* the first bytes of the stream, held until they are known not to be a BOM */
    size_t nhead;
    bool started;
    bcsv_row_fn on_row;
    void *user;
} bcsv;

/* Returns false when the parser cannot be set up. Blank lines are not records; spaces are part of fields. */
bool bcsv_init(bcsv *r, bcsv_row_fn on_row, void *user);
/* Feed bytes (a UTF-8 byte-order mark at the very start of the stream is skipped, even when split across calls).
 * False on a fatal error (out of memory). */
bool bcsv_feed(bcsv *r, const char *buf, size_t len);
/* Feed whole records that start where a record starts, from the middle of a stream (no byte-order-mark check):
 * cmd_batch.c hands each worker's reader a piece of a block this way. False on a fatal error (out of memory). */
bool bcsv_feed_records(bcsv *r, const char *buf, size_t len);
/* Cut buf[0, len), which starts where a record starts, into t >= 1 pieces of whole records for t readers:
 * ends[i] (increasing; pieces may be empty) is just after a '\n' preceded by an even number of quotes since buf,
 * which with RFC 4180's balanced quotes is a record end. Whether it really was shows afterwards: a reader given
 * the piece from the previous cut ends it bcsv_idle() exactly when the cut was right. Returns ends[t - 1], the
 * end of the whole records (0 when there is none yet). */
size_t bcsv_cut(const char *buf, size_t len, int t, size_t *ends);
/* Bytes the reader holds for the record being read (its buffer and libcsv's), whatever the record's size was. */
size_t bcsv_footprint(const bcsv *r);
/* True when the reader is between records: everything fed so far was whole records (or blank lines). */
bool bcsv_idle(const bcsv *r);
/* End of input: flush the last record. */
bool bcsv_finish(bcsv *r);
void bcsv_free(bcsv *r);

#endif
