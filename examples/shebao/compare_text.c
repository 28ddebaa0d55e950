/* The sentences of `shebao compare` (compare_text.h): the path over grade tables, the lowest-versus-highest
 * sentence. Pure text from figures already computed by the library; of the projections, only the summary's ends'
 * eligibility is read (compare_ends_at). */
#include <string.h>

#include "compare_text.h"

const shebao_projection *compare_ends_at(const shebao_comparison *c, size_t j, compare_ends *e)
{
    const shebao_projection *lo = shebao_comparison_end(c, j, 0), *hi = shebao_comparison_end(c, j, 1);
    e->lowest_eligible = shebao_projection_eligible(lo);
    e->highest_eligible = shebao_projection_eligible(hi);
    const shebao_projection *no = !e->lowest_eligible ? lo : !e->highest_eligible ? hi : NULL;
    e->missing = no ? shebao_projection_years_missing(no) : 0;
    return no;
}

void compare_path_text(const shebao_segment *s, size_t n, bool zh, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        char g[SHEBAO_MONEY_BUFSZ], y[32];
        shebao_money_format(s[k].grade, g, sizeof g);
        if (k + 1 == n)
            snprintf(y, sizeof y, zh ? "%d 年起" : "from %d", s[k].first_year);
        else if (s[k].first_year == s[k].last_year)
            snprintf(y, sizeof y, zh ? "%d 年" : "in %d", s[k].first_year);
        else
            snprintf(y, sizeof y, zh ? "%d–%d 年" : "in %d-%d", s[k].first_year, s[k].last_year);
        size_t len = strlen(buf);
        if (zh)
            snprintf(buf + len, size - len, "%s%s %s 元", k ? ", " : "", y, g);
        else
            snprintf(buf + len, size - len, "%s%s %s", k ? ", " : "", g, y);
    }
}

/* One end or both not eligible: which, and how many years are missing. */
static void not_comparable(FILE *f, int n, const compare_ends *e, bool zh, bool en)
{
    if (!e->lowest_eligible && !e->highest_eligible) {
        if (zh)
            fprintf(f, "按缴费%d年计：最低档和最高档都不符合领取条件（还差%d年），无法比较待遇。\n", n, e->missing);
        if (en)
            fprintf(f, "Paying for %d years, neither the lowest nor the highest grade is eligible for a pension (%d "
                    "year(s) missing), so the pensions cannot be compared.\n", n, e->missing);
        return;
    }
    bool lo = e->lowest_eligible;
    if (zh)
        fprintf(f, "按缴费%d年计：只有%s符合领取条件，%s不符合（还差%d年），无法比较待遇。\n", n, lo ? "最低档" : "最高档",
                lo ? "最高档" : "最低档", e->missing);
    if (en)
        fprintf(f, "Paying for %d years, only the %s grade is eligible for a pension; the %s is not (%d year(s) "
                "missing), so the pensions cannot be compared.\n", n, lo ? "lowest" : "highest",
                lo ? "highest" : "lowest", e->missing);
}

