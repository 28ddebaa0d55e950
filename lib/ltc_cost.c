/* Long-term care: a fund-level estimate of spending from the benefit rules (docs/ltc.md, "Cost estimate"). */
#include <stdlib.h>
#include <string.h>

#include "ltc.h"

#define MIX_MAX_SCALE 6

typedef struct mix {
    int key[SB_LTC_GRADES];
    sb_dec share[SB_LTC_GRADES];
    size_t n;
} mix;

/* "KEY:SHARE,KEY:SHARE": keys are grades 0-5 (grades) or care-mode names; shares add up to exactly 1. */
static int parse_mix(shebao_ctx *ctx, const char *spec, bool grades, mix *out)
{
    const char *what = sb_tr(ctx, grades ? SB_N_("grade mix") : SB_N_("mode mix"));
    size_t max = grades ? SB_LTC_GRADES : SB_LTC_MODES;
    if (!spec || !*spec)
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: empty (expected e.g. %s)", what,
                       grades ? "3:0.5,4:0.3,5:0.2" : "institution:0.4,home_visit:0.4,home_cash:0.2");
    out->n = 0;
    int64_t sum = 0; /* in millionths */
    const char *p = spec;
    for (size_t item = 1;; item++) {
        /* the item, its key and its share are read in place, whole, and quoted in messages by SB_SHOW */
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 0)
            return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu is empty or too long", what, item);
        const char *colon = memchr(p, ':', len);
        if (!colon)
            return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu '%.*s%s' is not KEY:SHARE", what, item, SB_SHOW(p, len));
        const char *k = p, *s = colon + 1;
        size_t klen = (size_t)(colon - p), slen = len - klen - 1;
        int key = -1;
        if (grades) {
            if (!(klen == 1 && k[0] >= '0' && k[0] <= '5'))
                return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu: grade '%.*s%s' must be 0 to 5", what, item,
                               SB_SHOW(k, klen));
            key = k[0] - '0';
        } else {
            for (int m = 0; m < SB_LTC_MODES; m++) {
                const char *name = shebao_ltc_mode_name((shebao_ltc_mode)m);
                if (strlen(name) == klen && memcmp(name, k, klen) == 0)
                    key = m;
            }
            if (key < 0)
                return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu: unknown care mode '%.*s%s' (institution, "
                               "medical_institution, home_visit, home_cash)", what, item, SB_SHOW(k, klen));
        }
        for (size_t i = 0; i < out->n; i++)
            if (out->key[i] == key)
                return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu: '%.*s%s' is listed twice", what, item,
                               SB_SHOW(k, klen));
        if (out->n == max)
            return sb_fail(ctx, SHEBAO_EINPUT, "%s: more than %zu items", what, max);
        sb_dec d;
        sb_dec_status st = sb_dec_read(s, slen, MIX_MAX_SCALE, &d);
        if (st != SB_DEC_OK && st != SB_DEC_SCALE)
            return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu: share '%.*s%s': %s", what, item, SB_SHOW(s, slen),
                           sb_tr(ctx, sb_dec_status_text(st)));
        if (st == SB_DEC_SCALE || s[0] == '-' || s[0] == '+' || sb_dec_cmp(d, (sb_dec){1, 0}) > 0)
            return sb_fail(ctx, SHEBAO_EINPUT, "%s: item %zu: share '%.*s%s' must be a number from 0 to 1 with at "
                           "most %d decimals", what, item, SB_SHOW(s, slen), MIX_MAX_SCALE);
        int64_t millionths = d.num;
        for (int i = d.scale; i < MIX_MAX_SCALE; i++)
            millionths *= 10;
        sum += millionths;
        out->key[out->n] = key;
        out->share[out->n] = d;
        out->n++;
        if (!end)
            break;
        p = end + 1;
    }
    if (sum != 1000000) {
        char t[48];
        sb_dec_format((sb_dec){sum, MIX_MAX_SCALE}, t, sizeof t);
        size_t n = strlen(t);
        while (n > 0 && t[n - 1] == '0')
            t[--n] = '\0';
        if (n > 0 && t[n - 1] == '.')
            t[--n] = '\0';
        return sb_fail(ctx, SHEBAO_EINPUT, "%s: the shares add up to %s, not 1", what, t);
    }
    return SHEBAO_OK;
}

