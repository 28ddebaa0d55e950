/* Fuzz target: a projection's ledger and figures add up. The input bytes make a person, a run and a policy
 * (fuzz/values.h: the embedded policies with a resident pension, and variants of zhejiang for every interest method,
 * deposit month and rounding, other claim ages, offsets, divisors and rates); shebao_project() runs, and when it
 * succeeds everything is recomputed from the public getters, the policy's parameters as shebao_policy_param() lists
 * them, and the rules of docs/resident-pension.md, in exact GMP arithmetic:
 *  - the claim month is birth + claim_age years + benefit_start_offset_months;
 *  - one ledger row per year, from the first contribution year (the claim year when there is none) to the claim
 *    year; a year of the plan has grade = personal = the segment's grade, the subsidy of that grade in the table in
 *    force (the latest table from a year <= Y) and the person's collective subsidy; any other year has none;
 *  - each row's rate is the policy's listed rate for its year, after the list the run's future rate or the policy's
 *    assumed_future_rate; its interest is R((B·m + D·k)·r / 12) with the policy's rounding R, B the balance before,
 *    D = personal + subsidy + collective, m = 12 (e in the claim year: the months before the claim month) and
 *    k = 0 (year_end), m (year_start) or max(0, m − deposit_month) (monthly);
 *  - each row's balance = the balance before + personal + subsidy + collective + interest + back payment, and the
 *    back payment (years × grade) is in the claim year's row only;
 *  - balance figure = the last row's balance = Σ (personal + subsidy + collective + interest + back payment);
 *    personal total = Σ personal + back payment; years paid = years with a grade + back-paid years;
 *  - eligible exactly when years paid >= min(min_years, claim year − the scheme's start year), else years missing is
 *    the difference and the pension figures do not apply;
 *  - when eligible: account pension = fen_half_up(balance / account_divisor); base pension = the value in force in
 *    the claim month; years pension = Σ per band of per_year × the years paid (back-paid ones if they count) inside
 *    the band; age supplement = the supplements in force at the claim for the age in whole years (for one min_age the
 *    latest); monthly total = the four added; funeral grant = funeral_grant_months × base pension; break-even, when
 *    given, is the smallest m >= 1 with m × total >= personal total, in month claim + m − 1 (and is given when
 *    total > 0 and m is below 100000);
 *  - the EPV figure exists exactly when eligible with a life table.
 * A refused projection leaves a one-line message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "values.h"

static shebao_ctx *ctx;

/* ---- the policy's parameters, as listed ---------------------------------------------------------------------- */

#define MAX_ROWS 400

typedef struct grade_entry {
    int from_year;
    int64_t grade, subsidy;
} grade_entry;

typedef struct dated_fen {
    int from; /* month: year · 12 + month − 1 */
    int min_age;
    int64_t fen;
} dated_fen;

typedef struct band {
    int from_year, to_year; /* to_year 0: open */
    int64_t per_year;
} band;

typedef struct facts {
    int loaded;
    int claim_age, offset, min_years, scheme_year, funeral_months, deposit_month;
    int method; /* 0 year_end, 1 year_start, 2 monthly */
    shebao_rounding rounding;
    int backpay_counts;
    mpq_t divisor, future;
    int rate_first, nrates;
    mpq_t rate[MAX_ROWS];
    grade_entry grades[256];
    size_t ngrades;
    dated_fen base[64], supp[64];
    size_t nbase, nsupp;
    band bands[16];
    size_t nbands;
} facts;

static facts all_facts[FUZZ_POLICIES];

static int month_of(const char *s)
{
    int y = 0, m = 0;
    if (sscanf(s, "%4d-%2d", &y, &m) != 2)
        return -1;
    return y * 12 + m - 1;
}

static int64_t money_of(const char *path, const char *s)
{
    int64_t fen = 0;
    if (!ref_money_text(s, &fen))
        fuzz_fail("harness: cannot read the amount '%s' of %s", s, path);
    return fen;
}

