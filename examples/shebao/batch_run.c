/* shebao batch, the engine (batch_run.h): a streaming CSV → CSV filter projecting one person per row, in input
 * order, on any number of threads sharing one immutable policy. Rows in = rows out, always; a bad row becomes a row
 * with status "error". cmd_batch.c reads the options, opens the files and reports.
 *
 * Two ways a row goes through. Usually a block of input is cut into one piece of whole records per thread, and
 * every thread reads its piece with its own reader and projects it (run_block). The header, a record the main
 * reader is in the middle of, a record longer than a block, and a block whose cut proved wrong go instead through
 * the main reader, which keeps the rows in a chunk that the threads then project slice by slice (flush_chunk).
 * Either way the threads' arenas are written in order. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "batch_run.h"
#include "cli.h"

#define CHUNK_ROWS 4096
#define CHUNK_BYTES ((size_t)8 << 20) /* a chunk is also full at this much row text (rows of up to 1 MiB each) */
/* After a block, the workers' readers together keep at most this much for long records, and their output arenas
 * at most OUTS_KEEP: each worker may meet long rows in a different block, and with many threads their buffers
 * must not add up past a bound (the largest are given back first). */
#define READERS_KEEP ((size_t)8 << 20)
#define OUTS_KEEP ((size_t)24 << 20)

struct batch;

/* A worker's output arena, padded so that two workers' arenas (their lengths change on every row) never share a
 * cache line. */
typedef struct wout {
    bbuf b;
    char pad[128];
} wout;

/* A worker's own reader for its piece of a block (see run_block), and what became of the piece. */
typedef struct piece {
    struct batch *bt;
    int index;
    bcsv reader;
    bool reader_ok;
    const char *s; /* the piece: whole records, from a record start to just after a '\n' */
    size_t len;
    bool idle;     /* the reader ended the piece between records, as the piece assumed */
    bool oom;
    long long ok, not_eligible, errors, rows;
    char pad[128]; /* the next worker's reader state (written on every byte) stays off these counters' line */
} piece;

typedef struct brow {
    size_t text_off; /* the record's packed fields in the chunk's text arena */
    size_t offs_off; /* its field offsets in the chunk's offset arena */
    size_t size;     /* bytes of packed text */
    size_t nfields;
    int problem;     /* the reader's verdict (BCSV_OK, ...) and the field at fault */
    size_t problem_field;
    int status;      /* BATCH_OK, BATCH_NOT_ELIGIBLE, BATCH_ERROR, BATCH_NOMEM */
} brow;

typedef struct batch {
    /* what became of the run so far: rows counted, a fatal input, out of memory, a failed read or write */
    batch_result res;
    /* header */
    bool have_header;
    batch_head head;
    /* run options */
    batch_opts opts;
    /* the chunk being filled: rows, their packed text and field offsets */
    brow *rows;
    size_t nrows;
    char *text;
    size_t text_len, text_cap;
    size_t *offs;
    size_t offs_len, offs_cap;
    /* threads, each with its context and its output arena */
    int threads;
    shebao_ctx **ctx;
    wout *outs;
    pthread_t *tid;
    pthread_barrier_t start, done;
    bool quit;
    /* the current job of the workers: a chunk of rows the main reader kept, or a block cut into pieces */
    bool block_job;
    piece *pieces;
    size_t block; /* bytes per block read */
    /* output */
    FILE *out;
    bool progress;
    double t0, drawn;           /* start; when the progress bar was last drawn */
    long long in_bytes, in_size; /* bytes read; size of the input when it is a regular file (else 0) */
} batch;

/* Project one row of the chunk into a worker's arena (batch_row does the work). */
static void format_row(shebao_ctx *ctx, const batch *bt, brow *r, bbuf *out)
{
    bcsv_record rec = {"", 0, NULL, 0, r->problem, r->problem_field};
    if (r->nfields) { /* (a row kept without its fields, for want of memory, has none) */
        rec.text = bt->text + r->text_off;
        rec.size = r->size;
        rec.offsets = bt->offs + r->offs_off;
        rec.n = r->nfields;
    }
    size_t start = out->len;
    r->status = batch_row(ctx, &bt->opts, &bt->head, &rec, out);
    if (r->status == BATCH_NOMEM) { /* the row is missing from the output: the run fails (oom) */
        out->failed = false;
        out->len = start;
    }
}

/* ---- threads: each worker projects a slice of the chunk, or reads and projects a piece of the block ---------- */

