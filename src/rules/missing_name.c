/* missing-name: an entry has a link but nothing that names it. */
#include "common.h"

/* Notes written as "https://x", perhaps with a line or a parenthesis
 * about it, with no names: when most notes of the list are so, that is
 * its convention (a notes file of URLs), and no note is held to a name. */
#define NAMELESS_MIN 10
#define NAMELESS_PCT 60

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t notes = 0, nameless = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!(e->flags & LL_ENTRY_NOTE))
      continue;
    notes++;
    nameless += !e->name;
  }
  int convention =
      notes >= NAMELESS_MIN && nameless * 100 >= notes * NAMELESS_PCT;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    const struct ll_link *l = ll_primary(e);
    if (e->name || !l)
      continue;
    /* A list item that is only a bare URL is bare-url's finding. */
    if ((e->flags & LL_ENTRY_ITEM) && (l->flags & LL_LINK_AUTOLINK))
      continue;
    if (e->flags & LL_ENTRY_ITEM)
      ll_report(ctx, l->span, "link text is empty: give the entry a name");
    else if (!((e->flags & LL_ENTRY_NOTE) && convention))
      ll_report(ctx, l->span,
                "'%s' has no name: write 'Name: URL (description)'", l->url);
  }
}

const struct ll_rule_ops ll_rule_MISSING_NAME = {.on_finish = finish};
