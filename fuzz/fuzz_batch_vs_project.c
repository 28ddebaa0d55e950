/* Fuzz target: `shebao batch` on one row equals `shebao project` on the same values (docs/scale.md: "the one-line
 * message project would give", "exactly what project gives").
 *
 * The input makes one CSV row under the header id,birth,sex,plan,collective,backpay:
 *  - an input starting with '#' gives the fields as text, one line each: birth, sex, plan, collective, backpay (the
 *    run: embedded zhejiang, the pension life table, the default discount);
 *  - any other input is bytes for fuzz/values.h: a person (written out as the fields: "YYYY-MM", male/female or
 *    empty, "YYYY-YYYY:G.GG,...", the collective amount or empty, "N:G.GG" or empty), a policy (embedded, or a
 *    zhejiang variant with another interest method, rounding, claim age, divisor or rates), a life table and a
 *    discount rate.
 * The row goes through the batch's own code (the CLI's batch_csv.c reader, batch_row.c, cli_person.c, all linked in) into
 * one output line, which is read back. Independently, the harness reads the fields by the documented rules (each
 * field first through shebao_text_normalise; birth a month as people type it, "YYYY-MM", "YYYY/M", "YYYY.M",
 * "YYYY年M月", with year 1900-2150; sex male, female or empty; collective an amount >= 0 or empty; backpay N:GRADE with
 * N digits making 1-100 (leading zeros, however many, add nothing) and GRADE > 0; plan by shebao_plan_parse, empty only with a back payment; amounts by
 * shebao_money_parse) and runs shebao_project() on another context. Invariants:
 *  - a field the harness refuses makes an error row with a one-line message;
 *  - a projection that fails makes an error row whose message is exactly the projection's message, except when
 *    only the expected inheritable balance or the PV of contributions is out of range, which a batch row does not
 *    compute (docs/scale.md);
 *  - otherwise the row is ok exactly when eligible (else not_eligible), with an empty error, and every figure equals
 *    the projection's: claim_month, years_paid, years_missing, balance, personal_total (money with exactly two decimals); when
 *    eligible account_pension, base_pension, years_pension, age_supplement, monthly_total and the break-even month
 *    (empty when there is none), else those empty; epv_benefits exactly when eligible with a life table.
 * For a person made of bytes the summary is also checked directly: shebao_project_summary() on the batch's context,
 * with the run's future rate too (which a batch row has not), gives the same code and message as shebao_project(),
 * and on success the same figures to the fen (years missing and break-even months included); the same exception. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_row.h"
#include "fuzz.h"
#include "values.h"

static shebao_ctx *bctx, *pctx; /* the batch's, and the projection's */

enum { F_BIRTH, F_SEX, F_PLAN, F_COLLECTIVE, F_BACKPAY, NF };
static const char *const field_names[NF] = {"birth", "sex", "plan", "collective", "backpay"};

/* What the run was, for a message. */
static const char *run_policy;
static char *run_fields[NF];

static void describe(void)
{
    fprintf(stderr, "fuzz: policy %s; fields", run_policy);
    for (int i = 0; i < NF; i++)
        fprintf(stderr, " %s='%.200s'", field_names[i], run_fields[i]);
    fputc('\n', stderr);
}

#define EXPECT(cond, ...) FUZZ_EXPECT(describe, cond, __VA_ARGS__)

/* ---- the fields, read by the documented rules ---------------------------------------------------------------- */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A month as people type it (include/shebao.h, shebao_month_parse_loose): four digits, then '-', '/', '.' or 年,
 * one or two digits, then nothing, or 月 after 年. The text is already normalised. */
static int read_birth(const char *s, int *y, int *m)
{
    size_t len = strlen(s), at;
    if (len < 6 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]))
        return 0;
    if (s[4] == '-' || s[4] == '/' || s[4] == '.')
        at = 5;
    else if (strncmp(s + 4, "\xE5\xB9\xB4", 3) == 0) /* 年 */
        at = 7;
    else
        return 0;
    size_t nm = is_digit(s[at]) ? (is_digit(s[at + 1]) ? 2 : 1) : 0;
    const char *rest = s + at + nm;
    if (nm == 0 || !(*rest == '\0' || (at == 7 && strcmp(rest, "\xE6\x9C\x88") == 0))) /* 月 */
        return 0;
    *y = atoi(s);
    *m = atoi(s + at);
    return *y >= 1900 && *y <= 2150 && *m >= 1 && *m <= 12;
}

/* The person from the fields, each first normalised as the batch documents it (shebao_text_normalise), or 0 when a
 * field is refused. *plan is to shebao_free. */
