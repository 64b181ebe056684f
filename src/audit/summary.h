/* summary.h - the audit's summary (doc/audit-json.md) from a run whose
 * files are held with their models, findings and link verdicts. */
#ifndef LL_AUDIT_SUMMARY_H
#define LL_AUDIT_SUMMARY_H

#include <jansson.h>

#include "listlint.h"

struct run;

/* The earlier audit to compare with: the file since, else DIR/audit.json
 * when there is one; NULL when there is none (a file that is not an
 * audit summary is said on standard error, and r's status raised). */
json_t *audit_previous(const char *since, const char *dir, struct run *r);

/* The summary of r's held files, with the changes since previous (may
 * be NULL).  New reference. */
json_t *audit_summary(struct run *r, const json_t *previous);

/* What changed from previous (an earlier summary, read from a file: any
 * shape) to lists (this summary's "lists"): the summary's "changes".
 * New reference. */
json_t *audit_changes(const json_t *previous, const json_t *lists);

/* Write summary to DIR/audit.json (DIR made by the pages already),
 * through ll_audit_write_file: 0, or -1 with *err (caller frees). */
int audit_write_json(const json_t *summary, const char *dir, char **err);

/* The list's repository, when it is in a git work tree (repo.c). */
struct audit_repo {
  char *root;   /* the work tree's top */
  char *commit; /* HEAD, or NULL before the first commit */
  char *github; /* https://github.com/OWNER/REPO, or NULL */
  char *path;   /* the file's path inside the repository */
  int clean;    /* committed as it is: line links into GitHub hold */
};
/* What each folder's repository is, asked of git once a folder. */
struct folder;
struct audit_folders {
  struct ll_map by_dir;
  struct folder **v;
  size_t n;
};
void audit_folders_free(struct audit_folders *fs);
/* 0 and *out filled (free with audit_repo_clear), or -1 when file is
 * not in a git work tree. */
int audit_repo_of(struct audit_folders *fs, const char *file,
                  struct audit_repo *out);
void audit_repo_clear(struct audit_repo *r);
/* https://github.com/OWNER/REPO for a remote URL of GitHub (https, ssh
 * or scp-like), else NULL.  Caller frees. */
char *audit_github_url(const char *remote);

#endif
