/* Section long_term_care of a policy: assessment bands and matrix, eligibility, and the dated funding and benefit
 * entries (insured groups, care modes, values per grade), each checked and recorded with its provenance. The
 * model is in docs/ltc.md. */
#include <stddef.h>
#include <string.h>

#include "policy_section.h"

/* Key names; their order is the index order of sb_ltc (and of the public shebao_ltc_* enums). */
static const char *const ltc_band_keys[SB_LTC_DOMAINS] = {"adl_bands", "cognition_bands", "perception_bands"};
static const int ltc_band_max[SB_LTC_DOMAINS] = {100, 16, 12};
static const char *const ltc_mode_keys[] = {"institution", "medical_institution", "home_visit", "home_cash", NULL};
static const char *const ltc_group_keys[] = {"employee", "retiree", "resident", "minor", "assisted", NULL};
static const char *const ltc_payer_keys[] = {"individual", "employer", "medical_fund", "fiscal", "other", NULL};
static const char *const ltc_convention_names[] = {"cap_on_cost", "cap_on_payment", NULL};

/* A map of values per grade being read: their kind, the enclosing `from`, where they go. */
typedef struct ltc_gmap_room {
    sb_pread_kind kind;
    const char *from;
    sb_ltc_gmap *out;
} ltc_gmap_room;

static int ltc_read_gmap_body(sb_pread *b, json_t *m, const char *inherited, void *room)
{
    const ltc_gmap_room *r = room;
    if (!json_is_object(m) || json_object_get(m, "value"))
        return sb_pread_err(b, "must be an object keyed by grade, e.g. {\"3\": \"60\", \"5\": \"100\"}");
    sb_pread_obj go = {m, NULL, r->from};
    TRY(sb_pread_source(b, m, inherited, &go.src));
    const char *k;
    json_t *v;
    json_object_foreach(m, k, v) {
        if (strcmp(k, "source") != 0 && !(k[0] >= '0' && k[0] <= '5' && k[1] == '\0')) {
            sb_pread_push_key(b, k);
            return sb_pread_err(b, "unknown grade '%.*s%s' (grades are \"0\" to \"5\")", SHOW(k));
        }
    }
    for (int g = 0; g < SB_LTC_GRADES; g++) {
        char gk[2] = {(char)('0' + g), '\0'};
        TRY(sb_pread_num(b, &go, gk, false, r->kind, &r->out->fen[g], &r->out->dec[g], &r->out->param[g]));
        if (sb_pread_has(&go, gk))
            r->out->set |= 1u << g;
    }
    if (!r->out->set)
        return sb_pread_err(b, "must give a value for at least one grade (\"0\" to \"5\")");
    return SHEBAO_OK;
}

/* A value per grade: {"3": "0.7", "5": {"value": "0.8", "source": "ID"}, "source": "ID"}. The map's own
 * "source" applies to its grades that carry none. (JSON_NULL: the body checks the type, with its own message.) */
static int ltc_read_gmap(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_pread_kind kind,
                         sb_ltc_gmap *out)
{
    ltc_gmap_room r = {kind, o->from, out};
    return sb_pread_sub(b, o, key, req, JSON_NULL, ltc_read_gmap_body, &r);
}

/* The bands of one domain being read. */
typedef struct ltc_domain {
    sb_ltc *L;
    int d;
} ltc_domain;

