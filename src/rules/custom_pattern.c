/* custom-pattern: the configuration's [pattern "id"] rules, each a PCRE2
 * pattern matched against one field of every entry (or every line).  A
 * pattern that hits PCRE2's match limit is reported, never left to hang. */
#include <stdlib.h>

#include "../config.h"
#include "../pattern.h"
#include "common.h"

static int in_section(struct ll_ctx *ctx, const struct ll_custom_rule *r,
                      const struct ll_entry *e) {
  if (!r->section_re)
    return 1;
  char *path = ll_section_path(ctx->model, e->section);
  size_t ms, me;
  int m = ll_pattern_find(r->section_re, path, strlen(path), 0, &ms, &me);
  free(path);
  return m == 1;
}

static void match(struct ll_ctx *ctx, const struct ll_custom_rule *r,
                  const char *text, struct ll_span span) {
  size_t ms, me;
  int m = ll_pattern_find(r->pattern, text, strlen(text), 0, &ms, &me);
  if (m == 1)
    ll_report_as(ctx, r->severity, r->id, span, "%s",
                 r->message ? r->message : r->pattern_src);
  else if (m < 0)
    ll_report_as(ctx, r->severity, r->id, span,
                 "pattern '%s' stopped at PCRE2's match limit on this text: "
                 "simplify it",
                 r->id);
}

static void entry(struct ll_ctx *ctx, const struct ll_entry *e) {
  const struct ll_config *c = ctx->cfg;
  for (size_t i = 0; c && i < c->ncustom; i++) {
    const struct ll_custom_rule *r = &c->custom[i];
    if (r->field == LL_FIELD_LINE || !in_section(ctx, r, e))
      continue;
    if (r->field == LL_FIELD_URL) {
      for (size_t k = 0; k < e->nlinks; k++)
        match(ctx, r, e->links[k]->url, e->links[k]->url_span);
    } else if (r->field == LL_FIELD_NAME && e->name) {
      match(ctx, r, e->name, e->name_span);
    } else if (r->field == LL_FIELD_DESCRIPTION && e->description) {
      match(ctx, r, e->description, e->desc_span);
    } else if (r->field == LL_FIELD_ACCESS && e->access) {
      match(ctx, r, e->access, e->access_span);
    }
  }
}

static void source(struct ll_ctx *ctx, const struct ll_source *src) {
  const struct ll_config *c = ctx->cfg;
  for (size_t i = 0; c && i < c->ncustom; i++) {
    const struct ll_custom_rule *r = &c->custom[i];
    if (r->field != LL_FIELD_LINE)
      continue;
    for (size_t l = 1; l <= src->nlines; l++) {
      size_t len;
      const char *p = ll_source_line(src, (int)l, &len);
      size_t ms, me;
      int m = ll_pattern_find(r->pattern, p, len, 0, &ms, &me);
      size_t off = (size_t)(p - src->data);
      if (m == 1) {
        struct ll_span s = {off + ms, off + (me > ms ? me : ms + 1)};
        ll_report_as(ctx, r->severity, r->id, s, "%s",
                     r->message ? r->message : r->pattern_src);
      } else if (m < 0) {
        struct ll_span s = {off, off + len};
        ll_report_as(ctx, r->severity, r->id, s,
                     "pattern '%s' stopped at PCRE2's match limit on this "
                     "line: simplify it",
                     r->id);
      }
    }
  }
}

const struct ll_rule_ops ll_rule_CUSTOM_PATTERN = {.on_entry = entry,
                                                   .on_source = source};
