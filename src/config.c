/* config.c - .listlint.ini discovery and parsing (inih), profiles, and
 * the layering: catalogue defaults, profile, file, command line. */
#include <errno.h>
#include <fnmatch.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "pattern.h"

extern const char ll_profile_awesome[], ll_profile_datasets[],
    ll_profile_loose[];

const char *const ll_profile_names[] = {"awesome", "datasets", "loose", NULL};
static const char *const *profile_texts(void) {
  static const char *const t[] = {ll_profile_awesome, ll_profile_datasets,
                                  ll_profile_loose, NULL};
  return t;
}

/* The keys a configuration may set; anything else is an error. */
static const struct {
  int rule; /* -1: [listlint] */
  const char *key;
} known[] = {
    {-1, "profile"},
    {-1, "exclude"},
    {-1, "skip-headings"},
    {LL_CFG_LINKS, "exclude"},
    {LL_CFG_LINKS, "header"},
    {LL_CFG_LINKS, "alive-hosts"},
    {LL_CFG_LINKS, "user-agent"},
    {LL_CFG_LINKS, "cache"},
    {LL_CFG_LINKS, "allow-private"},
    {LL_R_MISSING_DESCRIPTION, "require"},
    {LL_R_MISSING_DESCRIPTION, "titles"},
    {LL_R_MISSING_LINK, "labels"},
    {LL_R_DUPLICATE_LINK, "allow"},
    {LL_R_DUPLICATE_LINK, "allow-sections"},
    {LL_R_DUPLICATE_LINK, "across-sections"},
    {LL_R_DUPLICATE_LINK, "shared-pages"},
    {LL_R_DESCRIPTION_PERIOD, "style"},
    {LL_R_DESCRIPTION_CAPITAL, "style"},
    {LL_R_SEPARATOR_STYLE, "separator"},
    {LL_R_LIST_MARKER, "marker"},
    {LL_R_ACCESS_FORMAT, "vocabulary"},
    {LL_R_FORBIDDEN_SCHEME, "schemes"},
    {LL_R_INSECURE_HTTP, "allow-hosts"},
    {LL_R_INSECURE_HTTP, "private-hosts"},
    {LL_R_SORTED_ENTRIES, "order"},
    {LL_R_DESCRIPTION_REPEATS_NAME, "start"},
};

struct parse {
  struct ll_config *c;
  const char *file;
  int line;
  char *err;        /* the first error, "FILE:LINE: message" */
  const char *text; /* ini_parse_stream over a string */
  FILE *fp;
  struct ll_custom_rule *custom; /* the [pattern "id"] being read */
  /* [links] exclude and header lines of this file, joined with '\n' at
   * the end (joining them line by line copied the whole list each time) */
  struct ll_buf links_exclude, links_header;
};

static int fail(struct parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct parse *p, const char *fmt, ...) {
  if (!p->err) {
    struct ll_buf b;
    ll_buf_init(&b, 0);
    ll_buf_printf(&b, "%s:%d: ", p->file, p->line);
    va_list ap;
    va_start(ap, fmt);
    ll_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    p->err = ll_buf_detach(&b);
  }
  return 0;
}

/* Read a line at a time, counting them: inih does not tell the handler
 * which line it is on. */
static char *reader(char *str, int num, void *stream) {
  struct parse *p = stream;
  p->line++;
  if (p->fp)
    return fgets(str, num, p->fp);
  if (!*p->text)
    return NULL;
  size_t n = strcspn(p->text, "\n");
  size_t take = n + (p->text[n] == '\n');
  if (take > (size_t)num - 1)
    take = (size_t)num - 1;
  memcpy(str, p->text, take);
  str[take] = '\0';
  p->text += take;
  return str;
}

static void set_opt(struct ll_config *c, int rule, const char *key,
                    const char *value) {
  for (size_t i = 0; i < c->nopts; i++) {
    if (c->opts[i].rule == rule && strcmp(c->opts[i].key, key) == 0) {
      free(c->opts[i].value);
      c->opts[i].value = ll_xstrdup(value);
      return;
    }
  }
  c->opts = ll_xrealloc(c->opts, (c->nopts + 1) * sizeof *c->opts);
  c->opts[c->nopts].rule = rule;
  c->opts[c->nopts].key = ll_xstrdup(key);
  c->opts[c->nopts++].value = ll_xstrdup(value);
}

