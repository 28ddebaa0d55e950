/* Policy validation: walk a shebao-policy/1 document, refuse anything malformed with a message naming the file
 * and the JSON path, and build the immutable in-memory policy with the provenance of every value. */
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "policy_section.h"

/* Find member `key` of obj. Bare scalar or {"value", "source"}. On success with *v != NULL the path has been
 * extended by the key (the caller pops to *old). Absent: *v = NULL, error only if required in full mode. */
static int member(sb_pread *b, json_t *obj, const char *key, bool required, const char *inh, json_t **v,
                  const char **src, size_t *old)
{
    *v = NULL;
    json_t *m = json_object_get(obj, key);
    if (m && json_is_null(m) && !b->full)
        return SHEBAO_OK; /* a child's null removes the inherited value */
    if (!m) {
        if (required && b->full)
            return sb_pread_err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = sb_pread_push_key(b, key);
    *src = inh;
    if (json_is_object(m)) {
        static const char *const keys[] = {"value", "source", NULL};
        int rc = sb_pread_check_keys(b, m, keys);
        if (rc == SHEBAO_OK && !json_object_get(m, "value"))
            rc = sb_pread_err(b, "an object here needs a \"value\" member");
        if (rc == SHEBAO_OK)
            rc = sb_pread_source(b, m, inh, src);
        if (rc != SHEBAO_OK) {
            sb_pread_pop(b, *old);
            return rc;
        }
        m = json_object_get(m, "value");
    }
    *v = m;
    return SHEBAO_OK;
}

/* ---- provenance ------------------------------------------------------------------------------------------ */

static void fmt_money(int64_t fen, char *buf) { shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ); }

/* A scalar parameter: read with fn-specific code by the caller, recorded here. */
static int scalar_param(sb_pread *b, const char *text, const char *src, uint32_t *index)
{
    return sb_pread_here(b, "", text, src, index);
}

/* ---- scalar fields --------------------------------------------------------------------------------------- */

static int f_int(sb_pread *b, json_t *obj, const char *key, bool req, const char *inh, int lo, int hi, int *out,
                 uint32_t *param)
{
    json_t *v;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, req, inh, &v, &src, &old));
    if (!v)
        return SHEBAO_OK;
    TRY(sb_pread_v_int(b, v, lo, hi, out));
    char text[24];
    snprintf(text, sizeof text, "%d", *out);
    TRY(scalar_param(b, text, src, param));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

static int section(sb_pread *b, json_t *obj, const char *key, bool req, json_t **out, size_t *old)
{
    *out = json_object_get(obj, key);
    if (*out && json_is_null(*out) && !b->full)
        *out = NULL; /* a child's null removes the inherited value */
    if (!*out) {
        if (req && b->full)
            return sb_pread_err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = sb_pread_push_key(b, key);
    return sb_pread_expect_type(b, *out, JSON_OBJECT, "an object");
}

/* Array member lookup; absent → NULL (error if required in full mode). Path extended when found. */
static int array_member(sb_pread *b, json_t *obj, const char *key, bool req, json_t **out, size_t *old)
{
    *out = json_object_get(obj, key);
    if (*out && json_is_null(*out) && !b->full)
        *out = NULL; /* a child's null removes the inherited value */
    if (!*out) {
        if (req && b->full)
            return sb_pread_err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    *old = sb_pread_push_key(b, key);
    return SHEBAO_OK;
}

/* ---- section long_term_care ------------------------------------------------------------------------------ */

/* Key names; their order is the index order of sb_ltc (and of the public shebao_ltc_* enums). */
static const char *const ltc_band_keys[SB_LTC_DOMAINS] = {"adl_bands", "cognition_bands", "perception_bands"};
static const int ltc_band_max[SB_LTC_DOMAINS] = {100, 16, 12};
static const char *const ltc_mode_keys[] = {"institution", "medical_institution", "home_visit", "home_cash", NULL};
static const char *const ltc_group_keys[] = {"employee", "retiree", "resident", "minor", "assisted", NULL};
static const char *const ltc_payer_keys[] = {"individual", "employer", "medical_fund", "fiscal", "other", NULL};
static const char *const ltc_convention_names[] = {"cap_on_cost", "cap_on_payment", NULL};

/* Present and not null; null inside a dated entry is refused (there is nothing to inherit there). */
static int ltc_present(sb_pread *b, json_t *obj, const char *key, bool req, json_t **m)
{
    *m = json_object_get(obj, key);
    if (!*m) {
        if (req)
            return sb_pread_err(b, "missing required field '%s'", key);
        return SHEBAO_OK;
    }
    if (json_is_null(*m)) {
        size_t old = sb_pread_push_key(b, key);
        int rc = sb_pread_err(b, "must not be null inside a dated entry");
        sb_pread_pop(b, old);
        return rc;
    }
    return SHEBAO_OK;
}

/* Member `key` of obj (bare or {"value", "source"}) read as `kind` and recorded with `from`. Absent: *found is
 * false (an error when req). */
static int ltc_value(sb_pread *b, json_t *obj, const char *key, bool req, const char *inh, sb_pread_kind kind,
                     const char *from, int64_t *fen, sb_dec *dec, uint32_t *param, bool *found)
{
    json_t *m, *v;
    *found = false;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, false, inh, &v, &src, &old));
    char text[64];
    TRY(sb_pread_v_num(b, v, kind, fen, dec, text, sizeof text));
    char pp[512];
    sb_pread_ppath(b, pp, sizeof pp);
    TRY(sb_pread_param(b, pp, from, text, src, param));
    sb_pread_pop(b, old);
    *found = true;
    return SHEBAO_OK;
}

