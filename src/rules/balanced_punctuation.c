/* balanced-punctuation: every ( [ { and curly quote opened in a
 * description is closed. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = e->description;
  if (!d)
    return;
  int paren = 0, bracket = 0, brace = 0, quote = 0, single = 0, bad = 0;
  for (const char *p = d; *p; p++) {
    switch (*p) {
    case '(':
      paren++;
      break;
    case ')':
      bad |= --paren < 0;
      break;
    case '[':
      bracket++;
      break;
    case ']':
      bad |= --bracket < 0;
      break;
    case '{':
      brace++;
      break;
    case '}':
      bad |= --brace < 0;
      break;
    default:
      if (strncmp(p, "\xE2\x80\x9C", 3) == 0)
        quote++;
      else if (strncmp(p, "\xE2\x80\x9D", 3) == 0)
        bad |= --quote < 0;
      else if (strncmp(p, "\xE2\x80\x98", 3) == 0) /* ‘ */
        single++;
      else if (strncmp(p, "\xE2\x80\x99", 3) == 0 && single) /* ’ */
        single--; /* a lone ’ is an apostrophe, not a closing quote */
    }
  }
  if (bad || paren || bracket || brace || quote || single)
    ll_report(ctx, e->desc_span,
              "unbalanced punctuation in the description: close what is "
              "opened");
}

const struct ll_rule_ops ll_rule_BALANCED_PUNCTUATION = {.on_entry = check};