const char *ll_config_get(const struct ll_config *c, int rule,
                          const char *key) {
  if (!c)
    return NULL;
  for (size_t i = 0; i < c->nopts; i++)
    if (c->opts[i].rule == rule && strcmp(c->opts[i].key, key) == 0)
      return c->opts[i].value;
  return NULL;
}

static int known_key(int rule, const char *key) {
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (known[i].rule == rule && strcmp(known[i].key, key) == 0)
      return 1;
  return 0;
}

/* [rule "id"] or [pattern "id"]: the quoted id, or NULL. */
static char *quoted(const char *section, const char *kind) {
  size_t k = strlen(kind);
  if (strncmp(section, kind, k) != 0 || section[k] != ' ')
    return NULL;
  const char *q = strchr(section + k, '"');
  const char *e = q ? strchr(q + 1, '"') : NULL;
  if (!q || !e || e[1])
    return NULL;
  return ll_xstrndup(q + 1, (size_t)(e - q - 1));
}

static int load_profile(struct ll_config *c, const char *name, char **err);

static int custom_key(struct parse *p, const char *name, const char *value) {
  struct ll_custom_rule *r = p->custom;
  if (strcmp(name, "field") == 0) {
    static const char *const fields[] = {"name",   "url",  "description",
                                         "access", "line", NULL};
    for (int i = 0; fields[i]; i++) {
      if (strcmp(value, fields[i]) == 0) {
        r->field = (enum ll_field)i;
        return 1;
      }
    }
    return fail(p,
                "pattern '%s': unknown field '%s' (name, url, "
                "description, access, line)",
                r->id, value);
  }
  if (strcmp(name, "pattern") == 0 || strcmp(name, "section") == 0) {
    char *err = NULL;
    struct ll_pattern *pat = ll_pattern_new(value, 0, &err);
    if (!pat) {
      fail(p, "pattern '%s': %s does not compile: %s", r->id, name, err);
      free(err);
      return 0;
    }
    if (name[0] == 'p') {
      ll_pattern_free(r->pattern);
      free(r->pattern_src);
      r->pattern = pat;
      r->pattern_src = ll_xstrdup(value);
    } else {
      ll_pattern_free(r->section_re);
      free(r->section);
      r->section_re = pat;
      r->section = ll_xstrdup(value);
    }
    return 1;
  }
  if (strcmp(name, "severity") == 0) {
    int s = ll_severity_parse(value);
    if (s < 0)
      return fail(p,
                  "pattern '%s': bad severity '%s' (error, warning, "
                  "info, off)",
                  r->id, value);
    r->severity = (enum ll_severity)s;
    return 1;
  }
  if (strcmp(name, "message") == 0) {
    free(r->message);
    r->message = ll_xstrdup(value);
    return 1;
  }
  return fail(p,
              "pattern '%s': unknown key '%s' (field, pattern, severity, "
              "message, section)",
              r->id, name);
}

static int listlint_key(struct parse *p, const char *name, const char *value) {
  struct ll_config *c = p->c;
  if (!known_key(-1, name))
    return fail(p,
                "unknown key '%s' in [listlint] (profile, exclude, "
                "skip-headings)",
                name);
  if (strcmp(name, "profile") == 0) {
    char *err = NULL;
    if (load_profile(c, value, &err) < 0) {
      fail(p, "%s", err);
      free(err);
      return 0;
    }
    return 1;
  }
  if (strcmp(name, "exclude") == 0) {
    c->exclude =
        ll_xrealloc(c->exclude, (c->nexclude + 1) * sizeof *c->exclude);
    c->exclude[c->nexclude++] = ll_xstrdup(value);
    return 1;
  }
  if (strcmp(name, "skip-headings") == 0) {
    char *err = NULL;
    struct ll_pattern *pat = ll_pattern_new(value, 1, &err);
    if (!pat) {
      fail(p, "skip-headings does not compile: %s", err);
      free(err);
      return 0;
    }
    ll_pattern_free(pat);
  }
  set_opt(c, -1, name, value);
  return 1;
}

