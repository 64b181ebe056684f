/* test_config.c - .listlint.ini: discovery, layers, options, profiles,
 * bad configurations, custom patterns, through the real binary. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "config.h"
#include "helpers.h"

#define BAD                                                                    \
  "# L\n\n- [A](https://a.org) - Alpha.\n- [B](htps://b.org) - Beta.\n"

static char *dir;

static void setup(void) { dir = th_tmpdir(); }
static void teardown(void) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_expect_eq(system(cmd), 0);
  free(dir);
}

static void put(const char *name, const char *text) {
  free(th_write(dir, name, text, strlen(text)));
}

/* Run listlint with args (paths under dir given in full). */
static int run(const char *args, char **out, char **err) {
  char a[8400];
  snprintf(a, sizeof a, "--no-show-source --color=never %s", args);
  return th_run(a, NULL, out, err);
}

static char *at(const char *name) {
  char *p = ll_xmalloc(strlen(dir) + strlen(name) + 2);
  sprintf(p, "%s/%s", dir, name);
  return p;
}

TestSuite(config, .init = setup, .fini = teardown);

Test(config, nearest_file_up_to_the_repository_root) {
  mkdir(at("repo"), 0755);
  mkdir(at("repo/.git"), 0755);
  mkdir(at("repo/docs"), 0755);
  put("repo/docs/list.md", BAD);
  put("repo/.listlint.ini", "[rules]\nmalformed-url = off\n");
  /* outside the repository, ignored: */
  put(".listlint.ini", "[rules]\nbogus = error\n");
  char args[8192], *out;
  snprintf(args, sizeof args, "-q '%s/repo/docs/list.md'", dir);
  cr_expect_eq(run(args, &out, NULL), 0, "%s", out);
  cr_expect_null(strstr(out, "malformed-url"));
  free(out);
  /* --no-config and --config override the discovery */
  snprintf(args, sizeof args, "-q --no-config '%s/repo/docs/list.md'", dir);
  cr_expect_eq(run(args, NULL, NULL), 1);
  put("strict.ini", "[rules]\nduplicate-link = off\nmalformed-url = warning\n");
  snprintf(args, sizeof args,
           "-q --config '%s/strict.ini' '%s/repo/docs/list.md'", dir, dir);
  cr_expect_eq(run(args, &out, NULL), 0);
  cr_expect(strstr(out, "warning: URL 'htps://b.org'"), "%s", out);
  free(out);
  /* the command line wins over the file */
  snprintf(args, sizeof args,
           "-q --rule malformed-url=error '%s/repo/docs/list.md'", dir);
  cr_expect_eq(run(args, NULL, NULL), 1);
}

static void bad_config(const char *text, const char *want) {
  put("bad.ini", text);
  put("l.md", BAD);
  char args[8192], *err;
  snprintf(args, sizeof args, "--config '%s/bad.ini' '%s/l.md'", dir, dir);
  cr_expect_eq(run(args, NULL, &err), 2, "exit 2 for %s", text);
  cr_expect(strstr(err, want), "wanted '%s' in: %s", want, err);
  free(err);
}

Test(config, errors_name_the_file_and_line) {
  bad_config("[rules]\n\nbogus = error\n", "bad.ini:3: unknown rule 'bogus'");
  bad_config("[rules]\nmalformed-url = loud\n",
             "bad.ini:2: bad severity 'loud'");
  bad_config("[listlint]\ncolour = red\n", "bad.ini:2: unknown key 'colour'");
  bad_config("[listlint]\nprofile = shiny\n", "unknown profile 'shiny'");
  bad_config("junk\n", "bad.ini:1: not valid INI");
  bad_config("[nonsense]\nx = 1\n", "bad.ini:2: unknown section [nonsense]");
  bad_config("[rule \"duplicate-link\"]\ncolour = red\n",
             "bad.ini:2: rule 'duplicate-link' has no option 'colour'");
  bad_config("[pattern \"p\"]\nfield = url\npattern = (unclosed\n",
             "bad.ini:3: pattern 'p': pattern does not compile: missing "
             "closing parenthesis at offset 9");
  bad_config("[pattern \"p\"]\nfield = colour\n", "unknown field 'colour'");
  bad_config("[links]\nspeed = max\n",
             "bad.ini:2: unknown key 'speed' in [links]");
  bad_config("[links]\nexclude = (x\n",
             "bad.ini:2: [links] exclude does not compile");
  bad_config("[rule \"duplicate-link\"]\nallow = [z-a]\n",
             "bad.ini:2: duplicate-link: 'allow' does not compile");
  char args[8192], *err;
  snprintf(args, sizeof args, "--config '%s' '%s/l.md'", dir, dir);
  cr_expect_eq(run(args, NULL, &err), 2);
  cr_expect(strstr(err, "is a directory"), "%s", err);
  free(err);
  snprintf(args, sizeof args, "--config '%s/none.ini' '%s/l.md'", dir, dir);
  cr_expect_eq(run(args, NULL, &err), 2);
  cr_expect(strstr(err, "none.ini: cannot read"), "%s", err);
  free(err);
  cr_expect_eq(run("--profile shiny -", NULL, NULL), 2);
}

