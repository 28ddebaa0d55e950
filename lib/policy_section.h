/* The sections of a policy document, each read by its own file with the readers of policy_read.h and called by
 * policy_build.c (as sb_pread_fn: obj is the section, the path at it). Internal (not installed). */
#ifndef SHEBAO_POLICY_SECTION_H
#define SHEBAO_POLICY_SECTION_H

#include "policy_read.h"

/* Section resident_pension (policy_resident.c) into out, an sb_resident. */
int sb_policy_resident_read(sb_pread *b, json_t *obj, const char *inherited, void *out);
/* Section long_term_care (policy_ltc.c) into out, an sb_ltc. */
int sb_policy_ltc_read(sb_pread *b, json_t *obj, const char *inherited, void *out);
/* Section employee_pension (policy_employee.c) into out, an sb_employee. */
int sb_policy_employee_read(sb_pread *b, json_t *obj, const char *inherited, void *out);

#endif
