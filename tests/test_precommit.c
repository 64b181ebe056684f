/* test_precommit.c - the hook ids of .pre-commit-hooks.yaml run by the
 * real pre-commit framework (Debian's), through real commits: a list
 * repository names a local hook repository holding this tree's hook file
 * with repo: and rev:, `pre-commit install` puts the framework's hook in
 * place, and `git commit` runs it.  No network: the hook repository is a
 * local path, git may use no other protocol, PRE_COMMIT_HOME is in the
 * temporary directory and the hooks are `language: system`. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"

#define GOOD "# L\n\n- [A](https://a.org) - Alpha.\n"
#define OLD_BAD "- [B](htps://b.org) - Beta.\n" /* line 4 */
#define CLEAN "- [C](https://c.org) - Gamma.\n"
#define NEW_BAD "- [D](htp://d.org) - Delta.\n"

static char *top; /* bin/ (listlint), hooks/ (the hook repo), work/, pch/ */

/* Run a shell script in work/ with the framework's environment; return
 * its exit status, output (standard error with it) in *out. */
static int sh(const char *script, char **out) {
  char cmd[16384];
  snprintf(cmd, sizeof cmd,
           "cd '%s/work' && export HOME='%s' GIT_CONFIG_NOSYSTEM=1 "
           "PRE_COMMIT_HOME='%s/pch' XDG_CACHE_HOME='%s/cache' "
           "GIT_ALLOW_PROTOCOL=file PATH='%s/bin':\"$PATH\" && %s",
           top, top, top, top, top, script);
  return th_shell(cmd, NULL, out, NULL);
}

static void must(const char *script) {
  char *out;
  int st = sh(script, &out);
  cr_assert_eq(st, 0, "script failed (%d): %s\n%s", st, script, out);
  free(out);
}

/* A configuration using these hooks of the hook repository (YAML list
 * items, indented six spaces), staged. */
static void use_hooks(const char *hooks) {
  char rev_path[4200];
  snprintf(rev_path, sizeof rev_path, "%s/rev", top);
  char *rev = th_read_abs(rev_path);
  cr_assert_not_null(rev);
  rev[strcspn(rev, "\n")] = '\0';
  char yaml[8192], dir[4200];
  int n = snprintf(yaml, sizeof yaml,
                   "repos:\n  - repo: %s/hooks\n    rev: %s\n    hooks:\n%s",
                   top, rev, hooks);
  snprintf(dir, sizeof dir, "%s/work", top);
  free(th_write(dir, ".pre-commit-config.yaml", yaml, (size_t)n));
  free(rev);
  must("git add .pre-commit-config.yaml");
}

static void setup(void) {
  top = th_tmpdir();
  char *out;
  int st = th_shell("command -v pre-commit && pre-commit --version", NULL, &out,
                    NULL);
  cr_assert_eq(st, 0,
               "the pre-commit framework is not installed (make "
               "deps installs it): %s",
               out);
  free(out);
  char cmd[16384];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && mkdir bin hooks work pch && ln -s '%s' bin/listlint "
           "&& cp '%s/.pre-commit-hooks.yaml' hooks/ && cd hooks && "
           "git init -q . && git add . && "
           "git -c user.email=t@example.org -c user.name=T "
           "-c commit.gpgsign=false commit -qm hooks && "
           "git rev-parse HEAD > ../rev",
           top, th_bin(), th_root());
  st = th_shell(cmd, NULL, &out, NULL);
  cr_assert_eq(st, 0, "hook repository: %s", out);
  free(out);
  must("git init -q . && git config user.email t@example.org && "
       "git config user.name T && git config commit.gpgsign false && "
       "pre-commit install");
}

static void teardown(void) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
  cr_expect_eq(system(cmd), 0);
  free(top);
}

/* A list with an old finding at line 4, committed before the hook was
 * adopted (--no-verify), with the configuration. */
static void old_list(const char *name) {
  char script[512];
  snprintf(script, sizeof script,
           "printf -- '" GOOD OLD_BAD "' > '%s' && git add . && "
           "git commit -q --no-verify -m old",
           name);
  must(script);
}

TestSuite(precommit, .init = setup, .fini = teardown, .timeout = 120);

/* The issue: a clean entry added to a list with an old finding was
 * blocked by that finding. */
Test(precommit, default_hook_lets_a_clean_entry_beside_an_old_finding_in) {
  use_hooks("      - id: listlint\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" CLEAN "' >> README.md && git add README.md && "
              "git commit -qm clean",
              &out);
  cr_expect_eq(st, 0, "an old finding blocked the commit: %s", out);
  cr_expect(strstr(out, "listlint") && strstr(out, "Passed"),
            "the hook did not run: %s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = clean");
}

