/* git.h - the git plumbing listlint needs: staged content, a base
 * revision's content (following renames), hooks.  Every git command runs
 * without a shell, so file names need no quoting. */
#ifndef LL_GIT_H
#define LL_GIT_H

#include "listlint.h"

/* Run git with args (NULL-terminated, "git" not included); its standard
 * output goes to out (may be NULL).  Return git's exit status, or -1 when
 * git could not be run. */
int ll_git(const char *const *args, struct ll_buf *out);

/* The same in two steps, to do other work while git runs: start it
 * (return 0, or -1 when it could not be run), then read all its output
 * into out (may be NULL) and return its exit status as ll_git does.
 * Every started process must be waited for. */
struct ll_git_proc {
  int pid;
  int fd;
};
int ll_git_start(const char *const *args, struct ll_git_proc *p);
int ll_git_wait(struct ll_git_proc *p, struct ll_buf *out);

/* Staged Markdown files (added, copied, modified, renamed), relative to
 * the current directory, as a NUL-separated list in out.  Return 0 or -1
 * (not a repository). */
int ll_git_staged_files(struct ll_buf *out);

/* The content of path (relative to the current directory) in the index
 * (rev NULL) or in rev.  Return 0, or -1 when it is not there. */
int ll_git_show(const char *rev, const char *path, struct ll_buf *out);

/* Is id (hex, SHA-1 or SHA-256) git's id of a blob holding data?  The
 * hook reads a staged file from the working tree when it is. */
int ll_git_blob_is(const char *data, size_t len, const char *id);

/* Does rev name a commit?  An unborn HEAD does not. */
int ll_git_rev_exists(const char *rev);

/* One `git cat-file --batch` for every object a run reads (staged blobs,
 * a base revision's blobs, the revision itself): one process, not one
 * per file. */
struct ll_git_batch;
struct ll_git_batch *ll_git_batch_open(void);
/* Read spec ("REV:./path", ":./path", "REV^{commit}") into out (may be
 * NULL).  Return 0, or -1 when git says it is missing or on an error. */
int ll_git_batch_get(struct ll_git_batch *b, const char *spec,
                     struct ll_buf *out);
void ll_git_batch_close(struct ll_git_batch *b);

/* All changes between rev and the index (staged) or the working tree, as
 * git prints them (--raw -z --no-abbrev, renames found), for
 * ll_git_change_next and ll_git_rename_lookup. */
int ll_git_renames(const char *rev, int staged, struct ll_buf *out);
/* The same, started now and read with ll_git_wait. */
int ll_git_renames_start(const char *rev, int staged, struct ll_git_proc *p);
/* One record of that output: its status letter, the path, for a rename
 * or copy (R, C) the path before it (else NULL; paths borrowed), the
 * object ids before and after (hex, SHA-1 or SHA-256; all zeros where
 * git has none, as for the working tree) and the mode after. */
#define LL_GIT_ID_MAX 64
struct ll_git_change {
  char status;
  const char *path, *old_path;
  char old_id[LL_GIT_ID_MAX + 1], new_id[LL_GIT_ID_MAX + 1];
  unsigned new_mode;
};
/* Read the record at *pos of out and move *pos past it; -1 at the end. */
int ll_git_change_next(const struct ll_buf *out, size_t *pos,
                       struct ll_git_change *c);
/* The record of path in out: 1, or 0 when there is none. */
int ll_git_change_find(const struct ll_buf *out, const char *path,
                       struct ll_git_change *c);
/* Where path was before a rename recorded in renames, or NULL (borrowed). */
const char *ll_git_rename_lookup(const struct ll_buf *renames,
                                 const char *path);

/* listlint install-hook [--chain] / uninstall-hook: exit statuses. */
/* With fix, the hook first fixes the staged files in the working tree
 * (those staged in full) and blocks the commit when that changed a file,
 * so that the contributor reviews and stages the fix. */
int ll_hook_install(int chain, int fix);
int ll_hook_uninstall(void);

#endif
