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

/* Is the byte before i, or the one at j, ASCII (or the span's edge)?
 * Zero-width characters between letters of other scripts may be meant
 * (a non-joiner in Persian, a word break in Thai): only those beside
 * ASCII, or at an edge, are certainly strays. */
static int beside_ascii(const unsigned char *d, struct ll_span sp, size_t i,
                        size_t j) {
  int before = i == sp.start || d[i - 1] < 0x80;
  int after = j >= sp.end || d[j] < 0x80;
  return before && after;
}

/* The fix of the invisible character at [i, j): a zero-width one is
 * deleted, a no-break space becomes a space in a name or separator and
 * goes at the edge of a URL.  In a URL's middle a no-break space is left
 * to the author (deleting it may join two words). */
static void fix(struct ll_ctx *ctx, struct ll_span sp, size_t i, size_t j,
                unsigned cp, int is_url) {
  const unsigned char *d = (const unsigned char *)ctx->src->data;
  struct ll_span at = {i, j};
  if (cp == 0xA0 || cp == 0x202F) {
    if (!is_url)
      ll_fix(ctx, at, " ", 1);
    else if (i == sp.start || j == sp.end)
      ll_fix(ctx, at, "", 0);
    return;
  }
  if (beside_ascii(d, sp, i, j))
    ll_fix(ctx, at, "", 0);
}

static void scan(struct ll_ctx *ctx, struct ll_span sp, const char *where) {
  const unsigned char *d = (const unsigned char *)ctx->src->data;
  unsigned prev = 0;
  size_t end = sp.end < ctx->src->len ? sp.end : ctx->src->len;
  for (size_t i = sp.start; i < end;) {
    /* Only C2 (U+00A0), E2 (U+200B..U+2060) and EF (U+FEFF) lead the
     * characters sought: skip everything else a byte at a time. */
    if (d[i] < 0x80) {
      size_t j = ll_skip_ascii(d, i, end);
      prev = d[j - 1];
      i = j;
      continue;
    }
    if (d[i] != 0xC2 && d[i] != 0xE2 && d[i] != 0xEF && d[i] < 0xF0) {
      i++; /* a lead or continuation byte of nothing sought */
      continue;
    }
    unsigned cp;
    int k = ll_utf8_decode(d + i, end - i, &cp);
    if (k < 0) {
      i++;
      continue;
    }
    const char *what = invisible(cp);
    /* A joiner between emoji builds one emoji: not hidden, meant. */
    if (what && !(cp == 0x200D && prev >= 0x2600)) {
      struct ll_span s = {i, i + (size_t)k};
      ll_report(ctx, s, "%s (U+%04X) in the %s", what, cp, where);
      fix(ctx, sp, s.start, s.end, cp, where[0] == 'U');
    }
    prev = cp;
    i += (size_t)k;
  }
}

static void entry(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (e->name_span.end > e->name_span.start)
    scan(ctx, e->name_span, "name");
  const struct ll_link *l = ll_primary(e);
  size_t from =
      l && l->span.end > e->name_span.end ? l->span.end : e->name_span.end;
  if (e->separator && e->desc_span.start > from && from > 0) {
    /* the separator's spaces, with the no-break ones that the
     * description's span may have kept at its start ("-\u00A0About") */
    size_t end = e->desc_span.start;
    const char *d = ctx->src->data;
    while (end + 1 < e->desc_span.end && (unsigned char)d[end] == 0xC2 &&
           (unsigned char)d[end + 1] == 0xA0)
      end += 2;
    struct ll_span s = {from, end};
    scan(ctx, s, "separator");
  }
}

static void link(struct ll_ctx *ctx, const struct ll_link *l) {
  if (!(l->flags & LL_LINK_IMAGE))
    scan(ctx, l->url_span, "URL");
}

const struct ll_rule_ops ll_rule_INVISIBLE_CHAR = {.on_entry = entry,
                                                   .on_link = link};
