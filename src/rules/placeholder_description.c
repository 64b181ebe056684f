/* placeholder-description: a separator with nothing after it, or a
 * description that is a placeholder. */
#include "../pattern.h"
#include "common.h"

static const char placeholder[] =
    "^(?:todo|tbd|tba|fixme|xxx|wip|description|desc|n/?a|none|null|"
    "placeholder|coming soon|lorem ipsum.*|-+|\\.+|\xE2\x80\xA6|\\?+)"
    "\\s*[.!]?$";

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = e->description;
  if (!d)
    return;
  if (!d[0]) {
    ll_report(ctx, e->sep_span.end > e->sep_span.start ? e->sep_span : e->span,
              "separator '%s' is followed by no description",
              e->separator ? e->separator : "");
    return;
  }
  size_t s, t, n = strlen(d);
  /* Every placeholder is short, but for lorem ipsum. */
  if (n > 16 && strncmp(d, "Lorem", 5) != 0 && strncmp(d, "lorem", 5) != 0)
    return;
  if (ll_pattern_find(ll_ctx_pattern(ctx, placeholder, 1), d, n, 0, &s, &t) ==
      1)
    ll_report(ctx, e->desc_span, "description '%s' is a placeholder", d);
}

const struct ll_rule_ops ll_rule_PLACEHOLDER_DESCRIPTION = {.on_entry = check};
