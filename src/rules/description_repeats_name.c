/* description-repeats-name: the description says nothing but the name. */
#include <strings.h>

#include "common.h"

/* Equal when compared on letters and digits only, case folded (bytes of
 * UTF-8 sequences compared as they are). */
static int same_words(const char *a, const char *b) {
  int any = 0;
  for (;;) {
    while (*a && !((unsigned char)*a >= 0x80 || ll_isalnum((unsigned char)*a)))
      a++;
    while (*b && !((unsigned char)*b >= 0x80 || ll_isalnum((unsigned char)*b)))
      b++;
    if (!*a || !*b)
      return any && !*a && !*b;
    if (ll_tolower((unsigned char)*a) != ll_tolower((unsigned char)*b))
      return 0;
    any = 1;
    a++;
    b++;
  }
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (!e->name || !e->description || !e->description[0] ||
      (e->flags & LL_ENTRY_PROSE))
    return;
  if (same_words(e->name, e->description)) {
    ll_report(ctx, e->desc_span,
              "description only repeats the name '%s': say what it is",
              e->name);
    return;
  }
  /* start = true: the description must not open with the name */
  const char *start = ll_option(ctx, "start");
  size_t n = strlen(e->name);
  if (start && strcmp(start, "true") == 0 &&
      strncasecmp(e->description, e->name, n) == 0 &&
      (e->description[n] == '\0' ||
       ll_isspace((unsigned char)e->description[n]) ||
       strchr(".,!?:-", e->description[n]))) {
    struct ll_span s = e->desc_span;
    if (s.end - s.start > n)
      s.end = s.start + n;
    ll_report(ctx, s,
              "description starts with the name '%s': start with what it is",
              e->name);
  }
}

const struct ll_rule_ops ll_rule_DESCRIPTION_REPEATS_NAME = {.on_entry = check};
