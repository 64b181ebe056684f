/* git.c - git plumbing through posix_spawn, no shell. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include "git.h"

extern char **environ;

/* Start git with argv (argv[0] "git"): standard input from in (-1:
 * /dev/null), standard output to out, standard error to /dev/null.
 * posix_spawn, not fork: the parent's pages are not marked copy-on-write
 * (every write after a fork would fault until git is exec'd).  The pipe
 * ends carry O_CLOEXEC, so git gets only the three it should. */
static pid_t spawn_git(const char *const *argv, int in, int out) {
  posix_spawn_file_actions_t fa;
  if (posix_spawn_file_actions_init(&fa) != 0)
    return -1;
  int ok =
      (in >= 0 ? posix_spawn_file_actions_adddup2(&fa, in, 0)
               : posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY,
                                                  0)) == 0 &&
      posix_spawn_file_actions_adddup2(&fa, out, 1) == 0 &&
      posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0) == 0;
  pid_t pid = -1;
  char *const *av;
  memcpy(&av, &argv, sizeof av); /* posix_spawn's prototype lacks a const */
  fflush(NULL);
  if (ok && posix_spawnp(&pid, "git", &fa, NULL, av, environ) != 0)
    pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

int ll_git_start(const char *const *args, struct ll_git_proc *p) {
  size_t n = 0;
  while (args[n])
    n++;
  const char **argv = ll_xcalloc(n + 2, sizeof *argv);
  argv[0] = "git";
  memcpy(argv + 1, args, n * sizeof *argv);
  int fd[2];
  p->pid = -1;
  p->fd = -1;
  if (pipe2(fd, O_CLOEXEC) < 0) {
    free(argv);
    return -1;
  }
  pid_t pid = spawn_git(argv, -1, fd[1]);
  free(argv);
  close(fd[1]);
  if (pid < 0) {
    close(fd[0]);
    return -1;
  }
  p->pid = pid;
  p->fd = fd[0];
  return 0;
}

int ll_git_wait(struct ll_git_proc *p, struct ll_buf *out) {
  if (p->pid < 0)
    return -1;
  char chunk[65536];
  ssize_t r;
  while ((r = read(p->fd, chunk, sizeof chunk)) != 0) {
    if (r < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (out)
      ll_buf_add(out, chunk, (size_t)r);
  }
  close(p->fd);
  int st;
  pid_t pid = p->pid;
  p->pid = -1;
  p->fd = -1;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR)
      return -1;
  if (!WIFEXITED(st) || WEXITSTATUS(st) == 127)
    return -1;
  return WEXITSTATUS(st);
}

int ll_git(const char *const *args, struct ll_buf *out) {
  struct ll_git_proc p;
  if (ll_git_start(args, &p) < 0)
    return -1;
  return ll_git_wait(&p, out);
}

int ll_git_staged_files(struct ll_buf *out) {
  struct ll_buf all;
  ll_buf_init(&all, 0);
  static const char *const args[] = {"diff", "--cached",   "--name-only",
                                     "-z",   "--relative", "--diff-filter=ACMR",
                                     NULL};
  int st = ll_git(args, &all);
  if (st != 0) {
    ll_buf_free(&all);
    return -1;
  }
  for (size_t i = 0; i < all.len;) {
    const char *p = all.data + i;
    size_t n = strlen(p);
    if (ll_is_markdown_name(p))
      ll_buf_add(out, p, n + 1);
    i += n + 1;
  }
  ll_buf_free(&all);
  return 0;
}

int ll_git_show(const char *rev, const char *path, struct ll_buf *out) {
  struct ll_buf spec;
  ll_buf_init(&spec, 0);
  /* "REV:./path" and ":./path" are relative to the current directory */
  ll_buf_printf(&spec, "%s:./%s", rev ? rev : "", path);
  const char *args[] = {"cat-file", "blob", spec.data, NULL};
  int st = ll_git(args, out);
  ll_buf_free(&spec);
  return st == 0 ? 0 : -1;
}

