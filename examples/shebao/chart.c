/* shebao compare --chart: the comparison as a picture a guide can show on a phone or print.
 *
 * Top: the monthly pension for every grade (rows) and contribution length (one bar each), value written at the
 * end of each bar. Bottom: the individual-account balance year by year for the lowest and the highest grade at
 * the longest length. Drawn with cairo (PNG, SVG, PDF) and its toy text API in the Noto Sans CJK SC family, so
 * Chinese labels render (fontconfig resolves the family); text is drawn as outlines, so PNG, SVG and PDF look
 * the same and no font subset is embedded. The canvas is 1080 units wide, the width of a phone
 * screen held upright, with text of 26 units or more (values beside the bars shrink to 20 when there are
 * five or more lengths, and a line too long for the width shrinks until it fits).
 *
 * Money is formatted from fen by the library; floating point is used only for positions on the page. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "cli.h"

#include "chart.h"

#define CW 1080.0   /* canvas width */
#define MARGIN 60.0
#define PLOT_H 620.0 /* height of the balance plot */

/* Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, dark enough on white. */
static const double palette[][3] = {
    {0.000, 0.447, 0.698}, {0.902, 0.624, 0.000}, {0.000, 0.620, 0.451},
    {0.800, 0.475, 0.655}, {0.337, 0.706, 0.914}, {0.835, 0.369, 0.000},
};
#define NPALETTE (sizeof palette / sizeof palette[0])

typedef struct labels {
    const char *title, *subtitle, *panel1, *panel1_sub, *years, *per_year, *not_eligible, *panel2, *panel2_sub,
        *lowest, *highest, *balance_at, *footer1, *footer2, *path_sub, *path_lowest, *path_highest;
} labels;

static const labels zh_labels = {
    "多缴多得、长缴长得：城乡居民养老金",
    "%s 出生 · %d 年起缴 · %s 起领 · 政策 %s",
    "每月养老金（元）",
    "按每年缴费档次和缴费年限",
    "缴%d年",
    "%s元/年",
    "不符合领取条件",
    "个人账户余额（元）",
    "最低档与最高档，各缴%d年，直到 %s 领取",
    "最低档",
    "最高档",
    "%s %s：领取时余额 %s 元",
    "估算，仅供参考，以当地人社部门公布为准。",
    "依据 %zu 项非官方数值（如记账利率），详见 shebao compare 的输出。",
    "档次表有变化：每年在用的最低档与最高档，各缴%d年，直到 %s 领取",
    "每年最低档",
    "每年最高档",
};

static const labels en_labels = {
    "Resident pension: pay more, get more",
    "born %s · paying from %d · pension from %s · policy %s",
    "Monthly pension (yuan)",
    "by yearly grade and years paid",
    "%d years",
    "%s/yr",
    "not eligible",
    "Account balance (yuan)",
    "lowest and highest grade, %d years each, to the claim in %s",
    "lowest",
    "highest",
    "%s %s: %s at the claim",
    "An estimate; the local social-insurance bureau's figures prevail.",
    "Rests on %zu non-official values (e.g. the interest rate); see shebao compare.",
    "the grade tables change: the lowest and highest grade in force each year, %d years each, to the claim in %s",
    "lowest each year",
    "highest each year",
};

