/* Reading a policy document: the reader's state (file, JSON path, the policy being built), its one-line errors,
 * and the readers of JSON shapes and typed values. A reader names the value it refuses by the path. Internal (not
 * installed). */
#ifndef SHEBAO_POLICY_READ_H
#define SHEBAO_POLICY_READ_H

#include <jansson.h>

#include "internal.h"

#define TRY(expr)                                                                                            \
    do {                                                                                                     \
        int rc_ = (expr);                                                                                    \
        if (rc_ != SHEBAO_OK)                                                                                \
            return rc_;                                                                                      \
    } while (0)

/* The reader of one document. */
typedef struct sb_pread {
    shebao_ctx *ctx;
    const char *file;
    bool full; /* merged document: required fields and source ids are checked too */
    shebao_policy *P;
    json_t *sources; /* $.sources, once read */
    char path[512];  /* JSON path of the value being read, "$.a.b[2].c" */
    size_t plen;
} sb_pread;

/* ---- paths and errors ---- */

/* Extend the path by ".key" or "[i]"; each returns the length to pop back to. */
size_t sb_pread_push_key(sb_pread *b, const char *key);
size_t sb_pread_push_idx(sb_pread *b, size_t i);
void sb_pread_pop(sb_pread *b, size_t old);
/* The path as provenance names it: without "$." and without array indices. */
void sb_pread_ppath(const sb_pread *b, char *out, size_t size);
/* "FILE: PATH: message" (SHEBAO_EPOLICY), and out of memory (SHEBAO_ENOMEM). */
int sb_pread_err(sb_pread *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int sb_pread_oom(sb_pread *b);

/* ---- shapes ---- */

const char *sb_pread_type_name(const json_t *v);
/* Unknown keys are refused (they are almost always typos): `allowed` ends with NULL. */
int sb_pread_check_keys(sb_pread *b, json_t *obj, const char *const *allowed);
/* v has type t (JSON_TRUE: either boolean); `what` names the expected shape in the message. */
int sb_pread_expect_type(sb_pread *b, json_t *v, json_type t, const char *what);
int sb_pread_expect_array(sb_pread *b, json_t *v, bool nonempty);
/* The "source" member of obj (if any) overrides the inherited one; checked against $.sources in full mode. */
int sb_pread_source(sb_pread *b, json_t *obj, const char *inherited, const char **out);

/* ---- values (the path names the value; nothing recorded) ---- */

int sb_pread_v_dec(sb_pread *b, json_t *v, sb_dec *out);
int sb_pread_v_amount(sb_pread *b, json_t *v, int64_t *fen);
int sb_pread_v_rate(sb_pread *b, json_t *v, sb_dec *out);
int sb_pread_v_int(sb_pread *b, json_t *v, int lo, int hi, int *out);
int sb_pread_v_bool(sb_pread *b, json_t *v, bool *out);
int sb_pread_v_month(sb_pread *b, json_t *v, sb_month *out);

/* ---- provenance ---- */

/* Record a parameter (path without "$.", from may be NULL); its index into *index (if not NULL). */
int sb_pread_param(sb_pread *b, const char *path, const char *from, const char *value, const char *src,
                   uint32_t *index);

#endif