static int read_typed(char *const f[NF], shebao_person *pe, shebao_segment **plan);

static int read_fields(char *const raw[NF], shebao_person *pe, shebao_segment **plan)
{
    char *f[NF];
    int ok = 1;
    for (int i = 0; i < NF; i++) {
        f[i] = strdup(raw[i]);
        if (!f[i] || shebao_text_normalise(raw[i], f[i], strlen(raw[i]) + 1) != SHEBAO_OK)
            ok = 0;
    }
    *plan = NULL;
    if (ok)
        ok = read_typed(f, pe, plan);
    for (int i = 0; i < NF; i++)
        free(f[i]);
    return ok;
}

static int read_typed(char *const f[NF], shebao_person *pe, shebao_segment **plan)
{
    *plan = NULL;
    if (!read_birth(f[F_BIRTH], &pe->birth_year, &pe->birth_month))
        return 0;
    if (strcmp(f[F_SEX], "female") == 0)
        pe->sex = SHEBAO_SEX_FEMALE;
    else if (!*f[F_SEX] || strcmp(f[F_SEX], "male") == 0)
        pe->sex = SHEBAO_SEX_MALE;
    else
        return 0;
    pe->collective = 0;
    if (*f[F_COLLECTIVE] && (shebao_money_parse(pctx, f[F_COLLECTIVE], &pe->collective) != SHEBAO_OK ||
                             pe->collective < 0))
        return 0;
    pe->backpay_years = 0;
    pe->backpay_grade = 0;
    if (*f[F_BACKPAY]) {
        const char *s = f[F_BACKPAY], *colon = strchr(s, ':');
        size_t n = colon ? (size_t)(colon - s) : 0;
        if (n == 0)
            return 0;
        int years = 0;
        for (size_t i = 0; i < n; i++) {
            if (!is_digit(s[i]))
                return 0;
            if (years <= 100) /* (past 100 it is refused whatever follows) */
                years = years * 10 + (s[i] - '0');
        }
        if (years < 1 || years > 100 || shebao_money_parse(pctx, colon + 1, &pe->backpay_grade) != SHEBAO_OK ||
            pe->backpay_grade <= 0)
            return 0;
        pe->backpay_years = years;
    }
    pe->plan = NULL;
    pe->plan_count = 0;
    if (*f[F_PLAN]) {
        size_t n = 0;
        if (shebao_plan_parse(pctx, f[F_PLAN], plan, &n) != SHEBAO_OK)
            return 0;
        pe->plan = *plan;
        pe->plan_count = n;
    } else if (pe->backpay_years == 0) {
        return 0;
    }
    return 1;
}

/* ---- the batch's side ------------------------------------------------------------------------------------------ */

typedef struct out_row {
    size_t records, n;
    char *f[BCSV_MAX_FIELDS];
} out_row;

typedef struct in_state {
    batch_head head;
    batch_opts opts;
    bbuf out;
    int records;
} in_state;

static void on_row(void *user, const bcsv_record *rec)
{
    in_state *st = user;
    if (st->records++ == 0) {
        char err[600];
        if (!batch_head_init(&st->head, rec, err, sizeof err))
            fuzz_fail("harness: the header is refused: %s", err);
        return;
    }
    if (batch_row(bctx, &st->opts, &st->head, rec, &st->out) == BATCH_NOMEM)
        abort();
}

static void on_out(void *user, const bcsv_record *rec)
{
    out_row *r = user;
    if (r->records++ == 0) {
        r->n = rec->n;
        for (size_t i = 0; i < rec->n; i++)
            r->f[i] = strdup(rec->text + rec->offsets[i]);
    }
}

/* One batch run over the header and one row; the output row's fields into r. */
static void run_batch(char *const f[NF], const shebao_policy *pol, shebao_mortality mortality, const char *discount,
                      out_row *r)
{
    bbuf in = {0};
    bbuf_put(&in, "id,birth,sex,plan,collective,backpay\n", 37);
    bbuf_field(&in, "row-1", true);
    for (int i = 0; i < NF; i++)
        bbuf_field(&in, f[i], false);
    bbuf_put(&in, "\n", 1);
    if (in.failed)
        abort();
    in_state st;
    memset(&st, 0, sizeof st);
    st.opts = (batch_opts){pol, mortality, discount};
    bcsv rd;
    if (!bcsv_init(&rd, on_row, &st))
        abort();
    if (!bcsv_feed(&rd, in.s, in.len) || !bcsv_finish(&rd))
        abort();
    bcsv_free(&rd);
    EXPECT(st.records == 2, "harness: %d records read from the batch input '%.300s'", st.records, in.s);
    memset(r, 0, sizeof *r);
    bcsv back;
    if (!bcsv_init(&back, on_out, r))
        abort();
    back.field_limit = back.row_limit = (size_t)-1;
    if (!bcsv_feed(&back, st.out.s, st.out.len) || !bcsv_finish(&back))
        abort();
    bcsv_free(&back);
    EXPECT(r->records == 1 && r->n == 15, "the batch wrote %zu line(s), the first of %zu fields: '%.300s'", r->records,
           r->n, st.out.s);
    batch_head_free(&st.head);
    free(in.s);
    free(st.out.s);
}

