/* Teaching example 4: the Taizhou village story.
 *
 * In a Taizhou village the average yearly contribution rose from 527 to 2129 yuan after a local guide showed the
 * villagers what his wife's pension would be at a higher grade. (The two averages are the story's figures, not
 * policy data.) An average is not a grade: under the Zhejiang grade table in force from 2024 (300, 500, 1000,
 * 2000, 3000, 5000, 7000 a year), 527 lies between the 500 and 1000 grades and 2129 between 2000 and 3000. So we
 * show both neighbours of each average, for a typical villager on the zhejiang-taizhou overlay: a man born in
 * January 1980 who pays from 2025 for 15 years (2025-2039) and claims in 2040-02.
 *
 *     monthly total = base pension (Taizhou) + years pension + fen_half_up(balance / 139)
 *
 * The overlay takes Taizhou's base pension (310 yuan from 2023-04, carried forward) but, as Taizhou's own subsidy
 * table was not found, the provincial grade table and subsidy floors: the program lists every non-official value
 * the figures rest on.
 *
 * Build and run: make, then build/examples/taizhou_village. See docs/teaching.md. */
#include <stdio.h>

#include <shebao.h>

#include "common.h" /* yuan(), ex_open(), ex_person(), ex_compare_options(), ex_close() */

#define BEFORE 52700  /* the village average before, in fen: 527.00 yuan a year */
#define AFTER 212900  /* after: 2129.00 yuan a year */

/* Index of the highest compared grade ≤ x (the lower neighbour); the upper neighbour is the next one. */
static size_t lower_neighbour(const shebao_comparison *c, shebao_fen x)
{
    size_t k = 0;
    for (size_t i = 0; i < shebao_comparison_grade_count(c); i++)
        if (shebao_comparison_grade(c, i) <= x)
            k = i;
    return k;
}

int main(void)
{
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    shebao_comparison *c = NULL;
    int status = 1;
    if (ex_open("zhejiang-taizhou", &ctx, &pol) != 0)
        goto out;
    shebao_person pe = ex_person(1980, 1);
    static const int fifteen[] = {15};
    /* every normal grade of the table in force, 15 years from 2025 */
    shebao_compare_options opt = ex_compare_options(2025, fifteen, 1);
    if (shebao_compare(ctx, pol, &pe, &opt, &c) != SHEBAO_OK)
        goto out;

    const shebao_fen averages[2] = {BEFORE, AFTER};
    const char *when[2] = {"before", "after"};
    size_t lo[2];
    char a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ], m1[SHEBAO_MONEY_BUFSZ];
    printf("Taizhou (%s), born 1980-01, paying 2025-2039, pension from %s\n\n", shebao_policy_lineage(pol),
           shebao_comparison_claim_month(c));
    for (int k = 0; k < 2; k++) {
        lo[k] = lower_neighbour(c, averages[k]);
        size_t hi = lo[k] + 1;
        if (hi >= shebao_comparison_grade_count(c) || shebao_comparison_grade(c, lo[k]) > averages[k]) {
            fprintf(stderr, "taizhou_village: %s is not between two grades of the table\n", yuan(averages[k], a));
            goto out;
        }
        shebao_compare_cell x, y;
        shebao_comparison_cell(c, lo[k], 0, &x);
        shebao_comparison_cell(c, hi, 0, &y);
        printf("%-6s average %s a year lies between the grades %s and %s:\n", when[k], yuan(averages[k], a),
               yuan(x.grade, b), yuan(y.grade, m1));
        printf("         grade %8s -> %8s a month (paid %s in all)\n", yuan(x.grade, a), yuan(x.monthly_total, b),
               yuan(x.personal_total, m1));
        printf("         grade %8s -> %8s a month (paid %s in all)\n", yuan(y.grade, a), yuan(y.monthly_total, b),
               yuan(y.personal_total, m1));
    }
    /* the change, from the grades at or below each average, and from the grades above them */
    shebao_compare_cell b0, b1, a0, a1;
    shebao_comparison_cell(c, lo[0], 0, &b0);
    shebao_comparison_cell(c, lo[0] + 1, 0, &b1);
    shebao_comparison_cell(c, lo[1], 0, &a0);
    shebao_comparison_cell(c, lo[1] + 1, 0, &a1);
    char g1[SHEBAO_MONEY_BUFSZ], g2[SHEBAO_MONEY_BUFSZ], g3[SHEBAO_MONEY_BUFSZ], g4[SHEBAO_MONEY_BUFSZ],
        low[SHEBAO_MONEY_BUFSZ], high[SHEBAO_MONEY_BUFSZ];
    yuan(b0.grade, g1);
    yuan(a0.grade, g2);
    yuan(b1.grade, g3);
    yuan(a1.grade, g4);
    yuan(a0.monthly_total - b0.monthly_total, low);
    yuan(a1.monthly_total - b1.monthly_total, high);
    printf("\nMoving up from the %s grade to the %s grade adds %s a month; from %s to %s it adds %s.\n", g1, g2, low,
           g3, g4, high);
    printf("So the village's change is worth roughly %s to %s yuan a month per villager, for life.\n", low, high);
    printf("\nThese figures rest on %zu non-official value(s):\n", shebao_comparison_assumption_count(c));
    for (size_t i = 0; i < shebao_comparison_assumption_count(c); i++) {
        shebao_param q;
        shebao_comparison_assumption(c, i, &q);
        printf("  %-10s %s%s%s = %s\n", shebao_status_name(q.status), q.path, q.from[0] ? "@" : "", q.from, q.value);
    }
    status = 0;
out:
    return ex_close("taizhou_village", status, ctx, pol, c);
}