Test(config, options_change_what_rules_report) {
  put("l.md", "# L\n\n## Tools\n\n- [A](https://a.org) - One.\n"
              "- [B](http://old.example.org) - Two.\n\n## Also\n\n"
              "- [A2](https://a.org) - One again.\n");
  char args[8192], *out;
  snprintf(args, sizeof args, "-q --no-config '%s/l.md'", dir);
  run(args, &out, NULL);
  cr_expect(strstr(out, "duplicate-link"), "%s", out);
  cr_expect(strstr(out, "insecure-http"), "%s", out);
  free(out);
  put(".listlint.ini",
      "[rule \"duplicate-link\"]\nallow-sections = ^L > Also$\n"
      "[rule \"insecure-http\"]\nallow-hosts = old.example.org\n");
  snprintf(args, sizeof args, "-q '%s/l.md'", dir);
  run(args, &out, NULL);
  cr_expect_null(strstr(out, "duplicate-link"), "%s", out);
  cr_expect_null(strstr(out, "insecure-http"), "%s", out);
  free(out);
  put(".listlint.ini", "[rule \"duplicate-link\"]\nacross-sections = false\n"
                       "[listlint]\nexclude = skip*.md\n");
  put("skip-me.md", BAD);
  snprintf(args, sizeof args, "-q '%s'", dir);
  run(args, &out, NULL);
  cr_expect_null(strstr(out, "duplicate-link"), "%s", out);
  cr_expect_null(strstr(out, "skip-me.md"), "excluded: %s", out);
  free(out);
}

Test(config, catastrophic_pattern_is_stopped_and_reported, .timeout = 60) {
  put(".listlint.ini", "[pattern \"slow\"]\nfield = line\n"
                       "pattern = ^(a+)+$\nmessage = never\n");
  struct ll_buf b;
  ll_buf_init(&b, 0);
  for (int i = 0; i < 40; i++)
    ll_buf_addc(&b, 'a');
  ll_buf_adds(&b, "b\n");
  put("l.md", b.data);
  ll_buf_free(&b);
  char args[8192], *out;
  snprintf(args, sizeof args, "-q '%s/l.md'", dir);
  run(args, &out, NULL);
  cr_expect(strstr(out, "match limit"), "%s", out);
  cr_expect(strstr(out, "[slow]"), "%s", out);
  free(out);
}

Test(config, print_config_shows_all_layers) {
  put(".listlint.ini",
      "[listlint]\nprofile = datasets\n[rules]\nmojibake = off\n");
  put("l.md", BAD);
  char args[8192], *out;
  snprintf(args, sizeof args, "--print-config '%s/l.md'", dir);
  cr_expect_eq(run(args, &out, NULL), 0);
  cr_expect(strstr(out, "profile = datasets"), "%s", out);
  cr_expect(strstr(out, "mojibake = off"), "%s", out);
  cr_expect(strstr(out, "missing-link = error"), "from the profile: %s", out);
  cr_expect(strstr(out, "[rule \"missing-link\"]\nlabels = Access"), "%s", out);
  free(out);
}

Test(config, explain_and_list_rules) {
  char *out;
  cr_expect_eq(th_run("--explain duplicate-link", NULL, &out, NULL), 0);
  cr_expect(strncmp(out, "# duplicate-link\n", 17) == 0, "%s", out);
  cr_expect(strstr(out, "## Bad"));
  free(out);
  cr_expect_eq(th_run("--explain nope", NULL, NULL, NULL), 2);
  cr_expect_eq(th_run("--list-rules", NULL, &out, NULL), 0);
  for (int i = 0; i < LL_R__COUNT; i++)
    cr_expect(strstr(out, ll_rules[i].id), "%s missing", ll_rules[i].id);
  free(out);
}

