/* repo.c - where a list lives: its git repository, the commit, the
 * GitHub remote, so that a finding can link to its line on GitHub. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "audit/summary.h"
#include "git.h"

/* git -C dir ARGS...: the first line of its output, or NULL when git
 * failed or said nothing. */
static char *git_line(const char *dir, const char *a1, const char *a2,
                      const char *a3, const char *a4) {
  const char *args[] = {"-C", dir, a1, a2, a3, a4, NULL};
  struct ll_buf out;
  ll_buf_init(&out, 1 << 20);
  char *line = NULL;
  if (ll_git(args, &out) == 0 && out.len) {
    size_t n = strcspn(out.data, "\r\n");
    if (n)
      line = ll_xstrndup(out.data, n);
  }
  ll_buf_free(&out);
  return line;
}

char *audit_github_url(const char *remote) {
  static const char *const forms[] = {
      "https://github.com/", "http://github.com/", "ssh://git@github.com/",
      "git@github.com:",     "git://github.com/",  NULL};
  const char *rest = NULL;
  for (int i = 0; forms[i] && !rest; i++)
    if (strncmp(remote, forms[i], strlen(forms[i])) == 0)
      rest = remote + strlen(forms[i]);
  if (!rest)
    return NULL;
  size_t n = strlen(rest);
  while (n && rest[n - 1] == '/')
    n--;
  if (n > 4 && memcmp(rest + n - 4, ".git", 4) == 0)
    n -= 4;
  /* OWNER/REPO: two names of letters, digits, '-', '_' and '.' */
  size_t slash = 0, i;
  for (i = 0; i < n; i++) {
    char c = rest[i];
    if (c == '/') {
      if (slash || i == 0)
        return NULL;
      slash = i;
    } else if (!ll_isalnum(c) && c != '-' && c != '_' && c != '.') {
      return NULL;
    }
  }
  if (!slash || slash + 1 >= n)
    return NULL;
  return ll_strfmt("https://github.com/%.*s", (int)n, rest);
}

/* What a folder's repository says once for all its lists. */
struct folder {
  char *root, *commit, *github; /* root NULL: not in a work tree */
};

static struct folder *folder_of(struct audit_folders *fs, const char *dir) {
  struct folder *f = (struct folder *)(size_t)ll_map_get(&fs->by_dir, dir);
  if (f)
    return f;
  f = ll_xcalloc(1, sizeof *f);
  ll_map_put(&fs->by_dir, dir, f);
  fs->v = ll_xrealloc(fs->v, (fs->n + 1) * sizeof *fs->v);
  fs->v[fs->n++] = f;
  f->root = git_line(dir, "rev-parse", "--show-toplevel", NULL, NULL);
  if (!f->root)
    return f;
  f->commit = git_line(dir, "rev-parse", "--verify", "-q", "HEAD");
  char *remote = git_line(dir, "remote", "get-url", "origin", NULL);
  if (!remote) {
    char *first = git_line(dir, "remote", NULL, NULL, NULL);
    if (first)
      remote = git_line(dir, "remote", "get-url", first, NULL);
    free(first);
  }
  f->github = remote ? audit_github_url(remote) : NULL;
  free(remote);
  return f;
}

int audit_repo_of(struct audit_folders *folders, const char *file,
                  struct audit_repo *out) {
  memset(out, 0, sizeof *out);
  char *dir = ll_xstrdup(file);
  char *slash = strrchr(dir, '/');
  if (slash)
    *(slash == dir ? slash + 1 : slash) = '\0';
  else
    strcpy(dir, ".");
  const struct folder *f = folder_of(folders, dir);
  if (!f->root) {
    free(dir);
    return -1;
  }
  out->root = ll_xstrdup(f->root);
  out->commit = f->commit ? ll_xstrdup(f->commit) : NULL;
  out->github = f->github ? ll_xstrdup(f->github) : NULL;
  char full[PATH_MAX];
  /* the file's path inside the work tree (tracked files only) */
  out->path = git_line(dir, "ls-files", "--full-name", "--",
                       realpath(file, full) ? full : file);
  /* unchanged since HEAD: the line numbers of the commit are the file's */
  if (out->path && out->commit) {
    const char *args[] = {"-C",   out->root, "diff",    "--quiet",
                          "HEAD", "--",      out->path, NULL};
    out->clean = ll_git(args, NULL) == 0;
  }
  free(dir);
  return 0;
}

void audit_folders_free(struct audit_folders *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    free(fs->v[i]->root);
    free(fs->v[i]->commit);
    free(fs->v[i]->github);
    free(fs->v[i]);
  }
  free(fs->v);
  ll_map_free(&fs->by_dir);
}

void audit_repo_clear(struct audit_repo *r) {
  free(r->root);
  free(r->commit);
  free(r->github);
  free(r->path);
  memset(r, 0, sizeof *r);
}