typedef struct worker_arg {
    batch *bt;
    int index;
} worker_arg;

/* Worker `index` projects one contiguous slice of the chunk into its own arena, so that the arenas, taken in
 * worker order, are the output in input order. */
static void work_piece(batch *bt, int index);

static void work_rows(batch *bt, int index)
{
    if (bt->block_job) {
        work_piece(bt, index);
        return;
    }
    size_t t = (size_t)bt->threads, lo = bt->nrows * (size_t)index / t, hi = bt->nrows * ((size_t)index + 1) / t;
    bt->outs[index].b.len = 0;
    for (size_t i = lo; i < hi; i++)
        format_row(bt->ctx[index], bt, &bt->rows[i], &bt->outs[index].b);
}

/* The rows' messages (the CSV column error) are those of --lang both whatever --lang: CSV never changes with the
 * language. */
static void work(batch *bt, int index)
{
    cli_lang was = cli_lang_get();
    cli_lang_set(CLI_LANG_BOTH);
    work_rows(bt, index);
    cli_lang_set(was);
}

static void *worker(void *arg)
{
    worker_arg *wa = arg;
    batch *bt = wa->bt;
    for (;;) {
        pthread_barrier_wait(&bt->start);
        if (bt->quit)
            break;
        work(bt, wa->index);
        pthread_barrier_wait(&bt->done);
    }
    shebao_ctx_free(bt->ctx[wa->index]); /* in its own thread: releases this thread's caches too */
    bt->ctx[wa->index] = NULL;
    return NULL;
}

/* Write to the output; a failed write stops the run (with its reason kept). */
static void emit(batch *bt, const char *s, size_t n)
{
    if (n && !bt->res.write_failed && fwrite(s, 1, n, bt->out) != n) {
        bt->res.write_failed = true;
        bt->res.write_errno = errno;
    }
}

/* Whether the run stops here: a bad header, out of memory, a failed write. */
static bool stopped(const batch *bt)
{
    return bt->res.fatal || bt->res.oom || bt->res.write_failed;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* --progress, on a terminal: a bar when the input size is known (a file), the row count and rate always; redrawn
 * at most ten times a second, and once more at the end. */
static void draw_progress(batch *bt, bool last)
{
    double t = now();
    if (!last && t - bt->drawn < 0.1)
        return;
    bt->drawn = t;
    double rate = t > bt->t0 ? (double)bt->res.total / (t - bt->t0) : 0.0;
    if (bt->in_size > 0) {
        int pct = (int)(100 * (bt->in_bytes < bt->in_size ? bt->in_bytes : bt->in_size) / bt->in_size);
        fprintf(stderr, "\r[%-30.*s] %3d%%  %lld rows  %.0f rows/s", pct * 30 / 100,
                "##############################", pct, bt->res.total, rate);
    } else {
        fprintf(stderr, "\r%lld rows  %.0f rows/s", bt->res.total, rate);
    }
    if (last)
        fputc('\n', stderr);
}

/* The current job on every thread: the workers wake at the start barrier, the main thread does slice 0, and all
 * meet again at the done barrier. */
static void run_workers(batch *bt)
{
    if (bt->threads > 1) {
        pthread_barrier_wait(&bt->start);
        work(bt, 0);
        pthread_barrier_wait(&bt->done);
    } else {
        work(bt, 0);
    }
}

static void flush_chunk(batch *bt)
{
    if (bt->nrows == 0)
        return;
    run_workers(bt);
    for (int t = 0; t < bt->threads; t++) /* each arena holds a contiguous slice, in order */
        emit(bt, bt->outs[t].b.s, bt->outs[t].b.len);
    for (size_t i = 0; i < bt->nrows; i++) {
        brow *r = &bt->rows[i];
        if (r->status == BATCH_NOMEM)
            bt->res.oom = true; /* out of memory formatting the row: it is missing from the output, the run fails */
        bt->res.ok += r->status == BATCH_OK;
        bt->res.not_eligible += r->status == BATCH_NOT_ELIGIBLE;
        bt->res.errors += r->status == BATCH_ERROR;
    }
    bt->res.total += (long long)bt->nrows;
    bt->nrows = 0;
    bt->text_len = 0;
    bt->offs_len = 0;
    if (bt->progress)
        draw_progress(bt, false);
}

/* ---- the reader's callback ------------------------------------------------------------------------------ */

/* Append to a growable arena; false when out of memory. */
static bool grow(void **buf, size_t *cap, size_t need, size_t unit)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 4096;
    while (c < need)
        c *= 2;
    void *n = realloc(*buf, c * unit);
    if (!n)
        return false;
    *buf = n;
    *cap = c;
    return true;
}

