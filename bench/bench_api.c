/* Per-call cost of the library API on the embedded Zhejiang policy: shebao_project (full result: ledger,
 * provenance, EPV, IRR, inheritance) and shebao_project_summary (the batch figures, EPV included).
 * usage: bench_api [N_SUMMARY] [N_PROJECT]. Prints figures; asserts nothing about speed. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "shebao.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void person(unsigned i, shebao_person *pe, shebao_segment *seg)
{
    static const shebao_fen grades[] = {30000, 50000, 100000, 200000, 300000, 500000, 700000};
    unsigned x = i * 2654435761u;
    *pe = (shebao_person)SHEBAO_PERSON_INIT;
    pe->birth_year = 1966 + (int)(x >> 8) % 30;
    pe->birth_month = 1 + (int)(x >> 4) % 12;
    *seg = (shebao_segment){2024, 2024 + 5 + (int)((x >> 12) % 20), grades[(x >> 16) % 7]};
    if (seg->last_year > pe->birth_year + 60)
        seg->last_year = pe->birth_year + 60;
    pe->plan = seg;
    pe->plan_count = 1;
    pe->sex = (x >> 20) & 1 ? SHEBAO_SEX_FEMALE : SHEBAO_SEX_MALE;
}

int main(int argc, char **argv)
{
    long ns = argc > 1 ? atol(argv[1]) : 1000000, np = argc > 2 ? atol(argv[2]) : 500;
    shebao_ctx *ctx = NULL;
    shebao_policy *pol = NULL;
    if (shebao_ctx_new(&ctx) != SHEBAO_OK || shebao_policy_load_embedded(ctx, "zhejiang", &pol) != SHEBAO_OK) {
        fprintf(stderr, "bench_api: %s\n", shebao_ctx_errmsg(ctx));
        return 1;
    }
    long long check = 0;
    double t0 = now();
    for (long i = 0; i < ns; i++) {
        shebao_person pe;
        shebao_segment seg;
        person((unsigned)i, &pe, &seg);
        shebao_summary s = SHEBAO_SUMMARY_INIT;
        if (shebao_project_summary(ctx, pol, &pe, &s) == SHEBAO_OK)
            check += s.monthly_total + s.epv_benefits;
    }
    double t1 = now();
    for (long i = 0; i < np; i++) {
        shebao_person pe;
        shebao_segment seg;
        person((unsigned)i, &pe, &seg);
        shebao_projection *p = NULL;
        if (shebao_project(ctx, pol, &pe, &p) == SHEBAO_OK) {
            shebao_fen f = 0;
            shebao_projection_figure(p, SHEBAO_FIG_MONTHLY_TOTAL, &f);
            check += f;
        }
        shebao_projection_free(p);
    }
    double t2 = now();
    printf("api  shebao_project_summary: %ld calls, %.3f s, %.2f us/call, %.0f calls/s (one thread)\n", ns, t1 - t0,
           (t1 - t0) / (double)ns * 1e6, (double)ns / (t1 - t0));
    printf("api  shebao_project (full, with IRR and inheritance): %ld calls, %.3f s, %.1f us/call\n", np, t2 - t1,
           (t2 - t1) / (double)np * 1e6);
    printf("api  checksum %lld\n", check);
    shebao_policy_free(pol);
    shebao_ctx_free(ctx);
    return 0;
}