static void read_facts(facts *f, const shebao_policy *pol, const char *name)
{
    memset(f, 0, sizeof *f);
    mpq_init(f->divisor);
    mpq_init(f->future);
    for (int i = 0; i < MAX_ROWS; i++)
        mpq_init(f->rate[i]);
    int have = 0;
    for (size_t i = 0; i < shebao_policy_param_count(pol); i++) {
        shebao_param p;
        if (shebao_policy_param(pol, i, &p) != SHEBAO_OK)
            abort();
        const char *k = p.path, *v = p.value;
        if (strncmp(k, "resident_pension.", 17) != 0)
            continue;
        k += 17;
        char a[64], b[64];
        int x, y;
        if (strcmp(k, "claim_age") == 0) {
            f->claim_age = atoi(v), have |= 1;
        } else if (strcmp(k, "benefit_start_offset_months") == 0) {
            f->offset = atoi(v), have |= 2;
        } else if (strcmp(k, "min_years") == 0) {
            f->min_years = atoi(v), have |= 4;
        } else if (strcmp(k, "scheme_start") == 0) {
            f->scheme_year = month_of(v) / 12, have |= 8;
        } else if (strcmp(k, "funeral_grant_months") == 0) {
            f->funeral_months = atoi(v);
        } else if (strcmp(k, "account_divisor") == 0) {
            if (!ref_decimal(v, f->divisor, NULL))
                fuzz_fail("harness: cannot read account_divisor '%s' of %s", v, name);
            have |= 16;
        } else if (strcmp(k, "interest.method") == 0) {
            f->method = strcmp(v, "year_end") == 0 ? 0 : strcmp(v, "year_start") == 0 ? 1 : 2;
            have |= 32;
        } else if (strcmp(k, "interest.deposit_month") == 0) {
            f->deposit_month = atoi(v);
        } else if (strcmp(k, "interest.rounding") == 0) {
            if (shebao_rounding_from_name(v, &f->rounding) != SHEBAO_OK)
                fuzz_fail("harness: unknown rounding '%s' in %s", v, name);
            have |= 64;
        } else if (strcmp(k, "interest.assumed_future_rate") == 0) {
            if (!ref_decimal(v, f->future, NULL))
                fuzz_fail("harness: cannot read assumed_future_rate '%s' of %s", v, name);
            have |= 128;
        } else if (strcmp(k, "interest.rates") == 0) {
            int year = atoi(p.from);
            if (f->nrates == 0)
                f->rate_first = year;
            if (year != f->rate_first + f->nrates || f->nrates == MAX_ROWS || !ref_decimal(v, f->rate[f->nrates], NULL))
                fuzz_fail("harness: cannot read rate %s '%s' of %s", p.from, v, name);
            f->nrates++;
        } else if (strcmp(k, "backpay.counts_for_years_pension") == 0) {
            f->backpay_counts = strcmp(v, "true") == 0;
        } else if (strcmp(k, "base_pension") == 0) {
            if (f->nbase == 64)
                abort();
            f->base[f->nbase++] = (dated_fen){month_of(p.from), 0, money_of(k, v)};
        } else if (strcmp(k, "age_supplements") == 0) {
            if (f->nsupp == 64 || sscanf(v, "age %d+: +%63s", &x, a) != 2)
                fuzz_fail("harness: cannot read the age supplement '%s' of %s", v, name);
            f->supp[f->nsupp++] = (dated_fen){month_of(p.from), x, money_of(k, a)};
        } else if (strcmp(k, "grades") == 0) {
            if (f->ngrades == 256 || sscanf(v, "grade %63s subsidy %63s", a, b) != 2)
                fuzz_fail("harness: cannot read the grade '%s' of %s", v, name);
            a[strlen(a) - 1] = '\0'; /* the ':' */
            f->grades[f->ngrades++] = (grade_entry){month_of(p.from) / 12, money_of(k, a), money_of(k, b)};
        } else if (strcmp(k, "years_pension") == 0) {
            if (f->nbands == 16)
                abort();
            if (sscanf(v, "years %d-%d: %63s per year", &x, &y, a) == 3)
                f->bands[f->nbands++] = (band){x, y, money_of(k, a)};
            else if (sscanf(v, "years %d+: %63s per year", &x, a) == 2)
                f->bands[f->nbands++] = (band){x, 0, money_of(k, a)};
            else
                fuzz_fail("harness: cannot read the years-pension band '%s' of %s", v, name);
        }
    }
    if (have != 255)
        fuzz_fail("harness: %s lists no %s", name, "claim age, offset, min years, scheme start, divisor or interest");
    f->loaded = 1;
}

/* The subsidy of grade g in the table in force in year y, or -1 when it is not in that table. */
static int64_t subsidy_of(const facts *f, int y, int64_t g)
{
    int from = -1;
    for (size_t i = 0; i < f->ngrades; i++)
        if (f->grades[i].from_year <= y && f->grades[i].from_year > from)
            from = f->grades[i].from_year;
    for (size_t i = 0; i < f->ngrades; i++)
        if (f->grades[i].from_year == from && f->grades[i].grade == g)
            return f->grades[i].subsidy;
    return -1;
}

