/* test_cli.c - the command line as a user meets it: options, exit
 * statuses, output formats and bad input, run through the real binary
 * (LL_BIN: under `make test-asan` the sanitizer build). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"
#include "unicode.h"

#define BAD "- [A](https://a.org) - Alpha.\n- [B](htps://b.org) - Beta.\n"

static char *tmp_with(const char *name, const char *data, size_t len,
                      char **dir) {
  *dir = th_tmpdir();
  return th_write(*dir, name, data, len);
}

static void cleanup(char *dir) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
  cr_expect_eq(system(cmd), 0);
  free(dir);
}

Test(cli, help_version_and_usage_errors) {
  char *out, *err;
  cr_expect_eq(th_run("--help", NULL, &out, NULL), 0);
  cr_expect(strstr(out, "Exit status"), "help documents exit statuses");
  free(out);
  cr_expect_eq(th_run("--version", NULL, &out, NULL), 0);
  cr_expect(strncmp(out, "listlint ", 9) == 0);
  free(out);
  cr_expect_eq(th_run("--no-such-option", NULL, NULL, &err), 2);
  cr_expect(strstr(err, "--no-such-option"), "names the bad option: %s", err);
  free(err);
  cr_expect_eq(th_run("--format=xml -", "", NULL, NULL), 2);
  cr_expect_eq(th_run("--fail-on=fatal -", "", NULL, NULL), 2);
  cr_expect_eq(th_run("--rule nope=error -", "", NULL, NULL), 2);
  cr_expect_eq(th_run("--rule duplicate-link=loud -", "", NULL, NULL), 2);
}

/* A bad number names its option however the value is given (the word
 * before the value was taken for the name: "0 wants a number"). */
Test(cli, bad_numbers_name_their_option) {
  static const char *const opts[] = {"--per-host", "--link-concurrency",
                                     "--link-retries", "--max-redirects"};
  for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
    for (int sep = 0; sep < 2; sep++) {
      char args[128], *err;
      snprintf(args, sizeof args, "%s%s-5 -", opts[i], sep ? "=" : " ");
      cr_expect_eq(th_run(args, "", NULL, &err), 2, "%s", args);
      char want[64];
      snprintf(want, sizeof want, "listlint: %s wants a number", opts[i]);
      cr_expect(strstr(err, want), "%s: %s", args, err);
      free(err);
    }
  }
}

Test(cli, stdin_findings_and_exit_status) {
  char *out;
  int st = th_run("--stdin-filename list.md --color=never -", BAD, &out, NULL);
  cr_expect_eq(st, 1);
  cr_expect(strstr(out, "list.md:2:7: error: URL 'htps://b.org' is malformed"),
            "%s", out);
  cr_expect(strstr(out, "[malformed-url]"));
  cr_expect(strstr(out, "1 error"), "summary: %s", out);
  free(out);
  cr_expect_eq(th_run("--rule malformed-url=warning -", BAD, NULL, NULL), 0);
  cr_expect_eq(th_run("--rule malformed-url=warning --fail-on=warning -", BAD,
                      NULL, NULL),
               1);
  cr_expect_eq(
      th_run("--rule malformed-url=off --fail-on=info -", BAD, &out, NULL), 0);
  cr_expect(strstr(out, "no problems"), "%s", out);
  free(out);
}

Test(cli, quiet_and_colour) {
  char *out;
  th_run("-q --color=never -", BAD, &out, NULL);
  cr_expect_null(strstr(out, "error,"));
  cr_expect_null(strstr(out, " in 1 file"), "quiet prints no summary");
  cr_expect_null(strchr(out, '\033'));
  free(out);
  th_run("--color=always -", BAD, &out, NULL);
  cr_expect(strchr(out, '\033'), "colour when asked");
  free(out);
  th_run("--show-source --color=never -", BAD, &out, NULL);
  cr_expect(strstr(out, "  - [B](htps://b.org) - Beta.\n        ^~~~~~~~~~~~"),
            "caret under the URL: %s", out);
  free(out);
}

static json_t *parse_json(const char *s) {
  json_error_t e;
  json_t *j = json_loads(s, 0, &e);
  cr_assert(j, "invalid JSON (%s at %d): %.200s", e.text, e.line, s);
  return j;
}