static void on_record(void *user, const bcsv_record *rec)
{
    batch *bt = user;
    if (bt->res.fatal)
        return;
    if (!bt->have_header) {
        bt->have_header = true;
        if (!batch_head_init(&bt->head, rec, bt->res.fatal_msg, sizeof bt->res.fatal_msg)) {
            bt->res.fatal = true;
            return;
        }
        emit(bt, bt->head.line.s, bt->head.line.len);
        return;
    }
    brow *r = &bt->rows[bt->nrows++];
    memset(r, 0, sizeof *r);
    if (!grow((void **)&bt->text, &bt->text_cap, bt->text_len + rec->size + 1, 1) ||
        !grow((void **)&bt->offs, &bt->offs_cap, bt->offs_len + rec->n + 1, sizeof *bt->offs)) {
        r->problem = BCSV_NOMEM; /* the row stays, as an error row without its fields */
    } else {
        r->text_off = bt->text_len;
        r->offs_off = bt->offs_len;
        memcpy(bt->text + bt->text_len, rec->text, rec->size);
        memcpy(bt->offs + bt->offs_len, rec->offsets, rec->n * sizeof *rec->offsets);
        bt->text_len += rec->size;
        bt->offs_len += rec->n;
        r->size = rec->size;
        r->nfields = rec->n;
        r->problem = rec->problem;
        r->problem_field = rec->problem_field;
    }
    if (bt->nrows == CHUNK_ROWS || bt->text_len >= CHUNK_BYTES)
        flush_chunk(bt);
}

/* ---- blocks: whole records parsed and projected in parallel ------------------------------------------------ */

/* A record of a worker's piece: projected straight into the worker's arena (no copy into a chunk). */
static void on_piece_record(void *user, const bcsv_record *rec)
{
    piece *pc = user;
    batch *bt = pc->bt;
    bbuf *out = &bt->outs[pc->index].b;
    if (pc->oom)
        return;
    size_t start = out->len;
    int status = batch_row(bt->ctx[pc->index], &bt->opts, &bt->head, rec, out);
    if (status == BATCH_NOMEM) { /* as in flush_chunk: the row would be missing, the run fails */
        out->failed = false;
        out->len = start;
        pc->oom = true;
        return;
    }
    pc->rows++;
    pc->ok += status == BATCH_OK;
    pc->not_eligible += status == BATCH_NOT_ELIGIBLE;
    pc->errors += status == BATCH_ERROR;
}

static void work_piece(batch *bt, int index)
{
    piece *pc = &bt->pieces[index];
    bt->outs[index].b.len = 0;
    pc->ok = pc->not_eligible = pc->errors = pc->rows = 0;
    pc->oom = false;
    if (pc->len && !bcsv_feed_records(&pc->reader, pc->s, pc->len))
        pc->oom = true;
    pc->idle = bcsv_idle(&pc->reader);
}

/* Give back the largest reader buffers and output arenas until the workers keep at most READERS_KEEP and
 * OUTS_KEEP in all (see there). */
static void trim_workers(batch *bt)
{
    for (;;) {
        size_t sum = 0, most = 0;
        int big = -1;
        for (int t = 0; t < bt->threads; t++) {
            size_t f = bcsv_footprint(&bt->pieces[t].reader);
            sum += f;
            if (f > most)
                most = f, big = t;
        }
        if (sum <= READERS_KEEP || big < 0)
            break;
        piece *pc = &bt->pieces[big];
        bcsv_free(&pc->reader);
        pc->reader_ok = bcsv_init(&pc->reader, on_piece_record, pc); /* (between records: nothing is lost) */
        bt->res.oom |= !pc->reader_ok;
        if (!pc->reader_ok)
            break;
    }
    for (;;) {
        size_t sum = 0, most = 0;
        int big = -1;
        for (int t = 0; t < bt->threads; t++) {
            sum += bt->outs[t].b.cap;
            if (bt->outs[t].b.cap > most)
                most = bt->outs[t].b.cap, big = t;
        }
        if (sum <= OUTS_KEEP || big < 0)
            break;
        free(bt->outs[big].b.s);
        bt->outs[big].b = (bbuf){NULL, 0, 0, false};
    }
}

