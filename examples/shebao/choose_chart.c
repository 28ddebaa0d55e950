/* shebao choose --chart: both schemes' monthly pension against the total paid, one line per scheme (a dot per
 * resident grade, a dot per share of the average wage), drawn with chart.c's renderer and helpers. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "choose.h"
#include "cli.h"
#include "cli_words.h"

#define PLOT_TOP 350.0
#define PLOT_H 700.0
#define HEIGHT (PLOT_TOP + PLOT_H + 260.0)

/* One dot: total paid and monthly pension in fen, and its label. */
typedef struct dot {
    shebao_fen paid, monthly;
    char label[24];
} dot;

typedef struct choose_dots {
    const choose_result *r;
    dot res[64], emp[CHOOSE_SHARES];
    size_t nres, nemp;
    shebao_fen max_paid, max_monthly;
} choose_dots;

static void choose_dots_make(const choose_result *r, choose_dots *d)
{
    memset(d, 0, sizeof *d);
    d->r = r;
    for (size_t i = 0; i < shebao_comparison_grade_count(r->cmp) && d->nres < 64; i++) {
        shebao_compare_cell c;
        if (shebao_comparison_cell(r->cmp, i, r->col, &c) != SHEBAO_OK || !c.eligible)
            continue;
        dot *o = &d->res[d->nres++];
        o->paid = c.personal_total;
        o->monthly = c.monthly_total;
        shebao_money_format(c.grade, o->label, sizeof o->label);
        size_t n = strlen(o->label);
        if (n > 3 && strcmp(o->label + n - 3, ".00") == 0)
            o->label[n - 3] = '\0';
    }
    static const char *const pct[CHOOSE_SHARES] = {"60%", "100%", "150%", "200%", "300%"};
    for (size_t k = 0; k < CHOOSE_SHARES; k++) {
        const shebao_employee_pension *p = shebao_employee_plan_claim(r->emp[k].pl);
        shebao_employee_plan_figures f = SHEBAO_EMPLOYEE_PLAN_FIGURES_INIT;
        shebao_employee_plan_figures_get(r->emp[k].pl, &f);
        if (!p->eligible)
            continue;
        dot *o = &d->emp[d->nemp++];
        o->paid = f.personal_total;
        o->monthly = p->monthly_total;
        snprintf(o->label, sizeof o->label, "%s", pct[k]);
    }
    for (size_t i = 0; i < d->nres + d->nemp; i++) {
        const dot *o = i < d->nres ? &d->res[i] : &d->emp[i - d->nres];
        d->max_paid = o->paid > d->max_paid ? o->paid : d->max_paid;
        d->max_monthly = o->monthly > d->max_monthly ? o->monthly : d->max_monthly;
    }
}

typedef struct box {
    double x0, x1, top, bottom, xmax, ymax;
} box;

static double bx(const box *b, shebao_fen f) { return b->x0 + (b->x1 - b->x0) * ((double)f / 100.0) / b->xmax; }
static double by(const box *b, shebao_fen f) { return b->bottom - (b->bottom - b->top) * ((double)f / 100.0) / b->ymax; }

static box choose_axes(cairo_t *cr, const choose_dots *d, bool zh)
{
    char buf[64];
    box b = {0, CHART_WIDTH - CHART_MARGIN - 20, PLOT_TOP, PLOT_TOP + PLOT_H, 0, 0};
    double xs = chart_nice_step((double)d->max_paid / 100.0, 5), ys = chart_nice_step((double)d->max_monthly / 100.0, 6);
    b.xmax = fmax(xs, ceil((double)d->max_paid / 100.0 / xs) * xs);
    b.ymax = fmax(ys, ceil((double)d->max_monthly / 100.0 / ys) * ys);
    b.x0 = chart_plot_x0(cr, b.ymax, ys, zh);
    chart_y_grid(cr, b.x0, b.x1, b.top, b.bottom, b.ymax, ys, zh);
    chart_grey(cr, 0.3);
    for (double v = 0; v <= b.xmax + xs / 2; v += xs) {
        chart_tick_text(lround(v), zh, buf, sizeof buf);
        chart_text(cr, b.x0 + (b.x1 - b.x0) * v / b.xmax, b.bottom + 36, buf, CHART_CENTER);
    }
    chart_axis_lines(cr, b.x0, b.x1, b.top, b.bottom);
    return b;
}

