/* shebao report: the one-page handout (one A4 page, PDF) a guide can print or send. */
#ifndef SHEBAO_REPORT_PAGE_H
#define SHEBAO_REPORT_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "shebao.h"

/* What the page says besides the comparison's figures. */
typedef struct report_info {
    const char *name;         /* the person's name, or NULL */
    const char *birth;        /* "YYYY-MM" */
    const char *policy;       /* the policy's display name, in the page's language */
    const char *data_through; /* "YYYY-MM": the policy's figures are complete through this month; NULL: unknown */
    const char *paid;         /* --paid as given, or NULL */
    int backpay_years;        /* --backpay N:GRADE: N (0: none) */
    shebao_fen backpay_grade; /* and GRADE */
    const char *date;         /* "YYYY-MM-DD", the day the page was made */
    bool zh;                  /* Chinese; false: English */
} report_info;

/* Draw the page for the comparison c into f as a PDF with its text as text (pdftotext reads it) in the Noto Sans
 * CJK SC font, embedded: the lowest, a middle and the highest grade compared at every length, a bar chart of the
 * monthly pensions, the lowest-versus-highest summary in three sentences (compare_three), the advice of an end that
 * is not eligible, the policy and its data horizon, the non-official values in one line, and the date. Returns 0
 * when drawn as asked, 1 when drawn in English because no font with Chinese glyphs was found (info->zh asked for
 * Chinese), 2 when some text has a character the font has no glyph for (drawn as a box: the name, say), -1 when it could not be drawn and -2 when a write on f failed, both with a one-line message in err
 * (path names the file). */
int report_write(const shebao_comparison *c, const report_info *info, const char *path, FILE *f, char *err,
                 size_t errsize);

#endif
