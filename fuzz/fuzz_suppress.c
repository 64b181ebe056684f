/* fuzz_suppress.c - suppression comments: each line of the input becomes
 * an HTML comment over a list item with findings of several rules, so
 * the fuzzer writes directives and the findings they may cover. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const items[] = {
    "- [A](https://a.org) - lower case, no period",
    "- [A](https://a.org) - The same link twice.",
    "- [B](htps://b.org/?utm_source=x) - Malformed and tracked.",
    "- [C](http://c.org) - ...",
    "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_adds(&b, "# List\n\n");
  size_t i = 0, k = 0;
  while (i <= size) {
    const uint8_t *nl = memchr(data + i, '\n', size - i);
    size_t n = nl ? (size_t)(nl - (data + i)) : size - i;
    /* a line starting with '+' stands outside any comment */
    if (n && data[i] == '+')
      ll_buf_add(&b, data + i + 1, n - 1);
    else {
      ll_buf_adds(&b, "<!-- ");
      ll_buf_add(&b, data + i, n);
      ll_buf_adds(&b, " -->");
    }
    ll_buf_adds(&b, "\n");
    ll_buf_adds(&b, items[k++ % (sizeof items / sizeof *items)]);
    ll_buf_adds(&b, "\n");
    i += n + 1;
  }
  struct ll_source *src = ll_source_from_mem("fuzz.md", b.data, b.len);
  ll_buf_free(&b);
  if (!src->has_nul) {
    struct ll_ctx *ctx = ll_ctx_new();
    char *err = NULL;
    ll_lint(ctx, src, NULL, &err);
    free(err);
    ll_ctx_free(ctx);
  }
  ll_source_free(src);
  return 0;
}
