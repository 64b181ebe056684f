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
};

struct ll_dump *ll_dump_new(FILE *fp) {
  struct ll_dump *d = ll_xcalloc(1, sizeof *d);
  d->fp = fp;
  return d;
}

static json_t *str_or_null(const char *s) {
  return s ? ll_json_str(s) : json_null();
}

static json_t *dump_entry(const struct ll_source *src, const struct ll_model *m,
                          const struct ll_entry *e) {
  json_t *links = json_array();
  for (size_t k = 0; k < e->nlinks; k++) {
    const struct ll_link *l = e->links[k];
    int line, col;
    ll_source_linecol(src, l->url_span.start, &line, &col);
    json_array_append_new(links,
                          json_pack("{s:o, s:o, s:b, s:b, s:i, s:i}", "url",
                                    ll_json_str(l->url), "label",
                                    str_or_null(l->label), "primary", k == 0,
                                    "shared", (l->flags & LL_LINK_SHARED) != 0,
                                    "line", line, "column", col));
  }
  json_t *section = json_array();
  const struct ll_section *s = &m->sections[e->section];
  for (size_t k = 0; k < s->depth; k++)
    json_array_append_new(section, ll_json_str(s->path[k]));
  json_t *o =
      json_pack("{s:o, s:i, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "file",
                ll_json_str(src->name), "line", e->line, "end_line",
                e->end_line, "style", ll_style_name(e->style), "name",
                str_or_null(e->name), "links", links, "description",
                str_or_null(e->description), "access", str_or_null(e->access),
                "separator", str_or_null(e->separator), "section", section);
  if (e->flags & LL_ENTRY_MIRROR)
    json_object_set_new(o, "mirror", json_true());
  return o;
}

static void dump_one(struct ll_dump *d, json_t *o) {
  if (!d->n)
    fputs("[\n  ", d->fp);
  if (ll_json_write_elem(d->fp, o, d->n++, 2, JSON_ENSURE_ASCII) < 0)
    d->err = 1;
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
    dump_one(d, dump_entry(src, m, e));
  }
}

int ll_dump_write(struct ll_dump *d) {
  fputs(d->n ? "\n]\n" : "[]\n", d->fp);
  int r = d->err || ferror(d->fp) ? -1 : 0;
  free(d);
  return r;
}