/* ---- the comparison ------------------------------------------------------------------------------------------ */

enum { O_ID, O_STATUS, O_ERROR, O_CLAIM, O_YEARS, O_MISSING, O_BALANCE, O_ACCOUNT, O_BASE, O_YP, O_SUPP, O_TOTAL,
       O_PERSONAL, O_BREAKEVEN, O_EPV };
static const char *const out_names[15] = {"id", "status", "error", "claim_month", "years_paid", "years_missing",
                                          "balance", "account_pension", "base_pension", "years_pension",
                                          "age_supplement", "monthly_total", "personal_total", "breakeven_month",
                                          "epv_benefits"};

/* An amount of the row against the projection's figure (absent: the field must be empty). */
static void same_money(const out_row *r, int col, const shebao_projection *p, shebao_figure which)
{
    shebao_fen want = 0, got = 0;
    int have = shebao_projection_figure(p, which, &want) == SHEBAO_OK;
    if (!have) {
        EXPECT(!*r->f[col], "%s is '%s' in the batch; project: does not apply", out_names[col], r->f[col]);
        return;
    }
    EXPECT(ref_money_text(r->f[col], &got) && got == want, "%s is '%s' in the batch; project: %lld fen",
           out_names[col], r->f[col], (long long)want);
}

/* The failures of shebao_project() a batch row does not share (docs/scale.md: "A batch row has no expected
 * inheritable balance and no PV of contributions, so those figures, which project also checks, never fail a row"). */
static int batch_has_no_such_figure(int rc, const char *msg)
{
    static const char inh[] = "value out of range: expected inheritable balance";
    static const char pvc[] = "value out of range: PV of contributions";
    return rc == SHEBAO_ECOMPUTE &&
           (strncmp(msg, inh, sizeof inh - 1) == 0 || strncmp(msg, pvc, sizeof pvc - 1) == 0);
}

static void compare_row(const out_row *r, int fields_ok, int rc, const char *msg, const shebao_projection *p)
{
    EXPECT(strcmp(r->f[O_ID], "row-1") == 0, "the batch row's id is '%s'", r->f[O_ID]);
    const char *status = r->f[O_STATUS], *err = r->f[O_ERROR];
    if (fields_ok && batch_has_no_such_figure(rc, msg)) {
        EXPECT(strcmp(status, "ok") == 0 || strcmp(status, "not_eligible") == 0,
               "the batch row is '%s' ('%s'); project fails only on the inheritable balance: %s", status, err, msg);
        return; /* (no projection to compare the figures with) */
    }
    if (!fields_ok || rc != SHEBAO_OK) {
        EXPECT(strcmp(status, "error") == 0, "the batch row is '%s'; project: %s", status,
               fields_ok ? msg : "a field is refused");
        EXPECT(*err && !strchr(err, '\n') && !strchr(err, '\r'), "an error row without a one-line message: '%s'", err);
        if (fields_ok)
            EXPECT(strcmp(err, msg) == 0, "the batch says '%s'; project says '%s'", err, msg);
        for (int i = O_CLAIM; i <= O_EPV; i++)
            EXPECT(!*r->f[i], "an error row with %s '%s'", out_names[i], r->f[i]);
        return;
    }
    int eligible = shebao_projection_eligible(p);
    EXPECT(strcmp(status, eligible ? "ok" : "not_eligible") == 0 && !*err,
           "the batch row is '%s' ('%s'); project: %s", status, err, eligible ? "eligible" : "not eligible");
    EXPECT(strcmp(r->f[O_CLAIM], shebao_projection_claim_month(p)) == 0, "claim_month %s; project %s",
           r->f[O_CLAIM], shebao_projection_claim_month(p));
    char years[16];
    snprintf(years, sizeof years, "%d", shebao_projection_years_paid(p));
    EXPECT(strcmp(r->f[O_YEARS], years) == 0, "years_paid %s; project %s", r->f[O_YEARS], years);
    snprintf(years, sizeof years, "%d", shebao_projection_years_missing(p));
    EXPECT(strcmp(r->f[O_MISSING], years) == 0, "years_missing %s; project %s", r->f[O_MISSING], years);
    same_money(r, O_BALANCE, p, SHEBAO_FIG_BALANCE);
    same_money(r, O_ACCOUNT, p, SHEBAO_FIG_ACCOUNT_PENSION);
    same_money(r, O_BASE, p, SHEBAO_FIG_BASE_PENSION);
    same_money(r, O_YP, p, SHEBAO_FIG_YEARS_PENSION);
    same_money(r, O_SUPP, p, SHEBAO_FIG_AGE_SUPPLEMENT);
    same_money(r, O_TOTAL, p, SHEBAO_FIG_MONTHLY_TOTAL);
    same_money(r, O_PERSONAL, p, SHEBAO_FIG_PERSONAL_TOTAL);
    same_money(r, O_EPV, p, SHEBAO_FIG_EPV_BENEFITS);
    char month[8] = "";
    if (shebao_projection_breakeven(p, NULL, month, sizeof month) != SHEBAO_OK)
        month[0] = '\0';
    EXPECT(strcmp(r->f[O_BREAKEVEN], month) == 0, "breakeven_month '%s'; project '%s'", r->f[O_BREAKEVEN], month);
}

