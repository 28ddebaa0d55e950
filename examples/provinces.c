/* Teaching example 6: the same person under five provinces' rules.
 *
 * The five example policies of examples/policies/ (user files, not built in: see docs/policy-format.md, "Writing a
 * policy for your county") each reproduce one published example: the 梅州 grade table, a Shanghai 2021 guide, a
 * 石家庄 illustration with interest, 济南's examples and a Nanjing-style long-contribution bonus. Here one person —
 * a man born in June 1969 who pays every year from 2010 to 2029 (20 years) and claims in 2029-07 — is projected
 * under each, paying the grade of that place nearest 1000 yuan a year (a place's grades are its own). The
 * differences are the rules, which are data in the policy files:
 *
 *     monthly total = base pension + years pension + account pension (+ age supplements)
 *
 *   - the base pension is each place's own (170, 1200, 55, 160, 616 in the examples' sources);
 *   - the subsidy on a grade (0 in the Meizhou table, 525 on Shanghai's 2300, 30 on 100 in 石家庄 and 济南, 80 on
 *     济南's 1000, 0 in the Nanjing-style file) goes into the account;
 *   - interest: only the 石家庄 illustration credits any (3.5 % a year, each deposit earning its whole year);
 *   - the years beyond 15 pay a bonus in some places: 3 yuan a year (Guangdong), 20 (Shanghai), 1 % of the base
 *     pension a year rounded to the yuan (Nanjing-style), none in the other two sources.
 *
 * Every example policy's figures date from its source (2020–2024) and are carried forward to 2029: the program
 * teaches how the rules differ, not what these places pay in 2029. It exits 1 if a projection fails or if the
 * Nanjing-style years pension is not the 616 × 1 % × 5 = 30.80 → 31.00.
 *
 * Run from the repository root (make examples-run does): build/examples/provinces [FOLDER], FOLDER defaulting to
 * examples/policies. See docs/teaching.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shebao.h>

#include "common.h" /* yuan(), ex_open(), ex_person(), ex_close() */

#define TARGET 100000 /* the grade sought: 1000.00 yuan a year, in fen */

static const struct {
    const char *file, *place, *zh, *why;
} places[] = {
    {"meizhou.json", "Meizhou", "梅州", "low base pension (170), no subsidy, no interest, +3 a year beyond 15"},
    {"shanghai-2021.json", "Shanghai 2021", "上海", "high base pension (1200), one grade 2300 with subsidy 525, +20 a year beyond 15"},
    {"shijiazhuang.json", "Shijiazhuang", "石家庄", "base 55, grade 100 + subsidy 30, the only one with interest (3.5 %)"},
    {"jinan.json", "Jinan", "济南", "base 160, subsidy 80 on 1000, no years pension in the source"},
    {"nanjing-style.json", "Nanjing-style", "南京式", "base 616, +1 % of the base a year beyond 15, rounded to the yuan"},
};

/* The grade of pol's table in `year` nearest TARGET (the lower one on a tie), or -1. */
static shebao_fen nearest_grade(shebao_ctx *ctx, const shebao_policy *pol, int year)
{
    shebao_grade_list *g = NULL;
    if (shebao_policy_grades(ctx, pol, year, &g) != SHEBAO_OK)
        return -1;
    shebao_fen best = -1;
    for (size_t i = 0; i < shebao_grade_list_count(g); i++) {
        shebao_grade_option o;
        if (shebao_grade_list_item(g, i, &o) != SHEBAO_OK || o.daijiao)
            continue;
        if (best < 0 || llabs(o.grade - TARGET) < llabs(best - TARGET))
            best = o.grade;
    }
    shebao_grade_list_free(g);
    return best;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "examples/policies";
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    if (ex_open(NULL, &ctx, &pol))
        return ex_close("provinces", 1, ctx, NULL, NULL);
    printf("A man born 1969-06 pays 2010-2029 (20 years), claims 2029-07; the grade nearest 1000 a year\n\n");
    printf("%-22s %9s %10s %9s %8s %7s %9s\n", "place", "grade", "balance", "account", "base", "years", "total");
    int status = 0;
    for (size_t i = 0; i < sizeof places / sizeof *places && status == 0; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, places[i].file);
        if (shebao_policy_load_file(ctx, path, &pol) != SHEBAO_OK) {
            status = 1;
            break;
        }
        shebao_segment seg = {2010, 2029, nearest_grade(ctx, pol, 2010)};
        shebao_person pe = ex_person(1969, 6);
        pe.plan = &seg;
        pe.plan_count = 1;
        pe.mortality = SHEBAO_MORTALITY_NONE;
        shebao_projection *p = NULL;
        shebao_fen f[6];
        static const shebao_figure which[6] = {SHEBAO_FIG_BALANCE,      SHEBAO_FIG_ACCOUNT_PENSION,
                                               SHEBAO_FIG_BASE_PENSION, SHEBAO_FIG_YEARS_PENSION,
                                               SHEBAO_FIG_MONTHLY_TOTAL, SHEBAO_FIG_AGE_SUPPLEMENT};
        if (seg.grade < 0 || shebao_project(ctx, pol, &pe, &p) != SHEBAO_OK) {
            status = 1;
        } else {
            for (int k = 0; k < 6 && status == 0; k++)
                if (shebao_projection_figure(p, which[k], &f[k]) != SHEBAO_OK)
                    status = 1;
        }
        if (status == 0) {
            char a[6][SHEBAO_MONEY_BUFSZ], g[SHEBAO_MONEY_BUFSZ];
            printf("%-22s %9s %10s %9s %8s %7s %9s\n", places[i].place, yuan(seg.grade, g), yuan(f[0], a[0]),
                   yuan(f[1], a[1]), yuan(f[2], a[2]), yuan(f[3], a[3]), yuan(f[4], a[4]));
            if (strcmp(places[i].file, "nanjing-style.json") == 0 && f[3] != 3100) {
                fprintf(stderr, "provinces: the Nanjing-style years pension is %s, not 31.00\n", a[3]);
                status = 1;
            }
        }
        shebao_projection_free(p);
        shebao_policy_free(pol);
        pol = NULL;
    }
    if (status == 0) {
        printf("\nWhy they differ:\n");
        for (size_t i = 0; i < sizeof places / sizeof *places; i++)
            printf("  %s %-15s %s\n", places[i].zh, places[i].place, places[i].why);
        printf("\nEach file's description states its simplifications; 'shebao policy show --policy FILE' lists\n"
               "every value with its source and status.\n");
    }
    return ex_close("provinces", status, ctx, pol, NULL);
}