/* [rules]: ID = LEVEL */
static int rules_key(struct parse *p, const char *name, const char *value) {
  int r = ll_rule_find(name);
  if (r < 0)
    return fail(p, "unknown rule '%s' (see listlint --list-rules)", name);
  int s = ll_severity_parse(value);
  if (s < 0)
    return fail(p, "bad severity '%s' for %s (error, warning, info, off)",
                value, name);
  p->c->severity[r] = (enum ll_severity)s;
  return 1;
}

static int links_key(struct parse *p, const char *name, const char *value) {
  if (!known_key(LL_CFG_LINKS, name))
    return fail(p,
                "unknown key '%s' in [links] (exclude, header, "
                "alive-hosts, user-agent, cache, allow-private)",
                name);
  if (strcmp(name, "exclude") == 0) {
    char *err = NULL;
    struct ll_pattern *pat = ll_pattern_new(value, 0, &err);
    if (!pat) {
      fail(p, "[links] exclude does not compile: %s", err);
      free(err);
      return 0;
    }
    ll_pattern_free(pat);
  }
  if (strcmp(name, "header") == 0 &&
      (!strchr(value, ' ') || !strchr(value, ':')))
    return fail(p, "[links] header wants 'HOST Name: value'");
  struct ll_buf *more = strcmp(name, "exclude") == 0  ? &p->links_exclude
                        : strcmp(name, "header") == 0 ? &p->links_header
                                                      : NULL;
  if (more)
    ll_buf_printf(more, "%s%s", more->len ? "\n" : "", value);
  else
    set_opt(p->c, LL_CFG_LINKS, name, value);
  return 1;
}

/* [rule "ID"], the section of rule r */
static int rule_key(struct parse *p, int r, const char *name,
                    const char *value) {
  if (strcmp(name, "severity") == 0) {
    int s = ll_severity_parse(value);
    if (s < 0)
      return fail(p, "bad severity '%s' (error, warning, info, off)", value);
    p->c->severity[r] = (enum ll_severity)s;
    return 1;
  }
  if (!known_key(r, name))
    return fail(p, "rule '%s' has no option '%s'", ll_rules[r].id, name);
  if (strstr(name, "allow") == name || strcmp(name, "vocabulary") == 0) {
    char *err = NULL;
    struct ll_pattern *pat = strcmp(name, "allow-hosts") == 0
                                 ? NULL
                                 : ll_pattern_new(value, 1, &err);
    if (err) {
      fail(p, "%s: '%s' does not compile: %s", ll_rules[r].id, name, err);
      free(err);
      return 0;
    }
    ll_pattern_free(pat);
  }
  set_opt(p->c, r, name, value);
  return 1;
}

/* [pattern "ID"]: make p->custom the rule with id (taken), a new one
 * unless the section goes on; 0 when id is a built-in rule's. */
static int pattern_section(struct parse *p, char *id) {
  struct ll_config *c = p->c;
  /* a section that comes back (or names a pattern of an earlier layer)
   * goes on filling the same pattern */
  for (size_t i = 0; i < c->ncustom; i++) {
    if (strcmp(c->custom[i].id, id) == 0) {
      p->custom = &c->custom[i];
      free(id);
      return 1;
    }
  }
  if (ll_rule_find(id) >= 0) {
    fail(p, "pattern '%s' has the id of a built-in rule", id);
    free(id);
    return 0;
  }
  c->custom = ll_xrealloc(c->custom, (c->ncustom + 1) * sizeof *c->custom);
  p->custom = &c->custom[c->ncustom++];
  memset(p->custom, 0, sizeof *p->custom);
  p->custom->id = id;
  p->custom->severity = LL_SEV_WARNING;
  p->custom->field = LL_FIELD_URL;
  return 1;
}

static int handler(void *user, const char *section, const char *name,
                   const char *value) {
  struct parse *p = user;
  if (p->err)
    return 0;
  if (strcmp(section, "listlint") == 0)
    return listlint_key(p, name, value);
  if (strcmp(section, "rules") == 0)
    return rules_key(p, name, value);
  if (strcmp(section, "links") == 0)
    return links_key(p, name, value);
  char *id = quoted(section, "rule");
  if (id) {
    int r = ll_rule_find(id);
    if (r < 0)
      fail(p, "unknown rule '%s' in [rule \"%s\"]", id, id);
    free(id);
    return r < 0 ? 0 : rule_key(p, r, name, value);
  }
  id = quoted(section, "pattern");
  if (id)
    return pattern_section(p, id) && custom_key(p, name, value);
  return fail(p,
              "unknown section [%s] (listlint, rules, rule \"ID\", "
              "pattern \"ID\")",
              section);
}

