/* Common includes for the cmocka unit tests (cmocka 1.1.5: these headers must come first). */
#ifndef SHEBAO_TESTUTIL_H
#define SHEBAO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "shebao.h"

/* Format fen for string comparison in assertions. */
static inline const char *fen_str(shebao_fen fen, char buf[SHEBAO_MONEY_BUFSZ])
{
    shebao_money_format(fen, buf, SHEBAO_MONEY_BUFSZ);
    return buf;
}

#endif