void chart_font(cairo_t *cr, bool bold, double size)
{
    cairo_select_font_face(cr, CHART_FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

bool chart_font_covers(cairo_t *cr, const char *text)
{
    cairo_glyph_t *glyphs = NULL;
    int n = 0;
    cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
    if (cairo_scaled_font_text_to_glyphs(sf, 0, 0, text, -1, &glyphs, &n, NULL, NULL, NULL) != CAIRO_STATUS_SUCCESS)
        return false;
    bool ok = n > 0;
    for (int i = 0; i < n; i++)
        if (glyphs[i].index == 0) /* .notdef: the font has no glyph for this character (tofu) */
            ok = false;
    cairo_glyph_free(glyphs);
    return ok;
}

bool chart_path_ok(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && (strcasecmp(path + n - 4, ".png") == 0 || strcasecmp(path + n - 4, ".svg") == 0 ||
                     strcasecmp(path + n - 4, ".pdf") == 0);
}

/* ---- small drawing helpers --------------------------------------------------------------------------------- */

enum { LEFT, CENTER, RIGHT };

static double text_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

/* Text with its baseline at y, aligned at x. */
static void text_at(cairo_t *cr, double x, double y, const char *s, int align)
{
    double w = text_width(cr, s);
    cairo_move_to(cr, align == LEFT ? x : align == CENTER ? x - w / 2 : x - w, y);
    cairo_text_path(cr, s); /* outlines: the same look in PNG, SVG and PDF, and no font subset to embed */
    cairo_fill(cr);
}

/* A line of text that must fit between the margins: the font shrinks (down to 20) until it does. */
static void line_at(cairo_t *cr, double x, double y, const char *s, bool bold, double size)
{
    chart_font(cr, bold, size);
    while (size > 20 && x + text_width(cr, s) > CW - MARGIN) {
        size -= 1;
        chart_font(cr, bold, size);
    }
    text_at(cr, x, y, s, LEFT);
}

static void grey(cairo_t *cr, double v) { cairo_set_source_rgb(cr, v, v, v); }

static void colour(cairo_t *cr, size_t i)
{
    const double *c = palette[i % NPALETTE];
    cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

/* A grade as the user wrote it: "300" for 300.00, "1234.50" otherwise. */
static void grade_text(shebao_fen g, char *buf, size_t size)
{
    shebao_money_format(g, buf, size);
    size_t n = strlen(buf);
    if (n > 3 && strcmp(buf + n - 3, ".00") == 0)
        buf[n - 3] = '\0';
}

/* A tick value in yuan: 10万 / 1.5万 or 100k / 1.5k above a thousand. */
static void tick_text(long v, bool zh, char *buf, size_t size)
{
    if (v != 0 && zh && v % 1000 == 0)
        snprintf(buf, size, v % 10000 == 0 ? "%ld万" : "%ld.%ld万", v / 10000, (v % 10000) / 1000);
    else if (v != 0 && !zh && v % 100 == 0 && v >= 1000)
        snprintf(buf, size, v % 1000 == 0 ? "%ldk" : "%ld.%ldk", v / 1000, (v % 1000) / 100);
    else
        snprintf(buf, size, "%ld", v);
}

/* A "nice" step (1, 2 or 5 × 10^k) that cuts [0, max] into at most n pieces. */
static double nice_step(double max, int n)
{
    if (max <= 0)
        return 1;
    double raw = max / n, mag = pow(10, floor(log10(raw))), norm = raw / mag;
    return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

static double fen_to_units(shebao_fen f) { return (double)f / 100.0; } /* positions only */

/* ---- the picture ------------------------------------------------------------------------------------------- */

typedef struct layout {
    double bar_h, bar_gap, group_h, bars_top, bars_h, plot_top, height;
} layout;

static layout make_layout(size_t ng, size_t ny)
{
    layout L;
    L.bar_h = ny <= 2 ? 40 : ny <= 4 ? 32 : 24;
    L.bar_gap = 6;
    L.group_h = (double)ny * L.bar_h + (double)(ny - 1) * L.bar_gap + 34;
    L.bars_top = MARGIN + 70 + 56 + 70 + 44 + 60;
    L.bars_h = (double)ng * L.group_h;
    L.plot_top = L.bars_top + L.bars_h + 40 + 44 + 2 * 46 + 50; /* panel title, subtitle, legend, gap */
    L.height = L.plot_top + PLOT_H + 60 + 40 + 2 * 40 + MARGIN;
    return L;
}

/* A panel's title, then the font and colour of its subtitle (which the caller writes at the returned y). */
static double panel_head(cairo_t *cr, double y, const char *title)
{
    grey(cr, 0.1);
    chart_font(cr, true, 40);
    text_at(cr, MARGIN, y, title, LEFT);
    y += 44;
    chart_font(cr, false, 28);
    grey(cr, 0.35);
    return y;
}

/* The chart's title and subtitle; returns where the first panel starts. */
static double draw_title(cairo_t *cr, const shebao_comparison *c, const chart_info *info, const labels *T)
{
    char buf[256];
    double y = MARGIN + 46;
    grey(cr, 0.1);
    line_at(cr, MARGIN, y, T->title, true, 50);
    y += 56;
    grey(cr, 0.35);
    snprintf(buf, sizeof buf, T->subtitle, info->birth, shebao_comparison_start_year(c),
             shebao_comparison_claim_month(c), info->policy);
    line_at(cr, MARGIN, y, buf, false, 30);
    return y + 70;
}

/* Panel 1's head and its legend: one colour per length. */
static void draw_bars_head(cairo_t *cr, const shebao_comparison *c, const labels *T, double y)
{
    char buf[256];
    y = panel_head(cr, y, T->panel1);
    text_at(cr, MARGIN, y, T->panel1_sub, LEFT);
    y += 52;
    double lx = MARGIN;
    chart_font(cr, false, 30);
    for (size_t j = 0; j < shebao_comparison_years_count(c); j++) {
        colour(cr, j);
        cairo_rectangle(cr, lx, y - 24, 28, 28);
        cairo_fill(cr);
        grey(cr, 0.15);
        snprintf(buf, sizeof buf, T->years, shebao_comparison_years(c, j));
        text_at(cr, lx + 38, y, buf, LEFT);
        lx += 38 + text_width(cr, buf) + 36;
    }
}

/* The widest grade label ("300 元/年") and the largest monthly total (the scale of the bars). */
static double bar_scale(cairo_t *cr, const shebao_comparison *c, const labels *T, shebao_fen *max)
{
    size_t ng = shebao_comparison_grade_count(c), ny = shebao_comparison_years_count(c);
    char buf[256], a[SHEBAO_MONEY_BUFSZ];
    *max = 1;
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < ny; j++) {
            shebao_compare_cell cell;
            if (shebao_comparison_cell(c, i, j, &cell) == SHEBAO_OK && cell.eligible && cell.monthly_total > *max)
                *max = cell.monthly_total;
        }
    chart_font(cr, true, 34);
    double label_w = 0;
    for (size_t i = 0; i < ng; i++) {
        grade_text(shebao_comparison_grade(c, i), a, sizeof a);
        snprintf(buf, sizeof buf, T->per_year, a);
        double w = text_width(cr, buf);
        if (w > label_w)
            label_w = w;
    }
    return label_w;
}

/* Panel 1: the monthly pension by grade and length, one bar per cell. */
static void draw_bars(cairo_t *cr, const shebao_comparison *c, const labels *T, const layout *L, double y)
{
    size_t ng = shebao_comparison_grade_count(c), ny = shebao_comparison_years_count(c);
    char buf[256], a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ];
    draw_bars_head(cr, c, T, y);
    shebao_fen max;
    double x0 = MARGIN + bar_scale(cr, c, T, &max) + 20, x1 = CW - MARGIN - 150;
    double value_font = L->bar_h >= 36 ? 30 : L->bar_h >= 30 ? 26 : 20;
    for (size_t i = 0; i < ng; i++) {
        double gy = L->bars_top + (double)i * L->group_h;
        double inner = (double)ny * L->bar_h + (double)(ny - 1) * L->bar_gap;
        grade_text(shebao_comparison_grade(c, i), a, sizeof a);
        snprintf(buf, sizeof buf, T->per_year, a);
        chart_font(cr, true, 34);
        grey(cr, 0.1);
        text_at(cr, x0 - 20, gy + inner / 2 + 12, buf, RIGHT);
        for (size_t j = 0; j < ny; j++) {
            shebao_compare_cell cell;
            shebao_comparison_cell(c, i, j, &cell);
            double by = gy + (double)j * (L->bar_h + L->bar_gap);
            double len = cell.eligible ? (x1 - x0) * fen_to_units(cell.monthly_total) / fen_to_units(max) : 0;
            colour(cr, j);
            cairo_rectangle(cr, x0, by, len, L->bar_h);
            cairo_fill(cr);
            chart_font(cr, false, value_font);
            grey(cr, 0.1);
            if (cell.eligible)
                shebao_money_format(cell.monthly_total, b, sizeof b);
            text_at(cr, x0 + len + 10, by + L->bar_h / 2 + value_font * 0.36, cell.eligible ? b : T->not_eligible,
                    LEFT);
        }
    }
    grey(cr, 0.3);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, x0, L->bars_top - 10);
    cairo_line_to(cr, x0, L->bars_top + L->bars_h - 24);
    cairo_stroke(cr);
}

/* Panel 2's lines: the balance of the lowest and the highest grade at the longest length, and their range. */
typedef struct balances {
    const shebao_projection *lines[2];
    size_t n;
    shebao_fen max;
    int ymin, ymax;
} balances;

static balances find_balances(const shebao_comparison *c)
{
    size_t jl = shebao_comparison_years_count(c) - 1, hi = shebao_comparison_grade_count(c) - 1;
    const shebao_segment *s;
    size_t ns;
    bool path = shebao_comparison_path(c, 0, &s, &ns) == SHEBAO_OK; /* the summary's ends: the path, or cells */
    balances B = {{shebao_comparison_end(c, jl, 0), shebao_comparison_end(c, jl, 1)}, path || hi > 0 ? 2 : 1, 1, 0, 0};
    for (size_t k = 0; k < B.n; k++) {
        size_t n = shebao_projection_ledger_count(B.lines[k]);
        for (size_t r = 0; r < n; r++) {
            shebao_ledger_row row;
            shebao_projection_ledger_row(B.lines[k], r, &row);
            if (row.balance > B.max)
                B.max = row.balance;
            if (B.ymin == 0 || row.year < B.ymin)
                B.ymin = row.year;
            if (row.year > B.ymax)
                B.ymax = row.year;
        }
    }
    return B;
}

/* Panel 2's head and its legend: one line each, with the balance at the claim. */
static void draw_balances_head(cairo_t *cr, const shebao_comparison *c, const labels *T, const layout *L,
                               const balances *B)
{
    size_t jl = shebao_comparison_years_count(c) - 1, hi = shebao_comparison_grade_count(c) - 1;
    char buf[256], a[SHEBAO_MONEY_BUFSZ], b[SHEBAO_MONEY_BUFSZ];
    const shebao_segment *ps[2] = {NULL, NULL};
    size_t np[2] = {0, 0};
    bool path = shebao_comparison_path(c, 0, &ps[0], &np[0]) == SHEBAO_OK &&
                shebao_comparison_path(c, 1, &ps[1], &np[1]) == SHEBAO_OK;
    double y = panel_head(cr, L->bars_top + L->bars_h + 40, T->panel2);
    snprintf(buf, sizeof buf, path ? T->path_sub : T->panel2_sub, shebao_comparison_years(c, jl),
             shebao_comparison_claim_month(c));
    line_at(cr, MARGIN, y, buf, false, 28);
    chart_font(cr, false, 30);
    for (size_t k = 0; k < B->n; k++) {
        y += 46;
        colour(cr, k == 0 ? 0 : 5);
        cairo_rectangle(cr, MARGIN, y - 24, 28, 28);
        cairo_fill(cr);
        grey(cr, 0.15);
        shebao_fen bal = 0;
        shebao_projection_figure(B->lines[k], SHEBAO_FIG_BALANCE, &bal);
        /* with a path, the grade of its last year */
        grade_text(path ? ps[k][np[k] - 1].grade : shebao_comparison_grade(c, k == 0 ? 0 : hi), a, sizeof a);
        char g[64];
        snprintf(g, sizeof g, T->per_year, a);
        shebao_money_format(bal, b, sizeof b);
        const char *who = path ? (k == 0 ? T->path_lowest : T->path_highest) : (k == 0 ? T->lowest : T->highest);
        snprintf(buf, sizeof buf, T->balance_at, who, g, b);
        line_at(cr, MARGIN + 38, y, buf, false, 30);
    }
}

/* Where panel 2's plot is: the box, and the balance at its top (a round number of yuan). */
typedef struct plot {
    double top, bottom, x0, x1, ymaxv;
    int span;
} plot;

/* The left edge of a plot whose y ticks (yuan, 0 to ymax by step) are written at its left, in the tick font. */
double chart_plot_x0(cairo_t *cr, double ymax, double step, bool zh)
{
    char buf[64];
    double tick_w = 0;
    chart_font(cr, false, 26);
    for (double v = 0; v <= ymax + step / 2; v += step) {
        tick_text(lround(v), zh, buf, sizeof buf);
        if (text_width(cr, buf) > tick_w)
            tick_w = text_width(cr, buf);
    }
    return MARGIN + tick_w + 14;
}

/* A plot's horizontal grid lines and y ticks, 0 to ymax by step, between x0 and x1, from bottom up to top. */
void chart_y_grid(cairo_t *cr, double x0, double x1, double top, double bottom, double ymax, double step, bool zh)
{
    char buf[64];
    cairo_set_line_width(cr, 1.5);
    for (double v = 0; v <= ymax + step / 2; v += step) {
        double py = bottom - (bottom - top) * v / ymax;
        grey(cr, 0.85);
        cairo_move_to(cr, x0, py);
        cairo_line_to(cr, x1, py);
        cairo_stroke(cr);
        grey(cr, 0.3);
        tick_text(lround(v), zh, buf, sizeof buf);
        text_at(cr, x0 - 10, py + 9, buf, RIGHT);
    }
}

/* The two axes of a plot. */
void chart_axis_lines(cairo_t *cr, double x0, double x1, double top, double bottom)
{
    grey(cr, 0.3);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, x0, top);
    cairo_line_to(cr, x0, bottom);
    cairo_line_to(cr, x1, bottom);
    cairo_stroke(cr);
}