/* The [pattern] being filled is found by id again if its section comes
 * back; a realloc of c->custom moves it, so look it up each time. */
static int parse_into(struct ll_config *c, const char *file, FILE *fp,
                      const char *text, char **err) {
  struct parse p = {0};
  p.c = c;
  p.file = file;
  p.fp = fp;
  p.text = text;
  ll_buf_init(&p.links_exclude, 0);
  ll_buf_init(&p.links_header, 0);
  int r = ini_parse_stream(reader, &p, handler, &p);
  /* the repeatable [links] keys, after those of the layers before */
  struct ll_buf *more[] = {&p.links_exclude, &p.links_header};
  const char *key[] = {"exclude", "header"};
  for (int k = 0; k < 2; k++) {
    if (!more[k]->len)
      continue;
    const char *old = ll_config_get(c, LL_CFG_LINKS, key[k]);
    if (old) {
      struct ll_buf b;
      ll_buf_init(&b, 0);
      ll_buf_printf(&b, "%s\n%s", old, more[k]->data);
      set_opt(c, LL_CFG_LINKS, key[k], b.data);
      ll_buf_free(&b);
    } else {
      set_opt(c, LL_CFG_LINKS, key[k], more[k]->data);
    }
    ll_buf_free(more[k]);
  }
  if (!p.err && r > 0) {
    p.line = r;
    fail(&p, "not valid INI (expected [section] or key = value)");
  }
  for (size_t i = 0; !p.err && i < c->ncustom; i++)
    if (!c->custom[i].pattern)
      p.line = 0, fail(&p, "pattern '%s' has no 'pattern ='", c->custom[i].id);
  if (p.err) {
    *err = p.err;
    return -1;
  }
  return 0;
}

static int load_profile(struct ll_config *c, const char *name, char **err) {
  for (int i = 0; ll_profile_names[i]; i++) {
    if (strcmp(name, ll_profile_names[i]) == 0) {
      free(c->profile);
      c->profile = ll_xstrdup(name);
      char file[64];
      snprintf(file, sizeof file, "profile %s", name);
      return parse_into(c, file, NULL, profile_texts()[i], err);
    }
  }
  *err = ll_strfmt("unknown profile '%s' (awesome, datasets, loose)", name);
  return -1;
}

struct ll_config *ll_config_load(const char *path,
                                 const struct ll_config_cli *cli, char **err) {
  struct ll_config *c = ll_xcalloc(1, sizeof *c);
  for (int i = 0; i < LL_R__COUNT; i++)
    c->severity[i] =
        ll_rules[i].flags & LL_RF_OPTIN ? LL_SEV_OFF : ll_rules[i].severity;
  int rc = 0;
  if (cli && cli->profile)
    rc = load_profile(c, cli->profile, err);
  if (rc == 0 && path) {
    struct stat st;
    FILE *fp = NULL;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      *err = ll_strfmt("%s: is a directory, not a configuration file", path);
      rc = -1;
    } else if (!(fp = fopen(path, "r"))) {
      *err = ll_strfmt("%s: cannot read: %s", path, strerror(errno));
      rc = -1;
    } else {
      c->path = ll_xstrdup(path);
      rc = parse_into(c, path, fp, NULL, err);
      fclose(fp);
      /* the command line's profile wins over the file's */
      if (rc == 0 && cli && cli->profile && strcmp(c->profile, cli->profile))
        rc = load_profile(c, cli->profile, err);
    }
  }
  for (size_t i = 0; rc == 0 && cli && i < cli->nrules; i++)
    c->severity[cli->rules[2 * i]] = (enum ll_severity)cli->rules[2 * i + 1];
  if (rc < 0) {
    ll_config_free(c);
    return NULL;
  }
  return c;
}

void ll_config_free(struct ll_config *c) {
  if (!c)
    return;
  free(c->path);
  free(c->profile);
  for (size_t i = 0; i < c->nopts; i++) {
    free(c->opts[i].key);
    free(c->opts[i].value);
  }
  free(c->opts);
  for (size_t i = 0; i < c->nexclude; i++)
    free(c->exclude[i]);
  free(c->exclude);
  for (size_t i = 0; i < c->ncustom; i++) {
    struct ll_custom_rule *r = &c->custom[i];
    free(r->id);
    free(r->message);
    free(r->pattern_src);
    free(r->section);
    ll_pattern_free(r->pattern);
    ll_pattern_free(r->section_re);
  }
  free(c->custom);
  free(c);
}

