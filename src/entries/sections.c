/* sections.c - headings make sections; some sections hold no entries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* ------------------------------------------------------------------ */
/* Sections                                                            */
/* ------------------------------------------------------------------ */

/* Sections that hold no entries.  A table of contents holds none, but
 * the headings nested under "## Contents" are the list's own sections;
 * under "## Contributing" or "## License" nothing is an entry. */
static int skipped_heading(const char *h, int nested) {
  static const char *const contains[] = {
      "contribut", "license",
      "licence",   "code of conduct",
      "footnote",  "sponsor",
      "backers",   "acknowledg",
      "credits",   "\xE8\xB4\xA1\xE7\x8C\xAE", /* 贡献 */
      NULL};
  static const char *const toc[] = {"contents", "\xE7\x9B\xAE\xE5\xBD\x95",
                                    /* 目录 */ NULL};
  char low[128];
  size_t j = 0;
  for (size_t i = 0; h[i] && j + 1 < sizeof low; i++)
    low[j++] = (char)ll_tolower((unsigned char)h[i]);
  low[j] = '\0';
  for (int k = 0; contains[k]; k++)
    if (strstr(low, contains[k]))
      return 1;
  /* How to install or use what the list names: under "## Installation"
   * the headings are the list's tools again ("### [Antigen](u)", then
   * how to add a plugin with it), not entries.  Only the heading's
   * words alone: "Installation tools" may be a category. */
  static const char *const meta[] = {"installation", "usage", "how to use",
                                     NULL};
  for (int k = 0; meta[k]; k++)
    if (strcmp(low, meta[k]) == 0)
      return 1;
  if (nested)
    return 0;
  for (int k = 0; toc[k]; k++)
    if (strstr(low, toc[k]))
      return 1;
  /* the heading's words alone: "Content", "To Do", "TOC", "Index" */
  char words[128];
  size_t w = 0;
  for (const char *p = low; *p && w + 1 < sizeof words; p++)
    if (ll_isalnum((unsigned char)*p) ||
        (*p == ' ' && w && words[w - 1] != ' '))
      words[w++] = *p;
  while (w && words[w - 1] == ' ')
    w--;
  words[w] = '\0';
  static const char *const alone[] = {
      "toc", "index", "content", "to do", "todo", "table of content", NULL};
  for (int k = 0; alone[k]; k++)
    if (strcmp(words, alone[k]) == 0)
      return 1;
  return 0;
}

void ll_section_new(struct builder *b, int line) {
  struct ll_model *m = b->m;
  if (m->nsections)
    ll_mirror_section_end(b); /* the section before is complete */
  m->sections =
      ll_grow(m->sections, &m->sections_cap, m->nsections, sizeof *m->sections);
  struct ll_section *s = &m->sections[m->nsections++];
  s->depth = b->nheads;
  s->path = ll_arena_alloc(&m->arena, (b->nheads + 1) * sizeof *s->path);
  memcpy(s->path, b->heads, b->nheads * sizeof *s->path);
  s->line = line;
  s->level = 0;
  s->span.start = s->span.end = 0;
  s->skipped = 0;
  s->mirror_line = 0;
  for (size_t i = 0; i < b->nheads; i++) {
    size_t ms, me;
    if ((b->head_level[i] > 1 &&
         skipped_heading(b->heads[i], i + 1 < b->nheads)) ||
        (b->skip && ll_pattern_find(b->skip, b->heads[i], strlen(b->heads[i]),
                                    0, &ms, &me) == 1))
      s->skipped = 1;
  }
  b->skipping = s->skipped;
  b->gen_first = m->nentries;
}

/* A heading of level with text t (n bytes) at span opens a section. */
static void open_section(struct builder *b, int level, const char *t, size_t n,
                         struct ll_span span) {
  ll_heading_close(b, level);
  b->paper = NULL;
  ll_block_close_group(b);
  while (b->nheads && b->head_level[b->nheads - 1] >= level)
    b->nheads--;
  b->heads[b->nheads] = ll_build_trimmed(b, t, n);
  b->head_level[b->nheads] = level;
  b->nheads++;
  int line, col;
  ll_source_linecol(b->src, span.start, &line, &col);
  ll_section_new(b, line);
  struct ll_section *s = &b->m->sections[b->m->nsections - 1];
  s->level = level;
  s->span = span;
}

void ll_section_heading(struct builder *b, cmark_node *h) {
  const char *t = ll_build_plain(b, h);
  open_section(b, cmark_node_get_heading_level(h), t, strlen(t),
               ll_doc_block_span(&b->view, h));
  for (cmark_node *c = cmark_node_first_child(h); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_LINK) {
      if (ll_is_entry_link(ll_link_of(c)))
        b->head_link = ll_link_of(c);
      break;
    }
}

/* An HTML block that is only a heading ("<h2>C</h2>", perhaps after an
 * "<a name=...></a>" anchor) opens a section as "## C" does. */
static int html_heading(cmark_node *n, int *levelp, const char **textp,
                        size_t *tlen) {
  size_t len;
  const char *lit = cmark_node_get_literal(n);
  if (!lit)
    return 0;
  len = strlen(lit);
  const char *p = lit, *end = lit + len;
  for (;;) {
    while (p < end && ll_isspace((unsigned char)*p))
      p++;
    if (end - p >= 2 && p[0] == '<' &&
        (p[1] == 'a' || p[1] == 'A' ||
         (p[1] == '/' && end - p >= 3 && (p[2] == 'a' || p[2] == 'A')))) {
      const char *gt = memchr(p, '>', (size_t)(end - p));
      if (!gt)
        return 0;
      p = gt + 1;
      continue;
    }
    break;
  }
  if (end - p < 4 || p[0] != '<' || (p[1] != 'h' && p[1] != 'H') ||
      p[2] < '1' || p[2] > '6')
    return 0;
  int level = p[2] - '0';
  const char *gt = memchr(p, '>', (size_t)(end - p));
  if (!gt)
    return 0;
  const char *text = gt + 1;
  char close[5] = {'<', '/', (char)p[1], (char)p[2], '\0'};
  const char *c = ll_find_mem(text, (size_t)(end - text), close, 4);
  if (!c) {
    close[2] = p[1] == 'h' ? 'H' : 'h';
    c = ll_find_mem(text, (size_t)(end - text), close, 4);
  }
  if (!c)
    return 0;
  const char *after = memchr(c, '>', (size_t)(end - c));
  if (!after)
    return 0;
  for (const char *q = after + 1; q < end; q++)
    if (!ll_isspace((unsigned char)*q))
      return 0; /* more than a heading */
  *levelp = level;
  *textp = text;
  *tlen = (size_t)(c - text);
  return 1;
}

int ll_is_html_heading(cmark_node *n) {
  int level;
  const char *text;
  size_t len;
  return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
         html_heading(n, &level, &text, &len);
}

int ll_section_html(struct builder *b, cmark_node *n) {
  int level;
  const char *text;
  size_t len;
  if (!html_heading(n, &level, &text, &len))
    return 0;
  b->tmp.len = 0;
  ll_buf_add(&b->tmp, "", 0);
  ll_html_text(&b->tmp, text, len);
  char *t = ll_xstrndup(b->tmp.data, b->tmp.len);
  open_section(b, level, t, strlen(t), ll_html_block_bytes(b, n));
  free(t);
  return 1;
}