static int check_inputs(shebao_ctx *ctx, const shebao_ltc_cost_input *in, const mix *modes, sb_dec *hours)
{
    bool inst = false, visit = false;
    for (size_t i = 0; i < modes->n; i++) {
        inst |= modes->key[i] == SHEBAO_LTC_INSTITUTION || modes->key[i] == SHEBAO_LTC_MEDICAL_INSTITUTION;
        visit |= modes->key[i] == SHEBAO_LTC_HOME_VISIT;
    }
    if (inst && in->cost == SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "the mode mix has an institution mode: give the monthly care cost per "
                       "beneficiary");
    if (!inst && in->cost != SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "a care cost applies only to the institution modes, which the mode mix "
                       "does not include");
    if (visit && (!in->hours || in->price == SHEBAO_UNSET))
        return sb_fail(ctx, SHEBAO_EINPUT, "the mode mix has home_visit: give the hours per beneficiary per month "
                       "and the price per hour");
    if (!visit && (in->hours || in->price != SHEBAO_UNSET))
        return sb_fail(ctx, SHEBAO_EINPUT, "hours and price apply only to home_visit, which the mode mix does not "
                       "include");
    if (in->hours) {
        const char *why = NULL;
        if (sb_dec_parse(in->hours, hours, &why) != SHEBAO_OK)
            return sb_fail(ctx, SHEBAO_EINPUT, "hours '%.40s': %s", in->hours, sb_tr(ctx, why));
        if (in->hours[0] == '-' || in->hours[0] == '+' || sb_dec_cmp(*hours, (sb_dec){744, 0}) > 0)
            return sb_fail(ctx, SHEBAO_EINPUT, "hours '%.40s': must be a number from 0 to 744 without a sign",
                           in->hours);
    }
    return SHEBAO_OK;
}

static int round_q_fen(shebao_ctx *ctx, mpq_t fen, int64_t *out)
{
    mpq_t y;
    mpq_init(y);
    mpq_set(y, fen);
    mpz_mul_ui(mpq_denref(y), mpq_denref(y), 100); /* fen → yuan */
    mpq_canonicalize(y);
    int rc = sb_round_q(y, SHEBAO_ROUND_FEN_HALF_UP, out);
    mpq_clear(y);
    return rc == SHEBAO_OK ? SHEBAO_OK : sb_fail(ctx, SHEBAO_ECOMPUTE, "estimate out of range");
}

/* q = beneficiaries × grade share × mode share, and its exact decimal text. */
static void persons_text(const shebao_ltc_cost_input *in, sb_dec gs, sb_dec ms, mpq_t q, char *buf, size_t size)
{
    mpq_t t;
    mpq_init(t);
    sb_mpz_set_i64(mpq_numref(q), in->beneficiaries);
    mpz_set_ui(mpq_denref(q), 1);
    sb_dec_to_q(t, gs);
    mpq_mul(q, q, t);
    sb_dec_to_q(t, ms);
    mpq_mul(q, q, t);
    mpq_clear(t);
    sb_q_format(q, gs.scale + ms.scale, buf, size); /* exact: the product has at most that many decimals */
    sb_dec_trim(buf);
}

/* The input's numbers within their bounds. */
static int cost_check_numbers(shebao_ctx *ctx, const shebao_ltc_cost_input *in)
{
    if (in->beneficiaries < 0 || in->beneficiaries > 10000000000LL)
        return sb_fail(ctx, SHEBAO_EINPUT, "beneficiaries %lld: must be 0 to 10000000000", in->beneficiaries);
    if (in->months < 1 || in->months > 1200)
        return sb_fail(ctx, SHEBAO_EINPUT, "months %d: must be 1 to 1200", in->months);
    if (in->cost < SHEBAO_UNSET || in->price < SHEBAO_UNSET)
        return sb_fail(ctx, SHEBAO_EINPUT, "cost and price must not be negative");
    if (in->hospital_days < 0 || in->hospital_days > 31)
        return sb_fail(ctx, SHEBAO_EINPUT, "hospital days %d: must be 0 to 31", in->hospital_days);
    return SHEBAO_OK;
}

/* Each eligible cell's fund payment per person, summed over the months (the rules in force in each month). */
static int cost_months(shebao_ctx *ctx, const shebao_policy *P, const shebao_ltc_cost_input *in, sb_month from,
                       const sb_dec *hours, shebao_ltc_cost *out, shebao_ltc_assumptions *assumptions)
{
    for (int k = 0; k < in->months; k++) {
        sb_month m = from + k;
        int dim = sb_ltc_days_in_month(m);
        char mt[8];
        sb_month_format(m, mt, sizeof mt);
        if (in->hospital_days > dim)
            return sb_fail(ctx, SHEBAO_EINPUT, "hospital days %d: %s has only %d days", in->hospital_days, mt, dim);
        const sb_ltc_benefits *be;
        TRY(sb_ltc_benefits_at(ctx, P, m, &be));
        for (size_t i = 0; i < out->ncells; i++) {
            shebao_ltc_cost_cell *c = &out->cells[i];
            if (!c->eligible)
                continue;
            if (!be->mode[c->mode].present) {
                char f[8];
                sb_month_format(be->from, f, sizeof f);
                return sb_fail(ctx, SHEBAO_EINPUT, "%s: the long-term care benefits of policy %s in force (from %s) "
                               "define no %s benefit", mt, P->id, f, shebao_ltc_mode_name(c->mode));
            }
            shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
            TRY(sb_ltc_pay(ctx, be, c->grade, c->mode, dim, dim - in->hospital_days, in->cost, hours, in->price,
                           &b, assumptions));
            if (__builtin_add_overflow(c->per_person, b.fund_pays, &c->per_person))
                return sb_fail(ctx, SHEBAO_ECOMPUTE, "estimate overflows");
        }
    }
    return SHEBAO_OK;
}

