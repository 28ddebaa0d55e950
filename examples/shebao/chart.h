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
    const char *policy; /* policy id, for the subtitle */
    const char *birth;  /* "YYYY-MM", for the subtitle */
    bool zh;            /* Chinese labels; false: English */
} chart_info;

/* Select the chart's font on cr, regular or bold, at `size` pixels (cairo's toy text API). */
void chart_font(cairo_t *cr, bool bold, double size);
/* Whether the font selected on cr has a real glyph (not .notdef, glyph 0) for every character of text. */
bool chart_font_covers(cairo_t *cr, const char *text);
/* Set the source to the i-th colour of the chart's palette (Okabe–Ito; it repeats after six). */
void chart_colour(cairo_t *cr, size_t i);
/* A "nice" step (1, 2 or 5 × 10^k) that cuts [0, max] into at most n pieces (axis ticks). */
double chart_nice_step(double max, int n);
/* Where cairo writes a stream: the file, and the reason (errno) of the first failed write. */
typedef struct chart_sink {
    FILE *f;
    int err;
} chart_sink;
/* A cairo_write_func_t over a chart_sink (closure): fwrite, keeping the first failure's errno. */
cairo_status_t chart_put(void *closure, const unsigned char *data, unsigned int length);
/* The end of a drawing into a stream: cr destroyed, the image written as PNG when png, the surface finished and
 * destroyed, the sink's file flushed. 0; -1 when cairo failed or -2 when a write failed, both with "cannot write
 * the WHAT 'PATH': REASON" in err. */
int chart_close(cairo_t *cr, cairo_surface_t *s, bool png, chart_sink *k, const char *what, const char *path,
                char *err, size_t errsize);
/* Whether a file name ends in .png, .svg or .pdf (case-insensitive). */
bool chart_path_ok(const char *path);
/* Draw the comparison into f, in the format that path's ending names (.png, .svg or .pdf); path also names the
 * chart in messages. Returns 0 when drawn as asked, 1 when drawn with English labels because no font with Chinese
 * glyphs was found (info->zh asked for Chinese), -1 when it could not be drawn and -2 when a write on f failed,
 * both with a one-line message in err. */
int chart_write(const shebao_comparison *c, const chart_info *info, const char *path, FILE *f, char *err,
                size_t errsize);
/* Release cairo's and fontconfig's process-wide caches (so leak checkers see no leak). Call once, at the end,
 * when no cairo object is left; drawing again afterwards is allowed (the caches are rebuilt). */
void chart_cleanup(void);

#endif
