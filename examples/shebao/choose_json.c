/* shebao choose: the JSON document and the plain sentences. The resident cells are compare's own JSON cells (from
 * shebao_comparison_to_json) and the employee rows are members of shebao_employee_plan_to_json, so that every
 * number is the one `compare`/`project` and `employee --plan` print. */
#include <stdio.h>
#include <string.h>

#include "choose.h"

const char choose_minimum_rule[] =
    "缴费年限不足最低年限时不能按月领取职工养老金；延长缴费、一次性补缴或转入城乡居民养老保险未计算。"
    " Short of the minimum years, no monthly employee pension: extended contribution, a lump-sum top-up or a transfer "
    "to the resident scheme are not modelled (docs/employee-pension.md §1).";

/* The parsed JSON of a call's text (freed). */
static json_t *choose_parse(int rc, char *text)
{
    json_t *j = rc == SHEBAO_OK && text ? json_loads(text, 0, NULL) : NULL;
    shebao_free(text);
    return j;
}

/* compare's cells of the longest length. */
static json_t *choose_resident(const choose_result *r)
{
    char *text = NULL;
    int rc = shebao_comparison_to_json(r->cmp, &text);
    json_t *all = choose_parse(rc, text);
    json_t *out = json_array(), *cells = json_object_get(all, "cells");
    int years = shebao_comparison_years(r->cmp, r->col);
    size_t i;
    json_t *cell;
    json_array_foreach(cells, i, cell)
        if (json_integer_value(json_object_get(cell, "years")) == years)
            json_array_append(out, cell);
    json_decref(all);
    return out;
}

/* One employee row: the plan's own members. */
static json_t *choose_employee_row(const choose_plan *e)
{
    char *text = NULL;
    int rc = shebao_employee_plan_to_json(e->pl, &text);
    json_t *pj = choose_parse(rc, text);
    if (!pj)
        return NULL;
    json_t *o = json_object();
    json_object_set_new(o, "share", json_string(e->share));
    json_object_set_new(o, "plan", json_string(e->plan));
    static const char *const top[] = {"retirement_month", "age_years",      "age_months",    "years_paid",
                                      "index",            "min_years",      "eligible",      "months_paid",
                                      "personal_total",   "benefit_base",   "benefit_base_projected"};
    for (size_t k = 0; k < sizeof top / sizeof top[0]; k++)
        json_object_set(o, top[k], json_object_get(pj, top[k]));
    json_t *claim = json_object_get(pj, "claim"), *life = json_object_get(pj, "lifetime");
    json_object_set(o, "monthly_total", json_object_get(claim, "monthly_total"));
    json_object_set(o, "account", json_object_get(json_object_get(pj, "form"), "account"));
    static const char *const lt[] = {"breakeven_months", "breakeven_month", "breakeven_age_years",
                                     "breakeven_age_months", "epv_benefits", "pv_contributions",
                                     "moneys_worth_ratio", "irr", "expected_inheritable_balance"};
    for (size_t k = 0; k < sizeof lt / sizeof lt[0]; k++)
        json_object_set_new(o, lt[k], json_is_object(life) && json_object_get(life, lt[k])
                                          ? json_incref(json_object_get(life, lt[k]))
                                          : json_null());
    json_decref(pj);
    return o;
}

/* A cell's or row's money member as text ("-" when null). */
static const char *choose_text(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "-";
}

void choose_sentence_resident(const choose_result *r, char *buf, size_t size)
{
    json_t *cells = choose_resident(r);
    size_t n = json_array_size(cells);
    json_t *lo = json_array_get(cells, 0), *hi = json_array_get(cells, n ? n - 1 : 0);
    const char *claim = shebao_comparison_claim_month(r->cmp);
    int years = shebao_comparison_years(r->cmp, r->col);
    if (!lo)
        snprintf(buf, size, "城乡居民养老保险：没有可比较的档次。 Resident scheme: no grade to compare.");
    else if (!json_is_true(json_object_get(lo, "eligible")))
        snprintf(buf, size,
                 "城乡居民养老保险：%d年起缴到60岁只有%d年，还差%lld年，60岁时不能按月领取（可补缴，见 shebao compare "
                 "--backpay）。 Resident scheme: from %d to 60 only %d years, %lld short: no pension at 60 unless the "
                 "missing years are paid back (see shebao compare --backpay).",
                 r->start, years, json_integer_value(json_object_get(lo, "years_missing")), r->start, years,
                 json_integer_value(json_object_get(lo, "years_missing")));
    else
        snprintf(buf, size,
                 "城乡居民养老保险：%d年起每年按%s元到%s元的档次缴%d年，共缴%s元到%s元，60岁起（%s）每月领%s元到%s元。"
                 " Resident scheme: paying a grade of %s to %s a year for %d years from %d (%s to %s in all), the "
                 "pension from 60 (%s) is %s to %s a month.",
                 r->start, choose_text(lo, "grade"), choose_text(hi, "grade"), years, choose_text(lo, "personal_total"),
                 choose_text(hi, "personal_total"), claim, choose_text(lo, "monthly_total"),
                 choose_text(hi, "monthly_total"), choose_text(lo, "grade"), choose_text(hi, "grade"), years, r->start,
                 choose_text(lo, "personal_total"), choose_text(hi, "personal_total"), claim,
                 choose_text(lo, "monthly_total"), choose_text(hi, "monthly_total"));
    json_decref(cells);
}

