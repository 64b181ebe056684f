/* test_model.c - how lists of every style are read as entries. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"

static const struct ll_entry *entry(struct th_lint *t, size_t i) {
  cr_assert_lt(i, t->model->nentries, "only %zu entries", t->model->nentries);
  return t->model->entries[i];
}

Test(model, link_list_separators) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n"
                  "- [A](https://a.org) - Alpha.\n"
                  "* [B](https://b.org) \xE2\x80\x93 Beta.\n"
                  "+ [C](https://c.org): Gamma.\n"
                  "1. [D](https://d.org)\xEF\xBC\x9A\xE4\xB8\xAD\xE6\x96\x87\n"
                  "- **[E](https://e.org)** \xE2\x80\x94 Epsilon.\n"
                  "- [F](https://f.org) Plain words.\n");
  cr_assert_eq(t.model->nentries, 6);
  const char *seps[] = {
      "-", "\xE2\x80\x93", ":", "\xEF\xBC\x9A", "\xE2\x80\x94", ""};
  const char *names[] = {"A", "B", "C", "D", "E", "F"};
  for (size_t i = 0; i < 6; i++) {
    const struct ll_entry *e = entry(&t, i);
    cr_expect_eq(e->style, LL_STYLE_LINK_LIST);
    cr_expect_str_eq(e->name, names[i]);
    cr_expect_str_eq(e->separator, seps[i], "entry %zu", i);
    cr_expect_eq(e->nlinks, 1);
  }
  cr_expect_str_eq(entry(&t, 0)->description, "Alpha.");
  cr_expect_str_eq(entry(&t, 5)->description, "Plain words.");
  cr_expect_eq(entry(&t, 1)->marker, '*');
  cr_expect_eq(entry(&t, 3)->marker, '.');
  th_done(&t);
}

/* An emoji shortcode between the name and the separator ("the tool is
 * proprietary") is decoration: its ':' is not the separator. */
Test(model, shortcode_before_the_separator) {
  struct th_lint t;
  const char *text =
      "- [A](https://a.org) :copyright: \xE2\x80\x94 Alpha.\n"
      "- [B](https://b.org) [:information_source:](https://b.org/i/1) - "
      "Beta.\n"
      "- [C](https://c.org) :tada:\n";
  th_lint_str(&t, text);
  cr_assert_eq(t.model->nentries, 3);
  const struct ll_entry *a = entry(&t, 0), *b = entry(&t, 1);
  cr_expect_str_eq(a->separator, "\xE2\x80\x94");
  cr_expect_str_eq(a->description, "Alpha.");
  cr_expect_eq(a->sep_span.start,
               (size_t)(strstr(text, "\xE2\x80\x94") - text));
  cr_expect_eq(a->desc_span.start, (size_t)(strstr(text, "Alpha") - text));
  cr_expect_str_eq(b->separator, "-");
  cr_expect_str_eq(b->description, "Beta.");
  /* a lone shortcode after the name: no separator to judge */
  cr_expect_null(entry(&t, 2)->separator);
  th_done(&t);
}

/* What follows a name without a separator may be a note about the
 * entry (an attribution, a phrase in emphasis): no separator to judge.
 * An attribution before a separator is a qualifier of the description. */
Test(model, attribution_and_emphasis_are_notes) {
  struct th_lint t;
  th_lint_str(&t, "* [a](https://a.org) by @someone\n"
                  "* [b](https://b.org) _In Chinese_\n"
                  "* [c](https://c.org) _In Spanish._ by @someone\n"
                  "* [d](https://d.org) by @someone \xE2\x80\x93 Dee.\n"
                  "* [e](https://e.org) Plain words.\n");
  cr_assert_eq(t.model->nentries, 5);
  for (size_t i = 0; i < 3; i++)
    cr_expect_null(entry(&t, i)->separator, "entry %zu", i);
  cr_expect_str_eq(entry(&t, 0)->description, "by @someone");
  cr_expect_str_eq(entry(&t, 3)->separator, "\xE2\x80\x93");
  cr_expect_str_eq(entry(&t, 3)->description, "Dee.");
  cr_expect_str_eq(entry(&t, 4)->separator, "");
  th_done(&t);
}

Test(model, description_links_are_not_entry_links) {
  struct th_lint t;
  th_lint_str(&t, "- [A](https://a.org) - Like [B](https://b.org).\n");
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_eq(entry(&t, 0)->nlinks, 1);
  cr_expect_eq(t.model->nlinks, 2);
  cr_expect(!(t.model->links[1]->flags & LL_LINK_ENTRY));
  th_done(&t);
}

Test(model, skips_toc_badges_and_footer_sections) {
  struct th_lint t;
  th_lint_str(&t, "# Awesome [![A](https://b.svg)](https://awesome.re)\n\n"
                  "## Contents\n\n- [Tools](#tools)\n\n"
                  "## Tools\n\n- [X](https://x.org) - X.\n"
                  "- [![badge](https://img.svg)](https://ci.org)\n"
                  "**[\xE2\xAC\x86 back to top](#contents)**\n\n"
                  "## Contributing\n\n- [Guide](https://g.org) - How.\n\n"
                  "## License\n\n- [CC0](https://cc0.org) - Licence.\n");
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_str_eq(entry(&t, 0)->name, "X");
  const struct ll_section *s = &t.model->sections[entry(&t, 0)->section];
  cr_assert_eq(s->depth, 2);
  cr_expect_str_eq(s->path[1], "Tools");
  th_done(&t);
}

/* Regression: "### EHR" nested under "## Contents" was skipped with it,
 * and a whole list (kakoni/awesome-healthcare) had no entries. */
Test(model, sections_nested_under_contents_are_read) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n## Contents\n\n- [EHR](#ehr)\n\n### EHR\n\n"
                  "- [A](https://a.org) - Alpha.\n\n## License\n\n"
                  "### Details\n\n- [B](https://b.org) - Not an entry.\n");
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_str_eq(entry(&t, 0)->name, "A");
  th_done(&t);
}

/* Regression: a back-to-top line right under an item joins its paragraph
 * and was read as the end of its description (avelino/awesome-go). */
Test(model, back_to_top_line_is_not_description) {
  struct th_lint t;
  th_lint_str(&t, "## A\n\n- [A](https://a.org) - Alpha.\n"
                  "**[\xE2\xAC\x86 back to top](#contents)**\n");
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_str_eq(entry(&t, 0)->description, "Alpha.");
  th_done(&t);
}

