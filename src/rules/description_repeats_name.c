/* description-repeats-name: the description says nothing but the name. */
#include <stdlib.h>

#include "common.h"

/* Lower-case letters and digits only (other bytes, UTF-8 included, kept). */
static char *fold(const char *s) {
  char *p = ll_xmalloc(strlen(s) + 1), *q = p;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c >= 0x80 || ll_isalnum(c))
      *q++ = (char)ll_tolower(c);
  }
  *q = '\0';
  return p;
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (!e->name || !e->description || !e->description[0] ||
      (e->flags & LL_ENTRY_PROSE))
    return;
  char *a = fold(e->name), *b = fold(e->description);
  if (a[0] && strcmp(a, b) == 0)
    ll_report(ctx, e->desc_span,
              "description only repeats the name '%s': say what it is",
              e->name);
  free(a);
  free(b);
}

const struct ll_rule_ops ll_rule_DESCRIPTION_REPEATS_NAME = {.on_entry = check};
