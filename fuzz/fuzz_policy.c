/* Fuzz target: the policy loader (shebao_policy_load_string: JSON syntax, the shebao-policy/1 schema, `extends`
 * of embedded policies, merging, validation). A refused document leaves a non-empty one-line message; an accepted
 * one must survive its own round trip (shebao_policy_to_json loads back and prints the same JSON), list its
 * parameters, and take one projection (no life table) without a crash.
 *
 * `extends` naming a file (a path with '/') is skipped: the harness must not read arbitrary files such as
 * /dev/stdin. Names without '/' resolve in the working directory, which `make fuzz` keeps empty. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "shebao.h"

static shebao_ctx *ctx;

/* The same JSON parser as the loader, to see what `extends` would name. */
static int names_a_path(const char *s)
{
    json_t *doc = json_loads(s, 0, NULL);
    json_t *ext = doc ? json_object_get(doc, "extends") : NULL;
    int path = ext && json_is_string(ext) && strchr(json_string_value(ext), '/');
    json_decref(doc);
    return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_begin(&ctx, NULL, data, size);
    if (!s)
        return 0;
    if (names_a_path(s)) {
        free(s);
        return 0;
    }
    shebao_policy *p = NULL;
    int rc = shebao_policy_load_string(ctx, s, "fuzz.json", &p);
    if (rc != SHEBAO_OK) {
        fuzz_check_message(ctx, "a refused policy leaves a one-line message", s);
        fuzz_check(p == NULL, "a refused policy returns no policy", s);
        free(s);
        return 0;
    }
    for (size_t i = 0; i < shebao_policy_param_count(p); i++) {
        shebao_param q;
        fuzz_check(shebao_policy_param(p, i, &q) == SHEBAO_OK && q.path && q.value, "every parameter reads", s);
    }
    char *json = NULL;
    fuzz_check(shebao_policy_to_json(p, &json) == SHEBAO_OK, "an accepted policy prints as JSON", s);
    shebao_policy *again = NULL;
    char *json2 = NULL;
    fuzz_check(shebao_policy_load_string(ctx, json, "fuzz.json", &again) == SHEBAO_OK,
               "the printed JSON of an accepted policy loads back", s);
    fuzz_check(shebao_policy_to_json(again, &json2) == SHEBAO_OK && strcmp(json, json2) == 0,
               "the round trip prints the same JSON", s);
    shebao_segment seg = {2024, 2038, 30000};
    fuzz_project_plan(ctx, p, 1975, 3, &seg, 1, s);
    shebao_free(json);
    shebao_free(json2);
    shebao_policy_free(again);
    shebao_policy_free(p);
    free(s);
    return 0;
}