Test(model, block_entries_share_one_access_line) {
  struct th_lint t;
  th_lint_str(&t, "## Data\n"
                  "__One__\nAbout one...\n\n"
                  "__Two__\nAbout two. __Requires registration__.\n\n"
                  "Access: http://shared.org/\n\n***\n\n"
                  "__Three__  \nAbout three.  \n"
                  "Paper: https://p.org/3  \nData: https://d.org/3\n");
  cr_assert_eq(t.model->nentries, 3);
  const struct ll_entry *one = entry(&t, 0), *two = entry(&t, 1),
                        *three = entry(&t, 2);
  cr_expect_eq(one->style, LL_STYLE_BLOCK);
  cr_expect_str_eq(one->name, "One");
  cr_expect_str_eq(one->description, "About one...");
  cr_expect_str_eq(two->access, "Requires registration");
  cr_expect_str_eq(two->description, "About two. .");
  cr_assert_eq(one->nlinks, 1);
  cr_assert_eq(two->nlinks, 1);
  cr_expect_eq(one->links[0], two->links[0]);
  cr_expect(one->links[0]->flags & LL_LINK_SHARED);
  cr_expect_str_eq(one->links[0]->label, "Access");
  cr_assert_eq(three->nlinks, 2);
  /* the data is the resource; the paper that comes first is about it */
  cr_expect_str_eq(three->links[0]->label, "Data");
  cr_expect_str_eq(three->links[1]->label, "Paper");
  cr_expect(three->links[0]->flags & LL_LINK_PRIMARY);
  cr_expect(!(three->links[1]->flags & LL_LINK_PRIMARY));
  th_done(&t);
}

