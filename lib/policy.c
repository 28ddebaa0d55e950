/* Policy loading: files, strings and embedded policies, `extends` chains, merging, accessors. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy.h"

/* A document source being loaded: where its text came from, for messages and relative `extends`. */
typedef struct origin {
    const char *name;     /* for messages: file path or "embedded:ID" */
    char identity[4096];  /* for cycle detection: realpath or "embedded:ID" */
    const char *dir;      /* directory for relative parents ("" = current directory, NULL = none) */
} origin;

typedef struct chain {
    const char *ids[SB_POLICY_MAX_DEPTH + 1];   /* identities, compared */
    const char *names[SB_POLICY_MAX_DEPTH + 1]; /* names, shown */
    size_t n;
} chain;

static const sb_embedded *find_embedded(const char *id)
{
    for (size_t i = 0; i < sb_embedded_policies_count; i++)
        if (strcmp(sb_embedded_policies[i].name, id) == 0)
            return &sb_embedded_policies[i];
    return NULL;
}

/* What a file that is not a regular file is, for messages. */
static const char *file_kind(mode_t mode)
{
    return S_ISDIR(mode)    ? "a directory"
           : S_ISFIFO(mode) ? "a FIFO or pipe"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "of an unknown kind";
}

/* Read a policy file: a regular file only, checked on the opened descriptor (a name checked first and opened
 * after could be swapped in between). O_NONBLOCK keeps the open of a FIFO from waiting for a writer; it is cleared
 * before the read. */
static int read_file(shebao_ctx *ctx, const char *path, char **out)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: cannot open: %s", path, sb_strerror(ctx, errno));
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: cannot read: %s", path, sb_strerror(ctx, e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: not a regular file (%s)", path, file_kind(st.st_mode));
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags == -1 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
        int e = errno;
        close(fd);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: cannot read: %s", path, sb_strerror(ctx, e));
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    int bad = 0;
    while (buf) {
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            bad = errno;
            break;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len + 1 == cap) {
            if (cap >= SB_POLICY_MAX_BYTES) {
                free(buf);
                close(fd);
                return sb_fail(ctx, SHEBAO_EPOLICY, "%s: larger than %u MiB", path, SB_POLICY_MAX_BYTES >> 20);
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    close(fd);
    if (!buf)
        return sb_fail(ctx, SHEBAO_ENOMEM, "%s: out of memory", path);
    if (bad) {
        free(buf);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: cannot read: %s", path, sb_strerror(ctx, bad));
    }
    buf[len] = '\0';
    if (strlen(buf) != len) {
        free(buf);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: contains a NUL byte", path);
    }
    *out = buf;
    return SHEBAO_OK;
}

/* Make every value's source explicit inside one file, so that a merge can never move one file's source onto
 * another file's values: an array entry gets "source" (its own or the enclosing one), a scalar member of a plain
 * object becomes {"value", "source"}, and the plain object's own "source" key is then dropped. */
static void push_entry(json_t *e, const char *inherited);

static void push_object(json_t *obj, const char *inherited)
{
    json_t *s = json_object_get(obj, "source");
    const char *src = s && json_is_string(s) ? json_string_value(s) : inherited;
    const char *key;
    json_t *v;
    void *tmp;
    json_object_foreach_safe(obj, tmp, key, v) {
        if (strcmp(key, "source") == 0 || json_is_null(v))
            continue;
        if (json_is_object(v)) {
            if (json_object_get(v, "value")) {
                if (!json_object_get(v, "source") && src)
                    json_object_set_new(v, "source", json_string(src));
            } else {
                push_object(v, src);
            }
        } else if (json_is_array(v)) {
            size_t i;
            json_t *e;
            bool entries = false;
            json_array_foreach(v, i, e)
                if (json_is_object(e)) {
                    push_entry(e, src);
                    entries = true;
                }
            /* an array of plain values (e.g. the long_term_care combination matrix) is one value: it gets the
             * source like a scalar */
            if (!entries && json_array_size(v) > 0 && src)
                json_object_set_new(obj, key, json_pack("{s:O,s:s}", "value", v, "source", src));
        } else if (src) {
            json_object_set_new(obj, key, json_pack("{s:O,s:s}", "value", v, "source", src));
        }
    }
    json_object_del(obj, "source"); /* last: src may point into it */
}

static void push_entry(json_t *e, const char *inherited)
{
    json_t *s = json_object_get(e, "source");
    const char *src = s && json_is_string(s) ? json_string_value(s) : inherited;
    if (!s && src)
        json_object_set_new(e, "source", json_string(src));
    src = json_string_value(json_object_get(e, "source"));
    const char *key;
    json_t *v;
    json_object_foreach(e, key, v) {
        size_t i;
        json_t *row;
        if (json_is_array(v))
            json_array_foreach(v, i, row)
                if (json_is_object(row))
                    push_entry(row, src);
    }
}

static void push_sources(json_t *doc)
{
    static const char *const sections[] = {"resident_pension", "long_term_care"};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        json_t *sec = json_object_get(doc, sections[i]);
        if (json_is_object(sec))
            push_object(sec, NULL);
    }
}

