/* url-shortener: bit.ly, lnkd.in, goo.gl ... hide where a link goes, and
 * die with their service. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  if (l->flags & LL_LINK_IMAGE)
    return; /* a sponsor's logo or a badge: its link is the sponsor's */
  const char *host = l->parsed.host;
  if (host && ll_url_is_shortener(host))
    ll_report(ctx, l->url_span,
              "link goes through the shortener '%s': link to its target", host);
}

const struct ll_rule_ops ll_rule_URL_SHORTENER = {.on_link = check};