Test(model, notes_with_bare_urls) {
  struct th_lint t;
  th_lint_str(&t, "? Data:\n"
                  "https://a.org/x\n"
                  "MURA    https://b.org/   (bone X-rays)\n"
                  "This sentence mentions https://c.org/ in passing, which "
                  "is prose. Not an entry.\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_eq(entry(&t, 0)->style, LL_STYLE_NOTES);
  cr_expect_null(entry(&t, 0)->name);
  cr_expect_str_eq(entry(&t, 1)->name, "MURA");
  cr_expect_str_eq(entry(&t, 1)->description, "bone X-rays");
  th_done(&t);
}

Test(model, table_rows) {
  struct th_lint t;
  th_lint_str(&t, "| API | Description | Auth | HTTPS |\n"
                  "|---|---|---|---|\n"
                  "| [Cats](https://cats.org) | Cat facts | `apiKey` | Yes |\n"
                  "| [Dogs](https://dogs.org) | Dog facts | No | Yes |\n");
  cr_assert_eq(t.model->nentries, 2);
  const struct ll_entry *e = entry(&t, 0);
  cr_expect_eq(e->style, LL_STYLE_TABLE);
  cr_expect_str_eq(e->name, "Cats");
  cr_expect_str_eq(e->description, "Cat facts");
  cr_expect_str_eq(e->access, "apiKey");
  cr_expect_str_eq(e->links[0]->url, "https://cats.org");
  cr_expect_eq(e->line, 3);
  cr_expect_eq(e->flags & LL_ENTRY_NO_HTTPS, 0);
  th_done(&t);
}

/* A table's HTTPS column is a fact about each row's resource. */
Test(model, table_https_column) {
  struct th_lint t;
  th_lint_str(&t, "| API | Description | Auth | HTTPS |\n"
                  "|---|---|---|---|\n"
                  "| [Cats](http://cats.org) | Cat facts | No | No |\n"
                  "| [Dogs](http://dogs.org) | Dog facts | No | Yes |\n"
                  "| [Owls](http://owls.org) | Owl facts | No |  false |\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect(entry(&t, 0)->flags & LL_ENTRY_NO_HTTPS);
  cr_expect_eq(entry(&t, 1)->flags & LL_ENTRY_NO_HTTPS, 0);
  cr_expect(entry(&t, 2)->flags & LL_ENTRY_NO_HTTPS);
  cr_expect_str_eq(entry(&t, 0)->access, "No"); /* Auth, not HTTPS */
  th_done(&t);
}

Test(model, nested_lists_and_mirror_urls) {
  struct th_lint t;
  th_lint_str(&t, "- Category\n"
                  "  - [A](https://a.org) - Alpha.\n"
                  "    - https://mirror.a.org/\n"
                  "  - [B](https://b.org) - Beta.\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_eq(entry(&t, 0)->nlinks, 2);
  cr_expect_str_eq(entry(&t, 0)->links[1]->url, "https://mirror.a.org/");
  cr_expect_eq(entry(&t, 0)->depth, 2); /* under "- Category" */
  th_done(&t);
}

Test(model, crlf_positions) {
  struct th_lint t;
  th_lint_str(&t, "# L\r\n\r\n- [A](htps://a.org) - A.\r\n");
  char *pos = th_positions(t.ctx, LL_R_MALFORMED_URL);
  cr_expect_str_eq(pos, "3:7");
  free(pos);
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_str_eq(entry(&t, 0)->description, "A.");
  th_done(&t);
}

Test(model, www_autolink_keeps_its_text) {
  struct th_lint t;
  th_lint_str(&t, "See www.example.org today.\n");
  cr_assert_eq(t.model->nlinks, 1);
  const struct ll_link *l = t.model->links[0];
  cr_expect(l->flags & LL_LINK_WWW);
  cr_expect_str_eq(l->url, "http://www.example.org");
  /* the span is the text the author wrote, found in the source */
  cr_expect_eq(l->span.start, 4);
  cr_expect_eq(l->span.end, 4 + strlen("www.example.org"));
  th_done(&t);
}

Test(model, code_blocks_are_not_entries) {
  struct th_lint t;
  th_lint_str(&t, "```\n- [A](htps://a.org) - A.\n```\n\n    - [B](x) - B\n");
  cr_expect_eq(t.model->nentries, 0);
  cr_expect_eq(th_count(t.ctx, -1), 0);
  th_done(&t);
}

/* Entries written in HTML inside an HTML block (trimstray's style): a
 * line that starts with a link, its description up to <br>, over lines
 * if need be; character references decoded, footnote marks dropped. */
Test(model, html_entries) {
  struct th_lint t;
  th_lint_str(&t,
              "# L\n\n## Tools\n\n<p>\n"
              "&nbsp;&nbsp; <a href=\"https://a.org/?x=1&amp;y=2\"><b>Alpha"
              "</b></a> - does A &amp; B.<br>\n"
              "&nbsp;&nbsp; <a href='https://b.org'><b>\nBeta</b></a> - "
              "goes on\nover two lines.<br>\n"
              "<li><a HREF=https://c.org>Gamma</a>: the third.<sup>1</sup>"
              "</li>\n"
              "&nbsp;&nbsp; <a href=\"https://d.org\"><b>Delta</b></a><br>\n"
              "</p>\n");
  cr_assert_eq(t.model->nentries, 4);
  const struct ll_entry *a = entry(&t, 0), *b = entry(&t, 1), *c = entry(&t, 2),
                        *d = entry(&t, 3);
  cr_expect_eq(a->style, LL_STYLE_HTML);
  cr_expect_str_eq(a->name, "Alpha");
  cr_expect_str_eq(a->links[0]->url, "https://a.org/?x=1&y=2");
  cr_expect_str_eq(a->description, "does A & B.");
  cr_expect_str_eq(a->separator, "-");
  cr_expect_eq(a->line, 6);
  /* the name's bytes in the source: inside <b>...</b> */
  cr_expect_eq(strncmp(t.src->data + a->name_span.start, "Alpha",
                       a->name_span.end - a->name_span.start),
               0);
  cr_expect_eq(a->name_span.end - a->name_span.start, 5);
  cr_expect_str_eq(b->name, "Beta");
  cr_expect_str_eq(b->description, "goes on over two lines.");
  cr_expect_eq(b->line, 7);
  cr_expect_eq(b->end_line, 9);
  cr_expect_str_eq(c->name, "Gamma");
  cr_expect_str_eq(c->separator, ":");
  cr_expect_str_eq(c->description, "the third.");
  cr_expect_str_eq(c->links[0]->url, "https://c.org");
  cr_expect_str_eq(d->name, "Delta");
  cr_expect_null(d->description, "a link alone on its line");
  cr_expect_eq(d->section, t.model->nsections - 1);
  th_done(&t);
}

/* HTML that is not a list of entries: a logo, sponsors' banners, a row of
 * links without descriptions, a section that holds no entries. */
/* An HTML row's description ends with its cell's text: the entry does
 * not run into the next row. */
Test(model, html_row_ends_with_its_text) {
  struct th_lint t;
  const char *text = "<table>\n"
                     "<tr>\n"
                     "<td> <a href=\"https://a.org\"> A </a> </td>\n"
                     "<td> Alpha tool. </td>\n"
                     "</tr>\n"
                     "<tr>\n"
                     "<td> <img src=\"https://b.org/i.png\" /> </td>\n"
                     "<td> <a href=\"https://b.org\"> B </a> </td>\n"
                     "<td> Beta tool. </td>\n"
                     "</tr>\n"
                     "</table>\n";
  th_lint_str(&t, text);
  const struct ll_entry *a = entry(&t, 0);
  cr_expect_str_eq(a->description, "Alpha tool.");
  cr_expect_eq(a->end_line, 4);
  cr_expect_eq(a->desc_span.end,
               (size_t)(strstr(text, "tool.") - text) + strlen("tool."));
  th_done(&t);
}

Test(model, html_that_is_not_entries) {
  struct th_lint t;
  th_lint_str(
      &t, "<p align=\"center\">\n<a href=\"https://x.org\"><img src=\"l.png\">"
          "</a>\n</p>\n\n"
          "<div>\n<a href=\"https://bit.ly/sponsor?utm_source=x\">\n"
          "<img src=\"s.png\"> <b>Fast builds.</b>\n</a>\n</div>\n\n"
          "<p>\n<a href=\"https://docs.org\">Docs</a><br>\n"
          "<a href=\"https://blog.org\">Blog</a><br>\n</p>\n\n"
          "## Contributing\n\n<p>\n<a href=\"https://g.org\">Guide</a> - "
          "how to help.<br>\n</p>\n");
  cr_expect_eq(t.model->nentries, 0);
  /* the links are the model's all the same, in document order */
  cr_assert_eq(t.model->nlinks, 5);
  cr_expect(t.model->links[0]->flags & LL_LINK_IMAGE);
  cr_expect(t.model->links[1]->flags & LL_LINK_IMAGE);
  cr_expect_str_eq(t.model->links[2]->url, "https://docs.org");
  /* a sponsor's banner is not a shortener or tracking finding */
  cr_expect_eq(th_count(t.ctx, -1), 0, "%zu findings", th_count(t.ctx, -1));
  th_done(&t);
}

/* Broken HTML is read without harm: unclosed tags and quotes, links
 * without href or end, references out of range. */
Test(model, broken_html_blocks) {
  static const char *const docs[] = {
      "<p>\n<a href=\"https://x.org\n<a>\n</p>\n",
      "<p>\n<a href='https://y.org'>no end\n</p>\n",
      "<p>\n<a name=x>Anchor</a> - no href.<br>\n</p>\n",
      "<p>\n<a href=\"https://z.org\">Z</a> - &#xZZ; &#99999999; &#0; &#xD800; "
      "&amp <sup>open\n</p>\n",
      "<div>\n<a href=\"https://w.org\"<b>W</b></a> - x.<br>\n</div>\n",
      "<p>\n<a\n</p>\n",
      "<table>\n<tr><td><a "
      "href=\"https://t.org\">T</a></td><td>Tee.</td></tr>\n"
      "</table>\n"};
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    struct th_lint t;
    th_lint_str(&t, docs[i]);
    for (size_t k = 0; k < t.model->nentries; k++) {
      const struct ll_entry *e = t.model->entries[k];
      cr_expect(e->span.start <= e->span.end && e->span.end <= t.src->len);
      cr_expect(e->name && e->name[0]);
    }
    if (i == 3) { /* references that are not characters stay as written;
                     an unclosed <sup> is a tag, its text kept */
      cr_assert_eq(t.model->nentries, 1);
      cr_expect_str_eq(entry(&t, 0)->description,
                       "&#xZZ; &#99999999; &#0; &#xD800; &amp open");
    }
    if (i == 6) {
      cr_assert_eq(t.model->nentries, 1);
      cr_expect_str_eq(entry(&t, 0)->description, "Tee.");
    }
    th_done(&t);
  }
}

/* Links that are never closed: each search for </a> stops at the next
 * <a.  Without a </a> anywhere, 20,000 of them took 14 s (quadratic);
 * with one at the end, the first link swallowed all the others and the
 * link that follows (trimstray's line 1369 was lost so). */
Test(model, unclosed_html_links, .timeout = 10) {
  for (int closed = 0; closed < 2; closed++) {
    struct ll_buf s;
    ll_buf_init(&s, 0);
    ll_buf_adds(&s, "<p>\n");
    for (int i = 0; i < 20000; i++)
      ll_buf_adds(&s, "<a href=\"https://x.org\">X - no end<br>\n");
    if (closed)
      ll_buf_adds(&s, "<a href=\"https://y.org\"><b>Y</b></a> - closed.<br>\n");
    ll_buf_adds(&s, "</p>\n");
    struct th_lint t;
    th_lint_str(&t, s.data);
    cr_assert_eq(t.model->nentries, (size_t)closed);
    if (closed) {
      cr_expect_str_eq(entry(&t, 0)->name, "Y");
      cr_expect_eq(entry(&t, 0)->line, 20002);
    }
    th_done(&t);
    ll_buf_free(&s);
  }
  /* so with unclosed footnote marks in a description (19 s before) */
  struct ll_buf s;
  ll_buf_init(&s, 0);
  ll_buf_adds(&s, "<p>\n<a href=\"https://x.org\">X</a> - Ex ");
  for (int i = 0; i < 40000; i++)
    ll_buf_adds(&s, "<sup>1 ");
  ll_buf_adds(&s, "<br>\n</p>\n");
  struct th_lint t;
  th_lint_str(&t, s.data);
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_eq(strncmp(entry(&t, 0)->description, "Ex 1 1 1", 8), 0);
  th_done(&t);
  ll_buf_free(&s);
}

/* One block entry with thousands of labelled link lines: its link array
 * grows geometrically (it once took memory with the square of its lines:
 * 28,000 pairs, 12.8 GB), and its Access: line is its primary link
 * although a Paper: line comes first. */
Test(model, block_entry_with_many_link_lines) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_adds(&b, "__Dataset__\n\nA description.\n");
  ll_buf_adds(&b, "Paper: https://p.example/0\n");
  for (int i = 0; i < 3000; i++)
    ll_buf_printf(&b,
                  "Access: https://a.example/%d\nPaper: https://p.example/%d\n",
                  i, i + 1);
  struct th_lint t;
  th_lint_mem(&t, "list.md", b.data, b.len);
  cr_assert_eq(t.model->nentries, 1);
  const struct ll_entry *e = entry(&t, 0);
  cr_expect_eq(e->nlinks, 6001);
  cr_expect_leq(e->links_cap, 2 * e->nlinks, "capacity %zu", e->links_cap);
  cr_expect_str_eq(e->links[0]->url, "https://a.example/0");
  cr_expect(e->links[0]->flags & LL_LINK_PRIMARY);
  cr_expect(!(e->links[1]->flags & LL_LINK_PRIMARY));
  cr_expect_str_eq(e->links[1]->label, "Paper");
  cr_expect_eq(e->end_line, 3 + 1 + 6000);
  th_done(&t);
  ll_buf_free(&b);
}

/* A bold title with bracketed labelled links, then a prose paragraph:
 * one entry, its description the paragraph. */
Test(model, paper_paragraphs) {
  struct th_lint t;
  th_lint_str(&t, "# P\n\n"
                  "**(2021-03) Protein models** [[code](https://c.org/1)]"
                  "[[paper](https://doi.org/1)]\n\n"
                  "A masked language model scores variants.\n\n"
                  "**(2022-01) Second** [[code](https://c.org/2)]\n\n"
                  "Another one.\n");
  cr_assert_eq(t.model->nentries, 2);
  const struct ll_entry *e = entry(&t, 0);
  cr_expect_eq(e->style, LL_STYLE_PAPER);
  cr_expect_str_eq(e->name, "(2021-03) Protein models");
  cr_expect_str_eq(e->description, "A masked language model scores variants.");
  cr_assert_eq(e->nlinks, 2);
  cr_expect_str_eq(e->links[0]->url, "https://doi.org/1", "the paper first");
  cr_expect_str_eq(e->links[1]->label, "code");
  cr_expect_eq(e->end_line, 5);
  th_done(&t);
}

/* A bold title over a sub-list of labelled links, and sub-items that
 * hold an entry's own links: one entry each, never one per link. */
Test(model, titles_and_metadata_sub_items) {
  struct th_lint t;
  th_lint_str(&t, "# P\n\n"
                  "**Sparse Voxel Fields**\n\n"
                  "- Homepage: https://example.org/svf/\n"
                  "- Paper: https://arxiv.org/abs/2401.00001\n"
                  "- Code: https://github.com/example/svf\n\n"
                  "## Apps\n\n"
                  "- [A](https://a.org) - App a.\n"
                  "  - [App Store](https://apps.example/a)\n"
                  "- [B](https://b.org) - App b.\n"
                  "  - [App Store](https://apps.example/b)\n"
                  "- [C](https://c.org) - App c.\n"
                  "  - [App Store](https://apps.example/c)\n"
                  "- **Method X**\n"
                  "  - Someone, Another\n"
                  "  - [[Paper]](https://p.org/x)\n");
  cr_assert_eq(t.model->nentries, 5);
  const struct ll_entry *s = entry(&t, 0);
  cr_expect_eq(s->style, LL_STYLE_TITLED);
  cr_expect_str_eq(s->name, "Sparse Voxel Fields");
  cr_expect_eq(s->nlinks, 3);
  for (size_t i = 1; i <= 3; i++) {
    const struct ll_entry *e = entry(&t, i);
    cr_expect_eq(e->nlinks, 2, "entry %zu", i);
    cr_expect_str_eq(e->links[1]->label, "App Store");
    cr_expect_eq(e->end_line, e->line + 1);
  }
  const struct ll_entry *x = entry(&t, 4);
  cr_expect_str_eq(x->name, "Method X");
  cr_assert_eq(x->nlinks, 1);
  cr_expect_str_eq(x->links[0]->label, "Paper");
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_NAME), 0);
  th_done(&t);
}

