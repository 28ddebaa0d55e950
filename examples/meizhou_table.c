/* Teaching example 3: the official 梅州 (Meizhou, Guangdong) table, reproduced exactly.
 *
 * Source: "梅州城乡居民养老保险档次表及待遇测算表" (docs/sources.md#meizhou-table). The table pays each grade for 15 years,
 * with no interest and no subsidy ("未含个人账户利息、财政缴费补贴等金额") and the 2020 base pension of 170 yuan:
 *
 *     account pension = fen_half_up(15 × grade / 139)
 *     monthly total   = 170 + account pension
 *
 * We write that as a small policy (no interest, no subsidy, no years pension), compare its eight grades for 15
 * years, and check every figure of every row against the printed table. The program exits with 1 on any
 * difference, so `make check` fails if the library ever stops reproducing the table.
 *
 * Build and run: make, then build/examples/meizhou_table. See docs/teaching.md. */
#include <stdio.h>
#include <string.h>

#include <shebao.h>

#include "common.h" /* ex_open(), ex_person(), ex_compare_options(), ex_close() */

static const char meizhou_policy[] =
    "{\"schema\": \"shebao-policy/1\", \"id\": \"meizhou-table\", \"name\": \"梅州 table (no interest, no subsidy)\","
    " \"sources\": {\"MZ\": {\"title\": \"梅州城乡居民养老保险档次表及待遇测算表\", \"status\": \"secondary\"}},"
    " \"resident_pension\": {\"scheme_start\": \"2010-01\", \"claim_age\": 60, \"benefit_start_offset_months\": 1,"
    "  \"min_years\": 15, \"account_divisor\": \"139\","
    "  \"base_pension\": [{\"from\": \"2020-01\", \"value\": \"170\", \"source\": \"MZ\"}],"
    "  \"grades\": [{\"from\": \"2000-01\", \"source\": \"MZ\", \"table\": ["
    "    {\"grade\": \"180\", \"subsidy\": \"0\"}, {\"grade\": \"240\", \"subsidy\": \"0\"},"
    "    {\"grade\": \"360\", \"subsidy\": \"0\"}, {\"grade\": \"600\", \"subsidy\": \"0\"},"
    "    {\"grade\": \"900\", \"subsidy\": \"0\"}, {\"grade\": \"1800\", \"subsidy\": \"0\"},"
    "    {\"grade\": \"3600\", \"subsidy\": \"0\"}, {\"grade\": \"4800\", \"subsidy\": \"0\"}]}],"
    "  \"backpay\": {\"max_grade\": \"4800\", \"subsidised\": false, \"counts_for_years_pension\": true},"
    "  \"years_pension\": [],"
    "  \"interest\": {\"method\": \"year_end\", \"rounding\": \"fen_half_up\", \"rates\": [],"
    "   \"assumed_future_rate\": \"0\", \"after_claim\": false},"
    "  \"funeral_grant_months\": 0}}";

/* The printed table: grade, 15-year total, base, account pension, monthly total (元). */
static const struct {
    const char *grade, *paid, *base, *account, *total;
} table[] = {
    {"180.00", "2700.00", "170.00", "19.42", "189.42"},     {"240.00", "3600.00", "170.00", "25.90", "195.90"},
    {"360.00", "5400.00", "170.00", "38.85", "208.85"},     {"600.00", "9000.00", "170.00", "64.75", "234.75"},
    {"900.00", "13500.00", "170.00", "97.12", "267.12"},    {"1800.00", "27000.00", "170.00", "194.24", "364.24"},
    {"3600.00", "54000.00", "170.00", "388.49", "558.49"},  {"4800.00", "72000.00", "170.00", "517.99", "687.99"},
};

static int check(const char *what, const char *row, const char *got, const char *want)
{
    if (strcmp(got, want) == 0)
        return 0;
    fprintf(stderr, "meizhou_table: grade %s: %s is %s, the table says %s\n", row, what, got, want);
    return 1;
}

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_comparison *c = NULL;
    int bad = 0;
    if (ex_open(NULL, &ctx, &pol) != 0)
        goto fail;
    if (shebao_policy_load_string(ctx, meizhou_policy, "meizhou.json", &pol) != SHEBAO_OK)
        goto fail;
    /* someone born in January 1960 pays 2005-2019 and claims in 2020-02, when the base pension was 170 */
    shebao_person pe = ex_person(1960, 1);
    pe.mortality = SHEBAO_MORTALITY_NONE;
    static const int fifteen[] = {15};
    shebao_compare_options opt = ex_compare_options(2005, fifteen, 1);
    if (shebao_compare(ctx, pol, &pe, &opt, &c) != SHEBAO_OK)
        goto fail;
    size_t n = sizeof table / sizeof table[0];
    if (shebao_comparison_grade_count(c) != n) {
        fprintf(stderr, "meizhou_table: %zu grades compared, the table has %zu\n", shebao_comparison_grade_count(c), n);
        bad = 1;
        n = 0;
    }
    printf("grade     15 years    base   account     total   (梅州 table, no interest, no subsidy)\n");
    for (size_t i = 0; i < n; i++) {
        const shebao_projection *p = shebao_comparison_projection(c, i, 0);
        shebao_fen grade = shebao_comparison_grade(c, i), paid, base, account, total;
        shebao_projection_figure(p, SHEBAO_FIG_PERSONAL_TOTAL, &paid);
        if (shebao_projection_figure(p, SHEBAO_FIG_BASE_PENSION, &base) != SHEBAO_OK ||
            shebao_projection_figure(p, SHEBAO_FIG_ACCOUNT_PENSION, &account) != SHEBAO_OK ||
            shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &total) != SHEBAO_OK) {
            fprintf(stderr, "meizhou_table: grade row %zu is not eligible\n", i + 1);
            bad = 1;
            continue;
        }
        char g[SHEBAO_MONEY_BUFSZ], pd[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], a[SHEBAO_MONEY_BUFSZ],
            t[SHEBAO_MONEY_BUFSZ];
        shebao_money_format(grade, g, sizeof g);
        shebao_money_format(paid, pd, sizeof pd);
        shebao_money_format(base, b, sizeof b);
        shebao_money_format(account, a, sizeof a);
        shebao_money_format(total, t, sizeof t);
        printf("%7s %10s %7s %9s %9s\n", g, pd, b, a, t);
        bad |= check("the grade", table[i].grade, g, table[i].grade);
        bad |= check("the 15-year total", table[i].grade, pd, table[i].paid);
        bad |= check("the base pension", table[i].grade, b, table[i].base);
        bad |= check("the account pension", table[i].grade, a, table[i].account);
        bad |= check("the monthly total", table[i].grade, t, table[i].total);
    }
    if (bad)
        printf("DIFFERENCES FOUND\n");
    else
        printf("all %zu rows match the official table\n", n);
    return ex_close("meizhou_table", 0, ctx, pol, c) | bad;
fail:
    return ex_close("meizhou_table", 1, ctx, pol, c);
}
