/* pattern.h - PCRE2 patterns compiled once, JIT where available, with
 * match limits so that no pattern can hang a run. */
#ifndef LL_PATTERN_H
#define LL_PATTERN_H

#include <stddef.h>

struct ll_pattern;

/* Compile re (UTF, caseless when icase).  On failure return NULL and set
 * *err to PCRE2's message with the offset (caller frees). */
struct ll_pattern *ll_pattern_new(const char *re, int icase, char **err);
void ll_pattern_free(struct ll_pattern *p);

/* Find the first match in s[start..len).  Return 1 and the match span,
 * 0 for no match, -1 when a match or depth limit stopped the search. */
int ll_pattern_find(struct ll_pattern *p, const char *s, size_t len,
                    size_t start, size_t *ms, size_t *me);

struct ll_ctx;
/* A pattern compiled once per context and cached under the address of re
 * (a string literal).  A pattern that fails to compile aborts: built-in
 * patterns are tested. */
struct ll_pattern *ll_ctx_pattern(struct ll_ctx *ctx, const char *re,
                                  int icase);

#endif
