/* shebao batch: one CSV record in, one CSV line out. No I/O and no threads, so that cmd_batch.c (any number of
 * threads, each with its own context) and the fuzz target drive the same code. */
#ifndef SHEBAO_BATCH_ROW_H
#define SHEBAO_BATCH_ROW_H

#include <stdbool.h>
#include <stddef.h>

#include "batch_csv.h"
#include "shebao.h"

/* The input columns, in the order of the documented header (any order is accepted; the six before BCOL_REQUIRED
 * must be present, the optional ones after it may be absent). */
enum { BCOL_ID, BCOL_BIRTH, BCOL_SEX, BCOL_PLAN, BCOL_COLLECTIVE, BCOL_BACKPAY, BCOL_REQUIRED,
       BCOL_DAIJIAO = BCOL_REQUIRED, BCOLS };

/* What became of a row. */
enum { BATCH_OK = 0, BATCH_NOT_ELIGIBLE = 1, BATCH_ERROR = 2, BATCH_NOMEM = 3 };

/* A growable output buffer; `failed` once an allocation failed (then nothing more is appended). */
typedef struct bbuf {
    char *s;
    size_t len, cap;
    bool failed;
} bbuf;

void bbuf_put(bbuf *b, const char *s, size_t n);
/* One CSV field, preceded by a comma unless first. RFC 4180 quoting (libcsv's csv_write) when it holds a comma, a
 * quote, CR or LF, or starts or ends with a space or tab; NULL is an empty field. */
void bbuf_field(bbuf *b, const char *s, bool first);

/* The input header, mapped. */
typedef struct batch_head {
    size_t n;           /* fields in the header */
    int col[BCOLS];     /* field index of each input column; -1 for an optional one not given */
    char **names;       /* the n header names */
    bool *pass;         /* pass[i]: field i is not an input column, it goes through to the output */
    bbuf line;          /* the output header line, '\n' included */
} batch_head;

/* Map the header record. False with a one-line message in err when it is not a batch header (a column missing
 * or repeated, a bad field) or out of memory. batch_head_free() in both cases. */
bool batch_head_init(batch_head *h, const bcsv_record *rec, char *err, size_t esize);
void batch_head_free(batch_head *h);

/* The run's settings, shared read-only by every thread. */
typedef struct batch_opts {
    const shebao_policy *policy;
    shebao_mortality mortality;
    const char *discount; /* NULL: the library's default */
} batch_opts;

/* Project one record and append its output line ('\n' included) to out. Returns BATCH_OK, BATCH_NOT_ELIGIBLE,
 * BATCH_ERROR (the line holds status "error" and the message), or BATCH_NOMEM (out->failed: the line is
 * incomplete). */
int batch_row(shebao_ctx *ctx, const batch_opts *o, const batch_head *h, const bcsv_record *rec, bbuf *out);

#endif
