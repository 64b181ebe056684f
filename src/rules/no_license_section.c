/* no-license-section: an awesome list keeps its licence in a LICENSE
 * file (and the badge), not in a section of the readme. */
#include "common.h"

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  for (size_t i = 0; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (!s->level || s->level > 2)
      continue;
    const char *h = s->path[s->depth - 1];
    char low[32];
    size_t k = 0;
    for (; h[k] && k + 1 < sizeof low; k++)
      low[k] = (char)ll_tolower((unsigned char)h[k]);
    low[k] = '\0';
    if (strcmp(low, "license") == 0 || strcmp(low, "licence") == 0 ||
        strcmp(low, "licensing") == 0)
      ll_report(ctx, s->span,
                "a '%s' section: put the licence in a LICENSE file", h);
  }
}

const struct ll_rule_ops ll_rule_NO_LICENSE_SECTION = {.on_finish = finish};
