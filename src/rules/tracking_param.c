/* tracking-param: utm_*, fbclid, gclid and the like in a URL. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  if (l->flags & LL_LINK_IMAGE)
    return;
  const struct ll_url *u = &l->parsed;
  if (u->query) {
    struct ll_buf names;
    ll_buf_init(&names, 4096);
    size_t count = 0;
    for (const char *q = u->query; *q;) {
      size_t len = strcspn(q, "&");
      size_t nl = strcspn(q, "=&");
      if (nl > len)
        nl = len;
      if (ll_url_is_tracking_param(q, nl, u->host)) {
        if (count++)
          ll_buf_adds(&names, ", ");
        ll_buf_add(&names, q, nl);
      }
      q += len;
      if (*q == '&')
        q++;
    }
    if (count)
      ll_report(ctx, l->url_span,
                "URL carries tracking parameter%s %s: remove %s",
                count > 1 ? "s" : "", names.data, count > 1 ? "them" : "it");
    ll_buf_free(&names);
  }
}

const struct ll_rule_ops ll_rule_TRACKING_PARAM = {.on_link = check};
