/* The one helper header of the cmocka unit tests (cmocka 1.1.5, the old API): the includes cmocka needs first,
 * the context a test group shares, and helpers for policies and money strings.
 *
 *   static void test_x(void **state) { ...; shebao_policy *p = tu_embedded("zhejiang"); ...;
 *                                      assert_fen(r.interest, "4.55"); ... }
 *   int main(void) { ...; return cmocka_run_group_tests_name("x", tests, tu_setup, tu_teardown); }
 *
 * A file whose group needs more fixtures calls tu_setup and tu_teardown from its own. A file that must not share
 * a context (test_threads.c: one per thread) defines TU_OWN_CTX before including this header. */
#ifndef SHEBAO_TESTUTIL_H
#define SHEBAO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "shebao.h"

#include "inputs.h" /* tu_person, tu_compare_options, tu_ltc_claim, tu_ltc_cost_input */

/* Format fen for string comparison in assertions. */
static inline const char *fen_str(shebao_fen fen, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

/* Assert that the amount fen formats as want ("1234.50"). */
#define assert_fen(fen, want) assert_string_equal(fen_str((fen), (char[SHEBAO_MONEY_BUFSZ]){0}), (want))

/* The inputs of the Zhejiang approval form of 2026-06 (docs/employee-pension.md §2, case 9): a woman of original
 * age 50 born 1976-06, retired 2026-06 at 50, N 19.42, Z 1.1222, account 149,442.32. */
static inline shebao_employee_form tu_employee_case9(void)
{
    shebao_employee_form f = SHEBAO_EMPLOYEE_FORM_INIT;
    f.birth_year = 1976;
    f.birth_month = 6;
    f.category = SHEBAO_RETIRE_FEMALE50;
    f.retire_year = 2026;
    f.retire_month = 6;
    f.years_paid = "19.42";
    f.index = "1.1222";
    f.account = 14944232;
    return f;
}

/* A flexible worker's plan: a man born 1965-06 (statutory 60y2m, 2025-08), 15 years paid at index 1 before, then
 * 2024 at 60 % of the average wage (test_employee.c works it by hand). */
static inline shebao_employee_plan_input tu_employee_plan(void)
{
    shebao_employee_plan_input in = SHEBAO_EMPLOYEE_PLAN_INPUT_INIT;
    in.birth_year = 1965;
    in.birth_month = 6;
    in.category = SHEBAO_RETIRE_MALE;
    in.plan = "2024:60%";
    in.years_paid = "15";
    in.index = "1";
    return in;
}

#ifndef TU_OWN_CTX

/* The context of the test group: made by tu_setup before the first test, freed by tu_teardown after the last. */
static shebao_ctx *ctx;

static inline int tu_setup(void **state)
{
    (void)state;
    return shebao_ctx_new(&ctx);
}

static inline int tu_teardown(void **state)
{
    (void)state;
    shebao_ctx_free(ctx);
    return 0;
}

/* The embedded policy id; a failure to load it fails the test with the library's message. */
static inline shebao_policy *tu_embedded(const char *id)
{
    shebao_policy *p = NULL;
    if (shebao_policy_load_embedded(ctx, id, &p) != SHEBAO_OK)
        fail_msg("embedded policy %s: %s", id, shebao_ctx_errmsg(ctx));
    return p;
}

/* The policy of the JSON text json, named name in messages; a failure to load it fails the test likewise. */
static inline shebao_policy *tu_policy(const char *json, const char *name)
{
    shebao_policy *p = NULL;
    if (shebao_policy_load_string(ctx, json, name, &p) != SHEBAO_OK)
        fail_msg("test policy %s: %s", name, shebao_ctx_errmsg(ctx));
    return p;
}

#endif /* TU_OWN_CTX */

#endif
