/* The language of a context's messages (shebao_ctx_set_language): English by default and under SHEBAO_LANG_EN,
 * whatever the process's locale; Chinese from the catalogue of the domain "libshebao" under SHEBAO_LANG_ZH, once
 * the application has set gettext up (here as the CLI does: LC_MESSAGES C.UTF-8, LANGUAGE zh_CN, the catalogue of
 * the build tree, build/locale, compiled from po/libshebao/zh_CN.po by `make`). The expected Chinese is the
 * translation written by hand in po/libshebao/zh_CN.po. */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>

#include "testutil.h"

#ifndef SHEBAO_TEST_LOCALEDIR
#define SHEBAO_TEST_LOCALEDIR "build/locale"
#endif

static shebao_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
        return -1;
    setenv("LANGUAGE", "zh_CN", 1);
    bindtextdomain("libshebao", SHEBAO_TEST_LOCALEDIR);
    bind_textdomain_codeset("libshebao", "UTF-8");
    return shebao_ctx_new(&ctx) == SHEBAO_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    shebao_ctx_free(ctx);
    return 0;
}

/* The message of loading an embedded policy that does not exist, in the context's language. */
static const char *unknown_policy(shebao_language lang)
{
    shebao_policy *p = NULL;
    assert_int_equal(shebao_ctx_set_language(ctx, lang), SHEBAO_OK);
    assert_int_equal(shebao_policy_load_embedded(ctx, "nowhere", &p), SHEBAO_EPOLICY);
    assert_null(p);
    return shebao_ctx_errmsg(ctx);
}

static void english_by_default(void **state)
{
    (void)state;
    shebao_ctx *fresh = NULL;
    shebao_policy *p = NULL;
    assert_int_equal(shebao_ctx_new(&fresh), SHEBAO_OK);
    assert_int_equal(shebao_policy_load_embedded(fresh, "nowhere", &p), SHEBAO_EPOLICY);
    assert_non_null(strstr(shebao_ctx_errmsg(fresh), "unknown policy 'nowhere' (embedded: "));
    shebao_ctx_free(fresh);
}

static void english_and_chinese(void **state)
{
    (void)state;
    assert_non_null(strstr(unknown_policy(SHEBAO_LANG_EN), "unknown policy 'nowhere' (embedded: "));
    assert_non_null(strstr(unknown_policy(SHEBAO_LANG_ZH), "未知的政策 'nowhere'（内置的有："));
    /* back to English on the same context */
    assert_non_null(strstr(unknown_policy(SHEBAO_LANG_EN), "unknown policy 'nowhere'"));
}

/* A message with a reordered conversion (%2$d ... %1$s) and one of a policy reader (sb_pread_err: the inner
 * format is translated, the file name and JSON path are quoted as they are). */
static void conversions_and_policy_reader(void **state)
{
    (void)state;
    shebao_policy *p = NULL;
    assert_int_equal(shebao_ctx_set_language(ctx, SHEBAO_LANG_ZH), SHEBAO_OK);
    assert_int_equal(shebao_policy_load_string(ctx, "{\"schema\": \"x\"}", "t.json", &p), SHEBAO_EPOLICY);
    if (!strstr(shebao_ctx_errmsg(ctx), "t.json：$.schema：应为 \"shebao-policy/1\""))
        fail_msg("message: %s", shebao_ctx_errmsg(ctx));
    shebao_segment s[1];
    size_t n = 0;
    assert_int_equal(shebao_plan_parse_into(ctx, "2021-2019:300", s, 1, &n), SHEBAO_EINPUT);
    assert_string_equal(shebao_ctx_errmsg(ctx), "缴费计划第 1 段 '2021-2019:300'：结束年份早于开始年份");
}

/* The explanation trail follows the language the context had when the projection was made (shebao_projection_explain):
 * each line from the translation of its format; the JSON's "explain" stays English. A person born 1964-12 paying
 * grade 300 from 2010: zhejiang's claim_age 60 and benefit_start_offset_months 1 give the claim month
 * 1964-12 + 60 years + 1 month = 2025-01 (the line written here from po/libshebao/zh_CN.po's translation). */
static void explain_in_chinese(void **state)
{
    (void)state;
    shebao_policy *pol = NULL;
    assert_int_equal(shebao_policy_load_embedded(ctx, "zhejiang", &pol), SHEBAO_OK);
    shebao_segment seg = {.first_year = 2010, .last_year = 2024, .grade = 30000};
    shebao_person pe = SHEBAO_PERSON_INIT;
    pe.birth_year = 1964;
    pe.birth_month = 12;
    pe.plan = &seg;
    pe.plan_count = 1;
    pe.explain = 1;
    const char *zh = "领取月份 = 出生 1964-12 + 领取年龄 60 岁 + 推后 1 个月 = 2025-01   {";
    const char *en = "claim month = birth 1964-12 + claim_age 60 years + offset 1 months = 2025-01   {";
    for (int lang = SHEBAO_LANG_EN; lang <= SHEBAO_LANG_ZH; lang++) {
        assert_int_equal(shebao_ctx_set_language(ctx, (shebao_language)lang), SHEBAO_OK);
        shebao_projection *p = NULL;
        char *text = NULL, *json = NULL;
        assert_int_equal(shebao_project(ctx, pol, &pe, &p), SHEBAO_OK);
        assert_int_equal(shebao_projection_explain(p, &text), SHEBAO_OK);
        assert_int_equal(shebao_projection_to_json(p, &json), SHEBAO_OK);
        const char *want = lang == SHEBAO_LANG_ZH ? zh : en;
        if (strncmp(text, want, strlen(want)) != 0)
            fail_msg("explain starts: %.120s", text);
        assert_non_null(strstr(json, en)); /* JSON: English in every language */
        assert_null(strstr(json, zh));
        shebao_free(text);
        shebao_free(json);
        shebao_projection_free(p);
    }
    shebao_policy_free(pol);
}

static void unknown_language(void **state)
{
    (void)state;
    assert_int_equal(shebao_ctx_set_language(ctx, (shebao_language)2), SHEBAO_EUSAGE);
    assert_int_equal(shebao_ctx_set_language(NULL, SHEBAO_LANG_EN), SHEBAO_EUSAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_by_default),
        cmocka_unit_test(english_and_chinese),
        cmocka_unit_test(conversions_and_policy_reader),
        cmocka_unit_test(explain_in_chinese),
        cmocka_unit_test(unknown_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