/* A band: levels by total, the first from 0, a higher min with a better (lower) level. */
static int ltc_read_band(sb_pread *b, const sb_pread_item *it, void *out)
{
    const ltc_domain *dom = out;
    sb_ltc_band *bd = &dom->L->bands[dom->d][it->i];
    TRY(sb_pread_e_int(b, it->e, "level", 0, SB_LTC_LEVELS - 1, &bd->level));
    size_t old = sb_pread_push_key(b, "min");
    TRY(sb_pread_v_int(b, json_object_get(it->e, "min"), 0, ltc_band_max[dom->d], &bd->min));
    if (it->i == 0 && bd->min != 0)
        return sb_pread_err(b, "the first band must start at 0, so that every total falls into a band");
    if (it->i > 0 && bd->min <= bd[-1].min)
        return sb_pread_err(b, "bands must be sorted by min, strictly ascending (%d after %d)", bd->min,
                            bd[-1].min);
    sb_pread_pop(b, old);
    if (it->i > 0 && bd->level >= bd[-1].level) {
        sb_pread_push_key(b, "level");
        return sb_pread_err(b, "a band with a higher min must have a better (lower) level (level %d after level %d)",
                            bd->level, bd[-1].level);
    }
    dom->L->nbands[dom->d] = it->i + 1;
    char text[48];
    snprintf(text, sizeof text, "level %d from %d", bd->level, bd->min);
    return sb_pread_here(b, "", text, it->src, &bd->param);
}

/* The bands of a domain (out: an ltc_domain), at most one a level. */
static int ltc_read_bands(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    static const char *const keys[] = {"level", "min", "source", NULL}, *const req[] = {"level", "min", NULL};
    static const sb_pread_shape shape = {"an object {\"level\", \"min\"}", keys, req};
    TRY(sb_pread_expect_array(b, arr, true));
    if (json_array_size(arr) > SB_LTC_LEVELS)
        return sb_pread_err(b, "at most %d bands (levels 0 to 3)", SB_LTC_LEVELS);
    return sb_pread_each(b, arr, &shape, inh, ltc_read_band, out);
}

/* The combination matrix v (the path at it) into L, and its text ("rows 0/1/...") into text. */
static int ltc_read_combination(sb_pread *b, json_t *v, sb_ltc *L, char *text, size_t size)
{
    if (!json_is_array(v) || json_array_size(v) != SB_LTC_LEVELS)
        return sb_pread_err(b, "must be 4 rows (ADL level 0 to 3) of 4 grades (column: the worse of the cognition "
                               "and perception levels)");
    snprintf(text, size, "rows ");
    for (size_t r = 0; r < SB_LTC_LEVELS; r++) {
        json_t *row = json_array_get(v, r);
        size_t old = sb_pread_push_idx(b, r);
        if (!json_is_array(row) || json_array_size(row) != SB_LTC_LEVELS)
            return sb_pread_err(b, "must be a row of 4 grades (0 to 5)");
        for (size_t c = 0; c < SB_LTC_LEVELS; c++) {
            size_t o2 = sb_pread_push_idx(b, c);
            TRY(sb_pread_v_int(b, json_array_get(row, c), 0, SB_LTC_GRADES - 1, &L->combination[r][c]));
            sb_pread_pop(b, o2);
            size_t len = strlen(text);
            snprintf(text + len, size - len, "%s%d", r > 0 && c == 0 ? "/" : "", L->combination[r][c]);
        }
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static int ltc_read_assessment(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"adl_bands", "cognition_bands", "perception_bands", "combination", "source",
                                       NULL};
    sb_ltc *L = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    L->has_assessment = true;
    for (int d = 0; d < SB_LTC_DOMAINS; d++) {
        ltc_domain dom = {L, d};
        TRY(sb_pread_sub(b, &o, ltc_band_keys[d], true, JSON_ARRAY, ltc_read_bands, &dom));
    }
    sb_pread_val f;
    TRY(sb_pread_field(b, &o, "combination", true, &f));
    if (!f.v)
        return SHEBAO_OK;
    char text[48];
    TRY(ltc_read_combination(b, f.v, L, text, sizeof text));
    return sb_pread_record(b, &o, &f, text, &L->p_combination);
}

static int ltc_read_eligibility(sb_pread *b, json_t *obj, const char *inh, void *out)
{
    static const char *const keys[] = {"min_grade", "min_disability_months", "waiting_months", "source", NULL};
    sb_ltc *L = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inh, NULL, &o));
    L->has_eligibility = true;
    TRY(sb_pread_int(b, &o, "min_grade", true, 0, SB_LTC_GRADES - 1, &L->min_grade, &L->p_min_grade));
    TRY(sb_pread_int(b, &o, "min_disability_months", true, 0, 1200, &L->min_disability_months,
                     &L->p_min_disability_months));
    TRY(sb_pread_int(b, &o, "waiting_months", true, 0, 1200, &L->waiting_months, &L->p_waiting_months));
    return SHEBAO_OK;
}

