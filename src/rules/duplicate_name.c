/* duplicate-name: one name listed twice in the same section (with
 * different links: the same link twice is duplicate-link's finding). */
#include <stdlib.h>

#include "common.h"

static int same_target(const struct ll_entry *a, const struct ll_entry *b) {
  const struct ll_link *x = ll_primary(a), *y = ll_primary(b);
  if (!x || !y)
    return 0;
  char *kx = ll_url_key(x->url), *ky = ll_url_key(y->url);
  int same = kx && ky ? strcmp(kx, ky) == 0 : strcmp(x->url, y->url) == 0;
  free(kx);
  free(ky);
  return same;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  struct ll_map seen = {0};
  struct ll_buf key;
  ll_buf_init(&key, 0);
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!e->name)
      continue;
    key.len = 0;
    ll_buf_printf(&key, "%zu\x1f", e->section);
    for (const char *p = e->name; *p; p++)
      ll_buf_addc(&key, (char)ll_tolower((unsigned char)*p));
    const struct ll_entry *first = ll_map_get(&seen, key.data);
    if (!first)
      ll_map_put(&seen, key.data, e);
    else if (!same_target(first, e))
      ll_report(ctx, ll_name_or_entry(e),
                "name '%s' is listed twice in this section (first at line %d)",
                e->name, first->line);
  }
  ll_buf_free(&key);
  ll_map_free(&seen);
}

const struct ll_rule_ops ll_rule_DUPLICATE_NAME = {.on_finish = finish};
