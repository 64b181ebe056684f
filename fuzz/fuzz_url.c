/* fuzz_url.c - the URL parser and normaliser: the fast path and libcurl's
 * URL API, with and without an arena, must agree on the duplicate key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = ll_xstrndup((const char *)data, size);
  struct ll_url u;
  ll_url_parse(s, &u);
  char *k1 = ll_url_key_of(&u);
  if (u.host) {
    ll_url_is_shortener(u.host);
    ll_url_is_private_host(u.host);
  }
  if (u.query)
    ll_url_is_tracking_param(u.query, strcspn(u.query, "=&"), u.host);
  ll_url_clear(&u);

  struct ll_arena a = {0};
  struct ll_url v;
  ll_url_parse_in(&a, s, &v);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  int r = ll_url_key_in(&b, &v);
  char *k2 = ll_url_key(s);
  /* three ways to one key */
  if ((k1 == NULL) != (r < 0) || (k1 == NULL) != (k2 == NULL) ||
      (k1 && (strcmp(k1, b.data ? b.data : "") || strcmp(k1, k2)))) {
    fprintf(stderr, "keys differ for '%s': '%s' '%s' '%s'\n", s,
            k1 ? k1 : "(null)", r < 0 ? "(null)" : b.data, k2 ? k2 : "(null)");
    abort();
  }
  ll_buf_free(&b);
  ll_arena_free(&a);
  free(k1);
  free(k2);
  free(s);
  return 0;
}
