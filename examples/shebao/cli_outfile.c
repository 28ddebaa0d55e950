/* Files the command line writes (batch --out, compare --chart). A regular file, or a name not yet taken, is written
 * to a temporary file in the same folder (.NAME.XXXXXX) that is renamed over the file only when complete, so that a
 * failed or interrupted run leaves the old file as it was and never a half-written or emptied one. SIGINT, SIGTERM
 * and SIGHUP remove the temporary file on the way out; SIGKILL or a crash leaves it behind. The new file gets the
 * old one's permission bits (and owner, where allowed), or 0666 less the umask, as fopen would give. Through a
 * symbolic link, the file it points to is replaced and the link stays. A device or a FIFO (/dev/null, a pipe), and
 * a symbolic link to a missing file, are written directly: there is no old file to keep. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file being written (one at a time), for the signal handler: tmp_armed is set while it may exist. */
static char tmp_path[PATH_MAX + 16];
static volatile sig_atomic_t tmp_armed;

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define NCAUGHT (sizeof caught / sizeof caught[0])
static struct sigaction saved[NCAUGHT];
static bool installed[NCAUGHT];

static void on_signal(int sig)
{
    if (tmp_armed)
        unlink(tmp_path); /* async-signal-safe, as is raise */
    raise(sig);           /* SA_RESETHAND: the default action, once this handler returns */
}

/* Catch the signals that end a run, except those ignored (nohup, a background job of a script). */
static void arm(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NCAUGHT; i++) {
        installed[i] = sigaction(caught[i], NULL, &saved[i]) == 0 && saved[i].sa_handler != SIG_IGN &&
                       sigaction(caught[i], &sa, NULL) == 0;
    }
}

static void disarm(void)
{
    tmp_armed = 0;
    for (size_t i = 0; i < NCAUGHT; i++)
        if (installed[i])
            sigaction(caught[i], &saved[i], NULL);
    memset(installed, 0, sizeof installed);
}

bool cli_is_file(const char *path, const struct stat *st)
{
    struct stat ps;
    return S_ISREG(st->st_mode) && stat(path, &ps) == 0 && ps.st_dev == st->st_dev && ps.st_ino == st->st_ino;
}

int cli_outfile_open(cli_outfile *o, const char *path)
{
    memset(o, 0, sizeof *o);
    struct stat st, lst;
    bool exists = stat(path, &st) == 0;
    if (!exists && errno != ENOENT)
        return errno;
    if (exists && S_ISDIR(st.st_mode))
        return EISDIR;
    if (exists ? !S_ISREG(st.st_mode) : lstat(path, &lst) == 0) { /* a device, a FIFO; a link to nothing */
        o->f = fopen(path, "wb");
        return o->f ? 0 : errno;
    }
    char *target = NULL; /* the file renamed over: the one a symbolic link points to, not the link */
    if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        target = realpath(path, NULL);
    else
        target = strdup(path);
    if (!target)
        return errno;
    const char *slash = strrchr(target, '/');
    int dir = slash ? (int)(slash - target) + 1 : 0;
    if (snprintf(tmp_path, sizeof tmp_path, "%.*s.%s.XXXXXX", dir, target, target + dir) >= (int)sizeof tmp_path) {
        free(target);
        return ENAMETOOLONG;
    }
    arm();
    tmp_armed = 1; /* before the file exists: a signal in between finds nothing to remove */
    int fd = mkstemp(tmp_path), err = 0;
    if (fd < 0) {
        err = errno;
    } else {
        mode_t mode;
        if (exists) {
            mode = st.st_mode & 0777;
            if ((st.st_uid != geteuid() || st.st_gid != getegid()) && fchown(fd, st.st_uid, st.st_gid) != 0) {
                /* not allowed: the new file is ours */
            }
        } else {
            mode_t mask = umask(0); /* (read by setting it: the threads have not started) */
            umask(mask);
            mode = 0666 & ~mask;
        }
        if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "wb")))
            err = errno;
    }
    if (err) {
        if (fd >= 0) {
            close(fd);
            unlink(tmp_path);
        }
        disarm();
        free(target);
        return err;
    }
    o->target = target;
    o->temp = true;
    return 0;
}

int cli_outfile_commit(cli_outfile *o)
{
    int err = o->err;
    if (fflush(o->f) != 0 && !err)
        err = errno;
    if (ferror(o->f) && !err)
        err = EIO; /* (a failed write the caller did not see: the reason is lost) */
    if (!err && o->temp && fsync(fileno(o->f)) != 0 && errno != EINVAL)
        err = errno;
    if (fclose(o->f) != 0 && !err)
        err = errno;
    o->f = NULL;
    if (o->temp) {
        if (!err && rename(tmp_path, o->target) != 0)
            err = errno;
        if (err)
            unlink(tmp_path);
        disarm();
    }
    free(o->target);
    memset(o, 0, sizeof *o);
    return err;
}

void cli_outfile_discard(cli_outfile *o)
{
    if (o->f)
        fclose(o->f);
    if (o->temp) {
        unlink(tmp_path);
        disarm();
    }
    free(o->target);
    memset(o, 0, sizeof *o);
}
