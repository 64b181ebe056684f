/* bare-url: a list item that is a bare URL (or whose name is its URL). */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const struct ll_link *l = ll_primary(e);
  if (!(e->flags & LL_ENTRY_ITEM) || !l)
    return;
  if ((l->flags & LL_LINK_AUTOLINK) && !e->name)
    ll_report(ctx, l->span,
              "entry is a bare URL: write it as [Name](%s) - Description",
              l->url);
  else if (e->name && strcmp(e->name, l->url) == 0 &&
           strncmp(l->url, "http", 4) == 0)
    ll_report(ctx, e->name_span,
              "entry is named by its URL: write [Name](%s) - Description",
              l->url);
}

const struct ll_rule_ops ll_rule_BARE_URL = {.on_entry = check};
