/* forbidden-scheme: javascript:, vbscript:, data: and file: links. */
#include "common.h"

/* Is word one of the space- or comma-separated words of list? */
static int in_list(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = list; *p;) {
    p += strspn(p, " ,");
    size_t len = strcspn(p, " ,");
    if (len == n && strncmp(p, word, n) == 0)
      return 1;
    p += len;
  }
  return 0;
}

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  const char *s = l->parsed.scheme;
  const char *list = ll_option(ctx, "schemes");
  if (!list)
    list = "javascript vbscript file data";
  if (s && in_list(list, s)) {
    /* An inline data: image (a badge drawn in place) is harmless. */
    if (!(strcmp(s, "data") == 0 && (l->flags & LL_LINK_IMAGE) &&
          strncmp(l->url + 5, "image/", 6) == 0))
      ll_report(ctx, l->url_span,
                "'%s:' link: this scheme never belongs in a list", s);
  }
}

const struct ll_rule_ops ll_rule_FORBIDDEN_SCHEME = {.on_link = check};
