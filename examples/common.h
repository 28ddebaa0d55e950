/* What the teaching programs share, so that each lesson shows only its own question: opening a context with a
 * built-in policy, the person and the comparison options in one line each, money as text, and the tidy end.
 * Each program is built with common.c (see the Makefile); read common.c once, then the lessons. */
#ifndef SHEBAO_EXAMPLES_COMMON_H
#define SHEBAO_EXAMPLES_COMMON_H

#include <shebao.h>

/* f as yuan text ("1234.56") in buf; returns buf, so that it can stand in a printf. */
const char *yuan(shebao_fen f, char buf[SHEBAO_MONEY_BUFSZ]);

/* A new context in *ctx and, when policy_id is not NULL, the built-in policy of that id in *pol. Returns 0, or 1
 * when either fails (the caller goes to its end, which prints the context's message). */
int ex_open(const char *policy_id, shebao_ctx **ctx, shebao_policy **pol);

/* SHEBAO_PERSON_INIT with the month of birth set: no plan, the default life table. */
shebao_person ex_person(int birth_year, int birth_month);

/* SHEBAO_COMPARE_OPTIONS_INIT paying from start_year, for the lengths years[0 .. years_count) (NULL, 0: the
 * default lengths) and every normal grade of the table in force. */
shebao_compare_options ex_compare_options(int start_year, const int *years, size_t years_count);

/* The end of a lesson: on a failure (status ≠ 0) prints "prog: message" when the context holds one, frees what was
 * made (each may be NULL) and returns status. */
int ex_close(const char *prog, int status, shebao_ctx *ctx, shebao_policy *pol, shebao_comparison *c);

#endif
