/* url-shortener: bit.ly, lnkd.in, goo.gl ... hide where a link goes, and
 * die with their service. */
#include "common.h"

/* Equal on letters and digits, case folded, up to the end of a, or of b
 * at stop (not included): "T.LY" and "t.ly", "TinyURL" and "tinyurl". */
static int same_letters(const char *a, const char *b, const char *stop) {
  int any = 0;
  for (;;) {
    while (*a && !ll_isalnum((unsigned char)*a))
      a++;
    while (b < stop && *b && !ll_isalnum((unsigned char)*b))
      b++;
    int ea = !*a, eb = b >= stop || !*b;
    if (ea || eb)
      return any && ea && eb;
    if (ll_tolower((unsigned char)*a) != ll_tolower((unsigned char)*b))
      return 0;
    any = 1;
    a++;
    b++;
  }
}

/* Is the entry about the shortener itself: named after its host, whole
 * ("T.LY": t.ly) or without the top-level domain ("TinyURL":
 * tinyurl.com)?  Its links are the service's own pages. */
static int names_the_host(const struct ll_entry *e, const char *host) {
  if (!e || !e->name)
    return 0;
  if (strncmp(host, "www.", 4) == 0)
    host += 4;
  const char *end = host + strlen(host);
  const char *dot = strrchr(host, '.');
  return same_letters(e->name, host, end) ||
         (dot && same_letters(e->name, host, dot));
}

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  if (l->flags & LL_LINK_IMAGE)
    return; /* a sponsor's logo or a badge: its link is the sponsor's */
  const char *host = l->parsed.host;
  if (host && ll_url_is_shortener(host) && !names_the_host(l->entry, host))
    ll_report(ctx, l->url_span,
              "link goes through the shortener '%s': link to its target", host);
}

const struct ll_rule_ops ll_rule_URL_SHORTENER = {.on_link = check};
