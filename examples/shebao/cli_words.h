/* Plain words for the values of the text tables (cli_words.c): rates as percentages, ages as 61岁4个月, durations as
 * 5年2个月, money with 元, and the 说明 (notes) under a table. Only the text ("table") output uses them: JSON and CSV
 * keep the library's plain values. Every function takes the language of the output: CLI_LANG_BOTH (today's default,
 * Chinese and English side by side) and CLI_LANG_ZH write the Chinese form of a value, CLI_LANG_EN the English one. */
#ifndef SHEBAO_CLI_WORDS_H
#define SHEBAO_CLI_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h" /* (cli_lang: the language of --lang, cli_lang.c) */
#include "shebao.h"

/* "zh" → CLI_LANG_ZH, "en" → CLI_LANG_EN, "both" → CLI_LANG_BOTH, NULL or anything else → the calling thread's
 * language (--lang, or the environment's: cli_lang_get()). */
cli_lang cli_lang_from(const char *word);
/* Whether the Chinese / the English lines are printed in l. */
bool cli_lang_zh(cli_lang l);
bool cli_lang_en(cli_lang l);

/* What an absent or impossible value shows ("-"). */
#define CLI_NONE "-"
/* Room for any value below. */
#define CLI_WORD_BUFSZ 48

/* A policy rate or ratio as a percentage, by an exact shift of the decimal point: "0.015" → "1.5%", "0.0246" →
 * "2.46%", "0.855" → "85.5%", "1" → "100%", "0" → "0%" (no rounding: every digit but zeros at the end is kept,
 * "0.0150" → "1.5%"). NULL, "" or a text that is not a plain decimal ([-]digits[.digits]) → CLI_NONE. */
const char *cli_rate(const char *decimal, char buf[CLI_WORD_BUFSZ]);
/* A computed rate (an IRR) as a percentage with 2 decimals, rounded half up (away from zero) from its exact decimal
 * text: "0.181947" → "18.19%", "0.125" → "12.50%", "0.0012345" → "0.12%", "-0.0123456" → "-1.23%". NULL, "" or
 * not a plain decimal → CLI_NONE. */
const char *cli_rate2(const char *decimal, char buf[CLI_WORD_BUFSZ]);
/* An age of `months` months: "61岁4个月", "60岁" (zh, both); "61 y 4 m", "60 y" (en). Negative → CLI_NONE. */
const char *cli_age(int months, cli_lang l, char buf[CLI_WORD_BUFSZ]);
/* A length of `months` months: "5年2个月", "5年", "11个月", "0个月" (zh, both); "5 y 2 m", "5 y", "11 m", "0 m"
 * (en). Negative → CLI_NONE. */
const char *cli_duration(int months, cli_lang l, char buf[CLI_WORD_BUFSZ]);
/* An amount as a single figure: "220.00元" (zh, both), "220.00 yuan" (en). */
const char *cli_yuan(shebao_fen f, cli_lang l, char buf[CLI_WORD_BUFSZ]);

/* The policy's name in titles and charts: its Chinese display name (name_zh, "浙江省"), or its id when it has none. */
const char *cli_policy_display(const shebao_policy *p);
/* The policy's name (`name`, "中文 / English" by convention) in l: the part before " / " (zh) or after it (en), the
 * whole name in both or when it has no " / "; cli_policy_display() when it has no name. Into buf, returned. */
const char *cli_policy_name(const shebao_policy *p, cli_lang l, char *buf, size_t size);
/* The policy's name in the titles and charts of l: its display name (cli_policy_display: "浙江省") in zh and both;
 * in en the English half of its name ("Zhejiang province (provincial minimum)"), or its id when the name has none.
 * Into buf (en), returned. */
const char *cli_policy_label(const shebao_policy *p, cli_lang l, char *buf, size_t size);
/* The title line of a result: "政策 policy 浙江省 (zhejiang > national)" (both), "政策 浙江省 (...)" (zh),
 * "policy Zhejiang province (provincial minimum) (...)" (en): cli_policy_label, then the lineage, which starts
 * with the id. */
void cli_policy_title(FILE *f, const shebao_policy *p, cli_lang l);

/* A status in l: its Chinese word in zh (官方, 二手资料, 回忆未核实, 推断, 假设, 无来源), else its name
 * (shebao_status_name: "official", "secondary" ...). */
const char *cli_status(shebao_status s, cli_lang l);
/* A value or a note of a non-official value in l: in zh, the Chinese of a text the library writes ("grade 500.00:
 * subsidy 80.00" → "档次 500.00：补贴 80.00", "run option (default 0.025)" → "运行选项（默认 0.025）", "not given" →
 * "未提供" …), into buf; else, and for any other text (a number, a date, an id), text itself. */
const char *cli_value_words(const char *text, cli_lang l, char *buf, size_t size);

/* ---- 说明: what a table's columns mean ------------------------------------------------------------------------
 * One function prints the notes of every table, so every command says the same words (docs/glossary.zh.md holds
 * them with worked examples). Each term is one Chinese line then one English line (both), or one of the two. */
typedef enum cli_term {
    CLI_TERM_BREAKEVEN,    /* 回本 (an age or a month): the pension received catches up with the personal total */
    CLI_TERM_RECOUP,       /* 回本 of a difference: the extra pension catches up with the extra paid */
    CLI_TERM_PER_10000,    /* 每万元月领 */
    CLI_TERM_EPV,          /* 待遇精算现值 */
    CLI_TERM_PV_PAID,      /* 缴费终值: the contributions carried to the claim */
    CLI_TERM_RATIO,        /* 价值比 */
    CLI_TERM_IRR,          /* 内部收益率 */
    CLI_TERM_INHERITABLE,  /* 预期可继承 */
    CLI_TERM_RATE          /* 利率: the yearly interest rate of the account */
} cli_term;

/* What the notes assume, from the run's own options. */
typedef struct cli_notes {
    const char *discount;  /* the yearly discount rate as a decimal ("0.025"); NULL: the default 0.025 */
    bool no_life_table;    /* --mortality none: the expected values are not computed */
} cli_notes;

/* A blank line, "说明 Notes", then the lines of the n terms (in the order given). */
void cli_print_notes(FILE *f, cli_lang l, const cli_notes *n, const cli_term *terms, size_t count);

#endif
