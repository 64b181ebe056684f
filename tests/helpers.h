/* helpers.h - what the Criterion suites share: lint a string, list the
 * positions of a rule's findings, read fixtures, run the CLI. */
#ifndef LL_TEST_HELPERS_H
#define LL_TEST_HELPERS_H

#include <stddef.h>

#include "listlint.h"

/* The project's root (LL_ROOT, else "."), and the binary under test. */
const char *th_root(void);
const char *th_bin(void);

/* Read a file relative to the root; NULL when missing.  Caller frees. */
char *th_read(const char *rel, size_t *len);

/* Read a file by absolute path; NULL when missing.  Caller frees. */
char *th_read_abs(const char *path);

/* Lint text as NAME.  The context, source and model are the caller's
 * (free with th_done). */
struct th_lint {
  struct ll_ctx *ctx;
  struct ll_source *src;
  struct ll_model *model;
};
void th_lint_mem(struct th_lint *t, const char *name, const char *text,
                 size_t len);
void th_lint_str(struct th_lint *t, const char *text);
/* The same with a configuration (may be NULL), borrowed for the lint. */
struct ll_config;
void th_lint_cfg(struct th_lint *t, const char *name, const char *text,
                 size_t len, const struct ll_config *cfg);
void th_done(struct th_lint *t);

/* "3:7 4:7" : the line:col of every finding of rule, in order. */
char *th_positions(const struct ll_ctx *ctx, int rule);
/* How many findings of rule (any rule when rule < 0). */
size_t th_count(const struct ll_ctx *ctx, int rule);

/* Run script with sh, standard input from in (NULL: empty).  Return its
 * exit status; *out gets standard output and *err standard error (err
 * NULL: standard error goes to *out).  Caller frees. */
int th_shell(const char *script, const char *in, char **out, char **err);

/* Run "LL_BIN ARGS" with sh; stdin from in (NULL: /dev/null).  Return the
 * exit status; *out and *err get the output (caller frees). */
int th_run(const char *args, const char *in, char **out, char **err);

/* A fresh temporary directory (caller frees the string). */
char *th_tmpdir(void);
/* Write len bytes to dir/name; return the path (caller frees). */
char *th_write(const char *dir, const char *name, const char *data, size_t len);

#endif