Test(precommit, default_hook_blocks_a_bad_entry_at_its_line) {
  use_hooks("      - id: listlint\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" NEW_BAD "' >> README.md && git add README.md && "
              "git commit -qm bad",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:5:7: error: URL 'htp://d.org'"), "%s", out);
  cr_expect_null(strstr(out, "README.md:4:"), "an old finding: %s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = old");
  must("SKIP=listlint git commit -qm skipped");
}

/* No HEAD yet: everything the first commit holds is new. */
Test(precommit, default_hook_judges_all_of_a_first_commit) {
  use_hooks("      - id: listlint\n");
  char *out;
  int st = sh("printf -- '" GOOD OLD_BAD "' > README.md && git add . && "
              "git commit -qm first",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
  must("test -z \"$(git rev-list --all)\"");
  must("printf -- '" GOOD "' > README.md && git add . && "
       "git commit -qm first");
}

/* A file the commit adds is new throughout; a renamed one keeps its
 * old findings old. */
Test(precommit, default_hook_new_files_and_renames) {
  use_hooks("      - id: listlint\n");
  old_list("old.md");
  char *out;
  int st = sh("printf -- '" GOOD OLD_BAD "' > added.md && git add added.md "
              "&& git commit -qm added",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "added.md:4:7: error"), "%s", out);
  free(out);
  must("git rm -q --cached added.md && rm added.md");
  st = sh("git mv old.md new.md && printf -- '" CLEAN "' >> new.md && "
          "git add new.md && git commit -qm renamed",
          &out);
  cr_expect_eq(st, 0, "the renamed file's old finding: %s", out);
  cr_expect(strstr(out, "Passed"), "%s", out);
  free(out);
  st = sh("git mv new.md moved.md && printf -- '" NEW_BAD "' >> moved.md && "
          "git add moved.md && git commit -qm moved-bad",
          &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "moved.md:6:7: error"), "%s", out);
  cr_expect_null(strstr(out, "moved.md:4:"), "an old finding: %s", out);
  free(out);
}

/* The staged content is judged: the framework stashes what is not
 * staged (and puts it back), and git commit -a stages into a temporary
 * index. */
Test(precommit, default_hook_judges_what_is_staged) {
  use_hooks("      - id: listlint\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" CLEAN "' >> README.md && git add README.md && "
              "printf -- '" NEW_BAD "' >> README.md && "
              "git commit -qm staged-clean",
              &out);
  cr_expect_eq(st, 0, "the bad line is not staged: %s", out);
  free(out);
  must("grep -q htp://d.org README.md"); /* the unstaged line is back */
  st = sh("git commit -qam all", &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:6:7: error"), "%s", out);
  free(out);
}

/* The framework passes Markdown files only (types: [markdown]), .md
 * and .markdown alike. */
Test(precommit, only_markdown_files_are_passed) {
  use_hooks("      - id: listlint\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" GOOD NEW_BAD "' > notes.txt && "
              "printf -- '" CLEAN "' >> README.md && git add . && "
              "git commit -qm text",
              &out);
  cr_expect_eq(st, 0, "a text file was linted: %s", out);
  cr_expect(strstr(out, "Passed"), "%s", out);
  free(out);
  st = sh("printf -- '" GOOD NEW_BAD "' > l.markdown && git add . && "
          "git commit -qm markdown",
          &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "l.markdown:4:7: error"), "%s", out);
  free(out);
}

/* A configuration's args add to the hook's entry: the hook still
 * judges only what the commit brings in. */
Test(precommit, args_keep_the_default_hook_judging_the_commit) {
  use_hooks("      - id: listlint\n        args: [-q, --fail-on=warning]\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" CLEAN "' >> README.md && git add README.md && "
              "git commit -qm clean",
              &out);
  cr_expect_eq(st, 0, "%s", out);
  free(out);
  /* a warning the commit brings in */
  st = sh("printf -- '- [T](https://t.org/?utm_source=x) - Tracked.\\n' "
          ">> README.md && "
          "git add README.md && git commit -qm warning",
          &out);
  cr_expect_neq(st, 0, "--fail-on=warning was dropped: %s", out);
  cr_expect(strstr(out, "README.md:6:") && strstr(out, "tracking-param"), "%s",
            out);
  cr_expect_null(strstr(out, " in 1 file"), "-q was dropped: %s", out);
  free(out);
}

/* listlint-full reports every finding of the files passed, old ones
 * too. */
Test(precommit, full_hook_reports_old_findings) {
  use_hooks("      - id: listlint-full\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '" CLEAN "' >> README.md && git add README.md && "
              "git commit -qm clean",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:4:7: error: URL 'htps://b.org'"), "%s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = old");
  /* fixed, the file passes */
  must("sed -i 's/htps:/https:/' README.md && git add README.md && "
       "git commit -qm fixed");
}

/* pre-commit run --all-files: the default hook finds nothing brought in
 * (the index is HEAD), the whole-file hook every old finding. */
Test(precommit, all_files_runs) {
  use_hooks("      - id: listlint\n      - id: listlint-full\n");
  old_list("README.md");
  char *out;
  int st = sh("pre-commit run --all-files", &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "- hook id: listlint-full"), "%s", out);
  cr_expect_null(strstr(out, "- hook id: listlint\n"),
                 "nothing is brought in: %s", out);
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
}

/* listlint-fix fixes the working tree and fails the hook when it
 * changed a file, so the fix is reviewed and staged; an error it cannot
 * fix blocks the commit when the commit brings it in, and only then. */
Test(precommit, fix_hook_fixes_then_judges_the_commit) {
  use_hooks("      - id: listlint-fix\n");
  old_list("README.md");
  char *out;
  int st = sh("printf -- '- [T](https://t.org/?utm_source=x) - Tracked.\\n' "
              ">> README.md && git add README.md && git commit -qm tracked",
              &out);
  cr_expect_neq(st, 0, "a fixed file must block the commit: %s", out);
  cr_expect(strstr(out, "files were modified by this hook"), "%s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = old");
  must("grep -q '^- \\[T\\](https://t.org/) - Tracked.$' README.md");
  /* reviewed and staged: the fix passes, the old error does not block */
  must("git add README.md && git commit -qm tracked");
  st = sh("printf -- '" NEW_BAD "' >> README.md && git add README.md && "
          "git commit -qm bad",
          &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:6:7: error: URL 'htp://d.org'"), "%s", out);
  cr_expect_null(strstr(out, "files were modified"), "%s", out);
  cr_expect_null(strstr(out, "README.md:4:"), "an old finding: %s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = tracked");
}