/* A name out of `names` (convention, rounding), recorded with `from`. */
static int ltc_name(sb_pread *b, json_t *obj, const char *key, bool req, const char *inh, const char *const *names,
                    const char *from, int *out, uint32_t *param, bool *found)
{
    json_t *m, *v;
    *found = false;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    const char *src;
    size_t old;
    TRY(member(b, obj, key, false, inh, &v, &src, &old));
    char list[160] = "";
    for (int i = 0; names[i]; i++) {
        if (json_is_string(v) && strcmp(json_string_value(v), names[i]) == 0) {
            char pp[512];
            sb_pread_ppath(b, pp, sizeof pp);
            TRY(sb_pread_param(b, pp, from, names[i], src, param));
            sb_pread_pop(b, old);
            *out = i;
            *found = true;
            return SHEBAO_OK;
        }
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return sb_pread_err(b, "must be one of %s", list);
}

/* A value per grade: {"3": "0.7", "5": {"value": "0.8", "source": "ID"}, "source": "ID"}. The map's own
 * "source" applies to its grades that carry none. */
static int ltc_gmap(sb_pread *b, json_t *obj, const char *key, bool req, const char *inh, sb_pread_kind kind,
                    const char *from, sb_ltc_gmap *out)
{
    json_t *m;
    TRY(ltc_present(b, obj, key, req, &m));
    if (!m)
        return SHEBAO_OK;
    size_t old = sb_pread_push_key(b, key);
    if (!json_is_object(m) || json_object_get(m, "value"))
        return sb_pread_err(b, "must be an object keyed by grade, e.g. {\"3\": \"60\", \"5\": \"100\"}");
    const char *src;
    TRY(sb_pread_source(b, m, inh, &src));
    const char *k;
    json_t *v;
    json_object_foreach(m, k, v) {
        if (strcmp(k, "source") != 0 && !(k[0] >= '0' && k[0] <= '5' && k[1] == '\0')) {
            sb_pread_push_key(b, k);
            return sb_pread_err(b, "unknown grade '%s' (grades are \"0\" to \"5\")", k);
        }
    }
    for (int g = 0; g < SB_LTC_GRADES; g++) {
        char gk[2] = {(char)('0' + g), '\0'};
        bool found;
        TRY(ltc_value(b, m, gk, false, src, kind, from, &out->fen[g], &out->dec[g], &out->param[g], &found));
        if (found)
            out->set |= 1u << g;
    }
    if (!out->set)
        return sb_pread_err(b, "must give a value for at least one grade (\"0\" to \"5\")");
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

static int ltc_bands(sb_pread *b, json_t *arr, const char *inh, int d, sb_ltc *L)
{
    static const char *const keys[] = {"level", "min", "source", NULL};
    TRY(sb_pread_expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    if (n > SB_LTC_LEVELS)
        return sb_pread_err(b, "at most %d bands (levels 0 to 3)", SB_LTC_LEVELS);
    char pp[512];
    sb_pread_ppath(b, pp, sizeof pp);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(arr, i);
        size_t old = sb_pread_push_idx(b, i);
        TRY(sb_pread_expect_type(b, e, JSON_OBJECT, "an object {\"level\", \"min\"}"));
        TRY(sb_pread_check_keys(b, e, keys));
        const char *src;
        TRY(sb_pread_source(b, e, inh, &src));
        sb_ltc_band *bd = &L->bands[d][i];
        json_t *level = json_object_get(e, "level"), *min = json_object_get(e, "min");
        if (!level)
            return sb_pread_err(b, "missing required field 'level'");
        if (!min)
            return sb_pread_err(b, "missing required field 'min'");
        size_t o2 = sb_pread_push_key(b, "level");
        TRY(sb_pread_v_int(b, level, 0, SB_LTC_LEVELS - 1, &bd->level));
        sb_pread_pop(b, o2);
        o2 = sb_pread_push_key(b, "min");
        TRY(sb_pread_v_int(b, min, 0, ltc_band_max[d], &bd->min));
        if (i == 0 && bd->min != 0)
            return sb_pread_err(b, "the first band must start at 0, so that every total falls into a band");
        if (i > 0 && bd->min <= L->bands[d][i - 1].min)
            return sb_pread_err(b, "bands must be sorted by min, strictly ascending (%d after %d)", bd->min,
                       L->bands[d][i - 1].min);
        sb_pread_pop(b, o2);
        if (i > 0 && bd->level >= L->bands[d][i - 1].level) {
            o2 = sb_pread_push_key(b, "level");
            return sb_pread_err(b, "a band with a higher min must have a better (lower) level (level %d after level %d)",
                       bd->level, L->bands[d][i - 1].level);
        }
        L->nbands[d] = i + 1;
        char text[48];
        snprintf(text, sizeof text, "level %d from %d", bd->level, bd->min);
        TRY(sb_pread_param(b, pp, "", text, src, &bd->param));
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static int ltc_assessment(sb_pread *b, json_t *obj, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"adl_bands", "cognition_bands", "perception_bands", "combination", "source",
                                       NULL};
    TRY(sb_pread_check_keys(b, obj, keys));
    const char *src;
    TRY(sb_pread_source(b, obj, inh, &src));
    L->has_assessment = true;
    for (int d = 0; d < SB_LTC_DOMAINS; d++) {
        json_t *v;
        size_t old;
        TRY(array_member(b, obj, ltc_band_keys[d], true, &v, &old));
        if (v) {
            TRY(ltc_bands(b, v, src, d, L));
            sb_pread_pop(b, old);
        }
    }
    json_t *v;
    const char *csrc;
    size_t old;
    TRY(member(b, obj, "combination", true, src, &v, &csrc, &old));
    if (!v)
        return SHEBAO_OK;
    if (!json_is_array(v) || json_array_size(v) != SB_LTC_LEVELS)
        return sb_pread_err(b, "must be 4 rows (ADL level 0 to 3) of 4 grades (column: the worse of the cognition and "
                      "perception levels)");
    char text[48] = "rows ";
    for (size_t r = 0; r < SB_LTC_LEVELS; r++) {
        json_t *row = json_array_get(v, r);
        size_t o2 = sb_pread_push_idx(b, r);
        if (!json_is_array(row) || json_array_size(row) != SB_LTC_LEVELS)
            return sb_pread_err(b, "must be a row of 4 grades (0 to 5)");
        for (size_t c = 0; c < SB_LTC_LEVELS; c++) {
            size_t o3 = sb_pread_push_idx(b, c);
            TRY(sb_pread_v_int(b, json_array_get(row, c), 0, SB_LTC_GRADES - 1, &L->combination[r][c]));
            sb_pread_pop(b, o3);
            size_t len = strlen(text);
            snprintf(text + len, sizeof text - len, "%s%d", r > 0 && c == 0 ? "/" : "", L->combination[r][c]);
        }
        sb_pread_pop(b, o2);
    }
    char pp[512];
    sb_pread_ppath(b, pp, sizeof pp);
    TRY(sb_pread_param(b, pp, "", text, csrc, &L->p_combination));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

static int ltc_group(sb_pread *b, json_t *obj, const char *inh, const char *from, sb_ltc_group *g)
{
    static const char *const keys[] = {"fixed", "rate", "source", NULL};
    static const char *const fixed_keys[] = {"total", "individual", "employer", "medical_fund", "fiscal", "other",
                                             "source", NULL};
    static const char *const rate_keys[] = {"base_floor", "base_cap", "total", "individual", "employer",
                                            "medical_fund", "fiscal", "other", "rounding", "source", NULL};
    TRY(sb_pread_expect_type(b, obj, JSON_OBJECT, "an object {\"fixed\": {...}} or {\"rate\": {...}}"));
    TRY(sb_pread_check_keys(b, obj, keys));
    const char *src;
    TRY(sb_pread_source(b, obj, inh, &src));
    json_t *fixed = json_object_get(obj, "fixed"), *rate = json_object_get(obj, "rate");
    if ((fixed != NULL) == (rate != NULL))
        return sb_pread_err(b, "needs exactly one of \"fixed\" (yuan per person per year) or \"rate\" (rates on a base)");
    g->present = true;
    g->is_rate = rate != NULL;
    json_t *f = rate ? rate : fixed;
    size_t old = sb_pread_push_key(b, rate ? "rate" : "fixed");
    TRY(sb_pread_expect_type(b, f, JSON_OBJECT, "an object"));
    TRY(sb_pread_check_keys(b, f, rate ? rate_keys : fixed_keys));
    const char *fsrc;
    TRY(sb_pread_source(b, f, src, &fsrc));
    sb_pread_kind kind = rate ? SB_PREAD_RATE : SB_PREAD_AMOUNT;
    mpq_t sum, q;
    mpq_init(sum);
    mpq_init(q);
    char parts[300] = "";
    int rc = ltc_value(b, f, "total", false, fsrc, kind, from, &g->total_fen, &g->total_rate, &g->p_total,
                       &g->has_total);
    for (int p = 0; rc == SHEBAO_OK && p < SB_LTC_PAYERS; p++) {
        bool found;
        rc = ltc_value(b, f, ltc_payer_keys[p], false, fsrc, kind, from, &g->fen[p], &g->rate[p], &g->param[p],
                       &found);
        if (rc != SHEBAO_OK || !found)
            continue;
        g->parts |= 1u << p;
        char text[48];
        if (rate) {
            sb_dec_to_q(q, g->rate[p]);
            sb_dec_format(g->rate[p], text, sizeof text);
        } else {
            sb_mpz_set_i64(mpq_numref(q), g->fen[p]);
            mpz_set_ui(mpq_denref(q), 1);
            fmt_money(g->fen[p], text);
        }
        mpq_add(sum, sum, q);
        size_t len = strlen(parts);
        snprintf(parts + len, sizeof parts - len, "%s%s %s", len ? " + " : "", ltc_payer_keys[p], text);
    }
    if (rc == SHEBAO_OK && !g->parts)
        rc = sb_pread_err(b, "needs at least one part (individual, employer, medical_fund, fiscal, other)");
    if (rc == SHEBAO_OK && g->has_total) {
        char total[48], got[48];
        if (rate) {
            sb_dec_to_q(q, g->total_rate);
            sb_dec_format(g->total_rate, total, sizeof total);
            sb_q_format(sum, SB_DEC_MAX_SCALE, got, sizeof got);
            for (size_t n = strlen(got); n > 0 && got[n - 1] == '0'; n--) /* canonical: no trailing zeros */
                got[n - 1] = '\0';
            if (got[strlen(got) - 1] == '.')
                got[strlen(got) - 1] = '\0';
        } else {
            sb_mpz_set_i64(mpq_numref(q), g->total_fen);
            mpz_set_ui(mpq_denref(q), 1);
            fmt_money(g->total_fen, total);
            int64_t s = 0;
            (void)sb_mpz_get_i64(mpq_numref(sum), &s);
            fmt_money(s, got);
        }
        if (!mpq_equal(sum, q))
            rc = sb_pread_err(b, "the parts add up to %s (%s), not the total %s", got, parts, total);
    }
    mpq_clear(sum);
    mpq_clear(q);
    TRY(rc);
    if (rate) {
        TRY(ltc_value(b, f, "base_floor", false, fsrc, SB_PREAD_AMOUNT, from, &g->floor, NULL, &g->p_floor,
                      &g->has_floor));
        TRY(ltc_value(b, f, "base_cap", false, fsrc, SB_PREAD_AMOUNT, from, &g->cap, NULL, &g->p_cap, &g->has_cap));
        if (g->has_floor && g->has_cap && g->floor > g->cap) {
            char fl[SHEBAO_MONEY_BUFSZ], ca[SHEBAO_MONEY_BUFSZ];
            fmt_money(g->floor, fl);
            fmt_money(g->cap, ca);
            return sb_pread_err(b, "base_floor %s is above base_cap %s", fl, ca);
        }
        int rounding = 0;
        TRY(ltc_name(b, f, "rounding", false, fsrc, sb_pread_rounding_names, from, &rounding, &g->p_rounding,
                     &g->has_rounding));
        g->rounding = (shebao_rounding)rounding;
    }
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

/* The head of a dated entry {"from", BODY, "source"} of an array: type, keys, source, both members present, and
 * `from` strictly after the previous entry's (prev_from < 0 for the first). Leaves the path at the entry. */
static int dated_entry(sb_pread *b, json_t *arr, size_t i, const char *const *keys, const char *body_key,
                       const char *what, const char *inh, sb_month prev_from, const char **src, sb_month *from,
                       json_t **body)
{
    json_t *e = json_array_get(arr, i);
    TRY(sb_pread_expect_type(b, e, JSON_OBJECT, what));
    TRY(sb_pread_check_keys(b, e, keys));
    TRY(sb_pread_source(b, e, inh, src));
    json_t *f = json_object_get(e, "from");
    *body = json_object_get(e, body_key);
    if (!f)
        return sb_pread_err(b, "missing required field 'from'");
    if (!*body)
        return sb_pread_err(b, "missing required field '%s'", body_key);
    size_t o2 = sb_pread_push_key(b, "from");
    TRY(sb_pread_v_month(b, f, from));
    if (prev_from >= 0 && *from <= prev_from)
        return sb_pread_err(b, "dates must be strictly increasing (%s after %s)", json_string_value(f),
                   json_string_value(json_object_get(json_array_get(arr, i - 1), "from")));
    sb_pread_pop(b, o2);
    return SHEBAO_OK;
}

static int ltc_funding(sb_pread *b, json_t *arr, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"from", "groups", "source", NULL};
    static const char *const gkeys[] = {"employee", "retiree", "resident", "minor", "assisted", "source", NULL};
    TRY(sb_pread_expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    L->funding = calloc(n, sizeof *L->funding);
    if (!L->funding)
        return sb_pread_oom(b);
    for (size_t i = 0; i < n; i++) {
        size_t old = sb_pread_push_idx(b, i);
        const char *src;
        json_t *groups;
        sb_ltc_funding *fu = &L->funding[i];
        TRY(dated_entry(b, arr, i, keys, "groups", "an object {\"from\", \"groups\"}", inh,
                        i > 0 ? L->funding[i - 1].from : -1, &src, &fu->from, &groups));
        L->nfunding = i + 1;
        char from[8];
        sb_month_format(fu->from, from, sizeof from); /* the entry's "from", as written (strict YYYY-MM) */
        size_t o2 = sb_pread_push_key(b, "groups");
        TRY(sb_pread_expect_type(b, groups, JSON_OBJECT, "an object keyed by insured group"));
        TRY(sb_pread_check_keys(b, groups, gkeys));
        const char *gsrc;
        TRY(sb_pread_source(b, groups, src, &gsrc));
        for (int g = 0; g < SB_LTC_GROUPS; g++) {
            json_t *gv;
            TRY(ltc_present(b, groups, ltc_group_keys[g], false, &gv));
            if (!gv)
                continue;
            size_t o3 = sb_pread_push_key(b, ltc_group_keys[g]);
            TRY(ltc_group(b, gv, gsrc, from, &fu->group[g]));
            sb_pread_pop(b, o3);
        }
        if (json_object_size(groups) == (json_object_get(groups, "source") ? 1u : 0u))
            return sb_pread_err(b, "needs at least one insured group (employee, retiree, resident, minor, assisted)");
        sb_pread_pop(b, o2);
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static int ltc_mode(sb_pread *b, json_t *obj, int m, const char *inh, const char *from, sb_ltc_mode *md)
{
    static const char *const inst_keys[] = {"convention", "ratio", "daily_cap", "monthly_cap", "rounding", "source",
                                            NULL};
    static const char *const visit_keys[] = {"ratio", "hour_price_cap", "max_hours_month", "monthly_cap",
                                             "rounding", "source", NULL};
    static const char *const cash_keys[] = {"monthly", "rounding", "source", NULL};
    TRY(sb_pread_expect_type(b, obj, JSON_OBJECT, "an object"));
    TRY(sb_pread_check_keys(b, obj, m <= 1 ? inst_keys : m == 2 ? visit_keys : cash_keys));
    const char *src;
    TRY(sb_pread_source(b, obj, inh, &src));
    md->present = true;
    bool found;
    if (m <= 1) {
        TRY(ltc_name(b, obj, "convention", true, src, ltc_convention_names, from, &md->convention,
                     &md->p_convention, &found));
        TRY(ltc_gmap(b, obj, "ratio", true, src, SB_PREAD_RATIO, from, &md->ratio));
        TRY(ltc_gmap(b, obj, "daily_cap", true, src, SB_PREAD_AMOUNT, from, &md->daily_cap));
        TRY(ltc_gmap(b, obj, "monthly_cap", false, src, SB_PREAD_AMOUNT, from, &md->monthly_cap));
    } else if (m == 2) {
        TRY(ltc_gmap(b, obj, "ratio", true, src, SB_PREAD_RATIO, from, &md->ratio));
        TRY(ltc_value(b, obj, "hour_price_cap", true, src, SB_PREAD_AMOUNT, from, &md->hour_price_cap, NULL,
                      &md->p_hour_price_cap, &found));
        TRY(ltc_gmap(b, obj, "max_hours_month", true, src, SB_PREAD_HOURS, from, &md->max_hours));
        TRY(ltc_gmap(b, obj, "monthly_cap", false, src, SB_PREAD_AMOUNT, from, &md->monthly_cap));
    } else {
        TRY(ltc_gmap(b, obj, "monthly", true, src, SB_PREAD_AMOUNT, from, &md->monthly));
    }
    int rounding = 0;
    TRY(ltc_name(b, obj, "rounding", false, src, sb_pread_rounding_names, from, &rounding, &md->p_rounding,
                 &md->has_rounding));
    md->rounding = (shebao_rounding)rounding;
    return SHEBAO_OK;
}

static int ltc_benefits(sb_pread *b, json_t *arr, const char *inh, sb_ltc *L)
{
    static const char *const keys[] = {"from", "modes", "source", NULL};
    static const char *const mkeys[] = {"institution", "medical_institution", "home_visit", "home_cash", "source",
                                        NULL};
    TRY(sb_pread_expect_array(b, arr, true));
    size_t n = json_array_size(arr);
    L->benefits = calloc(n, sizeof *L->benefits);
    if (!L->benefits)
        return sb_pread_oom(b);
    for (size_t i = 0; i < n; i++) {
        size_t old = sb_pread_push_idx(b, i);
        const char *src;
        json_t *modes;
        sb_ltc_benefits *be = &L->benefits[i];
        TRY(dated_entry(b, arr, i, keys, "modes", "an object {\"from\", \"modes\"}", inh,
                        i > 0 ? L->benefits[i - 1].from : -1, &src, &be->from, &modes));
        L->nbenefits = i + 1;
        char from[8];
        sb_month_format(be->from, from, sizeof from); /* the entry's "from", as written (strict YYYY-MM) */
        size_t o2 = sb_pread_push_key(b, "modes");
        TRY(sb_pread_expect_type(b, modes, JSON_OBJECT, "an object keyed by care mode"));
        TRY(sb_pread_check_keys(b, modes, mkeys));
        const char *msrc;
        TRY(sb_pread_source(b, modes, src, &msrc));
        int nmodes = 0;
        for (int m = 0; m < SB_LTC_MODES; m++) {
            json_t *mv;
            TRY(ltc_present(b, modes, ltc_mode_keys[m], false, &mv));
            if (!mv)
                continue;
            size_t o3 = sb_pread_push_key(b, ltc_mode_keys[m]);
            TRY(ltc_mode(b, mv, m, msrc, from, &be->mode[m]));
            sb_pread_pop(b, o3);
            nmodes++;
        }
        if (nmodes == 0)
            return sb_pread_err(b, "needs at least one care mode (institution, medical_institution, home_visit, home_cash)");
        sb_pread_pop(b, o2);
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static int rd_ltc(sb_pread *b, json_t *obj, sb_ltc *L)
{
    static const char *const keys[] = {"assessment", "funding", "eligibility", "benefits", "source", NULL};
    static const char *const ekeys[] = {"min_grade", "min_disability_months", "waiting_months", "source", NULL};
    TRY(sb_pread_check_keys(b, obj, keys));
    const char *src;
    TRY(sb_pread_source(b, obj, NULL, &src));
    L->present = true;
    json_t *v;
    size_t old;
    TRY(section(b, obj, "assessment", false, &v, &old));
    if (v) {
        TRY(ltc_assessment(b, v, src, L));
        sb_pread_pop(b, old);
    }
    TRY(array_member(b, obj, "funding", false, &v, &old));
    if (v) {
        TRY(ltc_funding(b, v, src, L));
        sb_pread_pop(b, old);
    }
    TRY(section(b, obj, "eligibility", false, &v, &old));
    if (v) {
        TRY(sb_pread_check_keys(b, v, ekeys));
        const char *esrc;
        TRY(sb_pread_source(b, v, src, &esrc));
        L->has_eligibility = true;
        TRY(f_int(b, v, "min_grade", true, esrc, 0, SB_LTC_GRADES - 1, &L->min_grade, &L->p_min_grade));
        TRY(f_int(b, v, "min_disability_months", true, esrc, 0, 1200, &L->min_disability_months,
                  &L->p_min_disability_months));
        TRY(f_int(b, v, "waiting_months", true, esrc, 0, 1200, &L->waiting_months, &L->p_waiting_months));
        sb_pread_pop(b, old);
    }
    TRY(array_member(b, obj, "benefits", false, &v, &old));
    if (v) {
        TRY(ltc_benefits(b, v, src, L));
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static const char *const status_names[] = {"official", "secondary", "recalled", "inferred", "assumption", NULL};

static int rd_sources(sb_pread *b, json_t *obj)
{
    static const char *const keys[] = {"title", "url", "status", "note", NULL};
    shebao_policy *P = b->P;
    size_t n = json_object_size(obj);
    P->sources = calloc(n ? n : 1, sizeof *P->sources);
    if (!P->sources)
        return sb_pread_oom(b);
    const char *id;
    json_t *s;
    json_object_foreach(obj, id, s) {
        size_t old = sb_pread_push_key(b, id);
        TRY(sb_pread_expect_type(b, s, JSON_OBJECT, "an object {\"title\", \"url\", \"status\"}"));
        TRY(sb_pread_check_keys(b, s, keys));
        json_t *title = json_object_get(s, "title"), *url = json_object_get(s, "url"),
               *st = json_object_get(s, "status"), *note = json_object_get(s, "note");
        if (!title || !json_is_string(title))
            return sb_pread_err(b, "a source needs a \"title\" string");
        if (url && !json_is_string(url))
            return sb_pread_err(b, "\"url\" must be a string");
        if (note && !json_is_string(note))
            return sb_pread_err(b, "\"note\" must be a string");
        int status = -1;
        for (int i = 0; st && json_is_string(st) && status_names[i]; i++)
            if (strcmp(json_string_value(st), status_names[i]) == 0)
                status = i;
        if (status < 0) {
            size_t o2 = sb_pread_push_key(b, "status");
            int rc = sb_pread_err(b, "must be one of official, secondary, recalled, inferred, assumption");
            sb_pread_pop(b, o2);
            return rc;
        }
        sb_source *src = &P->sources[P->nsources];
        src->id = sb_strdup(id);
        src->title = sb_strdup(json_string_value(title));
        src->url = sb_strdup(url ? json_string_value(url) : "");
        src->status = (shebao_status)status;
        P->nsources++;
        if (!src->id || !src->title || !src->url)
            return sb_pread_oom(b);
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

static int rd_top(sb_pread *b, json_t *doc)
{
    static const char *const keys[] = {"schema", "id", "name", "description", "extends", "sources",
                                       "resident_pension", "long_term_care", NULL};
    if (!json_is_object(doc))
        return sb_pread_err(b, "a policy must be a JSON object, not %s", sb_pread_type_name(doc));
    TRY(sb_pread_check_keys(b, doc, keys));
    json_t *schema = json_object_get(doc, "schema");
    if (!schema || !json_is_string(schema) || strcmp(json_string_value(schema), SB_POLICY_SCHEMA) != 0) {
        size_t old = sb_pread_push_key(b, "schema");
        int rc = sb_pread_err(b, "must be \"%s\"", SB_POLICY_SCHEMA);
        sb_pread_pop(b, old);
        return rc;
    }
    static const char *const strs[] = {"id", "name", "description", "extends"};
    for (int i = 0; i < 4; i++) {
        json_t *v = json_object_get(doc, strs[i]);
        if (!v && i < 2)
            return sb_pread_err(b, "missing required field '%s'", strs[i]);
        if (!v)
            continue;
        size_t old = sb_pread_push_key(b, strs[i]);
        if (!json_is_string(v) || json_string_length(v) == 0)
            return sb_pread_err(b, "must be a non-empty string");
        if (i == 0 && !valid_id(json_string_value(v)))
            return sb_pread_err(b, "'%.64s' is not a valid id (1-64 characters a-z, 0-9, '-')", json_string_value(v));
        sb_pread_pop(b, old);
    }
    json_t *sources;
    size_t old;
    TRY(section(b, doc, "sources", true, &sources, &old));
    if (sources) {
        b->sources = sources;
        TRY(rd_sources(b, sources));
        sb_pread_pop(b, old);
    }
    json_t *rp;
    TRY(section(b, doc, "resident_pension", false, &rp, &old));
    if (rp) {
        TRY(sb_policy_resident_read(b, rp, NULL, &b->P->rp));
        sb_pread_pop(b, old);
    }
    json_t *ltc;
    TRY(section(b, doc, "long_term_care", false, &ltc, &old));
    if (ltc) {
        TRY(rd_ltc(b, ltc, &b->P->ltc));
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

int sb_policy_build(shebao_ctx *ctx, json_t *doc, const char *file, bool full, shebao_policy **out)
{
    shebao_policy *P = calloc(1, sizeof *P);
    if (!P)
        return sb_fail(ctx, SHEBAO_ENOMEM, "%s: out of memory", file);
    sb_pread b = {.ctx = ctx, .file = file, .full = full, .P = P, .path = "$", .plen = 1};
    int rc = rd_top(&b, doc);
    if (rc == SHEBAO_OK && full) {
        P->id = sb_strdup(json_string_value(json_object_get(doc, "id")));
        P->name = sb_strdup(json_string_value(json_object_get(doc, "name")));
        if (!P->id || !P->name)
            rc = sb_pread_oom(&b);
        /* resolve provenance */
        for (size_t i = 0; rc == SHEBAO_OK && i < P->nparams; i++) {
            sb_param *p = &P->params[i];
            p->status = SHEBAO_STATUS_UNSOURCED;
            p->title = "";
            p->url = "";
            for (size_t j = 0; p->source[0] && j < P->nsources; j++) {
                if (strcmp(p->source, P->sources[j].id) == 0) {
                    p->status = P->sources[j].status;
                    p->title = P->sources[j].title;
                    p->url = P->sources[j].url;
                }
            }
        }
    }
    if (rc != SHEBAO_OK || !out) {
        shebao_policy_free(P);
        return rc;
    }
    *out = P;
    return SHEBAO_OK;
}