/* Merge child into parent (in place): objects key by key, everything else replaced whole; a null in the child
 * removes the inherited value. */
static int merge(json_t *parent, json_t *child)
{
    const char *key;
    json_t *cv;
    json_object_foreach(child, key, cv) {
        if (strcmp(key, "extends") == 0)
            continue;
        if (json_is_null(cv)) {
            json_object_del(parent, key);
            continue;
        }
        json_t *pv = json_object_get(parent, key);
        if (pv && json_is_object(pv) && json_is_object(cv)) {
            if (merge(pv, cv) != 0)
                return -1;
        } else if (json_object_set_new(parent, key, json_deep_copy(cv)) != 0) {
            return -1;
        }
    }
    return 0;
}

static int load_doc(shebao_ctx *ctx, const char *text, const origin *o, chain *ch, json_t **out, char **lineage);

/* The folder rule: a parent file is named relative to the folder of the file that names it and stays in that
 * folder or below it, so no absolute path and no ".." component (docs/policy-format.md says why). */
static const char *leaves_folder(const char *path)
{
    if (path[0] == '/')
        return SB_N_("is an absolute path");
    for (const char *s = path; *s;) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return SB_N_("has a '..' component");
        s += n;
        s += *s == '/';
    }
    return NULL;
}

/* Resolve the `extends` of a document loaded from origin o. */
static int load_parent(shebao_ctx *ctx, const char *ext, const origin *o, chain *ch, json_t **out,
                       char **lineage)
{
    size_t len = strlen(ext);
    bool is_file = strchr(ext, '/') || (len > 5 && strcmp(ext + len - 5, ".json") == 0);
    origin po = {0};
    char *text = NULL, *path = NULL;
    int rc;
    if (!is_file) {
        const sb_embedded *e = find_embedded(ext);
        if (!e)
            return sb_fail(ctx, SHEBAO_EPOLICY,
                           "%s: $.extends: unknown parent policy '%.64s' (not an embedded id; a file path must end in .json or contain '/')",
                           o->name, ext);
        snprintf(po.identity, sizeof po.identity, "embedded:%s", e->name);
        po.name = po.identity;
        po.dir = NULL;
        text = (char *)e->data;
    } else {
        if (!o->dir)
            return sb_fail(ctx, SHEBAO_EPOLICY, "%s: $.extends: an embedded policy cannot extend a file ('%.64s')",
                           o->name, ext);
        const char *why = leaves_folder(ext);
        if (why)
            return sb_fail(ctx, SHEBAO_EPOLICY,
                           "%s: $.extends: '%.64s' %s; a parent file must be in the folder of this file or below it",
                           o->name, ext, sb_tr(ctx, why));
        path = !o->dir[0] ? sb_strdup(ext) : sb_asprintf("%s/%s", o->dir, ext);
        if (!path)
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        rc = read_file(ctx, path, &text);
        if (rc != SHEBAO_OK) {
            char msg[SB_ERRMSG_SIZE];
            snprintf(msg, sizeof msg, "%s", shebao_ctx_errmsg(ctx));
            free(path);
            return sb_fail(ctx, rc, "%s: $.extends: %s", o->name, msg);
        }
        if (!realpath(path, po.identity))
            snprintf(po.identity, sizeof po.identity, "%s", path);
        po.name = path;
    }
    char *dir = NULL;
    if (path) {
        const char *slash = strrchr(path, '/');
        dir = slash == path ? sb_strdup("/") : slash ? sb_asprintf("%.*s", (int)(slash - path), path) : sb_strdup("");
        if (!dir) {
            free(path);
            free(text);
            return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        }
        po.dir = dir;
    }
    rc = load_doc(ctx, text, &po, ch, out, lineage);
    if (path)
        free(text);
    free(path);
    free(dir);
    return rc;
}

/* A name longer than CHAIN_NAME_HEAD + CHAIN_NAME_TAIL bytes is shown as its first and last bytes around "…". */
#define CHAIN_NAME_HEAD 20
#define CHAIN_NAME_TAIL 40

/* The chain ch followed by last, on one line of bounded length (under 400 bytes): every name when there are at
 * most 5, else the first two and the last two around "… (N more)"; a long name is cut in the middle, at character
 * boundaries. */
