/* Reading a policy document: the reader's state (file, JSON path, the policy being built), its one-line errors,
 * and one family of typed readers that every section uses. A reader names the value it refuses by the path, and
 * records the value it accepts with its provenance (path without indices, `from`, text, source id). Internal (not
 * installed). */
#ifndef SHEBAO_POLICY_READ_H
#define SHEBAO_POLICY_READ_H

#include <jansson.h>

#include "internal.h"

/* A string of the document quoted in a message: whole up to 63 bytes, else its first 60 and "..." (SB_SHOW). */
#define SHOW(s) SB_SHOW((s), strlen(s))

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

/* An object being read: its members inherit `src`; `from` is the month of the dated entry it belongs to (NULL
 * outside one). Inside a dated entry null is refused and a required member is required in a child file too;
 * outside, a child's null removes the inherited value and a required member is checked in the merged policy
 * only. */
typedef struct sb_pread_obj {
    json_t *json;
    const char *src;
    const char *from;
} sb_pread_obj;

/* What a decimal value holds (sb_pread_v_num, sb_pread_num). */
typedef enum sb_pread_kind {
    SB_PREAD_AMOUNT,   /* yuan: at most two decimals, no sign, to fen */
    SB_PREAD_RATE,     /* in [0, 1) */
    SB_PREAD_INTEREST, /* an interest rate: in [-0.05, 0.20] (sb_rate_ok) */
    SB_PREAD_POSITIVE, /* greater than zero */
    SB_PREAD_RATIO,    /* in [0, 1], written without a sign */
    SB_PREAD_HOURS     /* 0 or more, written without a sign */
} sb_pread_kind;

extern const char *const sb_pread_rounding_names[]; /* index = shebao_rounding */
/* The same names and "none" last (index SB_PREAD_ROUNDING_NONE): a rounding that may be absent. */
extern const char *const sb_pread_rounding_or_none_names[];
#define SB_PREAD_ROUNDING_NONE 5

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

/* The JSON type of v in words, in the language of b's context ("an integer"; zh: "整数"). */
const char *sb_pread_type_name(const sb_pread *b, const json_t *v);
/* Unknown keys are refused (they are almost always typos): `allowed` ends with NULL. */
int sb_pread_check_keys(sb_pread *b, json_t *obj, const char *const *allowed);
/* v has type t (JSON_TRUE: either boolean); `what` names the expected shape in the message. */
int sb_pread_expect_type(sb_pread *b, json_t *v, json_type t, const char *what);
int sb_pread_expect_array(sb_pread *b, json_t *v, bool nonempty);
/* The "source" member of obj (if any) overrides the inherited one; checked against $.sources in full mode. */
int sb_pread_source(sb_pread *b, json_t *obj, const char *inherited, const char **out);
/* Check obj's keys and resolve its source: o then reads its members. */
int sb_pread_open(sb_pread *b, json_t *obj, const char *const *keys, const char *inherited, const char *from,
                  sb_pread_obj *o);

/* ---- values (the path names the value; nothing recorded) ---- */

int sb_pread_v_int(sb_pread *b, json_t *v, int lo, int hi, int *out);
int sb_pread_v_bool(sb_pread *b, json_t *v, bool *out);
int sb_pread_v_month(sb_pread *b, json_t *v, sb_month *out);
/* A decimal of `kind` into *fen (amounts) or *dec (the others); its canonical text into text (if not NULL). */
int sb_pread_v_num(sb_pread *b, json_t *v, sb_pread_kind kind, int64_t *fen, sb_dec *dec, char *text,
                   size_t size);

/* ---- members of an object (bare or {"value", "source"}), recorded with their provenance ---- */

/* Member key of o under o's rule for null and absence (see sb_pread_obj): *m is NULL when there is none. */
int sb_pread_lookup(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, json_t **m);
/* Whether member key is there (after its reader succeeded: whether it was read). */
bool sb_pread_has(const sb_pread_obj *o, const char *key);
/* A member's value being read: the value (bare, or the "value" of {"value", "source"}), its source, and the path
 * length to pop back to. */