/* Panel 2's axes, grid and ticks. */
static plot draw_axes(cairo_t *cr, const chart_info *info, const layout *L, const balances *B)
{
    char buf[256];
    plot P = {L->plot_top, L->plot_top + PLOT_H, 0, 0, 0, B->ymax > B->ymin ? B->ymax - B->ymin : 1};
    double step = nice_step(fen_to_units(B->max), 5);
    P.ymaxv = ceil(fen_to_units(B->max) / step) * step;
    P.x0 = chart_plot_x0(cr, P.ymaxv, step, info->zh);
    P.x1 = CW - MARGIN - 20;
    chart_y_grid(cr, P.x0, P.x1, P.top, P.bottom, P.ymaxv, step, info->zh);
    int ystep = P.span <= 10 ? 2 : P.span <= 25 ? 5 : 10;
    grey(cr, 0.3);
    for (int yr = B->ymin; yr <= B->ymax; yr++) {
        if ((yr - B->ymin) % ystep != 0 && yr != B->ymax)
            continue;
        if (yr != B->ymax && B->ymax - yr < ystep / 2 + 1 && yr != B->ymin)
            continue; /* keep the last label clear of the one before */
        double px = P.x0 + (P.x1 - P.x0) * (yr - B->ymin) / P.span;
        snprintf(buf, sizeof buf, "%d", yr);
        text_at(cr, px, P.bottom + 36, buf, CENTER);
    }
    chart_axis_lines(cr, P.x0, P.x1, P.top, P.bottom);
    return P;
}

