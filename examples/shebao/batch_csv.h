/* shebao batch: the CSV reader (libcsv underneath), kept apart so a fuzz target can drive it. */
#ifndef SHEBAO_BATCH_CSV_H
#define SHEBAO_BATCH_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include <csv.h>

/* Longest field kept; a longer one makes its record an error (its contents are dropped). */
#define BCSV_FIELD_LIMIT ((size_t)1 << 20)
/* Most fields kept per record; more make the record an error. */
#define BCSV_MAX_FIELDS 256

/* Called once per record. The record's fields are NUL-terminated strings packed one after another in `text`
 * (`size` bytes in all); field i starts at text + offsets[i]. All valid during the call only. `overflow` is true
 * when a field was longer than BCSV_FIELD_LIMIT or the record had more than BCSV_MAX_FIELDS fields. */
typedef void (*bcsv_row_fn)(void *user, const char *text, size_t size, const size_t *offsets, size_t n,
                            bool overflow);

typedef struct bcsv {
    struct csv_parser parser;
    char *text; /* the current record, packed */
    size_t size, cap;
    size_t offsets[BCSV_MAX_FIELDS], n;
    bool overflow, failed, started;
    bcsv_row_fn on_row;
    void *user;
} bcsv;

/* Returns false when the parser cannot be set up. */
bool bcsv_init(bcsv *r, bcsv_row_fn on_row, void *user);
/* Feed bytes (a UTF-8 byte-order mark at the very start is skipped). False on a fatal error (out of memory). */
bool bcsv_feed(bcsv *r, const char *buf, size_t len);
/* End of input: flush the last record. */
bool bcsv_finish(bcsv *r);
void bcsv_free(bcsv *r);

#endif
