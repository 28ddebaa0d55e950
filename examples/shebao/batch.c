/* shebao batch: a streaming CSV → CSV filter projecting one person per row, in input order, on any number of
 * threads sharing one immutable policy. Rows in = rows out, always; a bad row becomes a row with status "error". */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch_csv.h"
#include "cli.h"

#define CHUNK_ROWS 4096

enum { COL_ID, COL_BIRTH, COL_SEX, COL_PLAN, COL_COLLECTIVE, COL_BACKPAY, NCOLS };
static const char *const col_names[NCOLS] = {"id", "birth", "sex", "plan", "collective", "backpay"};

static const char out_header[] = "id,status,error,claim_month,years_paid,balance,account_pension,base_pension,"
                                 "years_pension,age_supplement,monthly_total,personal_total,breakeven_month,"
                                 "epv_benefits";

typedef struct brow {
    size_t text_off; /* the record's packed fields in the chunk's text arena */
    size_t offs_off; /* its field offsets in the chunk's offset arena */
    size_t nfields;
    bool overflow;
    int worker;      /* whose output arena holds the formatted line */
    size_t out_off, out_len;
    int status;      /* 0 ok, 1 not eligible, 2 error, 3 out of memory */
} brow;

typedef struct obuf {
    char *s;
    size_t len, cap;
    bool failed;
} obuf;

typedef struct batch {
    /* header */
    bool have_header, fatal;
    char fatal_msg[300];
    int col[NCOLS];
    size_t nheader;
    char **header;
    /* run options */
    const shebao_policy *policy;
    shebao_mortality mortality;
    const char *discount;
    /* the chunk being filled: rows, their packed text and field offsets */
    brow *rows;
    size_t nrows;
    char *text;
    size_t text_len, text_cap;
    size_t *offs;
    size_t offs_len, offs_cap;
    bool oom;
    long long total, ok, not_eligible, errors;
    /* threads, each with its context and its output arena */
    int threads;
    shebao_ctx **ctx;
    obuf *outs;
    pthread_t *tid;
    pthread_barrier_t start, done;
    bool quit;
    /* output */
    FILE *out;
    bool write_failed, progress;
    double t0;
} batch;

/* ---- output helpers ---------------------------------------------------------------------------------------- */