/* A part, a total or a sum of a group's funding as an exact rational q and as text (money or a canonical rate). */
static void ltc_part(bool rate, int64_t fen, sb_dec dec, mpq_t q, char *text, size_t size)
{
    if (rate) {
        sb_dec_to_q(q, dec);
        sb_dec_format(dec, text, size);
    } else {
        sb_mpz_set_i64(mpq_numref(q), fen);
        mpz_set_ui(mpq_denref(q), 1);
        shebao_money_format(fen, text, size);
    }
}

static void ltc_sum_text(bool rate, const mpq_t sum, char *text, size_t size)
{
    if (rate) {
        sb_q_format(sum, SB_DEC_MAX_SCALE, text, size);
        for (size_t n = strlen(text); n > 0 && text[n - 1] == '0'; n--) /* canonical: no trailing zeros */
            text[n - 1] = '\0';
        if (text[strlen(text) - 1] == '.')
            text[strlen(text) - 1] = '\0';
    } else {
        int64_t s = 0;
        (void)sb_mpz_get_i64(mpq_numref(sum), &s);
        shebao_money_format(s, text, size);
    }
}

/* The total and the payers' parts of a group's "fixed" or "rate" object fo (the path at it): at least one part,
 * and the parts add up to the total exactly when there is one. */
static int ltc_read_parts(sb_pread *b, const sb_pread_obj *fo, bool rate, sb_ltc_group *g)
{
    sb_pread_kind kind = rate ? SB_PREAD_RATE : SB_PREAD_AMOUNT;
    TRY(sb_pread_num(b, fo, "total", false, kind, &g->total_fen, &g->total_rate, &g->p_total));
    g->has_total = sb_pread_has(fo, "total");
    mpq_t sum, q;
    mpq_init(sum);
    mpq_init(q);
    char parts[300] = "";
    int rc = SHEBAO_OK;
    for (int p = 0; rc == SHEBAO_OK && p < SB_LTC_PAYERS; p++) {
        rc = sb_pread_num(b, fo, ltc_payer_keys[p], false, kind, &g->fen[p], &g->rate[p], &g->param[p]);
        if (rc != SHEBAO_OK || !sb_pread_has(fo, ltc_payer_keys[p]))
            continue;
        g->parts |= 1u << p;
        char text[48];
        ltc_part(rate, g->fen[p], g->rate[p], q, text, sizeof text);
        mpq_add(sum, sum, q);
        size_t len = strlen(parts);
        snprintf(parts + len, sizeof parts - len, "%s%s %s", len ? " + " : "", ltc_payer_keys[p], text);
    }
    if (rc == SHEBAO_OK && !g->parts)
        rc = sb_pread_err(b, "needs at least one part (individual, employer, medical_fund, fiscal, other)");
    if (rc == SHEBAO_OK && g->has_total) {
        char total[48], got[48];
        ltc_part(rate, g->total_fen, g->total_rate, q, total, sizeof total);
        ltc_sum_text(rate, sum, got, sizeof got);
        if (!mpq_equal(sum, q))
            rc = sb_pread_err(b, "the parts add up to %s (%s), not the total %s", got, parts, total);
    }
    mpq_clear(sum);
    mpq_clear(q);
    return rc;
}

