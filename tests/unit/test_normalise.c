/* shebao_text_normalise() and shebao_month_parse_loose(): what people type. Every expectation is written by hand
 * from the rules in include/shebao.h (full-width U+FF01-U+FF5E to ASCII, U+3000 to a space, no blanks after a
 * comma or at either end; months YYYY then '-', '/', '.' or 年, one or two digits, 月 optional after 年). */
#include <string.h>

#include "testutil.h"

static void norm(const char *in, const char *want)
{
    char buf[128];
    int rc = shebao_text_normalise(in, buf, sizeof buf);
    if (rc != SHEBAO_OK)
        fail_msg("'%s': %d", in, rc);
    if (strcmp(buf, want) != 0)
        fail_msg("'%s' gave '%s', expected '%s'", in, buf, want);
    char again[128]; /* a second time changes nothing */
    assert_int_equal(shebao_text_normalise(buf, again, sizeof again), SHEBAO_OK);
    assert_string_equal(again, buf);
    char inplace[128]; /* in place: the same */
    strcpy(inplace, in);
    assert_int_equal(shebao_text_normalise(inplace, inplace, strlen(inplace) + 1), SHEBAO_OK);
    assert_string_equal(inplace, want);
}

static void test_normalise(void **state)
{
    (void)state;
    norm("2000,2040:3000", "2000,2040:3000"); /* ASCII without blanks: as it was */
    norm("", "");
    norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90", "2000"); /* ２０００ */
    /* ２０００，２０４０：３０００ (U+FF0C comma, U+FF1A colon) */
    norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x94\xEF\xBC\x90"
         "\xEF\xBC\x9A\xEF\xBC\x93\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90",
         "2000,2040:3000");
    norm("\xEF\xBC\x8D", "-");                         /* U+FF0D －, the first byte pair EF BC */
    norm("\xEF\xBC\x8E\xEF\xBC\x85", ".%");            /* ．％ U+FF0E U+FF05 */
    norm("\xEF\xBC\x81", "!");                         /* U+FF01, the first of the block */
    norm("\xEF\xBC\xBF", "_");                         /* U+FF3F, the last of EF BC */
    norm("\xEF\xBD\x80", "`");                         /* U+FF40, the first of EF BD */
    norm("\xEF\xBD\x9E", "~");                         /* U+FF5E, the last of the block */
    norm("\xEF\xBD\x9F", "\xEF\xBD\x9F");              /* U+FF5F ｟: not a full-width ASCII form, kept */
    norm("\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x8C\xEF\xBD\x85", "male"); /* ｍａｌｅ */
    norm("2000, 2040", "2000,2040");                   /* a space after a comma */
    norm("2000,\t  2040", "2000,2040");                /* blanks after a comma */
    norm("2000 ,2040", "2000 ,2040");                  /* before a comma: kept (the parser says what is wrong) */
    norm("  2000  ", "2000");                          /* both ends */
    norm("\xE3\x80\x80" "2000" "\xE3\x80\x80", "2000"); /* U+3000 at both ends */
    norm("2000\xEF\xBC\x8C\xE3\x80\x80" "2040", "2000,2040"); /* ，　 */
    norm("\xE5\xBC\xA0 \xE4\xB8\x89", "\xE5\xBC\xA0 \xE4\xB8\x89"); /* 张 三: a space inside stays */
    norm("2024\xE5\xB9\xB4" "3\xE6\x9C\x88", "2024\xE5\xB9\xB4" "3\xE6\x9C\x88"); /* 2024年3月: as it was */
    norm("\xEF\xBC", "\xEF\xBC");                      /* a cut sequence: copied */
    norm(" , ", ",");
}

static void test_normalise_small_buffer(void **state)
{
    (void)state;
    char buf[5];
    assert_int_equal(shebao_text_normalise("2000", buf, sizeof buf), SHEBAO_OK); /* 4 + 1 */
    assert_string_equal(buf, "2000");
    assert_int_equal(shebao_text_normalise("20000", buf, sizeof buf), SHEBAO_EUSAGE);
    assert_string_equal(buf, "");
    /* ２０００ is 12 bytes but gives 4: 5 bytes are enough */
    assert_int_equal(shebao_text_normalise("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90", buf, sizeof buf),
                     SHEBAO_OK);
    assert_string_equal(buf, "2000");
}

static void loose(const char *s, int want_y, int want_m)
{
    int y = 0, m = 0;
    int rc = shebao_month_parse_loose(s, &y, &m);
    if (rc != SHEBAO_OK)
        fail_msg("'%s': %d, expected SHEBAO_OK", s, rc);
    assert_int_equal(y, want_y);
    assert_int_equal(m, want_m);
    /* round trip: formatted, the strict parser reads the same month */
    char buf[SHEBAO_MONTH_BUFSZ];
    int y2, m2;
    assert_int_equal(shebao_month_format(y, m, buf, sizeof buf), SHEBAO_OK);
    assert_int_equal(shebao_month_parse(buf, &y2, &m2), SHEBAO_OK);
    assert_int_equal(y2, want_y);
    assert_int_equal(m2, want_m);
}

static void loose_refused(const char *s)
{
    int y = -7, m = -7;
    int rc = shebao_month_parse_loose(s, &y, &m);
    if (rc != SHEBAO_EINPUT)
        fail_msg("'%s': %d, expected SHEBAO_EINPUT", s ? s : "(null)", rc);
    assert_int_equal(y, -7);
    assert_int_equal(m, -7);
}

static void test_month_loose(void **state)
{
    (void)state;
    loose("2024-03", 2024, 3);
    loose("2024-3", 2024, 3);
    loose("2024/03", 2024, 3);
    loose("2024/3", 2024, 3);
    loose("2024.3", 2024, 3);
    loose("2024.12", 2024, 12);
    loose("2024\xE5\xB9\xB4" "3\xE6\x9C\x88", 2024, 3);   /* 2024年3月 */
    loose("2024\xE5\xB9\xB4" "03\xE6\x9C\x88", 2024, 3);  /* 2024年03月 */
    loose("2024\xE5\xB9\xB4" "11", 2024, 11);             /* 2024年11 */
    loose("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xEF\xBC\x8D\xEF\xBC\x90\xEF\xBC\x93", 2024, 3); /* ２０２４－０３ */
    loose("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xEF\xBC\x8E\xEF\xBC\x93", 2024, 3); /* ２０２４．３ */
    loose(" 2024-03 ", 2024, 3);
    loose("1900-1", 1900, 1);
    loose("2199/12", 2199, 12);
    loose_refused("2024-13");
    loose_refused("2024/0");
    loose_refused("1899/12");
    loose_refused("2200.1");
    loose_refused("24-03");
    loose_refused("202403");
    loose_refused("2024-03-01");
    loose_refused("2024-123");
    loose_refused("2024-");
    loose_refused("2024");
    loose_refused("2024\xE5\xB9\xB4"); /* 2024年 */
    loose_refused("2024-3\xE6\x9C\x88"); /* 月 only after 年 */
    loose_refused("2024_03");
    loose_refused("2024 03");
    loose_refused("2024-+3");
    loose_refused("");
    loose_refused("2024-03                                   "); /* longer than 31 bytes: refused as such */
    loose_refused(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_normalise_small_buffer),
        cmocka_unit_test(test_month_loose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
