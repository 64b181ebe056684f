/* test_linear.c - the entry readers stay linear: each shape is linted at
 * n and 8n, in one run, and the CPU time may grow at most about 8 times
 * (a quadratic reader grows 64 times).  No wall-clock constant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "helpers.h"

typedef void (*gen_fn)(struct ll_buf *b, int n);

/* The best of three CPU times of a lint of text. */
static double lint_time(const char *text, size_t len) {
  double best = 1e9;
  for (int k = 0; k < 3; k++) {
    struct th_lint t;
    clock_t c0 = clock();
    th_lint_mem(&t, "list.md", text, len);
    double dt = (double)(clock() - c0) / CLOCKS_PER_SEC;
    th_done(&t);
    if (dt < best)
      best = dt;
  }
  return best;
}

/* Fails when the time at 8n is more than limit times that at n (the
 * smaller size is made large enough to measure). */
static void linear(const char *what, gen_fn gen, int n) {
  struct ll_buf a, b;
  ll_buf_init(&a, 0);
  ll_buf_init(&b, 0);
  gen(&a, n);
  gen(&b, 8 * n);
  double ta = lint_time(a.data, a.len), tb = lint_time(b.data, b.len);
  if (ta < 1e-3)
    ta = 1e-3;
  cr_expect_lt(tb / ta, 24.0, "%s: %.3f s at n, %.3f s at 8n", what, ta, tb);
  ll_buf_free(&a);
  ll_buf_free(&b);
}

static void sub_items(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n- [P](https://p.org) - Parent.\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "  - [GitHub](https://g.org/%d)\n", i);
}

static void papers(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# P\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b,
                  "## S%d\n\n**(%d) Title** [[code](https://c.org/%d)]"
                  "[[paper](https://p.org/%d)]\n\nAbout it.\n\n",
                  i, i, i, i);
}

static void prose_sections(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# P\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "## S%d\n\nThe [set %d](https://s.org/%d) is a set.\n\n",
                  i, i, i);
}

static void records(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# G\n\n## A\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b,
                  "**Name %d**\n\nAbout %d.\n\n[Website](https://w.org/%d)\n\n",
                  i, i, i);
}

static void one_line_of_labels(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# L\n\n- ");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "[[c%d](https://x.org/%d)] ", i % 7, i);
  ll_buf_adds(b, "\n");
}

static void html_rows(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# H\n\n<table>\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b,
                  "<tr><td><img src=a.png></td>\n<td><a "
                  "href=\"https://h.org/%d\">H%d</a></td>\n<td>D.</td></tr>\n",
                  i, i);
  ll_buf_adds(b, "</table>\n");
}

static void label_lines(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# D\n\n__Set__\nAbout.\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "Access: htp://x.org/%d&amp;q\n", i);
}

static void access_items(struct ll_buf *b, int n) {
  ll_buf_adds(b, "# D\n\n");
  for (int i = 0; i < n; i++)
    ll_buf_printf(b, "- Set %d - About it.\n\n  Access: https://a.org/%d\n\n",
                  i, i);
}

Test(linear, entry_readers) {
  linear("sub-items of one entry", sub_items, 2000);
  linear("paper sections", papers, 1000);
  linear("sections told in prose", prose_sections, 1000);
  linear("general records", records, 1000);
  linear("one line of labelled links", one_line_of_labels, 2000);
  linear("HTML table rows", html_rows, 1000);
  linear("labelled lines without links", label_lines, 2000);
  linear("items with access lines", access_items, 1000);
}
