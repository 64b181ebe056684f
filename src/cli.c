/* cli.c - option table, usage text, --list-rules. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pattern.h"

static const char usage[] =
    "Usage: listlint [OPTIONS] [FILE|DIR|-]...\n"
    "       listlint install-hook [--chain] [--fix]\n"
    "       listlint uninstall-hook\n"
    "       listlint audit [--output=DIR] [--since=FILE] [--jobs=N] "
    "[OPTIONS] [PATH...]\n"
    "Lint curated Markdown lists (awesome lists, dataset and resource "
    "lists).\n"
    "\n"
    "With no FILE, lint README.md (or readme.md) of the current directory.\n"
    "A DIR is searched for *.md files; '-' reads standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format=FORMAT     text (default), json, sarif (SARIF 2.1.0) or\n"
    "                          github (Actions annotations)\n"
    "      --fail-on=LEVEL     exit 1 on findings at or above LEVEL:\n"
    "                          error (default), warning or info\n"
    "  -q, --quiet             print the findings only, no summary\n"
    "      --color=WHEN        auto (default), always or never; NO_COLOR is "
    "honoured\n"
    "      --show-source       print the source line and a caret (default on "
    "a terminal)\n"
    "      --no-show-source    never print source lines\n"
    "      --stdin-filename=NAME  the name used for standard input\n"
    "      --dump-entries      print the entries listlint understood, as "
    "JSON\n"
    "      --staged            lint the staged content (the index) of FILEs,\n"
    "                          or of every staged Markdown file\n"
    "      --diff-base=REV     report only findings that are new since REV\n"
    "      --fix               apply the fixes and write the files (with '-':\n"
    "                          the fixed text to standard output), then\n"
    "                          report what remains\n"
    "      --diff              print the fixes as a unified diff, write\n"
    "                          nothing; the findings go to standard error\n"
    "      --config=FILE       use FILE, not the nearest .listlint.ini\n"
    "      --no-config         use no configuration file\n"
    "      --profile=NAME      awesome, datasets or loose (the default)\n"
    "      --print-config      print the effective configuration as INI\n"
    "      --explain=ID        print a rule's documentation\n"
    "\n"
    "Link checking (off by default; loopback and private addresses are not\n"
    "requested unless allowed):\n"
    "      --check-links[=all|new]  check entry links (new: only links not in\n"
    "                          the cache, or not in --diff-base's revision)\n"
    "      --cache[=FILE]      remember verdicts between runs "
    "(.listlint-cache)\n"
    "      --cache-age=SEC     reuse alive verdicts this long (86400)\n"
    "      --fail-after=SEC    a link alive before is only dead after failing\n"
    "                          on runs this far apart (86400)\n"
    "      --exclude=REGEX     do not check matching URLs (repeatable)\n"
    "      --allow-private[=ADDR,...]  request private addresses (all, or "
    "these)\n"
    "      --link-concurrency=N  transfers at once (64)\n"
    "      --per-host=N        requests in flight per host (4)\n"
    "      --link-interval=MS  least time between starts per host (0)\n"
    "      --link-timeout=SEC  per request (20; connect 10)\n"
    "      --link-retries=N    attempts for 429, 5xx, resets (3)\n"
    "      --link-deadline=SEC  for the whole check\n"
    "      --max-redirects=N   (10)\n"
    "      --user-agent=TEXT   (listlint/VERSION (+URL))\n"
    "      --header='HOST Name: value'  send a header to HOST only\n"
    "\n"
    "Audit (listlint audit: a report of whole lists, as HTML pages and\n"
    "audit.json; PATH is a list, a folder of lists or repositories, or a\n"
    "file naming one path a line; exit status 0 once the report is written):\n"
    "      --output=DIR        where the report goes (listlint-audit)\n"
    "      --since=FILE        compare with this earlier audit.json (default:\n"
    "                          the one in DIR, when there is one)\n"
    "      --jobs=N            lists audited at once (the number of cores)\n"
    "\n"
    "      --rule=ID=LEVEL     set a rule's severity: error, warning, info or "
    "off\n"
    "      --list-rules        list the rules: id, severity, fixable, summary\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n"
    "\n"
    "Exit status:\n"
    "  0  no finding at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage, configuration or unreadable input\n"
    "  3  internal or system error\n";

enum {
  OPT_FAIL_ON = 256,
  OPT_COLOR,
  OPT_SHOW_SOURCE,
  OPT_NO_SHOW_SOURCE,
  OPT_STDIN_FILENAME,
  OPT_DUMP_ENTRIES,
  OPT_RULE,
  OPT_LIST_RULES,
  OPT_STAGED,
  OPT_DIFF_BASE,
  OPT_CHAIN,
  OPT_FIX,
  OPT_DIFF,
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_PROFILE,
  OPT_EXPLAIN,
  OPT_PRINT_CONFIG,
  OPT_CHECK_LINKS,
  OPT_EXCLUDE,
  OPT_CACHE,
  OPT_CACHE_AGE,
  OPT_FAIL_AFTER,
  OPT_ALLOW_PRIVATE,
  OPT_CONCURRENCY,
  OPT_PER_HOST,
  OPT_INTERVAL,
  OPT_TIMEOUT,
  OPT_RETRIES,
  OPT_DEADLINE,
  OPT_USER_AGENT,
  OPT_HEADER,
  OPT_MAX_REDIRECTS,
  OPT_OUTPUT,
  OPT_SINCE,
  OPT_JOBS
};

static const struct option options[] = {
    {"format", required_argument, NULL, 'f'},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"quiet", no_argument, NULL, 'q'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"show-source", no_argument, NULL, OPT_SHOW_SOURCE},
    {"no-show-source", no_argument, NULL, OPT_NO_SHOW_SOURCE},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"dump-entries", no_argument, NULL, OPT_DUMP_ENTRIES},
    {"rule", required_argument, NULL, OPT_RULE},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"staged", no_argument, NULL, OPT_STAGED},
    {"diff-base", required_argument, NULL, OPT_DIFF_BASE},
    {"chain", no_argument, NULL, OPT_CHAIN},
    {"fix", no_argument, NULL, OPT_FIX},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"print-config", no_argument, NULL, OPT_PRINT_CONFIG},
    {"check-links", optional_argument, NULL, OPT_CHECK_LINKS},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"cache", optional_argument, NULL, OPT_CACHE},
    {"cache-age", required_argument, NULL, OPT_CACHE_AGE},
    {"fail-after", required_argument, NULL, OPT_FAIL_AFTER},
    {"allow-private", optional_argument, NULL, OPT_ALLOW_PRIVATE},
    {"link-concurrency", required_argument, NULL, OPT_CONCURRENCY},
    {"per-host", required_argument, NULL, OPT_PER_HOST},
    {"link-interval", required_argument, NULL, OPT_INTERVAL},
    {"link-timeout", required_argument, NULL, OPT_TIMEOUT},
    {"link-retries", required_argument, NULL, OPT_RETRIES},
    {"link-deadline", required_argument, NULL, OPT_DEADLINE},
    {"user-agent", required_argument, NULL, OPT_USER_AGENT},
    {"header", required_argument, NULL, OPT_HEADER},
    {"max-redirects", required_argument, NULL, OPT_MAX_REDIRECTS},
    {"output", required_argument, NULL, OPT_OUTPUT},
    {"since", required_argument, NULL, OPT_SINCE},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int bad(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("listlint: ", stderr);
  ll_vsay(fmt, ap);
  va_end(ap);
  fputs("\nTry 'listlint --help' for more information.\n", stderr);
  return -1;
}

/* getopt_long sets optarg for every option that requires an argument,
 * which the analyzer cannot know: */