/* shebao_project_summary against shebao_project for one person, on the batch's context. */
static void compare_summary(const shebao_person *pe, const shebao_policy *pol)
{
    shebao_projection *p = NULL;
    int rc = shebao_project(pctx, pol, pe, &p);
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", shebao_ctx_errmsg(pctx));
    shebao_summary sm = SHEBAO_SUMMARY_INIT;
    int rs = shebao_project_summary(bctx, pol, pe, &sm);
    if (rs == SHEBAO_OK && batch_has_no_such_figure(rc, msg)) {
        shebao_projection_free(p);
        return;
    }
    EXPECT(rs == rc && (rc == SHEBAO_OK || strcmp(shebao_ctx_errmsg(bctx), msg) == 0),
           "future rate %s: shebao_project_summary %s '%s'; shebao_project %s '%s'",
           pe->future_rate ? pe->future_rate : "(policy)", shebao_strerror(rs), shebao_ctx_errmsg(bctx),
           shebao_strerror(rc), msg);
    if (rc == SHEBAO_OK) {
        shebao_fen v[11];
        int have[11];
        for (int i = 0; i < 11; i++)
            have[i] = shebao_projection_figure(p, (shebao_figure)i, &v[i]) == SHEBAO_OK;
        int months = 0;
        char month[8] = "";
        int be = shebao_projection_breakeven(p, &months, month, sizeof month) == SHEBAO_OK;
        int eligible = shebao_projection_eligible(p);
#define SAME(a, b) EXPECT((a) == (b), "future rate %s: summary %s = %lld; project %lld", \
                          pe->future_rate ? pe->future_rate : "(policy)", #a, (long long)(a), (long long)(b))
        SAME(sm.eligible, eligible);
        SAME(sm.years_paid, shebao_projection_years_paid(p));
        SAME(sm.years_missing, shebao_projection_years_missing(p));
        EXPECT(strcmp(sm.claim_month, shebao_projection_claim_month(p)) == 0, "summary claim month %s; project %s",
               sm.claim_month, shebao_projection_claim_month(p));
        SAME(sm.balance, v[SHEBAO_FIG_BALANCE]);
        SAME(sm.personal_total, v[SHEBAO_FIG_PERSONAL_TOTAL]);
        SAME(sm.account_pension, have[SHEBAO_FIG_ACCOUNT_PENSION] ? v[SHEBAO_FIG_ACCOUNT_PENSION] : 0);
        SAME(sm.base_pension, have[SHEBAO_FIG_BASE_PENSION] ? v[SHEBAO_FIG_BASE_PENSION] : 0);
        SAME(sm.years_pension, have[SHEBAO_FIG_YEARS_PENSION] ? v[SHEBAO_FIG_YEARS_PENSION] : 0);
        SAME(sm.age_supplement, have[SHEBAO_FIG_AGE_SUPPLEMENT] ? v[SHEBAO_FIG_AGE_SUPPLEMENT] : 0);
        SAME(sm.monthly_total, have[SHEBAO_FIG_MONTHLY_TOTAL] ? v[SHEBAO_FIG_MONTHLY_TOTAL] : 0);
        SAME(sm.has_breakeven, be);
        SAME(sm.breakeven_months, be ? months : 0);
        EXPECT(strcmp(sm.breakeven_month, be ? month : "") == 0, "summary break-even month '%s'; project '%s'",
               sm.breakeven_month, month);
        SAME(sm.has_epv, have[SHEBAO_FIG_EPV_BENEFITS]);
        SAME(sm.epv_benefits, have[SHEBAO_FIG_EPV_BENEFITS] ? v[SHEBAO_FIG_EPV_BENEFITS] : 0);
#undef SAME
    }
    shebao_projection_free(p);
}