int ll_git_rev_exists(const char *rev) {
  struct ll_buf spec;
  ll_buf_init(&spec, 0);
  ll_buf_printf(&spec, "%s^{commit}", rev);
  const char *args[] = {"rev-parse", "--verify", "--quiet", spec.data, NULL};
  int st = ll_git(args, NULL);
  ll_buf_free(&spec);
  return st == 0;
}

/* git's id of a blob: the hash of "blob <size>\0" and the content. */
int ll_git_blob_is(const char *data, size_t len, const char *id) {
  char head[32];
  int hl = snprintf(head, sizeof head, "blob %zu", len) + 1;
  uint8_t d[SHA256_DIGEST_SIZE];
  size_t dl;
  if (strlen(id) == 2 * SHA1_DIGEST_SIZE) {
    struct sha1_ctx c;
    sha1_init(&c);
    sha1_update(&c, (size_t)hl, (const uint8_t *)head);
    sha1_update(&c, len, (const uint8_t *)data);
    sha1_digest(&c, dl = SHA1_DIGEST_SIZE, d);
  } else if (strlen(id) == 2 * SHA256_DIGEST_SIZE) {
    struct sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, (size_t)hl, (const uint8_t *)head);
    sha256_update(&c, len, (const uint8_t *)data);
    sha256_digest(&c, dl = SHA256_DIGEST_SIZE, d);
  } else {
    return 0;
  }
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < dl; i++)
    if (id[2 * i] != hex[d[i] >> 4] || id[2 * i + 1] != hex[d[i] & 15])
      return 0;
  return 1;
}

/* ---- one cat-file --batch per run ----------------------------------- */

struct ll_git_batch {
  pid_t pid;
  FILE *in;  /* to git */
  FILE *out; /* from git */
};

struct ll_git_batch *ll_git_batch_open(void) {
  int to[2], from[2];
  if (pipe2(to, O_CLOEXEC) < 0)
    return NULL;
  if (pipe2(from, O_CLOEXEC) < 0) {
    close(to[0]);
    close(to[1]);
    return NULL;
  }
  /* a blob comes through in one go, not 64 KB at a time */
  fcntl(from[1], F_SETPIPE_SZ, 1 << 20);
  static const char *const argv[] = {"git", "cat-file", "--batch", NULL};
  pid_t pid = spawn_git(argv, to[0], from[1]);
  if (pid < 0) {
    close(to[0]);
    close(to[1]);
    close(from[0]);
    close(from[1]);
    return NULL;
  }
  close(to[0]);
  close(from[1]);
  struct ll_git_batch *b = ll_xcalloc(1, sizeof *b);
  b->pid = pid;
  b->in = fdopen(to[1], "w");
  b->out = fdopen(from[0], "r");
  if (!b->in || !b->out) {
    ll_git_batch_close(b);
    return NULL;
  }
  return b;
}

int ll_git_batch_get(struct ll_git_batch *b, const char *spec,
                     struct ll_buf *out) {
  if (!b || strchr(spec, '\n'))
    return -1; /* a name with a newline cannot be asked this way */
  /* git may have stopped (outside a repository, it stops at once): the
   * write must fail with EPIPE, not raise SIGPIPE and kill the run */
  struct sigaction ign, old;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ign, &old);
  int bad = fprintf(b->in, "%s\n", spec) < 0 || fflush(b->in) != 0;
  sigaction(SIGPIPE, &old, NULL);
  if (bad)
    return -1;
  char line[8192];
  if (!fgets(line, sizeof line, b->out))
    return -1;
  /* "<oid> <type> <size>" or "<spec> missing" / "ambiguous" */
  char *sp2 = strrchr(line, ' ');
  if (!sp2 || strstr(line, " missing\n") || strstr(line, " ambiguous\n"))
    return -1;
  size_t size = (size_t)strtoull(sp2 + 1, NULL, 10);
  char chunk[65536];
  size_t left = size;
  while (left) {
    size_t n =
        fread(chunk, 1, left < sizeof chunk ? left : sizeof chunk, b->out);
    if (n == 0)
      return -1;
    if (out)
      ll_buf_add(out, chunk, n);
    left -= n;
  }
  int nl = fgetc(b->out); /* the newline after the contents */
  return nl == '\n' ? 0 : -1;
}