/* NOLINTBEGIN(clang-analyzer-core.NonNullParamChecker) */

/* A number for an option, within [lo, hi]; scale turns seconds into ms. */
static int number(const char *opt, const char *arg, double lo, double hi,
                  double scale, long *out) {
  char *end;
  double v = strtod(arg, &end);
  if (end == arg || *end || !(v >= lo && v <= hi)) /* NaN too */
    return bad("%s wants a number from %g to %g, not '%s'", opt, lo, hi, arg);
  *out = (long)(v * scale);
  return 0;
}

static void list_rules(void) {
  for (int i = 0; i < LL_R__COUNT; i++)
    printf("%-26s %-8s %-8s %s\n", ll_rules[i].id,
           ll_severity_name(ll_rules[i].severity),
           ll_rules[i].flags & LL_RF_FIXABLE ? "fixable" : "-",
           ll_rules[i].summary);
}

/* What an option group returns for an option that is not one of its own. */
#define NOT_MINE 2

static void set_defaults(struct ll_opts *o) {
  memset(o, 0, sizeof *o);
  o->format = LL_FMT_TEXT;
  o->fail_on = LL_SEV_ERROR;
  o->color = -1;
  o->show_source = -1;
  o->cache_age_s = 86400;
  o->fail_after_s = 86400;
}