/* A resource's name linked again to the same place is a mention, not a
 * label: it still names its entries. */
Test(model, a_name_mentioned_again_is_no_label) {
  struct th_lint t;
  th_lint_str(&t, "# P\n\n"
                  "- [Tool](https://t.org) - Uses [Lib](https://lib.org).\n"
                  "- [Tool2](https://t2.org) - Also [Lib](https://lib.org).\n"
                  "- [Tool3](https://t3.org) - And [Lib](https://lib.org).\n"
                  "- Extends [Lib](https://lib.org) further.\n");
  cr_assert_eq(t.model->nentries, 4);
  cr_expect_eq(entry(&t, 3)->style, LL_STYLE_LINK_LIST);
  cr_expect_str_eq(entry(&t, 3)->name, "Lib");
  th_done(&t);
}

/* <h2>...</h2> in an HTML block opens a section as ## does. */
Test(model, html_headings_open_sections) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n<a name=\"c\"></a>\n<h2>C</h2>\n\n"
                  "- [A](https://a.org) - A.\n\n<h2>Go</h2>\n\n"
                  "- [A](https://a.org) - A.\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_neq(entry(&t, 0)->section, entry(&t, 1)->section);
  char *p = ll_section_path(t.model, entry(&t, 1)->section);
  cr_expect_str_eq(p, "L > Go");
  free(p);
  th_done(&t);
}

