/* out.h - what the output formats share. */
#ifndef LL_OUT_H
#define LL_OUT_H

#include <jansson.h>

/* A JSON string from bytes that may not be UTF-8: each invalid byte
 * becomes U+FFFD, so jansson never refuses a value.  New reference. */
json_t *ll_json_str(const char *s);
/* The same for n bytes (not NUL-terminated). */
json_t *ll_json_strn(const char *s, size_t n);

/* A diagnostic's column in characters (code points, or UTF-16 code units
 * when u16), its byte column when it has none. */
static inline int ll_out_col(int chars, int bytes) {
  return chars > 0 ? chars : bytes;
}

#endif