/* -f, --fail-on, -q, --color, --show-source, --stdin-filename,
 * --dump-entries: what the output looks like. */
static int output_option(struct ll_opts *o, int c) {
  switch (c) {
  case 'f':
    if (strcmp(optarg, "text") == 0)
      o->format = LL_FMT_TEXT;
    else if (strcmp(optarg, "json") == 0)
      o->format = LL_FMT_JSON;
    else if (strcmp(optarg, "sarif") == 0)
      o->format = LL_FMT_SARIF;
    else if (strcmp(optarg, "github") == 0)
      o->format = LL_FMT_GITHUB;
    else
      return bad("unknown format '%s' (text, json, sarif, github)", optarg);
    return 0;
  case OPT_FAIL_ON: {
    int s = ll_severity_parse(optarg);
    if (s <= LL_SEV_OFF)
      return bad("unknown level '%s' for --fail-on (error, warning, info)",
                 optarg);
    o->fail_on = (enum ll_severity)s;
    return 0;
  }
  case 'q':
    o->quiet = 1;
    return 0;
  case OPT_COLOR:
    if (strcmp(optarg, "auto") == 0)
      o->color = -1;
    else if (strcmp(optarg, "always") == 0)
      o->color = 1;
    else if (strcmp(optarg, "never") == 0)
      o->color = 0;
    else
      return bad("unknown value '%s' for --color (auto, always, never)",
                 optarg);
    return 0;
  case OPT_SHOW_SOURCE:
    o->show_source = 1;
    return 0;
  case OPT_NO_SHOW_SOURCE:
    o->show_source = 0;
    return 0;
  case OPT_STDIN_FILENAME:
    o->stdin_name = optarg;
    return 0;
  case OPT_DUMP_ENTRIES:
    o->dump_entries = 1;
    return 0;
  }
  return NOT_MINE;
}

/* --rule ID=LEVEL */
static int add_rule(struct ll_opts *o) {
  const char *eq = strrchr(optarg, '=');
  if (!eq)
    return bad("--rule wants ID=LEVEL, not '%s'", optarg);
  char *id = ll_xstrndup(optarg, (size_t)(eq - optarg));
  int r = ll_rule_find(id);
  free(id);
  int s = ll_severity_parse(eq + 1);
  if (r < 0)
    return bad("unknown rule in '%s' (see --list-rules)", optarg);
  if (s < 0)
    return bad("unknown level in '%s' (error, warning, info, off)", optarg);
  o->rules = ll_xrealloc(o->rules, 2 * (o->nrules + 1) * sizeof *o->rules);
  o->rules[2 * o->nrules] = r;
  o->rules[2 * o->nrules++ + 1] = s;
  return 0;
}

/* --rule, --list-rules, --explain and the configuration file. */
static int rule_option(struct ll_opts *o, int c) {
  switch (c) {
  case OPT_RULE:
    return add_rule(o);
  case OPT_LIST_RULES:
    o->list_rules = 1;
    return 0;
  case OPT_CONFIG:
    o->config = optarg;
    return 0;
  case OPT_NO_CONFIG:
    o->no_config = 1;
    return 0;
  case OPT_PROFILE:
    o->profile = optarg;
    return 0;
  case OPT_EXPLAIN: {
    int r = ll_rule_find(optarg);
    if (r < 0)
      return bad("unknown rule '%s' (see --list-rules)", optarg);
    fputs(ll_rule_docs[r], stdout);
    return 1;
  }
  case OPT_PRINT_CONFIG:
    o->print_config = 1;
    return 0;
  }
  return NOT_MINE;
}

/* --staged, --diff-base, --fix, --diff, --chain: what is linted and what
 * is done with the fixes. */