void ll_git_batch_close(struct ll_git_batch *b) {
  if (!b)
    return;
  if (b->in)
    fclose(b->in);
  if (b->out)
    fclose(b->out);
  int st;
  while (waitpid(b->pid, &st, 0) < 0 && errno == EINTR)
    ;
  free(b);
}

int ll_git_renames_start(const char *rev, int staged, struct ll_git_proc *p) {
  const char *args[] = {"diff",
                        "--raw",
                        "--no-abbrev",
                        "-z",
                        "-M",
                        "--relative",
                        staged ? "--cached" : rev,
                        staged ? rev : NULL,
                        NULL};
  return ll_git_start(args, p);
}

int ll_git_renames(const char *rev, int staged, struct ll_buf *out) {
  struct ll_git_proc p;
  if (ll_git_renames_start(rev, staged, &p) < 0)
    return -1;
  return ll_git_wait(&p, out) == 0 ? 0 : -1;
}

/* One object id of a raw record, up to the space after it. */
static const char *read_id(const char *p, const char *end, char *id) {
  size_t n = 0;
  while (p < end && *p != ' ' && n < LL_GIT_ID_MAX)
    id[n++] = *p++;
  id[n] = '\0';
  return p < end && *p == ' ' && (n == 40 || n == 64) ? p + 1 : NULL;
}

int ll_git_change_next(const struct ll_buf *r, size_t *pos,
                       struct ll_git_change *c) {
  /* :OLDMODE NEWMODE OLDID NEWID STATUS\0path\0, and for a rename or a
   * copy (R<score>, C<score>) a second path: old\0new\0 */
  size_t i = *pos;
  const char *end = r->data + r->len;
  const char *p = r->data + i;
  if (i >= r->len || *p != ':')
    return -1;
  const char *nul = memchr(p, '\0', (size_t)(end - p));
  if (!nul)
    return -1;
  char *e;
  strtoul(p + 1, &e, 8);
  if (*e != ' ')
    return -1;
  c->new_mode = (unsigned)strtoul(e + 1, &e, 8);
  if (*e != ' ')
    return -1;
  const char *q = read_id(e + 1, nul, c->old_id);
  q = q ? read_id(q, nul, c->new_id) : NULL;
  if (!q || q == nul)
    return -1;
  c->status = *q;
  i = (size_t)(nul - r->data) + 1;
  if (i >= r->len)
    return -1;
  c->old_path = NULL;
  c->path = r->data + i;
  i += strnlen(c->path, r->len - i) + 1;
  if (c->status == 'R' || c->status == 'C') {
    if (i >= r->len)
      return -1;
    c->old_path = c->path;
    c->path = r->data + i;
    i += strnlen(c->path, r->len - i) + 1;
  }
  if (i > r->len)
    return -1; /* the last path has no NUL: cut short */
  *pos = i;
  return 0;
}

int ll_git_change_find(const struct ll_buf *r, const char *path,
                       struct ll_git_change *c) {
  for (size_t i = 0; ll_git_change_next(r, &i, c) == 0;)
    if (strcmp(c->path, path) == 0)
      return 1;
  return 0;
}

const char *ll_git_rename_lookup(const struct ll_buf *r, const char *path) {
  struct ll_git_change c;
  return ll_git_change_find(r, path, &c) && c.status == 'R' ? c.old_path : NULL;
}
