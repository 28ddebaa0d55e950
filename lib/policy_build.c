/* Policy validation, top level: walk a shebao-policy/1 document (schema, id, name, sources, then each section with
 * its own reader: policy_resident.c, policy_ltc.c), refuse anything malformed with a message naming the file and
 * the JSON path, and build the immutable in-memory policy with the provenance of every value. */
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "policy_section.h"

static const char *const build_status_names[] = {"official", "secondary", "recalled", "inferred", "assumption",
                                                 NULL};

/* $.sources (the path at it): map SOURCE-ID -> {"title", "url", "status", "note"}. */
static int build_sources(sb_pread *b, json_t *obj, const char *inherited, void *out)
{
    static const char *const keys[] = {"title", "url", "status", "note", NULL};
    (void)inherited;
    shebao_policy *P = out;
    b->sources = obj;
    size_t n = json_object_size(obj);
    P->sources = calloc(n ? n : 1, sizeof *P->sources);
    if (!P->sources)
        return sb_pread_oom(b);
    const char *id;
    json_t *s;
    json_object_foreach(obj, id, s) {
        size_t old = sb_pread_push_key(b, id);
        TRY(sb_pread_expect_type(b, s, JSON_OBJECT, "an object {\"title\", \"url\", \"status\"}"));
        TRY(sb_pread_check_keys(b, s, keys));
        json_t *title = json_object_get(s, "title"), *url = json_object_get(s, "url"),
               *st = json_object_get(s, "status"), *note = json_object_get(s, "note");
        if (!title || !json_is_string(title))
            return sb_pread_err(b, "a source needs a \"title\" string");
        if (url && !json_is_string(url))
            return sb_pread_err(b, "\"url\" must be a string");
        if (note && !json_is_string(note))
            return sb_pread_err(b, "\"note\" must be a string");
        int status = -1;
        for (int i = 0; st && json_is_string(st) && build_status_names[i]; i++)
            if (strcmp(json_string_value(st), build_status_names[i]) == 0)
                status = i;
        if (status < 0) {
            size_t o2 = sb_pread_push_key(b, "status");
            int rc = sb_pread_err(b, "must be one of official, secondary, recalled, inferred, assumption");
            sb_pread_pop(b, o2);
            return rc;
        }
        sb_source *src = &P->sources[P->nsources];
        src->id = sb_strdup(id);
        src->title = sb_strdup(json_string_value(title));
        src->url = sb_strdup(url ? json_string_value(url) : "");
        src->status = (shebao_status)status;
        P->nsources++;
        if (!src->id || !src->title || !src->url)
            return sb_pread_oom(b);
        sb_pread_pop(b, old);
    }
    return SHEBAO_OK;
}

static bool build_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

/* The latest `from` of the resident section's dated values (base and central base pension, age supplements, grade
 * tables), with its parameter: what $.data_through means when no file of the chain gives it. */
static sb_month last_dated(const sb_resident *rp, uint32_t *param)
{
    sb_month last = -1;
    const sb_series *s[] = {&rp->base, &rp->central};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < s[k]->n; i++)
            if (s[k]->v[i].from > last) {
                last = s[k]->v[i].from;
                *param = s[k]->v[i].param;
            }
    for (size_t i = 0; i < rp->nsupp; i++)
        if (rp->supp[i].from > last) {
            last = rp->supp[i].from;
            *param = rp->supp[i].param;
        }
    for (size_t i = 0; i < rp->ntables; i++)
        if (rp->tables[i].from > last && rp->tables[i].n) {
            last = rp->tables[i].from;
            *param = rp->tables[i].g[0].param;
        }
    return last;
}

/* $.data_through: the month through which the policy's figures are known to be complete (docs/policy-format.md).
 * Optional; a child inherits its parent's (the merge keeps it); absent from the whole chain, the month of the last
 * dated value. It may not be before the last base pension value: the figures cannot be complete through a month
 * before one of them. */
static int build_data_through(sb_pread *b, const sb_pread_obj *top)
{
    sb_resident *rp = &b->P->rp;
    uint32_t last_param = 0;
    sb_month last = last_dated(rp, &last_param), given = -1;
    TRY(sb_pread_month(b, top, "data_through", false, &given, &rp->p_data_through));
    if (!b->full || !rp->present)
        return SHEBAO_OK;
    if (given < 0) {
        rp->data_through = last;
        rp->p_data_through = last_param;
        return SHEBAO_OK;
    }
    if (rp->base.n && given < rp->base.v[rp->base.n - 1].from) {
        char g[8], f[8];
        sb_month_format(given, g, sizeof g);
        sb_month_format(rp->base.v[rp->base.n - 1].from, f, sizeof f);
        size_t old = sb_pread_push_key(b, "data_through");
        int rc = sb_pread_err(b, "%s is before the last base_pension value (from %s): a policy cannot be complete "
                              "through a month before its own figures; give %s or later (a child that adds values "
                              "gives its own data_through)", g, f, f);
        sb_pread_pop(b, old);
        return rc;
    }
    rp->data_through = given;
    return SHEBAO_OK;
}