/* The base of a "rate" group: floor at most the cap, and the rounding. */
static int ltc_read_base(sb_pread *b, const sb_pread_obj *fo, sb_ltc_group *g)
{
    TRY(sb_pread_num(b, fo, "base_floor", false, SB_PREAD_AMOUNT, &g->floor, NULL, &g->p_floor));
    g->has_floor = sb_pread_has(fo, "base_floor");
    TRY(sb_pread_num(b, fo, "base_cap", false, SB_PREAD_AMOUNT, &g->cap, NULL, &g->p_cap));
    g->has_cap = sb_pread_has(fo, "base_cap");
    if (g->has_floor && g->has_cap && g->floor > g->cap) {
        char fl[SHEBAO_MONEY_BUFSZ], ca[SHEBAO_MONEY_BUFSZ];
        shebao_money_format(g->floor, fl, sizeof fl);
        shebao_money_format(g->cap, ca, sizeof ca);
        return sb_pread_err(b, "base_floor %s is above base_cap %s", fl, ca);
    }
    int rounding = 0;
    TRY(sb_pread_name(b, fo, "rounding", false, sb_pread_rounding_names, &rounding, &g->p_rounding));
    g->has_rounding = sb_pread_has(fo, "rounding");
    g->rounding = (shebao_rounding)rounding;
    return SHEBAO_OK;
}

/* Insured group k of a funding entry: {"fixed": {...}} or {"rate": {...}}. */
static int ltc_read_group(sb_pread *b, json_t *obj, int k, const sb_pread_obj *in, void *entry)
{
    static const char *const keys[] = {"fixed", "rate", "source", NULL};
    static const char *const fixed_keys[] = {"total", "individual", "employer", "medical_fund", "fiscal", "other",
                                             "source", NULL};
    static const char *const rate_keys[] = {"base_floor", "base_cap", "total", "individual", "employer",
                                            "medical_fund", "fiscal", "other", "rounding", "source", NULL};
    sb_ltc_group *g = &((sb_ltc_funding *)entry)->group[k];
    TRY(sb_pread_expect_type(b, obj, JSON_OBJECT, "an object {\"fixed\": {...}} or {\"rate\": {...}}"));
    sb_pread_obj o, fo;
    TRY(sb_pread_open(b, obj, keys, in->src, in->from, &o));
    json_t *fixed = json_object_get(obj, "fixed"), *rate = json_object_get(obj, "rate");
    if ((fixed != NULL) == (rate != NULL))
        return sb_pread_err(b, "needs exactly one of \"fixed\" (yuan per person per year) or \"rate\" (rates on a "
                               "base)");
    g->present = true;
    g->is_rate = rate != NULL;
    json_t *f = rate ? rate : fixed;
    size_t old = sb_pread_push_key(b, rate ? "rate" : "fixed");
    TRY(sb_pread_expect_type(b, f, JSON_OBJECT, "an object"));
    TRY(sb_pread_open(b, f, rate ? rate_keys : fixed_keys, o.src, o.from, &fo));
    TRY(ltc_read_parts(b, &fo, rate != NULL, g));
    if (rate)
        TRY(ltc_read_base(b, &fo, g));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

/* Care mode k of a benefits entry (the keys and values each mode takes: docs/policy-format.md). */
static int ltc_read_mode(sb_pread *b, json_t *obj, int k, const sb_pread_obj *in, void *entry)
{
    static const char *const inst_keys[] = {"convention", "ratio", "daily_cap", "monthly_cap", "rounding", "source",
                                            NULL};
    static const char *const visit_keys[] = {"ratio", "hour_price_cap", "max_hours_month", "monthly_cap",
                                             "rounding", "source", NULL};
    static const char *const cash_keys[] = {"monthly", "rounding", "source", NULL};
    sb_ltc_mode *md = &((sb_ltc_benefits *)entry)->mode[k];
    TRY(sb_pread_expect_type(b, obj, JSON_OBJECT, "an object"));
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, k <= 1 ? inst_keys : k == 2 ? visit_keys : cash_keys, in->src, in->from, &o));
    md->present = true;
    if (k <= 1) {
        TRY(sb_pread_name(b, &o, "convention", true, ltc_convention_names, &md->convention, &md->p_convention));
        TRY(ltc_read_gmap(b, &o, "ratio", true, SB_PREAD_RATIO, &md->ratio));
        TRY(ltc_read_gmap(b, &o, "daily_cap", true, SB_PREAD_AMOUNT, &md->daily_cap));
        TRY(ltc_read_gmap(b, &o, "monthly_cap", false, SB_PREAD_AMOUNT, &md->monthly_cap));
    } else if (k == 2) {
        TRY(ltc_read_gmap(b, &o, "ratio", true, SB_PREAD_RATIO, &md->ratio));
        TRY(sb_pread_num(b, &o, "hour_price_cap", true, SB_PREAD_AMOUNT, &md->hour_price_cap, NULL,
                         &md->p_hour_price_cap));
        TRY(ltc_read_gmap(b, &o, "max_hours_month", true, SB_PREAD_HOURS, &md->max_hours));
        TRY(ltc_read_gmap(b, &o, "monthly_cap", false, SB_PREAD_AMOUNT, &md->monthly_cap));
    } else {
        TRY(ltc_read_gmap(b, &o, "monthly", true, SB_PREAD_AMOUNT, &md->monthly));
    }
    int rounding = 0;
    TRY(sb_pread_name(b, &o, "rounding", false, sb_pread_rounding_names, &rounding, &md->p_rounding));
    md->has_rounding = sb_pread_has(&o, "rounding");
    md->rounding = (shebao_rounding)rounding;
    return SHEBAO_OK;
}

