/* Internal: provenance (provenance.c). Not installed.
 *
 * What a result rests on. While it computes, a result records which policy parameters it used (sb_prov_used, each
 * once; a recorder that is off records nothing: a summary run pays one test). At the end, the list of its
 * assumptions (sb_prov_list) is built the one way every result builds it: the non-official policy values used, in
 * the policy's order, then the run's own assumptions (path "run.…", status `assumption`) in the order they were
 * added. The resident pension (resident_project.c, projection.c) and long-term care (ltc_*.c) both use it.
 * Imports: internal.h only. */
#ifndef SHEBAO_PROVENANCE_H
#define SHEBAO_PROVENANCE_H

#include "internal.h"

/* The policy parameters a computation used, each once. */
typedef struct sb_prov_used {
    bool on;
    uint32_t *v;
    size_t n, cap;
} sb_prov_used;

/* Record that parameter `param` was used: SHEBAO_OK, or SHEBAO_ENOMEM. */
int sb_prov_record(sb_prov_used *u, uint32_t param);

/* The same, when u is on (u may be NULL): one test when it is off. */
static inline int sb_prov_use(sb_prov_used *u, uint32_t param)
{
    return u && u->on ? sb_prov_record(u, param) : SHEBAO_OK;
}

/* Forget what was recorded (the memory is kept). */
static inline void sb_prov_used_clear(sb_prov_used *u) { u->n = 0; }

/* One assumption: the strings are owned by the list. */
typedef struct sb_prov_item {
    char *path, *from, *value, *source, *title, *url;
    shebao_status status;
} sb_prov_item;

/* A list of assumptions. */
typedef struct sb_prov_list {
    sb_prov_item *v;
    size_t n;
} sb_prov_list;

/* Append the non-official parameters of P recorded in u, in the policy's order (sorts u). */
int sb_prov_add_policy(sb_prov_list *l, const shebao_policy *P, sb_prov_used *u);
/* Append one of the run's own assumptions: path "run.…", the value, why (the source); status assumption. */
int sb_prov_add_run(sb_prov_list *l, const char *path, const char *value, const char *why);
/* Append every item of another list, in order. */
int sb_prov_add_list(sb_prov_list *l, const sb_prov_list *from);
/* Whether the list holds an item with this path. */
bool sb_prov_has(const sb_prov_list *l, const char *path);
/* Item i as a shebao_param (pointers owned by the list); SHEBAO_EUSAGE when out of range or out is NULL. */
int sb_prov_get(const sb_prov_list *l, size_t i, shebao_param *out);
/* Free the items; the list is empty again. */
void sb_prov_clear(sb_prov_list *l);

#endif /* SHEBAO_PROVENANCE_H */
