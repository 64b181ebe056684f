/* fix.h - fixes: the rules' byte-range edits applied to a source, the
 * fix-and-lint-again loop, the atomic write and the unified diff. */
#ifndef LL_FIX_H
#define LL_FIX_H

#include "listlint.h"

/* Passes of fix and lint again before the loop gives up.  Test-only:
 * LL_TEST_FIX_PASSES in the environment (1 to 9) stops it sooner, so
 * that a test can check each pass's edits against the findings. */
#define LL_FIX_PASSES 10

/* Apply the fixes of the findings d->v[from..to) to the len bytes of
 * data; the result replaces out's contents.  Edits are taken in order of
 * their start (then end, rule and text); an edit that overlaps one
 * already taken, or starts where it starts, waits for the next pass
 * (*waiting counts them; may be NULL); an edit equal to one taken is
 * the same edit.  Every byte outside the taken edits is copied as it is.
 * Return how many edits were taken. */
size_t ll_fix_apply(const char *data, size_t len, const struct ll_diags *d,
                    size_t from, size_t to, struct ll_buf *out,
                    size_t *waiting);
/* The same, marking in taken[i - from] (to - from bytes) whether the fix
 * of d->v[i] was applied (an edit equal to one taken counts as taken). */
size_t ll_fix_apply_marked(const char *data, size_t len,
                           const struct ll_diags *d, size_t from, size_t to,
                           struct ll_buf *out, size_t *waiting, char *taken);

/* Give the finding g of ctx's current source a fix, as ll_fix does for
 * the finding just reported (for a fix learned later: the link phase's
 * https upgrade of an insecure-http finding). */
void ll_fix_diag(struct ll_ctx *ctx, struct ll_diag *g, struct ll_span span,
                 const char *text, size_t len);

/* Lint *srcp into ctx and apply its fixes, lint the result and fix
 * again, until no fix applies or LL_FIX_PASSES passes.  The findings of
 * the last lint (of the text as it ends) stay in ctx->diags, those of the
 * passes before are dropped; with model_out the last lint's model is
 * handed over (caller frees).  *srcp becomes the source of the fixed text
 * (a new one, the caller's to free, when anything changed; the original
 * is still the caller's); *nfixed counts the edits applied.  Return 0,
 * or -1 on an internal error with *err set (caller frees; *srcp is then
 * the original). */
int ll_fix_lint(struct ll_ctx *ctx, struct ll_source **srcp,
                struct ll_model **model_out, size_t *nfixed, char **err);

/* The same with a context of proto's severities and configuration
 * (proto's findings are not touched): the fixed bytes replace out's
 * contents. */
int ll_fix_source(const struct ll_ctx *proto, const struct ll_source *src,
                  struct ll_buf *out, size_t *nfixed, char **err);

enum ll_fix_write_status {
  LL_FW_OK = 0,
  LL_FW_CHANGED = 1,  /* the file no longer holds orig: left alone */
  LL_FW_READONLY = 2, /* the file is not writable: left alone */
  LL_FW_ERROR = -1    /* *err says why; the file is intact */
};

/* Replace the file at path (a symbolic link's target), which held the
 * olen bytes of orig when it was read, with the len bytes of data,
 * atomically: a temporary file in the same directory with the file's
 * mode, written, fsync'd and renamed over it.  *err (caller frees) is
 * set for LL_FW_ERROR.
 *
 * Test-only: with LL_TEST_KILL_BEFORE_RENAME set in the environment the
 * process kills itself (SIGKILL) after writing the temporary file and
 * before the rename, so that a test can see the original survive. */
enum ll_fix_write_status ll_fix_write(const char *path, const char *orig,
                                      size_t olen, const char *data, size_t len,
                                      char **err);

/* Print a unified diff (3 lines of context) from a to b, labelled
 * a/NAME and b/NAME (a leading "./" dropped), as `patch -p1` applies it;
 * nothing when they are equal. */
void ll_fix_diff(FILE *fp, const char *name, const char *a, size_t alen,
                 const char *b, size_t blen);

#endif