/* Panel 2's lines, one dot per year. */
static void draw_lines(cairo_t *cr, const balances *B, const plot *P)
{
    for (size_t k = 0; k < B->n; k++) {
        size_t n = shebao_projection_ledger_count(B->lines[k]);
        colour(cr, k == 0 ? 0 : 5);
        cairo_set_line_width(cr, 5);
        for (int dots = 0; dots < 2; dots++) {
            for (size_t r = 0; r < n; r++) {
                shebao_ledger_row row;
                shebao_projection_ledger_row(B->lines[k], r, &row);
                double px = P->x0 + (P->x1 - P->x0) * (row.year - B->ymin) / P->span;
                double py = P->bottom - (P->bottom - P->top) * fen_to_units(row.balance) / P->ymaxv;
                if (dots) {
                    cairo_arc(cr, px, py, 7, 0, 2 * M_PI);
                    cairo_fill(cr);
                } else if (r == 0) {
                    cairo_move_to(cr, px, py);
                } else {
                    cairo_line_to(cr, px, py);
                }
            }
            if (!dots)
                cairo_stroke(cr);
        }
    }
}

static void draw(cairo_t *cr, const shebao_comparison *c, const chart_info *info, const labels *T, const layout *L)
{
    char buf[256];
    grey(cr, 1);
    cairo_paint(cr);
    draw_bars(cr, c, T, L, draw_title(cr, c, info, T));
    balances B = find_balances(c);
    draw_balances_head(cr, c, T, L, &B);
    plot P = draw_axes(cr, info, L, &B);
    draw_lines(cr, &B, &P);
    /* footer: what the figures rest on */
    double y = P.bottom + 60 + 40;
    grey(cr, 0.35);
    line_at(cr, MARGIN, y, T->footer1, false, 26);
    snprintf(buf, sizeof buf, T->footer2, shebao_comparison_assumption_count(c));
    line_at(cr, MARGIN, y + 40, buf, false, 26);
}

