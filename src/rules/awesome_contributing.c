/* awesome-contributing: the list's folder (or its .github/) has a
 * contributing file, and it is not empty.  Standard input has no folder:
 * nothing to check. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include "common.h"

/* Does f hold something besides white space?  (A folder of that name
 * is taken for guidelines: it is not read.) */
static int has_text(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return 1;
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  char buf[4096];
  size_t n;
  int text = 0;
  while (!text && (n = fread(buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < n && !text; i++)
      text = !ll_isspace((unsigned char)buf[i]);
  fclose(f);
  return text;
}

/* 0: dir has no contributing file; 1: it has one; 2: only empty ones. */
static int has_contributing(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  struct dirent *de;
  int found = 0;
  while (found != 1 && (de = readdir(d)) != NULL) {
    if (strncasecmp(de->d_name, "contributing", 12) != 0)
      continue;
    char *path = ll_strfmt("%s/%s", dir, de->d_name);
    found = has_text(path) ? 1 : 2;
    free(path);
  }
  closedir(d);
  return found;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  (void)m;
  const char *name = ctx->src->name;
  if (strcmp(name, "-") == 0 || strcmp(name, "<stdin>") == 0)
    return;
  struct ll_buf dir;
  ll_buf_init(&dir, 0);
  const char *slash = strrchr(name, '/');
  if (slash)
    ll_buf_add(&dir, name, (size_t)(slash - name));
  else
    ll_buf_adds(&dir, ".");
  int ok = has_contributing(dir.data);
  if (ok != 1) {
    ll_buf_adds(&dir, "/.github");
    int gh = has_contributing(dir.data);
    if (gh == 1 || !ok)
      ok = gh;
  }
  ll_buf_free(&dir);
  struct ll_span s = {0, 0};
  if (!ok)
    ll_report(ctx, s,
              "no contributing.md beside the list: tell "
              "contributors how to add an entry");
  else if (ok == 2)
    ll_report(ctx, s,
              "the contributing file is empty: tell contributors how to "
              "add an entry");
}

const struct ll_rule_ops ll_rule_AWESOME_CONTRIBUTING = {.on_finish = finish};
