/* out.h - what the output formats share. */
#ifndef LL_OUT_H
#define LL_OUT_H

#include <jansson.h>

/* A JSON string from bytes that may not be UTF-8: each invalid byte
 * becomes U+FFFD, so jansson never refuses a value.  New reference. */
json_t *ll_json_str(const char *s);
/* The same for n bytes (not NUL-terminated). */
json_t *ll_json_strn(const char *s, size_t n);

/* Write o (reference taken) as element nth (0 first) of an array whose
 * elements stand indent spaces deep: the bytes json_dumpf with
 * JSON_INDENT(2) and flags gives for it inside the whole document, so
 * that a long array is written element by element, never built whole.
 * The caller writes the brackets ("[\n" + indent spaces before the
 * first, "\n" + the parent's indent + "]" after the last, "[]" when
 * there is none).  0, or -1 when o could not be encoded. */
int ll_json_write_elem(FILE *fp, json_t *o, size_t nth, int indent,
                       size_t flags);

/* A diagnostic's column in characters (code points, or UTF-16 code units
 * when u16), its byte column when it has none. */
static inline int ll_out_col(int chars, int bytes) {
  return chars > 0 ? chars : bytes;
}

#endif
