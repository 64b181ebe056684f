/* test_pieces.c - a large list is parsed a piece at a time
 * (src/entries/model.c): the model and the findings must be those of a parse of
 * the whole. */
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "internal.h"

/* Everything a lint says of text: its entries as --dump-entries prints
 * them, then every finding with its span and fingerprint. */
static char *signature(const char *text, size_t len, size_t piece_min,
                       size_t *nsections) {
  size_t saved = ll_piece_min;
  ll_piece_min = piece_min;
  struct th_lint t;
  th_lint_mem(&t, "list.md", text, len);
  ll_piece_min = saved;
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = open_memstream(&buf, &n);
  cr_assert(fp);
  struct ll_dump *dump = ll_dump_new(fp);
  ll_dump_add(dump, t.src, t.model);
  ll_dump_write(dump);
  for (size_t i = 0; i < t.ctx->diags.n; i++) {
    const struct ll_diag *g = &t.ctx->diags.v[i];
    fprintf(fp, "%d:%d-%d:%d %s %s %s\n", g->line, g->col, g->end_line,
            g->end_col, ll_diag_id(g), g->message, g->fingerprint);
  }
  for (size_t i = 0; i < t.model->nsections; i++)
    fprintf(fp, "section %d %s\n", t.model->sections[i].line,
            t.model->sections[i].depth
                ? t.model->sections[i].path[t.model->sections[i].depth - 1]
                : "");
  if (nsections)
    *nsections = t.model->nsections;
  fclose(fp);
  th_done(&t);
  return buf;
}

/* Lint text split at every heading (th_done frees it). */
static void lint_split(struct th_lint *t, const char *text) {
  size_t saved = ll_piece_min;
  ll_piece_min = 1;
  th_lint_str(t, text);
  ll_piece_min = saved;
}

/* Lint text whole and split at every heading; the two must agree. */
static void same_both_ways(const char *what, const char *text, size_t len,
                           size_t *nsections) {
  char *whole = signature(text, len, SIZE_MAX, NULL);
  char *split = signature(text, len, 1, nsections);
  cr_expect_str_eq(split, whole, "%s: read in pieces differs from whole", what);
  free(whole);
  free(split);
}

Test(pieces, corpus_lists_read_the_same_in_pieces, .timeout = 240) {
  char pat[4096];
  snprintf(pat, sizeof pat, "%s/../shared/corpus/lists/*.md", th_root());
  glob_t g;
  if (glob(pat, 0, NULL, &g) != 0) {
    /* without the corpus, the seeds the repository carries */
    snprintf(pat, sizeof pat, "%s/tests/golden/*.md", th_root());
    cr_assert_eq(glob(pat, 0, NULL, &g), 0, "no lists found");
  }
  for (size_t i = 0; i < g.gl_pathc; i++) {
    char *text = th_read_abs(g.gl_pathv[i]);
    cr_assert(text, "%s", g.gl_pathv[i]);
    size_t len = strlen(text);
    same_both_ways(g.gl_pathv[i], text, len, NULL);
    /* and with the default piece size */
    char *whole = signature(text, len, SIZE_MAX, NULL);
    char *deflt = signature(text, len, ll_piece_min, NULL);
    cr_expect_str_eq(deflt, whole, "%s (default pieces)", g.gl_pathv[i]);
    free(whole);
    free(deflt);
    free(text);
  }
  globfree(&g);
}

/* A heading inside a block still open at the top level (a fence, an
 * HTML comment, <pre>) belongs to the block: the piece that ends inside
 * it is read on with the rest.  A fence inside a list item ends with the
 * item: the split after it stands. */
Test(pieces, headings_inside_open_blocks) {
  static const struct {
    const char *what, *text;
    size_t sections; /* the top of the file counts as one */
  } cases[] = {
      {"fence",
       "# A\n\n- [X](https://x.org) - X.\n\n```sh\necho\n\n# not a "
       "heading\n\n~~~\n\n## still code\n\n```\n\n# B\n\n- "
       "[Y](https://y.org) - Y.\n",
       3},
      {"html",
       "# A\n\n- [X](https://x.org) - X.\n\n<!--\n\n# hidden\n\n- "
       "[H](https://h.org) - H.\n\n-->\n\n# B\n\n<pre>\n\n# "
       "pre\n\n</pre>\n\n# C\n\n- [Y](https://y.org) - Y.\n",
       4},
      {"fence in an item",
       "# A\n\n- [X](https://x.org) - X.\n\n  ```\n  code\n\n# B\n\n- "
       "[Y](https://y.org) - Y.\n",
       3},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t ns = 0;
    same_both_ways(cases[i].what, cases[i].text, strlen(cases[i].text), &ns);
    cr_expect_eq(ns, cases[i].sections, "%s: %zu sections", cases[i].what, ns);
  }
  char *sig = signature(cases[0].text, strlen(cases[0].text), 1, NULL);
  cr_expect_null(strstr(sig, "not a heading\n"), "%s", sig);
  free(sig);
}