cairo_status_t chart_put(void *closure, const unsigned char *data, unsigned int length)
{
    chart_sink *k = closure;
    if (!k->err && fwrite(data, 1, length, k->f) != length)
        k->err = errno ? errno : EIO;
    return k->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int chart_render(const char *path, FILE *f, double height, const char *probe, bool want_zh, chart_draw_fn *drawing,
                 const void *data, char *err, size_t errsize)
{
    if (!chart_path_ok(path)) {
        snprintf(err, errsize, cli_tr("--chart '%.200s': the file name must end in .png, .svg or .pdf"), path);
        return -1;
    }
    const char *ext = path + strlen(path) - 4;
    chart_sink k = {f, 0};
    cairo_surface_t *s;
    if (strcasecmp(ext, ".svg") == 0)
        s = cairo_svg_surface_create_for_stream(chart_put, &k, CW, height);
    else if (strcasecmp(ext, ".pdf") == 0)
        s = cairo_pdf_surface_create_for_stream(chart_put, &k, CW, height);
    else
        s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)CW, (int)ceil(height));
    cairo_t *cr = cairo_create(s);
    /* Chinese only when the font really has the glyphs; otherwise English rather than boxes */
    chart_font(cr, false, 30);
    bool zh = want_zh && chart_font_covers(cr, probe);
    drawing(cr, data, zh);
    int rc = chart_close(cr, s, strcasecmp(ext, ".png") == 0, &k, N_("chart"), path, err, errsize);
    return rc < 0 ? rc : want_zh && !zh ? 1 : 0;
}