/* Each cell's total for its share of the beneficiaries, and the whole total, each rounded once from the exact
 * rationals. */
static int cost_totals(shebao_ctx *ctx, const shebao_ltc_cost_input *in, const mix *grades, const mix *modes,
                       shebao_ltc_cost *out)
{
    mpq_t persons, x, sum;
    mpq_init(persons);
    mpq_init(x);
    mpq_init(sum);
    int rc = SHEBAO_OK;
    size_t idx = 0;
    for (size_t i = 0; i < grades->n; i++)
        for (size_t j = 0; j < modes->n; j++, idx++) {
            shebao_ltc_cost_cell *c = &out->cells[idx];
            persons_text(in, grades->share[i], modes->share[j], persons, c->persons, sizeof c->persons);
            sb_mpz_set_i64(mpq_numref(x), c->per_person);
            mpz_set_ui(mpq_denref(x), 1);
            mpq_mul(x, x, persons);
            mpq_add(sum, sum, x);
            if (rc == SHEBAO_OK)
                rc = round_q_fen(ctx, x, &c->total);
        }
    if (rc == SHEBAO_OK)
        rc = round_q_fen(ctx, sum, &out->total);
    mpq_clear(persons);
    mpq_clear(x);
    mpq_clear(sum);
    return rc;
}

static int cost_compute(shebao_ctx *ctx, const shebao_policy *P, const shebao_ltc_cost_input *in,
                        shebao_ltc_cost *out, shebao_ltc_assumptions *assumptions)
{
    if (!in)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL input");
    if (sb_check_version(ctx, "shebao_ltc_cost_input", in->version, SHEBAO_LTC_COST_INPUT_VERSION,
                         "SHEBAO_LTC_COST_INPUT_INIT") != SHEBAO_OK ||
        sb_check_version(ctx, "shebao_ltc_cost", out->version, SHEBAO_LTC_COST_VERSION, "SHEBAO_LTC_COST_INIT") !=
            SHEBAO_OK)
        return SHEBAO_EUSAGE;
    TRY(cost_check_numbers(ctx, in));
    sb_month from;
    TRY(sb_ltc_month(ctx, in->from_year, in->from_month, "from", &from));
    if (from + in->months - 1 > SB_MONTH_MAKE(SB_YEAR_MAX, 12))
        return sb_fail(ctx, SHEBAO_EINPUT, "the months run past %d-12", SB_YEAR_MAX);
    mix grades, modes;
    TRY(parse_mix(ctx, in->grade_mix, true, &grades));
    TRY(parse_mix(ctx, in->mode_mix, false, &modes));
    sb_dec hours = {0, 0};
    TRY(check_inputs(ctx, in, &modes, &hours));
    const sb_ltc *L;
    TRY(sb_ltc_section(ctx, P, "eligibility", &L));
    TRY(sb_prov_use(sb_ltc_used(assumptions), L->p_min_grade));
    out->ncells = 0;
    for (size_t i = 0; i < grades.n; i++)
        for (size_t j = 0; j < modes.n; j++) {
            shebao_ltc_cost_cell *c = &out->cells[out->ncells++];
            c->grade = grades.key[i];
            c->mode = (shebao_ltc_mode)modes.key[j];
            c->eligible = c->grade >= L->min_grade;
            c->per_person = 0;
            c->total = 0;
        }
    TRY(cost_months(ctx, P, in, from, &hours, out, assumptions));
    TRY(sb_ltc_assume(assumptions, "run.eligibility", "every beneficiary",
                        "assumed to meet min_disability_months and waiting_months in every month"));
    TRY(sb_ltc_assume(assumptions, "run.care_days", "whole month", "every beneficiary is cared for every day"));
    return cost_totals(ctx, in, &grades, &modes, out);
}

int shebao_ltc_cost_estimate(shebao_ctx *ctx, const shebao_policy *policy, const shebao_ltc_cost_input *in,
                             shebao_ltc_cost *out, shebao_ltc_assumptions *assumptions)
{
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    sb_ltc_assumptions_reset(assumptions);
    int rc = cost_compute(ctx, policy, in, out, assumptions);
    return sb_ltc_done(ctx, assumptions, policy, rc);
}
