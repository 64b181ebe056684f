/* files.c - the files of a run: the ones named, every Markdown file below
 * a folder named, the staged ones, or README.md. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

#define MAX_DEPTH 64 /* directory levels searched */

void paths_add(struct paths *p, char *s) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 16;
    p->v = ll_xrealloc(p->v, p->cap * sizeof *p->v);
  }
  p->v[p->n++] = s;
}

void paths_free(struct paths *p) {
  for (size_t i = 0; i < p->n; i++)
    free(p->v[i]);
  free(p->v);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every Markdown file below dir, sorted; hidden folders and
 * node_modules are not searched. */
static int find_markdown(const char *dir, struct paths *out, int depth) {
  if (depth > MAX_DEPTH)
    return 0;
  DIR *d = opendir(dir);
  if (!d) {
    ll_say("listlint: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  struct paths here = {0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.' || strcmp(de->d_name, "node_modules") == 0)
      continue;
    paths_add(&here,
              ll_strfmt("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                        de->d_name));
  }
  closedir(d);
  if (here.n)
    qsort(here.v, here.n, sizeof *here.v, cmp_str);
  int rc = 0;
  for (size_t i = 0; i < here.n; i++) {
    struct stat st;
    if (stat(here.v[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      if (find_markdown(here.v[i], out, depth + 1) < 0)
        rc = -1;
      free(here.v[i]);
    } else if (ll_is_markdown_name(here.v[i])) {
      paths_add(out, here.v[i]);
    } else {
      free(here.v[i]);
    }
  }
  free(here.v);
  return rc;
}

/* --staged without the hook's diff: the index's Markdown files. */
static int staged(struct paths *files) {
  struct ll_buf list;
  ll_buf_init(&list, 0);
  if (ll_git_staged_files(&list) < 0) {
    fputs("listlint: --staged: not inside a git repository\n", stderr);
    ll_buf_free(&list);
    return -1;
  }
  for (size_t i = 0; i < list.len; i += strlen(list.data + i) + 1)
    paths_add(files, ll_xstrdup(list.data + i));
  ll_buf_free(&list);
  return 0;
}

/* No file named: README.md here. */
static int readme(struct paths *files) {
  static const char *const names[] = {"README.md", "readme.md", "Readme.md",
                                      NULL};
  for (int i = 0; names[i]; i++) {
    if (access(names[i], F_OK) == 0) {
      paths_add(files, ll_xstrdup(names[i]));
      return 0;
    }
  }
  ll_say("listlint: no FILE given and no README.md here\n"
         "Try 'listlint --help' for more information.\n");
  return -1;
}

/* Input that cannot be linted as text: say why, with the line. */
int run_refuse_binary(const struct ll_source *src) {
  const char *nul = memchr(src->data, '\0', src->len);
  int line, col;
  ll_source_linecol(src, (size_t)(nul - src->data), &line, &col);
  ll_say("listlint: %s:%d:%d: binary file (NUL byte): not linted\n", src->name,
         line, col);
  return LL_EXIT_USAGE;
}

int files_below(const char *dir, struct paths *out) {
  return find_markdown(dir, out, 0);
}

int run_files(struct run *r) {
  const struct ll_opts *o = r->o;
  struct paths *files = &r->files;
  if (gitrun_staged_files(r, files) == 0)
    return 0;
  if (o->nfiles == 0)
    return o->staged ? staged(files) : readme(files);
  int rc = 0;
  for (size_t i = 0; i < o->nfiles; i++) {
    const char *f = o->files[i];
    struct stat st;
    if (!o->staged && strcmp(f, "-") != 0 && stat(f, &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      size_t before = files->n;
      if (find_markdown(f, files, 0) < 0)
        rc = -1;
      if (files->n == before) {
        ll_say("listlint: %s: no Markdown files (*.md) found\n", f);
        rc = -1;
      }
    } else {
      paths_add(files, ll_xstrdup(f));
    }
  }
  return rc;
}
