/* missing-link: an entry names a resource but gives no link to it. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (e->nlinks)
    return;
  if (e->name)
    ll_report(ctx, ll_name_or_entry(e),
              "entry '%s' has no link: add one (e.g. 'Access: URL')",
              e->name);
  else
    ll_report(ctx, e->span, "entry has no link");
}

const struct ll_rule_ops ll_rule_MISSING_LINK = {.on_entry = check};
