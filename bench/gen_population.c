/* Reproducible synthetic population for `make bench`: a CSV of N people in the `shebao batch` input format
 * (id,birth,sex,plan,collective,backpay) under the Zhejiang grade tables. Mixed grades, one- and two-segment plans
 * across the 2023→2024 table change, back payments, both sexes, and a few rows that are not eligible.
 * usage: gen_population N [SEED] > population.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint32_t next(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL; /* Knuth's MMIX LCG */
    return (uint32_t)(state >> 33);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261129;
    /* grades valid in both tables (2015 and 2024): 300 500 1000 2000; 2024+ only: 3000 5000 7000 */
    static const int both[] = {300, 500, 1000, 2000};
    static const int late[] = {300, 500, 1000, 2000, 3000, 5000, 7000};
    printf("id,birth,sex,plan,collective,backpay\n");
    for (long i = 0; i < n; i++) {
        int by = 1966 + (int)(next() % 40), bm = 1 + (int)(next() % 12);
        int claim_year = by + 60; /* the last payable year, that of the 60th birthday */
        int kind = (int)(next() % 10);
        char plan[64], backpay[16] = "", collective[16] = "";
        int start = 2024 + (int)(next() % 3), years = 5 + (int)(next() % 25);
        if (start + years - 1 > claim_year)
            years = claim_year - start + 1;
        if (years < 1) { /* already past the claim: a short plan that will not be eligible */
            start = claim_year;
            years = 1;
        }
        if (kind < 6) {
            snprintf(plan, sizeof plan, "%d-%d:%d", start, start + years - 1, late[next() % 7]);
        } else if (kind < 9) {
            int a = 2015 + (int)(next() % 5);
            if (a - by < 16)
                a = by + 16;
            if (a > 2023)
                a = 2023;
            snprintf(plan, sizeof plan, "\"%d-2023:%d,2024-%d:%d\"", a, both[next() % 4],
                     2024 + years - 1 > claim_year ? claim_year : 2024 + years - 1, late[next() % 7]);
        } else {
            snprintf(plan, sizeof plan, "%d-%d:300", start, start + (years > 6 ? 6 : years) - 1);
            snprintf(backpay, sizeof backpay, "%d:1000", 2 + (int)(next() % 6));
        }
        if (next() % 5 == 0)
            snprintf(collective, sizeof collective, "%d", 50 * (1 + (int)(next() % 6)));
        printf("P%08ld,%04d-%02d,%s,%s,%s,%s\n", i + 1, by, bm, next() % 2 ? "female" : "male", plan, collective,
               backpay);
    }
    return ferror(stdout) ? 1 : 0;
}
