/* suppress.h - inline suppression comments. */
#ifndef LL_SUPPRESS_H
#define LL_SUPPRESS_H

#include "listlint.h"

/* Drop the findings in ctx->diags[from..] that a listlint-disable (or
 * awesome-lint "lint disable/ignore") comment of m covers; report the
 * comments that suppress nothing or name unknown rules. */
void ll_suppress_apply(struct ll_ctx *ctx, size_t from,
                       const struct ll_model *m);

#endif
