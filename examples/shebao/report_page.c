/* shebao report: one A4 page (PDF) from a comparison (report_page.h).
 *
 * Top to bottom: the title with the person, the policy and its data horizon; the lowest-versus-highest summary in
 * three sentences (compare_three), or why the ends cannot be compared (compare_sentence); what an end that is not
 * eligible could still do (shebao_projection_advice); the options table (the lowest, a middle and the highest grade
 * compared, at every length: paid in all, monthly pension, age of break-even); a bar chart of those monthly
 * pensions (none when none of them is eligible); the non-official values in one line, the caveat and the date.
 *
 * Text is drawn as text (cairo_show_text: the PDF embeds a subset of Noto Sans CJK SC and pdftotext reads it back),
 * unlike the chart of `compare --chart`, which draws outlines. Every figure is formatted from fen by the library,
 * as in `compare --format json`; floating point is used only for positions on the page. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "chart.h"
#include "cli_words.h"
#include "compare_text.h"
#include "report_page.h"

#define PW 595.28 /* A4 in points */
#define PH 841.89
#define M 36.0    /* margin */
#define TW (PW - 2 * M)

typedef struct page {
    cairo_t *cr;
    const shebao_comparison *c;
    const report_info *in;
    bool zh;
    double y;       /* the next baseline */
    size_t missing; /* texts drawn with a character the font has no glyph for (a box) */
} page;

#define T(pg, zh_text, en_text) ((pg)->zh ? (zh_text) : (en_text))

static void grey(cairo_t *cr, double v) { cairo_set_source_rgb(cr, v, v, v); }

