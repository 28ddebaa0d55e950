/**
 * @file shebao/batch.h
 * @brief Batch projections at agency scale. Included by shebao.h; do not include it directly.
 */
#ifndef SHEBAO_BATCH_H
#define SHEBAO_BATCH_H

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* SHEBAO_BATCH_H */
