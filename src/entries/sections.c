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
  if (nested)
    return 0;
  for (int k = 0; toc[k]; k++)
    if (strstr(low, toc[k]))
      return 1;
  const char *p = low;
  while (*p && !ll_isalnum((unsigned char)*p))
    p++;
  return strcmp(p, "toc") == 0 || strcmp(p, "index") == 0;
}

void ll_section_new(struct builder *b, int line) {
  struct ll_model *m = b->m;
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
  for (size_t i = 0; i < b->nheads; i++) {
    size_t ms, me;
    if ((b->head_level[i] > 1 &&
         skipped_heading(b->heads[i], i + 1 < b->nheads)) ||
        (b->skip && ll_pattern_find(b->skip, b->heads[i], strlen(b->heads[i]),
                                    0, &ms, &me) == 1))
      s->skipped = 1;
  }
  b->skipping = s->skipped;
}

void ll_section_heading(struct builder *b, cmark_node *h) {
  b->paper = NULL;
  ll_block_close_group(b);
  int level = cmark_node_get_heading_level(h);
  while (b->nheads && b->head_level[b->nheads - 1] >= level)
    b->nheads--;
  const char *t = ll_build_plain(b, h);
  b->heads[b->nheads] = ll_build_trimmed(b, t, strlen(t));
  b->head_level[b->nheads] = level;
  b->nheads++;
  ll_section_new(b, b->line0 + cmark_node_get_start_line(h));
  struct ll_section *s = &b->m->sections[b->m->nsections - 1];
  s->level = level;
  s->span = ll_doc_block_span(&b->view, h);
}
