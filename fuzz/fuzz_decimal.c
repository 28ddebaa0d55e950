/* Fuzz target: the exact-decimal parser and the named roundings (shebao_money_parse, shebao_decimal_round,
 * shebao_decimal_mul_round, shebao_decimal_div_round), with their invariants:
 *  - a failure leaves a non-empty one-line message;
 *  - an amount that parses formats back to a string that parses to the same fen;
 *  - an amount with at most two decimals rounds to itself in the fen modes;
 *  - the modes agree with each other: fen_half_up and fen_truncate differ by at most one fen, toward zero;
 *    jiao_* results are whole jiao and yuan_half_up whole yuan.
 * An input "A*B" or "A/B" also goes to the product and the quotient. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "shebao.h"

static shebao_ctx *ctx;

static void check_message(int rc, const char *input)
{
    if (rc != SHEBAO_OK)
        fuzz_check_message(ctx, "a failure leaves a non-empty one-line message", input);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_begin(&ctx, NULL, data, size);
    if (!s)
        return 0;

    shebao_fen money = 0;
    int mrc = shebao_money_parse(ctx, s, &money);
    check_message(mrc, s);
    if (mrc == SHEBAO_OK) {
        char text[SHEBAO_MONEY_BUFSZ];
        shebao_fen again = 0;
        fuzz_check(shebao_money_format(money, text, sizeof text) == SHEBAO_OK, "money formats", s);
        fuzz_check(shebao_money_parse(ctx, text, &again) == SHEBAO_OK && again == money,
                   "money_format output parses back to the same fen", s);
    }

    shebao_fen r[5];
    int rc[5];
    static const shebao_rounding modes[5] = {SHEBAO_ROUND_FEN_HALF_UP, SHEBAO_ROUND_JIAO_UP,
                                             SHEBAO_ROUND_JIAO_HALF_UP, SHEBAO_ROUND_YUAN_HALF_UP,
                                             SHEBAO_ROUND_FEN_TRUNCATE};
    for (int m = 0; m < 5; m++) {
        r[m] = 0;
        rc[m] = shebao_decimal_round(ctx, s, modes[m], &r[m]);
        check_message(rc[m], s);
    }
    if (mrc == SHEBAO_OK) {
        fuzz_check(rc[0] == SHEBAO_OK && r[0] == money, "a whole-fen amount rounds to itself (fen_half_up)", s);
        fuzz_check(rc[4] == SHEBAO_OK && r[4] == money, "a whole-fen amount rounds to itself (fen_truncate)", s);
    }
    if (rc[0] == SHEBAO_OK && rc[4] == SHEBAO_OK) {
        shebao_fen d = r[0] - r[4];
        fuzz_check(d == 0 || (r[4] >= 0 && d == 1) || (r[4] <= 0 && d == -1),
                   "fen_half_up is fen_truncate or one fen further from zero", s);
    }
    if (rc[1] == SHEBAO_OK)
        fuzz_check(r[1] % 10 == 0, "jiao_up gives whole jiao", s);
    if (rc[2] == SHEBAO_OK)
        fuzz_check(r[2] % 10 == 0, "jiao_half_up gives whole jiao", s);
    if (rc[3] == SHEBAO_OK)
        fuzz_check(r[3] % 100 == 0, "yuan_half_up gives whole yuan", s);

    char *op = strpbrk(s, "*/");
    if (op) {
        char kind = *op;
        *op = '\0';
        shebao_fen out = 0;
        int orc = kind == '*' ? shebao_decimal_mul_round(ctx, s, op + 1, SHEBAO_ROUND_FEN_HALF_UP, &out)
                              : shebao_decimal_div_round(ctx, s, op + 1, SHEBAO_ROUND_FEN_HALF_UP, &out);
        check_message(orc, s);
    }
    free(s);
    return 0;
}
