/* Why cairo failed, in words for a message: cairo's own text in en and both (as before --lang), Chinese in zh
 * (cairo_status_to_string is English only). */
#include <stdio.h>

#include "chart.h"
#include "cli.h"

/* The statuses a chart or a report can meet (the file, memory, the size, the text, the fonts), in English marked
 * for the catalogue; NULL for the others. */
static const char *status_words(cairo_status_t st)
{
    switch (st) {
    case CAIRO_STATUS_NO_MEMORY:
        return N_("out of memory");
    case CAIRO_STATUS_WRITE_ERROR:
        return N_("the file could not be written");
    case CAIRO_STATUS_READ_ERROR:
        return N_("the file could not be read");
    case CAIRO_STATUS_FILE_NOT_FOUND:
        return N_("file not found");
    case CAIRO_STATUS_TEMP_FILE_ERROR:
        return N_("no temporary file could be made");
    case CAIRO_STATUS_INVALID_SIZE:
        return N_("the page or image is too large");
    case CAIRO_STATUS_INVALID_STRING:
        return N_("a text is not UTF-8");
    case CAIRO_STATUS_FONT_TYPE_MISMATCH:
    case CAIRO_STATUS_USER_FONT_ERROR:
    case CAIRO_STATUS_FREETYPE_ERROR:
        return N_("the font could not be used");
    case CAIRO_STATUS_PNG_ERROR:
        return N_("the PNG image could not be made");
    case CAIRO_STATUS_DEVICE_ERROR:
    case CAIRO_STATUS_SURFACE_FINISHED:
        return N_("the drawing could not be finished");
    default:
        return NULL;
    }
}

const char *chart_status_text(cairo_status_t st, char *buf, size_t size)
{
    const char *en = cairo_status_to_string(st);
    if (cli_lang_get() != CLI_LANG_ZH)
        snprintf(buf, size, "%s", en);
    else if (status_words(st))
        snprintf(buf, size, "%s", cli_tr(status_words(st)));
    else /* cairo's own text as the detail of a status not named above */
        snprintf(buf, size, cli_tr("the drawing library failed (%s)"), en);
    return buf;
}