static void chain_text(char *buf, size_t size, const chain *ch, const char *last)
{
    size_t n = ch->n + 1;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strncat(buf, " > ", size - strlen(buf) - 1);
        if (n > 5 && i == 2) {
            char more[40];
            snprintf(more, sizeof more, "… (%zu more)", n - 4);
            strncat(buf, more, size - strlen(buf) - 1);
            i = n - 3;
            continue;
        }
        const char *name = i < ch->n ? ch->names[i] : last;
        size_t len = strlen(name);
        if (len > CHAIN_NAME_HEAD + CHAIN_NAME_TAIL) {
            size_t head = CHAIN_NAME_HEAD;
            while (head > 0 && ((unsigned char)name[head] & 0xC0) == 0x80)
                head--;
            const char *tail = name + len - CHAIN_NAME_TAIL;
            while (((unsigned char)*tail & 0xC0) == 0x80)
                tail++;
            strncat(buf, name, head < size - strlen(buf) - 1 ? head : size - strlen(buf) - 1);
            strncat(buf, "…", size - strlen(buf) - 1);
            name = tail;
        }
        strncat(buf, name, size - strlen(buf) - 1);
    }
}

static int load_doc(shebao_ctx *ctx, const char *text, const origin *o, chain *ch, json_t **out, char **lineage)
{
    char msg[400];
    for (size_t i = 0; i < ch->n; i++) {
        if (strcmp(ch->ids[i], o->identity) == 0) {
            chain_text(msg, sizeof msg, ch, o->name);
            return sb_fail(ctx, SHEBAO_EPOLICY, "%s: $.extends: cycle: %s", ch->names[0], msg);
        }
    }
    if (ch->n >= SB_POLICY_MAX_DEPTH) {
        chain_text(msg, sizeof msg, ch, o->name);
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s: $.extends: more than %d levels of extends: %s", ch->names[0],
                       SB_POLICY_MAX_DEPTH, msg);
    }
    json_error_t jerr;
    if ((unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF)
        text += 3; /* a UTF-8 byte-order mark is harmless: skip it */
    json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    if (!doc)
        return sb_policy_json_fail(ctx, o->name, &jerr);
    int rc = sb_policy_build(ctx, doc, o->name, false, NULL);
    if (rc == SHEBAO_OK)
        push_sources(doc);
    json_t *ext = rc == SHEBAO_OK ? json_object_get(doc, "extends") : NULL;
    const char *id = rc == SHEBAO_OK ? json_string_value(json_object_get(doc, "id")) : "";
    char *lin = NULL;
    if (rc == SHEBAO_OK && ext) {
        json_t *parent = NULL;
        char *plin = NULL;
        ch->ids[ch->n] = o->identity;
        ch->names[ch->n++] = o->name;
        rc = load_parent(ctx, json_string_value(ext), o, ch, &parent, &plin);
        ch->n--;
        if (rc == SHEBAO_OK) {
            lin = sb_asprintf("%s > %s", id, plin);
            if (!json_object_get(doc, "name_zh")) /* a display name is the file's own: never inherited */
                json_object_del(parent, "name_zh");
            if (merge(parent, doc) != 0)
                rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
            json_decref(doc);
            doc = parent;
        } else {
            json_decref(parent);
        }
        free(plin);
    } else if (rc == SHEBAO_OK) {
        lin = sb_strdup(id);
    }
    if (rc == SHEBAO_OK && !lin)
        rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    if (rc != SHEBAO_OK) {
        json_decref(doc);
        free(lin);
        return rc;
    }
    json_object_del(doc, "extends");
    *out = doc;
    *lineage = lin;
    return SHEBAO_OK;
}

