/* html.c - the little HTML that lists write their entries in:
 *
 *   <p>
 *   &nbsp;&nbsp; <a href="https://x.org/"><b>Name</b></a> - Description.<br>
 *   </p>
 *
 * cmark-gfm keeps an HTML block as raw text; these helpers find the
 * links in it and the plain text around them.  Not an HTML parser: tags
 * are skipped or dropped, the common character references decoded. */
#include <string.h>

#include "internal.h"

static int ieq(const char *p, const char *end, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(end - p) < n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (ll_tolower((unsigned char)p[i]) != word[i])
      return 0;
  return 1;
}

/* The end of the tag starting at p ('<'), past its '>', quotes
 * respected; NULL when it does not end before end. */
static const char *tag_end(const char *p, const char *end) {
  char q = 0;
  for (p++; p < end; p++) {
    if (q) {
      if (*p == q)
        q = 0;
    } else if (*p == '"' || *p == '\'') {
      q = *p;
    } else if (*p == '>') {
      return p + 1;
    } else if (*p == '<' || *p == '\n') {
      return NULL; /* not a tag: a stray '<', or one we do not follow */
    }
  }
  return NULL;
}

/* Is p the start of a tag named name ("a", "/a", "img")? */
static int tag_is(const char *p, const char *end, const char *name) {
  size_t n = strlen(name);
  if (p >= end || *p != '<' || !ieq(p + 1, end, name))
    return 0;
  const char *q = p + 1 + n;
  return q < end && (*q == '>' || *q == ' ' || *q == '\t' || *q == '\n' ||
                     *q == '\r' || *q == '/');
}

int ll_html_is_anchor(const char *p, const char *end) {
  return tag_is(p, end, "a");
}

const char *ll_html_skip_lead(const char *p, const char *end) {
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
    if (ieq(p, end, "&nbsp;"))
      p += 6;
    else if (ieq(p, end, "&#160;") || ieq(p, end, "&emsp;") ||
             ieq(p, end, "&ensp;"))
      p += 6;
    else if (p + 1 < end && p[0] == '<' && ll_isalpha((unsigned char)p[1]) &&
             !tag_is(p, end, "a")) {
      const char *e = tag_end(p, end);
      if (!e)
        return p;
      p = e;
    } else if (p < end && *p == ':') {
      /* an emoji shortcode, ":small_orange_diamond:": decoration */
      const char *q = p + 1;
      while (q < end && q - p < 40 &&
             (ll_isalnum((unsigned char)*q) || *q == '_' || *q == '-' ||
              *q == '+'))
        q++;
      if (q == p + 1 || q >= end || *q != ':')
        return p;
      p = q + 1;
    } else
      return p;
  }
}

size_t ll_html_anchor(const char *p, const char *end, struct ll_html_a *a) {
  if (!tag_is(p, end, "a"))
    return 0;
  const char *open_end = tag_end(p, end);
  if (!open_end)
    return 0;
  /* href="...", href='...' or href=... among the attributes */
  const char *q = p + 2, *lim = open_end - 1; /* lim: the '>' */
  int found = 0;
  while (q < lim && !found) {
    while (q < lim && ll_isspace((unsigned char)*q))
      q++;
    const char *name = q;
    while (q < lim && *q != '=' && *q != '/' && !ll_isspace((unsigned char)*q))
      q++;
    size_t nl = (size_t)(q - name);
    while (q < lim && ll_isspace((unsigned char)*q))
      q++;
    if (q >= lim || *q != '=') {
      if (nl == 0 && q < lim)
        q++; /* a '/' */
      continue;
    }
    q++;
    while (q < lim && ll_isspace((unsigned char)*q))
      q++;
    const char *v = q, *ve;
    if (q < lim && (*q == '"' || *q == '\'')) {
      char c = *q++;
      v = q;
      while (q < lim && *q != c)
        q++;
      ve = q;
      if (q < lim)
        q++;
    } else {
      while (q < lim && !ll_isspace((unsigned char)*q))
        q++;
      ve = q;
    }
    if (nl == 4 && ieq(name, name + 4, "href")) {
      a->href = v;
      a->href_len = (size_t)(ve - v);
      found = 1;
    }
  }
  if (!found)
    return 0;
  /* the text, up to </a>; a link holds no link, so the search stops at
   * the next <a (else a block of unclosed links takes quadratic time) */
  const char *c = open_end;
  while (c < end &&
         !(*c == '<' && (tag_is(c, end, "/a") || tag_is(c, end, "a"))))
    c++;
  if (c >= end || !tag_is(c, end, "/a"))
    return 0;
  const char *close_end = tag_end(c, end);
  if (!close_end)
    return 0;
  a->text = open_end;
  a->text_len = (size_t)(c - open_end);
  return (size_t)(close_end - p);
}

