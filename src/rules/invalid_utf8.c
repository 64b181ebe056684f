/* invalid-utf8: bytes that are not UTF-8, each run reported once. */
#include "common.h"

#define MAX_REPORTS 20

static void check(struct ll_ctx *ctx, const struct ll_source *src) {
  const unsigned char *d = (const unsigned char *)src->data;
  size_t n = src->len, reports = 0, more = 0;
  struct ll_span last = {0, 0};
  for (size_t i = 0; i < n;) {
    if (d[i] < 0x80) {
      i = ll_skip_ascii(d, i, n);
      continue;
    }
    unsigned cp;
    int k = ll_utf8_decode(d + i, n - i, &cp);
    if (k > 0) {
      i += (size_t)k;
      continue;
    }
    size_t start = i++;
    while (i < n && d[i] >= 0x80 && ll_utf8_decode(d + i, n - i, &cp) < 0)
      i++;
    if (reports < MAX_REPORTS) {
      struct ll_span s = {start, i};
      ll_report(ctx, s, "invalid UTF-8: byte 0x%02X%s; save the file as UTF-8",
                d[start], i - start > 1 ? " and following" : "");
      reports++;
      last = s;
    } else {
      more++;
    }
  }
  if (more)
    ll_report(ctx, last, "%zu more invalid UTF-8 sequences not shown", more);
}

const struct ll_rule_ops ll_rule_INVALID_UTF8 = {.on_source = check};
