/* Inputs of the library in one call each, for the unit tests (through testutil.h) and the fuzz targets
 * (fuzz/common.c): the _INIT macro with the members a test names. No cmocka here, so that both can use it. */
#ifndef SHEBAO_TEST_INPUTS_H
#define SHEBAO_TEST_INPUTS_H

#include <stddef.h>

#include "shebao.h"

/* SHEBAO_PERSON_INIT born in by-bm, paying the plan plan[0 .. n) (NULL, 0: none, as shebao_compare wants). */
static inline shebao_person tu_person(int by, int bm, const shebao_segment *plan, size_t n)
{
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = by;
    pe.birth_month = bm;
    pe.plan = plan;
    pe.plan_count = n;
    return pe;
}

/* SHEBAO_COMPARE_OPTIONS_INIT paying from start_year, for grades[0 .. ng) and the lengths years[0 .. ny) (NULL, 0:
 * the defaults). */
static inline shebao_compare_options tu_compare_options(int start_year, const shebao_fen *grades, size_t ng,
                                                        const int *years, size_t ny)
{
    shebao_compare_options opt = SHEBAO_COMPARE_OPTIONS_INIT;
    opt.start_year = start_year;
    opt.grades = grades;
    opt.grade_count = ng;
    opt.years = years;
    opt.years_count = ny;
    return opt;
}

/* SHEBAO_LTC_CLAIM_INIT for a claim of grade in mode in the month y-m, with the month's care cost in fen
 * (SHEBAO_UNSET: not given). */
static inline shebao_ltc_claim tu_ltc_claim(int grade, shebao_ltc_mode mode, int y, int m, shebao_fen cost)
{
    shebao_ltc_claim c = SHEBAO_LTC_CLAIM_INIT;
    c.grade = grade;
    c.mode = mode;
    c.year = y;
    c.month = m;
    c.cost = cost;
    return c;
}

/* SHEBAO_LTC_COST_INPUT_INIT for n beneficiaries in the grade and mode mixes given, over months months from y-m. */
static inline shebao_ltc_cost_input tu_ltc_cost_input(long long n, const char *grade_mix, const char *mode_mix, int y,
                                                      int m, int months)
{
    shebao_ltc_cost_input in = SHEBAO_LTC_COST_INPUT_INIT;
    in.beneficiaries = n;
    in.grade_mix = grade_mix;
    in.mode_mix = mode_mix;
    in.from_year = y;
    in.from_month = m;
    in.months = months;
    return in;
}

/* The item scores of one assessment (each array of the length the scale gives it). */
static inline shebao_ltc_scores tu_ltc_scores(const int *adl, size_t n_adl, const int *cognition, size_t n_cognition,
                                              const int *perception, size_t n_perception)
{
    return (shebao_ltc_scores){.version = SHEBAO_LTC_SCORES_VERSION, .adl = adl, .n_adl = n_adl,
                               .cognition = cognition, .n_cognition = n_cognition, .perception = perception,
                               .n_perception = n_perception};
}

#endif
