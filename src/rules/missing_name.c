/* missing-name: an entry has a link but nothing that names it. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const struct ll_link *l = ll_primary(e);
  if (e->name || !l)
    return;
  /* A list item that is only a bare URL is bare-url's finding. */
  if ((e->flags & LL_ENTRY_ITEM) && (l->flags & LL_LINK_AUTOLINK))
    return;
  if (e->flags & LL_ENTRY_ITEM)
    ll_report(ctx, l->span, "link text is empty: give the entry a name");
  else
    ll_report(ctx, l->span, "'%s' has no name: write 'Name: URL (description)'",
              l->url);
}

const struct ll_rule_ops ll_rule_MISSING_NAME = {.on_entry = check};
