/* run.h - one run of the command, in stages (src/run/):
 *
 *   files.c    which files: the ones named, the Markdown below a folder,
 *              the staged ones, README.md
 *   gitrun.c   what the run asks git: staged content, the --diff-base
 *              revision, renames; the base's findings
 *   configs.c  each file's configuration, loaded once per file found
 *   links.c    the link phase: every held file's links checked at once,
 *              the verdicts made findings
 *   fixes.c    what --fix and --diff write
 *   run.c      ll_run: the stages in order, the report, the exit status
 *
 * Every stage takes the run's state (struct run) and raises its status
 * with run_status; ll_run frees everything in one place. */
#ifndef LL_RUN_H
#define LL_RUN_H

#include "cli.h"
#include "config.h"
#include "git.h"

#define LL_MAX_INPUT ((size_t)256 << 20) /* bytes of one input */

/* A list of file names (owned). */
struct paths {
  char **v;
  size_t n, cap;
};

void paths_add(struct paths *p, char *s);
void paths_free(struct paths *p);

/* What a run asks git, asked once: the objects through one cat-file
 * process, the renames since the base through one diff. */
struct gitrun {
  struct ll_git_batch *batch;
  int batch_tried; /* batch opened (or failed to open) */
  struct ll_buf renames;
  int have_renames;
  /* the hook's diff of the index against HEAD, started first: it is on
   * the way to everything else */
  struct ll_git_proc hook_diff;
  int hook_diff_started;
  int hook_changes; /* renames holds that diff (with blob ids) */
};

/* One file held until the end of the lint stage (for the link phase):
 * its rules' findings are ctx->diags[from, to). */
struct kept {
  const char *path, *display;
  struct ll_source *src;
  /* --fix, --diff: the text as read, when src is its fixed text (written
   * after the link phase, which may fix more); NULL otherwise */
  struct ll_source *orig;
  size_t nfixed;
  int is_stdin;
  struct ll_model *model;
  const struct ll_config *cfg;
  size_t from, to;
  /* --diff-base: the base's findings and entry URLs (base_findings) */
  struct ll_map base_fps, base_urls;
};

/* The configurations of a run, each loaded once (configs.c). */
struct configs {
  struct ll_config_cli cli;
  struct ll_map by_path; /* config path ("" for none) -> struct ll_config */
  struct ll_config **owned;
  size_t n, cap;
};

/* A link's verdict, kept for the audit. */
struct verdict {
  int verdict; /* enum ll_verdict */
  long status;
  double seconds; /* from the first request to the verdict; < 0: unknown */
};

/* The verdicts of a run's links, by URL (links.c). */
struct verdicts {
  struct ll_map by_url; /* URL -> struct verdict * (in v) */
  struct verdict **v;
  size_t n, cap;
};

void verdicts_put(struct verdicts *vs, const char *url, int verdict,
                  long status, double seconds);
const struct verdict *verdicts_get(const struct verdicts *vs, const char *url);
void verdicts_free(struct verdicts *vs);

/* One run's state. */
struct run {
  const struct ll_opts *o;
  int status; /* the worst so far (enum ll_exit) */
  struct gitrun git;
  struct paths files;
  int have_base; /* --diff-base names a commit that exists */
  int curl_up;   /* curl_global_init was called */
  struct ll_ctx *ctx;
  struct configs configs;
  struct ll_out_opts out;
  FILE *rep;            /* where findings go (stdout, or stderr) */
  struct ll_dump *dump; /* --dump-entries */
  int hold;             /* files are held for the link phase */
  struct kept *kv;
  size_t nk, kcap;
  size_t linted;
  char *link_summary; /* the link checker's summary line, or NULL */
  /* the audit: each checked link's verdict recorded here, or NULL */
  struct verdicts *verdicts;
};

/* Raise r's status to st when st is worse. */
void run_status(struct run *r, int st);
/* Set up a run of o (run.c); run_close frees it and returns its status. */
void run_open(struct run *r, const struct ll_opts *o);
int run_close(struct run *r);

/* files.c: the files of the run into r->files; -1 when one named cannot
 * be used (said on standard error). */
int run_files(struct run *r);
/* A file holding a NUL byte, which is not linted as text: say so on
 * standard error with the byte's line and column; LL_EXIT_USAGE. */
int run_refuse_binary(const struct ll_source *src);
/* Every Markdown file below dir into out, sorted; hidden folders and
 * node_modules are not searched.  -1 when a folder cannot be read. */
int files_below(const char *dir, struct paths *out);

/* gitrun.c */
struct ll_git_batch *gitrun_batch(struct gitrun *g);
void gitrun_close(struct gitrun *g);
/* The hook's case: --staged (--diff-base HEAD or none), no files named. */
int gitrun_hook_case(const struct ll_opts *o);
/* Start what the run asks git first (before the files are found). */
void gitrun_start(struct run *r);
/* The hook's case: the staged files from the index's diff against HEAD
 * into files; -1 when that is not the case or git failed. */
int gitrun_staged_files(struct run *r, struct paths *files);
/* --diff-base: set r->have_base; -1 (said) when it names no commit. */
int gitrun_check_base(struct run *r);
/* The input as it will be committed (--staged), or as it is. */
struct ll_source *gitrun_load(struct run *r, const char *path,
                              const char *display, char **err);
/* What path had in --diff-base's revision (renames followed): its
 * findings' fingerprints, each with how many times it came, in fps, and
 * (urls may be NULL) the URLs of its entry links.  Both stay empty when
 * the revision lacks the file: all is new then. */
void gitrun_base_findings(struct run *r, const char *path, struct ll_map *fps,
                          struct ll_map *urls);
/* Drop the findings of ctx->diags[from..] that the base had (by
 * fingerprint, as many times as the base had each); before is used up. */
void gitrun_drop_old(struct ll_ctx *ctx, size_t from, struct ll_map *before);

/* configs.c: the configuration of path ("-" for standard input), or NULL
 * when it cannot be loaded (said on standard error). */
const struct ll_config *configs_for(struct run *r, const char *path,
                                    int is_stdin);
void configs_free(struct configs *c);

/* links.c: check the entry links of every held file; the verdicts'
 * findings join each file's range.  -1 when the checker could not start
 * or the cache could not be written. */
int links_check(struct run *r);

/* links.c: the verdicts the link cache (--cache FILE, or the first held
 * file's [links] cache) holds for the held files' entry links, into
 * r->verdicts: a re-audit needs no network.  Nothing without a cache. */
void links_from_cache(struct run *r);

/* src/audit/audit.c: `listlint audit` (its own stages over struct run). */
int ll_audit_run(const struct ll_opts *o);

/* fixes.c: write what --fix made of orig (fixed, n edits): to the file,
 * to standard output for '-', or as a diff.  *keep is cleared when the
 * file was left alone (its findings are then the original's).  Return
 * LL_EXIT_OK, or the status of trouble (the file is then intact). */
int fixes_write(const struct ll_opts *o, const char *path, int is_stdin,
                const struct ll_source *orig, const struct ll_source *fixed,
                size_t n, int *keep);
/* --fix, --diff with --check-links: the link checker's fixes of a held
 * file (its findings ctx->diags[from..]) applied to its fixed text and
 * written; the findings become those of the result. */
int fixes_after_links(const struct ll_opts *o, struct ll_ctx *ctx, size_t from,
                      struct kept *k);

#endif
