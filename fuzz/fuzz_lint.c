/* fuzz_lint.c - the whole offline pipeline on one input: parse, entries,
 * every rule, suppressions, and every output format (text with source
 * lines and colour, JSON, SARIF, GitHub, the entries dump). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!sink)
    sink = fopen("/dev/null", "w");
  struct ll_source *src =
      ll_source_from_mem("fuzz.md", (const char *)data, size);
  if (src->has_nul) { /* the CLI refuses such a file as binary */
    ll_source_free(src);
    return 0;
  }
  /* an odd first byte reads the list a piece at a time, as a long one is */
  size_t saved = ll_piece_min;
  if (size && (data[0] & 1))
    ll_piece_min = 256;
  struct ll_ctx *ctx = ll_ctx_new();
  for (int r = 0; r < LL_R__COUNT; r++)
    if (!(ll_rules[r].flags & LL_RF_NETWORK))
      ctx->severity[r] = LL_SEV_WARNING;
  struct ll_model *m = NULL;
  char *err = NULL;
  if (ll_lint(ctx, src, &m, &err) == 0) {
    struct ll_out_opts o = {.color = 1, .show_source = 1, .width = 40};
    ll_out_text(sink, &ctx->diags, 0, src, &o);
    o.width = 0;
    o.color = 0;
    ll_out_text(sink, &ctx->diags, 0, src, &o);
    ll_out_text_summary(sink, &ctx->diags, 1, &o);
    ll_out_json(sink, &ctx->diags);
    ll_out_sarif(sink, &ctx->diags);
    ll_out_github(sink, &ctx->diags);
    struct ll_dump *dump = ll_dump_new(sink);
    ll_dump_add(dump, src, m);
    ll_dump_write(dump);
  }
  free(err);
  ll_model_free(m);
  ll_ctx_free(ctx);
  ll_source_free(src);
  ll_piece_min = saved;
  return 0;
}
