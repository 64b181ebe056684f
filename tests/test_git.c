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
  /* fixed in the working tree only: the index still has the bad line */
  cr_expect_eq(sh("sed -i 's/htps:/https:/' a.md && \"$LL\" --staged -q", &out),
               1, "%s", out);
  free(out);
  must("git add a.md && git commit -qm x && \"$LL\" --staged");
}

/* A finding on an edited line is the new one, though old findings of
 * that rule flag the same (empty) text elsewhere: --diff-base reported
 * the last old one instead, and hid the new. */
Test(git, diff_base_reports_the_edited_line_not_an_old_twin) {
  char script[8192];
  int at = snprintf(script, sizeof script, "printf -- '# L\\n\\n");
  for (int i = 0; i < 20; i++) /* the last two lack the period */
    at += snprintf(script + at, sizeof script - (size_t)at,
                   "- [E%d](https://e%d.org) - Item %d of the list%s\\n", i, i,
                   i, i < 18 ? "." : "");
  snprintf(script + at, sizeof script - (size_t)at,
           "' > l.md && git add l.md && git commit -qm old");
  must(script);
  /* entry 2 (line 5) loses its period */
  must("sed -i '5s/list\\.$/list/' l.md && grep -q 'Item 2 of the list$' l.md");
  char *out;
  sh("\"$LL\" -q --no-show-source --diff-base HEAD l.md", &out);
  cr_expect(strstr(out, "l.md:5:"), "the edited line: %s", out);
  cr_expect_null(strstr(out, "l.md:22:"), "an old finding: %s", out);
  cr_expect_null(strstr(out, "l.md:21:"), "an old finding: %s", out);
  free(out);
}

/* git commit -a and git commit -- PATH stage into a temporary index
 * (GIT_INDEX_FILE) that the hook must judge. */
Test(git, commit_all_and_commit_paths_are_checked) {
  must("printf -- '" GOOD "' > README.md && git add . && git commit -qm base "
       "&& \"$LL\" install-hook && printf -- '" BAD_LINE "' >> README.md");
  char *out;
  cr_expect_neq(sh("git commit -qam all", &out), 0, "%s", out);
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
  cr_expect_neq(sh("git commit -qm path -- README.md", &out), 0, "%s", out);
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
  must("test \"$(git log --format=%s -1)\" = base");
}

/* The hook judges what the commit brings to a file HEAD already has
 * (HEAD's version read through cat-file), also across a rename. */
Test(git, hook_blocks_only_new_problems_of_a_changed_file) {
  must("printf -- '" GOOD BAD_LINE "' > old.md && git add . && "
       "git commit -qm old && \"$LL\" install-hook");
  must("printf -- '- [C](https://c.org) - Gamma.\\n' >> old.md && "
       "git commit -qam grown");
  must("git mv old.md new.md && printf -- '- [D](https://d.org) - Delta.\\n' "
       ">> new.md && git add new.md && git commit -qm moved");
  char *out;
  int st = sh("printf -- '- [E](htp://e.org) - Epsilon.\\n' >> new.md && "
              "git commit -qam bad",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "new.md:7:7: error"), "%s", out);
  cr_expect_null(strstr(out, "new.md:4:"), "an old problem: %s", out);
  free(out);
}

/* The hook reads a file staged in full from the working tree when git's
 * blob id says it holds the same bytes: that id must be git's, SHA-1
 * and SHA-256 alike. */
