/* shebao compare --chart: the comparison drawn with cairo (PNG, SVG or PDF). */
#ifndef SHEBAO_CHART_H
#define SHEBAO_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cairo.h>

#include "shebao.h"

/* The chart's font family, resolved by fontconfig (Debian package fonts-noto-cjk). */
#define CHART_FONT "Noto Sans CJK SC"

typedef struct chart_info {
    const char *policy; /* the policy's display name (name_zh, else the id), for the subtitle */
    const char *birth;  /* "YYYY-MM", for the subtitle */
    bool zh;            /* Chinese labels; false: English */
} chart_info;

/* Select the chart's font on cr, regular or bold, at `size` pixels (cairo's toy text API). */
void chart_font(cairo_t *cr, bool bold, double size);
/* Whether the font selected on cr has a real glyph (not .notdef, glyph 0) for every character of text. */
bool chart_font_covers(cairo_t *cr, const char *text);
/* Where cairo writes a stream: the file, and the reason (errno) of the first failed write. */
typedef struct chart_sink {
    FILE *f;
    int err;
} chart_sink;
/* A cairo_write_func_t over a chart_sink (closure): fwrite, keeping the first failure's errno. */
cairo_status_t chart_put(void *closure, const unsigned char *data, unsigned int length);
/* The end of a drawing into a stream: cr destroyed, the image written as PNG when png, the surface finished and
 * destroyed, the sink's file flushed. 0; -1 when cairo failed or -2 when a write failed, both with "cannot write
 * the WHAT 'PATH': REASON" in err (WHAT, marked N_, and REASON in the calling thread's language). */
int chart_close(cairo_t *cr, cairo_surface_t *s, bool png, chart_sink *k, const char *what, const char *path,
                char *err, size_t errsize);
/* Why cairo failed (st), for a message, into buf: cairo's text in en and both; in zh the failure named in Chinese,
 * or "the drawing library failed (cairo's text)" in Chinese for a status the chart and the report do not expect
 * (chart_status.c). Returns buf. */
const char *chart_status_text(cairo_status_t st, char *buf, size_t size);
/* Whether a file name ends in .png, .svg or .pdf (case-insensitive). */
bool chart_path_ok(const char *path);
/* Draw the comparison into f, in the format that path's ending names (.png, .svg or .pdf); path also names the
 * chart in messages. Returns 0 when drawn as asked, 1 when drawn with English labels because no font with Chinese
 * glyphs was found (info->zh asked for Chinese), -1 when it could not be drawn and -2 when a write on f failed,
 * both with a one-line message in err. */
int chart_write(const shebao_comparison *c, const chart_info *info, const char *path, FILE *f, char *err,
                size_t errsize);
/* Draw with `drawing` on a canvas CHART_WIDTH wide and `height` high into f, in the format path's ending names;
 * Chinese labels (zh true) when want_zh and the font has every glyph of probe. The return codes of chart_write. */
typedef void chart_draw_fn(cairo_t *cr, const void *data, bool zh);
int chart_render(const char *path, FILE *f, double height, const char *probe, bool want_zh, chart_draw_fn *drawing,
                 const void *data, char *err, size_t errsize);
#define CHART_WIDTH 1080.0
#define CHART_MARGIN 60.0
enum { CHART_LEFT, CHART_CENTER, CHART_RIGHT };
/* The drawing helpers of chart.c: text with its baseline at y aligned at x (CHART_LEFT ...); a line of text that
 * shrinks (down to 20) to fit the margins; grey v; colour i of the palette; a 1-2-5 step cutting [0, max] into at
 * most n; a tick in yuan (1.5万 / 1.5k). */
void chart_text(cairo_t *cr, double x, double y, const char *s, int align);
void chart_line(cairo_t *cr, double x, double y, const char *s, bool bold, double size);
void chart_grey(cairo_t *cr, double v);
void chart_colour(cairo_t *cr, size_t i);
double chart_nice_step(double max, int n);
void chart_tick_text(long v, bool zh, char *buf, size_t size);
/* A plot's parts: its left edge after the y ticks (yuan, 0 to ymax by step); the horizontal grid with the ticks;
 * the two axes. */
double chart_plot_x0(cairo_t *cr, double ymax, double step, bool zh);
void chart_y_grid(cairo_t *cr, double x0, double x1, double top, double bottom, double ymax, double step, bool zh);
void chart_axis_lines(cairo_t *cr, double x0, double x1, double top, double bottom);

/* Release cairo's and fontconfig's process-wide caches (so leak checkers see no leak). Call once, at the end,
 * when no cairo object is left; drawing again afterwards is allowed (the caches are rebuilt). */
void chart_cleanup(void);

#endif