/* Parse and project s[0, ends[threads - 1]) (whole records, cut by bcsv_cut) on all threads, each worker its own
 * piece with its own reader, and write the pieces' output in order. False when a piece's reader did not end between records (a
 * quoted field across a cut, or quotes RFC 4180 would not write): then nothing of the block was written or
 * counted, and the caller hands the block to the main reader instead. */
static bool run_block(batch *bt, const char *s, size_t *ends)
{
    flush_chunk(bt); /* rows the main reader kept come first */
    size_t p = 0;
    for (int t = 0; t < bt->threads; t++) {
        bt->pieces[t].s = s + p;
        bt->pieces[t].len = ends[t] - p;
        p = ends[t];
    }
    bt->block_job = true;
    run_workers(bt);
    bt->block_job = false;
    bool idle = true;
    for (int t = 0; t < bt->threads; t++) {
        piece *pc = &bt->pieces[t];
        bt->res.oom |= pc->oom;
        if (!pc->idle) { /* a fresh reader for the next block */
            idle = false;
            bcsv_free(&pc->reader);
            pc->reader_ok = bcsv_init(&pc->reader, on_piece_record, pc);
            bt->res.oom |= !pc->reader_ok;
        }
    }
    if (!idle || bt->res.oom)
        return bt->res.oom; /* out of memory: the run fails anyway; otherwise the main reader redoes the block */
    for (int t = 0; t < bt->threads; t++) {
        piece *pc = &bt->pieces[t];
        emit(bt, bt->outs[t].b.s, bt->outs[t].b.len);
        bt->res.ok += pc->ok;
        bt->res.not_eligible += pc->not_eligible;
        bt->res.errors += pc->errors;
        bt->res.total += pc->rows;
    }
    trim_workers(bt);
    if (bt->progress)
        draw_progress(bt, false);
    return true;
}

/* Read the input block by block. The main reader takes the header, and any record it is in the middle of, a line
 * at a time; whole records after that go to run_block. Rows keep their order either way. */
static bool read_all(batch *bt, bcsv *reader, FILE *fin)
{
    const size_t block = bt->block;
    char *blk = malloc(block);
    size_t *ends = calloc((size_t)bt->threads, sizeof *ends);
    if (!blk || !ends) {
        free(blk);
        free(ends);
        bt->res.oom = true;
        return true;
    }
    size_t have = 0;
    bool eof = false;
    while (!stopped(bt) && (!eof || have > 0)) {
        if (!eof) {
            size_t want = block - have, n = fread(blk + have, 1, want, fin);
            have += n;
            bt->in_bytes += (long long)n;
            eof = n < want;
            if (eof && ferror(fin))
                bt->res.read_errno = errno;
        }
        size_t used = 0;
        while (used < have && !stopped(bt)) {
            if (!bt->have_header || !bcsv_idle(reader)) {
                const char *nl = memchr(blk + used, '\n', have - used);
                size_t take = nl ? (size_t)(nl - (blk + used)) + 1 : have - used;
                if (!nl && !eof && used > 0)
                    break; /* the rest of a line: read more first */
                if (!bcsv_feed(reader, blk + used, take))
                    bt->res.oom = true;
                used += take;
                continue;
            }
            size_t cut = bcsv_cut(blk + used, have - used, bt->threads, ends);
            if (cut == 0)
                break; /* no whole record in what is left */
            if (!run_block(bt, blk + used, ends) && !bcsv_feed(reader, blk + used, cut))
                bt->res.oom = true;
            used += cut;
        }
        if (used < have && !stopped(bt) && (eof || used == 0)) {
            /* the end of the input, or one record longer than a block: the main reader takes it */
            if (!bcsv_feed(reader, blk + used, have - used))
                bt->res.oom = true;
            used = have;
        }
        memmove(blk, blk + used, have - used);
        have -= used;
    }
    free(blk);
    free(ends);
    return !ferror(fin);
}

/* ---- a run ----------------------------------------------------------------------------------------------- */

