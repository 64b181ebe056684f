/* missing-scheme: "www.example.org" or "example.com/x" with no scheme.
 * As a Markdown link destination GitHub treats it as a relative path. */
#include "../pattern.h"
#include "common.h"

static const char domain[] =
    "^(?:www\\.[^/\\s]+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\."
    "(?:com|org|net|io|dev|edu|gov|co|ai|app|me|info|xyz|ly|tv|fm|so|sh)"
    ")(?:[/:?#]|$)";

/* The fix: "https://" written before the URL, where the source holds
 * the URL as read at url_span (or, for an autolinked www., the text at
 * the link's start).  "https" as the finding says: a site without it
 * is insecure-http's question once it has a scheme. */
static void fix(struct ll_ctx *ctx, struct ll_span at, const char *want) {
  size_t n = strlen(want);
  if (at.end - at.start < n || memcmp(ctx->src->data + at.start, want, n) != 0)
    return;
  if (at.start > 0 && !strchr(" \t\n(<[*_", ctx->src->data[at.start - 1]))
    return; /* inside a word: not where the link begins */
  struct ll_span ins = {at.start, at.start};
  ll_fix(ctx, ins, "https://", 8);
}

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  /* "www.example.org" as text: GitHub links it, other renderers do not.
   * Worth a word where it is what an entry links to; a publisher's
   * domain named in a description or a footer is prose. */
  if (l->flags & LL_LINK_WWW) {
    if (l->entry && ll_primary(l->entry) == l) {
      ll_report(ctx, l->span, "link '%s' has no scheme: write 'https://%s'",
                l->text, l->text);
      if (l->text && strncmp(l->text, "www.", 4) == 0)
        fix(ctx, l->span, l->text);
    }
    return;
  }
  const char *u = l->url;
  size_t s, t;
  if ((l->flags & (LL_LINK_NAV | LL_LINK_AUTOLINK)) || l->parsed.scheme ||
      u[0] == '/' || u[0] == '.')
    return;
  if (ll_pattern_find(ll_ctx_pattern(ctx, domain, 1), u, strlen(u), 0, &s,
                      &t) == 1) {
    ll_report(ctx, l->url_span,
              "link '%s' has no scheme, so it is read as a relative path: "
              "write 'https://%s'",
              u, u);
    if (!(l->flags & LL_LINK_HTML))
      fix(ctx, l->url_span, u);
  }
}

const struct ll_rule_ops ll_rule_MISSING_SCHEME = {.on_link = check};
