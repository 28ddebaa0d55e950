/* The chart of `shebao compare --chart`: Chinese labels are drawn with real glyphs, not tofu, and the chart is
 * written as PNG, SVG and PDF.
 *
 * Tofu check: the chart's font (chart_font(), the "Noto Sans CJK SC" family through fontconfig) must map every
 * character of "多缴多得" to a glyph other than .notdef (glyph 0), and the ink of each rendered character must
 * differ from the ink of the .notdef box of the same font, while a character no font has (U+E000, private use)
 * renders exactly as that box. The two 多 must give the same bitmap and 缴 and 得 different ones. */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

#include "chart.h"
#include "cli.h"

#ifndef SHEBAO_TEST_LOCALEDIR
#define SHEBAO_TEST_LOCALEDIR "build/locale"
#endif

#define SIDE 96 /* bitmap side; glyphs at 64 px */

typedef struct bitmap {
    unsigned char a[SIDE * SIDE]; /* 1: ink */
    int ink;
} bitmap;

/* Render either a UTF-8 string (glyph index < 0) or one glyph index with the chart's font into a bitmap. */
static void render(const char *text, long glyph, bitmap *out)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, SIDE, SIDE);
    cairo_t *cr = cairo_create(s);
    chart_font(cr, false, 64);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    if (glyph >= 0) {
        cairo_glyph_t g = {(unsigned long)glyph, 16, 72};
        cairo_show_glyphs(cr, &g, 1);
    } else {
        cairo_move_to(cr, 16, 72);
        cairo_show_text(cr, text);
    }
    cairo_surface_flush(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    out->ink = 0;
    for (int y = 0; y < SIDE; y++)
        for (int x = 0; x < SIDE; x++) {
            out->a[y * SIDE + x] = data[y * stride + x] >= 128;
            out->ink += out->a[y * SIDE + x];
        }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

static int differ(const bitmap *a, const bitmap *b)
{
    int n = 0;
    for (int i = 0; i < SIDE * SIDE; i++)
        n += a->a[i] != b->a[i];
    return n;
}

static void test_cjk_glyphs_not_tofu(void **state)
{
    (void)state;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 8, 8);
    cairo_t *cr = cairo_create(s);
    chart_font(cr, false, 64);
    /* glyph coverage: every character has a glyph ... */
    assert_true(chart_font_covers(cr, "多缴多得"));
    assert_true(chart_font_covers(cr, "每月养老金（元）个人账户余额"));
    /* ... and the check does fail for a character without one */
    assert_false(chart_font_covers(cr, "\xee\x80\x80")); /* U+E000 */
    cairo_destroy(cr);
    cairo_surface_destroy(s);

    /* pixels: each character against the .notdef box */
    static const char *const chars[] = {"多", "缴", "多", "得"};
    bitmap notdef, pua, b[4];
    render(NULL, 0, &notdef);
    render("\xee\x80\x80", -1, &pua);
    assert_true(notdef.ink > 0);
    assert_int_equal(differ(&pua, &notdef), 0); /* a missing glyph is drawn as exactly this box: tofu */
    for (int i = 0; i < 4; i++) {
        render(chars[i], -1, &b[i]);
        if (b[i].ink < 200) /* a 64 px CJK glyph has several hundred ink pixels */
            fail_msg("'%s' has only %d ink pixels", chars[i], b[i].ink);
        int d = differ(&b[i], &notdef);
        if (d < b[i].ink / 4)
            fail_msg("'%s' looks like the .notdef box (%d of %d pixels differ)", chars[i], d, b[i].ink);
    }
    assert_int_equal(differ(&b[0], &b[2]), 0); /* the same character twice: the same glyph */
    assert_true(differ(&b[1], &b[3]) > b[1].ink / 4); /* 缴 and 得 are different glyphs */
    assert_true(differ(&b[0], &b[1]) > b[0].ink / 4);
}

static shebao_comparison *sample(shebao_policy **pol)
{
    *pol = tu_embedded("zhejiang");
    shebao_person pe = tu_person(1980, 5, NULL, 0);
    shebao_compare_options opt = tu_compare_options(2025, NULL, 0, NULL, 0);
    shebao_comparison *c = NULL;
    assert_int_equal(shebao_compare(ctx, *pol, &pe, &opt, &c), SHEBAO_OK);
    return c;
}

/* chart_write into a file of that name */
static int write_file(const shebao_comparison *c, const chart_info *info, const char *path, char *err, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    int r = chart_write(c, info, path, f, err, size);
    assert_int_equal(fclose(f), 0);
    return r;
}

