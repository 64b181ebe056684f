/* test_catalogue.c - the catalogue, the rule sources, the documentation
 * pages and the fixtures stay in step (as curl's test1139 does for its
 * options). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "helpers.h"

static int exists(const char *rel) {
  char path[4096];
  struct stat st;
  snprintf(path, sizeof path, "%s/%s", th_root(), rel);
  return stat(path, &st) == 0;
}

Test(catalogue, every_rule_has_source_page_and_fixtures) {
  for (int i = 0; i < LL_R__COUNT; i++) {
    const char *id = ll_rules[i].id;
    char rel[512], file[256];
    size_t k = 0;
    for (; id[k] && k + 1 < sizeof file; k++)
      file[k] = id[k] == '-' ? '_' : id[k];
    file[k] = '\0';
    snprintf(rel, sizeof rel, "src/rules/%s.c", file);
    cr_expect(exists(rel), "%s: no %s", id, rel);
    snprintf(rel, sizeof rel, "rules/%s.md", id);
    cr_expect(exists(rel), "%s: no documentation page %s", id, rel);
    /* network rules are tested against the local server instead
     * (tests/test_linkcheck.c): offline fixtures cannot show them */
    if (ll_rules[i].flags & LL_RF_NETWORK)
      continue;
    snprintf(rel, sizeof rel, "tests/fixtures/%s/fail-1.md", id);
    cr_expect(exists(rel), "%s: no %s", id, rel);
    snprintf(rel, sizeof rel, "tests/fixtures/%s/pass-1.md", id);
    cr_expect(exists(rel), "%s: no %s", id, rel);
  }
}

/* --list-rules says "fixable" for the rules marked LL_RF_FIXABLE: each
 * of them has fix fixtures (tests/test_fix.c runs them) and a page that
 * says so and what the fix does; every other page says it is not. */
Test(catalogue, fixable_rules_have_fix_fixtures_and_say_what_they_do) {
  for (int i = 0; i < LL_R__COUNT; i++) {
    const char *id = ll_rules[i].id;
    int fixable = (ll_rules[i].flags & LL_RF_FIXABLE) != 0;
    const char *doc = ll_rule_docs[i];
    int says_yes = strstr(doc, "\n- Fixable: yes\n") != NULL;
    cr_expect(strstr(doc, "\n- Fixable: ") != NULL, "%s: no Fixable line", id);
    cr_expect_eq(says_yes, fixable, "%s: its page says %s", id,
                 says_yes ? "fixable, the catalogue not" : "not fixable");
    cr_expect_eq(strstr(doc, "\n## Fix\n") != NULL, fixable,
                 "%s: a '## Fix' section belongs to a fixable rule only", id);
    if (ll_rules[i].flags & LL_RF_FIX_NETWORK)
      cr_expect(fixable, "%s: a fix with --check-links is a fix", id);
    if (!fixable || (ll_rules[i].flags & (LL_RF_NETWORK | LL_RF_FIX_NETWORK)))
      continue; /* tests/test_linkcheck.c, against the local server */
    char rel[512];
    snprintf(rel, sizeof rel, "tests/fixtures/%s/fix-1.md", id);
    cr_expect(exists(rel), "%s: fixable, but no %s", id, rel);
    snprintf(rel, sizeof rel, "tests/fixtures/%s/fix-1.fixed", id);
    cr_expect(exists(rel), "%s: fixable, but no %s", id, rel);
  }
}

Test(catalogue, ids_are_kebab_case_unique_and_summarised) {
  for (int i = 0; i < LL_R__COUNT; i++) {
    const char *id = ll_rules[i].id;
    for (const char *p = id; *p; p++)
      cr_expect(ll_islower((unsigned char)*p) || *p == '-' ||
                    ll_isdigit((unsigned char)*p),
                "%s is not kebab-case", id);
    cr_expect_eq(ll_rule_find(id), i);
    cr_expect(ll_rules[i].summary[0], "%s has no summary", id);
    cr_expect(ll_rules[i].severity != LL_SEV_OFF);
  }
  cr_expect_eq(ll_rule_find("no-such-rule"), -1);
}

Test(catalogue, every_page_and_fixture_dir_names_a_rule) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/rules", th_root());
  DIR *d = opendir(dir);
  cr_assert(d);
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    size_t n = strlen(de->d_name);
    if (n < 4 || strcmp(de->d_name + n - 3, ".md") != 0 ||
        strcmp(de->d_name, "README.md") == 0 ||
        strcmp(de->d_name, "awesome-lint-compat.md") == 0)
      continue;
    char id[256];
    snprintf(id, sizeof id, "%.*s", (int)(n - 3), de->d_name);
    cr_expect(ll_rule_find(id) >= 0, "rules/%s documents no rule", de->d_name);
  }
  closedir(d);
  snprintf(dir, sizeof dir, "%s/tests/fixtures", th_root());
  d = opendir(dir);
  cr_assert(d);
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.')
      continue;
    cr_expect(ll_rule_find(de->d_name) >= 0,
              "tests/fixtures/%s belongs to no rule", de->d_name);
  }
  closedir(d);
}

/* Rules ask an entry's traits, never which reader read it: a new reader
 * needs no rule changed (STYLE.md, "Entry readers"). */
Test(catalogue, no_rule_tests_a_style_by_name) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/src/rules", th_root());
  DIR *d = opendir(dir);
  cr_assert(d);
  int files = 0;
  for (struct dirent *de; (de = readdir(d));) {
    size_t n = strlen(de->d_name);
    if (n < 3 || (strcmp(de->d_name + n - 2, ".c") != 0 &&
                  strcmp(de->d_name + n - 2, ".h") != 0))
      continue;
    char rel[512];
    snprintf(rel, sizeof rel, "src/rules/%s", de->d_name);
    char *text = th_read(rel, NULL);
    cr_assert(text, "%s", rel);
    cr_expect_null(strstr(text, "LL_STYLE_"), "%s names a style", rel);
    cr_expect_null(strstr(text, "->style"), "%s reads a style", rel);
    free(text);
    files++;
  }
  closedir(d);
  cr_expect_gt(files, 30);
}
