/* pattern.c - PCRE2 compile, JIT and bounded matching. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>

#include "listlint.h"
#include "pattern.h"

#define LL_MATCH_LIMIT 1000000
#define LL_DEPTH_LIMIT 10000

struct ll_pattern {
  pcre2_code *code;
  pcre2_match_data *md;
  pcre2_match_context *mctx;
};

struct ll_pattern *ll_pattern_new(const char *re, int icase, char **err) {
  int ec;
  PCRE2_SIZE eo;
  uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
  if (icase)
    opts |= PCRE2_CASELESS;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts,
                                   &ec, &eo, NULL);
  if (!code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(ec, msg, sizeof msg);
    *err = ll_strfmt("%s at offset %zu", (const char *)msg, (size_t)eo);
    return NULL;
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* optional: falls back */
  struct ll_pattern *p = ll_xcalloc(1, sizeof *p);
  p->code = code;
  p->md = pcre2_match_data_create_from_pattern(code, NULL);
  p->mctx = pcre2_match_context_create(NULL);
  if (!p->md || !p->mctx)
    ll_oom();
  pcre2_set_match_limit(p->mctx, LL_MATCH_LIMIT);
  pcre2_set_depth_limit(p->mctx, LL_DEPTH_LIMIT);
  return p;
}

void ll_pattern_free(struct ll_pattern *p) {
  if (!p)
    return;
  pcre2_match_data_free(p->md);
  pcre2_match_context_free(p->mctx);
  pcre2_code_free(p->code);
  free(p);
}

int ll_pattern_find(struct ll_pattern *p, const char *s, size_t len,
                    size_t start, size_t *ms, size_t *me) {
  int rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, start, 0, p->md, p->mctx);
  if (rc == PCRE2_ERROR_NOMATCH)
    return 0;
  if (rc < 0)
    return -1;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
  *ms = ov[0];
  *me = ov[1];
  return 1;
}
