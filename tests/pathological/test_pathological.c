/* test_pathological.c - inputs that must stay linear.  Each input is
 * generated at two sizes, n and 8n, in one run; the whole pipeline (the
 * model, every rule, the text, JSON, SARIF and GitHub output) is timed in
 * CPU seconds, best of three, and the time at 8n may be at most RATIO
 * times that at n: a linear cost grows 8 times, a quadratic one 64.  No
 * wall-clock constant.  The sizes named are those of 8n.
 *
 * Under the sanitizers (ASan's realloc copies, which makes a buffer that
 * grows in steps quadratic) every size is divided by ASAN_SCALE, so that
 * make test stays within its time on two cores; the ratio is the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "config.h"
#include "helpers.h"
#include "listlint.h"

#if defined(__SANITIZE_ADDRESS__)
#define ASAN_SCALE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN_SCALE 4
#endif
#endif
#ifndef ASAN_SCALE
#define ASAN_SCALE 1
#endif

#define RATIO 24.0

typedef void (*gen_fn)(struct ll_buf *b, int n);

static FILE *sink(void) {
  static FILE *fp;
  if (!fp)
    fp = fopen("/dev/null", "w");
  cr_assert(fp);
  return fp;
}

/* Lint text and write every format, as a CI run would. */
static void pipeline(const char *text, size_t len) {
  struct th_lint t;
  th_lint_mem(&t, "list.md", text, len);
  struct ll_out_opts o = {.show_source = 1, .width = 80};
  FILE *fp = sink();
  ll_out_text(fp, &t.ctx->diags, 0, t.src, &o);
  ll_out_json(fp, &t.ctx->diags);
  ll_out_sarif(fp, &t.ctx->diags);
  ll_out_github(fp, &t.ctx->diags);
  struct ll_dump *dump = ll_dump_new(fp);
  ll_dump_add(dump, t.src, t.model);
  ll_dump_write(dump);
  th_done(&t);
}

static double cpu_time(const struct ll_buf *b) {
  double best = 1e9;
  for (int k = 0; k < 3; k++) {
    clock_t c0 = clock();
    pipeline(b->data, b->len);
    double dt = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (dt < best)
      best = dt;
  }
  return best;
}

/* size8: the size of the larger input (8n), before ASAN_SCALE. */
static void linear(const char *what, gen_fn gen, int size8) {
  int n = size8 / 8 / ASAN_SCALE;
  if (n < 1)
    n = 1;
  struct ll_buf a, b;
  ll_buf_init(&a, 0);
  ll_buf_init(&b, 0);
  gen(&a, n);
  gen(&b, 8 * n);
  double ta = cpu_time(&a), tb = cpu_time(&b);
  double ratio = tb / (ta < 2e-3 ? 2e-3 : ta);
  fprintf(stderr,
          "pathological: %-40s n=%-7d %8zu B %.4f s  8n %9zu B %.4f s  "
          "ratio %.1f\n",
          what, n, a.len, ta, b.len, tb, ratio);
  cr_expect_lt(ratio, RATIO, "%s: %.4f s at n=%d, %.4f s at 8n (%.1fx)", what,
               ta, n, tb, ratio);
  ll_buf_free(&a);
  ll_buf_free(&b);
}

static void rep(struct ll_buf *b, const char *s, int n) {
  for (int i = 0; i < n; i++)
    ll_buf_adds(b, s);
}

/* ---- shapes --------------------------------------------------------- */

static void list_items(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# Awesome\n\n## Tools\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "- [Tool %d](https://example.org/t/%d) - Does %d.\n", i, i,
                  i);
}

static void nested_items(struct ll_buf *b, int n) {
  rep(b, "- ", n);
  ll_buf_adds(b, "[x](https://x.org) - X.\n");
}

static void nested_quotes(struct ll_buf *b, int n) {
  rep(b, "> ", n);
  ll_buf_adds(b, "- [x](https://x.org) - X.\n");
}

static void nested_brackets(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- ");
  rep(b, "[", n);
  ll_buf_adds(b, "x](https://x.org)");
  rep(b, "]", n);
  ll_buf_adds(b, " - X.\n");
}

static void nested_emphasis(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- ");
  rep(b, "*_", n);
  ll_buf_adds(b, "[x](https://x.org)");
  rep(b, "_*", n);
  ll_buf_adds(b, " - X.\n");
}

static void identical_links(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n");
  rep(b, "- [Same](https://example.org/same) - The same link.\n", n);
}

static void identical_links_one_paragraph(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n");
  rep(b, "[Same](https://example.org/same) ", n);
  ll_buf_adds(b, "\n");
}