int chart_close(cairo_t *cr, cairo_surface_t *s, bool png, chart_sink *k, const char *what, const char *path,
                char *err, size_t errsize)
{
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st == CAIRO_STATUS_SUCCESS && png)
        st = cairo_surface_write_to_png_stream(s, chart_put, k);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (!k->err && fflush(k->f) != 0)
        k->err = errno;
    if (k->err) {
        snprintf(err, errsize, cli_tr("cannot write the %s '%.200s': %s"), cli_tr(what), path, cli_strerror(k->err));
        return -2;
    }
    if (st != CAIRO_STATUS_SUCCESS) {
        char why[240];
        snprintf(err, errsize, cli_tr("cannot write the %s '%.200s': %s"), cli_tr(what), path,
                 chart_status_text(st, why, sizeof why));
        return -1;
    }
    return 0;
}

/* The comparison's drawing, for chart_render. */
typedef struct compare_drawing {
    const shebao_comparison *c;
    const chart_info *info;
    const layout *L;
} compare_drawing;

static void draw_comparison(cairo_t *cr, const void *data, bool zh)
{
    const compare_drawing *d = data;
    chart_info shown = *d->info;
    shown.zh = zh;
    draw(cr, d->c, &shown, zh ? &zh_labels : &en_labels, d->L);
}

int chart_write(const shebao_comparison *c, const chart_info *info, const char *path, FILE *f, char *err,
                size_t errsize)
{
    layout L = make_layout(shebao_comparison_grade_count(c), shebao_comparison_years_count(c));
    compare_drawing d = {c, info, &L};
    char probe[512];
    snprintf(probe, sizeof probe, "%s元年缴领档余额", zh_labels.title);
    return chart_render(path, f, L.height, probe, info->zh, draw_comparison, &d, err, errsize);
}

/* ---- the helpers for other charts (choose_chart.c) --------------------------------------------------------- */

void chart_text(cairo_t *cr, double x, double y, const char *s, int align) { text_at(cr, x, y, s, align); }
void chart_line(cairo_t *cr, double x, double y, const char *s, bool bold, double size)
{
    line_at(cr, x, y, s, bold, size);
}
void chart_grey(cairo_t *cr, double v) { grey(cr, v); }
void chart_colour(cairo_t *cr, size_t i) { colour(cr, i); }
double chart_nice_step(double max, int n) { return nice_step(max, n); }
void chart_tick_text(long v, bool zh, char *buf, size_t size) { tick_text(v, zh, buf, size); }

void chart_cleanup(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}
