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

/* SHEBAO_EPOLICY with the message of a JSON text that jansson could not read, e (json_loads), from the file `name`:
 * "name:line:column: jansson's text" (a control byte in it shown as \xNN); under SHEBAO_LANG_ZH what went wrong
 * in Chinese by json_error_code(e), jansson's English text kept as the detail (policy_jerr.c). */
int sb_policy_json_fail(shebao_ctx *ctx, const char *name, const json_error_t *e);

#endif
