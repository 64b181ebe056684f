/* balanced-punctuation: every ( [ {, curly quote and CJK bracket opened
 * in a description is closed, and straight double quotes pair up. */
#include "common.h"

/* The straight double quotes inside code spans of the description's
 * source ("Escapes `\"` in strings"): code, not quotation marks. */
static int quotes_in_code(const struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = ctx->src->data;
  size_t end =
      e->desc_span.end < ctx->src->len ? e->desc_span.end : ctx->src->len;
  int n = 0, in = 0;
  for (size_t i = e->desc_span.start; i < end; i++) {
    if (d[i] == '`')
      in = !in;
    else if (in && d[i] == '"')
      n++;
  }
  return in ? 0 : n; /* an unclosed backtick opens no code */
}

/* Could the '"' at p in d be an inch mark ('a 27" monitor', '1.5"'):
 * after a number that stands as a word, before a space or the end? */
static int is_inch(const char *d, const char *p) {
  const char *q = p;
  while (q > d && (ll_isdigit((unsigned char)q[-1]) || q[-1] == '.'))
    q--;
  return q < p && ll_isdigit((unsigned char)p[-1]) &&
         (q == d || ll_isspace((unsigned char)q[-1])) &&
         (!p[1] || ll_isspace((unsigned char)p[1]) || p[1] == ',' ||
          p[1] == '.' || p[1] == ')');
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = e->description;
  if (!d)
    return;
  /* CJK brackets, each pair a counter: 『』 （） 《》 「」 【】 */
  static const char *const cjk[][2] = {{"\xE3\x80\x8E", "\xE3\x80\x8F"},
                                       {"\xEF\xBC\x88", "\xEF\xBC\x89"},
                                       {"\xE3\x80\x8A", "\xE3\x80\x8B"},
                                       {"\xE3\x80\x8C", "\xE3\x80\x8D"},
                                       {"\xE3\x80\x90", "\xE3\x80\x91"}};
  int wide[5] = {0};
  int paren = 0, bracket = 0, brace = 0, quote = 0, single = 0, bad = 0;
  int straight = 0, inches = 0;
  for (const char *p = d; *p; p++) {
    if ((unsigned char)*p >= 0xE3 && (unsigned char)*p <= 0xEF)
      for (int k = 0; k < 5; k++) {
        if (strncmp(p, cjk[k][0], 3) == 0)
          wide[k]++;
        else if (strncmp(p, cjk[k][1], 3) == 0)
          bad |= --wide[k] < 0;
      }
    switch (*p) {
    case '"':
      straight ^= 1;
      inches += is_inch(d, p);
      break;
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
  for (int k = 0; k < 5; k++)
    bad |= wide[k] != 0;
  /* an odd quote may be code's, or an inch mark's */
  if (straight && ((quotes_in_code(ctx, e) & 1) || inches))
    straight = 0;
  if (bad || paren || bracket || brace || quote || single || straight)
    ll_report(ctx, e->desc_span,
              "unbalanced punctuation in the description: close what is "
              "opened");
}

const struct ll_rule_ops ll_rule_BALANCED_PUNCTUATION = {.on_entry = check};
