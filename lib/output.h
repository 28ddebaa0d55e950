/* Internal: the output layer (projection.c, compare.c). Not installed.
 *
 * What the results' JSON documents share. Imports nothing from the library: the results' own structs come from the
 * rules (resident.h) and planning (comparison.h) headers of the files that write them. */
#ifndef SHEBAO_OUTPUT_H
#define SHEBAO_OUTPUT_H

#include <stdbool.h>

#include "shebao.h"

/* One non-official value as a JSON object {"parameter", "from", "value", "status", "source", "title"}; the shape
 * every result's "assumptions" array uses. Returns a new reference (jansson's json_t). (projection.c) */
struct json_t;
struct json_t *sb_output_param_json(const shebao_param *q);
/* An amount of fen as a JSON string of yuan with two decimals ("-1234.50"), the one form of money in every result's
 * JSON. Returns a new reference. (projection.c) */
struct json_t *sb_output_money(int64_t fen);

/* The advice of a projection (shebao_projection_advice()) as the JSON object `advice`, or JSON null when it does
 * not apply. Returns a new reference. (projection.c) */
struct json_t *sb_output_advice_json(const shebao_projection *p);

/* The JSON document of shebao_projection_to_json() as a tree (a new reference); with full false only its top
 * members, `claim` and `lifetime` (a comparison's cell). (projection.c) */
struct json_t *sb_output_projection_json(const shebao_projection *p, bool full);

/* json_dumps(j, JSON_INDENT(2)), byte for byte, faster; NULL when out of memory (json_dump.c). */
char *sb_output_dumps(const struct json_t *j);

#endif /* SHEBAO_OUTPUT_H */
