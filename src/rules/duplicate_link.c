/* duplicate-link: the same resource listed twice, compared by normalised
 * URL (see ll_url_key).  Only entry links count: a link inside a
 * description may well point at something listed elsewhere. */
#include <stdlib.h>

#include "common.h"

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  struct ll_map seen = {0};
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (!(l->flags & LL_LINK_ENTRY))
      continue;
    char *key = ll_url_key_of(&l->parsed);
    if (!key)
      continue;
    const struct ll_link *first = ll_map_get(&seen, key);
    if (!first) {
      ll_map_put(&seen, key, l);
    } else if (first->entry != l->entry) {
      int line, col;
      ll_source_linecol(ctx->src, first->span.start, &line, &col);
      ll_report(ctx, l->url_span, "duplicate link '%s' (first listed at line %d)",
                l->url, line);
    }
    free(key);
  }
  ll_map_free(&seen);
}

const struct ll_rule_ops ll_rule_DUPLICATE_LINK = {.on_finish = finish};