Test(cli, json_format_has_stable_keys) {
  char *out;
  cr_expect_eq(th_run("--format=json --stdin-filename l.md -", BAD, &out, NULL),
               1);
  json_t *j = parse_json(out);
  cr_assert(json_is_array(j));
  cr_assert_eq(json_array_size(j), 1);
  json_t *d = json_array_get(j, 0);
  const char *keys[] = {
      "file",       "line",        "column",          "end_line",
      "end_column", "char_column", "end_char_column", "offset",
      "end_offset", "rule",        "severity",        "message",
      NULL};
  for (int i = 0; keys[i]; i++)
    cr_expect(json_object_get(d, keys[i]), "key %s", keys[i]);
  cr_expect_str_eq(json_string_value(json_object_get(d, "file")), "l.md");
  cr_expect_eq(json_integer_value(json_object_get(d, "line")), 2);
  cr_expect_eq(json_integer_value(json_object_get(d, "column")), 7);
  cr_expect_eq(json_integer_value(json_object_get(d, "end_column")), 19);
  cr_expect_str_eq(json_string_value(json_object_get(d, "rule")),
                   "malformed-url");
  json_decref(j);
  free(out);
  /* no findings: an empty array, still valid JSON */
  th_run("--format=json -", "- [Alpha](https://a.org) - First.\n", &out, NULL);
  j = parse_json(out);
  cr_expect_eq(json_array_size(j), 0);
  json_decref(j);
  free(out);
}

Test(cli, dump_entries) {
  char *out;
  cr_expect_eq(
      th_run("--dump-entries tests/golden/seed-002.md", NULL, &out, NULL), 0);
  json_t *j = parse_json(out);
  cr_assert(json_array_size(j) > 40);
  size_t cardiac = 0;
  const char *shared = NULL;
  size_t i;
  json_t *e;
  json_array_foreach(j, i, e) {
    const char *keys[] = {"file",  "line",        "end_line", "style",   "name",
                          "links", "description", "access",   "section", NULL};
    for (int k = 0; keys[k]; k++)
      cr_expect(json_object_get(e, keys[k]), "key %s", keys[k]);
    json_t *links = json_object_get(e, "links");
    if (json_array_size(links) == 1) {
      const char *u =
          json_string_value(json_object_get(json_array_get(links, 0), "url"));
      if (strcmp(u, "http://www.cardiacatlas.org/studies/") == 0) {
        cardiac++;
        shared = u;
      }
    }
  }
  cr_expect_eq(cardiac, 6, "six cardiac atlas entries share one Access line");
  cr_expect_not_null(shared);
  json_decref(j);
  free(out);
}

/* The rows of a table that mirrors its list come in document order,
 * marked "mirror"; entries have no such key. */
Test(cli, dump_entries_marks_mirror_rows) {
  char *out;
  cr_expect_eq(th_run("--dump-entries -",
                      "# L\n\n- [A](https://a.org) - A.\n"
                      "- [B](https://b.org) - B.\n\n"
                      "| Name | Stars |\n|---|---|\n"
                      "| [A](https://a.org) | 1 |\n| [B](https://b.org) | 2 |\n"
                      "\n- [C](https://c.org) - C.\n",
                      &out, NULL),
               0);
  json_t *j = parse_json(out);
  cr_assert_eq(json_array_size(j), 5, "%s", out);
  const int lines[] = {3, 4, 8, 9, 11}, mirror[] = {0, 0, 1, 1, 0};
  for (size_t i = 0; i < 5; i++) {
    json_t *e = json_array_get(j, i);
    cr_expect_eq(json_integer_value(json_object_get(e, "line")), lines[i]);
    cr_expect_eq(json_is_true(json_object_get(e, "mirror")), mirror[i],
                 "entry %zu", i);
  }
  json_decref(j);
  free(out);
}

Test(cli, missing_file_and_empty_directory) {
  char *err;
  cr_expect_eq(th_run("no-such-file.md", NULL, NULL, &err), 2);
  cr_expect(strstr(err, "no-such-file.md"), "%s", err);
  cr_expect(strstr(err, "No such file"), "%s", err);
  free(err);
  char *dir = th_tmpdir();
  char args[4200];
  snprintf(args, sizeof args, "'%s'", dir);
  cr_expect_eq(th_run(args, NULL, NULL, &err), 2);
  cr_expect(strstr(err, "no Markdown files"), "%s", err);
  free(err);
  free(th_write(dir, "a.md", BAD, strlen(BAD)));
  mkdir(strcat(strcpy(args, dir), "/sub"), 0755);
  free(th_write(dir, "sub/b.md", BAD, strlen(BAD)));
  free(th_write(dir, "sub/c.txt", BAD, strlen(BAD)));
  snprintf(args, sizeof args, "-q '%s'", dir);
  char *out;
  cr_expect_eq(th_run(args, NULL, &out, NULL), 1);
  cr_expect(strstr(out, "/a.md:2:7"), "%s", out);
  cr_expect(strstr(out, "/sub/b.md:2:7"), "%s", out);
  cr_expect_null(strstr(out, "c.txt"));
  free(out);
  cleanup(dir);
}

