// C++ smoke test: the public header compiles as C++17 with -Wall -Wextra -Werror (every declaration inside its
// extern "C" guards, every _INIT macro a valid aggregate initialiser without a missing member), and a program
// built with c++ links against libshebao and calls it. Built and run by `make cxx-check` (part of `make test`).
//
// The figures checked are read off the policy texts or worked out by hand in the comments; none comes from the
// code's own output.
#include <shebao.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {

int failures = 0;

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "cxx smoke: FAIL %s\n", what);
        failures++;
    }
}

// RAII owners, as a C++ caller would write them: the header's _free functions have C linkage and take NULL.
struct ctx_del { void operator()(shebao_ctx *c) const { shebao_ctx_free(c); } };
struct pol_del { void operator()(shebao_policy *p) const { shebao_policy_free(p); } };
struct proj_del { void operator()(shebao_projection *p) const { shebao_projection_free(p); } };
struct grades_del { void operator()(shebao_grade_list *g) const { shebao_grade_list_free(g); } };

} // namespace

int main()
{
    // every _INIT macro of the header, as C++ aggregate initialisers
    shebao_person person = SHEBAO_PERSON_INIT;
    shebao_compare_options copt = SHEBAO_COMPARE_OPTIONS_INIT;
    shebao_summary summary = SHEBAO_SUMMARY_INIT;
    shebao_pay_window window = SHEBAO_PAY_WINDOW_INIT;
    shebao_ltc_scores scores = SHEBAO_LTC_SCORES_INIT;
    shebao_ltc_claim claim = SHEBAO_LTC_CLAIM_INIT;
    shebao_ltc_benefit benefit = SHEBAO_LTC_BENEFIT_INIT;
    shebao_ltc_funding funding = SHEBAO_LTC_FUNDING_INIT;
    shebao_ltc_cost_input cost_in = SHEBAO_LTC_COST_INPUT_INIT;
    shebao_ltc_cost cost = SHEBAO_LTC_COST_INIT;
    check(copt.version == SHEBAO_COMPARE_OPTIONS_VERSION && summary.version == SHEBAO_SUMMARY_VERSION &&
              scores.version == SHEBAO_LTC_SCORES_VERSION && claim.version == SHEBAO_LTC_CLAIM_VERSION &&
              benefit.version == SHEBAO_LTC_BENEFIT_VERSION && funding.version == SHEBAO_LTC_FUNDING_VERSION &&
              cost_in.version == SHEBAO_LTC_COST_INPUT_VERSION && cost.version == SHEBAO_LTC_COST_VERSION,
          "the _INIT macros set their versions");

    check(std::string(shebao_version()) == SHEBAO_VERSION_STRING, "header and library versions agree");

    // money and months: 12345 fen is 123.45 yuan; "2024-03" is year 2024, month 3
    char money[SHEBAO_MONEY_BUFSZ];
    check(shebao_money_format(12345, money, sizeof money) == SHEBAO_OK && std::strcmp(money, "123.45") == 0,
          "shebao_money_format(12345) = 123.45");
    int y = 0, m = 0;
    check(shebao_month_parse("2024-03", &y, &m) == SHEBAO_OK && y == 2024 && m == 3, "shebao_month_parse");
    char month[SHEBAO_MONTH_BUFSZ];
    check(shebao_month_format(y, m, month, sizeof month) == SHEBAO_OK && std::strcmp(month, "2024-03") == 0,
          "shebao_month_format");

    shebao_ctx *c_raw = nullptr;
    check(shebao_ctx_new(&c_raw) == SHEBAO_OK, "shebao_ctx_new");
    std::unique_ptr<shebao_ctx, ctx_del> ctx(c_raw);
    shebao_policy *p_raw = nullptr;
    check(shebao_policy_load_embedded(ctx.get(), "zhejiang", &p_raw) == SHEBAO_OK, "load zhejiang");
    std::unique_ptr<shebao_policy, pol_del> pol(p_raw);
    if (!pol)
        return 1;

    // data/policies/zhejiang.json: the 2024-01 grade table (ZJ-RSF-2023-66) has eight grades, the first the 200 代缴
    // grade
    shebao_grade_list *g_raw = nullptr;
    check(shebao_policy_grades(ctx.get(), pol.get(), 2026, &g_raw) == SHEBAO_OK, "shebao_policy_grades");
    std::unique_ptr<shebao_grade_list, grades_del> grades(g_raw);
    shebao_grade_option opt{};
    check(shebao_grade_list_count(grades.get()) == 8 && shebao_grade_list_item(grades.get(), 0, &opt) == SHEBAO_OK &&
              opt.grade == 20000 && opt.daijiao == 1,
          "zhejiang 2026: eight grades, 200 is 代缴");

    // born 1975-03, claim_age 60 and an offset of one month (national.json): last payable year 2035, claim 2035-04
    check(shebao_policy_pay_window(ctx.get(), pol.get(), 1975, 3, 2026, &window) == SHEBAO_OK &&
              window.first_year == 2026 && window.last_year == 2035 && window.claim_year == 2035 &&
              window.claim_month == 4,
          "shebao_policy_pay_window");

    // the README's person: 2000 a year 2020-2034 (15 years): eligible (15 >= min(15, 2035 - 2010)), claim 2035-04;
    // personal total 15 × 2000 = 30000.00
    const shebao_segment plan[] = {{2020, 2034, 200000}};
    person.birth_year = 1975;
    person.birth_month = 3;
    person.plan = plan;
    person.plan_count = 1;
    person.mortality = SHEBAO_MORTALITY_NONE;
    shebao_projection *pr_raw = nullptr;
    check(shebao_project(ctx.get(), pol.get(), &person, &pr_raw) == SHEBAO_OK, "shebao_project");
    std::unique_ptr<shebao_projection, proj_del> proj(pr_raw);
    shebao_fen paid = 0, epv = 1;
    check(shebao_projection_eligible(proj.get()) == 1, "eligible");
    check(std::string(shebao_projection_claim_month(proj.get())) == "2035-04", "claim month 2035-04");
    check(shebao_projection_figure(proj.get(), SHEBAO_FIG_PERSONAL_TOTAL, &paid) == SHEBAO_OK && paid == 3000000,
          "personal total 30000.00");
    // no life table: the EPV does not apply (SHEBAO_NA, out 0)
    check(shebao_projection_figure(proj.get(), SHEBAO_FIG_EPV_BENEFITS, &epv) == SHEBAO_NA && epv == 0,
          "EPV without a life table is SHEBAO_NA");

    if (failures)
        return 1;
    std::puts("cxx smoke: ok");
    return 0;
}
