/* tracking-param: utm_*, fbclid, gclid and the like in a URL. */
#include <stdint.h>

#include "common.h"

/* The same tracking parameters with the same values on this many
 * different links are the list's own referral tag (a sponsor's pages,
 * each tagged with the list's campaign): its convention, not a pasted
 * URL. */
#define REFERRAL_MIN 5

/* The tracking parameters of u: their names into names (", " between)
 * and, with their values, into sig.  Return how many. */
static size_t tracking(const struct ll_url *u, struct ll_buf *names,
                       struct ll_buf *sig) {
  size_t count = 0;
  names->len = sig->len = 0;
  ll_buf_add(names, "", 0);
  ll_buf_add(sig, "", 0);
  for (const char *q = u->query; q && *q;) {
    size_t len = strcspn(q, "&");
    size_t nl = strcspn(q, "=&");
    if (nl > len)
      nl = len;
    if (ll_url_is_tracking_param(q, nl, u->host)) {
      if (count++)
        ll_buf_adds(names, ", ");
      ll_buf_add(names, q, nl);
      ll_buf_add(sig, q, len);
      ll_buf_addc(sig, '&');
    }
    q += len;
    if (*q == '&')
      q++;
  }
  return count;
}

/* The fix: the URL as written with its tracking parameters taken out of
 * the query, the other parameters kept in their order and spelling, the
 * '?' dropped with the last one, the fragment kept.  Only where the
 * source holds the URL exactly as read (no escapes, no entities). */
static void fix(struct ll_ctx *ctx, const struct ll_link *l, struct ll_buf *b) {
  struct ll_span s = l->url_span;
  const char *u = ctx->src->data + s.start;
  size_t n = s.end - s.start;
  if (strlen(l->url) != n || memcmp(l->url, u, n) != 0)
    return;
  const char *q = memchr(u, '?', n);
  if (!q)
    return;
  const char *hash = memchr(q, '#', (size_t)(u + n - q));
  const char *qe = hash ? hash : u + n;
  b->len = 0;
  ll_buf_add(b, u, (size_t)(q - u));
  int first = 1;
  for (const char *p = q + 1; p < qe;) {
    const char *amp = memchr(p, '&', (size_t)(qe - p));
    size_t len = amp ? (size_t)(amp - p) : (size_t)(qe - p);
    const char *eq = memchr(p, '=', len);
    size_t nl = eq ? (size_t)(eq - p) : len;
    if (len && !ll_url_is_tracking_param(p, nl, l->parsed.host)) {
      ll_buf_addc(b, first ? '?' : '&');
      ll_buf_add(b, p, len);
      first = 0;
    }
    p += len + (amp != NULL);
  }
  ll_buf_add(b, qe, (size_t)(u + n - qe));
  ll_fix(ctx, s, b->data, b->len);
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  struct ll_buf names, sig;
  ll_buf_init(&names, 4096);
  ll_buf_init(&sig, 1 << 16);
  struct ll_map seen = {0}, urls = {0};
  for (int pass = 0; pass < 2; pass++) {
    size_t sec = 0; /* the section of link i: both are in document order */
    for (size_t i = 0; i < m->nlinks; i++) {
      const struct ll_link *l = m->links[i];
      while (sec + 1 < m->nsections &&
             m->sections[sec + 1].span.start <= l->span.start)
        sec++;
      if ((l->flags & LL_LINK_IMAGE) || !l->parsed.query)
        continue;
      /* A licence or contributing section's credits ("photo by X on
       * Unsplash", tagged as the photo site asks) are not the list's
       * links. */
      if (sec < m->nsections && m->sections[sec].skipped)
        continue;
      size_t count = tracking(&l->parsed, &names, &sig);
      if (!count)
        continue;
      uintptr_t n = (uintptr_t)ll_map_get(&seen, sig.data);
      if (pass == 0) {
        /* counted once per distinct URL: one video linked five times
         * is no referral tag */
        if (!ll_map_add(&urls, l->url, l))
          ll_map_put(&seen, sig.data, (const void *)(n + 1));
        continue;
      }
      if (n >= REFERRAL_MIN)
        continue;
      ll_report(ctx, l->url_span,
                "URL carries tracking parameter%s %s: remove %s",
                count > 1 ? "s" : "", names.data, count > 1 ? "them" : "it");
      fix(ctx, l, &names);
    }
  }
  ll_map_free(&seen);
  ll_map_free(&urls);
  ll_buf_free(&names);
  ll_buf_free(&sig);
}

const struct ll_rule_ops ll_rule_TRACKING_PARAM = {.on_finish = finish};
