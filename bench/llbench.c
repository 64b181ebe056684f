/* llbench.c - time cmark-gfm parsing alone against a full lint of the
 * same bytes, in one process, and report the peak resident memory.
 *
 *   llbench load|cmark|parse|lint FILE [ITERATIONS]
 *
 * cmark: cmark-gfm's own parse (default allocator); parse: the same
 * through listlint's region allocator (ll_doc_parse); lint: ll_lint.
 *
 * Prints the median and minimum wall time of ITERATIONS runs (default 9)
 * and ru_maxrss; run each mode in its own process to compare memory. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "internal.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: llbench parse|lint FILE [ITERATIONS]\n", stderr);
    return 2;
  }
  int lint = strcmp(argv[1], "lint") == 0;
  /* Keep freed memory between iterations in both modes, so that the
   * medians compare work, not the kernel's first-touch page faults
   * (the first, cold run is reported on its own). */
  int iters = argc > 3 ? atoi(argv[3]) : 9;
  if (iters < 1 || iters > 1000)
    iters = 9;
  if (iters > 1) { /* one run: a process as its users run it */
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
  }
  char *err = NULL;
  struct ll_source *src = ll_source_load(argv[2], NULL, (size_t)1 << 30, &err);
  if (!src) {
    fprintf(stderr, "llbench: %s\n", err);
    return 2;
  }
  double *t = ll_xcalloc((size_t)iters, sizeof *t);
  size_t findings = 0, entries = 0;
  for (int i = 0; i < iters; i++) {
    double t0 = now_ms();
    if (strcmp(argv[1], "load") == 0) {
      /* nothing: the baseline of process start and file loading */
    } else if (lint) {
      struct ll_ctx *ctx = ll_ctx_new();
      struct ll_model *m = NULL;
      if (ll_lint(ctx, src, &m, &err) < 0)
        return 3;
      findings = ctx->diags.n;
      entries = m->nentries;
      ll_model_free(m);
      ll_ctx_free(ctx);
    } else if (strcmp(argv[1], "cmark") == 0) {
      /* cmark-gfm as its users call it: default allocator, the same
       * extensions and options as listlint, the tree freed */
      cmark_gfm_core_extensions_ensure_registered();
      cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
      static const char *const exts[] = {"table", "autolink"};
      for (int k = 0; k < 2; k++)
        cmark_parser_attach_syntax_extension(
            p, cmark_find_syntax_extension(exts[k]));
      cmark_parser_feed(p, src->data, src->len);
      cmark_node *doc = cmark_parser_finish(p);
      cmark_parser_free(p);
      cmark_node_free(doc);
    } else {
      struct ll_docmem *mem = NULL;
      cmark_node *doc = ll_doc_parse(src->data, src->len, &mem);
      (void)doc;
      ll_doc_free(mem);
    }
    t[i] = now_ms() - t0;
  }
  double cold = t[0];
  qsort(t, (size_t)iters, sizeof *t, cmp_double);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("%s %s bytes=%zu median_ms=%.2f min_ms=%.2f cold_ms=%.2f "
         "maxrss_kb=%ld",
         argv[1], src->name, src->len, t[iters / 2], t[0], cold, ru.ru_maxrss);
  if (lint)
    printf(" entries=%zu findings=%zu", entries, findings);
  putchar('\n');
  free(t);
  ll_source_free(src);
  return 0;
}
