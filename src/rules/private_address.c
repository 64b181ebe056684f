/* private-address: links to localhost, loopback or private networks,
 * which no reader of the list can open. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  const char *host = l->parsed.host;
  if (host && ll_url_is_private_host(host))
    ll_report(ctx, l->url_span,
              "link points to the private address '%s', which readers "
              "cannot reach",
              host);
}

const struct ll_rule_ops ll_rule_PRIVATE_ADDRESS = {.on_link = check};
