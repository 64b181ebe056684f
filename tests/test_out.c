/* test_out.c - the machine formats: GitHub annotations' escaping, SARIF's
 * required fields, fingerprints that survive unrelated edits. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"
#include "unicode.h"

Test(out, github_escapes_data_and_properties) {
  struct ll_diags d = {0};
  struct ll_diag g = {0};
  g.file = "dir/a,b:c.md";
  g.rule = LL_R_MALFORMED_URL;
  g.severity = LL_SEV_ERROR;
  g.line = 3;
  g.col = 7;
  g.end_line = 3;
  g.end_col = 12;
  g.message = (char *)(size_t) "100% bad\r\nnext: a,b \xC3\xA4";
  d.v = &g;
  d.n = 1;
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  ll_out_github(fp, &d);
  fclose(fp);
  cr_expect_str_eq(buf,
                   "::error file=dir/a%2Cb%3Ac.md,line=3,endLine=3,col=7,"
                   "endColumn=12,title=malformed-url::100%25 bad%0D%0Anext: "
                   "a,b \xC3\xA4\n");
  free(buf);
  g.severity = LL_SEV_INFO;
  fp = open_memstream(&buf, &len);
  ll_out_github(fp, &d);
  fclose(fp);
  cr_expect(strncmp(buf, "::notice ", 9) == 0, "%s", buf);
  free(buf);
  /* the log viewer acts on ESC: controls shown in caret notation */
  g.file = "e\033]0;T\007.md";
  g.message = (char *)(size_t) "a\033[2Jb\tc\x7f";
  fp = open_memstream(&buf, &len);
  ll_out_github(fp, &d);
  fclose(fp);
  cr_expect(strstr(buf, "file=e^[]0;T^G.md,"), "%s", buf);
  cr_expect(strstr(buf, "::a^[[2Jb\tc^?\n"), "%s", buf);
  free(buf);
}

