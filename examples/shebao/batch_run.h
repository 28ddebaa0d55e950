/* shebao batch, the engine (batch_run.c): the CSV input read block by block, its rows projected on any number of
 * threads and written in input order. cmd_batch.c reads the options, opens the files and reports. */
#ifndef SHEBAO_BATCH_RUN_H
#define SHEBAO_BATCH_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "batch_row.h"

/* The input is read in blocks of this size (SHEBAO_BATCH_BLOCK: tests). */
#define BATCH_BLOCK ((size_t)2 << 20)

/* How a run goes. */
typedef struct batch_setup {
    batch_opts opts; /* the policy, the life table, the discount rate */
    int threads;     /* 1-256 */
    size_t block;    /* bytes per block read */
    bool progress;   /* redraw a progress bar on standard error */
    FILE *out;       /* where the rows go */
} batch_setup;

/* What became of a run. */
typedef struct batch_result {
    long long total, ok, not_eligible, errors; /* rows */
    bool alloc_failed;     /* out of memory before reading: nothing was read */
    bool read_failed;      /* a read error (read_errno: why, 0 if unknown) */
    int read_errno;
    bool fatal;            /* the input is not a batch file (no header, a bad one): fatal_msg says why */
    char fatal_msg[600];
    bool oom;              /* out of memory on the way: the output is incomplete */
    bool write_failed;     /* a write on out failed, and the run stopped (write_errno: why, 0 if unknown) */
    int write_errno;
    int started;           /* batch_run false: the threads that could be started, the main one included */
    double secs;           /* from the first read to the last row */
} batch_result;

/* Read fin to its end and write every row's line to s->out, in order. False only when a thread cannot be
 * started: the started ones wait for ever, and the caller must end the process (res->started says how many ran). */
bool batch_run(const batch_setup *s, FILE *fin, batch_result *res);

#endif
