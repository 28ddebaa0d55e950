/* Provenance: the record of the policy parameters a result used, and its list of assumptions (provenance.h). */
#include <stdlib.h>
#include <string.h>

#include "provenance.h"

int sb_prov_record(sb_prov_used *u, uint32_t param)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->v[i] == param)
            return SHEBAO_OK;
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 32;
        uint32_t *n = realloc(u->v, cap * sizeof *n);
        if (!n)
            return SHEBAO_ENOMEM;
        u->v = n;
        u->cap = cap;
    }
    u->v[u->n++] = param;
    return SHEBAO_OK;
}

static int append(sb_prov_list *l, const char *path, const char *from, const char *value, const char *source,
                  const char *title, const char *url, shebao_status status)
{
    sb_prov_item *nv = realloc(l->v, (l->n + 1) * sizeof *nv);
    if (!nv)
        return SHEBAO_ENOMEM;
    l->v = nv;
    sb_prov_item *x = &nv[l->n++];
    *x = (sb_prov_item){sb_strdup(path), sb_strdup(from), sb_strdup(value), sb_strdup(source), sb_strdup(title),
                        sb_strdup(url), status};
    if (!x->path || !x->from || !x->value || !x->source || !x->title || !x->url)
        return SHEBAO_ENOMEM;
    return SHEBAO_OK;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int sb_prov_add_policy(sb_prov_list *l, const shebao_policy *P, sb_prov_used *u)
{
    if (u->n)
        qsort(u->v, u->n, sizeof *u->v, cmp_u32); /* parameter ids are in document order */
    for (size_t i = 0; i < u->n; i++) {
        const sb_param *q = &P->params[u->v[i]];
        if (q->status == SHEBAO_STATUS_OFFICIAL)
            continue;
        if (append(l, q->path, q->from, q->value, q->source, q->title, q->url, q->status) != SHEBAO_OK)
            return SHEBAO_ENOMEM;
    }
    return SHEBAO_OK;
}

int sb_prov_add_run(sb_prov_list *l, const char *path, const char *value, const char *why)
{
    return append(l, path, "", value, why, "", "", SHEBAO_STATUS_ASSUMPTION);
}

int sb_prov_add_list(sb_prov_list *l, const sb_prov_list *from)
{
    for (size_t i = 0; i < from->n; i++) {
        const sb_prov_item *r = &from->v[i];
        if (append(l, r->path, r->from, r->value, r->source, r->title, r->url, r->status) != SHEBAO_OK)
            return SHEBAO_ENOMEM;
    }
    return SHEBAO_OK;
}

bool sb_prov_has(const sb_prov_list *l, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].path, path) == 0)
            return true;
    return false;
}

int sb_prov_get(const sb_prov_list *l, size_t i, shebao_param *out)
{
    if (!out || i >= l->n)
        return SHEBAO_EUSAGE;
    const sb_prov_item *n = &l->v[i];
    *out = (shebao_param){n->path, n->from, n->value, n->source, n->status, n->title, n->url};
    return SHEBAO_OK;
}

void sb_prov_clear(sb_prov_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        sb_prov_item *n = &l->v[i];
        free(n->path);
        free(n->from);
        free(n->value);
        free(n->source);
        free(n->title);
        free(n->url);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
