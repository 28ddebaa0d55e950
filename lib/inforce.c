/* The resident pension policy in force at a date: the lookups the rules share (inforce.h). */
#include <assert.h>
#include <stdlib.h>

#include "inforce.h"

/* The policy keeps the supplements sorted by (min_age, from), one min_age in 0..150, each amount at most 10^14 fen
 * (policy_build.c). At most one entry per min_age is in force, so the sum is at most 151 × 10^14 fen and cannot
 * overflow. */
int64_t sb_inforce_supplements(const sb_resident *rp, sb_month m, int age_years, sb_prov_used *u)
{
    int64_t sum = 0;
    for (size_t i = 0; i < rp->nsupp; i++) {
        const sb_supplement *s = &rp->supp[i];
        assert(s->min_age >= 0 && s->min_age <= 150 && s->fen >= 0 && s->fen <= INT64_C(100000000000000));
        assert(i == 0 || rp->supp[i - 1].min_age < s->min_age ||
               (rp->supp[i - 1].min_age == s->min_age && rp->supp[i - 1].from < s->from));
        if (s->from > m || s->min_age > age_years)
            continue;
        /* a later entry for the same min_age in force replaces this one */
        if (i + 1 < rp->nsupp && rp->supp[i + 1].min_age == s->min_age && rp->supp[i + 1].from <= m)
            continue;
        sum += s->fen;
        sb_prov_use(u, s->param); /* (provenance only: an ENOMEM here loses an assumption, never a figure) */
    }
    return sum;
}