/* Sections that each hold one resource: the heading names it, its first
 * paragraph describes it, its bullets are its labelled links. */
Test(model, heading_entries) {
  struct th_lint t;
  th_lint_str(&t, "# Papers\n\n"
                  "## First paper [1]\n\nIt does one thing.\n\n"
                  "* Short read: [A post](https://blog.example/1)\n"
                  "* Paper: [First paper](https://arxiv.org/abs/1)\n"
                  "* [Code](https://github.com/x/1)\n\n"
                  "## Second paper [2]\n\nIt does another.\n\n"
                  "* Short read: [B post](https://blog.example/2)\n"
                  "* Paper: [Second paper](https://arxiv.org/abs/2)\n"
                  "* [Code](https://github.com/x/2)\n\n"
                  "## Third paper [3]\n\nAnd a third.\n\n"
                  "* Paper: [Third](https://arxiv.org/abs/3)\n"
                  "* [Code](https://github.com/x/3)\n\n"
                  "## Tools\n\n- [A](https://a.org) - A tool.\n"
                  "- [B](https://b.org) - B tool.\n");
  cr_assert_eq(t.model->nentries, 5);
  const struct ll_entry *e = entry(&t, 0);
  cr_expect_eq(e->style, LL_STYLE_HEADING);
  cr_expect_str_eq(e->name, "First paper [1]");
  cr_expect_str_eq(e->description, "It does one thing.");
  cr_assert_eq(e->nlinks, 3);
  cr_expect_str_eq(e->links[0]->url, "https://arxiv.org/abs/1", "the paper");
  cr_expect_eq(e->line, 3);
  cr_expect_eq(e->end_line, 9);
  cr_expect_eq(entry(&t, 2)->nlinks, 2);
  cr_expect_eq(entry(&t, 3)->style, LL_STYLE_LINK_LIST);
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_NAME), 0);
  th_done(&t);
}

/* A sub-list of resources that recur under several entries is not their
 * metadata when the sub-list also holds other resources; a sub-list of
 * labelled links under a task-list title reads as that title's links. */
Test(model, sub_lists_of_resources_stay_entries) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n"
                  "- [Swift](https://s.org) - A language.\n"
                  "  - [Education](https://e.org/s)\n"
                  "  - [Playgrounds](https://p.org/s)\n"
                  "- [Go](https://g.org) - A language.\n"
                  "  - [Education](https://e.org/g)\n"
                  "  - [Tools](https://t.org/g)\n"
                  "- [Rust](https://r.org) - A language.\n"
                  "  - [Education](https://e.org/r)\n"
                  "  - [Books](https://b.org/r)\n"
                  "- [ ] Skiena:\n"
                  "  - [video](https://v.org/1)\n"
                  "  - [slides](https://s.org/1)\n"
                  "- [ ] Sedgewick:\n"
                  "  - [video](https://v.org/2)\n"
                  "  - [slides](https://s.org/2)\n"
                  "- [x] Knuth:\n"
                  "  - [video](https://v.org/3)\n"
                  "  - [slides](https://s.org/3)\n");
  cr_assert_eq(t.model->nentries, 12);
  const struct ll_entry *sk = entry(&t, 9);
  cr_expect_str_eq(sk->name, "Skiena");
  cr_expect_eq(sk->nlinks, 2);
  th_done(&t);
}

/* Entries in an HTML table: each row is one entry, its description the
 * next cell even when that cell starts with a link; no row is skipped. */
Test(model, html_table_rows) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n<table>\n"
                  "  <tr>\n    <td><img src=\"a.png\"/></td>\n"
                  "    <td><a href=\"https://a.org\">A</a></td>\n"
                  "    <td>Tool a.</td>\n  </tr>\n"
                  "  <tr>\n    <td><img src=\"b.png\"/></td>\n"
                  "    <td><a href=\"docs/b.md\">B</a></td>\n"
                  "    <td><a href=\"https://b.org\">B</a> does b.</td>\n"
                  "  </tr>\n"
                  "  <tr>\n    <td><img src=\"c.png\"/></td>\n"
                  "    <td><a href=\"https://c.org\">C</a></td>\n"
                  "    <td>Tool c.</td>\n  </tr>\n</table>\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_str_eq(entry(&t, 0)->description, "Tool a.");
  cr_expect_str_eq(entry(&t, 1)->links[0]->url, "docs/b.md");
  cr_expect_str_eq(entry(&t, 1)->description, "B does b.");
  cr_expect_str_eq(entry(&t, 2)->name, "C");
  th_done(&t);
}

/* Bullets above the first section of a list of sections introduce it;
 * a list whose only section is its top keeps its entries. */
Test(model, intro_bullets_are_not_entries) {
  struct th_lint t;
  th_lint_str(&t,
              "# Papers\n\nFrom these venues:\n\n"
              "- [NeurIPS](https://nips.cc/)\n- [ICML](https://icml.cc/)\n\n"
              "## 2022\n\n- [A](https://a.org) - A.\n\n"
              "## 2021\n\n- [B](https://b.org) - B.\n"
              "- [ICML paper](https://icml.cc/) - Same site, not a dup.\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_str_eq(entry(&t, 0)->name, "A");
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_LINK), 0);
  th_done(&t);
  th_lint_str(&t, "# Tools\n\n- [A](https://a.org) - A.\n"
                  "- [B](https://b.org) - B.\n\n## Contributing\n\nSee.\n");
  cr_expect_eq(t.model->nentries, 2);
  th_done(&t);
}

/* A bullet naming a group of sub-entries is no entry lacking a
 * description; "-" and a no-break space is a separator. */
Test(model, group_bullets_and_no_break_separators) {
  struct th_lint t;
  th_lint_str(&t, "# DBs\n\n"
                  "- MySQL - [awesome-mysql](https://am.example)\n"
                  "  - [pymysql](https://pm.example) - A driver.\n"
                  "  - [mysqlclient](https://mc.example) - A connector.\n"
                  "- [a](https://a.example) - First.\n"
                  "- [b](https://b.example) - Second.\n"
                  "- [c](https://c.example) - Third.\n"
                  "- [d](https://d.example) - Fourth.\n"
                  "- [e](https://e.example) - Fifth.\n"
                  "- [f](https://f.example) - Sixth.\n"
                  "- [g](https://g.example) - Seventh.\n"
                  "- [h](https://h.example) -\xC2\xA0"
                  "Eighth.\n");
  cr_assert_eq(t.model->nentries, 11);
  cr_expect(entry(&t, 0)->flags & LL_ENTRY_GROUP);
  cr_expect_eq(th_count(t.ctx, LL_R_MISSING_DESCRIPTION), 0);
  const struct ll_entry *h = entry(&t, 10);
  cr_expect_str_eq(h->separator, "-");
  cr_expect_str_eq(h->description, "Eighth.");
  th_done(&t);
}

