/* malformed-url: URLs a browser cannot follow as written. */
#include <stdlib.h>

#include "common.h"

/* Edit distance, for scheme typos (short strings only). */
static size_t distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), row[16];
  if (la > 15 || lb > 15)
    return 99;
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (ll_tolower((unsigned char)a[i - 1]) != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

/* "https//x", "htp://x", "http:/x", "http:///x": return what is wrong. */
static const char *scheme_problem(const char *u) {
  size_t n = 0;
  while (ll_isalpha((unsigned char)u[n]))
    n++;
  if (n == 0 || n > 8)
    return NULL;
  char scheme[9];
  for (size_t i = 0; i < n; i++)
    scheme[i] = (char)ll_tolower((unsigned char)u[i]);
  scheme[n] = '\0';
  int web = strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
  if (web && u[n] == '/' && u[n + 1] == '/')
    return "a ':' is missing after the scheme";
  if (u[n] != ':')
    return NULL;
  if (web) {
    size_t k = 0;
    while (u[n + 1 + k] == '/')
      k++;
    if (k != 2)
      return k < 2 ? "the scheme needs two slashes ('https://')"
                   : "the scheme is followed by too many slashes";
    return NULL;
  }
  if (strncmp(u + n, "://", 3) == 0 &&
      (distance(scheme, "http") <= 1 || distance(scheme, "https") <= 1))
    return "the scheme is misspelt (write 'https://')";
  return NULL;
}

static int web_scheme(const char *s) {
  return strcmp(s, "http") == 0 || strcmp(s, "https") == 0 ||
         strcmp(s, "ftp") == 0 || strcmp(s, "ftps") == 0;
}

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  const char *u = l->url;
  if (l->flags & LL_LINK_NAV)
    return;
  /* one pass: spaces and control characters, and the parentheses */
  int depth = 0, unbalanced = 0;
  for (const char *p = u; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c > ')' && c != 0x7F)
      continue; /* most of a URL */
    if (c <= ' ' || c == 0x7F) {
      /* (a space in a quoted href to a file of the repository is what
       * the browser encodes: "docs/Coco AI/README.md") */
      if (c == ' ' && (l->flags & LL_LINK_HTML) && !l->parsed.scheme)
        continue;
      ll_report(ctx, l->url_span, "URL '%s' contains %s", u,
                c == ' ' ? "a space" : "a control character");
      return;
    }
    if (c == '(')
      depth++;
    else if (c == ')' && --depth < 0)
      unbalanced = 1;
  }
  const struct ll_url *pu = &l->parsed;
  /* "http://x", "https://x" (most links): nothing wrong in the scheme */
  size_t sl = pu->scheme ? strlen(pu->scheme) : 0;
  int plain_web = (sl == 4 || sl == 5) && !pu->parse_error &&
                  memcmp(pu->scheme, "https", sl) == 0 &&
                  memcmp(u + sl, "://", 3) == 0 && u[sl + 3] != '/';
  const char *why = plain_web ? NULL : scheme_problem(u);
  if (why) {
    ll_report(ctx, l->url_span, "URL '%s' is malformed: %s", u, why);
    return;
  }
  if (!plain_web && (!pu->scheme || !web_scheme(pu->scheme)))
    return;
  if (pu->parse_error) {
    ll_report(ctx, l->url_span, "URL '%s' is malformed: %s", u, pu->error);
  } else if (!pu->host || !pu->host[0]) {
    ll_report(ctx, l->url_span, "URL '%s' has no host", u);
  } else if (pu->host[0] != '[' && (strstr(pu->host, "..") ||
                                    pu->host[0] == '.' || pu->host[0] == '-')) {
    ll_report(ctx, l->url_span, "URL '%s' has an invalid host '%s'", u,
              pu->host);
  } else if (pu->host[0] != '[' && !strchr(pu->host, '.') &&
             !ll_url_is_private_host(pu->host)) {
    ll_report(ctx, l->url_span, "URL '%s' has a host '%s' with no domain", u,
              pu->host);
  } else if (unbalanced || depth) {
    ll_report(ctx, l->url_span, "URL '%s' has unbalanced parentheses", u);
  }
}

const struct ll_rule_ops ll_rule_MALFORMED_URL = {.on_link = check};
