/* sorted-entries (opt-in): within one list, entries in alphabetical order
 * of their names, case folded and accents ignored (É sorts with E).  A
 * list is a run of link-list entries of one section at one indentation. */
#include "common.h"
#include "unicode.h"

static int indent(const struct ll_source *src, const struct ll_entry *e) {
  int line, col;
  ll_source_linecol(src, e->marker_span.start, &line, &col);
  return col;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *order = ll_option(ctx, "order");
  int fold = !order || strcmp(order, "alpha-case") != 0;
  const struct ll_entry *prev = NULL;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!(e->flags & LL_ENTRY_ITEM) || !e->name || !e->marker) {
      prev = NULL;
      continue;
    }
    if (prev && prev->section == e->section &&
        indent(ctx->src, prev) == indent(ctx->src, e) &&
        e->line == prev->end_line + 1) {
      int c = ll_u8_compare(prev->name, e->name,
                            LL_U8_FOLD_MARKS | (fold ? LL_U8_FOLD_CASE : 0));
      if (c > 0)
        ll_report(ctx, ll_name_or_entry(e),
                  "'%s' is out of order: it sorts before '%s' (line %d)",
                  e->name, prev->name, prev->line);
    }
    prev = e;
  }
}

const struct ll_rule_ops ll_rule_SORTED_ENTRIES = {.on_finish = finish};
