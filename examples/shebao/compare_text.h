/* The sentences of `shebao compare` that the unit tests read (tests/unit/test_compare_text.c): the path over grade
 * tables as text, and the lowest-versus-highest sentence for 0, 1 or 2 eligible ends. */
#ifndef SHEBAO_CLI_COMPARE_TEXT_H
#define SHEBAO_CLI_COMPARE_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "shebao.h"

/* Which ends of the summary are eligible, and the years the first one that is not misses. */
typedef struct compare_ends {
    bool lowest_eligible, highest_eligible;
    int missing;
} compare_ends;

/* The ends of the summary at the j-th length (shebao_comparison_end()) into e: which are eligible and the years the
 * first that is not misses. Returns that end (the lowest when neither is), whose advice says what it would take, or
 * NULL when both are eligible. */
const shebao_projection *compare_ends_at(const shebao_comparison *c, size_t j, compare_ends *e);

/* "2016–2023 年 2000 元, 2024 年起 7000 元" (zh) or "2000 in 2016-2023, 7000 from 2024" (en): a path over grade
 * tables, whose last segment runs to the end of the longest plan. */
void compare_path_text(const shebao_segment *s, size_t n, bool zh, char *buf, size_t size);

/* The summary's sentence, one line per language asked for: the difference when both ends are eligible ("the
 * highest grade in force each year" with a path), else which end is not, or that neither is. */
void compare_sentence(FILE *f, const shebao_compare_delta *d, bool path, const compare_ends *ends, bool zh, bool en);

/* The summary as three plain sentences, one language (the handout, `shebao report`): out[0] the extra paid each
 * year at the highest end ("每年多缴…元", with a path the last year's), and in all; out[1] the extra pension a month
 * ("每月多领…元"); out[2] how long the pension takes to bring the extra back ("领…年…个月回本"). The figures are the
 * summary's, formatted as the library writes them. false, with nothing written, when the two ends cannot be
 * compared (compare_sentence says why). */
#define COMPARE_LINE 256
bool compare_three(const shebao_compare_delta *d, bool path, const compare_ends *ends, bool zh,
                   char out[3][COMPARE_LINE]);

#endif