/* ---- the checks -------------------------------------------------------------------------------------------- */

static const char *pname;
static const fuzz_person *cur;

/* What the run was, for a message. */
static void describe(void)
{
    const shebao_person *pe = &cur->pe;
    fprintf(stderr, "fuzz: policy %s; born %04d-%02d, %s; collective %lld fen; backpay %d × %lld fen; future rate %s; "
                    "plan:", pname, pe->birth_year, pe->birth_month, pe->sex ? "female" : "male",
            (long long)pe->collective, pe->backpay_years, (long long)pe->backpay_grade,
            pe->future_rate ? pe->future_rate : "(policy)");
    for (size_t i = 0; i < pe->plan_count; i++)
        fprintf(stderr, " %d-%d:%lld", pe->plan[i].first_year, pe->plan[i].last_year, (long long)pe->plan[i].grade);
    fputc('\n', stderr);
}

#define EXPECT(cond, ...) FUZZ_EXPECT(describe, cond, __VA_ARGS__)

static int64_t figure(const shebao_projection *p, shebao_figure which, int *ok)
{
    shebao_fen v = 0;
    *ok = shebao_projection_figure(p, which, &v) == SHEBAO_OK;
    return v;
}

static const shebao_segment *segment_at(const shebao_person *pe, int y)
{
    for (size_t i = 0; i < pe->plan_count; i++)
        if (pe->plan[i].first_year <= y && y <= pe->plan[i].last_year)
            return &pe->plan[i];
    return NULL;
}

