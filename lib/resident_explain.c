/* The texts of the explanation trail (shebao_project with explain): the policy parameters a step rests on and the
 * interest method's rule. The trail itself is recorded where each step is computed, through sb_explain
 * (resident.h), which costs one test when the run does not explain. */
#include "resident.h"

const char *sb_resident_param_text(const shebao_policy *P, uint32_t i, char buf[SB_PARAM_TEXT])
{
    const sb_param *q = &P->params[i];
    snprintf(buf, SB_PARAM_TEXT, "%s%s%s = %s [%s%s%s]", q->path, q->from[0] ? "@" : "", q->from, q->value,
             shebao_status_name(q->status), q->source[0] ? ", " : "", q->source);
    return buf;
}

const char *sb_resident_method_formula(const sb_resident *rp)
{
    return rp->method == SB_INTEREST_YEAR_END     ? "B·r·m/12"
         : rp->method == SB_INTEREST_YEAR_START ? "(B + D)·r·m/12"
                                                : "B·r·m/12 + D·r·max(0, m − deposit_month)/12";
}

const char *sb_resident_method_name(const sb_resident *rp)
{
    return rp->method == SB_INTEREST_YEAR_END     ? "year_end"
         : rp->method == SB_INTEREST_YEAR_START ? "year_start"
                                                : "monthly";
}