/* Block mode is a property of the document: labelled link lines in a
 * late section make the early bold titles block entries too. */
Test(pieces, block_mode_found_late_applies_to_all) {
  const char *text =
      "# Data\n\n## Early\n\n**Atlas one**\n\nA collection of scans.\n\n"
      "***\n\n## Late\n\n**Atlas two**\n\nMore scans.\n\n"
      "Access: https://two.org/data\n\nPaper: https://two.org/paper\n";
  same_both_ways("block mode", text, strlen(text), NULL);
  struct th_lint whole, split;
  th_lint_str(&whole, text);
  lint_split(&split, text);
  cr_assert_eq(split.model->nentries, whole.model->nentries);
  cr_assert_geq(split.model->nentries, 2);
  cr_expect_eq(split.model->entries[0]->style, LL_STYLE_BLOCK);
  cr_expect_str_eq(split.model->entries[0]->name, "Atlas one");
  th_done(&whole);
  th_done(&split);
}

/* A table mirrors the list of its own section only, decided when the
 * section ends: at the next heading, which may open the next piece, or
 * at the end of the list. */
Test(pieces, mirror_tables_read_the_same_in_pieces) {
  const char *text =
      "# A\n\n- [X](https://x.org) - X.\n- [Y](https://y.org) - Y.\n\n"
      "| Name | Stars |\n|---|---|\n| [X](https://x.org) | 1 |\n"
      "| [Y](https://y.org) | 3 |\n| [Z](https://z.org) | 2 |\n\n"
      "# B\n\n| Name | Stars |\n|---|---|\n| [X](https://x.org) | 1 |\n\n"
      "# C\n\n- [W](https://w.org) - W.\n\n"
      "| Name | Stars |\n|---|---|\n| [W](https://w.org) | 1 |\n";
  same_both_ways("mirrors", text, strlen(text), NULL);
  struct th_lint t;
  lint_split(&t, text);
  cr_expect_eq(t.model->nmirrors, 4, "A's three rows and C's");
  cr_expect_eq(t.model->nentries, 4, "X, Y, B's row, W");
  th_done(&t);
}

/* A reference defined at the end serves links above it: such a list is
 * read whole. */
Test(pieces, reference_definitions_keep_the_list_whole) {
  const char *text = "# A\n\n- [X][x] - X.\n\n# B\n\n- [Y](https://y.org) - "
                     "Y.\n\n[x]: https://x.org/\n";
  same_both_ways("refs", text, strlen(text), NULL);
  struct th_lint t;
  lint_split(&t, text);
  cr_assert_geq(t.model->nentries, 1);
  cr_assert_eq(t.model->entries[0]->nlinks, 1);
  cr_expect_str_eq(t.model->entries[0]->links[0]->url, "https://x.org/");
  th_done(&t);
}

/* Read in pieces, each with the file's definitions after it: a link in
 * one piece resolves by a definition in another, in a block quote or a
 * list item too, with a title on its next line; a line that only looks
 * like one (in a fence, continuing a paragraph) defines nothing, as in
 * the whole file, and what it makes in a piece's tail is cut. */