static void check_projection(const facts *f, const shebao_projection *p)
{
    const shebao_person *pe = &cur->pe;
    int birth = pe->birth_year * 12 + pe->birth_month - 1, claim = birth + f->claim_age * 12 + f->offset;
    int yc = claim / 12, e = claim % 12;
    const char *cm = shebao_projection_claim_month(p);
    EXPECT(month_of(cm) == claim, "claim month %s; reference %04d-%02d", cm, yc, e + 1);
    int y0 = yc;
    for (size_t i = 0; i < pe->plan_count; i++)
        if (pe->plan[i].first_year < y0)
            y0 = pe->plan[i].first_year;
    size_t n = shebao_projection_ledger_count(p);
    EXPECT(n == (size_t)(yc - y0 + 1), "%zu ledger rows; reference %d (%d to %d)", n, yc - y0 + 1, y0, yc);
    EXPECT(n <= MAX_ROWS, "harness: more than %d rows", MAX_ROWS);

    mpz_t B, sum, x, t, want;
    mpq_t q;
    mpz_init(B);
    mpz_init(sum);
    mpz_init(x);
    mpz_init(t);
    mpz_init(want);
    mpq_init(q);
    int64_t personal = 0, bal = 0;
    int contrib = 0;
    for (size_t i = 0; i < n; i++) {
        shebao_ledger_row r;
        EXPECT(shebao_projection_ledger_row(p, i, &r) == SHEBAO_OK, "ledger row %zu does not read", i);
        int y = y0 + (int)i;
        EXPECT(r.year == y, "row %zu is year %d; reference %d", i, r.year, y);
        const shebao_segment *s = segment_at(pe, y);
        int64_t g = s ? s->grade : 0, sub = s ? subsidy_of(f, y, g) : 0;
        EXPECT(sub >= 0, "year %d: grade %lld fen is not in the table in force, yet the projection ran", y, (long long)g);
        EXPECT(r.grade == g && r.personal == g && r.subsidy == sub && r.collective == (s ? pe->collective : 0),
               "year %d: grade %lld, personal %lld, subsidy %lld, collective %lld fen; reference %lld, %lld, %lld, %lld",
               y, (long long)r.grade, (long long)r.personal, (long long)r.subsidy, (long long)r.collective,
               (long long)g, (long long)g, (long long)sub, (long long)(s ? pe->collective : 0));
        int64_t bp = y == yc ? (int64_t)pe->backpay_years * pe->backpay_grade : 0;
        EXPECT(r.backpay == bp, "year %d: back payment %lld fen; reference %lld", y, (long long)r.backpay, (long long)bp);
        contrib += s != NULL;
        personal += r.personal;
        /* the rate */
        mpq_t rate;
        mpq_init(rate);
        EXPECT(r.rate && ref_decimal(r.rate, rate, NULL), "year %d: rate '%s' is not a decimal", y,
               r.rate ? r.rate : "(null)");
        if (f->nrates && y < f->rate_first)
            EXPECT(0, "year %d is before the policy's rates (from %d), yet the projection ran", y, f->rate_first);
        int listed = f->nrates && y < f->rate_first + f->nrates;
        mpq_t want_rate;
        mpq_init(want_rate);
        if (listed)
            mpq_set(want_rate, f->rate[y - f->rate_first]);
        else if (pe->future_rate)
            ref_decimal(pe->future_rate, want_rate, NULL);
        else
            mpq_set(want_rate, f->future);
        EXPECT(mpq_equal(rate, want_rate), "year %d: rate %s; reference %s", y, r.rate, listed ? "listed" : "future");
        mpq_clear(want_rate);
        /* the interest: R((B·m + D·k)·r / 12), in yuan for ref_round */
        int m = y < yc ? 12 : e;
        int k = f->method == 0 ? 0 : f->method == 1 ? m : (m - f->deposit_month > 0 ? m - f->deposit_month : 0);
        int64_t D = g + sub + (s ? pe->collective : 0);
        mpz_mul_si(x, B, m);
        ref_set_i64(t, D);
        mpz_mul_si(t, t, k);
        mpz_add(x, x, t);
        mpz_set(mpq_numref(q), x);
        mpz_set_ui(mpq_denref(q), 1200);
        mpq_canonicalize(q);
        mpq_mul(q, q, rate);
        ref_round(want, q, f->rounding);
        int64_t I = 0;
        EXPECT(ref_get_i64(want, &I) && r.interest == I,
               "year %d: interest %lld fen; reference %s of (%s·%d + %lld·%d)·%s/12 fen", y, (long long)r.interest,
               shebao_rounding_name(f->rounding), mpz_get_str(NULL, 10, B), m, (long long)D, k, r.rate);
        mpq_clear(rate);
        /* the balance */
        const shebao_fen parts[] = {r.personal, r.subsidy, r.collective, r.interest, r.backpay};
        for (size_t j = 0; j < sizeof parts / sizeof parts[0]; j++) {
            ref_set_i64(t, parts[j]);
            mpz_add(B, B, t);
            mpz_add(sum, sum, t);
        }
        EXPECT(ref_get_i64(B, &bal) && r.balance == bal,
               "year %d: balance %lld fen; reference: the balance before + personal + subsidy + collective + interest "
               "+ back payment = %s", y, (long long)r.balance, mpz_get_str(NULL, 10, B));
    }
    EXPECT(mpz_cmp(sum, B) == 0, "harness: Σ parts and the running balance differ");
    int ok;
    int64_t v = figure(p, SHEBAO_FIG_BALANCE, &ok);
    EXPECT(ok && v == bal, "balance figure %lld fen; reference: Σ (personal + subsidy + collective + interest + back "
                           "payment) over the ledger = %lld", (long long)v, (long long)bal);
    int64_t bp_total = (int64_t)pe->backpay_years * pe->backpay_grade;
    v = figure(p, SHEBAO_FIG_PERSONAL_TOTAL, &ok);
    EXPECT(ok && v == personal + bp_total, "personal total %lld fen; reference Σ personal + back payment = %lld + %lld",
           (long long)v, (long long)personal, (long long)bp_total);
    int paid = contrib + pe->backpay_years, needed = yc - f->scheme_year < f->min_years ? yc - f->scheme_year : f->min_years;
    int eligible = paid >= needed;
    EXPECT(shebao_projection_years_paid(p) == paid, "years paid %d; reference %d + %d", shebao_projection_years_paid(p),
           contrib, pe->backpay_years);
    EXPECT(shebao_projection_eligible(p) == eligible && shebao_projection_years_missing(p) == (eligible ? 0 : needed - paid),
           "eligible %d, years missing %d; reference: %d paid, %d needed", shebao_projection_eligible(p),
           shebao_projection_years_missing(p), paid, needed);
    int64_t account = figure(p, SHEBAO_FIG_ACCOUNT_PENSION, &ok);
    if (!eligible) {
        EXPECT(!ok, "not eligible, yet an account pension");
        goto done;
    }
    EXPECT(ok, "eligible, but no account pension");
    ref_fen_q(q, bal);
    mpq_div(q, q, f->divisor);
    ref_round(want, q, SHEBAO_ROUND_FEN_HALF_UP);
    EXPECT(ref_get_i64(want, &v) && v == account, "account pension %lld fen; reference fen_half_up(%lld fen / divisor) = %s",
           (long long)account, (long long)bal, mpz_get_str(NULL, 10, want));
    int64_t base = -1;
    for (size_t i = 0; i < f->nbase; i++)
        if (f->base[i].from <= claim)
            base = f->base[i].fen;
    int64_t b = figure(p, SHEBAO_FIG_BASE_PENSION, &ok);
    EXPECT(ok && b == base, "base pension %lld fen; reference %lld (in force in %s)", (long long)b, (long long)base, cm);
    int np = contrib + (f->backpay_counts ? pe->backpay_years : 0);
    int64_t yp = 0;
    for (size_t i = 0; i < f->nbands; i++) {
        int hi = f->bands[i].to_year ? f->bands[i].to_year : np;
        if (hi > np)
            hi = np;
        if (hi >= f->bands[i].from_year)
            yp += (int64_t)(hi - f->bands[i].from_year + 1) * f->bands[i].per_year;
    }
    int64_t ypf = figure(p, SHEBAO_FIG_YEARS_PENSION, &ok);
    EXPECT(ok && ypf == yp, "years pension %lld fen; reference %lld for %d years", (long long)ypf, (long long)yp, np);
    int age = (claim - birth) / 12;
    int64_t supp = 0;
    for (size_t i = 0; i < f->nsupp; i++) {
        if (f->supp[i].from > claim || f->supp[i].min_age > age)
            continue;
        int later = 0; /* a later entry for the same min_age in force replaces this one */
        for (size_t j = 0; j < f->nsupp; j++)
            later |= j != i && f->supp[j].min_age == f->supp[i].min_age && f->supp[j].from <= claim &&
                     f->supp[j].from > f->supp[i].from;
        if (!later)
            supp += f->supp[i].fen;
    }
    int64_t sf = figure(p, SHEBAO_FIG_AGE_SUPPLEMENT, &ok);
    EXPECT(ok && sf == supp, "age supplement %lld fen; reference %lld at age %d", (long long)sf, (long long)supp, age);
    int64_t total = figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &ok);
    EXPECT(ok && total == account + base + yp + supp, "monthly total %lld fen; reference %lld + %lld + %lld + %lld",
           (long long)total, (long long)account, (long long)base, (long long)yp, (long long)supp);
    int64_t fg = figure(p, SHEBAO_FIG_FUNERAL_GRANT, &ok);
    EXPECT(ok && fg == f->funeral_months * base, "funeral grant %lld fen; reference %d × %lld", (long long)fg,
           f->funeral_months, (long long)base);
    int months = 0;
    char month[8] = "";
    if (shebao_projection_breakeven(p, &months, month, sizeof month) == SHEBAO_OK) {
        int64_t pt = personal + bp_total;
        EXPECT(total > 0 && months >= 1 && (int64_t)months * total >= pt && (months == 1 || (int64_t)(months - 1) * total < pt),
               "break-even after %d months of %lld fen for %lld fen paid", months, (long long)total, (long long)pt);
        EXPECT(month_of(month) == claim + months - 1, "break-even month %s for %d months from %s", month, months, cm);
    } else {
        int64_t pt = personal + bp_total;
        EXPECT(total == 0 || pt / total + (pt % total != 0) >= 100000,
               "no break-even for a total of %lld fen and %lld paid", (long long)total, (long long)pt);
    }
    figure(p, SHEBAO_FIG_EPV_BENEFITS, &ok);
    EXPECT(ok == (pe->mortality != SHEBAO_MORTALITY_NONE), "EPV %s with mortality %d", ok ? "given" : "missing",
           (int)pe->mortality);
done:
    mpz_clear(B);
    mpz_clear(sum);
    mpz_clear(x);
    mpz_clear(t);
    mpz_clear(want);
    mpq_clear(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup(&ctx, NULL);
    fuzz_bytes b = {data, size};
    fuzz_person fp;
    fuzz_person_make(&b, &fp);
    cur = &fp;
    const shebao_policy *pol = fuzz_policy(ctx, fp.policy, &pname);
    facts *f = &all_facts[fp.policy];
    if (!f->loaded)
        read_facts(f, pol, pname);
    /* the EPV is the batch target's business and costs here: one run in eight keeps the life table */
    if (size && data[size - 1] % 8)
        fp.pe.mortality = SHEBAO_MORTALITY_NONE;
    shebao_projection *p = NULL;
    int rc = shebao_project(ctx, pol, &fp.pe, &p);
    if (rc != SHEBAO_OK) {
        const char *m = shebao_ctx_errmsg(ctx);
        EXPECT(m && *m && !strchr(m, '\n') && !p, "a refused projection (%s) leaves a one-line message and no "
                                                   "projection: '%s'", shebao_strerror(rc), m ? m : "");
        return 0;
    }
    check_projection(f, p);
    shebao_projection_free(p);
    return 0;
}