/* name_zh, when given: a display name of 1 to SB_NAME_ZH_MAX bytes without control characters (it is printed in
 * titles, charts and the handout). */
#define SB_NAME_ZH_MAX 60
static int build_name_zh(sb_pread *b, json_t *v)
{
    if (!v)
        return SHEBAO_OK;
    size_t old = sb_pread_push_key(b, "name_zh");
    int rc = SHEBAO_OK;
    if (!json_is_string(v) || json_string_length(v) == 0)
        rc = sb_pread_err(b, "must be a non-empty string (the region's Chinese display name, such as \"台州市区\")");
    else if (json_string_length(v) > SB_NAME_ZH_MAX)
        rc = sb_pread_err(b, "is %zu bytes long: at most %d (20 Chinese characters)", json_string_length(v),
                          SB_NAME_ZH_MAX);
    else
        for (const unsigned char *c = (const unsigned char *)json_string_value(v); *c; c++)
            if (*c < 0x20 || *c == 0x7f) {
                rc = sb_pread_err(b, "has a control character (\\x%02x): a display name is one line of text", *c);
                break;
            }
    if (rc == SHEBAO_OK)
        sb_pread_pop(b, old);
    return rc;
}

static int build_top(sb_pread *b, json_t *doc)
{
    static const char *const keys[] = {"schema",        "id",           "name",           "name_zh",
                                       "description",   "extends",      "sources",        "data_through",
                                       "resident_pension", "long_term_care", "employee_pension", NULL};
    if (!json_is_object(doc))
        return sb_pread_err(b, "a policy must be a JSON object, not %s", sb_pread_type_name(b, doc));
    TRY(sb_pread_check_keys(b, doc, keys));
    json_t *schema = json_object_get(doc, "schema");
    if (!schema || !json_is_string(schema) || strcmp(json_string_value(schema), SB_POLICY_SCHEMA) != 0) {
        size_t old = sb_pread_push_key(b, "schema");
        int rc = sb_pread_err(b, "must be \"%s\"", SB_POLICY_SCHEMA);
        sb_pread_pop(b, old);
        return rc;
    }
    static const char *const strs[] = {"id", "name", "description", "extends"};
    for (int i = 0; i < 4; i++) {
        json_t *v = json_object_get(doc, strs[i]);
        if (!v && i < 2)
            return sb_pread_err(b, "missing required field '%s'", strs[i]);
        if (!v)
            continue;
        size_t old = sb_pread_push_key(b, strs[i]);
        if (!json_is_string(v) || json_string_length(v) == 0)
            return sb_pread_err(b, "must be a non-empty string");
        if (i == 0 && !build_valid_id(json_string_value(v)))
            return sb_pread_err(b, "'%.64s' is not a valid id (1-64 characters a-z, 0-9, '-')",
                                json_string_value(v));
        sb_pread_pop(b, old);
    }
    TRY(build_name_zh(b, json_object_get(doc, "name_zh")));
    const sb_pread_obj top = {doc, NULL, NULL};
    TRY(sb_pread_sub(b, &top, "sources", true, JSON_OBJECT, build_sources, b->P));
    TRY(sb_pread_sub(b, &top, "resident_pension", false, JSON_OBJECT, sb_policy_resident_read, &b->P->rp));
    TRY(sb_pread_sub(b, &top, "long_term_care", false, JSON_OBJECT, sb_policy_ltc_read, &b->P->ltc));
    TRY(sb_pread_sub(b, &top, "employee_pension", false, JSON_OBJECT, sb_policy_employee_read, &b->P->ep));
    return build_data_through(b, &top);
}

int sb_policy_build(shebao_ctx *ctx, json_t *doc, const char *file, bool full, shebao_policy **out)
{
    shebao_policy *P = calloc(1, sizeof *P);
    if (!P)
        return sb_fail(ctx, SHEBAO_ENOMEM, "%s: out of memory", file);
    sb_pread b = {.ctx = ctx, .file = file, .full = full, .P = P, .path = "$", .plen = 1};
    int rc = build_top(&b, doc);
    if (rc == SHEBAO_OK && full) {
        P->id = sb_strdup(json_string_value(json_object_get(doc, "id")));
        P->name = sb_strdup(json_string_value(json_object_get(doc, "name")));
        json_t *zh = json_object_get(doc, "name_zh");
        if (zh)
            P->name_zh = sb_strdup(json_string_value(zh));
        if (!P->id || !P->name || (zh && !P->name_zh))
            rc = sb_pread_oom(&b);
        /* resolve provenance */
        for (size_t i = 0; rc == SHEBAO_OK && i < P->nparams; i++) {
            sb_param *p = &P->params[i];
            p->status = SHEBAO_STATUS_UNSOURCED;
            p->title = "";
            p->url = "";
            for (size_t j = 0; p->source[0] && j < P->nsources; j++) {
                if (strcmp(p->source, P->sources[j].id) == 0) {
                    p->status = P->sources[j].status;
                    p->title = P->sources[j].title;
                    p->url = P->sources[j].url;
                }
            }
        }
    }
    if (rc != SHEBAO_OK || !out) {
        shebao_policy_free(P);
        return rc;
    }
    *out = P;
    return SHEBAO_OK;
}