/* ---- the input ----------------------------------------------------------------------------------------------- */

static void money_text(char *buf, size_t size, shebao_fen v) { shebao_money_format(v, buf, size); }

/* The fields of a person made of bytes (its plan, grades and amounts written as a person would). */
static void person_fields(const fuzz_person *fp, unsigned style, char *f[NF])
{
    const shebao_person *pe = &fp->pe;
    char buf[64];
    snprintf(buf, sizeof buf, "%04d-%02d", pe->birth_year, pe->birth_month);
    f[F_BIRTH] = strdup(buf);
    f[F_SEX] = strdup(pe->sex == SHEBAO_SEX_FEMALE ? "female" : style & 1 ? "male" : "");
    size_t cap = pe->plan_count * 48 + 1;
    f[F_PLAN] = malloc(cap);
    if (!f[F_PLAN])
        abort();
    char *p = f[F_PLAN];
    *p = '\0';
    for (size_t i = 0; i < pe->plan_count; i++) {
        const shebao_segment *s = &pe->plan[i];
        char g[SHEBAO_MONEY_BUFSZ];
        money_text(g, sizeof g, s->grade);
        if (style & 2 && s->first_year == s->last_year)
            p += sprintf(p, "%s%04d:%s", i ? "," : "", s->first_year, g);
        else
            p += sprintf(p, "%s%04d-%04d:%s", i ? "," : "", s->first_year, s->last_year, g);
    }
    if (pe->collective || style & 4)
        money_text(buf, sizeof buf, pe->collective);
    else
        buf[0] = '\0';
    f[F_COLLECTIVE] = strdup(buf);
    if (pe->backpay_years) {
        char g[SHEBAO_MONEY_BUFSZ];
        money_text(g, sizeof g, pe->backpay_grade);
        snprintf(buf, sizeof buf, "%d:%s", pe->backpay_years, g);
    } else {
        buf[0] = '\0';
    }
    f[F_BACKPAY] = strdup(buf);
    for (int i = 0; i < NF; i++)
        if (!f[i])
            abort();
}

/* The fields of a text input: one line each after the '#'. */
static void text_fields(const uint8_t *data, size_t size, char *f[NF])
{
    char *s = fuzz_string(data + 1, size - 1), *p = s;
    if (!s)
        abort();
    for (int i = 0; i < NF; i++) {
        char *nl = p ? strchr(p, '\n') : NULL;
        if (nl)
            *nl = '\0';
        f[i] = strdup(p ? p : "");
        if (!f[i])
            abort();
        p = nl ? nl + 1 : NULL;
    }
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup(&bctx, NULL);
    fuzz_setup(&pctx, NULL);
    char *f[NF];
    const shebao_policy *pol;
    shebao_mortality mortality = SHEBAO_MORTALITY_CL2010_2013_PENSION;
    const char *discount = NULL;
    fuzz_person fp;
    int bytes = !(size && data[0] == '#');
    if (bytes) {
        fuzz_bytes b = {data, size};
        fuzz_person_make(&b, &fp);
        pol = fuzz_policy(pctx, fp.policy, &run_policy);
        mortality = fp.pe.mortality;
        discount = fp.pe.discount;
        person_fields(&fp, fuzz_byte(&b), f);
    } else {
        pol = fuzz_policy(pctx, 1, &run_policy);
        text_fields(data, size, f);
    }
    for (int i = 0; i < NF; i++)
        run_fields[i] = f[i];

    out_row r;
    run_batch(f, pol, mortality, discount, &r);

    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.mortality = mortality;
    pe.discount = discount;
    shebao_segment *plan = NULL;
    int fields_ok = read_fields(f, &pe, &plan);
    shebao_projection *p = NULL;
    int rc = SHEBAO_EINPUT;
    char msg[1024] = "";
    if (fields_ok) {
        rc = shebao_project(pctx, pol, &pe, &p);
        snprintf(msg, sizeof msg, "%s", shebao_ctx_errmsg(pctx));
    }
    compare_row(&r, fields_ok, rc, msg, p);
    shebao_projection_free(p);
    shebao_free(plan);
    if (bytes)
        compare_summary(&fp.pe, pol);
    for (size_t i = 0; i < r.n; i++)
        free(r.f[i]);
    for (int i = 0; i < NF; i++)
        free(f[i]);
    return 0;
}