Test(git, blob_ids_are_gits) {
  must("git init -q --object-format=sha256 s256 && "
       "head -c 100000 /dev/urandom > big && printf '' > empty && "
       "printf 'x\\n' > x");
  static const char *const files[] = {"big", "empty", "x"};
  for (size_t i = 0; i < 3; i++) {
    char script[256], *id1, *id256;
    snprintf(script, sizeof script, "git hash-object %s | tr -d '\\n'",
             files[i]);
    cr_assert_eq(sh(script, &id1), 0);
    snprintf(script, sizeof script,
             "cd s256 && git hash-object ../%s | tr -d '\\n'", files[i]);
    cr_assert_eq(sh(script, &id256), 0);
    cr_assert_eq(strlen(id1), 40, "%s", id1);
    cr_assert_eq(strlen(id256), 64, "%s", id256);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", repo, files[i]);
    char *data = th_read_abs(path);
    cr_assert_not_null(data);
    size_t len = i == 0 ? 100000 : strlen(data); /* big may hold NULs */
    cr_expect(ll_git_blob_is(data, len, id1), "%s", files[i]);
    cr_expect(ll_git_blob_is(data, len, id256), "%s", files[i]);
    /* one byte less, or an id of another length, is not the blob */
    if (len)
      cr_expect_not(ll_git_blob_is(data, len - 1, id1));
    id1[39] = '\0';
    cr_expect_not(ll_git_blob_is(data, len, id1));
    free(data);
    free(id1);
    free(id256);
  }
}

/* The hook in a SHA-256 repository: 64-digit ids in git's records. */
Test(git, hook_in_a_sha256_repository) {
  must("rm -rf .git && git init -q --object-format=sha256 . && "
       "git config user.email t@example.org && git config user.name T && "
       "\"$LL\" install-hook");
  must("printf -- '" GOOD "' > README.md && git add . && git commit -qm ok");
  char *out;
  int st = sh("printf -- '" GOOD BAD_LINE "' > README.md && git add . && "
              "git commit -qm bad",
              &out);
  cr_expect_neq(st, 0, "%s", out);
  cr_expect(strstr(out, "README.md:4:7: error"), "%s", out);
  free(out);
  /* staged bad, fixed in the working tree only: the index is judged */
  cr_expect_neq(
      sh("sed -i 's/htps:/https:/' README.md && git commit -qm bad", NULL), 0);
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

/* The records of `git diff --raw -z --no-abbrev`, as the hook and
 * --diff-base read them: renames and copies carry two paths. */
Test(git, raw_change_records) {
#define Z40 "0000000000000000000000000000000000000000"
#define A40 "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"
  static char out[] =
      ":100644 100644 " A40 " " A40 " M\0a.md\0"
      ":100644 100755 " A40 " " Z40 " R087\0old name.md\0new\nname.md\0"
      ":100644 100644 " A40 " " A40 " C100\0x.md\0y.md\0"
      ":000000 100644 " Z40 " " A40 " A\0b.md\0"
      ":100644 100644 " A40 " " A40 " R100\0cut";
  struct ll_buf r = {out, sizeof out - 1, 0, 0};
  struct ll_git_change c;
  size_t i = 0;
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'M');
  cr_expect_str_eq(c.path, "a.md");
  cr_expect_null(c.old_path);
  cr_expect_str_eq(c.new_id, A40);
  cr_expect_eq(c.new_mode, 0100644u);
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'R');
  cr_expect_str_eq(c.path, "new\nname.md");
  cr_expect_str_eq(c.old_path, "old name.md");
  cr_expect_str_eq(c.old_id, A40);
  cr_expect_str_eq(c.new_id, Z40);
  cr_expect_eq(c.new_mode, 0100755u);
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_eq(c.status, 'C');
  cr_expect_str_eq(c.old_path, "x.md");
  cr_assert_eq(ll_git_change_next(&r, &i, &c), 0);
  cr_expect_str_eq(c.path, "b.md");
  cr_expect_eq(c.status, 'A');
  /* a record cut short ends the list */
  cr_expect_eq(ll_git_change_next(&r, &i, &c), -1);
  cr_expect_str_eq(ll_git_rename_lookup(&r, "new\nname.md"), "old name.md");
  cr_expect_null(ll_git_rename_lookup(&r, "y.md"), "a copy is not a rename");
  cr_expect_null(ll_git_rename_lookup(&r, "a.md"));
}
