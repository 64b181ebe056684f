/* missing-link: an entry names a resource but gives no link to it. */
#include <strings.h>

#include "common.h"

/* Does a comma-separated list hold label (case folded)? */
static int listed(const char *list, const char *label) {
  size_t n = strlen(label);
  for (const char *p = list; *p;) {
    while (*p == ' ' || *p == ',')
      p++;
    size_t len = strcspn(p, ",");
    while (len && p[len - 1] == ' ')
      len--;
    if (len == n && strncasecmp(p, label, n) == 0)
      return 1;
    p += len;
    while (*p && *p != ',')
      p++;
  }
  return 0;
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *labels = ll_option(ctx, "labels");
  if (labels && e->nlinks && (e->flags & LL_ENTRY_LABELLED)) {
    for (size_t i = 0; i < e->nlinks; i++)
      if (e->links[i]->label && listed(labels, e->links[i]->label))
        return;
    ll_report(ctx, ll_name_or_entry(e),
              "entry '%s' has no link labelled one of: %s",
              e->name ? e->name : "", labels);
    return;
  }
  if (e->nlinks)
    return;
  if (e->name && e->marker) /* a list item: "- [Name]() - ..." */
    ll_report(ctx, ll_name_or_entry(e),
              "entry '%s' has no link: give it its URL ('[%s](https://...)')",
              e->name, e->name);
  else if (e->name)
    ll_report(ctx, ll_name_or_entry(e),
              "entry '%s' has no link: add one (e.g. 'Access: URL')", e->name);
  else
    ll_report(ctx, e->span, "entry has no link");
}

const struct ll_rule_ops ll_rule_MISSING_LINK = {.on_entry = check};