/* Load from text with origin o, then validate the merged document fully. */
static int load_policy(shebao_ctx *ctx, const char *text, const origin *o, shebao_policy **out)
{
    if (!out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL output pointer");
    *out = NULL;
    chain ch = {.n = 0};
    json_t *doc = NULL;
    char *lineage = NULL;
    int rc = load_doc(ctx, text, o, &ch, &doc, &lineage);
    if (rc != SHEBAO_OK)
        return rc;
    shebao_policy *P = NULL;
    rc = sb_policy_build(ctx, doc, o->name, true, &P);
    if (rc == SHEBAO_OK) {
        P->lineage = lineage;
        lineage = NULL;
        P->json = json_dumps(doc, JSON_INDENT(2));
        if (!P->json) {
            shebao_policy_free(P);
            P = NULL;
            rc = sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
        }
    }
    free(lineage);
    json_decref(doc);
    if (rc != SHEBAO_OK)
        return rc;
    *out = P;
    return sb_ok(ctx);
}

int shebao_policy_load_file(shebao_ctx *ctx, const char *path, shebao_policy **out)
{
    if (out)
        *out = NULL;
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!path || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL path or output pointer");
    char *text = NULL;
    int rc = read_file(ctx, path, &text);
    if (rc != SHEBAO_OK)
        return rc;
    origin o = {.name = path};
    if (!realpath(path, o.identity))
        snprintf(o.identity, sizeof o.identity, "%s", path);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? sb_asprintf("%.*s", (int)(slash - path), path) : sb_strdup("");
    if (!dir) {
        free(text);
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    }
    o.dir = slash == path ? "/" : dir;
    rc = load_policy(ctx, text, &o, out);
    free(dir);
    free(text);
    return rc;
}

int shebao_policy_load_string(shebao_ctx *ctx, const char *json, const char *name, shebao_policy **out)
{
    if (out)
        *out = NULL;
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!json || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL document or output pointer");
    if (!name)
        name = "<string>";
    origin o = {.name = name};
    snprintf(o.identity, sizeof o.identity, "string:%s", name);
    const char *slash = strrchr(name, '/');
    char *dir = slash ? sb_asprintf("%.*s", (int)(slash - name), name) : sb_strdup("");
    if (!dir)
        return sb_fail(ctx, SHEBAO_ENOMEM, "out of memory");
    o.dir = dir;
    int rc = load_policy(ctx, json, &o, out);
    free(dir);
    return rc;
}

int shebao_policy_load_embedded(shebao_ctx *ctx, const char *id, shebao_policy **out)
{
    if (out)
        *out = NULL;
    if (!ctx)
        return SHEBAO_EUSAGE;
    if (!id || !out)
        return sb_fail(ctx, SHEBAO_EUSAGE, "NULL id or output pointer");
    const sb_embedded *e = find_embedded(id);
    if (!e) {
        char list[300] = "";
        for (size_t i = 0; i < sb_embedded_policies_count; i++) {
            strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
            strncat(list, sb_embedded_policies[i].name, sizeof list - strlen(list) - 1);
        }
        return sb_fail(ctx, SHEBAO_EPOLICY, "unknown policy '%.64s' (embedded: %s)", id, list);
    }
    origin o = {.dir = NULL};
    snprintf(o.identity, sizeof o.identity, "embedded:%s", e->name);
    o.name = o.identity;
    return load_policy(ctx, e->data, &o, out);
}

void shebao_policy_free(shebao_policy *P)
{
    if (!P)
        return;
    for (size_t i = 0; i < P->nparams; i++) {
        free(P->params[i].path);
        free(P->params[i].from);
        free(P->params[i].value);
        free(P->params[i].source);
    }
    free(P->params);
    for (size_t i = 0; i < P->nsources; i++) {
        free(P->sources[i].id);
        free(P->sources[i].title);
        free(P->sources[i].url);
    }
    free(P->sources);
    sb_resident *rp = &P->rp;
    free(rp->base.v);
    free(rp->central.v);
    free(rp->supp);
    for (size_t i = 0; i < rp->ntables; i++)
        free(rp->tables[i].g);
    free(rp->tables);
    free(rp->bands);
    free(rp->rates);
    free(P->ltc.funding);
    free(P->ltc.benefits);
    free(P->ep.bands);
    free(P->ep.flex);
    free(P->ep.wage.v);
    free(P->ep.base.v);
    free(P->ep.crediting.v);
    free(P->ep.subsidy.v);
    free(P->id);
    free(P->name);
    free(P->name_zh);
    free(P->lineage);
    free(P->json);
    free(P);
}

size_t shebao_policy_embedded_count(void) { return sb_embedded_policies_count; }

const char *shebao_policy_embedded_id(size_t i)
{
    return i < sb_embedded_policies_count ? sb_embedded_policies[i].name : NULL;
}

const char *shebao_policy_id(const shebao_policy *P) { return P ? P->id : NULL; }

const char *shebao_policy_name(const shebao_policy *P) { return P ? P->name : NULL; }
const char *shebao_policy_name_zh(const shebao_policy *P) { return P ? P->name_zh : NULL; }

const char *shebao_policy_lineage(const shebao_policy *P) { return P ? P->lineage : NULL; }

size_t shebao_policy_param_count(const shebao_policy *P) { return P ? P->nparams : 0; }

int shebao_policy_param(const shebao_policy *P, size_t i, shebao_param *out)
{
    if (!P || !out || i >= P->nparams)
        return SHEBAO_EUSAGE;
    const sb_param *p = &P->params[i];
    *out = (shebao_param){p->path, p->from, p->value, p->source, p->status, p->title, p->url};
    return SHEBAO_OK;
}

int shebao_policy_to_json(const shebao_policy *P, char **out)
{
    if (!P || !out)
        return SHEBAO_EUSAGE;
    *out = sb_strdup(P->json);
    return *out ? SHEBAO_OK : SHEBAO_ENOMEM;
}

const char *shebao_status_name(shebao_status status)
{
    static const char *const names[] = {"official", "secondary", "recalled", "inferred", "assumption",
                                        "unsourced"};
    return (unsigned)status < sizeof names / sizeof names[0] ? names[status] : NULL;
}
