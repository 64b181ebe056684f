/* config.h - .listlint.ini: discovery, parsing (inih), profiles, and the
 * effective configuration a file is linted with. */
#ifndef LL_CONFIG_H
#define LL_CONFIG_H

#include "listlint.h"

struct ll_pattern;

/* Fields a custom pattern rule matches. */
enum ll_field {
  LL_FIELD_NAME,
  LL_FIELD_URL,
  LL_FIELD_DESCRIPTION,
  LL_FIELD_ACCESS,
  LL_FIELD_LINE
};

struct ll_custom_rule {
  char *id;
  enum ll_field field;
  struct ll_pattern *pattern;
  char *pattern_src;
  enum ll_severity severity;
  char *message;
  char *section; /* a regex on the section path, or NULL: every section */
  struct ll_pattern *section_re;
};

struct ll_option {
  int rule; /* catalogue index, or -1 for [listlint] keys */
  char *key, *value;
};

struct ll_config {
  char *path;    /* the file read, or NULL (defaults and profile only) */
  char *profile; /* NULL: loose */
  enum ll_severity severity[LL_R__COUNT];
  struct ll_option *opts;
  size_t nopts;
  char **exclude; /* globs, relative to the config file's folder */
  size_t nexclude;
  struct ll_custom_rule *custom;
  size_t ncustom;
};

/* Command-line layers, applied last. */
struct ll_config_cli {
  const char *profile;
  const int *rules; /* pairs: rule index, severity */
  size_t nrules;
};

/* Build the configuration from a profile, then the file at path (NULL:
 * none), then cli.  On error return NULL and set *err to
 * "FILE:LINE: message" (caller frees). */
struct ll_config *ll_config_load(const char *path,
                                 const struct ll_config_cli *cli, char **err);
void ll_config_free(struct ll_config *c);

/* The nearest .listlint.ini from the folder of file up to the repository
 * root (a folder holding .git) or /; NULL when none.  Caller frees. */
char *ll_config_find(const char *file);

/* Is file excluded by the configuration's globs? */
int ll_config_excludes(const struct ll_config *c, const char *file);

/* The [links] section's keys are stored under this rule number; the
 * repeatable ones (exclude, header) as lines joined with '\n'. */
#define LL_CFG_LINKS (-2)

/* The value of a rule's option (or a [listlint] key with rule -1). */
const char *ll_config_get(const struct ll_config *c, int rule, const char *key);

/* The names of the built-in profiles, NULL-terminated. */
extern const char *const ll_profile_names[];

/* Print the effective configuration as INI. */
void ll_config_print(FILE *fp, const struct ll_config *c);

#endif
