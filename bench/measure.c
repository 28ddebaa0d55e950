/* Run a command, report its wall time and peak resident memory (from wait4's rusage).
 * usage: measure LABEL ROWS COMMAND [ARGS...]   (stdin/stdout/stderr pass through; the report goes to stdout after the command ends) */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: measure LABEL ROWS COMMAND [ARGS...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        perror(argv[3]);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
        perror("measure");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double rows = atof(argv[2]);
    fprintf(stdout, "%-28s %10.0f rows  %7.3f s  %10.0f rows/s  %6.3f us/row  peak RSS %6.1f MiB  exit %d\n", argv[1],
            rows, sec, rows / sec, sec / rows * 1e6, (double)ru.ru_maxrss / 1024.0,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
