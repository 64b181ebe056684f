/* test_url.c - URL keys, host lists and libcurl parsing. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"

static void same_key(const char *a, const char *b, int same) {
  char *ka = ll_url_key(a), *kb = ll_url_key(b);
  cr_assert(ka && kb, "no key for %s or %s", a, b);
  if (same)
    cr_expect_str_eq(ka, kb, "%s and %s should be one resource", a, b);
  else
    cr_expect_str_neq(ka, kb, "%s and %s should differ", a, b);
  free(ka);
  free(kb);
}

Test(url, key_normalises_what_does_not_matter) {
  same_key("http://example.org/a", "https://example.org/a", 1);
  same_key("https://EXAMPLE.org/a", "https://example.org/a", 1);
  same_key("https://www.example.org/a", "https://example.org/a", 1);
  same_key("https://example.org:443/a", "https://example.org/a", 1);
  same_key("https://example.org/a/", "https://example.org/a", 1);
  same_key("https://example.org/", "https://example.org", 1);
  same_key("https://example.org/a?utm_source=x&id=2",
           "https://example.org/a?id=2", 1);
}

Test(url, key_keeps_what_matters) {
  same_key("https://example.org/A", "https://example.org/a", 0);
  same_key("https://example.org/a?id=1", "https://example.org/a?id=2", 0);
  same_key("https://example.org:8080/a", "https://example.org/a", 0);
  same_key("https://example.org/a#x", "https://example.org/a#y", 0);
}

Test(url, no_key_for_relative_or_broken) {
  cr_expect_null(ll_url_key("docs/a.md"));
  cr_expect_null(ll_url_key("#anchor"));
  cr_expect_null(ll_url_key("mailto:a@b.org"));
  cr_expect_null(ll_url_key("https://exa mple.org/"));
}

Test(url, tracking_and_shorteners) {
  cr_expect(ll_url_is_tracking_param("utm_source", 10, "x.org"));
  cr_expect(ll_url_is_tracking_param("fbclid", 6, "x.org"));
  cr_expect(ll_url_is_tracking_param("si", 2, "open.spotify.com"));
  cr_expect(!ll_url_is_tracking_param("si", 2, "example.org"));
  cr_expect(!ll_url_is_tracking_param("id", 2, "x.org"));
  cr_expect(!ll_url_is_tracking_param("utm_", 4, "x.org"));
  /* a name of each length the list holds, and near misses */
  static const char *const shorteners[] = {
      "t.co",      "tr.im",      "bit.ly",      "lnkd.in",
      "shorte.st", "rebrand.ly", "tinyurl.com", "shorturl.at"};
  for (size_t i = 0; i < sizeof shorteners / sizeof shorteners[0]; i++)
    cr_expect(ll_url_is_shortener(shorteners[i]), "%s", shorteners[i]);
  static const char *const others[] = {
      "bit.ly.example.org", "github.com", "t.cx", "", "x",
      "shorturl.atx",       "tinyurl.co"};
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
    cr_expect(!ll_url_is_shortener(others[i]), "%s", others[i]);
}

Test(url, private_hosts) {
  const char *yes[] = {"localhost",   "127.0.0.1",       "10.1.2.3",
                       "172.16.0.1",  "172.31.255.255",  "192.168.0.1",
                       "169.254.1.1", "0.0.0.0",         "[::1]",
                       "[fe80::1]",   "printer.local",   "app.localhost",
                       "100.64.0.1",  "100.127.255.255", NULL};
  const char *no[] = {"example.org",    "172.32.0.1",    "8.8.8.8",
                      "10.example.org", "[2001:db8::1]", "1.2.3.4.5",
                      "100.63.0.1",     "100.128.0.1",   NULL};
  for (int i = 0; yes[i]; i++)
    cr_expect(ll_url_is_private_host(yes[i]), "%s is private", yes[i]);
  for (int i = 0; no[i]; i++)
    cr_expect(!ll_url_is_private_host(no[i]), "%s is public", no[i]);
}

Test(url, parse_parts) {
  struct ll_url u;
  ll_url_parse("HTTPS://Ex.org:8443/p/a?q=1#f", &u);
  cr_expect_str_eq(u.scheme, "https");
  cr_expect_str_eq(u.host, "ex.org");
  cr_expect_eq(u.port, 8443);
  cr_expect_str_eq(u.path, "/p/a");
  cr_expect_str_eq(u.query, "q=1");
  cr_expect_str_eq(u.fragment, "f");
  ll_url_clear(&u);
  ll_url_parse("https://ex..org/", &u);
  cr_expect(u.parse_error || (u.host && strstr(u.host, "..")));
  ll_url_clear(&u);
  ll_url_parse("relative/path", &u);
  cr_expect_null(u.scheme);
  ll_url_clear(&u);
}