void choose_sentence_employee(const choose_result *r, char *buf, size_t size)
{
    const shebao_employee_pension *lo = shebao_employee_plan_claim(r->emp[0].pl),
                                  *hi = shebao_employee_plan_claim(r->emp[CHOOSE_SHARES - 1].pl);
    shebao_employee_plan_figures a = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT, b = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
    shebao_employee_plan_figures_get(r->emp[0].pl, &a);
    shebao_employee_plan_figures_get(r->emp[CHOOSE_SHARES - 1].pl, &b);
    char pa[SHEBAO_MONEY_BUFSZ], pb[SHEBAO_MONEY_BUFSZ], ma[SHEBAO_MONEY_BUFSZ], mb[SHEBAO_MONEY_BUFSZ];
    cli_money(a.personal_total, pa);
    cli_money(b.personal_total, pb);
    char when[16];
    snprintf(when, sizeof when, "%04d-%02d", r->ret.year, r->ret.month);
    if (!lo->eligible) {
        snprintf(buf, size,
                 "职工养老保险（灵活就业）：%d年起缴到%s退休只有%s年，不足最低%d个月，不能按月领取。"
                 " Employee scheme as a flexible worker: from %d to the retirement in %s only %s years, fewer than "
                 "the minimum of %d months: no monthly pension.",
                 r->start, when, lo->years, lo->min_months, r->start, when, lo->years, lo->min_months);
        return;
    }
    cli_money(lo->monthly_total, ma);
    cli_money(hi->monthly_total, mb);
    snprintf(buf, size,
             "职工养老保险（灵活就业）：%d年起按平均工资的60%%到300%%缴%s年，共缴%s元到%s元，%d岁%d个月（%s）起每月领%s元到%s元。"
             " Employee scheme as a flexible worker: paying 60%% to 300%% of the average wage from %d for %s years "
             "(%s to %s in all), the pension from %d years %d months (%s) is %s to %s a month.",
             r->start, lo->years, pa, pb, lo->age_years, lo->age_months, when, ma, mb, r->start, lo->years, pa, pb,
             lo->age_years, lo->age_months, when, ma, mb);
}

json_t *choose_json(const choose_result *r)
{
    json_t *root = json_object(), *emp = json_array();
    char buf[2048], b[16];
    json_object_set_new(root, "policy", json_string(shebao_policy_id(r->pol)));
    json_object_set_new(root, "birth", json_string(r->birth));
    json_object_set_new(root, "category", json_string(r->category));
    json_object_set_new(root, "category_assumed", json_boolean(r->category_assumed));
    json_object_set_new(root, "start_year", json_integer(r->start));
    json_object_set_new(root, "resident_claim_month", json_string(shebao_comparison_claim_month(r->cmp)));
    snprintf(b, sizeof b, "%04d-%02d", r->ret.year, r->ret.month);
    json_object_set_new(root, "employee_retirement_month", json_string(b));
    json_object_set_new(root, "employee_retirement_age_years", json_integer(r->ret.age_years));
    json_object_set_new(root, "employee_retirement_age_months", json_integer(r->ret.age_months));
    json_object_set_new(root, "resident", choose_resident(r));
    for (size_t k = 0; k < CHOOSE_SHARES; k++) {
        json_t *row = choose_employee_row(&r->emp[k]);
        if (!row) {
            json_decref(emp);
            json_decref(root);
            return NULL;
        }
        json_array_append_new(emp, row);
    }
    json_object_set_new(root, "employee", emp);
    json_object_set_new(root, "employee_minimum", json_string(choose_minimum_rule));
    json_t *s = json_object();
    choose_sentence_resident(r, buf, sizeof buf);
    json_object_set_new(s, "resident", json_string(buf));
    choose_sentence_employee(r, buf, sizeof buf);
    json_object_set_new(s, "employee", json_string(buf));
    json_object_set_new(root, "sentences", s);
    return root;
}
