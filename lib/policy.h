/* Internal policy declarations (not installed). */
#ifndef SHEBAO_POLICY_INTERNAL_H
#define SHEBAO_POLICY_INTERNAL_H

#include <jansson.h>

#include "internal.h"

#define SB_POLICY_SCHEMA "shebao-policy/1"
#define SB_POLICY_MAX_DEPTH 16
#define SB_POLICY_MAX_BYTES (16u << 20)

/* Validate doc (a single file when !full, the merged policy when full) and, if out is not NULL, build the
 * policy. Errors name `file` and the JSON path. */
int sb_policy_build(shebao_ctx *ctx, json_t *doc, const char *file, bool full, shebao_policy **out);

#endif