static int mode_option(struct ll_opts *o, int c) {
  switch (c) {
  case OPT_STAGED:
    o->staged = 1;
    return 0;
  case OPT_DIFF_BASE:
    o->diff_base = optarg;
    return 0;
  case OPT_FIX:
    o->fix = 1;
    return 0;
  case OPT_DIFF:
    if (o->command == LL_CMD_INSTALL_HOOK ||
        o->command == LL_CMD_UNINSTALL_HOOK)
      return bad("%s", "--diff goes with linting, not with the hook");
    o->diff = 1;
    return 0;
  case OPT_CHAIN:
    if (o->command != LL_CMD_INSTALL_HOOK)
      return bad("%s", "--chain goes with install-hook");
    o->chain = 1;
    return 0;
  }
  return NOT_MINE;
}

/* --exclude REGEX: refused here if it does not compile. */
static int add_exclude(struct ll_opts *o) {
  char *err = NULL;
  struct ll_pattern *p = ll_pattern_new(optarg, 0, &err);
  if (!p) {
    bad("--exclude '%s' does not compile: %s", optarg, err);
    free(err);
    return -1;
  }
  ll_pattern_free(p);
  o->excludes =
      ll_xrealloc(o->excludes, (o->nexcludes + 1) * sizeof *o->excludes);
  o->excludes[o->nexcludes++] = optarg;
  return 0;
}

/* --header 'HOST Name: value' */
static int add_header(struct ll_opts *o) {
  if (!strchr(optarg, ' ') || !strchr(optarg, ':'))
    return bad("--header wants 'HOST Name: value', not '%s'", optarg);
  o->headers = ll_xrealloc(o->headers, (o->nheaders + 2) * sizeof *o->headers);
  o->headers[o->nheaders++] = optarg;
  o->headers[o->nheaders] = NULL;
  return 0;
}

/* --check-links and what it requests, sends and remembers. */
static int link_option(struct ll_opts *o, int c) {
  switch (c) {
  case OPT_CHECK_LINKS:
    if (!optarg || strcmp(optarg, "all") == 0)
      o->check_links = 1;
    else if (strcmp(optarg, "new") == 0)
      o->check_links = 2;
    else
      return bad("--check-links wants all or new, not '%s'", optarg);
    return 0;
  case OPT_EXCLUDE:
    return add_exclude(o);
  case OPT_CACHE:
    o->cache = optarg ? optarg : ".listlint-cache";
    return 0;
  case OPT_ALLOW_PRIVATE:
    if (optarg)
      o->allow_addrs = optarg;
    else
      o->allow_private = 1;
    return 0;
  case OPT_USER_AGENT:
    o->user_agent = optarg;
    return 0;
  case OPT_HEADER:
    return add_header(o);
  }
  return NOT_MINE;
}

/* The link checker's numbers: ages, counts and times. */
static int link_limit_option(struct ll_opts *o, int c) {
  switch (c) {
  case OPT_CACHE_AGE:
    return number("--cache-age", optarg, 0, 1e9, 1, &o->cache_age_s);
  case OPT_FAIL_AFTER:
    return number("--fail-after", optarg, 0, 1e9, 1, &o->fail_after_s);
  case OPT_CONCURRENCY:
  case OPT_PER_HOST:
  case OPT_RETRIES:
  case OPT_MAX_REDIRECTS: {
    long v = 0;
    /* the option's name, not the word before optind: with a separate
     * argument ("--per-host 0") that word is the value */
    const char *name = c == OPT_CONCURRENCY ? "--link-concurrency"
                       : c == OPT_PER_HOST  ? "--per-host"
                       : c == OPT_RETRIES   ? "--link-retries"
                                            : "--max-redirects";
    if (number(name, optarg, c == OPT_MAX_REDIRECTS ? 0 : 1, 1000, 1, &v) < 0)
      return -1;
    *(c == OPT_CONCURRENCY ? &o->concurrency
      : c == OPT_PER_HOST  ? &o->per_host
      : c == OPT_RETRIES   ? &o->retries
                           : &o->max_redirects) = (int)v;
    return 0;
  }
  case OPT_INTERVAL:
    return number("--link-interval", optarg, 0, 60000, 1, &o->interval_ms);
  case OPT_TIMEOUT:
    return number("--link-timeout", optarg, 0.1, 3600, 1000, &o->timeout_ms);
  case OPT_DEADLINE:
    return number("--link-deadline", optarg, 0.1, 1e6, 1000, &o->deadline_ms);
  }
  return NOT_MINE;
}