/* A dated array [{"from", BODY, "source"}] (entries of that shape) whose BODY, member `body`, is an object (named
 * `body_what` in messages) with `body_keys`, keyed by `names` (at least one, else the message `none`), name k read
 * by read(b, v, k, body, entry). */
typedef struct ltc_dated {
    sb_pread_shape shape;
    const char *body, *body_what;
    const char *const *body_keys, *const *names;
    int (*read)(sb_pread *b, json_t *v, int k, const sb_pread_obj *in, void *entry);
    const char *none;
} ltc_dated;

/* `from` leads an entry of either dated array: ltc_read_dated finds it there. */
_Static_assert(offsetof(sb_ltc_funding, from) == 0 && offsetof(sb_ltc_benefits, from) == 0,
               "from leads a dated entry");

/* The body of entry e (the path at the entry), whose `from` is already read. */
static int ltc_read_body(sb_pread *b, json_t *e, const ltc_dated *d, const char *src, sb_month from, void *entry)
{
    char fm[8];
    sb_month_format(from, fm, sizeof fm); /* the entry's "from", as written (strict YYYY-MM) */
    json_t *body = json_object_get(e, d->body);
    size_t old = sb_pread_push_key(b, d->body);
    TRY(sb_pread_expect_type(b, body, JSON_OBJECT, d->body_what));
    sb_pread_obj o;
    TRY(sb_pread_open(b, body, d->body_keys, src, fm, &o));
    int found = 0;
    for (int k = 0; d->names[k]; k++) {
        json_t *v;
        TRY(sb_pread_lookup(b, &o, d->names[k], false, &v));
        if (!v)
            continue;
        size_t o2 = sb_pread_push_key(b, d->names[k]);
        TRY(d->read(b, v, k, &o, entry));
        sb_pread_pop(b, o2);
        found++;
    }
    if (!found)
        return sb_pread_err(b, "%s", sb_tr(b->ctx, d->none));
    sb_pread_pop(b, old);
    return SHEBAO_OK;
}

/* A dated array d being read: its entries go into room (entries of `size` bytes, `from` first), *count of them. */
typedef struct ltc_dated_room {
    const ltc_dated *d;
    char *room;
    size_t size, *count;
} ltc_dated_room;

