/* Fuzz target: `shebao ltc assess`, the whole command (its option scanner, the comma-separated item lists, the
 * policy's bands and combination matrix, the table and JSON output) through the CLI's own main. The input's lines
 * are the values of --adl, --cognition and --perception; a fourth line, if any, becomes one more argument. Output
 * is thrown away (libFuzzer's -close_fd_mask); what counts is that every run ends with a documented exit code. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    if (!s)
        return 0;
    char *part[4] = {"", "", "", NULL};
    char *p = s;
    for (int i = 0; i < 4 && p; i++) {
        part[i] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    char *argv[13] = {"shebao", "ltc", "assess", "--adl", part[0], "--cognition", part[1], "--perception",
                      part[2], "--format", size % 2 ? "json" : "table", NULL};
    int argc = 11;
    if (part[3])
        argv[argc++] = part[3];
    int rc = shebao_cli_main(argc, argv);
    fuzz_check(rc >= 0 && rc <= 5, "the exit code is one of the documented 0-5", s);
    free(s);
    return 0;
}
