/**
 * @file shebao/compare.h
 * @brief Planning: grade × years comparison (多缴多得、长缴长得). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_COMPARE_H
#define SHEBAO_COMPARE_H

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_COMPARE_H */