static int ltc_read_dated_entry(sb_pread *b, const sb_pread_item *it, void *out)
{
    const ltc_dated_room *r = out;
    char *entry = r->room + it->i * r->size;
    sb_month *from = (sb_month *)entry, prev = it->i > 0 ? *(sb_month *)(entry - r->size) : -1;
    TRY(sb_pread_from(b, it->e, prev, from));
    *r->count = it->i + 1;
    return ltc_read_body(b, it->e, r->d, it->src, *from, entry);
}

static const char *const ltc_funding_keys[] = {"from", "groups", "source", NULL},
                         *const ltc_funding_req[] = {"from", "groups", NULL},
                         *const ltc_groups_keys[] = {"employee", "retiree", "resident", "minor", "assisted", "source",
                                                     NULL};
static const ltc_dated ltc_funding_dated = {
    .shape = {"an object {\"from\", \"groups\"}", ltc_funding_keys, ltc_funding_req},
    .body = "groups", .body_what = "an object keyed by insured group", .body_keys = ltc_groups_keys,
    .names = ltc_group_keys, .read = ltc_read_group,
    .none = SB_N_("needs at least one insured group (employee, retiree, resident, minor, assisted)")};

static const char *const ltc_benefits_keys[] = {"from", "modes", "source", NULL},
                         *const ltc_benefits_req[] = {"from", "modes", NULL},
                         *const ltc_modes_keys[] = {"institution", "medical_institution", "home_visit", "home_cash",
                                                    "source", NULL};
static const ltc_dated ltc_benefits_dated = {
    .shape = {"an object {\"from\", \"modes\"}", ltc_benefits_keys, ltc_benefits_req},
    .body = "modes", .body_what = "an object keyed by care mode", .body_keys = ltc_modes_keys,
    .names = ltc_mode_keys, .read = ltc_read_mode,
    .none = SB_N_("needs at least one care mode (institution, medical_institution, home_visit, home_cash)")};

/* The dated array arr of d: a new list of entries of `size` bytes, returned even when an entry is refused (the
 * policy owns and frees it), *count of them read; *rc says whether all were. NULL (with *rc) when none is made. */
static void *ltc_read_dated_list(sb_pread *b, json_t *arr, const char *inh, const ltc_dated *d, size_t size,
                                 size_t *count, int *rc)
{
    char *list = sb_pread_list(b, arr, true, size, rc);
    if (!list)
        return NULL;
    ltc_dated_room r = {d, list, size, count};
    *rc = sb_pread_each(b, arr, &d->shape, inh, ltc_read_dated_entry, &r);
    return list;
}

static int ltc_read_funding(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    sb_ltc *L = out;
    int rc;
    L->funding = ltc_read_dated_list(b, arr, inh, &ltc_funding_dated, sizeof *L->funding, &L->nfunding, &rc);
    return rc;
}

static int ltc_read_benefits(sb_pread *b, json_t *arr, const char *inh, void *out)
{
    sb_ltc *L = out;
    int rc;
    L->benefits = ltc_read_dated_list(b, arr, inh, &ltc_benefits_dated, sizeof *L->benefits, &L->nbenefits, &rc);
    return rc;
}

int sb_policy_ltc_read(sb_pread *b, json_t *obj, const char *inherited, void *out)
{
    static const char *const keys[] = {"assessment", "funding", "eligibility", "benefits", "source", NULL};
    sb_ltc *L = out;
    sb_pread_obj o;
    TRY(sb_pread_open(b, obj, keys, inherited, NULL, &o));
    L->present = true;
    TRY(sb_pread_sub(b, &o, "assessment", false, JSON_OBJECT, ltc_read_assessment, L));
    TRY(sb_pread_sub(b, &o, "funding", false, JSON_ARRAY, ltc_read_funding, L));
    TRY(sb_pread_sub(b, &o, "eligibility", false, JSON_OBJECT, ltc_read_eligibility, L));
    TRY(sb_pread_sub(b, &o, "benefits", false, JSON_ARRAY, ltc_read_benefits, L));
    return SHEBAO_OK;
}