Test(out, sarif_has_the_fields_code_scanning_needs) {
  char *out;
  cr_expect_eq(th_run("--format=sarif --stdin-filename docs/l.md -",
                      "- [A](https://a.org) - Alpha.\n"
                      "- [B](htps://b.org) - B\xC3\xA9ta.\n",
                      &out, NULL),
               1);
  json_error_t e;
  json_t *j = json_loads(out, 0, &e);
  cr_assert(j, "invalid JSON: %s", e.text);
  cr_expect_str_eq(json_string_value(json_object_get(j, "version")), "2.1.0");
  json_t *run = json_array_get(json_object_get(j, "runs"), 0);
  json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
  cr_expect_str_eq(json_string_value(json_object_get(driver, "name")),
                   "listlint");
  json_t *rules = json_object_get(driver, "rules");
  cr_assert_eq(json_array_size(rules), LL_R__COUNT);
  size_t i;
  json_t *r;
  json_array_foreach(rules, i, r) {
    cr_expect_str_eq(json_string_value(json_object_get(r, "id")),
                     ll_rules[i].id);
    /* a readable name, not the id again (SARIF1001): PascalCase, or
     * none for a one-word id */
    const char *name = json_string_value(json_object_get(r, "name"));
    if (!strchr(ll_rules[i].id, '-'))
      cr_expect_null(name, "rule %s is named '%s'", ll_rules[i].id, name);
    else
      cr_expect(name && ll_isupper(name[0]) && !strchr(name, '-') &&
                    strlen(name) < strlen(ll_rules[i].id),
                "rule %s is named '%s'", ll_rules[i].id, name ? name : "");
    const char *paths[][2] = {{"shortDescription", "text"},
                              {"fullDescription", "text"},
                              {"help", "text"},
                              {"defaultConfiguration", "level"}};
    for (int k = 0; k < 4; k++) {
      json_t *v = json_object_get(json_object_get(r, paths[k][0]), paths[k][1]);
      cr_expect(json_is_string(v) && json_string_length(v) > 0,
                "rule %s lacks %s.%s", ll_rules[i].id, paths[k][0],
                paths[k][1]);
    }
  }
  json_t *res = json_array_get(json_object_get(run, "results"), 0);
  cr_assert(res);
  cr_expect_str_eq(json_string_value(json_object_get(res, "ruleId")),
                   "malformed-url");
  cr_expect_str_eq(json_string_value(json_object_get(res, "level")), "error");
  cr_expect(json_string_length(
                json_object_get(json_object_get(res, "message"), "text")) > 0);
  json_t *pl = json_object_get(
      json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
  cr_expect_str_eq(json_string_value(json_object_get(
                       json_object_get(pl, "artifactLocation"), "uri")),
                   "docs/l.md");
  json_t *region = json_object_get(pl, "region");
  cr_expect_eq(json_integer_value(json_object_get(region, "startLine")), 2);
  cr_expect_eq(json_integer_value(json_object_get(region, "startColumn")), 7);
  cr_expect_eq(json_integer_value(json_object_get(region, "endColumn")), 19);
  cr_expect(json_string_length(json_object_get(
                json_object_get(res, "partialFingerprints"), "listlint/v2")) ==
            16);
  json_decref(j);
  free(out);
}

/* The (last) finding of rule in a lint, or NULL. */
static const struct ll_diag *finding(const struct th_lint *t, int rule) {
  const struct ll_diag *g = NULL;
  for (size_t i = 0; i < t->ctx->diags.n; i++)
    if ((int)t->ctx->diags.v[i].rule == rule)
      g = &t->ctx->diags.v[i];
  return g;
}

Test(out, fingerprints_survive_unrelated_edits) {
  struct th_lint a, b;
  th_lint_str(&a, "# L\n\n- [B](htps://b.org) - Beta.\n");
  th_lint_str(&b, "# L\n\nIntro added.\n\n- [Z](https://z.org) - Zed.\n"
                  "- [B](htps://b.org) - Beta.\n");
  cr_assert_eq(th_count(a.ctx, LL_R_MALFORMED_URL), 1);
  cr_assert_eq(th_count(b.ctx, LL_R_MALFORMED_URL), 1);
  const struct ll_diag *x = finding(&a, LL_R_MALFORMED_URL),
                       *y = finding(&b, LL_R_MALFORMED_URL);
  cr_assert(x && y);
  cr_expect_neq(x->line, y->line);
  cr_expect_str_eq(x->fingerprint, y->fingerprint);
  th_done(&a);
  th_done(&b);
}

/* ... and change when the finding's own line is edited: then it is a new
 * finding (--diff-base reports it), even if it flags the same text. */
Test(out, fingerprints_change_with_their_line) {
  struct th_lint a, b;
  th_lint_str(&a, "# L\n\n- [B](htps://b.org) - Beta.\n");
  th_lint_str(&b, "# L\n\n- [B](htps://b.org) - Beta, edited.\n");
  const struct ll_diag *x = finding(&a, LL_R_MALFORMED_URL),
                       *y = finding(&b, LL_R_MALFORMED_URL);
  cr_assert(x && y);
  cr_expect_str_neq(x->fingerprint, y->fingerprint);
  th_done(&a);
  th_done(&b);
}

/* Lines with text in many scripts before a malformed URL, and where its
 * column falls in bytes, code points and UTF-16 code units (the rocket
 * is beyond U+FFFF: two UTF-16 units). */
static const char SCRIPTS[] =
    "# L\n\n"
    "- [\xC3\x89l\xC3\xA9gant](htps://a.example) - Latin.\n" /* Élégant */
    "- [\xD0\xA3\xD1\x82\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x82\xD0\xB0](htps://"
    "b.example) - Cyrillic.\n" /* Утилита */
    "- [\xCE\xA9\xCF\x81\xCE\xB1\xCE\xAF\xCE\xBF \xF0\x9F\x9A\x80](htps://"
    "c.example) - Greek.\n" /* Ωραίο 🚀 */
    "- [\xE5\xB7\xA5\xE5\x85\xB7](htps://d.example) - Chinese.\n" /* 工具 */
    "- [\xE3\x83\x84\xE3\x83\xBC\xE3\x83\xAB](htps://e.example) - "
    "Japanese.\n"                                                /* ツール */
    "- [\xEB\x8F\x84\xEA\xB5\xAC](htps://f.example) - Korean.\n" /* 도구 */
    "- [\xD8\xA3\xD8\xAF\xD8\xA7\xD8\xA9](htps://g.example) - Arabic.\n";
/* (byte, code point, UTF-16) start columns; each URL is 16 characters */
static const int SCRIPT_COLS[][3] = {{15, 13, 13}, {20, 13, 13}, {21, 13, 14},
                                     {12, 8, 8},   {15, 9, 9},   {12, 8, 8},
                                     {14, 10, 10}};
#define NSCRIPTS (sizeof SCRIPT_COLS / sizeof *SCRIPT_COLS)

static json_t *run_json(const char *format) {
  char args[128], *out;
  snprintf(args, sizeof args, "--no-config --format=%s -", format);
  cr_expect_eq(th_run(args, SCRIPTS, &out, NULL), 1);
  json_error_t e;
  json_t *j = json_loads(out, 0, &e);
  cr_assert(j, "invalid JSON: %s", e.text);
  free(out);
  return j;
}

Test(out, json_keeps_byte_columns_and_adds_character_columns) {
  json_t *j = run_json("json");
  cr_assert_eq(json_array_size(j), NSCRIPTS);
  for (size_t i = 0; i < NSCRIPTS; i++) {
    json_t *d = json_array_get(j, i);
#define COL(k) ((int)json_integer_value(json_object_get(d, k)))
    cr_expect_eq(COL("line"), (int)i + 3);
    cr_expect_eq(COL("column"), SCRIPT_COLS[i][0], "line %zu", i + 3);
    cr_expect_eq(COL("end_column"), SCRIPT_COLS[i][0] + 16);
    cr_expect_eq(COL("char_column"), SCRIPT_COLS[i][1], "line %zu", i + 3);
    cr_expect_eq(COL("end_char_column"), SCRIPT_COLS[i][1] + 16);
    /* the offset still counts bytes */
    int line_start = COL("offset") - (SCRIPT_COLS[i][0] - 1);
    cr_expect_eq(memcmp(SCRIPTS + line_start, "- [", 3), 0);
#undef COL
  }
  json_decref(j);
}

Test(out, sarif_declares_utf16_columns) {
  json_t *j = run_json("sarif");
  json_t *run = json_array_get(json_object_get(j, "runs"), 0);
  cr_expect_str_eq(json_string_value(json_object_get(run, "columnKind")),
                   "utf16CodeUnits");
  json_t *res = json_object_get(run, "results");
  cr_assert_eq(json_array_size(res), NSCRIPTS);
  for (size_t i = 0; i < NSCRIPTS; i++) {
    json_t *region = json_object_get(
        json_object_get(
            json_array_get(json_object_get(json_array_get(res, i), "locations"),
                           0),
            "physicalLocation"),
        "region");
    int start = (int)json_integer_value(json_object_get(region, "startColumn"));
    int end = (int)json_integer_value(json_object_get(region, "endColumn"));
    cr_expect_eq(start, SCRIPT_COLS[i][2], "line %zu", i + 3);
    cr_expect_eq(end, SCRIPT_COLS[i][2] + 16, "line %zu", i + 3);
  }
  json_decref(j);
}

Test(out, github_annotations_count_characters) {
  char *out;
  cr_expect_eq(th_run("--no-config --format=github -", SCRIPTS, &out, NULL), 1);
  const char *p = out;
  for (size_t i = 0; i < NSCRIPTS; i++) {
    char want[96];
    snprintf(want, sizeof want, "line=%zu,endLine=%zu,col=%d,endColumn=%d,",
             i + 3, i + 3, SCRIPT_COLS[i][1], SCRIPT_COLS[i][1] + 16);
    const char *at = strstr(p, want);
    cr_expect(at, "no '%s' in %s", want, out);
    if (at)
      p = at;
  }
  free(out);
}

/* The source display of the (first) finding of rule in text, on a
 * terminal width columns wide (0: no limit): the two lines under the
 * message.  Caller frees. */
static char *shown(const char *text, int rule, int width) {
  struct th_lint t;
  th_lint_str(&t, text);
  struct ll_diags one = {0};
  for (size_t i = 0; i < t.ctx->diags.n && !one.n; i++)
    if ((int)t.ctx->diags.v[i].rule == rule)
      one.v = &t.ctx->diags.v[i], one.n = 1;
  cr_assert_eq(one.n, 1, "no %s finding", ll_rules[rule].id);
  struct ll_out_opts o = {0};
  o.show_source = 1;
  o.width = width;
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  ll_out_text(fp, &one, 0, t.src, &o);
  fclose(fp);
  th_done(&t);
  char *nl = strchr(buf, '\n');
  cr_assert(nl);
  char *r = ll_xstrdup(nl + 1);
  free(buf);
  return r;
}

Test(out, caret_is_placed_by_display_width) {
  struct {
    const char *text, *want;
  } cases[] = {
      /* the case: under the URL, not under '](' */
      {"- [重复](https://a.example) - 第一。\n"
       "- [另一个](https://a.example) - 重复的链接。\n",
       "  - [另一个](https://a.example) - 重复的链接。\n"
       "             ^~~~~~~~~~~~~~~~~\n"},
      /* Japanese and Korean, two columns a character */
      {"- [ツール](https://j.example) - 一。\n"
       "- [ツール二](https://j.example) - 二。\n",
       "  - [ツール二](https://j.example) - 二。\n"
       "               ^~~~~~~~~~~~~~~~~\n"},
      {"- [도구](https://k.example) - 하나.\n"
       "- [도구들](https://k.example) - 둘.\n",
       "  - [도구들](https://k.example) - 둘.\n"
       "             ^~~~~~~~~~~~~~~~~\n"},
      /* combining marks take no column; Arabic, Greek and Cyrillic letters
       * one each (in logical order: the terminal's bidi is its own) */
      {"- [A](https://c.example) - One.\n"
       "- [e\xCC\x81le\xCC\x81gant](https://c.example) - Two.\n",
       "  - [e\xCC\x81le\xCC\x81gant](https://c.example) - Two.\n"
       "              ^~~~~~~~~~~~~~~~~\n"},
      {"- [أداة](https://r.example) - واحد.\n"
       "- [أداة ثانية](https://r.example) - اثنان.\n",
       "  - [أداة ثانية](https://r.example) - اثنان.\n"
       "                 ^~~~~~~~~~~~~~~~~\n"},
      {"- [Ένα](https://g.example) - Ένα.\n"
       "- [Ελληνικά](https://g.example) - Δύο.\n",
       "  - [Ελληνικά](https://g.example) - Δύο.\n"
       "               ^~~~~~~~~~~~~~~~~\n"},
      {"- [Один](https://r.example) - Раз.\n"
       "- [Утилита](https://r.example) - Два.\n",
       "  - [Утилита](https://r.example) - Два.\n"
       "              ^~~~~~~~~~~~~~~~~\n"},
      /* a tab is copied, so the caret follows it whatever its width */
      {"- [A](https://t.example) - One.\n"
       "-\t[B](https://t.example) - Two.\n",
       "  -\t[B](https://t.example) - Two.\n"
       "   \t    ^~~~~~~~~~~~~~~~~\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = shown(cases[i].text, LL_R_DUPLICATE_LINK, 0);
    cr_expect_str_eq(got, cases[i].want, "case %zu", i);
    free(got);
  }
}

/* A line too wide for the terminal is shortened around the finding, the
 * caret still under it, and no line of the display wraps. */
Test(out, wide_line_is_shortened_around_the_finding) {
  struct ll_buf s;
  ll_buf_init(&s, 0);
  ll_buf_adds(&s, "- [B](https://b.example) - ");
  for (int i = 0; i < 30; i++)
    ll_buf_adds(&s, "你好世界");
  ll_buf_adds(&s, " [again](htps://a.example) ");
  for (int i = 0; i < 30; i++)
    ll_buf_adds(&s, "你好世界");
  ll_buf_adds(&s, ".\n");
  for (int width = 20; width <= 100; width += 20) {
    char *got = shown(s.data, LL_R_MALFORMED_URL, width);
    char *nl = strchr(got, '\n');
    cr_assert(nl);
    size_t w1 = ll_u8_width(got, (size_t)(nl - got)),
           w2 = ll_u8_width(nl + 1, strlen(nl + 1) - 1);
    cr_expect_leq(w1, (size_t)width, "width %d: %s", width, got);
    cr_expect_leq(w2, (size_t)width, "width %d: %s", width, got);
    cr_expect(strncmp(got, "  ...", 5) == 0 && strstr(got, "...\n"),
              "cut at both ends: %s", got);
    /* the caret's column is the column of the URL in the shown line */
    const char *url = strstr(got, "htps://");
    const char *caret = strchr(nl + 1, '^');
    cr_assert(url && caret, "%s", got);
    cr_expect_eq(ll_u8_width(got, (size_t)(url - got)),
                 (size_t)(caret - nl - 1), "width %d: %s", width, got);
    free(got);
  }
  /* a line that fits is shown whole; with no limit, any line is */
  char *got = shown(s.data, LL_R_MALFORMED_URL, 0);
  cr_expect(strncmp(got, "  - [B]", 7) == 0, "%s", got);
  free(got);
  ll_buf_free(&s);
}

/* Near the end of a long line, the room goes to what comes before. */
Test(out, shortened_line_near_its_end_shows_more_before) {
  struct ll_buf s;
  ll_buf_init(&s, 0);
  ll_buf_adds(&s, "- [B](https://b.example) - ");
  for (int i = 0; i < 40; i++)
    ll_buf_adds(&s, "word ");
  ll_buf_adds(&s, "[x](htps://a.example).\n");
  char *got = shown(s.data, LL_R_MALFORMED_URL, 60);
  char *nl = strchr(got, '\n');
  cr_assert(nl);
  cr_expect(strncmp(got, "  ...", 5) == 0, "%s", got);
  cr_expect(nl[-1] == '.' && nl[-2] == ')', "the end is shown: %s", got);
  cr_expect_geq(strlen(nl + 1), 40, "the caret far right: %s", got);
  cr_expect_leq((size_t)(nl - got), 60, "%s", got);
  free(got);
  ll_buf_free(&s);
}

/* Control characters of the source line are shown escaped, as less(1)
 * shows them, and the caret counts the columns of their escapes. */
Test(out, control_characters_are_shown_escaped) {
  char *got = shown("- [A](https://a.example) - One.\n"
                    "- [B\033]0;X\007](https://a.example) - \302\233Two.\n",
                    LL_R_DUPLICATE_LINK, 0);
  cr_expect_str_eq(got, "  - [B^[]0;X^G](https://a.example) - <U+009B>Two.\n"
                        "                ^~~~~~~~~~~~~~~~~\n");
  free(got);
  got = shown("- [A](https://a.example) - On\377e\033[2J.\n", LL_R_CONTROL_CHAR,
              0);
  cr_expect_str_eq(got, "  - [A](https://a.example) - On<FF>e^[[2J.\n"
                        "                                    ^~\n");
  free(got);
}

/* No byte a terminal acts on reaches it from a file name or a message:
 * the text output holds no control character but the line ends. */
Test(out, file_names_and_messages_are_escaped) {
  const char *text = "- [A\033[2J](https://a.example) - One.\n"
                     "- [A\033[2J](https://a.example) - Two.\n";
  struct th_lint t;
  th_lint_mem(&t, "evil\033]0;T\007\n.md", text, strlen(text));
  cr_assert_gt(t.ctx->diags.n, 0);
  struct ll_out_opts o = {.show_source = 1};
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  ll_out_text(fp, &t.ctx->diags, 0, t.src, &o);
  fclose(fp);
  th_done(&t);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)buf[i];
    cr_expect(c >= 0x20 || c == '\n' || c == '\t', "byte 0x%02X at %zu of: %s",
              c, i, buf);
    if (c < 0x20 && c != '\n' && c != '\t')
      break;
  }
  cr_expect(strstr(buf, "evil^[]0;T^G^J.md:1:"), "%s", buf);
  free(buf);
}