Test(profiles, awesome_asks_for_descriptions_and_punctuation) {
  char *out;
  const char *list = "# Awesome X\n\n- [A](https://a.org) - Alpha.\n"
                     "- [B](https://b.org)\n- [C](https://c.org) - gamma\n";
  th_run("-q --no-config -", list, &out, NULL);
  cr_expect_str_eq(out, "", "loose: too few entries for conventions");
  free(out);
  /* descriptions where the list describes its entries, except for a
   * title that says what the entry is (the awesome guidelines) */
  struct ll_buf l;
  ll_buf_init(&l, 0);
  ll_buf_adds(&l, "# Awesome X\n\n- [A](https://a.org) - Alpha.\n"
                  "- [B](https://b.org)\n- [C](https://c.org) - gamma\n"
                  "- [Learn Go the Hard Way](https://e.org)\n");
  for (int i = 0; i < 20; i++) /* 21 of 23 described */
    ll_buf_printf(&l, "- [T%d](https://t.org/%d) - Tool %d.\n", i, i, i);
  cr_expect_eq(
      th_run("-q --no-config --profile awesome --stdin-filename l.md -", l.data,
             &out, NULL),
      1);
  ll_buf_free(&l);
  cr_expect(!strstr(out, "'Learn Go the Hard Way' has no description"), "%s",
            out);
  cr_expect(strstr(out, "l.md:4:4: error: entry 'B' has no description"), "%s",
            out);
  cr_expect(strstr(out, "l.md:5:28: error: description does not end"), "%s",
            out);
  cr_expect(strstr(out, "l.md:5:24: error: description starts with a "
                        "lower-case letter"),
            "%s", out);
  free(out);
}

Test(profiles, datasets_on_the_seed) {
  char *out;
  th_run("-q --no-config --profile datasets tests/golden/seed-002.md", NULL,
         &out, NULL);
  /* the entries without links and without descriptions */
  cr_expect(strstr(out, ":110:3: error: entry 'MRI Lesion Segmentation in "
                        "Multiple Sclerosis Database' has no description"),
            "%s", out);
  cr_expect(strstr(out, ":352:1: error: entry 'Thyroid Disease Data Set' has "
                        "no description"),
            "%s", out);
  cr_expect_null(strstr(out, "missing-link"),
                 "every seed entry has a labelled link: %s", out);
  cr_expect_null(strstr(out, "access-format"), "%s", out);
  free(out);
}

/* --print-config's output is a configuration that reads back as the
 * same: [links] keys once, under [links] (they were also printed under
 * [listlint], joined values and all, which did not read back). */
Test(config, printed_configuration_reads_back_the_same) {
  put(".listlint.ini", "[links]\nexclude = ^https://a\\.example\n"
                       "exclude = ^https://b\\.example\nuser-agent = t/1\n");
  put("l.md", BAD);
  char args[4400], *first, *again, *err;
  snprintf(args, sizeof args, "--config '%s/.listlint.ini' --print-config",
           dir);
  cr_assert_eq(run(args, &first, NULL), 0);
  char *head = strstr(first, "\n[links]");
  cr_assert(head, "%s", first);
  const char *ua = strstr(first, "user-agent = t/1\n");
  cr_expect(ua > head && !strstr(ua + 1, "user-agent"),
            "user-agent once, under [links]:\n%s", first);
  /* the comment names the file: drop it, keep the rest */
  put("printed.ini", strchr(first, '\n') + 1);
  snprintf(args, sizeof args, "--config '%s/printed.ini' --print-config", dir);
  cr_assert_eq(run(args, &again, &err), 0, "%s", err);
  cr_expect_str_eq(strchr(again, '\n') + 1, strchr(first, '\n') + 1);
  free(first);
  free(again);
  free(err);
}

/* A [pattern "ID"] section that comes back after another goes on with
 * the same pattern (it made a second, empty one: "has no 'pattern ='"). */
Test(config, pattern_section_that_comes_back_is_the_same_pattern) {
  put("p.ini", "[pattern \"a\"]\nfield = name\npattern = Foo\n"
               "[pattern \"b\"]\nfield = name\npattern = Bar\n"
               "[pattern \"a\"]\nmessage = no foo here\n");
  put("p.md", "- [Foo](https://foo.org) - The foo thing.\n"
              "- [Bar](https://bar.org) - The bar thing.\n");
  char args[4400], *out, *err;
  snprintf(args, sizeof args, "--config '%s/p.ini' '%s/p.md'", dir, dir);
  cr_assert_eq(run(args, &out, &err), 0, "%s", err);
  cr_expect(strstr(out, "1:4: warning: no foo here [a]"), "%s", out);
  cr_expect(strstr(out, "2:4: warning:") && strstr(out, "[b]"), "%s", out);
  cr_expect(strstr(out, "2 warnings"), "one finding each: %s", out);
  free(out);
  free(err);
}