char *ll_config_find(const char *file) {
  struct ll_buf dir;
  ll_buf_init(&dir, 0);
  const char *slash = strrchr(file, '/');
  if (slash)
    ll_buf_add(&dir, file, (size_t)(slash - file) + (slash == file));
  else
    ll_buf_adds(&dir, ".");
  char *found = NULL;
  for (int depth = 0; depth < 64 && !found; depth++) {
    struct ll_buf p;
    ll_buf_init(&p, 0);
    ll_buf_printf(&p, "%s/.listlint.ini", dir.data);
    struct stat st;
    if (stat(p.data, &st) == 0) {
      found = ll_buf_detach(&p);
      break;
    }
    p.len = 0;
    ll_buf_printf(&p, "%s/.git", dir.data);
    int top = stat(p.data, &st) == 0;
    ll_buf_free(&p);
    char real[4096];
    if (top || !realpath(dir.data, real) || strcmp(real, "/") == 0)
      break;
    ll_buf_adds(&dir, "/..");
  }
  ll_buf_free(&dir);
  return found;
}

int ll_config_excludes(const struct ll_config *c, const char *file) {
  for (size_t i = 0; i < c->nexclude; i++) {
    const char *g = c->exclude[i];
    if (fnmatch(g, file, 0) == 0)
      return 1;
    /* a glob is relative to the configuration's folder: try the tail */
    for (const char *s = strchr(file, '/'); s; s = strchr(s + 1, '/'))
      if (fnmatch(g, s + 1, 0) == 0)
        return 1;
  }
  return 0;
}

void ll_config_print(FILE *fp, const struct ll_config *c) {
  fprintf(fp, "# effective configuration%s%s\n", c->path ? " from " : "",
          c->path ? c->path : "");
  fprintf(fp, "[listlint]\nprofile = %s\n", c->profile ? c->profile : "loose");
  for (size_t i = 0; i < c->nexclude; i++)
    fprintf(fp, "exclude = %s\n", c->exclude[i]);
  for (size_t i = 0; i < c->nopts; i++) /* [listlint]'s own, not [links]' */
    if (c->opts[i].rule < 0 && c->opts[i].rule != LL_CFG_LINKS)
      fprintf(fp, "%s = %s\n", c->opts[i].key, c->opts[i].value);
  int links = 0;
  for (size_t i = 0; i < c->nopts; i++) {
    if (c->opts[i].rule != LL_CFG_LINKS)
      continue;
    if (!links++)
      fputs("\n[links]\n", fp);
    /* repeatable keys print one line per value */
    const char *v = c->opts[i].value;
    while (*v) {
      size_t n = strcspn(v, "\n");
      fprintf(fp, "%s = %.*s\n", c->opts[i].key, (int)n, v);
      v += n + (v[n] == '\n');
    }
  }
  fputs("\n[rules]\n", fp);
  for (int r = 0; r < LL_R__COUNT; r++)
    fprintf(fp, "%s = %s\n", ll_rules[r].id, ll_severity_name(c->severity[r]));
  for (int r = 0; r < LL_R__COUNT; r++) {
    int head = 0;
    for (size_t i = 0; i < c->nopts; i++) {
      if (c->opts[i].rule != r)
        continue;
      if (!head++)
        fprintf(fp, "\n[rule \"%s\"]\n", ll_rules[r].id);
      fprintf(fp, "%s = %s\n", c->opts[i].key, c->opts[i].value);
    }
  }
  static const char *const fields[] = {"name", "url", "description", "access",
                                       "line"};
  for (size_t i = 0; i < c->ncustom; i++) {
    const struct ll_custom_rule *r = &c->custom[i];
    fprintf(fp, "\n[pattern \"%s\"]\nfield = %s\npattern = %s\nseverity = %s\n",
            r->id, fields[r->field], r->pattern_src,
            ll_severity_name(r->severity));
    if (r->message)
      fprintf(fp, "message = %s\n", r->message);
    if (r->section)
      fprintf(fp, "section = %s\n", r->section);
  }
}