Test(pieces, reference_definitions_serve_every_piece) {
  const char *text =
      "# A\n\n- [X][x] - X.\n- [Y][y] - Y.\n- [Z][z] - Z.\n- [F][f] - F.\n"
      "- [P][p] - P.\n\n# B\n\n- [W](https://w.org) - W.\n\n"
      "```\n\n[f]: https://fenced.example/\n```\n\n"
      "Some text\n[p]: https://paragraph.example/\n\n"
      "# C\n\n[x]: https://x.org/\n\n> [y]: https://y.org/\n\n"
      "- [z]: https://z.org/\n  \"Zed\"\n";
  size_t nsections = 0;
  same_both_ways("refs in pieces", text, strlen(text), &nsections);
  cr_expect_eq(nsections, 4, "split at each heading: %zu", nsections);
  struct th_lint t;
  lint_split(&t, text);
  cr_assert_geq(t.model->nentries, 3);
  const char *want[] = {"https://x.org/", "https://y.org/", "https://z.org/"};
  for (int i = 0; i < 3; i++) {
    cr_assert_eq(t.model->entries[i]->nlinks, 1, "entry %d", i);
    cr_expect_str_eq(t.model->entries[i]->links[0]->url, want[i]);
  }
  /* [F][f] and [P][p] stay text: those entries have no link */
  for (size_t i = 0; i < t.model->nentries; i++) {
    const struct ll_entry *e = t.model->entries[i];
    if (e->name &&
        (strncmp(e->name, "[F]", 3) == 0 || strncmp(e->name, "[P]", 3) == 0))
      cr_expect_eq(e->nlinks, 0, "%s: a look-alike defined its label", e->name);
  }
  th_done(&t);
}

/* Positions after a split point to the same bytes, CRLF or not. */
Test(pieces, positions_after_a_split_crlf) {
  const char *text =
      "# A\r\n\r\n- [X](https://x.org/?utm_source=a) - X\r\n\r\n"
      "# B\r\n\r\n- [Y](htp://y.org) - y.\r\n- [X](https://x.org/)"
      " - Again.\r\n";
  same_both_ways("crlf", text, strlen(text), NULL);
  struct th_lint t;
  lint_split(&t, text);
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_eq(t.model->entries[1]->line, 7);
  cr_expect_eq(t.model->entries[2]->line, 8);
  cr_expect_str_eq(t.model->sections[t.model->entries[2]->section].path[0],
                   "B");
  th_done(&t);
}

/* ll_doc_literal reads a text node's bytes through cmark-gfm's node
 * layout: they must be what cmark_node_get_literal gives, for every
 * text and code node of a real list (a library whose layout changed
 * would fail here). */
Test(pieces, literal_bytes_are_cmark_gfms) {
  size_t len;
  char *text = th_read("tests/golden/seed-002.md", &len);
  cr_assert(text);
  struct ll_docmem *mem = NULL;
  cmark_node *doc = ll_doc_parse(text, len, &mem);
  cr_assert(doc);
  size_t seen = 0;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev != CMARK_EVENT_ENTER ||
        (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE))
      continue;
    size_t n1;
    const char *direct = ll_doc_literal(n, &n1);
    char *copy = ll_xstrndup(direct, n1); /* before the copying call */
    const char *lit = cmark_node_get_literal(n);
    cr_assert(lit);
    cr_expect_str_eq(copy, lit);
    free(copy);
    seen++;
  }
  cmark_iter_free(it);
  cr_expect_gt(seen, 50, "%zu text nodes", seen);
  size_t zero;
  cr_expect_str_eq(ll_doc_literal(doc, &zero), "");
  cr_expect_eq(zero, 0);
  ll_doc_free(mem);
  free(text);
}

/* A paragraph whose lines run past its piece (found by fuzz_lint): the
 * span of a line the piece does not have was taken from the static ""
 * ll_source_line gives for it, a wild offset that reached the rules.
 * Every span of every finding and entry stays inside the text. */
Test(pieces, spans_stay_inside_the_text) {
  size_t len;
  char *text =
      th_read("tests/regress/lint/paragraph-line-past-the-piece", &len);
  cr_assert(text);
  size_t saved = ll_piece_min;
  ll_piece_min = 256;
  struct th_lint t;
  th_lint_mem(&t, "list.md", text, len);
  ll_piece_min = saved;
  for (size_t i = 0; i < t.ctx->diags.n; i++) {
    const struct ll_diag *g = &t.ctx->diags.v[i];
    cr_expect(g->span.start <= len && g->span.end <= len,
              "%s at %zu-%zu of %zu", ll_diag_id(g), g->span.start, g->span.end,
              len);
  }
  for (size_t i = 0; i < t.model->nentries; i++) {
    const struct ll_entry *e = t.model->entries[i];
    cr_expect(e->name_span.end <= len && e->span.end <= len &&
                  e->desc_span.end <= len && e->access_span.end <= len,
              "entry at line %d", e->line);
  }
  th_done(&t);
  free(text);
}
