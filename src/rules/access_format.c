/* access-format: an access note that says nothing recognisable about how
 * the resource can be had. */
#include "../pattern.h"
#include "common.h"

static const char vocabulary[] =
    "^[\\s(\\[`*_]*(?:"
    "(?:requires?|required|needs)\\b.*|registration.*|"
    "(?:free|paid|freemium|open|public|private|commercial|restricted|"
    "partial|limited|yes|no|none|unknown)\\b.*|"
    "open[ -]access.*|login.*|log in.*|sign[ -]?up.*|account.*|"
    "licen[cs]e.*|subscription.*|membership.*|on request.*|"
    /* a licence is an access condition: "MIT", "CC BY 4.0", "GPLv3" */
    "(?:mit|apache|[al]?gpl(?:v?\\d)?|bsd|mpl|epl|isc|cc0|cc[ -]by|"
    "creative commons|unlicen[cs]ed?|public domain|proprietary|"
    "copyleft|academic|research|non-?commercial|educational|personal)\\b.*|"
    "(?:upon|by) request.*|application.*|approval.*|"
    "api[ _-]?key.*|apikey|oauth.*|token.*|bearer.*|basic.*|"
    "x-[a-z-]+(?:-key)?|user-agent|email.*|cookie.*)[\\s)\\]`*_.]*$";

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *a = e->access;
  if (!a || !a[0])
    return;
  size_t s, t;
  const char *own = ll_option(ctx, "vocabulary");
  struct ll_pattern *p = ll_ctx_pattern(ctx, own ? own : vocabulary, 1);
  if (ll_pattern_find(p, a, strlen(a), 0, &s, &t) == 0)
    ll_report(ctx, e->access_span,
              "access note '%s' is not a recognised condition (e.g. "
              "'Requires registration', 'Free', 'Paid', 'API key')",
              a);
}

const struct ll_rule_ops ll_rule_ACCESS_FORMAT = {.on_entry = check};