void compare_sentence(FILE *f, const shebao_compare_delta *d, bool path, const compare_ends *ends, bool zh, bool en)
{
    char lo[SHEBAO_MONEY_BUFSZ], hi[SHEBAO_MONEY_BUFSZ], paid[SHEBAO_MONEY_BUFSZ], more[SHEBAO_MONEY_BUFSZ],
        epv[SHEBAO_MONEY_BUFSZ], rz[96] = "", re[128] = "", ez[96] = "", ee[128] = "", gz[192], ge[192];
    int n = d->from_years, m = d->recoup_months;
    if (!d->available || !ends->lowest_eligible || !ends->highest_eligible) {
        not_comparable(f, n, ends, zh, en);
        return;
    }
    shebao_money_format(d->from_grade, lo, sizeof lo);
    shebao_money_format(d->to_grade, hi, sizeof hi);
    shebao_money_format(d->extra_paid, paid, sizeof paid);
    shebao_money_format(d->extra_monthly, more, sizeof more);
    shebao_money_format(d->epv_difference, epv, sizeof epv);
    if (d->has_recoup) {
        snprintf(rz, sizeof rz, "，领取%d个月（%d年%d个月）后多缴的钱就回来了", m, m / 12, m % 12);
        snprintf(re, sizeof re, "; the extra payment has come back after %d months (%d years %d months) of pension",
                 m, m / 12, m % 12);
    }
    if (d->has_epv) {
        snprintf(ez, sizeof ez, "，待遇精算现值多%s元", epv);
        snprintf(ee, sizeof ee, ", and the expected present value of the pension is %s higher", epv);
    }
    if (path) {
        snprintf(gz, sizeof gz, "每年缴当年最高档（最后一年%s元）而不是当年最低档（%s元）", hi, lo);
        snprintf(ge, sizeof ge, "the highest grade in force each year (%s in the last year) instead of the lowest (%s)",
                 hi, lo);
    } else {
        snprintf(gz, sizeof gz, "每年缴最高档%s元而不是最低档%s元", hi, lo);
        snprintf(ge, sizeof ge, "the highest grade (%s a year) instead of the lowest (%s)", hi, lo);
    }
    if (zh)
        fprintf(f, "按缴费%d年计：%s，总共多缴%s元，每月多领%s元%s%s。\n", n, gz, paid, more, rz, ez);
    if (en)
        fprintf(f, "Paying %s for %d years costs %s more in total and pays %s more a month%s%s.\n", ge, n, paid, more,
                re, ee);
}

bool compare_three(const shebao_compare_delta *d, bool path, const compare_ends *ends, bool zh,
                   char out[3][COMPARE_LINE])
{
    if (!d->available || !ends->lowest_eligible || !ends->highest_eligible)
        return false;
    char lo[SHEBAO_MONEY_BUFSZ], hi[SHEBAO_MONEY_BUFSZ], year[SHEBAO_MONEY_BUFSZ], paid[SHEBAO_MONEY_BUFSZ],
        more[SHEBAO_MONEY_BUFSZ];
    int n = d->from_years, m = d->recoup_months;
    shebao_money_format(d->from_grade, lo, sizeof lo);
    shebao_money_format(d->to_grade, hi, sizeof hi);
    shebao_money_format(d->extra_per_year, year, sizeof year);
    shebao_money_format(d->extra_paid, paid, sizeof paid);
    shebao_money_format(d->extra_monthly, more, sizeof more);
    if (zh) {
        snprintf(out[0], COMPARE_LINE, "%s多缴%s元（最高档%s元，最低档%s元），%d年共多缴%s元。",
                 path ? "按当年最高档缴，最后一年" : "按最高档缴，每年", year, hi, lo, n, paid);
        snprintf(out[1], COMPARE_LINE, "每月多领%s元。", more);
        if (d->has_recoup)
            snprintf(out[2], COMPARE_LINE, "领%d年%d个月（%d个月）回本：多缴的钱通过每月多领全部回来。", m / 12, m % 12,
                     m);
        else
            snprintf(out[2], COMPARE_LINE, "每月不多领，多缴的钱不会回本。");
    } else {
        snprintf(out[0], COMPARE_LINE, "Paying the highest grade%s costs %s more %s (%s instead of %s), %s more in %d "
                 "years.", path ? " in force" : "", year, path ? "in the last year" : "each year", hi, lo, paid, n);
        snprintf(out[1], COMPARE_LINE, "The pension is %s more a month.", more);
        if (d->has_recoup)
            snprintf(out[2], COMPARE_LINE, "The extra has come back after %d years %d months (%d months) of pension.",
                     m / 12, m % 12, m);
        else
            snprintf(out[2], COMPARE_LINE, "The pension is not higher: the extra never comes back.");
    }
    return true;
}