/* -h, -V, and what getopt_long could not match. */
static int other_option(int c, char **argv) {
  switch (c) {
  case 'h':
    fputs(usage, stdout);
    return 1;
  case 'V':
    printf("listlint %s\n", LL_VERSION);
    return 1;
  case ':':
    return bad("option '%s' needs a value", argv[optind - 1]);
  default:
    return bad("unknown option '%s'", argv[optind - 1]);
  }
}

/* One option from getopt_long: -1 on a usage error, 1 when it was
 * answered (--help, --version, --explain), else 0. */
/* The audit's options: with `listlint audit` only. */
static int audit_option(struct ll_opts *o, int c, char **argv) {
  if (c != OPT_OUTPUT && c != OPT_SINCE && c != OPT_JOBS)
    return NOT_MINE;
  if (o->command != LL_CMD_AUDIT)
    return bad("%s goes with listlint audit", argv[optind - 1]);
  if (c == OPT_OUTPUT)
    o->output = optarg;
  else if (c == OPT_SINCE)
    o->since = optarg;
  else {
    long v = 0;
    if (number("--jobs", optarg, 1, 256, 1, &v) < 0)
      return -1;
    o->jobs = (int)v;
  }
  return 0;
}

static int option(struct ll_opts *o, int c, char **argv) {
  int r = output_option(o, c);
  if (r == NOT_MINE)
    r = rule_option(o, c);
  if (r == NOT_MINE)
    r = mode_option(o, c);
  if (r == NOT_MINE)
    r = link_option(o, c);
  if (r == NOT_MINE)
    r = link_limit_option(o, c);
  if (r == NOT_MINE)
    r = audit_option(o, c, argv);
  if (r == NOT_MINE)
    r = other_option(c, argv);
  return r;
}

/* The options that do not go together, once all are known. */
static int check_combinations(const struct ll_opts *o) {
  if (o->command == LL_CMD_AUDIT &&
      (o->fix || o->diff || o->staged || o->diff_base || o->dump_entries ||
       o->print_config || o->format != LL_FMT_TEXT))
    return bad("%s", "listlint audit writes its own report: --fix, --diff, "
                     "--staged, --diff-base, --dump-entries, --print-config "
                     "and --format do not go with it");
  if (o->command != LL_CMD_LINT && o->command != LL_CMD_AUDIT && o->nfiles)
    return bad("unexpected argument '%s'", o->files[0]);
  if (o->command == LL_CMD_UNINSTALL_HOOK && o->fix)
    return bad("%s", "--fix goes with install-hook, not uninstall-hook");
  if (o->fix && o->diff)
    return bad("%s", "--fix writes the fixes, --diff shows them: choose one");
  if ((o->fix || o->diff) && o->dump_entries)
    return bad("%s", "--dump-entries does not go with --fix or --diff");
  return 0;
}

int ll_cli_parse(int argc, char **argv, struct ll_opts *o) {
  set_defaults(o);
  int c;
  optind = 1;
  if (argc > 1 && strcmp(argv[1], "install-hook") == 0)
    o->command = LL_CMD_INSTALL_HOOK;
  else if (argc > 1 && strcmp(argv[1], "uninstall-hook") == 0)
    o->command = LL_CMD_UNINSTALL_HOOK;
  else if (argc > 1 && strcmp(argv[1], "audit") == 0)
    o->command = LL_CMD_AUDIT;
  if (o->command != LL_CMD_LINT) {
    argc--;
    argv++;
  }
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:qhV", options, NULL)) != -1) {
    int r = option(o, c, argv);
    if (r != 0)
      return r;
  }
  if (o->list_rules) {
    list_rules();
    return 1;
  }
  o->files = argv + optind;
  o->nfiles = (size_t)(argc - optind);
  return check_combinations(o);
}
/* NOLINTEND(clang-analyzer-core.NonNullParamChecker) */

void ll_cli_free(struct ll_opts *o) {
  LL_FREE(o->rules);
  LL_FREE(o->excludes);
  LL_FREE(o->headers);
}
