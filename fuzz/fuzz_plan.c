/* Fuzz target: the plan syntax (shebao_plan_parse, "YYYY-YYYY:GRADE,YYYY:GRADE,..."). A plan that parses has
 * as many segments as commas + 1, each with 1900 <= first <= last <= 2199 and a positive grade; a refused one
 * leaves a non-empty one-line message and no segments. A parsed plan is then projected for one person under the
 * embedded Zhejiang policy (no life table), which must either succeed or fail with a one-line message. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "shebao.h"

static shebao_ctx *ctx;
static shebao_policy *policy;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_begin(&ctx, &policy, data, size);
    if (!s)
        return 0;
    shebao_segment *seg = NULL;
    size_t n = 0;
    int rc = shebao_plan_parse(ctx, s, &seg, &n);
    if (rc != SHEBAO_OK) {
        fuzz_check_message(ctx, "a refused plan leaves a one-line message", s);
        fuzz_check(seg == NULL && n == 0, "a refused plan returns no segments", s);
    } else {
        size_t commas = 0;
        for (const char *p = s; *p; p++)
            commas += *p == ',';
        fuzz_check(n == commas + 1, "one segment per comma-separated part", s);
        for (size_t i = 0; i < n; i++)
            fuzz_check(seg[i].first_year >= 1900 && seg[i].first_year <= seg[i].last_year &&
                           seg[i].last_year <= 2199 && seg[i].grade > 0,
                       "segment years in 1900-2199, first <= last, grade > 0", s);
        fuzz_project_plan(ctx, policy, 1970, 6, seg, n, s);
    }
    shebao_free(seg);
    free(s);
    return 0;
}