/* "Access: htp://x" is a labelled link line whatever its URL looks like:
 * the entry has the link (no missing-link), the URL is checked. */
Test(model, labelled_line_with_a_malformed_url) {
  struct th_lint t;
  th_lint_str(&t, "# Data\n\n__A__\nAbout a.\nAccess: https://a.org/\n\n***\n\n"
                  "__B__\nAbout b.\nAccess: htp://b.org/data\n");
  cr_assert_eq(t.model->nentries, 2);
  const struct ll_entry *e = entry(&t, 1);
  cr_assert_eq(e->nlinks, 1);
  cr_expect_str_eq(e->links[0]->url, "htp://b.org/data");
  cr_expect_str_eq(e->links[0]->label, "Access");
  cr_expect_str_eq(e->description, "About b.");
  cr_expect_eq(th_count(t.ctx, LL_R_MISSING_LINK), 0);
  cr_expect_eq(th_count(t.ctx, LL_R_MALFORMED_URL), 1);
  th_done(&t);
}

/* A notes list of "https://x" lines, each followed by a line about it:
 * the next line is its description (a short name on it is not). */
Test(model, bare_url_then_description_line) {
  struct th_lint t;
  th_lint_str(&t, "# N\n\nhttps://a.example/one\nA tool that does one thing.\n"
                  "- cli\n\nhttps://b.example/two\ngoogle dataset search\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_str_eq(entry(&t, 0)->description, "A tool that does one thing.");
  cr_expect_eq(entry(&t, 0)->end_line, 4);
  cr_expect_null(entry(&t, 1)->description);
  th_done(&t);
}

/* A list, then a table of statistics of the same items: the rows mirror
 * the entries (model->mirrors) and are no new entries, so no duplicate.
 * The table may come before the list too. */
Test(model, table_mirroring_its_list) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n## Parsers\n\n"
                  "- [alpha](https://github.com/o/alpha) - Parses alpha.\n"
                  "- [beta](https://github.com/o/beta) - Parses beta.\n"
                  "- [gamma](https://github.com/o/gamma) - Parses gamma.\n\n"
                  "| Name | Downloads | Stars | Last commit |\n"
                  "|---|---|---|---|\n"
                  "| \xF0\x9F\x94\x97 [alpha](https://github.com/o/alpha) | "
                  "\xF0\x9F\x93\xA5 1.2k | \xE2\xAD\x90 120 | 2024-01-02 |\n"
                  "| \xF0\x9F\x94\x97 [beta](https://www.github.com/o/beta/) | "
                  "\xF0\x9F\x93\xA5 300 | \xE2\xAD\x90 12 | 2023-05-06 |\n"
                  "| \xF0\x9F\x94\x97 [delta](https://github.com/o/delta) | "
                  "\xF0\x9F\x93\xA5 30 | \xE2\xAD\x90 2 | 2022-05-06 |\n\n"
                  "## Printers\n\n"
                  "| Name | Stars |\n|---|---|\n"
                  "| [p1](https://github.com/o/p1) | 3 |\n\n"
                  "- [p1](https://github.com/o/p1) - Prints.\n");
  cr_assert_eq(t.model->nentries, 4);
  cr_assert_eq(t.model->nmirrors, 4);
  for (size_t i = 0; i < t.model->nentries; i++)
    cr_expect_eq(entry(&t, i)->style, LL_STYLE_LINK_LIST);
  const struct ll_entry *const *r =
      (const struct ll_entry *const *)t.model->mirrors;
  for (size_t i = 0; i < 4; i++)
    cr_expect(r[i]->flags & LL_ENTRY_MIRROR);
  cr_expect_eq(r[0]->twin, entry(&t, 0));
  cr_expect_eq(r[1]->twin, entry(&t, 1));
  cr_expect_null(r[2]->twin, "delta is in no list");
  cr_expect_eq(r[3]->twin, entry(&t, 3));
  cr_expect(entry(&t, 0)->flags & LL_ENTRY_MIRRORED);
  cr_expect(!(entry(&t, 2)->flags & LL_ENTRY_MIRRORED), "gamma: no row");
  cr_expect_eq(t.model->sections[entry(&t, 0)->section].mirror_line, 9);
  cr_expect_eq(t.model->sections[entry(&t, 3)->section].mirror_line, 17);
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_LINK), 0);
  th_done(&t);
}

/* A table of contents written as a table links to anchors: no entries. */
Test(model, table_of_contents_as_a_table) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n"
                  "| | | |\n|---|---|---|\n"
                  "| [Go](#go) | [Rust](#rust) | [C](#c) |\n"
                  "| [Java](#java) | [Lua](#lua) | |\n\n"
                  "## Go\n\n- [X](https://x.org) - X.\n");
  cr_assert_eq(t.model->nentries, 1);
  cr_expect_eq(t.model->nmirrors, 0);
  cr_expect_str_eq(entry(&t, 0)->name, "X");
  th_done(&t);
}

/* A table of resources after a short introductory list repeats little of
 * it: its rows are entries, and a repeat is a duplicate. */
Test(model, resource_table_after_a_list_stays_entries) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n## APIs\n\n"
                  "- [Guide](https://guide.org) - How to choose.\n"
                  "- [Cats](https://cats.org) - Start here.\n\n"
                  "| API | Description | Auth |\n|---|---|---|\n"
                  "| [Cats](https://cats.org) | Cat facts | No |\n"
                  "| [Dogs](https://dogs.org) | Dog facts | No |\n"
                  "| [Fish](https://fish.org) | Fish facts | No |\n");
  cr_assert_eq(t.model->nentries, 5);
  cr_expect_eq(t.model->nmirrors, 0);
  cr_expect_eq(entry(&t, 2)->style, LL_STYLE_TABLE);
  cr_expect(!(entry(&t, 2)->flags & LL_ENTRY_MIRROR));
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_LINK), 1);
  th_done(&t);
}

/* Tables alone (one per section, the same repositories in several) are
 * the list: nothing to mirror. */
