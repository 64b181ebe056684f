/* cli.h - the command line: options and the run they drive. */
#ifndef LL_CLI_H
#define LL_CLI_H

#include "listlint.h"

enum ll_format { LL_FMT_TEXT, LL_FMT_JSON, LL_FMT_SARIF, LL_FMT_GITHUB };

struct ll_rule_setting {
  int rule;
  enum ll_severity severity;
};

enum ll_command {
  LL_CMD_LINT,
  LL_CMD_INSTALL_HOOK,
  LL_CMD_UNINSTALL_HOOK,
  LL_CMD_AUDIT
};

struct ll_opts {
  enum ll_command command;
  int chain;             /* install-hook --chain */
  int fix;               /* --fix (install-hook --fix: a fixing hook) */
  int diff;              /* --diff: print the fixes as a diff, write nothing */
  int staged;            /* --staged: files as the index has them */
  const char *diff_base; /* --diff-base REV: only what changed since */
  char **files;          /* borrowed from argv */
  size_t nfiles;
  enum ll_format format;
  enum ll_severity fail_on;
  int quiet;
  int color;       /* -1: auto (a terminal, and no NO_COLOR) */
  int show_source; /* -1: auto (a terminal) */
  const char *stdin_name;
  int dump_entries;
  int list_rules;
  int *rules; /* --rule ID=SEVERITY: pairs of rule, severity (owned) */
  size_t nrules;
  const char *config;  /* --config FILE */
  int no_config;       /* --no-config */
  const char *profile; /* --profile NAME */
  const char *explain; /* --explain ID */
  int print_config;
  /* --check-links and its settings */
  int check_links; /* 0: off, 1: all, 2: new */
  char **excludes; /* --exclude REGEX (owned array, borrowed strings) */
  size_t nexcludes;
  const char *output; /* audit --output DIR (listlint-audit) */
  const char *since;  /* audit --since FILE: the previous audit.json */
  int jobs;           /* audit --jobs N: lists at once (0: the cores) */
  const char *cache;  /* --cache[=FILE] */
  long cache_age_s;   /* alive results reused this long (86400) */
  long fail_after_s;  /* failing this long before dead (86400) */
  int allow_private;
  const char *allow_addrs;
  int concurrency, per_host, retries, max_redirects;
  long interval_ms, timeout_ms, deadline_ms;
  const char *user_agent;
  char **headers; /* NULL-terminated (owned array) */
  size_t nheaders;
};

/* Parse argv into o.  Return -1 and print a message on a usage error,
 * 1 when --help or --version was answered (exit 0), else 0. */
int ll_cli_parse(int argc, char **argv, struct ll_opts *o);
void ll_cli_free(struct ll_opts *o);

/* Lint what o names and print the results; return the exit status. */
int ll_run(const struct ll_opts *o);

#endif