int ll_html_has_img(const char *p, size_t n) {
  for (const char *q = p, *end = p + n; q < end; q++)
    if (*q == '<' && (tag_is(q, end, "img") || tag_is(q, end, "picture") ||
                      tag_is(q, end, "svg")))
      return 1;
  return 0;
}

/* The character a reference names; 0 when it is not one decoded here. */
static unsigned entity(const char *p, const char *end, size_t *len) {
  static const struct {
    const char *name;
    unsigned cp;
  } named[] = {{"&amp;", '&'},      {"&lt;", '<'},       {"&gt;", '>'},
               {"&quot;", '"'},     {"&apos;", '\''},    {"&nbsp;", ' '},
               {"&ensp;", ' '},     {"&emsp;", ' '},     {"&mdash;", 0x2014},
               {"&ndash;", 0x2013}, {"&hellip;", 0x2026}};
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
    if (ieq(p, end, named[i].name)) {
      *len = strlen(named[i].name);
      return named[i].cp;
    }
  }
  if (end - p < 4 || p[1] != '#')
    return 0;
  const char *q = p + 2;
  int hex = *q == 'x' || *q == 'X';
  q += hex;
  unsigned cp = 0;
  const char *digits = q;
  while (q < end && q - digits < 7 &&
         (ll_isdigit((unsigned char)*q) ||
          (hex && strchr("abcdefABCDEF", *q) && *q))) {
    unsigned d = ll_isdigit((unsigned char)*q)
                     ? (unsigned)(*q - '0')
                     : (unsigned)(ll_tolower((unsigned char)*q) - 'a' + 10);
    cp = cp * (hex ? 16u : 10u) + d;
    q++;
  }
  if (q == digits || q >= end || *q != ';' || cp == 0 || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *len = (size_t)(q + 1 - p);
  return cp == 0xA0 ? ' ' : cp;
}

static void add_utf8(struct ll_buf *b, unsigned cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  ll_buf_add(b, u, n);
}

void ll_html_decode(struct ll_buf *b, const char *p, size_t n) {
  for (const char *end = p + n; p < end;) {
    size_t len;
    unsigned cp = *p == '&' ? entity(p, end, &len) : 0;
    if (cp) {
      add_utf8(b, cp);
      p += len;
    } else {
      ll_buf_addc(b, *p++);
    }
  }
}

void ll_html_text(struct ll_buf *b, const char *p, size_t n) {
  const char *end = p + n;
  int space = 0;
  size_t mark = b->len;
  while (p < end) {
    if (*p == '<' && p + 1 < end &&
        (ll_isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!')) {
      const char *e = tag_end(p, end);
      if (e && tag_is(p, end, "sup")) {
        /* a footnote mark ("<sup>1</sup>"): not part of the text (the
         * search for its end stops at the next <sup: linear time) */
        const char *c = e;
        while (c < end && !(*c == '<' &&
                            (tag_is(c, end, "/sup") || tag_is(c, end, "sup"))))
          c++;
        const char *ce =
            c < end && tag_is(c, end, "/sup") ? tag_end(c, end) : NULL;
        e = ce ? ce : e;
      }
      if (e) {
        p = e;
        continue;
      }
    }
    size_t len = 1;
    unsigned cp = *p == '&' ? entity(p, end, &len) : 0;
    unsigned char c = (unsigned char)*p;
    if (cp == ' ' ||
        (!cp && (c == ' ' || c == '\t' || c == '\n' || c == '\r'))) {
      space = 1;
      p += len;
      continue;
    }
    if (space && b->len > mark)
      ll_buf_addc(b, ' ');
    space = 0;
    if (cp)
      add_utf8(b, cp);
    else
      ll_buf_add(b, p, 1);
    p += len;
  }
}