Test(model, tables_without_a_list_are_entries) {
  struct th_lint t;
  th_lint_str(&t, "# L\n\n## C\n\n"
                  "| Ranking | Project Name | Stars |\n|---|---|---|\n"
                  "| 1 | [a](https://github.com/o/a) | 9 |\n"
                  "| 2 | [b](https://github.com/o/b) | 8 |\n\n"
                  "## C++\n\n"
                  "| Ranking | Project Name | Stars |\n|---|---|---|\n"
                  "| 1 | [a](https://github.com/o/a) | 9 |\n"
                  "| 2 | [c](https://github.com/o/c) | 7 |\n");
  cr_assert_eq(t.model->nentries, 4);
  cr_expect_eq(t.model->nmirrors, 0);
  th_done(&t);
}

/* "- Name - description" items whose link is an "Access: URL" paragraph,
 * in the item or right after it: one entry each, with that link. */
Test(model, items_with_access_lines) {
  struct th_lint t;
  th_lint_str(&t, "# Data\n\n**Brain**\n\n"
                  "- Brain MRI set - Scans of volunteers.\n\n"
                  "  Access: https://example.org/brain\n\n"
                  "- Brain CT set - Scans of patients.\n\n"
                  "  Access: https://example.org/ct\n");
  cr_assert_eq(t.model->nentries, 2);
  const struct ll_entry *e = entry(&t, 1);
  cr_expect_str_eq(e->name, "Brain CT set");
  cr_expect_str_eq(e->description, "Scans of patients.");
  cr_assert_eq(e->nlinks, 1);
  cr_expect_str_eq(e->links[0]->label, "Access");
  th_done(&t);
  th_lint_str(&t, "# Data\n\n- Set A - About a.\n\nAccess: https://a.org/\n\n"
                  "- Set B - About b.\n\nAccess: https://b.org/\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_str_eq(entry(&t, 0)->links[0]->url, "https://a.org/");
  cr_expect_str_eq(entry(&t, 1)->links[0]->url, "https://b.org/");
  cr_expect_str_eq(entry(&t, 1)->description, "About b.");
  th_done(&t);
}

/* The general reader reads a repeated template no reader knows, and
 * never prose that happens to start with bold text or a link. */
Test(model, general_reader_needs_a_template) {
  struct th_lint t;
  th_lint_str(&t,
              "# T\n\n## A\n\n**Alpha**\n\nParses alpha.\n\n"
              "[Website](https://a.example)\n\n**Beta**\n\nParses beta.\n\n"
              "[Website](https://b.example)\n\n**Gamma**\n\nParses gamma.\n\n"
              "[Website](https://c.example)\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_eq(entry(&t, 1)->style, LL_STYLE_GENERAL);
  cr_expect_str_eq(entry(&t, 1)->name, "Beta");
  cr_expect_str_eq(entry(&t, 1)->description, "Parses beta.");
  cr_expect_str_eq(entry(&t, 1)->links[0]->label, "Website");
  th_done(&t);
  th_lint_str(&t, "# T\n\n## A\n\n**Please visit [x](https://x.example)**\n\n"
                  "**Note** that [y](https://y.example) moved.\n\n"
                  "[Backup](https://w.example/backup) software, and more "
                  "words.\n\n**See also [z](https://z.example)**\n\n"
                  "_Related: [w](https://w.example)_\n");
  cr_expect_eq(t.model->nentries, 0);
  th_done(&t);
}

/* "1. **[Title](u)** [[code](c)]" then an authors line: a paper named
 * by its title, its code a labelled link, no description missing. */
Test(model, numbered_papers_with_code_links) {
  struct th_lint t;
  th_lint_str(&t, "# P\n\n"
                  "1. **[A survey of one.](https://arxiv.org/abs/1)** "
                  "[[code](https://github.com/x/1)]\n\n"
                  "    *Ann Author, Bo Author.* Preprint'25\n\n"
                  "2. **[A survey of two.](https://arxiv.org/abs/2)** "
                  "[[code](https://github.com/x/2)]\n\n"
                  "    *Cy Author.* ACL'24\n");
  cr_assert_eq(t.model->nentries, 2);
  const struct ll_entry *e = entry(&t, 1);
  cr_expect_eq(e->style, LL_STYLE_PAPER);
  cr_expect_str_eq(e->name, "A survey of two.");
  cr_expect_null(e->description);
  cr_assert_eq(e->nlinks, 2);
  cr_expect_str_eq(e->links[1]->label, "code");
  cr_expect_eq(th_count(t.ctx, LL_R_MISSING_DESCRIPTION), 0);
  th_done(&t);
}

/* A table of results (a leaderboard citing papers) holds no entries;
 * leaf sections told in prose, one resource each, are entries when
 * three or more repeat that template. */
Test(model, prose_sections_and_results_tables) {
  struct th_lint t;
  th_lint_str(&t, "# QA\n\n## Reading\n\n### SQuAD\n\n"
                  "The [SQuAD set](https://s.org) is a dataset.\n\n"
                  "| Model | F1 | Paper / Source |\n|---|---|---|\n"
                  "| BERT | 91 | [Devlin](https://arxiv.org/abs/1) |\n"
                  "| BiDAF | 77 | [Seo](https://arxiv.org/abs/2) |\n\n"
                  "### CoQA\n\n[CoQA](https://c.org) is another.\n\n"
                  "| Model | F1 | Paper / Source |\n|---|---|---|\n"
                  "| BERT | 82 | [Devlin](https://arxiv.org/abs/1) |\n\n"
                  "### Hotpot\n\nIt needs reasoning.\n\n"
                  "See the [website](https://h.org).\n");
  cr_assert_eq(t.model->nentries, 3);
  const struct ll_entry *e = entry(&t, 2);
  cr_expect_eq(e->style, LL_STYLE_HEADING);
  cr_expect_str_eq(e->name, "Hotpot");
  cr_expect_str_eq(e->description, "It needs reasoning.");
  cr_expect_str_eq(e->links[0]->url, "https://h.org");
  cr_expect_eq(th_count(t.ctx, LL_R_DUPLICATE_LINK), 0);
  th_done(&t);
  /* one section of prose is prose */
  th_lint_str(&t,
              "# A\n\n## B\n\nSee [x](https://x.org) for more.\n\n"
              "## C\n\n- [D](https://d.org) - D.\n- [E](https://e.org) - E.\n");
  cr_expect_eq(t.model->nentries, 2);
  th_done(&t);
}

/* A table of thumbnails: "| [<img>](full.png) | Caption |" under
 * "Preview | Description": the caption names the row, the image is its
 * link, and the caption is no description that repeats the name. */
Test(model, thumbnail_tables) {
  struct th_lint t;
  th_lint_str(
      &t, "# I\n\n| Preview | Description |\n|---|---|\n"
          "| [<img src=\"https://i.example/a.png\" />](https://i.example/A.png)"
          " | [A guide](https://g.example/a) |\n"
          "| [<img src=\"https://i.example/b.png\" />](https://i.example/B.png)"
          " | Another chart |\n"
          "| [<img src=\"https://i.example/c.png\" />](https://i.example/C.png)"
          " | [A map](https://m.example/c) |\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_str_eq(entry(&t, 1)->name, "Another chart");
  cr_assert_eq(entry(&t, 1)->nlinks, 1);
  cr_expect_str_eq(entry(&t, 1)->links[0]->url, "https://i.example/B.png");
  cr_expect_eq(th_count(t.ctx, LL_R_MISSING_LINK), 0);
  cr_expect_eq(th_count(t.ctx, LL_R_DESCRIPTION_REPEATS_NAME), 0);
  cr_expect_eq(th_count(t.ctx, LL_R_MISSING_DESCRIPTION), 0);
  th_done(&t);
}

/* A table of contents headed "Content", a "To Do" list: no entries. */
Test(model, content_and_to_do_sections_hold_no_entries) {
  struct th_lint t;
  th_lint_str(&t,
              "# L\n\n## *Content*\n\n* - [ ] [1. Tools](#tools)\n"
              "* - [ ] [2. Papers](https://x.example/papers.md)\n\n"
              "## To Do\n\n* - [x] Add [the best](https://x.example/best)\n\n"
              "## Tools\n\n- [A](https://a.org) - A.\n"
              "- [B](https://b.org) - B.\n");
  cr_expect_eq(t.model->nentries, 2);
  th_done(&t);
}

/* A sentence that starts bold is no paper title, even when the link in
 * it repeats over the list to different places. */
Test(model, bold_sentence_is_no_paper) {
  struct th_lint t;
  th_lint_str(
      &t, "# Z\n\n- [a](https://a.org) - Uses [omz](https://o.org/1).\n"
          "- [b](https://b.org) - Uses [omz](https://o.org/2).\n"
          "- [c](https://c.org) - Uses [omz](https://o.org/3).\n"
          "- **zpm** plugins are compatible with [omz](https://o.org/4).\n");
  cr_assert_eq(t.model->nentries, 4);
  cr_expect_eq(entry(&t, 3)->style, LL_STYLE_LINK_LIST);
  th_done(&t);
}

/* "[awesome-x](u) 系列": one short word after the name qualifies it, it
 * has no separator or final punctuation to judge. */
Test(model, one_word_after_a_name_is_a_qualifier) {
  struct th_lint t;
  th_lint_str(
      &t, "# L\n\n- [awesome-flask](https://a.org/f) \xE7\xB3\xBB\xE5\x88\x97\n"
          "- [awesome-x](https://a.org/x) series\n"
          "- [y](https://y.org) Parses y and more.\n");
  cr_assert_eq(t.model->nentries, 3);
  cr_expect_null(entry(&t, 0)->separator);
  cr_expect_null(entry(&t, 1)->separator);
  cr_expect_str_eq(entry(&t, 2)->separator, "");
  th_done(&t);
}

/* "[Name](u):" with its description on the sub-item below it. */
Test(model, description_in_the_sub_item_below) {
  struct th_lint t;
  th_lint_str(&t, "# C\n\n- [A course](https://c.example/a):\n"
                  "    - How to prepare, from a former engineer.\n"
                  "- [B](https://b.example) - Bee.\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_str_eq(entry(&t, 0)->description,
                   "How to prepare, from a former engineer.");
  cr_expect_eq(entry(&t, 0)->end_line, 4);
  cr_expect_eq(th_count(t.ctx, LL_R_PLACEHOLDER_DESCRIPTION), 0);
  th_done(&t);
}

/* "[A](u)、[B](v)：about both": two links name the entry, the separator
 * and the description come after the last of them. */
Test(model, two_links_name_one_entry) {
  struct th_lint t;
  th_lint_str(&t,
              "# L\n\n- [Memory Profiler](https://a.example)\xE3\x80\x81"
              "[mem](https://b.example)\xEF\xBC\x9A"
              "Watches memory.\n"
              "- [A](https://a2.example), [B](https://b2.example) - Both.\n");
  cr_assert_eq(t.model->nentries, 2);
  cr_expect_str_eq(entry(&t, 0)->separator, "\xEF\xBC\x9A");
  cr_expect_str_eq(entry(&t, 0)->description, "Watches memory.");
  cr_expect_str_eq(entry(&t, 1)->separator, "-");
  cr_expect_str_eq(entry(&t, 1)->description, "Both.");
  th_done(&t);
}

/* A label before a link loses its colon, a full-width one too, the same
 * way it is recognised as a label. */
Test(model, label_text_without_its_colon) {
  struct th_lint t;
  th_lint_str(&t, "# P\n\n**Title**\n\n"
                  "- \xE4\xBB\xA3\xE7\xA0\x81\xEF\xBC\x9A https://c.example/1\n"
                  "- Paper: https://p.example/1\n");
  cr_assert_eq(t.model->nentries, 1);
  const struct ll_entry *e = entry(&t, 0);
  cr_assert_eq(e->nlinks, 2);
  cr_expect_str_eq(e->links[0]->label, "Paper");
  cr_expect_str_eq(e->links[1]->label, "\xE4\xBB\xA3\xE7\xA0\x81");
  th_done(&t);
}

/* A comment is located in the source past a "<!--" in a code span, and
 * inside a block quote, whose prefixes its literal does not hold. */
Test(model, comments_located_in_code_spans_and_quotes) {
  const char *text = "# L\n\nSee `<!--` and <!-- x -->.\n\n"
                     "> <!-- a\n> b -->\n";
  struct th_lint t;
  th_lint_str(&t, text);
  cr_assert_eq(t.model->ncomments, 2);
  const struct ll_comment *c = &t.model->comments[0];
  cr_expect_eq(c->span.start, (size_t)(strstr(text, "<!-- x") - text));
  cr_expect_eq(c->span.end, (size_t)(strstr(text, " x -->") + 6 - text));
  c = &t.model->comments[1];
  cr_expect_eq(c->span.start, (size_t)(strstr(text, "<!-- a") - text));
  cr_expect_eq(c->span.end, (size_t)(strstr(text, "b -->") + 5 - text));
  cr_expect_eq(c->line, 5);
  cr_expect_eq(c->end_line, 6);
  th_done(&t);
}
