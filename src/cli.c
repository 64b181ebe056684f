/* cli.c - option table, usage text, --list-rules. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: listlint [OPTIONS] [FILE|DIR|-]...\n"
    "       listlint install-hook [--chain]\n"
    "       listlint uninstall-hook\n"
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
    "      --config=FILE       use FILE, not the nearest .listlint.ini\n"
    "      --no-config         use no configuration file\n"
    "      --profile=NAME      awesome, datasets or loose (the default)\n"
    "      --print-config      print the effective configuration as INI\n"
    "      --explain=ID        print a rule's documentation\n"
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
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_PROFILE,
  OPT_EXPLAIN,
  OPT_PRINT_CONFIG
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
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"print-config", no_argument, NULL, OPT_PRINT_CONFIG},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int bad(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("listlint: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'listlint --help' for more information.\n", stderr);
  return -1;
}

static void list_rules(void) {
  for (int i = 0; i < LL_R__COUNT; i++)
    printf("%-26s %-8s %-8s %s\n", ll_rules[i].id,
           ll_severity_name(ll_rules[i].severity),
           ll_rules[i].flags & LL_RF_FIXABLE ? "fixable" : "-",
           ll_rules[i].summary);
}

int ll_cli_parse(int argc, char **argv, struct ll_opts *o) {
  memset(o, 0, sizeof *o);
  o->format = LL_FMT_TEXT;
  o->fail_on = LL_SEV_ERROR;
  o->color = -1;
  o->show_source = -1;
  int c;
  optind = 1;
  if (argc > 1 && strcmp(argv[1], "install-hook") == 0)
    o->command = LL_CMD_INSTALL_HOOK;
  else if (argc > 1 && strcmp(argv[1], "uninstall-hook") == 0)
    o->command = LL_CMD_UNINSTALL_HOOK;
  if (o->command != LL_CMD_LINT) {
    argc--;
    argv++;
  }
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:qhV", options, NULL)) != -1) {
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
        return bad("unknown format '%s' (text, json, sarif, github)",
                   optarg);
      break;
    case OPT_FAIL_ON: {
      int s = ll_severity_parse(optarg);
      if (s <= LL_SEV_OFF)
        return bad("unknown level '%s' for --fail-on (error, warning, info)",
                   optarg);
      o->fail_on = (enum ll_severity)s;
      break;
    }
    case 'q':
      o->quiet = 1;
      break;
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
      break;
    case OPT_SHOW_SOURCE:
      o->show_source = 1;
      break;
    case OPT_NO_SHOW_SOURCE:
      o->show_source = 0;
      break;
    case OPT_STDIN_FILENAME:
      o->stdin_name = optarg;
      break;
    case OPT_DUMP_ENTRIES:
      o->dump_entries = 1;
      break;
    case OPT_RULE: {
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
        return bad("unknown level in '%s' (error, warning, info, off)",
                   optarg);
      o->rules = ll_xrealloc(o->rules, 2 * (o->nrules + 1) * sizeof *o->rules);
      o->rules[2 * o->nrules] = r;
      o->rules[2 * o->nrules++ + 1] = s;
      break;
    }
    case OPT_LIST_RULES:
      o->list_rules = 1;
      break;
    case OPT_STAGED:
      o->staged = 1;
      break;
    case OPT_DIFF_BASE:
      o->diff_base = optarg;
      break;
    case OPT_CONFIG:
      o->config = optarg;
      break;
    case OPT_NO_CONFIG:
      o->no_config = 1;
      break;
    case OPT_PROFILE:
      o->profile = optarg;
      break;
    case OPT_EXPLAIN: {
      int r = ll_rule_find(optarg);
      if (r < 0)
        return bad("unknown rule '%s' (see --list-rules)", optarg);
      fputs(ll_rule_docs[r], stdout);
      return 1;
    }
    case OPT_PRINT_CONFIG:
      o->print_config = 1;
      break;
    case OPT_CHAIN:
      if (o->command != LL_CMD_INSTALL_HOOK)
        return bad("%s", "--chain goes with install-hook");
      o->chain = 1;
      break;
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
  if (o->list_rules) {
    list_rules();
    return 1;
  }
  o->files = argv + optind;
  o->nfiles = (size_t)(argc - optind);
  if (o->command != LL_CMD_LINT && o->nfiles)
    return bad("unexpected argument '%s'", o->files[0]);
  return 0;
}

void ll_cli_free(struct ll_opts *o) { LL_FREE(o->rules); }