static double width_of(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

enum { LEFT, CENTER, RIGHT };

/* Text with its baseline at y, aligned at x; a character without a glyph is counted. */
static void show(page *pg, double x, double y, const char *s, int align)
{
    cairo_t *cr = pg->cr;
    if (*s && !chart_font_covers(cr, s))
        pg->missing++;
    double w = width_of(cr, s);
    cairo_move_to(cr, align == LEFT ? x : align == CENTER ? x - w / 2 : x - w, y);
    cairo_show_text(cr, s);
}

/* ---- wrapped paragraphs ------------------------------------------------------------------------------------ */

static const char *next_char(const char *p)
{
    p++;
    while ((*p & 0xC0) == 0x80)
        p++;
    return p;
}

/* A line may end between the characters at a and b (b = next_char(a)): after a space, or next to a CJK character,
 * but never inside a run of Latin letters and digits (a figure stays whole) nor before closing punctuation. */
static bool may_break(const char *a, const char *b)
{
    static const char *const closing[] = {"，", "。", "、", "；", "：", "）", "！", "？", ")", ",", ".", ";", ":"};
    if (!*b)
        return true;
    for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
        if (strncmp(b, closing[i], strlen(closing[i])) == 0)
            return false;
    if (*a == ' ')
        return true;
    if (strncmp(a, "（", strlen("（")) == 0 || *a == '(')
        return false;
    return (unsigned char)*a >= 0x80 || (unsigned char)*b >= 0x80;
}

/* s wrapped to `width` from x, one line every lh from pg->y on; pg->y ends below the last line. */
static void para(page *pg, double x, double width, double lh, const char *s)
{
    char line[1024];
    const char *start = s;
    while (*start) {
        const char *p = start, *brk = NULL;
        while (*p) {
            const char *q = next_char(p);
            size_t n = (size_t)(q - start) < sizeof line ? (size_t)(q - start) : sizeof line - 1;
            memcpy(line, start, n);
            line[n] = '\0';
            if (width_of(pg->cr, line) > width && p != start)
                break;
            if (may_break(p, q))
                brk = q;
            p = q;
        }
        if (!*p || !brk)
            brk = p;
        size_t n = (size_t)(brk - start) < sizeof line ? (size_t)(brk - start) : sizeof line - 1;
        memcpy(line, start, n);
        line[n] = '\0';
        show(pg, x, pg->y, line, LEFT);
        pg->y += lh;
        start = brk;
        while (*start == ' ')
            start++;
    }
}

/* ---- sections ---------------------------------------------------------------------------------------------- */

static void heading(page *pg, const char *s)
{
    pg->y += 8;
    grey(pg->cr, 0.1);
    chart_font(pg->cr, true, 12.5);
    show(pg, M, pg->y, s, LEFT);
    cairo_set_line_width(pg->cr, 0.6);
    grey(pg->cr, 0.6);
    cairo_move_to(pg->cr, M, pg->y + 4);
    cairo_line_to(pg->cr, PW - M, pg->y + 4);
    cairo_stroke(pg->cr);
    pg->y += 19;
}

static const char *money(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(f, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

/* A grade as the user wrote it: "300" for 300.00. */
static const char *grade_text(shebao_fen g, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(g, buf, SHEBAO_MONEY_BUFSZ);
    size_t n = strlen(buf);
    if (n > 3 && strcmp(buf + n - 3, ".00") == 0)
        buf[n - 3] = '\0';
    return buf;
}

static void title(page *pg)
{
    const report_info *in = pg->in;
    char buf[512], g[SHEBAO_MONEY_BUFSZ];
    grey(pg->cr, 0.05);
    chart_font(pg->cr, true, 19);
    snprintf(buf, sizeof buf, "%s%s%s", T(pg, "城乡居民养老保险：缴费选择", "Resident pension: your options"),
             in->name ? " · " : "", in->name ? in->name : "");
    show(pg, M, pg->y, buf, LEFT);
    pg->y += 22;
    grey(pg->cr, 0.25);
    chart_font(pg->cr, false, 10);
    snprintf(buf, sizeof buf, T(pg, "%s 出生 · %d 年起缴 · %s 起领", "born %s · paying from %d · pension from %s"),
             in->birth, shebao_comparison_start_year(pg->c), shebao_comparison_claim_month(pg->c));
    para(pg, M, TW, 14, buf);
    if (in->paid || in->backpay_years) {
        char p[128] = "", b[128] = "";
        if (in->paid)
            snprintf(p, sizeof p, T(pg, "已缴年份 %s", "years already paid %s"), in->paid);
        if (in->backpay_years)
            snprintf(b, sizeof b, T(pg, "补缴 %d 年 × %s 元", "back payment %d years × %s"), in->backpay_years,
                     grade_text(in->backpay_grade, g));
        snprintf(buf, sizeof buf, "%s%s%s", p, in->paid && in->backpay_years ? " · " : "", b);
        para(pg, M, TW, 14, buf);
    }
    char dt[64] = "";
    if (in->data_through)
        snprintf(dt, sizeof dt, T(pg, "（数据截至 %s）", " (figures complete through %s)"), in->data_through);
    snprintf(buf, sizeof buf, T(pg, "政策：%s%s", "Policy: %s%s"), in->policy, dt);
    para(pg, M, TW, 14, buf);
}

/* The summary at the longest length: three sentences, or why the two ends cannot be compared. Returns the end
 * that is not eligible (the lowest when neither is), or NULL. */
static const shebao_projection *summary(page *pg)
{
    const shebao_comparison *c = pg->c;
    size_t jl = shebao_comparison_years_count(c) - 1;
    shebao_compare_delta d;
    if (shebao_comparison_summary(c, jl, &d) != SHEBAO_OK)
        return NULL;
    compare_ends ends;
    const shebao_projection *no = compare_ends_at(c, jl, &ends);
    const shebao_segment *s;
    size_t ns;
    bool path = shebao_comparison_path(c, 0, &s, &ns) == SHEBAO_OK;
    char buf[256];
    snprintf(buf, sizeof buf, T(pg, "最高档与最低档比一比（缴%d年%s）", "Highest against lowest grade (%d years%s)"),
             d.from_years, path ? T(pg, "，每年在用的档次", ", the grades in force each year") : "");
    heading(pg, buf);
    char three[3][COMPARE_LINE];
    grey(pg->cr, 0.05);
    if (compare_three(&d, path, &ends, pg->zh, three)) {
        for (int k = 0; k < 3; k++) {
            chart_font(pg->cr, true, 12);
            show(pg, M, pg->y, "•", LEFT);
            chart_font(pg->cr, k == 0 ? false : true, 12);
            para(pg, M + 14, TW - 14, 17, three[k]);
        }
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&text, &len);
    if (mf) {
        compare_sentence(mf, &d, path, &ends, pg->zh, !pg->zh);
        if (fclose(mf) == 0 && len > 0) {
            text[len - 1] = text[len - 1] == '\n' ? '\0' : text[len - 1];
            chart_font(pg->cr, true, 11.5);
            para(pg, M, TW, 16, text);
        }
    }
    free(text);
    return no;
}

/* What the end that is not eligible could still do. */
static void advice(page *pg, const shebao_projection *no)
{
    shebao_advice a = SHEBAO_ADVICE_INIT;
    if (!no || shebao_projection_advice(no, &a) != SHEBAO_OK)
        return;
    char buf[512], g[SHEBAO_MONEY_BUFSZ], cost[SHEBAO_MONEY_BUFSZ], m[SHEBAO_MONEY_BUFSZ];
    heading(pg, T(pg, "怎样才能领取", "What it would take"));
    grey(pg->cr, 0.1);
    chart_font(pg->cr, false, 10.5);
    snprintf(buf, sizeof buf, T(pg, "已缴%d年，需缴%d年，还差%d年。", "Paid %d of the %d years required: %d missing."),
             a.years_paid, a.years_required, a.years_missing);
    para(pg, M, TW, 15, buf);
    if (a.years_payable)
        snprintf(buf, sizeof buf, T(pg, "还可以按年缴费%d年（%d–%d年）。", "%d year(s) can still be paid (%d-%d)."),
                 a.years_payable, a.payable_from, a.last_payable_year);
    else
        snprintf(buf, sizeof buf, T(pg, "已没有可以按年缴费的年份（最后可缴年份%d年）。",
                                    "No year can be paid any more (the last payable year is %d)."),
                 a.last_payable_year);
    para(pg, M, TW, 15, buf);
    for (int k = 0; k < 2; k++) {
        if (!(k ? a.has_highest : a.has_lowest))
            continue;
        shebao_money_format(k ? a.highest_grade : a.lowest_grade, g, sizeof g);
        shebao_money_format(k ? a.highest_cost : a.lowest_cost, cost, sizeof cost);
        shebao_money_format(k ? a.highest_monthly : a.lowest_monthly, m, sizeof m);
        snprintf(buf, sizeof buf, T(pg, "按%s补缴%d年（每年%s元），共%s元，每月可领%s元。",
                                    "Back payment at the %s allowed grade, %d year(s) at %s: %s in all, a pension of "
                                    "%s a month."),
                 T(pg, k ? "最高档" : "最低档", k ? "highest" : "lowest"), a.backpay_years, g, cost, m);
        para(pg, M, TW, 15, buf);
    }
    if (!a.has_lowest && !a.has_highest)
        para(pg, M, TW, 15, T(pg, "没有可用的补缴档次。", "No grade is allowed for a back payment."));
}

/* The grades shown: the lowest, a middle and the highest compared (fewer when fewer were compared). */
static size_t shown_grades(const shebao_comparison *c, size_t idx[3])
{
    size_t ng = shebao_comparison_grade_count(c), n = 0;
    idx[n++] = 0;
    if (ng >= 3)
        idx[n++] = ng / 2;
    if (ng >= 2)
        idx[n++] = ng - 1;
    return n;
}

/* The options table: a row per length, three columns per grade shown. */
static void options(page *pg)
{
    cairo_t *cr = pg->cr;
    const shebao_comparison *c = pg->c;
    size_t idx[3], ng = shown_grades(c, idx), ny = shebao_comparison_years_count(c);
    char buf[128], a[SHEBAO_MONEY_BUFSZ];
    heading(pg, T(pg, "可选方案：每年缴费档次 × 缴费年限", "Options: yearly grade × years paid"));
    /* per grade: paid in all, a month, break-even age ("64岁11个月" is the widest) */
    static const double weight[3] = {0.31, 0.29, 0.40};
    double first = 44, gw = (TW - first) / (double)ng, rh = 15;
    chart_font(cr, true, 9.5);
    for (size_t k = 0; k < ng; k++) {
        double x = M + first + (double)k * gw;
        chart_colour(cr, k);
        cairo_rectangle(cr, x + 4, pg->y - 9, gw - 8, 13);
        cairo_fill(cr);
        grey(cr, 1);
        snprintf(buf, sizeof buf, T(pg, "每年 %s 元", "%s a year"), grade_text(shebao_comparison_grade(c, idx[k]), a));
        show(pg, x + gw / 2, pg->y + 1, buf, CENTER);
    }
    pg->y += rh;
    grey(cr, 0.2);
    chart_font(cr, false, 8.5);
    show(pg, M, pg->y, T(pg, "缴费年限", "years"), LEFT);
    static const char *const zh_cols[] = {"个人共缴", "每月领取", "回本年龄"},
                             *const en_cols[] = {"paid in all", "a month", "break-even"};
    double right[3]; /* the right edge of each column within a grade */
    right[0] = gw * weight[0] - 4;
    right[1] = right[0] + gw * weight[1];
    right[2] = gw - 4;
    for (size_t k = 0; k < ng; k++)
        for (size_t i = 0; i < 3; i++)
            show(pg, M + first + (double)k * gw + right[i], pg->y, T(pg, zh_cols[i], en_cols[i]), RIGHT);
    pg->y += 4;
    bool any_not = false;
    for (size_t j = 0; j < ny; j++) {
        if (j % 2 == 0) {
            grey(cr, 0.94);
            cairo_rectangle(cr, M, pg->y, TW, rh);
            cairo_fill(cr);
        }
        double base = pg->y + 10.8;
        grey(cr, 0.05);
        chart_font(cr, true, 9.5);
        snprintf(buf, sizeof buf, T(pg, "%d年", "%d years"), shebao_comparison_years(c, j));
        show(pg, M + 2, base, buf, LEFT);
        chart_font(cr, false, 9);
        for (size_t k = 0; k < ng; k++) {
            shebao_compare_cell f;
            shebao_comparison_cell(c, idx[k], j, &f);
            double x = M + first + (double)k * gw;
            show(pg, x + right[0], base, money(f.personal_total, a), RIGHT);
            if (!f.eligible) {
                any_not = true;
                show(pg, x + right[1], base, "—", RIGHT);
                show(pg, x + right[2], base, "—", RIGHT);
                continue;
            }
            show(pg, x + right[1], base, money(f.monthly_total, a), RIGHT);
            if (f.has_breakeven)
                cli_age(f.breakeven_age_years * 12 + f.breakeven_age_months, pg->zh ? CLI_LANG_ZH : CLI_LANG_EN, buf);
            show(pg, x + right[2], base, f.has_breakeven ? buf : "—", RIGHT);
        }
        pg->y += rh;
    }
    pg->y += 11;
    grey(cr, 0.35);
    chart_font(cr, false, 8.5);
    char note[512];
    snprintf(note, sizeof note, "%s%s", T(pg, "金额单位：元。回本年龄：领取的养老金累计达到个人共缴金额时的年龄（不计利息）。",
                                        "Amounts in yuan. Break-even: the age when the pension received has paid back "
                                        "what was paid (no interest)."),
             any_not ? T(pg, "“—”：不符合领取条件。", " \"—\": not eligible.") : "");
    para(pg, M, TW, 12, note);
}

/* The bar chart: the monthly pension of each grade shown, grouped by length. */
static void bars(page *pg)
{
    cairo_t *cr = pg->cr;
    const shebao_comparison *c = pg->c;
    size_t idx[3], ng = shown_grades(c, idx), ny = shebao_comparison_years_count(c);
    char buf[128], a[SHEBAO_MONEY_BUFSZ];
    shebao_fen max = 0;
    for (size_t k = 0; k < ng; k++)
        for (size_t j = 0; j < ny; j++) {
            shebao_compare_cell f;
            if (shebao_comparison_cell(c, idx[k], j, &f) == SHEBAO_OK && f.eligible && f.monthly_total > max)
                max = f.monthly_total;
        }
    if (max == 0) /* no pension to draw: nobody shown is eligible */
        return;
    heading(pg, T(pg, "每月养老金（元）", "Monthly pension (yuan)"));
    /* as tall as the page leaves room for (the footer takes 60, the axis labels and the legend 40) */
    double top = pg->y + 4, h = fmin(260, fmax(110, PH - M - 60 - 40 - top)), bottom = top + h, x0 = M + 40, x1 = PW - M;
    double step = chart_nice_step((double)max / 100.0, 4), ymax = ceil((double)max / 100.0 / step) * step;
    chart_font(cr, false, 8);
    cairo_set_line_width(cr, 0.5);
    for (double v = 0; v <= ymax + step / 2; v += step) {
        double py = bottom - h * v / ymax;
        grey(cr, 0.85);
        cairo_move_to(cr, x0, py);
        cairo_line_to(cr, x1, py);
        cairo_stroke(cr);
        grey(cr, 0.35);
        snprintf(buf, sizeof buf, "%ld", lround(v));
        show(pg, x0 - 5, py + 3, buf, RIGHT);
    }
    double gw = (x1 - x0) / (double)ny, bw = fmin(gw * 0.7 / (double)ng, 48); /* a bar at most 48 wide */
    for (size_t j = 0; j < ny; j++) {
        double gx = x0 + (double)j * gw + (gw - bw * (double)ng) / 2;
        for (size_t k = 0; k < ng; k++) {
            shebao_compare_cell f;
            shebao_comparison_cell(c, idx[k], j, &f);
            double bh = f.eligible ? h * ((double)f.monthly_total / 100.0) / ymax : 0;
            chart_colour(cr, k);
            cairo_rectangle(cr, gx + (double)k * bw, bottom - bh, bw - 1, bh);
            cairo_fill(cr);
        }
        grey(cr, 0.2);
        snprintf(buf, sizeof buf, T(pg, "缴%d年", "%d years"), shebao_comparison_years(c, j));
        show(pg, x0 + ((double)j + 0.5) * gw, bottom + 11, buf, CENTER);
    }
    grey(cr, 0.3);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, x0, top);
    cairo_line_to(cr, x0, bottom);
    cairo_line_to(cr, x1, bottom);
    cairo_stroke(cr);
    pg->y = bottom + 26;
    double lx = x0;
    chart_font(cr, false, 9);
    for (size_t k = 0; k < ng; k++) {
        chart_colour(cr, k);
        cairo_rectangle(cr, lx, pg->y - 8, 9, 9);
        cairo_fill(cr);
        grey(cr, 0.2);
        snprintf(buf, sizeof buf, T(pg, "每年 %s 元", "%s a year"), grade_text(shebao_comparison_grade(c, idx[k]), a));
        show(pg, lx + 13, pg->y, buf, LEFT);
        lx += 13 + width_of(cr, buf) + 18;
    }
    pg->y += 10;
}

/* The non-official values in one line (how many, of which kind), the caveat and the date. */
static void footer(page *pg)
{
    size_t n = shebao_comparison_assumption_count(pg->c), by[6] = {0};
    for (size_t i = 0; i < n; i++) {
        shebao_param q;
        if (shebao_comparison_assumption(pg->c, i, &q) == SHEBAO_OK && (size_t)q.status < 6)
            by[q.status]++;
    }
    char kinds[256] = "", buf[512];
    for (size_t s = 1; s < 6; s++) {
        if (!by[s])
            continue;
        size_t len = strlen(kinds);
        if (pg->zh)
            snprintf(kinds + len, sizeof kinds - len, "%s%s %zu 项", len ? "，" : "", cli_status((shebao_status)s, CLI_LANG_ZH), by[s]);
        else
            snprintf(kinds + len, sizeof kinds - len, "%s%zu %s", len ? ", " : "", by[s],
                     shebao_status_name((shebao_status)s));
    }
    pg->y = pg->y > PH - M - 44 ? pg->y + 8 : PH - M - 36;
    grey(pg->cr, 0.3);
    chart_font(pg->cr, false, 8.5);
    if (n)
        snprintf(buf, sizeof buf, T(pg, "非官方数值 %zu 项（%s），清单见 shebao compare。",
                                    "%zu non-official values (%s): see shebao compare for the list."),
                 n, kinds);
    else
        snprintf(buf, sizeof buf, "%s", T(pg, "所有数值均有官方来源。", "Every value has an official source."));
    para(pg, M, TW, 12, buf);
    snprintf(buf, sizeof buf, T(pg, "估算，仅供参考，以当地人社部门公布为准。生成日期 %s · shebao %s",
                                "An estimate; the local social-insurance bureau's figures prevail. Made %s · shebao %s"),
             pg->in->date, shebao_version());
    para(pg, M, TW, 12, buf);
}

int report_write(const shebao_comparison *c, const report_info *info, const char *path, FILE *f, char *err,
                 size_t errsize)
{
    chart_sink k = {f, 0};
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(chart_put, &k, PW, PH);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, info->zh ? "城乡居民养老保险：缴费选择"
                                                                          : "Resident pension: your options");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "shebao report");
    cairo_t *cr = cairo_create(s);
    chart_font(cr, false, 12);
    /* Chinese only when the font really has the glyphs; otherwise English rather than boxes */
    bool zh = info->zh && chart_font_covers(cr, "城乡居民养老保险缴费选择每年多领回本元档次");
    page pg = {cr, c, info, zh, M + 16, 0};
    grey(cr, 1);
    cairo_paint(cr);
    title(&pg);
    advice(&pg, summary(&pg));
    options(&pg);
    bars(&pg);
    footer(&pg);
    int rc = chart_close(cr, s, false, &k, N_("report"), path, err, errsize);
    return rc < 0 ? rc : info->zh && !zh ? 1 : pg.missing ? 2 : 0;
}
