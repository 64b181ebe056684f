/* forbidden-scheme: javascript:, vbscript:, data: and file: links. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  const char *s = l->parsed.scheme;
  const char *list = ll_option(ctx, "schemes");
  if (!s)
    return;
  int bad = list ? ll_word_in_list(list, s)
                 : strcmp(s, "javascript") == 0 || strcmp(s, "vbscript") == 0 ||
                       strcmp(s, "file") == 0 || strcmp(s, "data") == 0;
  if (bad) {
    /* An inline data: image (a badge drawn in place) is harmless. */
    if (!(strcmp(s, "data") == 0 && (l->flags & LL_LINK_IMAGE) &&
          strncmp(l->url + 5, "image/", 6) == 0))
      ll_report(ctx, l->url_span,
                "'%s:' link: this scheme never belongs in a list", s);
  }
}

const struct ll_rule_ops ll_rule_FORBIDDEN_SCHEME = {.on_link = check};
