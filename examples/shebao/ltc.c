/* shebao ltc assess | benefit | fund | cost: long-term care insurance (长期护理保险). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* ---- small parsers ------------------------------------------------------------------------------------------ */

/* The n bytes at s as a whole number lo..hi (0 <= lo <= hi < 10^12): digits only, leading zeros, however many,
 * adding nothing. */
static bool ltc_int_n(const char *s, size_t n, long long lo, long long hi, long long *out)
{
    size_t i = 0;
    while (i < n && s[i] == '0')
        i++;
    if (n == 0 || n - i > 12) /* (twelve significant digits cannot overflow, and more exceed hi) */
        return false;
    long long v = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool ltc_int(const char *s, long long lo, long long hi, long long *out)
{
    return ltc_int_n(s, strlen(s), lo, hi, out);
}

static bool ltc_month(const char *s, int *y, int *m)
{
    if (strlen(s) != 7 || s[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    return *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12;
}

static int bad_value(const char *opt, const char *v, const char *expected)
{
    cli_err("--%s '%.40s': expected %s", opt, v, expected);
    return EXIT_INPUT;
}

/* A money option: a plain amount, not negative. */
static int money_opt(shebao_ctx *ctx, const char *opt, const char *v, shebao_fen *out)
{
    int rc = shebao_money_parse(ctx, v, out);
    if (rc != SHEBAO_OK || *out < 0) {
        cli_err("--%s '%.40s': %s", opt, v,
                rc != SHEBAO_OK ? shebao_ctx_errmsg(ctx) : "must not be negative");
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* "10,10,5,..." → scores; the library checks the number of items and each item's allowed values. */
static int parse_items(const char *domain, const char *v, int **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!*v)
        return EXIT_OK;
    size_t count = 1;
    for (const char *p = v; *p; p++)
        count += *p == ',';
    int *items = malloc(count * sizeof *items);
    if (!items) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    const char *p = v;
    for (size_t i = 0; i < count; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        long long x;
        if (!ltc_int_n(p, len, 0, 999, &x)) { /* the item read in place, whole; quoted by its first 20 bytes */
            cli_err("%s item %zu '%.*s' is not a whole number", domain, i + 1, (int)(len > 20 ? 20 : len), p);
            free(items);
            return EXIT_INPUT;
        }
        items[i] = (int)x;
        p = end ? end + 1 : p + len;
    }
    *out = items;
    *n = count;
    return EXIT_OK;
}

/* ---- output helpers ----------------------------------------------------------------------------------------- */

static json_t *jmoney(shebao_fen f)
{
    char b[SHEBAO_MONEY_BUFSZ];
    shebao_money_format(f, b, sizeof b);
    return json_string(b);
}

static const char *money(shebao_fen f, char b[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(f, b, SHEBAO_MONEY_BUFSZ);
    return b;
}

/* The "assumptions" member, as the library writes it (shebao_ltc_assumptions_to_json). NULL when out of memory. */
static json_t *jnotes(const shebao_ltc_assumptions *notes)
{
    char *text = NULL;
    if (shebao_ltc_assumptions_to_json(notes, &text) != SHEBAO_OK)
        return NULL;
    json_t *as = json_loads(text, 0, NULL);
    shebao_free(text);
    return as;
}

static int print_json(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text) {
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    cli_puts(text);
    free(text);
    return EXIT_OK;
}

static void print_notes(const shebao_ltc_assumptions *notes)
{
    size_t n = shebao_ltc_assumption_count(notes);
    if (!n)
        return;
    printf("\n非官方数值 This result rests on %zu non-official value(s):\n", n);
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        shebao_ltc_assumption(notes, i, &q);
        cli_print_param(&q);
    }
}

static void label(const char *zh, const char *en)
{
    printf("  ");
    cli_pad(stdout, zh, 18, false);
    printf("%-16s", en);
}

/* Options every subcommand takes. Returns 1 when consumed, 0 when not, or -exit on an error. */
static int common_opt(cli_args *a, const char **file, const char **region, bool *json)
{
    const char *v;
    if (strcmp(a->name, "policy") == 0 || strcmp(a->name, "region") == 0 || strcmp(a->name, "format") == 0) {
        if (!(v = cli_value(a)))
            return -EXIT_USAGE;
        if (a->name[0] == 'p')
            *file = v;
        else if (a->name[0] == 'r')
            *region = v;
        else if (strcmp(v, "json") == 0 || strcmp(v, "table") == 0)
            *json = strcmp(v, "json") == 0;
        else
            return -cli_usage("--format must be table or json, not '%s'", v);
        return 1;
    }
    return 0;
}

typedef struct run {
    shebao_policy *pol;
    shebao_ltc_assumptions *notes;
} run;

static int start(shebao_ctx *ctx, const char *file, const char *region, run *r)
{
    r->pol = NULL;
    r->notes = NULL;
    if (file && region)
        return cli_usage("give --region or --policy, not both");
    int rc = cli_load_policy(ctx, file, region, &r->pol);
    if (rc != SHEBAO_OK)
        return cli_fail(ctx, rc);
    if (shebao_ltc_assumptions_new(&r->notes) != SHEBAO_OK) {
        shebao_policy_free(r->pol);
        fputs("shebao: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

static int finish(run *r, int code)
{
    shebao_ltc_assumptions_free(r->notes);
    shebao_policy_free(r->pol);
    return code;
}

/* ---- assess ------------------------------------------------------------------------------------------------- */

static int ltc_assess(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *lists[3] = {NULL, NULL, NULL};
    static const char *const names[3] = {"adl", "cognition", "perception"};
    bool json = false;
    cli_args a;
    cli_args_init(&a, argc, argv, 3);
    while (cli_next(&a)) {
        if (!a.name)
            return cli_usage("ltc assess: unexpected argument '%s'", a.value);
        int c = common_opt(&a, &file, &region, &json);
        if (c < 0)
            return -c;
        if (c)
            continue;
        int d = strcmp(a.name, "adl") == 0 ? 0 : strcmp(a.name, "cognition") == 0 ? 1
              : strcmp(a.name, "perception") == 0 ? 2 : -1;
        if (d < 0)
            return cli_usage("unknown option --%s for ltc assess", a.name);
        if (!(lists[d] = cli_value(&a)))
            return EXIT_USAGE;
    }
    for (int d = 0; d < 3; d++)
        if (!lists[d])
            return cli_usage("ltc assess needs --adl, --cognition and --perception (comma-separated item scores)");
    int *items[3] = {NULL, NULL, NULL};
    size_t n[3] = {0, 0, 0};
    int code = EXIT_OK;
    for (int d = 0; d < 3 && code == EXIT_OK; d++)
        code = parse_items(names[d], lists[d], &items[d], &n[d]);
    run r = {NULL, NULL};
    if (code == EXIT_OK)
        code = start(ctx, file, region, &r);
    if (code == EXIT_OK) {
        shebao_ltc_assessment as;
        shebao_ltc_scores sc = SHEBAO_LTC_SCORES_INIT;
        sc.adl = items[0];
        sc.n_adl = n[0];
        sc.cognition = items[1];
        sc.n_cognition = n[1];
        sc.perception = items[2];
        sc.n_perception = n[2];
        int rc = shebao_ltc_assess(ctx, r.pol, &sc, &as, r.notes);
        if (rc != SHEBAO_OK) {
            code = cli_fail(ctx, rc);
        } else if (json) {
            json_t *root = json_object(), *lv = json_object();
            json_object_set_new(root, "policy", json_string(shebao_policy_id(r.pol)));
            json_object_set_new(root, "adl", json_integer(as.adl));
            json_object_set_new(root, "cognition", json_integer(as.cognition));
            json_object_set_new(root, "perception", json_integer(as.perception));
            json_object_set_new(lv, "adl", json_integer(as.adl_level));
            json_object_set_new(lv, "cognition", json_integer(as.cognition_level));
            json_object_set_new(lv, "perception", json_integer(as.perception_level));
            json_object_set_new(root, "levels", lv);
            json_object_set_new(root, "grade", json_integer(as.grade));
            json_object_set_new(root, "grade_name", json_string(shebao_ltc_grade_name(as.grade)));
            json_object_set_new(root, "assumptions", jnotes(r.notes));
            code = print_json(root);
        } else {
            printf("policy %s (%s)\n\n", shebao_policy_id(r.pol), shebao_policy_lineage(r.pol));
            printf("失能等级评估 Disability assessment (长期护理失能等级评估标准 2021)\n");
            label("日常生活活动能力", "ADL");
            printf("%4d   level %d %s\n", as.adl, as.adl_level, shebao_ltc_level_name(as.adl_level));
            label("认知能力", "cognition");
            printf("%4d   level %d %s\n", as.cognition, as.cognition_level,
                   shebao_ltc_level_name(as.cognition_level));
            label("感知觉与沟通能力", "perception");
            printf("%4d   level %d %s\n", as.perception, as.perception_level,
                   shebao_ltc_level_name(as.perception_level));
            label("失能等级", "grade");
            printf("%4d   %s\n", as.grade, shebao_ltc_grade_name(as.grade));
            print_notes(r.notes);
        }
        finish(&r, code);
    }
    for (int d = 0; d < 3; d++)
        free(items[d]);
    return code;
}

/* ---- benefit ------------------------------------------------------------------------------------------------ */

static int ltc_benefit(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *month = NULL;
    bool json = false, have_grade = false, have_mode = false;
    shebao_ltc_claim c = SHEBAO_LTC_CLAIM_INIT;
    cli_args a;
    cli_args_init(&a, argc, argv, 3);
    while (cli_next(&a)) {
        if (!a.name)
            return cli_usage("ltc benefit: unexpected argument '%s'", a.value);
        int k = common_opt(&a, &file, &region, &json);
        if (k < 0)
            return -k;
        if (k)
            continue;
        const char *v = cli_value(&a);
        long long x;
        if (!v)
            return EXIT_USAGE;
        if (strcmp(a.name, "grade") == 0) {
            if (!ltc_int(v, 0, 5, &x))
                return bad_value(a.name, v, "a grade 0-5");
            c.grade = (int)x;
            have_grade = true;
        } else if (strcmp(a.name, "mode") == 0) {
            if (shebao_ltc_mode_from_name(v, &c.mode) != SHEBAO_OK)
                return bad_value(a.name, v, "institution, medical_institution, home_visit or home_cash");
            have_mode = true;
        } else if (strcmp(a.name, "month") == 0) {
            if (!ltc_month(v, &c.year, &c.month))
                return bad_value(a.name, v, "YYYY-MM (year 1900-2199, month 01-12)");
            month = v;
        } else if (strcmp(a.name, "days") == 0) {
            if (!ltc_int(v, 0, 31, &x))
                return bad_value(a.name, v, "a number of days 0-31");
            c.care_days = (int)x;
        } else if (strcmp(a.name, "hospital-days") == 0) {
            if (!ltc_int(v, 0, 31, &x))
                return bad_value(a.name, v, "a number of days 0-31");
            c.hospital_days = (int)x;
        } else if (strcmp(a.name, "cost") == 0 || strcmp(a.name, "price") == 0) {
            int e = money_opt(ctx, a.name, v, a.name[0] == 'c' ? &c.cost : &c.price);
            if (e != EXIT_OK)
                return e;
        } else if (strcmp(a.name, "hours") == 0) {
            c.hours = v;
        } else if (strcmp(a.name, "disability-months") == 0 || strcmp(a.name, "insured-months") == 0) {
            if (!ltc_int(v, 0, 1200, &x))
                return bad_value(a.name, v, "a number of months 0-1200");
            if (a.name[0] == 'd')
                c.disability_months = (int)x;
            else
                c.insured_months = (int)x;
        } else {
            return cli_usage("unknown option --%s for ltc benefit", a.name);
        }
    }
    if (!have_grade || !have_mode || !month)
        return cli_usage("ltc benefit needs --grade N, --mode MODE and --month YYYY-MM");
    run r;
    int code = start(ctx, file, region, &r);
    if (code != EXIT_OK)
        return code;
    shebao_ltc_benefit b = SHEBAO_LTC_BENEFIT_INIT;
    int rc = shebao_ltc_benefit_month(ctx, r.pol, &c, &b, r.notes);
    if (rc != SHEBAO_OK)
        return finish(&r, cli_fail(ctx, rc));
    const char *binding = b.binding == SHEBAO_LTC_LIMIT_NONE ? NULL : shebao_ltc_limit_name(b.binding);
    static const shebao_ltc_limit all[] = {SHEBAO_LTC_LIMIT_DAILY_CAP, SHEBAO_LTC_LIMIT_HOURS,
                                           SHEBAO_LTC_LIMIT_PRICE, SHEBAO_LTC_LIMIT_MONTHLY_CAP};
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ], m3[SHEBAO_MONEY_BUFSZ];
    if (json) {
        json_t *root = json_object(), *lim = json_array();
        json_object_set_new(root, "policy", json_string(shebao_policy_id(r.pol)));
        json_object_set_new(root, "month", json_string(month));
        json_object_set_new(root, "grade", json_integer(c.grade));
        json_object_set_new(root, "grade_name", json_string(shebao_ltc_grade_name(c.grade)));
        json_object_set_new(root, "mode", json_string(shebao_ltc_mode_name(c.mode)));
        json_object_set_new(root, "benefits_from", b.from[0] ? json_string(b.from) : json_null());
        json_object_set_new(root, "eligible", json_boolean(b.eligible));
        json_object_set_new(root, "reason", b.eligible ? json_null() : json_string(b.reason_text));
        json_object_set_new(root, "days_in_month", json_integer(b.days_in_month));
        json_object_set_new(root, "care_days", json_integer(b.care_days));
        json_object_set_new(root, "eligible_days", json_integer(b.eligible_days));
        json_object_set_new(root, "cost", c.mode == SHEBAO_LTC_HOME_CASH ? json_null() : jmoney(b.cost));
        json_object_set_new(root, "fund_pays", jmoney(b.fund_pays));
        json_object_set_new(root, "self_pays", jmoney(b.self_pays));
        json_object_set_new(root, "binding", binding ? json_string(binding) : json_null());
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            if (b.limits & all[i])
                json_array_append_new(lim, json_string(shebao_ltc_limit_name(all[i])));
        json_object_set_new(root, "limits", lim);
        json_object_set_new(root, "assumptions", jnotes(r.notes));
        return finish(&r, print_json(root));
    }
    printf("policy %s (%s)\n\n", shebao_policy_id(r.pol), shebao_policy_lineage(r.pol));
    printf("长期护理保险待遇 Long-term care benefit, %s: grade %d %s, %s\n", month, c.grade,
           shebao_ltc_grade_name(c.grade), shebao_ltc_mode_name(c.mode));
    if (!b.eligible) {
        printf("  不符合享受条件 Not eligible: %s\n", b.reason_text);
    } else {
        printf("  rules in force from %s\n", b.from);
    }
    label("享受天数", "eligible days");
    printf("%12d   (%d days of care − %d in hospital; %d days in the month)\n", b.eligible_days, b.care_days,
           c.hospital_days, b.days_in_month);
    if (c.mode != SHEBAO_LTC_HOME_CASH) {
        label("费用", "cost");
        printf("%12s\n", money(b.cost, m1));
    }
    label("基金支付", "fund pays");
    printf("%12s%s%s\n", money(b.fund_pays, m2), binding ? "   limit: " : "", binding ? binding : "");
    if (c.mode != SHEBAO_LTC_HOME_CASH) {
        label("个人负担", "self pays");
        printf("%12s\n", money(b.self_pays, m3));
    }
    print_notes(r.notes);
    return finish(&r, EXIT_OK);
}

/* ---- fund --------------------------------------------------------------------------------------------------- */

static int ltc_fund(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *month = NULL;
    bool json = false, have_group = false;
    shebao_ltc_group group = SHEBAO_LTC_RESIDENT;
    long long count = 1;
    shebao_fen base = SHEBAO_UNSET;
    int year = 0, mon = 0;
    cli_args a;
    cli_args_init(&a, argc, argv, 3);
    while (cli_next(&a)) {
        if (!a.name)
            return cli_usage("ltc fund: unexpected argument '%s'", a.value);
        int k = common_opt(&a, &file, &region, &json);
        if (k < 0)
            return -k;
        if (k)
            continue;
        const char *v = cli_value(&a);
        if (!v)
            return EXIT_USAGE;
        if (strcmp(a.name, "group") == 0) {
            if (shebao_ltc_group_from_name(v, &group) != SHEBAO_OK)
                return bad_value(a.name, v, "employee, retiree, resident, minor or assisted");
            have_group = true;
        } else if (strcmp(a.name, "month") == 0) {
            if (!ltc_month(v, &year, &mon))
                return bad_value(a.name, v, "YYYY-MM (year 1900-2199, month 01-12)");
            month = v;
        } else if (strcmp(a.name, "count") == 0) {
            if (!ltc_int(v, 0, 10000000000LL, &count))
                return bad_value(a.name, v, "a number of persons 0-10000000000");
        } else if (strcmp(a.name, "base") == 0) {
            int e = money_opt(ctx, a.name, v, &base);
            if (e != EXIT_OK)
                return e;
        } else {
            return cli_usage("unknown option --%s for ltc fund", a.name);
        }
    }
    if (!have_group || !month)
        return cli_usage("ltc fund needs --group GROUP and --month YYYY-MM");
    run r;
    int code = start(ctx, file, region, &r);
    if (code != EXIT_OK)
        return code;
    shebao_ltc_funding f = SHEBAO_LTC_FUNDING_INIT;
    int rc = shebao_ltc_fund(ctx, r.pol, group, year, mon, count, base, &f, r.notes);
    if (rc != SHEBAO_OK)
        return finish(&r, cli_fail(ctx, rc));
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ];
    const char *limited = f.base_limited < 0 ? "floor" : f.base_limited > 0 ? "cap" : NULL;
    if (json) {
        json_t *root = json_object(), *pp = json_object(), *tt = json_object();
        json_object_set_new(root, "policy", json_string(shebao_policy_id(r.pol)));
        json_object_set_new(root, "group", json_string(shebao_ltc_group_name(group)));
        json_object_set_new(root, "month", json_string(month));
        json_object_set_new(root, "funding_from", json_string(f.from));
        json_object_set_new(root, "basis", json_string(f.is_rate ? "rate" : "fixed"));
        json_object_set_new(root, "period", json_string(f.is_rate ? "month" : "year"));
        json_object_set_new(root, "base", f.is_rate ? jmoney(f.base) : json_null());
        json_object_set_new(root, "base_limited", limited ? json_string(limited) : json_null());
        json_object_set_new(root, "count", json_integer(f.count));
        for (int p = 0; p < SHEBAO_LTC_PAYERS; p++)
            if (f.payers & (1u << p)) {
                json_object_set_new(pp, shebao_ltc_payer_name((shebao_ltc_payer)p), jmoney(f.per_person[p]));
                json_object_set_new(tt, shebao_ltc_payer_name((shebao_ltc_payer)p), jmoney(f.total[p]));
            }
        json_object_set_new(pp, "total", jmoney(f.per_person_total));
        json_object_set_new(tt, "total", jmoney(f.total_all));
        json_object_set_new(root, "per_person", pp);
        json_object_set_new(root, "total", tt);
        json_object_set_new(root, "assumptions", jnotes(r.notes));
        return finish(&r, print_json(root));
    }
    printf("policy %s (%s)\n\n", shebao_policy_id(r.pol), shebao_policy_lineage(r.pol));
    printf("长期护理保险筹资 Long-term care funding, %s, group %s (rules from %s)\n", month,
           shebao_ltc_group_name(group), f.from);
    if (f.is_rate)
        printf("  rates on a monthly base of %s%s%s; amounts per month\n", money(f.base, m1),
               limited ? ", limited by the " : "", limited ? limited : "");
    else
        printf("  fixed amounts per person per year\n");
    printf("  %-14s %16s %20s\n", "payer", "per person", "× count");
    for (int p = 0; p < SHEBAO_LTC_PAYERS; p++)
        if (f.payers & (1u << p))
            printf("  %-14s %16s %20s\n", shebao_ltc_payer_name((shebao_ltc_payer)p), money(f.per_person[p], m1),
                   money(f.total[p], m2));
    printf("  %-14s %16s %20s   (count %lld)\n", "total", money(f.per_person_total, m1), money(f.total_all, m2),
           f.count);
    print_notes(r.notes);
    return finish(&r, EXIT_OK);
}

/* ---- cost --------------------------------------------------------------------------------------------------- */

static int ltc_cost(shebao_ctx *ctx, int argc, char **argv)
{
    const char *file = NULL, *region = NULL, *from = NULL;
    bool json = false, have_n = false;
    shebao_ltc_cost_input in = SHEBAO_LTC_COST_INPUT_INIT;
    cli_args a;
    cli_args_init(&a, argc, argv, 3);
    while (cli_next(&a)) {
        if (!a.name)
            return cli_usage("ltc cost: unexpected argument '%s'", a.value);
        int k = common_opt(&a, &file, &region, &json);
        if (k < 0)
            return -k;
        if (k)
            continue;
        const char *v = cli_value(&a);
        long long x;
        if (!v)
            return EXIT_USAGE;
        if (strcmp(a.name, "beneficiaries") == 0) {
            if (!ltc_int(v, 0, 10000000000LL, &in.beneficiaries))
                return bad_value(a.name, v, "a number of persons 0-10000000000");
            have_n = true;
        } else if (strcmp(a.name, "grade-mix") == 0) {
            in.grade_mix = v;
        } else if (strcmp(a.name, "mode-mix") == 0) {
            in.mode_mix = v;
        } else if (strcmp(a.name, "months") == 0) {
            if (!ltc_int(v, 1, 1200, &x))
                return bad_value(a.name, v, "a number of months 1-1200");
            in.months = (int)x;
        } else if (strcmp(a.name, "from") == 0) {
            if (!ltc_month(v, &in.from_year, &in.from_month))
                return bad_value(a.name, v, "YYYY-MM (year 1900-2199, month 01-12)");
            from = v;
        } else if (strcmp(a.name, "cost") == 0 || strcmp(a.name, "price") == 0) {
            int e = money_opt(ctx, a.name, v, a.name[0] == 'c' ? &in.cost : &in.price);
            if (e != EXIT_OK)
                return e;
        } else if (strcmp(a.name, "hours") == 0) {
            in.hours = v;
        } else if (strcmp(a.name, "hospital-days") == 0) {
            if (!ltc_int(v, 0, 31, &x))
                return bad_value(a.name, v, "a number of days 0-31");
            in.hospital_days = (int)x;
        } else {
            return cli_usage("unknown option --%s for ltc cost", a.name);
        }
    }
    if (!have_n || !in.grade_mix || !in.mode_mix || !from)
        return cli_usage("ltc cost needs --beneficiaries N, --grade-mix G:S,..., --mode-mix MODE:S,... and --from "
                         "YYYY-MM");
    run r;
    int code = start(ctx, file, region, &r);
    if (code != EXIT_OK)
        return code;
    shebao_ltc_cost est = SHEBAO_LTC_COST_INIT;
    int rc = shebao_ltc_cost_estimate(ctx, r.pol, &in, &est, r.notes);
    if (rc != SHEBAO_OK)
        return finish(&r, cli_fail(ctx, rc));
    char m1[SHEBAO_MONEY_BUFSZ], m2[SHEBAO_MONEY_BUFSZ];
    if (json) {
        json_t *root = json_object(), *cells = json_array();
        json_object_set_new(root, "policy", json_string(shebao_policy_id(r.pol)));
        json_object_set_new(root, "from", json_string(from));
        json_object_set_new(root, "months", json_integer(in.months));
        json_object_set_new(root, "beneficiaries", json_integer(in.beneficiaries));
        for (size_t i = 0; i < est.ncells; i++) {
            const shebao_ltc_cost_cell *c = &est.cells[i];
            json_t *o = json_object();
            json_object_set_new(o, "grade", json_integer(c->grade));
            json_object_set_new(o, "grade_name", json_string(shebao_ltc_grade_name(c->grade)));
            json_object_set_new(o, "mode", json_string(shebao_ltc_mode_name(c->mode)));
            json_object_set_new(o, "persons", json_string(c->persons));
            json_object_set_new(o, "eligible", json_boolean(c->eligible));
            json_object_set_new(o, "per_person", jmoney(c->per_person));
            json_object_set_new(o, "total", jmoney(c->total));
            json_array_append_new(cells, o);
        }
        json_object_set_new(root, "cells", cells);
        json_object_set_new(root, "total", jmoney(est.total));
        json_object_set_new(root, "assumptions", jnotes(r.notes));
        return finish(&r, print_json(root));
    }
    printf("policy %s (%s)\n\n", shebao_policy_id(r.pol), shebao_policy_lineage(r.pol));
    printf("长期护理保险基金支出估算 Fund spending estimate: %lld beneficiaries, %d month(s) from %s\n",
           in.beneficiaries, in.months, from);
    printf("  %-5s %-20s %16s %16s %20s\n", "grade", "mode", "persons", "per person", "total");
    for (size_t i = 0; i < est.ncells; i++) {
        const shebao_ltc_cost_cell *c = &est.cells[i];
        printf("  %-5d %-20s %16s %16s %20s%s\n", c->grade, shebao_ltc_mode_name(c->mode), c->persons,
               money(c->per_person, m1), money(c->total, m2), c->eligible ? "" : "   (below min_grade)");
    }
    printf("  %-5s %-20s %16s %16s %20s\n", "total", "", "", "", money(est.total, m1));
    print_notes(r.notes);
    return finish(&r, EXIT_OK);
}

int cmd_ltc(shebao_ctx *ctx, int argc, char **argv)
{
    if (argc < 3)
        return cli_usage("ltc needs a subcommand: assess, benefit, fund or cost");
    if (strcmp(argv[2], "assess") == 0)
        return ltc_assess(ctx, argc, argv);
    if (strcmp(argv[2], "benefit") == 0)
        return ltc_benefit(ctx, argc, argv);
    if (strcmp(argv[2], "fund") == 0)
        return ltc_fund(ctx, argc, argv);
    if (strcmp(argv[2], "cost") == 0)
        return ltc_cost(ctx, argc, argv);
    return cli_usage("unknown ltc subcommand '%s'", argv[2]);
}