Test(cli, no_file_lints_readme_of_cwd) {
  char *dir = th_tmpdir();
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "cd '%s' && %s >/dev/null 2>&1", dir, th_bin());
  int st = system(cmd);
  cr_expect_eq(WEXITSTATUS(st), 2, "no README.md: usage error");
  free(th_write(dir, "README.md", BAD, strlen(BAD)));
  snprintf(cmd, sizeof cmd, "cd '%s' && %s -q | grep -q '^README.md:2:7:'", dir,
           th_bin());
  cr_expect_eq(system(cmd), 0);
  cleanup(dir);
}

Test(cli, unreadable_file) {
  char *dir;
  char *path = tmp_with("locked.md", BAD, strlen(BAD), &dir);
  char args[4200], *err;
  if (geteuid() != 0) {
    chmod(path, 0);
    snprintf(args, sizeof args, "'%s'", path);
    cr_expect_eq(th_run(args, NULL, NULL, &err), 2);
    cr_expect(strstr(err, "Permission denied"), "%s", err);
  } else {
    /* root reads everything: a path through a file fails to open too */
    snprintf(args, sizeof args, "'%s/x.md'", path);
    cr_expect_eq(th_run(args, NULL, NULL, &err), 2);
    cr_expect(strstr(err, "Not a directory"), "%s", err);
  }
  cr_expect(strstr(err, "locked.md"), "%s", err);
  free(err);
  free(path);
  cleanup(dir);
}

Test(cli, binary_file_is_refused_with_its_line) {
  char *dir;
  const char data[] = "# L\n\nabc\0def\n";
  char *path = tmp_with("bin.md", data, sizeof data - 1, &dir);
  char args[4200], *err;
  snprintf(args, sizeof args, "'%s'", path);
  cr_expect_eq(th_run(args, NULL, NULL, &err), 2);
  cr_expect(strstr(err, "bin.md:3:4: binary file"), "%s", err);
  free(err);
  free(path);
  cleanup(dir);
}

Test(cli, empty_whitespace_bom_crlf_no_newline) {
  char *err, *out;
  cr_expect_eq(th_run("--stdin-filename e.md -", "", &out, &err), 0);
  cr_expect(strstr(err, "e.md: empty file"), "%s", err);
  free(err);
  free(out);
  cr_expect_eq(th_run("-", " \n\t\n\n", &out, NULL), 0);
  cr_expect(strstr(out, "no problems"), "%s", out);
  free(out);
  th_run("-q -", "\xEF\xBB\xBF- [B](htps://b.org) - Beta.\n", &out, NULL);
  cr_expect(strstr(out, ":1:10: error"), "BOM counted in bytes: %s", out);
  free(out);
  th_run("-q -", "# L\r\n\r\n- [B](htps://b.org) - Beta.", &out, NULL);
  cr_expect(strstr(out, ":3:7: error"), "%s", out);
  free(out);
}

Test(cli, invalid_utf8_is_a_finding_with_position) {
  char *out;
  cr_expect_eq(th_run("-q -", "ok\n\xff\xfe bad\n", &out, NULL), 1);
  cr_expect(strstr(out, ":2:1: error: invalid UTF-8: byte 0xFF"), "%s", out);
  free(out);
}

Test(cli, huge_line_and_deep_nesting, .timeout = 120) {
  size_t n = 1 << 20;
  char *big = ll_xmalloc(n + 64);
  memset(big, 'a', n);
  strcpy(big + n, " [x](htps://x.org)\n");
  char *dir;
  char *path = tmp_with("big.md", big, strlen(big), &dir);
  char args[4200], *out;
  snprintf(args, sizeof args, "-q '%s'", path);
  cr_expect_eq(th_run(args, NULL, &out, NULL), 1);
  cr_expect(strstr(out, ":1:1048582: error"), "%.300s", out);
  free(out);
  free(path);
  /* 10,000 levels of block quotes, then of nested lists */
  struct ll_buf b;
  ll_buf_init(&b, 0);
  for (int i = 0; i < 10000; i++)
    ll_buf_adds(&b, "> ");
  ll_buf_adds(&b, "- [A](htps://a.org) - A.\n");
  for (int i = 0; i < 10000; i++) {
    for (int k = 0; k < i && k < 10000; k++)
      ll_buf_adds(&b, "  ");
    ll_buf_adds(&b, "- [B](https://b.org) - B.\n");
    if (b.len > (64u << 20))
      break;
  }
  path = th_write(dir, "deep.md", b.data, b.len);
  snprintf(args, sizeof args, "-q '%s'", path);
  int st = th_run(args, NULL, &out, NULL);
  cr_expect(st == 0 || st == 1, "deep nesting: exit %d", st);
  cr_expect(strstr(out, "deep.md:1:"), "the quoted link is found: %.300s", out);
  free(out);
  free(path);
  ll_buf_free(&b);
  free(big);
  cleanup(dir);
}

