/* insecure-http: an http:// link where https:// is the norm on today's
 * web.  Low severity: some old sites still serve plain http only, and a
 * maintainer can check and switch the rest. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  if ((l->flags & (LL_LINK_IMAGE | LL_LINK_WWW)) ||
      strncmp(l->url, "http://", 7) != 0)
    return;
  /* The list itself says the resource has no https (public-apis' HTTPS
   * column): its http:// link is the documented fact, not a slip. */
  if (l->entry && (l->entry->flags & LL_ENTRY_NO_HTTPS))
    return;
  const char *host = l->parsed.host;
  const char *allow = ll_option(ctx, "allow-hosts");
  if (host && allow && ll_word_in_list(allow, host))
    return;
  /* loopback and private hosts are an intranet's: https is no norm
   * there, unless the list says so (private-hosts = true) */
  const char *priv = ll_option(ctx, "private-hosts");
  int all = priv && strcmp(priv, "true") == 0;
  if (host && (all || !ll_url_is_private_host(host))) {
    struct ll_span s = l->url_span;
    if (s.end - s.start > 7)
      s.end = s.start + 7;
    ll_report(ctx, s, "http:// link: use https:// if '%s' supports it", host);
  }
}

const struct ll_rule_ops ll_rule_INSECURE_HTTP = {.on_link = check};