/* One scheme's line with a dot and a label at each point. */
static void choose_line(cairo_t *cr, const box *b, const dot *v, size_t n, size_t colour)
{
    chart_colour(cr, colour);
    cairo_set_line_width(cr, 5);
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            cairo_move_to(cr, bx(b, v[i].paid), by(b, v[i].monthly));
        else
            cairo_line_to(cr, bx(b, v[i].paid), by(b, v[i].monthly));
    }
    cairo_stroke(cr);
    chart_font(cr, false, 22);
    for (size_t i = 0; i < n; i++) {
        cairo_arc(cr, bx(b, v[i].paid), by(b, v[i].monthly), 8, 0, 2 * M_PI);
        cairo_fill(cr);
        if (colour != 0 || i == n - 1) /* the resident dots crowd near the origin: only the highest named */
            chart_text(cr, bx(b, v[i].paid) + 10, by(b, v[i].monthly) - 12, v[i].label, CHART_LEFT);
    }
}

static void choose_draw(cairo_t *cr, const void *data, bool zh)
{
    const choose_dots *d = data;
    const choose_result *r = d->r;
    char buf[512], name[256];
    chart_grey(cr, 1);
    cairo_paint(cr);
    chart_grey(cr, 0.1);
    chart_line(cr, CHART_MARGIN, CHART_MARGIN + 46,
               zh ? "城乡居民还是职工养老保险（灵活就业）" : "Resident scheme or employee scheme (flexible worker)", true, 44);
    chart_grey(cr, 0.35);
    snprintf(buf, sizeof buf, zh ? "%s 出生 · %d 年起缴 · 政策 %s" : "born %s · paying from %d · policy %s", r->birth,
             r->start, cli_policy_label(r->pol, zh ? CLI_LANG_ZH : CLI_LANG_EN, name, sizeof name));
    chart_line(cr, CHART_MARGIN, CHART_MARGIN + 100, buf, false, 28);
    snprintf(buf, sizeof buf, zh ? "每月养老金（元，纵轴）与个人缴费合计（元，横轴）" : "Monthly pension (yuan, up) against the total paid (yuan, across)");
    chart_line(cr, CHART_MARGIN, CHART_MARGIN + 150, buf, false, 28);
    chart_colour(cr, 0);
    snprintf(buf, sizeof buf, zh ? "● 城乡居民：各档次缴%d年，%s 起领（60岁）" : "● resident: each grade for %d years, from %s (60)",
             shebao_comparison_years(r->cmp, r->col), shebao_comparison_claim_month(r->cmp));
    chart_line(cr, CHART_MARGIN, CHART_MARGIN + 196, buf, false, 26);
    chart_colour(cr, 5);
    char age[CLI_WORD_BUFSZ];
    cli_age(r->ret.age_years * 12 + r->ret.age_months, zh ? CLI_LANG_ZH : CLI_LANG_EN, age);
    snprintf(buf, sizeof buf, zh ? "● 职工（灵活就业）：平均工资的60%%–300%%，%04d-%02d 起领（%s）"
                                 : "● employee: 60%%–300%% of the average wage, from %04d-%02d (%s)",
             r->ret.year, r->ret.month, age);
    chart_line(cr, CHART_MARGIN, CHART_MARGIN + 236, buf, false, 26);
    box b = choose_axes(cr, d, zh);
    choose_line(cr, &b, d->res, d->nres, 0);
    choose_line(cr, &b, d->emp, d->nemp, 5);
    chart_grey(cr, 0.35);
    chart_line(cr, CHART_MARGIN, b.bottom + 100,
               zh ? "估算，仅供参考，以当地人社部门公布为准。" : "An estimate; the local social-insurance bureau's figures prevail.",
               false, 26);
    chart_line(cr, CHART_MARGIN, b.bottom + 140,
               zh ? "职工养老金未计退休后调整；依据的非官方数值见 shebao compare 与 shebao employee --plan。"
                  : "The employee pension is not adjusted after the claim; assumptions: see compare and employee --plan.",
               false, 26);
}

int choose_chart(const choose_result *r, const char *path)
{
    choose_dots d;
    choose_dots_make(r, &d);
    cli_outfile of;
    char err[512];
    int e = cli_outfile_open(&of, path), rc = -1;
    if (e != 0)
        snprintf(err, sizeof err, cli_tr("cannot write the chart '%.200s': %s"), path, cli_strerror(e));
    else if ((rc = chart_render(path, of.f, HEIGHT, "城乡居民还是职工养老保险灵活就业元", true, choose_draw, &d, err,
                                sizeof err)) < 0)
        cli_outfile_discard(&of);
    else if ((e = cli_outfile_commit(&of)) != 0) {
        snprintf(err, sizeof err, cli_tr("cannot write the chart '%.200s': %s"), path, cli_strerror(e));
        rc = -2;
    }
    chart_cleanup();
    if (rc < 0) {
        cli_err("%s", err);
        return rc == -2 ? EXIT_INTERNAL : EXIT_INPUT;
    }
    if (rc > 0)
        cli_err("warning: no font with Chinese glyphs (%s, Debian package fonts-noto-cjk); the chart's labels are in "
                "English", CHART_FONT);
    return EXIT_OK;
}