/* JSON and SARIF are streamed finding by finding, and --dump-entries is
 * written by hand; each must be byte for
 * byte what jansson gives for the whole document as one tree (what they
 * were written as before), on every corpus list together, in both the
 * empty and the full case.  The tree is jansson's reading of the output,
 * dumped again with the same flags (jansson keeps the keys' order). */
static void expect_as_one_tree(const char *args, size_t flags) {
  char *out;
  th_run(args, NULL, &out, NULL);
  json_error_t e;
  json_t *j = json_loads(out, 0, &e);
  cr_assert(j, "%s: invalid JSON: %s (line %d)", args, e.text, e.line);
  char *again = json_dumps(j, JSON_INDENT(2) | flags);
  size_t n = strlen(out);
  cr_assert(n > 0 && out[n - 1] == '\n');
  out[n - 1] = '\0';
  size_t at = 0;
  while (out[at] && out[at] == again[at])
    at++;
  cr_expect(out[at] == '\0' && again[at] == '\0',
            "%s: differs from one tree at byte %zu: '%.40s' vs '%.40s'", args,
            at, out + at, again + at);
  free(again);
  json_decref(j);
  free(out);
}

Test(out, streamed_json_and_sarif_equal_one_tree, .timeout = 120) {
  const char *c =
      "--no-config -q ../shared/corpus/lists/*.md tests/fixtures/*/*.md";
  char args[512];
  snprintf(args, sizeof args, "--format=json %s", c);
  expect_as_one_tree(args, JSON_ENSURE_ASCII);
  snprintf(args, sizeof args, "--format=sarif %s", c);
  expect_as_one_tree(args, 0);
  /* the entries, written without jansson: its escaping and layout */
  snprintf(args, sizeof args, "--dump-entries %s", c);
  expect_as_one_tree(args, JSON_ENSURE_ASCII);
  expect_as_one_tree("--no-config --format=json /dev/null", JSON_ENSURE_ASCII);
  /* quotes, backslashes, controls, DEL, astral and invalid bytes */
  char *dir = th_tmpdir();
  static const char weird[] =
      "- [A\x01\"q\\b\x7f](https://a.org/\xf0\x9f\x98\x80) - D\xe9\xff "
      "\xf0\x9f\x98\x80 caf\xc3\xa9 \t tab\x1b[0m.\n"
      "- [\xe4\xb8\xad](https://b.org) - \xc2\x85 next \xe2\x80\xa8.\n";
  char *f = th_write(dir, "weird.md", weird, sizeof weird - 1);
  snprintf(args, sizeof args, "--no-config --dump-entries '%s'", f);
  expect_as_one_tree(args, JSON_ENSURE_ASCII);
  snprintf(args, sizeof args, "--no-config --format=json '%s'", f);
  expect_as_one_tree(args, JSON_ENSURE_ASCII);
  free(f);
  snprintf(args, sizeof args, "rm -rf '%s'", dir);
  cr_expect_eq(system(args), 0);
  free(dir);
  expect_as_one_tree("--no-config --format=sarif /dev/null", 0);
}

/* Messages on standard error carry file names and option words as
 * users wrote them: no control character reaches the terminal raw. */
Test(out, error_messages_are_escaped) {
  static const char *const cases[] = {
      "'missing\033]0;PWNED\007.md'", /* a file that is not there */
      "--no-such\033[2J",             /* an unknown option */
      "--format=x\033[31m -",         /* a bad value */
      "audit --output x '\033[2Jno-such-dir/'",
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *err;
    th_run(cases[i], "", NULL, &err);
    cr_expect(strstr(err, "^["), "case %zu shows ESC as ^[: %s", i, err);
    for (const char *p = err; *p; p++)
      if ((unsigned char)*p < 0x20 && *p != '\n') {
        cr_expect(0, "case %zu: byte 0x%02X raw in: %s", i, (unsigned char)*p,
                  err);
        break;
      }
    free(err);
  }
}
