/**
 * @file shebao/ltc.h
 * @brief Long-term care insurance (长期护理保险). Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_LTC_H
#define SHEBAO_LTC_H

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_LTC_H */