typedef struct sb_pread_val {
    json_t *v;
    const char *src;
    size_t old;
} sb_pread_val;
/* Find member key of o: f->v is NULL when there is none; else the path has been extended by the key. */
int sb_pread_field(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_pread_val *f);
/* Record the value of f (read; as text) with o's `from`, and pop the path back. */
int sb_pread_record(sb_pread *b, const sb_pread_obj *o, const sb_pread_val *f, const char *text, uint32_t *param);
/* Typed members: absent (or a child's null) leaves *out and *param alone. */
int sb_pread_int(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, int lo, int hi, int *out,
                 uint32_t *param);
int sb_pread_bool(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, bool *out, uint32_t *param);
int sb_pread_month(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_month *out, uint32_t *param);
int sb_pread_num(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, sb_pread_kind kind, int64_t *fen,
                 sb_dec *dec, uint32_t *param);
/* A string out of `names` (NULL-terminated); *out is its index. */
int sb_pread_name(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, const char *const *names,
                  int *out, uint32_t *param);
/* A reader of an object or array member: v (the path at it), the source its values inherit, where it goes. */
typedef int (*sb_pread_fn)(sb_pread *b, json_t *v, const char *inherited, void *out);
/* Member key of o, an object (type JSON_OBJECT, checked here) or an array (JSON_ARRAY, its reader checks it), under
 * o's rule for null and absence: when there is one, read by fn(b, v, o->src, out). */
int sb_pread_sub(sb_pread *b, const sb_pread_obj *o, const char *key, bool req, json_type type, sb_pread_fn fn,
                 void *out);

/* ---- entries of arrays ---- */

/* Array arr (not empty when nonempty) and zeroed room for its entries, `size` bytes each (room for one when it is
 * empty): NULL with *rc set on error. */
void *sb_pread_list(sb_pread *b, json_t *arr, bool nonempty, size_t size, int *rc);
/* The entries of a list: objects (`what` names them in messages) with `keys`, the `req` ones required (both
 * NULL-terminated). Entry members are bare values. */
typedef struct sb_pread_shape {
    const char *what;
    const char *const *keys, *const *req;
} sb_pread_shape;
/* Entry i of n: e (the path at it) and its source. */
typedef struct sb_pread_item {
    json_t *e;
    size_t i, n;
    const char *src;
} sb_pread_item;
typedef int (*sb_pread_item_fn)(sb_pread *b, const sb_pread_item *it, void *out);
/* Each entry of the array arr (the path at it; its type checked by sb_pread_list or sb_pread_expect_array), checked
 * against shape, then read by fn(b, item, out). */
int sb_pread_each(sb_pread *b, json_t *arr, const sb_pread_shape *shape, const char *inherited, sb_pread_item_fn fn,
                  void *out);
/* Entry e's "from" month, strictly after prev (prev < 0: no check). */
int sb_pread_from(sb_pread *b, json_t *e, sb_month prev, sb_month *out);
/* Entry e's member key as an integer in lo..hi, or as a decimal of kind (text as for sb_pread_v_num). */
int sb_pread_e_int(sb_pread *b, json_t *e, const char *key, int lo, int hi, int *out);
int sb_pread_e_num(sb_pread *b, json_t *e, const char *key, sb_pread_kind kind, int64_t *fen, sb_dec *dec,
                   char *text, size_t size);
/* A dated series of amounts [{"from", "value", "source"}] (the path at the array), recorded under its path with
 * each entry's from. */
int sb_pread_series(sb_pread *b, json_t *arr, const char *inherited, bool nonempty, sb_series *out);

/* ---- provenance ---- */

/* Record a parameter (path as sb_pread_ppath makes it, from may be NULL); its index into *index (if not NULL). */
int sb_pread_param(sb_pread *b, const char *path, const char *from, const char *value, const char *src,
                   uint32_t *index);
/* The same under the current path as provenance names it (sb_pread_ppath): an entry's value is recorded under its
 * array's path. */
int sb_pread_here(sb_pread *b, const char *from, const char *value, const char *src, uint32_t *index);

#endif