/* The seeds' findings, reviewed line by line, kept as golden files. */
static void golden(const char *seed) {
  char args[512], rel[512], *out;
  snprintf(args, sizeof args, "-q --no-show-source tests/golden/%s.md", seed);
  th_run(args, NULL, &out, NULL);
  snprintf(rel, sizeof rel, "tests/golden/%s.txt", seed);
  char *want = th_read(rel, NULL);
  cr_assert(want, "no %s", rel);
  cr_expect_str_eq(out, want, "%s differs from its golden file", seed);
  free(out);
  free(want);
}

/* Every entry style has a fixture in tests/readers/ whose --dump-entries
 * (names, links with labels and the primary one, descriptions, access,
 * sections, which reader read each entry) is checked in. */
Test(golden, every_reader_reads_its_fixture) {
  static const char *const fixtures[] = {
      "link-list", "block", "notes",   "table",  "html",
      "titled",    "paper", "heading", "mirror", "general"};
  int seen[LL_STYLE__COUNT] = {0};
  for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
    char args[256], rel[256], *out;
    snprintf(args, sizeof args, "--dump-entries tests/readers/%s.md",
             fixtures[i]);
    cr_expect_eq(th_run(args, NULL, &out, NULL), 0, "%s", fixtures[i]);
    snprintf(rel, sizeof rel, "tests/readers/%s.json", fixtures[i]);
    char *want = th_read(rel, NULL);
    cr_assert(want, "no %s", rel);
    cr_expect_str_eq(out, want, "%s reads otherwise than its golden dump",
                     fixtures[i]);
    for (int st = 0; st < LL_STYLE__COUNT; st++) {
      char key[64];
      snprintf(key, sizeof key, "\"style\": \"%s\"", ll_style_name(st));
      seen[st] |= strstr(want, key) != NULL;
    }
    free(out);
    free(want);
  }
  for (int st = 0; st < LL_STYLE__COUNT; st++)
    cr_expect(seen[st], "no fixture reads an entry of style %s",
              ll_style_name(st));
}

Test(golden, seed_000_notes) { golden("seed-000"); }
Test(golden, seed_001_link_list) { golden("seed-001"); }
Test(golden, seed_002_blocks) { golden("seed-002"); }

/* The source display's width: COLUMNS, else 80 when standard output is
 * no terminal; only the display is shortened, never the message. */
Test(cli, source_display_fits_columns) {
  struct ll_buf in;
  ll_buf_init(&in, 0);
  ll_buf_adds(&in, "- [B](https://b.example) - ");
  for (int i = 0; i < 30; i++)
    ll_buf_adds(&in, "\xE4\xBD\xA0\xE5\xA5\xBD "); /* 你好 */
  ll_buf_adds(&in, "[x](htps://a.example) tail.\n");
  static const struct {
    const char *env;
    size_t width;
  } runs[] = {{"COLUMNS=40", 40}, {"unset COLUMNS;", 80}, {"COLUMNS=x", 80}};
  for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
    char cmd[8192], *out;
    snprintf(cmd, sizeof cmd, "%s %s --no-config --show-source -q -",
             runs[r].env, th_bin());
    cr_expect_eq(th_shell(cmd, in.data, &out, NULL), 1);
    cr_expect(strstr(out, "is malformed"), "the message is whole: %s", out);
    char *src = strchr(out, '\n');
    cr_assert(src, "%s", out);
    src++;
    char *nl = strchr(src, '\n');
    cr_assert(nl, "%s", out);
    size_t w = ll_u8_width(src, (size_t)(nl - src));
    cr_expect(w <= runs[r].width && w > runs[r].width - 8,
              "%s: %zu columns: %s", runs[r].env, w, out);
    cr_expect(strstr(src, "htps://"), "%s", out);
    free(out);
  }
  ll_buf_free(&in);
}
