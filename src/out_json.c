/* out_json.c - findings and understood entries as JSON (jansson). */
#include <jansson.h>

#include <stdlib.h>
#include <string.h>

#include "listlint.h"
#include "out.h"

json_t *ll_json_str(const char *s) { return ll_json_strn(s, strlen(s)); }

json_t *ll_json_strn(const char *s, size_t n) {
  unsigned cp;
  size_t i = 0;
  while (i < n) {
    int k = ll_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k < 0)
      break;
    i += (size_t)k;
  }
  if (i == n)
    return json_stringn(s, n);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  for (i = 0; i < n;) {
    int k = ll_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k < 0) {
      ll_buf_adds(&b, "\xEF\xBF\xBD");
      i++;
    } else {
      ll_buf_add(&b, s + i, (size_t)k);
      i += (size_t)k;
    }
  }
  json_t *j = json_stringn(b.data, b.len);
  ll_buf_free(&b);
  return j;
}

int ll_json_write_elem(FILE *fp, json_t *o, size_t nth, int indent,
                       size_t flags) {
  char *s = json_dumps(o, JSON_INDENT(2) | flags);
  json_decref(o);
  if (!s)
    return -1;
  if (nth)
    fprintf(fp, ",\n%*s", indent, "");
  /* a JSON string holds no raw newline: every line break is the
   * indentation's, one level deeper here than in the element alone */
  for (const char *p = s; *p;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
    fwrite(p, 1, len, fp);
    if (nl)
      fprintf(fp, "%*s", indent, "");
    p += len;
  }
  free(s);
  return 0;
}

/* One finding: byte columns and offsets under the stable keys,
 * characters (code points) under keys of their own, and its fix. */
static json_t *finding(const struct ll_diag *g) {
  json_t *o = json_pack(
      "{s:o, s:i, s:i, s:i, s:i, s:i, s:i, s:I, s:I, s:s, s:s, "
      "s:o}",
      "file", ll_json_str(g->file), "line", g->line, "column", g->col,
      "end_line", g->end_line, "end_column", g->end_col, "char_column",
      ll_out_col(g->char_col, g->col), "end_char_column",
      ll_out_col(g->end_char_col, g->end_col), "offset",
      (json_int_t)g->span.start, "end_offset", (json_int_t)g->span.end, "rule",
      ll_diag_id(g), "severity", ll_severity_name(g->severity), "message",
      ll_json_str(g->message));
  /* a fix: replace the bytes [offset, end_offset) with replacement */
  if (o && g->has_fix)
    json_object_set_new(o, "fix",
                        json_pack("{s:I, s:I, s:i, s:i, s:i, s:i, s:o}",
                                  "offset", (json_int_t)g->fix_span.start,
                                  "end_offset", (json_int_t)g->fix_span.end,
                                  "line", g->fix_line, "column", g->fix_col,
                                  "end_line", g->fix_end_line, "end_column",
                                  g->fix_end_col, "replacement",
                                  ll_json_strn(g->fix_text, g->fix_len)));
  return o;
}

/* The findings as one array, written finding by finding. */
int ll_out_json(FILE *fp, const struct ll_diags *d) {
  int r = 0;
  fputs(d->n ? "[\n  " : "[]", fp);
  for (size_t i = 0; i < d->n && r == 0; i++)
    r = ll_json_write_elem(fp, finding(&d->v[i]), i, 2, JSON_ENSURE_ASCII);
  fputs(d->n ? "\n]\n" : "\n", fp);
  return r;
}

struct ll_dump {
  FILE *fp;
  size_t n; /* entries written */
  int err;
  struct ll_buf out; /* written to fp in large pieces: stdio's per-call
                      * cost was the dump's largest */
};

struct ll_dump *ll_dump_new(FILE *fp) {
  struct ll_dump *d = ll_xcalloc(1, sizeof *d);
  d->fp = fp;
  ll_buf_init(&d->out, 0);
  return d;
}

static void flush(struct ll_dump *d) {
  if (d->out.len && fwrite(d->out.data, 1, d->out.len, d->fp) != d->out.len)
    d->err = 1;
  d->out.len = 0;
}

/* ---- the entry dump: written directly, as jansson would dump it -------- */

/* A JSON string as jansson writes it with JSON_ENSURE_ASCII: quote,
 * backslash and control characters escaped, every character past ASCII
 * as \uXXXX (a surrogate pair above U+FFFF), each invalid byte as
 * U+FFFD, as ll_json_strn reads it. */
static void put_str(struct ll_buf *out, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s), i = 0;
  ll_buf_addc(out, '"');
  while (i < n) {
    size_t run = i; /* plain ASCII, written as it is */
    while (run < n && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' &&
           p[run] != '\\')
      run++;
    ll_buf_add(out, p + i, run - i);
    i = run;
    if (i == n)
      break;
    unsigned cp;
    int k = ll_utf8_decode(p + i, n - i, &cp);
    if (k < 0) {
      cp = 0xFFFD;
      k = 1;
    }
    i += (size_t)k;
    const char *short_esc = cp == '"'    ? "\\\""
                            : cp == '\\' ? "\\\\"
                            : cp == '\b' ? "\\b"
                            : cp == '\f' ? "\\f"
                            : cp == '\n' ? "\\n"
                            : cp == '\r' ? "\\r"
                            : cp == '\t' ? "\\t"
                                         : NULL;
    if (short_esc) {
      ll_buf_adds(out, short_esc);
      continue;
    }
    unsigned units[2] = {cp, 0};
    int nu = 1;
    if (cp > 0xFFFF) {
      units[0] = 0xD800 | ((cp - 0x10000) >> 10);
      units[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
      nu = 2;
    }
    for (int u = 0; u < nu; u++)
      ll_buf_printf(out, "\\u%c%c%c%c", hex[(units[u] >> 12) & 15],
                    hex[(units[u] >> 8) & 15], hex[(units[u] >> 4) & 15],
                    hex[units[u] & 15]);
  }
  ll_buf_addc(out, '"');
}

