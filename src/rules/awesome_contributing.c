/* awesome-contributing: the list's folder (or its .github/) has a
 * contributing file.  Standard input has no folder: nothing to check. */
#include <dirent.h>
#include <strings.h>

#include "common.h"

static int has_contributing(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  struct dirent *de;
  int found = 0;
  while (!found && (de = readdir(d)) != NULL)
    found = strncasecmp(de->d_name, "contributing", 12) == 0;
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
  if (!ok) {
    ll_buf_adds(&dir, "/.github");
    ok = has_contributing(dir.data);
  }
  ll_buf_free(&dir);
  if (!ok) {
    struct ll_span s = {0, 0};
    ll_report(ctx, s,
              "no contributing.md beside the list: tell "
              "contributors how to add an entry");
  }
}

const struct ll_rule_ops ll_rule_AWESOME_CONTRIBUTING = {.on_finish = finish};
