/* test_git.c - the pre-commit hook, --staged and --diff-base in real git
 * repositories made in temporary directories, through real commits. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <criterion/criterion.h>

#include "../src/git.h"
#include "helpers.h"

#define GOOD "# L\n\n- [A](https://a.org) - Alpha.\n"
#define BAD_LINE "- [B](htps://b.org) - Beta.\n"

static char *repo;

static void setup(void) {
  repo = th_tmpdir();
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && git init -q . && git config user.email t@example.org"
           " && git config user.name T && git config commit.gpgsign false",
           repo);
  cr_assert_eq(system(cmd), 0, "git init failed");
}

static void teardown(void) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", repo);
  cr_expect_eq(system(cmd), 0);
  free(repo);
}

/* Run a shell script in the repository with LISTLINT pointing at the
 * binary under test; return its exit status, output in *out. */
static int sh(const char *script, char **out) {
  char cmd[16384];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && export HOME='%s' GIT_CONFIG_NOSYSTEM=1 LL='%s' && %s",
           repo, repo, th_bin(), script);
  return th_shell(cmd, NULL, out, NULL);
}

static void must(const char *script) {
  char *out;
  int st = sh(script, &out);
  cr_assert_eq(st, 0, "script failed (%d): %s\n%s", st, script, out);
  free(out);
}

TestSuite(git, .init = setup, .fini = teardown, .timeout = 60);

Test(git, hook_passes_clean_and_blocks_a_bad_first_commit) {
  must("\"$LL\" install-hook");
  must("printf -- '" GOOD "' > README.md && git add README.md && "
       "git commit -qm clean");
  char *out;
  int st = sh("printf -- '" GOOD BAD_LINE "' > README.md && git add README.md"
              " && git commit -qm bad",
              &out);
  cr_expect_neq(st, 0, "a malformed URL must block the commit");
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
  /* blocked: HEAD is still the clean commit */
  must("test \"$(git log --format=%s -1)\" = clean");
  /* LISTLINT_SKIP and --no-verify let it through */
  must("LISTLINT_SKIP=1 git commit -qm skipped");
  must("printf -- '\\n' >> README.md && git add README.md && "
       "git commit -q --no-verify -m noverify");
}

Test(git, first_commit_is_checked_too) {
  must("\"$LL\" install-hook");
  cr_expect_neq(sh("printf -- '" GOOD BAD_LINE "' > README.md && "
                   "git add README.md && git commit -qm first",
                   NULL),
                0);
}

Test(git, partially_staged_files_are_judged_as_staged) {
  must("printf -- '" GOOD "' > README.md && git add README.md && "
       "git commit -qm base && \"$LL\" install-hook");
  /* the bad line is only in the working tree: the commit passes */
  must("printf -- '" GOOD "- [C](https://c.org) - Gamma.\\n' > README.md && "
       "git add README.md && printf -- '" BAD_LINE "' >> README.md && "
       "git commit -qm staged-good");
  /* staged bad, fixed only in the working tree: still blocked */
  char *out;
  int st = sh("git add README.md && "
              "sed -i 's/htps:/https:/' README.md && "
              "git commit -qm staged-bad",
              &out);
  cr_expect_neq(st, 0, "the index holds the bad line: %s", out);
  cr_expect(strstr(out, "malformed-url"), "%s", out);
  free(out);
}

Test(git, odd_file_names) {
  must("\"$LL\" install-hook");
  char *out;
  int st = sh("mkdir -p 'd ir' && "
              "printf -- '" GOOD BAD_LINE "' > 'd ir/l\xC3\xA4 st \"q\".md' && "
              "git add . && git commit -qm odd",
              &out);
  cr_expect_neq(st, 0);
  cr_expect(strstr(out, "d ir/l\xC3\xA4 st \"q\".md:4:7"), "%s", out);
  free(out);
  must("printf -- '" GOOD "' > 'd ir/l\xC3\xA4 st \"q\".md' && git add . && "
       "git commit -qm fixed");
}

Test(git, renames_keep_old_findings_old) {
  must("printf -- '" GOOD BAD_LINE "' > old.md && git add old.md && "
       "git commit -qm old && \"$LL\" install-hook");
  must("git mv old.md new.md && git commit -qm renamed");
  char *out;
  sh("\"$LL\" --diff-base HEAD~1 new.md", &out);
  cr_expect_null(strstr(out, "error"), "an old finding is not new: %s", out);
  free(out);
}

Test(git, diff_base_reports_only_new_findings) {
  must("printf -- '" GOOD BAD_LINE "' > README.md && git add . && "
       "git commit -qm old");
  must("printf -- '- [B](https://a.org) - Alpha again.\\n"
       "- [D](htp://d.org) - New typo.\\n' >> README.md");
  char *out;
  int st = sh("\"$LL\" -q --diff-base HEAD README.md", &out);
  cr_expect_eq(st, 1);
  cr_expect(strstr(out, "README.md:6:7: error: URL 'htp://d.org'"), "%s", out);
  cr_expect(strstr(out, "README.md:5:7: error: duplicate link"),
            "a new duplicate of an old entry: %s", out);
  cr_expect_null(strstr(out, "htps://b.org"), "old finding: %s", out);
  free(out);
  /* lines moved above the old problem do not make it new */
  must("printf -- '# L\\n\\n- [Z](https://z.org) - Zed.\\n"
       "- [A](https://a.org) - Alpha.\\n" BAD_LINE "' > README.md");
  st = sh("\"$LL\" -q --diff-base HEAD README.md", &out);
  cr_expect_eq(st, 0, "%s", out);
  free(out);
  cr_expect_eq(sh("\"$LL\" --diff-base no-such-rev README.md", NULL), 2);
}

