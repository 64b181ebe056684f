/* missing-description: in a list whose entries mostly carry descriptions,
 * one that does not.  A list that never describes its entries (a bare
 * link list) is its authors' choice, so nothing is reported there. */
#include "common.h"

#define MIN_SHARE 30 /* percent of entries of a style with a description */
#define MIN_ENTRIES 5 /* fewer entries show no habit */

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *req = ll_option(ctx, "require");
  int required = req && (strcmp(req, "true") == 0 || strcmp(req, "yes") == 0);
  size_t with[LL_STYLE__COUNT] = {0}, total[LL_STYLE__COUNT] = {0};
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    total[e->style]++;
    if (e->description)
      with[e->style]++;
  }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (e->description || e->style == LL_STYLE_NOTES)
      continue;
    if (!required && (total[e->style] < MIN_ENTRIES ||
                      with[e->style] * 100 < total[e->style] * MIN_SHARE))
      continue;
    if (e->name)
      ll_report(ctx, ll_name_or_entry(e),
                "entry '%s' has no description (%zu of %zu entries have one)",
                e->name, with[e->style], total[e->style]);
    else
      ll_report(ctx, ll_name_or_entry(e),
                "entry has no description (%zu of %zu entries have one)",
                with[e->style], total[e->style]);
  }
}

const struct ll_rule_ops ll_rule_MISSING_DESCRIPTION = {.on_finish = finish};
