/* Fuzz target: the `shebao batch` reader and row code (examples/shebao/batch_csv.c, batch_row.c, cli_person.c): the
 * input is a whole batch file, fed to the reader in two pieces (so that a byte-order mark or a quoted field can be
 * split), with limits of 64 bytes a field and 1 KiB a row (so that the cutting of over-long fields and rows runs
 * too). The first record is the header; every other record is projected under the embedded Zhejiang policy and
 * formatted.
 * Invariants: one output line per input record (rows in = rows out), each output line parses back (RFC 4180) into
 * 15 + pass-through fields, the same id as its input record, and a status of ok, not_eligible or error; an error
 * row carries a one-line message and a good one none.
 * The same bytes also go through the cutting that lets every batch thread read its own piece of a block (bcsv_cut,
 * 1-4 pieces, each read by a fresh reader): when every piece's reader ends between records, the pieces' records
 * are exactly, field for field and fault for fault, the records one reader finds in the same bytes, and that
 * reader also ends between records there. */
#include <stdlib.h>
#include <string.h>

#include "batch_row.h"
#include "fuzz.h"

static shebao_ctx *ctx;
static shebao_policy *policy;

typedef struct in_state {
    batch_head head;
    bool have_head, bad_head;
    size_t rows;
    bbuf out;
    char **ids; /* input ids, in order */
    size_t nids, cap;
} in_state;

static void on_in(void *user, const bcsv_record *rec)
{
    in_state *st = user;
    if (!st->have_head) {
        char err[600];
        st->have_head = true;
        st->bad_head = !batch_head_init(&st->head, rec, err, sizeof err);
        if (st->bad_head)
            fuzz_check(*err && !strchr(err, '\n'), "a refused header has a one-line message", err);
        return;
    }
    if (st->bad_head)
        return;
    batch_opts o = {policy, SHEBAO_MORTALITY_CL2010_2013_PENSION, NULL};
    int status = batch_row(ctx, &o, &st->head, rec, &st->out);
    fuzz_check(status >= BATCH_OK && status <= BATCH_ERROR, "batch_row returns a row status", NULL);
    size_t i = (size_t)st->head.col[BCOL_ID];
    if (st->nids == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 64;
        st->ids = realloc(st->ids, st->cap * sizeof *st->ids);
        if (!st->ids)
            abort();
    }
    st->ids[st->nids++] = strdup(i < rec->n ? rec->text + rec->offsets[i] : "");
    st->rows++;
}

typedef struct out_state {
    const in_state *in;
    size_t rows;
    size_t want_fields;
} out_state;

static void on_out(void *user, const bcsv_record *rec)
{
    out_state *st = user;
    /* (a reader keeps at most BCSV_MAX_FIELDS fields; an input of 256 columns comes out with 265) */
    size_t want = st->want_fields < BCSV_MAX_FIELDS ? st->want_fields : BCSV_MAX_FIELDS;
    fuzz_check(rec->n == want, "every output line has 15 + pass-through fields", NULL);
    if (st->rows++ == 0)
        return; /* the header line */
    size_t k = st->rows - 2;
    if (k >= st->in->nids)
        return;
    const char *id = rec->text + rec->offsets[0], *status = rec->text + rec->offsets[1],
               *error = rec->text + rec->offsets[2];
    fuzz_check(strcmp(id, st->in->ids[k]) == 0, "each output line carries the id of its input record", id);
    bool is_error = strcmp(status, "error") == 0;
    fuzz_check(is_error || strcmp(status, "ok") == 0 || strcmp(status, "not_eligible") == 0,
               "status is ok, not_eligible or error", status);
    fuzz_check(is_error ? *error && !strchr(error, '\n') : !*error, "an error row, and only one, has a one-line message",
               error);
}

/* Records as bytes, to compare two readings: per record its field count, fault and faulty field, then each field
 * with its length. */
typedef struct rec_log {
    char *s;
    size_t len, cap;
} rec_log;

