/* pages.c - make the audit's pages from a summary file, without a run:
 *
 *   audit-pages SUMMARY.json OUTDIR [SOURCEDIR]
 *
 * A list's bytes for its source view are read from SOURCEDIR/<slug>.md
 * (SOURCEDIR defaults to the summary's directory); a list without such a
 * file gets no source view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "audit/audit.h"

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  struct ll_buf b;
  ll_buf_init(&b, 0);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    ll_buf_add(&b, chunk, n);
  fclose(f);
  *len = b.len;
  return ll_buf_detach(&b);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: audit-pages SUMMARY.json OUTDIR [SOURCEDIR]\n");
    return 2;
  }
  json_error_t jerr;
  json_t *summary = json_load_file(argv[1], 0, &jerr);
  if (!summary) {
    fprintf(stderr, "audit-pages: %s:%d: %s\n", argv[1], jerr.line, jerr.text);
    return 2;
  }
  char *srcdir;
  if (argc == 4)
    srcdir = ll_xstrdup(argv[3]);
  else {
    const char *slash = strrchr(argv[1], '/');
    srcdir = slash ? ll_xstrndup(argv[1], (size_t)(slash - argv[1]))
                   : ll_xstrdup(".");
  }
  const json_t *lists = json_object_get(summary, "lists");
  size_t n = json_array_size(lists);
  struct ll_audit_source *v = ll_xcalloc(n ? n : 1, sizeof *v);
  char **owned = ll_xcalloc(n ? n : 1, sizeof *owned);
  for (size_t i = 0; i < n; i++) {
    const char *slug =
        json_string_value(json_object_get(json_array_get(lists, i), "slug"));
    if (!slug || strchr(slug, '/'))
      continue;
    char *path = ll_strfmt("%s/%s.md", srcdir, slug);
    owned[i] = slurp(path, &v[i].len);
    v[i].data = owned[i];
    free(path);
  }
  struct ll_audit_sources src = {v, n};
  char *err = NULL;
  int rc = ll_audit_write_pages(summary, argv[2], &src, &err);
  if (rc < 0) {
    fprintf(stderr, "audit-pages: %s\n", err);
    free(err);
  }
  for (size_t i = 0; i < n; i++)
    free(owned[i]);
  free(owned);
  free(v);
  free(srcdir);
  json_decref(summary);
  return rc < 0 ? 1 : 0;
}
