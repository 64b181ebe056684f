/* configs.c - each file's configuration: --config, or the nearest
 * .listlint.ini, loaded once however many files share it. */
#include <stdlib.h>

#include "run.h"

const struct ll_config *configs_for(struct run *r, const char *path,
                                    int is_stdin) {
  const struct ll_opts *o = r->o;
  struct configs *c = &r->configs;
  c->cli = (struct ll_config_cli){o->profile, o->rules, o->nrules};
  char *cpath = o->no_config ? NULL
                : o->config  ? ll_xstrdup(o->config)
                             : ll_config_find(is_stdin ? "./-" : path);
  const char *key = cpath ? cpath : "";
  struct ll_config *cfg =
      (struct ll_config *)(size_t)ll_map_get(&c->by_path, key);
  if (!cfg) {
    char *err = NULL;
    cfg = ll_config_load(cpath, &c->cli, &err);
    if (!cfg) {
      ll_say("listlint: %s\n", err);
      free(err);
      free(cpath);
      return NULL;
    }
    ll_map_put(&c->by_path, key, cfg);
    if (c->n == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 8;
      c->owned = ll_xrealloc(c->owned, c->cap * sizeof *c->owned);
    }
    c->owned[c->n++] = cfg;
  }
  free(cpath);
  return cfg;
}

void configs_free(struct configs *c) {
  for (size_t i = 0; i < c->n; i++)
    ll_config_free(c->owned[i]);
  free(c->owned);
  ll_map_free(&c->by_path);
}