static void log_put(rec_log *g, const void *p, size_t n)
{
    if (g->len + n > g->cap) {
        g->cap = (g->len + n) * 2 + 64;
        g->s = realloc(g->s, g->cap);
        if (!g->s)
            abort();
    }
    memcpy(g->s + g->len, p, n);
    g->len += n;
}

static void on_log(void *user, const bcsv_record *rec)
{
    rec_log *g = user;
    size_t head[3] = {rec->n, (size_t)rec->problem, rec->problem_field};
    log_put(g, head, sizeof head);
    for (size_t i = 0; i < rec->n; i++) {
        const char *f = rec->text + rec->offsets[i];
        size_t n = strlen(f);
        log_put(g, &n, sizeof n);
        log_put(g, f, n);
    }
}

static bool read_log(const char *s, size_t len, rec_log *g)
{
    bcsv r;
    if (!bcsv_init(&r, on_log, g))
        abort();
    r.field_limit = 64;
    r.row_limit = 1024;
    bool ok = bcsv_feed_records(&r, s, len);
    bool idle = bcsv_idle(&r);
    bcsv_free(&r);
    fuzz_check(ok, "the reader does not fail", NULL);
    return idle;
}

static void check_cut(const char *data, size_t size)
{
    if (size == 0)
        return;
    int t = 1 + (unsigned char)data[0] % 4;
    size_t ends[4];
    size_t end = bcsv_cut(data, size, t, ends);
    fuzz_check(end <= size && ends[t - 1] == end && (end == 0 || data[end - 1] == '\n'),
               "the cut ends after a line end, within the input", NULL);
    rec_log pieces = {0}, whole = {0};
    bool all_idle = true;
    for (int i = 0, p = 0; i < t; p = (int)ends[i], i++) {
        fuzz_check(ends[i] >= (size_t)p && (ends[i] == (size_t)p || data[ends[i] - 1] == '\n'),
                   "the pieces follow each other and end after a line end", NULL);
        all_idle &= read_log(data + p, ends[i] - (size_t)p, &pieces);
    }
    if (all_idle && end > 0) {
        fuzz_check(read_log(data, end, &whole), "one reader ends between records where all the pieces did", NULL);
        fuzz_check(whole.len == pieces.len && (whole.len == 0 || memcmp(whole.s, pieces.s, whole.len) == 0),
                   "the pieces give the records one reader gives", NULL);
    }
    free(pieces.s);
    free(whole.s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup(&ctx, &policy);
    in_state in;
    memset(&in, 0, sizeof in);
    bcsv r;
    if (!bcsv_init(&r, on_in, &in))
        abort();
    r.field_limit = 64;
    r.row_limit = 1024;
    size_t half = size / 2;
    bool ok = bcsv_feed(&r, (const char *)data, half) && bcsv_feed(&r, (const char *)data + half, size - half) &&
              bcsv_finish(&r);
    bcsv_free(&r);
    fuzz_check(ok && !in.out.failed, "the reader and the rows do not fail (no allocation is that large)", NULL);
    if (in.have_head && !in.bad_head) {
        /* read our own output back: the header line, then one line per input record */
        out_state os = {&in, 0, 15};
        for (size_t i = 0; i < in.head.n; i++)
            os.want_fields += in.head.pass[i];
        bcsv back;
        if (!bcsv_init(&back, on_out, &os))
            abort();
        back.field_limit = back.row_limit = (size_t)-1;
        ok = bcsv_feed(&back, in.head.line.s, in.head.line.len) &&
             (!in.out.len || bcsv_feed(&back, in.out.s, in.out.len)) && bcsv_finish(&back);
        bcsv_free(&back);
        fuzz_check(ok, "the output parses back", NULL);
        fuzz_check(os.rows == in.rows + 1, "rows in = rows out (plus the header line)", NULL);
    }
    check_cut((const char *)data, size);
    for (size_t i = 0; i < in.nids; i++)
        free(in.ids[i]);
    free(in.ids);
    free(in.out.s);
    batch_head_free(&in.head);
    return 0;
}