static void put_str_or_null(struct ll_buf *out, const char *s) {
  if (s)
    put_str(out, s);
  else
    ll_buf_adds(out, "null");
}

/* "\n" and the indentation of a key or element at depth (2 spaces a
 * level), after a comma unless it is the first. */
static void put_key(struct ll_buf *out, int first, int depth, const char *key) {
  static const char spaces[] = "          ";
  ll_buf_adds(out, first ? "\n" : ",\n");
  ll_buf_add(out, spaces, (size_t)depth * 2);
  ll_buf_addc(out, '"');
  ll_buf_adds(out, key);
  ll_buf_adds(out, "\": ");
}

static void put_int(struct ll_buf *out, int v) {
  char b[16];
  size_t n = 0;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do
    b[sizeof b - 1 - n++] = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0)
    b[sizeof b - 1 - n++] = '-';
  ll_buf_add(out, b + sizeof b - n, n);
}

static void put_links(struct ll_buf *out, const struct ll_source *src,
                      const struct ll_entry *e) {
  if (!e->nlinks) {
    ll_buf_adds(out, "[]");
    return;
  }
  ll_buf_addc(out, '[');
  for (size_t k = 0; k < e->nlinks; k++) {
    const struct ll_link *l = e->links[k];
    int line, col;
    ll_source_linecol(src, l->url_span.start, &line, &col);
    ll_buf_printf(out, "%s\n%*s{", k ? "," : "", 6, "");
    put_key(out, 1, 4, "url");
    put_str(out, l->url);
    put_key(out, 0, 4, "label");
    put_str_or_null(out, l->label);
    put_key(out, 0, 4, "primary");
    ll_buf_adds(out, k == 0 ? "true" : "false");
    put_key(out, 0, 4, "shared");
    ll_buf_adds(out, l->flags & LL_LINK_SHARED ? "true" : "false");
    put_key(out, 0, 4, "line");
    put_int(out, line);
    put_key(out, 0, 4, "column");
    put_int(out, col);
    ll_buf_adds(out, "\n      }");
  }
  ll_buf_printf(out, "\n%*s]", 4, "");
}

/* One entry, an element of the top array: the bytes json_dumpf gave the
 * whole array of json_pack'd entries with JSON_INDENT(2) and
 * JSON_ENSURE_ASCII (the golden dumps and tests/test_out.c hold it). */
static void dump_one(struct ll_dump *d, const struct ll_source *src,
                     const struct ll_model *m, const struct ll_entry *e) {
  struct ll_buf *out = &d->out;
  ll_buf_adds(out, d->n++ ? ",\n  {" : "[\n  {");
  put_key(out, 1, 2, "file");
  put_str(out, src->name);
  put_key(out, 0, 2, "line");
  put_int(out, e->line);
  put_key(out, 0, 2, "end_line");
  put_int(out, e->end_line);
  put_key(out, 0, 2, "style");
  put_str(out, ll_style_name(e->style));
  put_key(out, 0, 2, "name");
  put_str_or_null(out, e->name);
  put_key(out, 0, 2, "links");
  put_links(out, src, e);
  put_key(out, 0, 2, "description");
  put_str_or_null(out, e->description);
  put_key(out, 0, 2, "access");
  put_str_or_null(out, e->access);
  put_key(out, 0, 2, "separator");
  put_str_or_null(out, e->separator);
  put_key(out, 0, 2, "section");
  const struct ll_section *s = &m->sections[e->section];
  if (!s->depth)
    ll_buf_adds(out, "[]");
  for (size_t k = 0; k < s->depth; k++) {
    ll_buf_printf(out, "%s\n%*s", k ? "," : "[", 6, "");
    put_str(out, s->path[k]);
  }
  if (s->depth)
    ll_buf_printf(out, "\n%*s]", 4, "");
  if (e->flags & LL_ENTRY_MIRROR) {
    put_key(out, 0, 2, "mirror");
    ll_buf_adds(out, "true");
  }
  ll_buf_adds(out, "\n  }");
  if (out->len >= ((size_t)1 << 16))
    flush(d);
}

/* Entries and mirror rows, each in document order, merged by line. */
void ll_dump_add(struct ll_dump *d, const struct ll_source *src,
                 const struct ll_model *m) {
  size_t i = 0, j = 0;
  while (i < m->nentries || j < m->nmirrors) {
    const struct ll_entry *e;
    if (j == m->nmirrors ||
        (i < m->nentries && m->entries[i]->line < m->mirrors[j]->line))
      e = m->entries[i++];
    else
      e = m->mirrors[j++];
    dump_one(d, src, m, e);
  }
}

int ll_dump_write(struct ll_dump *d) {
  flush(d);
  ll_buf_free(&d->out);
  fputs(d->n ? "\n]\n" : "[]\n", d->fp);
  int r = d->err || ferror(d->fp) ? -1 : 0;
  free(d);
  return r;
}