/* n KB on one line */
static void long_line_words(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [W](https://w.org) - ");
  for (int i = 0; i < n; i++)
    rep(b,
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word word word word word word word word word word word "
        "word word ",
        1);
  ll_buf_adds(b, "end.\n");
}

static void long_line_links(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- ");
  for (int i = 0; i < n * 32; i++)
    ll_buf_printf(b, "[L%d](http://l.org/%d?utm_source=x) ", i % 10, i);
  ll_buf_adds(b, "\n");
}

static void long_url(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [U](https://u.org/");
  rep(b, "a/b%20c.d-e_f~g!h$i&j'k(l)m*n+o,p;q=r:s@", n * 26);
  ll_buf_adds(b, ") - A long URL.\n");
}

static void long_line_invisible(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [I](https://i.org) - Ab");
  rep(b,
      "\xE2\x80\x8B"
      "a",
      n * 256);
  ll_buf_adds(b, ".\n");
}

static void long_line_brackets(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [B](https://b.org) - ");
  rep(b, "[(<", n * 340);
  ll_buf_adds(b, "\n");
}

static void suppressions_one_line(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n");
  rep(b, "<!-- listlint-enable -->", n);
  ll_buf_adds(b, "\n\n- [A](htps://a.org) - A.\n");
}

static void suppressions_with_ids(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n<!-- listlint-disable ");
  rep(b, "malformed-url ", n);
  ll_buf_adds(b, "-->\n\n- [A](htps://a.org) - A.\n");
}

static void suppressions_lines(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b,
                  "<!-- listlint-disable-next-line malformed-url -->\n"
                  "- [A%d](htps://a.org/%d) - A.\n",
                  i, i);
}

static void suppressions_in_quotes(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n");
  rep(b, "> <!-- listlint-disable\n> malformed-url -->\n", n);
  ll_buf_adds(b, "\n- [A](htps://a.org) - A.\n");
}

static void block_label_lines(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# D\n\n__Dataset__\nA description of it.\n");
  for (int i = 0; i < n / 2; i++)
    ll_buf_printf(b, "Access: https://a.org/%d\nPaper: https://p.org/%d\n", i,
                  i);
}

static void headings(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# Awesome\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "## Heading %d\n\n", i);
}

static void identical_headings_with_toc(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# Awesome\n\n## Contents\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "- [Tools](#tools%s%.0d)\n", i ? "-" : "", i);
  for (int i = 0; i < n; i++)
    ll_buf_adds(b, "\n## Tools\n\n- [T](https://t.org) - T.\n");
}

static void wide_table(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# T\n\n|");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, " H%d |", i);
  ll_buf_adds(b, "\n|");
  rep(b, "---|", n);
  for (int r = 0; r < 4; r++) {
    ll_buf_printf(b, "\n| [R%d](https://r.org/%d) |", r, r);
    for (int i = 1; i < n; i++)
      ll_buf_printf(b, " c%d |", i);
  }
  ll_buf_adds(b, "\n");
}

static void unclosed_a_html_block(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n<p>\n");
  rep(b, "<a ", n);
  ll_buf_adds(b, "\n</p>\n");
}

static void unclosed_a_href_lines(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n<div>\n");
  rep(b, "<a href=\"https://h.org/\">H\n", n);
  ll_buf_adds(b, "</div>\n");
}

static void unclosed_a_inline(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n- [A](https://a.org) - ");
  rep(b, "<a href=x ", n);
  ll_buf_adds(b, "\n");
}

static void unclosed_details(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n");
  rep(b, "<details>\n\n- [D](https://d.org) - D.\n\n", n);
}

static void unclosed_details_one_line(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n<details>");
  rep(b, "<details><summary>S", n);
  ll_buf_adds(b, "\n\n- [D](https://d.org) - D.\n");
}

/* ---- built-in patterns (grep ll_ctx_pattern in src/rules) ------------ */

/* mojibake.c scans the whole source: near misses everywhere */
static void mojibake_near_misses(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [M](https://m.org) - ");
  rep(b, "\xC3\x83\xC3\x83\xC3\xA2\xE2\x82\xAC\xC3\x82 ", n);
  ll_buf_adds(b, "\n");
}

static void mojibake_hits(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [M](https://m.org) - ");
  rep(b, "caf\xC3\x83\xC2\xA9 ", n);
  ll_buf_adds(b, "\n");
}

/* access_format.c: an access note that nearly matches */
static void access_vocabulary(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# D\n\n**Set**\nAbout it.\nAccess: ");
  rep(b, "([`*_ ", n);
  ll_buf_adds(b, "x\n");
}

/* placeholder_description.c: a description of dashes, dots, question
 * marks that ends in something else */
static void placeholder_description(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [P](https://p.org) - ");
  rep(b, "-.?", n);
  ll_buf_adds(b, " x\n- [Q](https://q.org) - ");
  rep(b, "-", n);
  ll_buf_adds(b, "x\n");
}

/* missing_scheme.c: a relative link that is almost a domain */
static void missing_scheme_domain(struct ll_buf *b, int n) {
  ll_buf_adds(b, "- [S](");
  rep(b, "a-b.", n);
  ll_buf_adds(b, "c) - S.\n- [T](www.");
  rep(b, "a.", n);
  ll_buf_adds(b, ") - T.\n");
}

/* ---- configuration files (a pull request may bring one) -------------- */

static double config_time(const char *dir, const struct ll_buf *b) {
  char *path = th_write(dir, "cfg.ini", b->data, b->len);
  double best = 1e9;
  for (int k = 0; k < 3; k++) {
    clock_t c0 = clock();
    char *err = NULL;
    struct ll_config *c = ll_config_load(path, NULL, &err);
    cr_assert(c, "%s", err ? err : "?");
    ll_config_free(c);
    double dt = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (dt < best)
      best = dt;
  }
  free(path);
  return best;
}

static void config_lines(struct ll_buf *b, int n) {
  ll_buf_adds(b, "[links]\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "exclude = ^https://x%d\\.org/\nheader = h%d.org X: %d\n",
                  i, i, i);
}

/* ---- the tests ------------------------------------------------------ */

Test(pathological, list_items, .timeout = 300) {
  linear("100k list items", list_items, 100000);
}

Test(pathological, nesting, .timeout = 300) {
  linear("10k nested list items", nested_items, 10000);
  linear("10k nested block quotes", nested_quotes, 10000);
  linear("10k nested brackets", nested_brackets, 10000);
  linear("10k nested emphasis", nested_emphasis, 10000);
}

Test(pathological, identical_links, .timeout = 300) {
  linear("100k identical links (items)", identical_links, 100000);
  linear("100k identical links (one paragraph)", identical_links_one_paragraph,
         100000);
}

Test(pathological, long_lines, .timeout = 300) {
  linear("1 MB line of words", long_line_words, 1024);
  linear("1 MB line of links", long_line_links, 1024);
  linear("1 MB URL", long_url, 1024);
  linear("1 MB line of invisible characters", long_line_invisible, 1024);
  linear("1 MB line of brackets", long_line_brackets, 1024);
}

Test(pathological, suppressions, .timeout = 300) {
  linear("100k suppression comments on one line", suppressions_one_line,
         100000);
  linear("100k rule ids in one comment", suppressions_with_ids, 100000);
  linear("100k disable-next-line comments", suppressions_lines, 100000);
  linear("100k two-line comments in a block quote", suppressions_in_quotes,
         100000);
}

Test(pathological, block_entry_label_lines, .timeout = 300) {
  linear("one block entry, 100k labelled link lines", block_label_lines,
         100000);
}

Test(pathological, headings, .timeout = 300) {
  linear("100k headings", headings, 100000);
  linear("20k identical headings and their contents",
         identical_headings_with_toc, 20000);
}

Test(pathological, wide_table, .timeout = 300) {
  linear("a table of 10k columns", wide_table, 10000);
}

Test(pathological, unclosed_html, .timeout = 300) {
  linear("20k unclosed <a in an HTML block", unclosed_a_html_block, 20000);
  linear("20k unclosed <a href lines", unclosed_a_href_lines, 20000);
  linear("20k unclosed <a in an item", unclosed_a_inline, 20000);
  linear("20k unclosed <details>", unclosed_details, 20000);
  linear("20k unclosed <details> on one line", unclosed_details_one_line,
         20000);
}

Test(pathological, builtin_patterns, .timeout = 300) {
  linear("mojibake near misses", mojibake_near_misses, 100000);
  linear("mojibake findings", mojibake_hits, 100000);
  linear("access-format vocabulary near miss", access_vocabulary, 100000);
  linear("placeholder-description near miss", placeholder_description, 100000);
  linear("missing-scheme domain near miss", missing_scheme_domain, 100000);
}

Test(pathological, config_repeated_keys, .timeout = 300) {
  int n = 40000 / 8 / ASAN_SCALE;
  struct ll_buf a, b;
  ll_buf_init(&a, 0);
  ll_buf_init(&b, 0);
  config_lines(&a, n);
  config_lines(&b, 8 * n);
  char *dir = th_tmpdir();
  double ta = config_time(dir, &a), tb = config_time(dir, &b);
  double ratio = tb / (ta < 2e-3 ? 2e-3 : ta);
  fprintf(stderr,
          "pathological: %-40s n=%-7d %8zu B %.4f s  8n %9zu B %.4f s  "
          "ratio %.1f\n",
          "40k repeated [links] keys", n, a.len, ta, b.len, tb, ratio);
  cr_expect_lt(ratio, RATIO, "[links] keys: %.4f s at n, %.4f s at 8n", ta, tb);
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_expect_eq(system(cmd), 0);
  free(dir);
  ll_buf_free(&a);
  ll_buf_free(&b);
}