static void test_chart_files(void **state)
{
    (void)state;
    shebao_policy *pol = NULL;
    shebao_comparison *c = sample(&pol);
    char dir[] = "/tmp/shebao-chart.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char png[64], svg[64], pdf[64], err[256];
    snprintf(png, sizeof png, "%s/c.png", dir);
    snprintf(svg, sizeof svg, "%s/c.svg", dir);
    snprintf(pdf, sizeof pdf, "%s/c.pdf", dir);
    chart_info info = {"zhejiang", "1980-05", true};
    /* 0: drawn with Chinese labels (the font has the glyphs) */
    assert_int_equal(write_file(c, &info, png, err, sizeof err), 0);
    assert_int_equal(write_file(c, &info, svg, err, sizeof err), 0);
    assert_int_equal(write_file(c, &info, pdf, err, sizeof err), 0);
    info.zh = false;
    /* the PNG: 1080 wide (a phone held upright), taller than wide, with ink in the title band */
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_width(s), 1080);
    assert_true(cairo_image_surface_get_height(s) > 1080);
    const unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s), dark = 0;
    for (int y = 60; y < 120; y++)
        for (int x = 0; x < 1080; x++) {
            const unsigned char *px = data + y * stride + 4 * x;
            dark += px[0] < 100 && px[1] < 100 && px[2] < 100;
        }
    assert_true(dark > 2000); /* the 50 px bold title */
    cairo_surface_destroy(s);
    char head[8] = "";
    FILE *f = fopen(svg, "rb");
    assert_non_null(f);
    assert_true(fread(head, 1, 5, f) == 5);
    fclose(f);
    assert_memory_equal(head, "<?xml", 5);
    f = fopen(pdf, "rb");
    assert_non_null(f);
    assert_true(fread(head, 1, 5, f) == 5);
    fclose(f);
    assert_memory_equal(head, "%PDF-", 5);
    /* English labels on request */
    assert_int_equal(write_file(c, &info, png, err, sizeof err), 0);
    /* a bad name is a one-line error (-1), and so is a failed write (-2), with its reason */
    assert_int_equal(chart_write(c, &info, "chart.jpg", stdout, err, sizeof err), -1);
    assert_non_null(strstr(err, ".png, .svg or .pdf"));
    for (int i = 0; i < 3; i++) {
        const char *name[] = {"full.png", "full.svg", "full.pdf"};
        f = fopen("/dev/full", "wb");
        assert_non_null(f);
        assert_int_equal(chart_write(c, &info, name[i], f, err, sizeof err), -2);
        fclose(f);
        assert_non_null(strstr(err, "cannot write the chart"));
        assert_non_null(strstr(err, "No space left on device"));
        assert_null(strchr(err, '\n'));
    }
    assert_true(chart_path_ok("A.PNG") && chart_path_ok("a.svg") && chart_path_ok("b.pdf"));
    assert_false(chart_path_ok(".png") || chart_path_ok("png") || chart_path_ok("a.png.txt"));
    unlink(png);
    unlink(svg);
    unlink(pdf);
    rmdir(dir);
    shebao_comparison_free(c);
    shebao_policy_free(pol);
}

/* chart_close of a drawing cairo refused, in lang, into err: an image above cairo's largest side (32767 pixels:
 * CAIRO_STATUS_INVALID_SIZE) when big, else a dash of negative length (CAIRO_STATUS_INVALID_DASH, a status no
 * chart expects). */
static int refused(cli_lang lang, bool big, const char *what, char *err, size_t size)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, big ? 40000 : 8, 8);
    cairo_t *cr = cairo_create(s);
    if (!big)
        cairo_set_dash(cr, (const double[]){-1}, 1, 0);
    chart_sink k = {fopen("/dev/null", "wb"), 0};
    assert_non_null(k.f);
    cli_lang_set(lang);
    int rc = chart_close(cr, s, true, &k, what, "x.png", err, size);
    cli_lang_reset();
    fclose(k.f);
    return rc;
}

/* cairo's failures: its own text in en and both (as before --lang), named in Chinese in zh (the translations
 * typed in po/zh_CN.po, from the catalogue of the build tree), cairo's text kept for a status not named. */
static void test_cairo_failure_words(void **state)
{
    (void)state;
    assert_true(setlocale(LC_MESSAGES, "C.UTF-8") || setlocale(LC_MESSAGES, "C.utf8"));
    setenv("LANGUAGE", "zh_CN", 1);
    bindtextdomain("shebao", SHEBAO_TEST_LOCALEDIR);
    bind_textdomain_codeset("shebao", "UTF-8");
    char err[512], want[512];
    const char *size = cairo_status_to_string(CAIRO_STATUS_INVALID_SIZE);
    const char *dash = cairo_status_to_string(CAIRO_STATUS_INVALID_DASH);
    snprintf(want, sizeof want, "cannot write the chart 'x.png': %s", size);
    for (int l = 0; l < 2; l++) {
        assert_int_equal(refused(l ? CLI_LANG_EN : CLI_LANG_BOTH, true, "chart", err, sizeof err), -1);
        assert_string_equal(err, want);
    }
    assert_int_equal(refused(CLI_LANG_ZH, true, "chart", err, sizeof err), -1);
    assert_string_equal(err, "无法写入图 'x.png'：页面或图片的尺寸太大");
    assert_int_equal(refused(CLI_LANG_ZH, false, "report", err, sizeof err), -1);
    snprintf(want, sizeof want, "无法写入报告 'x.png'：绘图库出错（%s）", dash);
    assert_string_equal(err, want);
    snprintf(want, sizeof want, "cannot write the report 'x.png': %s", dash);
    assert_int_equal(refused(CLI_LANG_EN, false, "report", err, sizeof err), -1);
    assert_string_equal(err, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cjk_glyphs_not_tofu),
        cmocka_unit_test(test_chart_files),
        cmocka_unit_test(test_cairo_failure_words),
    };
    int failed = cmocka_run_group_tests(tests, tu_setup, tu_teardown);
    chart_cleanup();
    return failed;
}
