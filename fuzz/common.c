/* Helpers shared by the fuzz targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return NULL;
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

void fuzz_check(int ok, const char *what, const char *input)
{
    if (ok)
        return;
    fprintf(stderr, "fuzz: invariant broken: %s (input '%.200s')\n", what, input ? input : "");
    abort();
}
