/* bare-url: a list item whose link is a bare URL (or named by its URL),
 * where the list writes [Name](url). */
#include "common.h"

/* A list whose items are mostly "Name https://x" writes bare URLs by
 * convention: then none is reported.  The odd bare URL in a [Name](url)
 * list is. */
#define BARE_MIN 3

static int bare(const struct ll_entry *e) {
  const struct ll_link *l = ll_primary(e);
  return (e->flags & LL_ENTRY_ITEM) && l && (l->flags & LL_LINK_AUTOLINK);
}

/* "[C] (https://x)": a link the space before its '(' broke. */
static int broken(const struct ll_source *src, const struct ll_link *l) {
  size_t at = l->span.start;
  const char *d = src->data;
  if (at < 3 || d[at - 1] != '(')
    return 0;
  size_t k = at - 2;
  while (k > 0 && (d[k] == ' ' || d[k] == '\t'))
    k--;
  return k + 2 < at && d[k] == ']';
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t items = 0, bares = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    items += (e->flags & LL_ENTRY_ITEM) && e->nlinks ? 1 : 0;
    bares += bare(e) ? 1 : 0;
  }
  int convention = bares >= BARE_MIN && bares * 2 >= items;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    const struct ll_link *l = ll_primary(e);
    if (!(e->flags & LL_ENTRY_ITEM) || !l)
      continue;
    if (bare(e) && broken(ctx->src, l)) {
      /* the link text is the name less "[", "] (" */
      const char *t = e->name ? e->name : "";
      size_t n = strlen(t);
      while (n && (t[n - 1] == '(' || t[n - 1] == ' '))
        n--;
      if (n >= 2 && t[0] == '[' && t[n - 1] == ']') {
        t++;
        n -= 2;
      }
      ll_report(ctx, l->span,
                "link broken by the space before '(': write [%.*s](%s)", (int)n,
                t, l->url);
    } else if (bare(e) && !convention) {
      if (e->name)
        ll_report(ctx, l->span,
                  "'%s' links a bare URL: write it as [%s](%s) - Description "
                  "(%zu of %zu items do)",
                  e->name, e->name, l->url, items - bares, items);
      else
        ll_report(ctx, l->span,
                  "entry is a bare URL: write it as [Name](%s) - Description",
                  l->url);
    } else if (!bare(e) && e->name && strcmp(e->name, l->url) == 0 &&
               strncmp(l->url, "http", 4) == 0) {
      ll_report(ctx, e->name_span,
                "entry is named by its URL: write [Name](%s) - Description",
                l->url);
    }
  }
}

const struct ll_rule_ops ll_rule_BARE_URL = {.on_finish = finish};
