/* duplicate-link: the same resource listed twice, compared by normalised
 * URL (see ll_url_key).  Only entry links count: a link inside a
 * description may well point at something listed elsewhere. */
#include <stdlib.h>

#include "../pattern.h"
#include "common.h"

static int matches(struct ll_pattern *p, const char *s) {
  size_t a, b;
  return p && ll_pattern_find(p, s, strlen(s), 0, &a, &b) == 1;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *o = ll_option(ctx, "allow");
  const char *os = ll_option(ctx, "allow-sections");
  const char *oa = ll_option(ctx, "across-sections");
  int within = oa && strcmp(oa, "false") == 0;
  /* compiled once per run (the configuration checked them when read) */
  struct ll_pattern *allow = o ? ll_ctx_pattern(ctx, o, 1) : NULL;
  struct ll_pattern *allow_sec = os ? ll_ctx_pattern(ctx, os, 1) : NULL;
  struct ll_map seen = {0};
  ll_map_reserve(&seen, m->nlinks);
  struct ll_buf kb;
  ll_buf_init(&kb, 0);
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (!(l->flags & LL_LINK_ENTRY))
      continue;
    if (allow && matches(allow, l->url))
      continue;
    if (allow_sec && l->entry) {
      char *path = ll_section_path(m, l->entry->section);
      int skip = matches(allow_sec, path);
      free(path);
      if (skip)
        continue;
    }
    if (ll_url_key_in(&kb, &l->parsed) < 0)
      continue;
    if (within && l->entry) {
      char *k = ll_xstrdup(kb.data);
      kb.len = 0;
      ll_buf_printf(&kb, "%zu %s", l->entry->section, k);
      free(k);
    }
    const struct ll_link *first = ll_map_add(&seen, kb.data, l);
    if (first && first->entry != l->entry) {
      int line, col;
      ll_source_linecol(ctx->src, first->span.start, &line, &col);
      ll_report(ctx, l->url_span,
                "duplicate link '%s' (first listed at line %d)", l->url, line);
    }
  }
  ll_map_free(&seen);
  ll_buf_free(&kb);
}

const struct ll_rule_ops ll_rule_DUPLICATE_LINK = {.on_finish = finish};