/* The chunk, the threads' contexts, arenas and readers. False when out of memory. */
static bool alloc_all(batch *bt, worker_arg **wa)
{
    bt->rows = calloc(CHUNK_ROWS, sizeof *bt->rows);
    bt->ctx = calloc((size_t)bt->threads, sizeof *bt->ctx);
    bt->tid = calloc((size_t)bt->threads, sizeof *bt->tid);
    bt->outs = calloc((size_t)bt->threads, sizeof *bt->outs);
    *wa = calloc((size_t)bt->threads, sizeof **wa);
    bt->pieces = calloc((size_t)bt->threads, sizeof *bt->pieces);
    bool ok = bt->rows && bt->ctx && bt->tid && bt->outs && *wa && bt->pieces;
    for (int t = 0; ok && t < bt->threads; t++)
        ok = shebao_ctx_new(&bt->ctx[t]) == SHEBAO_OK;
    for (int t = 0; ok && t < bt->threads; t++) {
        bt->pieces[t] = (piece){.bt = bt, .index = t};
        ok = bt->pieces[t].reader_ok = bcsv_init(&bt->pieces[t].reader, on_piece_record, &bt->pieces[t]);
    }
    return ok;
}

/* Start the workers (threads 1..threads-1; the main thread is worker 0). False when one cannot be started: the
 * started ones wait at a barrier that can no longer fill, and nothing can be salvaged. */
static bool start_threads(batch *bt, worker_arg *wa, int *started)
{
    *started = 0;
    if (bt->threads <= 1)
        return true;
    pthread_barrier_init(&bt->start, NULL, (unsigned)bt->threads);
    pthread_barrier_init(&bt->done, NULL, (unsigned)bt->threads);
    for (int t = 1; t < bt->threads; t++, ++*started) {
        wa[t] = (worker_arg){bt, t};
        if (pthread_create(&bt->tid[t], NULL, worker, &wa[t]) != 0)
            return false;
    }
    return true;
}

static void stop_threads(batch *bt, int started)
{
    if (bt->threads > 1 && started > 0) {
        bt->quit = true;
        pthread_barrier_wait(&bt->start);
        for (int t = 1; t <= started; t++)
            pthread_join(bt->tid[t], NULL);
        pthread_barrier_destroy(&bt->start);
        pthread_barrier_destroy(&bt->done);
    }
}

/* The whole input through the main reader and the blocks. False on a read error. */
static bool read_input(batch *bt, FILE *fin)
{
    bcsv reader;
    if (!bcsv_init(&reader, on_record, bt))
        return false;
    bool read_ok = true;
    if (!read_all(bt, &reader, fin))
        read_ok = false;
    else if (!stopped(bt) && !bcsv_finish(&reader))
        bt->res.oom = true;
    if (!bt->res.fatal && !bt->res.write_failed)
        flush_chunk(bt);
    if (!bt->have_header && !bt->res.fatal && read_ok && !bt->res.oom) {
        bt->res.fatal = true;
        snprintf(bt->res.fatal_msg, sizeof bt->res.fatal_msg,
                 "input: empty (expected a header with the columns id,birth,sex,plan,collective,backpay)");
    }
    bcsv_free(&reader);
    return read_ok;
}

static void free_all(batch *bt, worker_arg *wa)
{
    for (int t = 0; t < bt->threads && bt->ctx; t++)
        shebao_ctx_free(bt->ctx[t]);
    batch_head_free(&bt->head);
    for (int t = 0; t < bt->threads && bt->outs; t++)
        free(bt->outs[t].b.s);
    free(bt->outs);
    for (int t = 0; t < bt->threads && bt->pieces; t++)
        if (bt->pieces[t].reader_ok)
            bcsv_free(&bt->pieces[t].reader);
    free(bt->pieces);
    free(bt->text);
    free(bt->offs);
    free(bt->rows);
    free(bt->ctx);
    free(bt->tid);
    free(wa);
}

bool batch_run(const batch_setup *s, FILE *fin, batch_result *res)
{
    batch bt;
    memset(&bt, 0, sizeof bt);
    bt.opts = s->opts;
    bt.threads = s->threads;
    bt.block = s->block;
    bt.progress = s->progress;
    bt.out = s->out;
    worker_arg *wa = NULL;
    bool ok = alloc_all(&bt, &wa);
    int started = 0;
    if (ok && !start_threads(&bt, wa, &started)) {
        res->started = started + 1;
        return false;
    }
    struct stat st;
    if (bt.progress && fstat(fileno(fin), &st) == 0 && S_ISREG(st.st_mode))
        bt.in_size = (long long)st.st_size;
    bt.t0 = now();
    bool read_ok = ok && read_input(&bt, fin);
    stop_threads(&bt, started);
    bt.res.secs = now() - bt.t0;
    if (bt.progress && !bt.res.fatal)
        draw_progress(&bt, true);
    *res = bt.res;
    res->alloc_failed = !ok;
    res->read_failed = ok && !read_ok;
    free_all(&bt, wa);
    return true;
}
