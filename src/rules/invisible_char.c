/* invisible-char: zero-width characters and no-break spaces in names,
 * separators and URLs, where they break search, sorting and links. */
#include "common.h"

static const char *invisible(unsigned cp) {
  switch (cp) {
  case 0x200B:
    return "zero-width space";
  case 0x200C:
    return "zero-width non-joiner";
  case 0x200D:
    return "zero-width joiner";
  case 0x2060:
    return "word joiner";
  case 0xFEFF:
    return "zero-width no-break space";
  case 0xA0:
    return "no-break space";
  case 0x202F:
    return "narrow no-break space";
  default:
    return NULL;
  }
}

static void scan(struct ll_ctx *ctx, struct ll_span sp, const char *where) {
  const unsigned char *d = (const unsigned char *)ctx->src->data;
  unsigned prev = 0;
  for (size_t i = sp.start; i < sp.end && i < ctx->src->len;) {
    unsigned cp;
    int k = ll_utf8_decode(d + i, ctx->src->len - i, &cp);
    if (k < 0) {
      i++;
      continue;
    }
    const char *what = invisible(cp);
    /* A joiner between emoji builds one emoji: not hidden, meant. */
    if (what && !(cp == 0x200D && prev >= 0x2600)) {
      struct ll_span s = {i, i + (size_t)k};
      ll_report(ctx, s, "%s (U+%04X) in the %s", what, cp, where);
    }
    prev = cp;
    i += (size_t)k;
  }
}

static void entry(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (e->name_span.end > e->name_span.start)
    scan(ctx, e->name_span, "name");
  if (e->separator && e->desc_span.start > e->name_span.end &&
      e->name_span.end > 0) {
    struct ll_span s = {e->name_span.end, e->desc_span.start};
    scan(ctx, s, "separator");
  }
}

static void link(struct ll_ctx *ctx, const struct ll_link *l) {
  if (!(l->flags & LL_LINK_IMAGE))
    scan(ctx, l->url_span, "URL");
}

const struct ll_rule_ops ll_rule_INVISIBLE_CHAR = {.on_entry = entry,
                                                  .on_link = link};