static void put(obuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->failed = true;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* One CSV field, RFC 4180: quoted (with doubled quotes) only when it holds a comma, quote, CR or LF. */
static void put_field(obuf *b, const char *s, bool first)
{
    if (!first)
        put(b, ",", 1);
    if (!s)
        return;
    size_t n = strlen(s);
    if (strcspn(s, ",\"\r\n") == n) {
        put(b, s, n);
        return;
    }
    put(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        put(b, p, 1);
        if (*p == '"')
            put(b, "\"", 1); /* a quote inside a quoted field is doubled */
    }
    put(b, "\"", 1);
}

static void put_money(obuf *b, shebao_fen f)
{
    char m[SHEBAO_MONEY_BUFSZ];
    shebao_money_format(f, m, sizeof m);
    put_field(b, m, false);
}

/* ---- one row --------------------------------------------------------------------------------------------- */

static const char *field_at(const batch *bt, const brow *r, size_t i)
{
    return bt->text + r->text_off + bt->offs[r->offs_off + i];
}

static const char *field(const batch *bt, const brow *r, int c)
{
    int i = bt->col[c];
    if (i < 0 || (size_t)i >= r->nfields)
        return "";
    return field_at(bt, r, (size_t)i);
}

static bool parse_birth(const char *s, int *y, int *m)
{
    if (strlen(s) != 7 || s[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    return *y >= 1900 && *y <= 2150 && *m >= 1 && *m <= 12;
}

/* Parse the row into a person and project it; the message of a failure goes into err. */
static int project_row(shebao_ctx *ctx, const batch *bt, const brow *r, shebao_summary *sm, char *err, size_t esize)
{
    if (r->overflow) {
        snprintf(err, esize, "row has a field longer than %zu bytes or more than %d fields", (size_t)BCSV_FIELD_LIMIT,
                 BCSV_MAX_FIELDS);
        return SHEBAO_EINPUT;
    }
    if (r->nfields != bt->nheader) {
        snprintf(err, esize, "row has %zu fields, the header has %zu", r->nfields, bt->nheader);
        return SHEBAO_EINPUT;
    }
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.mortality = bt->mortality;
    pe.discount = bt->discount;
    const char *birth = field(bt, r, COL_BIRTH), *sex = field(bt, r, COL_SEX), *plan = field(bt, r, COL_PLAN),
               *coll = field(bt, r, COL_COLLECTIVE), *bp = field(bt, r, COL_BACKPAY);
    if (!parse_birth(birth, &pe.birth_year, &pe.birth_month)) {
        snprintf(err, esize, "birth '%.40s': expected YYYY-MM (year 1900-2150, month 01-12)", birth);
        return SHEBAO_EINPUT;
    }
    if (strcmp(sex, "female") == 0)
        pe.sex = SHEBAO_SEX_FEMALE;
    else if (*sex && strcmp(sex, "male") != 0) {
        snprintf(err, esize, "sex '%.40s': must be male or female", sex);
        return SHEBAO_EINPUT;
    }
    if (*coll) {
        if (shebao_money_parse(ctx, coll, &pe.collective) != SHEBAO_OK || pe.collective < 0) {
            snprintf(err, esize, "collective '%.40s': must be a non-negative amount with at most two decimals", coll);
            return SHEBAO_EINPUT;
        }
    }
    if (*bp) {
        const char *colon = strchr(bp, ':');
        char nbuf[8];
        size_t nlen = colon ? (size_t)(colon - bp) : 0;
        bool okn = colon && nlen > 0 && nlen < sizeof nbuf;
        if (okn) {
            memcpy(nbuf, bp, nlen);
            nbuf[nlen] = '\0';
            for (size_t i = 0; i < nlen; i++)
                okn = okn && nbuf[i] >= '0' && nbuf[i] <= '9';
            pe.backpay_years = okn ? atoi(nbuf) : 0;
            okn = okn && pe.backpay_years >= 1 && pe.backpay_years <= 100;
        }
        if (!okn || shebao_money_parse(ctx, colon + 1, &pe.backpay_grade) != SHEBAO_OK || pe.backpay_grade <= 0) {
            snprintf(err, esize, "backpay '%.40s': expected N:GRADE (N 1-100 years, GRADE a positive amount)", bp);
            return SHEBAO_EINPUT;
        }
    }
    shebao_segment *seg = NULL;
    size_t nseg = 0;
    if (*plan) {
        int rc = shebao_plan_parse(ctx, plan, &seg, &nseg);
        if (rc != SHEBAO_OK) {
            snprintf(err, esize, "%s", shebao_ctx_errmsg(ctx));
            return rc;
        }
    } else if (pe.backpay_years == 0) {
        snprintf(err, esize, "plan: empty (give a plan, a back payment, or both)");
        return SHEBAO_EINPUT;
    }
    pe.plan = seg;
    pe.plan_count = nseg;
    int rc = shebao_project_summary(ctx, bt->policy, &pe, sm);
    if (rc != SHEBAO_OK)
        snprintf(err, esize, "%s", shebao_ctx_errmsg(ctx));
    shebao_free(seg);
    return rc;
}

static void format_row(shebao_ctx *ctx, const batch *bt, brow *r, obuf *out)
{
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    char err[SHEBAO_MONEY_BUFSZ * 16] = "";
    int rc = project_row(ctx, bt, r, &sm, err, sizeof err);
    obuf b = *out; /* append to the worker's arena */
    size_t start = b.len;
    put_field(&b, field(bt, r, COL_ID), true);
    if (rc != SHEBAO_OK) {
        r->status = 2;
        put_field(&b, "error", false);
        put_field(&b, err, false);
        for (int i = 0; i < 11; i++)
            put_field(&b, NULL, false);
    } else {
        r->status = sm.eligible ? 0 : 1;
        put_field(&b, sm.eligible ? "ok" : "not_eligible", false);
        put_field(&b, NULL, false);
        put_field(&b, sm.claim_month, false);
        char n[16];
        int k = (int)sizeof n, v = sm.years_paid;
        n[--k] = '\0';
        do
            n[--k] = (char)('0' + v % 10);
        while ((v /= 10) > 0 && k > 0);
        put_field(&b, n + k, false);
        put_money(&b, sm.balance);
        if (sm.eligible) {
            put_money(&b, sm.account_pension);
            put_money(&b, sm.base_pension);
            put_money(&b, sm.years_pension);
            put_money(&b, sm.age_supplement);
            put_money(&b, sm.monthly_total);
        } else {
            for (int i = 0; i < 5; i++)
                put_field(&b, NULL, false);
        }
        put_money(&b, sm.personal_total);
        put_field(&b, sm.has_breakeven ? sm.breakeven_month : NULL, false);
        if (sm.has_epv)
            put_money(&b, sm.epv_benefits);
        else
            put_field(&b, NULL, false);
    }
    /* pass-through columns, in header order */
    for (size_t i = 0; i < bt->nheader; i++) {
        bool known = false;
        for (int c = 0; c < NCOLS; c++)
            known |= bt->col[c] == (int)i;
        if (!known)
            put_field(&b, i < r->nfields && !r->overflow ? field_at(bt, r, i) : NULL, false);
    }
    put(&b, "\n", 1);
    if (b.failed) {
        r->status = 3;
        b.failed = false;
        b.len = start;
    }
    r->out_off = start;
    r->out_len = b.len - start;
    *out = b;
}

/* ---- threads: workers share the chunk; row i goes to worker i mod threads --------------------------------- */

typedef struct worker_arg {
    batch *bt;
    int index;
} worker_arg;

/* Worker `index` projects one contiguous slice of the chunk into its own arena, so that the arenas, taken in
 * worker order, are the output in input order. */
static void work(batch *bt, int index)
{
    size_t t = (size_t)bt->threads, lo = bt->nrows * (size_t)index / t, hi = bt->nrows * ((size_t)index + 1) / t;
    bt->outs[index].len = 0;
    for (size_t i = lo; i < hi; i++) {
        bt->rows[i].worker = index;
        format_row(bt->ctx[index], bt, &bt->rows[i], &bt->outs[index]);
    }
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

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void flush_chunk(batch *bt)
{
    if (bt->nrows == 0)
        return;
    if (bt->threads > 1) {
        pthread_barrier_wait(&bt->start);
        work(bt, 0);
        pthread_barrier_wait(&bt->done);
    } else {
        work(bt, 0);
    }
    for (int t = 0; t < bt->threads; t++) /* each arena holds a contiguous slice, in order */
        if (bt->outs[t].len && fwrite(bt->outs[t].s, 1, bt->outs[t].len, bt->out) != bt->outs[t].len)
            bt->write_failed = true;
    for (size_t i = 0; i < bt->nrows; i++) {
        brow *r = &bt->rows[i];
        if (r->status == 3)
            bt->write_failed = true; /* out of memory formatting the row: it is missing from the output */
        bt->ok += r->status == 0;
        bt->not_eligible += r->status == 1;
        bt->errors += r->status == 2;
    }
    bt->total += (long long)bt->nrows;
    bt->nrows = 0;
    bt->text_len = 0;
    bt->offs_len = 0;
    if (bt->progress) {
        double s = now() - bt->t0;
        fprintf(stderr, "\r[%-30.*s] %lld rows, %.0f rows/s", (int)(bt->total / CHUNK_ROWS % 31),
                "##############################", bt->total, s > 0 ? (double)bt->total / s : 0.0);
    }
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

static void on_record(void *user, const char *text, size_t size, const size_t *offsets, size_t n, bool overflow)
{
    batch *bt = user;
    if (bt->fatal)
        return;
    if (!bt->have_header) {
        bt->have_header = true;
        bt->nheader = n;
        bt->header = calloc(n ? n : 1, sizeof *bt->header);
        for (int c = 0; c < NCOLS; c++)
            bt->col[c] = -1;
        for (size_t i = 0; bt->header && i < n; i++) {
            bt->header[i] = strdup(text + offsets[i]);
            if (!bt->header[i]) {
                overflow = true;
                break;
            }
            for (int c = 0; c < NCOLS; c++)
                if (strcmp(bt->header[i], col_names[c]) == 0 && bt->col[c] < 0)
                    bt->col[c] = (int)i;
        }
        if (!bt->header || overflow) {
            bt->fatal = true;
            snprintf(bt->fatal_msg, sizeof bt->fatal_msg, "input header: unreadable (too long or out of memory)");
            return;
        }
        const char *missing = NULL;
        if (bt->col[COL_ID] < 0)
            missing = "id";
        else if (bt->col[COL_BIRTH] < 0)
            missing = "birth";
        else if (bt->col[COL_PLAN] < 0)
            missing = "plan";
        if (missing) {
            bt->fatal = true;
            snprintf(bt->fatal_msg, sizeof bt->fatal_msg,
                     "input header: missing column '%s' (needs id,birth,plan; optional sex,collective,backpay)",
                     missing);
            return;
        }
        /* the output header: our columns, then the input's other columns */
        obuf b = {0};
        put(&b, out_header, sizeof out_header - 1);
        for (size_t i = 0; i < bt->nheader; i++) {
            bool known = false;
            for (int c = 0; c < NCOLS; c++)
                known |= bt->col[c] == (int)i;
            if (!known)
                put_field(&b, bt->header[i], false);
        }
        put(&b, "\n", 1);
        if (b.failed || fwrite(b.s, 1, b.len, bt->out) != b.len)
            bt->write_failed = true;
        free(b.s);
        return;
    }
    brow *r = &bt->rows[bt->nrows++];
    memset(r, 0, sizeof *r);
    if (!grow((void **)&bt->text, &bt->text_cap, bt->text_len + size + 1, 1) ||
        !grow((void **)&bt->offs, &bt->offs_cap, bt->offs_len + n + 1, sizeof *bt->offs)) {
        bt->oom = true; /* the row stays, as an error */
        r->overflow = true;
        r->nfields = 0;
    } else {
        r->text_off = bt->text_len;
        r->offs_off = bt->offs_len;
        memcpy(bt->text + bt->text_len, text, size);
        memcpy(bt->offs + bt->offs_len, offsets, n * sizeof *offsets);
        bt->text_len += size;
        bt->offs_len += n;
        r->nfields = n;
        r->overflow = overflow;
    }
    if (bt->nrows == CHUNK_ROWS)
        flush_chunk(bt);
}

/* ---- the command ----------------------------------------------------------------------------------------- */

static int open_streams(const char *in, const char *out, FILE **fin, FILE **fout)
{
    *fin = stdin;
    *fout = stdout;
    if (in && strcmp(in, "-") != 0 && !(*fin = fopen(in, "rb"))) {
        fprintf(stderr, "shebao: --in %s: %s\n", in, strerror(errno));
        return EXIT_INPUT;
    }
    if (out && strcmp(out, "-") != 0 && !(*fout = fopen(out, "wb"))) {
        fprintf(stderr, "shebao: --out %s: %s\n", out, strerror(errno));
        if (*fin != stdin)
            fclose(*fin);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int cmd_batch(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *in = NULL, *out = NULL;
    batch bt;
    memset(&bt, 0, sizeof bt);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    bt.threads = ncpu > 0 ? (int)(ncpu > 256 ? 256 : ncpu) : 1;
    bt.mortality = SHEBAO_MORTALITY_CL2010_2013_PENSION;
    cli_args a;
    cli_args_init(&a, argc, argv, 2);
    while (cli_next(&a)) {
        const char *v;
        if (!a.name)
            return cli_usage("batch: unexpected argument '%s'", a.value);
        if (strcmp(a.name, "progress") == 0) {
            bt.progress = isatty(2);
            continue;
        }
        if (!(v = cli_value(&a)))
            return EXIT_USAGE;
        if (strcmp(a.name, "policy") == 0)
            file = v;
        else if (strcmp(a.name, "region") == 0)
            region = v;
        else if (strcmp(a.name, "in") == 0)
            in = v;
        else if (strcmp(a.name, "out") == 0)
            out = v;
        else if (strcmp(a.name, "discount") == 0)
            bt.discount = v;
        else if (strcmp(a.name, "mortality") == 0) {
            if (shebao_mortality_from_name(v, &bt.mortality) != SHEBAO_OK)
                return cli_usage("--mortality must be cl2010-2013-pension or none, not '%s'", v);
        } else if (strcmp(a.name, "threads") == 0) {
            char *end;
            long t = strtol(v, &end, 10);
            if (*end || t < 1 || t > 256)
                return cli_usage("--threads must be a whole number 1-256, not '%s'", v);
            bt.threads = (int)t;
        } else {
            return cli_usage("unknown option --%s for batch", a.name);
        }
    }
    if (file && region)
        return cli_usage("give --region or --policy, not both");
    if (bt.discount) { /* the library's own check of a discount rate */
        shebao_fen dummy;
        if (shebao_annuity_epv(ctx, SHEBAO_MORTALITY_CL2010_2013_PENSION, SHEBAO_SEX_MALE, 720, 100, bt.discount,
                               &dummy) != SHEBAO_OK)
            return cli_usage("--discount must be a decimal rate in [0, 1), not '%s'", bt.discount);
    }
    shebao_policy *pol = NULL;
    int rc = cli_load_policy(ctx, file, region, &pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    bt.policy = pol;
    FILE *fin, *fout;
    int code = open_streams(in, out, &fin, &fout);
    if (code != EXIT_OK) {
        shebao_policy_free(pol);
        return code;
    }
    bt.out = fout;
    static char obuf_space[1 << 20];
    setvbuf(fout, obuf_space, _IOFBF, sizeof obuf_space);
    bt.rows = calloc(CHUNK_ROWS, sizeof *bt.rows);
    bt.ctx = calloc((size_t)bt.threads, sizeof *bt.ctx);
    bt.tid = calloc((size_t)bt.threads, sizeof *bt.tid);
    bt.outs = calloc((size_t)bt.threads, sizeof *bt.outs);
    worker_arg *wa = calloc((size_t)bt.threads, sizeof *wa);
    bool ok = bt.rows && bt.ctx && bt.tid && bt.outs && wa;
    for (int t = 0; ok && t < bt.threads; t++)
        ok = shebao_ctx_new(&bt.ctx[t]) == SHEBAO_OK;
    int started = 0;
    if (ok && bt.threads > 1) {
        pthread_barrier_init(&bt.start, NULL, (unsigned)bt.threads);
        pthread_barrier_init(&bt.done, NULL, (unsigned)bt.threads);
        for (int t = 1; t < bt.threads; t++, started++) {
            wa[t] = (worker_arg){&bt, t};
            if (pthread_create(&bt.tid[t], NULL, worker, &wa[t]) != 0) {
                /* the started workers wait at a barrier that can no longer fill: nothing to salvage */
                fprintf(stderr, "shebao: batch: cannot start %d threads (started %d); try --threads %d\n",
                        bt.threads, started + 1, started + 1);
                exit(EXIT_INTERNAL);
            }
        }
    }
    bcsv reader;
    bool read_ok = ok && bcsv_init(&reader, on_record, &bt);
    bt.t0 = now();
    if (read_ok) {
        static char ibuf[1 << 16];
        size_t n;
        while (!bt.fatal && (n = fread(ibuf, 1, sizeof ibuf, fin)) > 0)
            if (!bcsv_feed(&reader, ibuf, n))
                break;
        if (ferror(fin))
            read_ok = false;
        if (!bt.fatal)
            read_ok = bcsv_finish(&reader) && read_ok;
        if (!bt.fatal)
            flush_chunk(&bt);
        if (!bt.have_header && !bt.fatal) {
            bt.fatal = true;
            snprintf(bt.fatal_msg, sizeof bt.fatal_msg, "input: empty (expected a header id,birth,sex,plan,...)");
        }
        bcsv_free(&reader);
    }
    /* stop the workers */
    if (bt.threads > 1 && started > 0) {
        bt.quit = true;
        pthread_barrier_wait(&bt.start);
        for (int t = 1; t <= started; t++)
            pthread_join(bt.tid[t], NULL);
        pthread_barrier_destroy(&bt.start);
        pthread_barrier_destroy(&bt.done);
    }
    double secs = now() - bt.t0;
    if (bt.progress)
        fputc('\n', stderr);
    int exit_code = EXIT_OK;
    if (!ok || !read_ok) {
        fprintf(stderr, "shebao: batch: %s\n", !ok ? "out of memory or cannot start threads" : "read error on input");
        exit_code = EXIT_INTERNAL;
    } else if (bt.fatal) {
        fprintf(stderr, "shebao: %s\n", bt.fatal_msg);
        exit_code = EXIT_INPUT;
    }
    if (fflush(fout) != 0 || ferror(fout) || bt.write_failed) {
        fprintf(stderr, "shebao: batch: write error on output\n");
        exit_code = EXIT_INTERNAL;
    }
    if (!bt.fatal)
        fprintf(stderr, "batch: rows %lld, ok %lld, not eligible %lld, errors %lld, %.3f s, %.0f rows/s\n", bt.total,
                bt.ok, bt.not_eligible, bt.errors, secs, secs > 0 ? (double)bt.total / secs : 0.0);
    if (exit_code == EXIT_OK && bt.errors > 0)
        exit_code = EXIT_INPUT; /* some rows failed: every row is still in the output */
    for (int t = 0; t < bt.threads && bt.ctx; t++)
        shebao_ctx_free(bt.ctx[t]);
    for (size_t i = 0; i < bt.nheader && bt.header; i++)
        free(bt.header[i]);
    free(bt.header);
    for (int t = 0; t < bt.threads && bt.outs; t++)
        free(bt.outs[t].s);
    free(bt.outs);
    free(bt.text);
    free(bt.offs);
    free(bt.rows);
    free(bt.ctx);
    free(bt.tid);
    free(wa);
    if (fin != stdin)
        fclose(fin);
    if (fout != stdout)
        fclose(fout);
    shebao_policy_free(pol);
    return exit_code;
}
