/* Run a command, report its wall time and peak resident memory (from wait4's rusage).
 *
 * usage: measure [-r RUNS] [-t THREADS] LABEL ROWS COMMAND [ARGS...]
 *
 * The command runs RUNS times (default 1; stdin/stdout/stderr pass through). The report, on stdout after the last
 * run: the best (shortest) and the median wall time as rows/s, the best as µs per row, rows/s per thread (the best
 * divided by THREADS, default 1), the largest peak RSS of the runs, and the exit code (the first non-zero one).
 * On a shared machine the best of several runs is the figure least disturbed by other work; the median shows how
 * much there was. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = 1, threads = 1, i = 1;
    while (i + 1 < argc && argv[i][0] == '-' && argv[i][1] && !argv[i][2]) {
        if (argv[i][1] == 'r')
            runs = atoi(argv[i + 1]);
        else if (argv[i][1] == 't')
            threads = atoi(argv[i + 1]);
        else
            break;
        i += 2;
    }
    if (argc - i < 3 || runs < 1 || runs > 1000 || threads < 1) {
        fprintf(stderr, "usage: measure [-r RUNS] [-t THREADS] LABEL ROWS COMMAND [ARGS...]\n");
        return 2;
    }
    const char *label = argv[i];
    double rows = atof(argv[i + 1]);
    char **cmd = argv + i + 2;
    double *sec = calloc((size_t)runs, sizeof *sec);
    if (!sec)
        return 1;
    long max_rss = 0;
    int code = 0;
    for (int r = 0; r < runs; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t pid = fork();
        if (pid == 0) {
            execvp(cmd[0], cmd);
            perror(cmd[0]);
            _exit(127);
        }
        int status = 0;
        struct rusage ru;
        if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
            perror("measure");
            free(sec);
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        sec[r] = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (ru.ru_maxrss > max_rss)
            max_rss = ru.ru_maxrss;
        int c = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (code == 0)
            code = c;
    }
    qsort(sec, (size_t)runs, sizeof *sec, cmp_double);
    double best = sec[0], median = runs % 2 ? sec[runs / 2] : (sec[runs / 2 - 1] + sec[runs / 2]) / 2;
    fprintf(stdout,
            "%-30s %8.0f rows  best %7.3f s %9.0f rows/s (median %9.0f)  %6.3f us/row  %9.0f rows/s per thread"
            "  peak RSS %5.1f MiB  exit %d\n",
            label, rows, best, rows / best, rows / median, best / rows * 1e6, rows / best / threads,
            (double)max_rss / 1024.0, code);
    free(sec);
    return 0;
}
