/* A policy file that jansson cannot read: the message (docs/internals.md, "Messages and catalogues"). */
#include <stdio.h>

#include "policy.h"

/* What went wrong, by jansson's error code (jansson >= 2.11), in words for the Chinese message: jansson's own text
 * is English only. */
static const char *jerr_words(enum json_error_code code)
{
    switch (code) {
    case json_error_invalid_syntax:
    case json_error_premature_end_of_input:
    case json_error_end_of_input_expected:
        return SB_N_("not valid JSON");
    case json_error_invalid_utf8:
        return SB_N_("not UTF-8 text");
    case json_error_duplicate_key:
        return SB_N_("a key given twice in one object");
    case json_error_numeric_overflow:
        return SB_N_("a number too large for JSON");
    case json_error_null_character:
    case json_error_null_byte_in_key:
        return SB_N_("a NUL character (\\u0000) in a string");
    case json_error_stack_overflow:
        return SB_N_("nested too deeply");
    case json_error_out_of_memory:
        return SB_N_("out of memory");
    case json_error_cannot_open_file:
        return SB_N_("cannot open the file");
    default:
        return SB_N_("cannot read the JSON");
    }
}

int sb_policy_json_fail(shebao_ctx *ctx, const char *name, const json_error_t *e)
{
    /* jansson's message (at most 160 bytes) quotes the token where it stopped, which is the file's own text: a
     * control character in it is shown as \xNN, so that a file cannot put a terminal escape into the message */
    char why[sizeof e->text * 4];
    size_t w = 0;
    for (const unsigned char *c = (const unsigned char *)e->text; *c && w + 5 <= sizeof why; c++) {
        if (*c < 0x20 || *c == 0x7f)
            w += (size_t)snprintf(why + w, sizeof why - w, "\\x%02x", *c);
        else
            why[w++] = (char)*c;
    }
    why[w] = '\0';
    if (ctx && ctx->lang == SHEBAO_LANG_ZH) /* what went wrong in Chinese, jansson's text as the detail */
        return sb_fail(ctx, SHEBAO_EPOLICY, "%s:%d:%d: %s (%s)", name, e->line, e->column,
                       sb_tr(ctx, jerr_words(json_error_code(e))), why);
    return sb_fail(ctx, SHEBAO_EPOLICY, "%s:%d:%d: %s", name, e->line, e->column, why);
}