Test(git, existing_hooks_are_kept) {
  must("mkdir -p .git/hooks && printf -- '#!/bin/sh\\necho theirs > ran\\n' >"
       " .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit");
  char *out;
  cr_expect_eq(sh("\"$LL\" install-hook", &out), 2);
  cr_expect(strstr(out, "--chain"), "%s", out);
  free(out);
  must("grep -q theirs .git/hooks/pre-commit");
  must("\"$LL\" install-hook --chain");
  must("printf -- '" GOOD "' > README.md && git add . && git commit -qm c && "
       "grep -q theirs ran");
  must("\"$LL\" uninstall-hook && grep -q theirs .git/hooks/pre-commit && "
       "test ! -e .git/hooks/pre-commit.listlint-orig");
  /* uninstall leaves a hook that is not ours alone */
  cr_expect_eq(sh("\"$LL\" uninstall-hook", NULL), 2);
}

Test(git, core_hooks_path_is_respected) {
  must("git config core.hooksPath myhooks && \"$LL\" install-hook && "
       "test -x myhooks/pre-commit && test ! -e .git/hooks/pre-commit");
  cr_expect_neq(sh("printf -- '" GOOD BAD_LINE "' > README.md && git add . && "
                   "git commit -qm bad",
                   NULL),
                0);
}

Test(git, staged_without_files_lints_every_staged_markdown_file) {
  must("printf -- '" GOOD BAD_LINE "' > a.md && printf -- 'x' > b.txt && "
       "git add a.md b.txt");
  char *out;
  cr_expect_eq(sh("\"$LL\" --staged -q", &out), 1);
  cr_expect(strstr(out, "a.md:4:7"), "%s", out);
  cr_expect_null(strstr(out, "b.txt"));
  free(out);
  must("git commit -qm x && \"$LL\" --staged");
}

/* Outside a repository git's processes stop at once: a request written
 * to cat-file after it has gone must be an error, not a SIGPIPE that
 * kills listlint (it did: exit status 141).  Repeated, as it is a race. */
Test(git, outside_a_repository_is_a_usage_error) {
  must("rm -rf .git");
  for (int i = 0; i < 5; i++) {
    char *out;
    int st = sh("GIT_CEILING_DIRECTORIES=\"$(dirname \"$PWD\")\" \"$LL\" "
                "--staged --diff-base HEAD 2>&1",
                &out);
    cr_expect_eq(st, 2, "exit status %d: %s", st, out);
    cr_expect(strstr(out, "not a commit here") ||
                  strstr(out, "not inside a git repository"),
              "%s", out);
    free(out);
  }
}

/* The composite action's lint step, run as the action runs it. */
Test(git, action_step_writes_sarif_and_annotations) {
  must("printf -- '" GOOD BAD_LINE "' > README.md && git add . && "
       "git commit -qm old");
  must("printf -- '- [D](htp://d.org) - New.\\n' >> README.md && "
       "git commit -qam new");
  char script[8192], *out;
  snprintf(script, sizeof script,
           "LISTLINT=\"$LL\" LL_FILES=README.md LL_FAIL_ON=error "
           "LL_BASE=$(git rev-parse HEAD~1) sh '%s/tools/action-lint.sh'",
           th_root());
  int st = sh(script, &out);
  cr_expect_eq(st, 1, "%s", out);
  cr_expect(strstr(out, "::error file=README.md,line=5,"), "%s", out);
  cr_expect_null(strstr(out, "line=4,"), "old finding annotated: %s", out);
  free(out);
  must("grep -q '\"ruleId\": \"malformed-url\"' listlint.sarif && "
       "test $(grep -c '\"ruleId\"' listlint.sarif) -eq 1");
}

/* --check-links with --diff-base requests only the links the revision
 * did not have. */
Test(git, diff_base_checks_only_new_links) {
  /* a closed port: a request would be refused, and reported */
  must("printf -- '- [Old](http://127.0.0.1:9/old) - Old link.\\n' > l.md && "
       "git add . && git commit -qm old");
  must("printf -- '- [New](http://127.0.0.1:9/new) - New link.\\n' >> l.md");
  char *out;
  sh("\"$LL\" -q --no-config --rule private-address=off --rule "
     "insecure-http=off --check-links --allow-private --link-retries 1 "
     "--diff-base HEAD l.md",
     &out);
  cr_expect(strstr(out, "l.md:2:") && strstr(out, "dead-link"), "%s", out);
  cr_expect_null(strstr(out, "l.md:1:"), "the old link is not requested: %s",
                 out);
  free(out);
}

/* The records of `git diff --name-status -z`, as the hook and
 * --diff-base read them: renames and copies carry two paths. */
Test(git, name_status_records) {
  static char out[] = "M\0a.md\0R087\0old name.md\0new\nname.md\0"
                      "C100\0x.md\0y.md\0A\0b.md\0R100\0cut";
  struct ll_buf r = {out, sizeof out - 1, 0, 0};
  struct ll_git_change c;
  size_t i = 0;
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'M');
  cr_expect_str_eq(c.path, "a.md");
  cr_expect_null(c.old_path);
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'R');
  cr_expect_str_eq(c.path, "new\nname.md");
  cr_expect_str_eq(c.old_path, "old name.md");
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'C');
  cr_expect_str_eq(c.old_path, "x.md");
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_str_eq(c.path, "b.md");
  /* a record cut short ends the list */
  cr_expect_eq(ll_git_change_next(&r, &i, &c), -1);
  cr_expect_str_eq(ll_git_rename_lookup(&r, "new\nname.md"), "old name.md");
  cr_expect_null(ll_git_rename_lookup(&r, "y.md"), "a copy is not a rename");
  cr_expect_null(ll_git_rename_lookup(&r, "a.md"));
}
