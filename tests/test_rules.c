/* test_rules.c - every rule against its fixtures: fail-*.md must give
 * exactly the line:col list of fail-*.expect, pass-*.md nothing. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include <unistd.h>

#include "config.h"
#include "helpers.h"

static void check_rule(int rule) {
  const char *id = ll_rules[rule].id;
  if (ll_rules[rule].flags & LL_RF_NETWORK)
    return; /* tests/test_linkcheck.c, against a real local server */
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/fixtures/%s", th_root(), id);
  DIR *d = opendir(dir);
  cr_assert(d, "no fixtures for %s", id);
  struct dirent *de;
  int fails = 0, passes = 0;
  while ((de = readdir(d)) != NULL) {
    const char *n = de->d_name;
    size_t len = strlen(n);
    if (len < 4 || strcmp(n + len - 3, ".md") != 0)
      continue;
    char rel[4096];
    snprintf(rel, sizeof rel, "tests/fixtures/%s/%s", id, n);
    size_t tl;
    char *text = th_read(rel, &tl);
    cr_assert(text);
    /* a fixture may come with its configuration: NAME.ini */
    char ini[8300];
    snprintf(ini, sizeof ini, "%s/%.*s.ini", dir, (int)(len - 3), n);
    struct ll_config *cfg = NULL;
    if (access(ini, F_OK) == 0) {
      char *err = NULL;
      cfg = ll_config_load(ini, NULL, &err);
      cr_assert(cfg, "%s: %s", ini, err);
    }
    /* and with the name to lint it under: NAME.name (a path, for rules
     * that look beside the file) */
    char name_rel[4300];
    snprintf(name_rel, sizeof name_rel, "tests/fixtures/%s/%.*s.name", id,
             (int)(len - 3), n);
    char *as = th_read(name_rel, NULL);
    if (as)
      as[strcspn(as, "\n")] = '\0';
    struct th_lint t;
    th_lint_cfg(&t, as ? as : n, text, tl, cfg);
    free(as);
    char *got = th_positions(t.ctx, rule);
    if (strncmp(n, "fail-", 5) == 0) {
      char exp_rel[4096];
      snprintf(exp_rel, sizeof exp_rel, "tests/fixtures/%s/%.*s.expect", id,
               (int)(len - 3), n);
      char *want = th_read(exp_rel, NULL);
      cr_assert(want, "%s has no .expect file", rel);
      /* the .expect file: one line:col a line */
      for (char *p = want; *p; p++)
        if (*p == '\n')
          *p = ' ';
      size_t wl = strlen(want);
      while (wl && want[wl - 1] == ' ')
        want[--wl] = '\0';
      cr_expect_str_eq(got, want, "%s: [%s] found at %s, expected %s", rel, id,
                       got, want);
      free(want);
      fails++;
    } else if (strncmp(n, "pass-", 5) == 0) {
      cr_expect_str_eq(got, "", "%s: [%s] should find nothing, found %s", rel,
                       id, got);
      passes++;
    }
    free(got);
    free(text);
    th_done(&t);
    ll_config_free(cfg);
  }
  closedir(d);
  cr_expect(fails > 0 && passes > 0, "%s needs fail-*.md and pass-*.md", id);
}

#define LL_RULE(e, id, sev, flags, summary)                                    \
  Test(rules, e) { check_rule(LL_R_##e); }
#include "rules.def"
#undef LL_RULE

/* Severity comes from configuration, not from the rule. */
Test(rules, off_rule_reports_nothing) {
  struct th_lint t;
  const char *text = "# L\n\n- [A](http://example.org) - A.\n";
  th_lint_str(&t, text);
  cr_expect_eq(th_count(t.ctx, LL_R_INSECURE_HTTP), 1);
  th_done(&t);
  t.ctx = ll_ctx_new();
  t.ctx->severity[LL_R_INSECURE_HTTP] = LL_SEV_OFF;
  t.src = ll_source_from_mem("t.md", text, strlen(text));
  char *err = NULL;
  cr_assert_eq(ll_lint(t.ctx, t.src, NULL, &err), 0);
  cr_expect_eq(th_count(t.ctx, LL_R_INSECURE_HTTP), 0);
  th_done(&t);
}

/* A context lints many files; findings keep their own file. */
Test(rules, two_files_in_one_context) {
  struct ll_ctx *ctx = ll_ctx_new();
  struct ll_source *a =
      ll_source_from_mem("a.md", "- [A](htps://x.org) - Z.\n", 24);
  struct ll_source *b =
      ll_source_from_mem("b.md", "- [B](htps://y.org) - Z.\n", 24);
  char *err = NULL;
  cr_assert_eq(ll_lint(ctx, a, NULL, &err), 0);
  cr_assert_eq(ll_lint(ctx, b, NULL, &err), 0);
  cr_expect_eq(th_count(ctx, LL_R_MALFORMED_URL), 2);
  cr_expect_str_eq(ctx->diags.v[0].file, "a.md");
  cr_expect_str_eq(ctx->diags.v[1].file, "b.md");
  ll_source_free(a);
  ll_source_free(b);
  ll_ctx_free(ctx);
}

/* The rules see HTML entries as they see Markdown ones: a convention of
 * the list, a duplicate, a malformed URL, positions in the source. */
Test(rules, html_entries_are_linted) {
  struct ll_buf s;
  ll_buf_init(&s, 0);
  ll_buf_adds(&s, "# L\n\n<p>\n");
  for (int i = 0; i < 10; i++)
    ll_buf_printf(&s,
                  "&nbsp; <a href=\"https://x%d.org\"><b>X%d</b></a> - "
                  "does x%d.<br>\n",
                  i, i, i);
  ll_buf_adds(&s, "&nbsp; <a href=\"https://x1.org/\"><b>Again</b></a> - "
                  "no period<br>\n"
                  "&nbsp; <a href=\"htps://y.org\"><b>Y</b></a> - typo.<br>\n"
                  "</p>\n");
  struct th_lint t;
  th_lint_str(&t, s.data);
  static const struct {
    int rule;
    const char *at;
  } want[] = {{LL_R_DESCRIPTION_PERIOD, "14:61"}, /* where the period goes */
              {LL_R_DUPLICATE_LINK, "14:17"},
              {LL_R_MALFORMED_URL, "15:17"}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    char *got = th_positions(t.ctx, want[i].rule);
    cr_expect_str_eq(got, want[i].at, "%s", ll_rules[want[i].rule].id);
    free(got);
  }
  th_done(&t);
  ll_buf_free(&s);
}

/* A list that lists resources under each topic they have: repeats in
 * other sections are its convention; a repeat in one section is not. */
Test(rules, duplicate_link_follows_cross_listing) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_adds(&b, "# L\n\n## One\n\n");
  for (int i = 0; i < 8; i++)
    ll_buf_printf(&b, "- [T%d](https://t.org/%d) - Tool.\n", i, i);
  ll_buf_adds(&b, "\n## Two\n\n");
  for (int i = 0; i < 8; i++)
    ll_buf_printf(&b, "- [T%d](https://t.org/%d) - Tool.\n", i, i);
  ll_buf_adds(&b, "- [T0 again](https://t.org/0) - Twice here.\n");
  struct th_lint t;
  th_lint_mem(&t, "list.md", b.data, b.len);
  char *pos = th_positions(t.ctx, LL_R_DUPLICATE_LINK);
  cr_expect_str_eq(pos, "24:14", "only the repeat within section Two");
  free(pos);
  th_done(&t);
  /* one stray repeat in another section is still a mistake; the same
   * entry word for word under another topic is listed there on purpose;
   * a paper's code link may be an entry of its own */
  th_lint_str(&t, "# L\n\n## One\n\n- [A](https://a.org) - A.\n"
                  "- [B](https://b.org) - B.\n\n## Two\n\n"
                  "- [A again](https://a.org) - Also A.\n"
                  "- [B](https://b.org) - B.\n\n## Three\n\n"
                  "- **[P](https://arxiv.org/abs/1)** [[code](https://c.org)]\n"
                  "- [C](https://c.org) - The code.\n");
  char *p = th_positions(t.ctx, LL_R_DUPLICATE_LINK);
  cr_expect_str_eq(p, "10:13");
  free(p);
  th_done(&t);
  ll_buf_free(&b);
}

/* Bookmarks nested under topic bullets: the same entry word for word
 * under two topics is listed there on purpose; twice under one topic
 * it is a duplicate. */
Test(rules, duplicate_link_under_topic_bullets) {
  struct th_lint t;
  th_lint_str(&t, "# B\n\n+ **Functional**: about it.\n"
                  "    + **[Talk](https://t.org/1)**: A talk on it.\n"
                  "    + **[Other](https://o.org/1)**: Another.\n"
                  "+ **Reactive**: about that.\n"
                  "    + **[Talk](https://t.org/1)**: A talk on it.\n"
                  "    + **[Talk, again](https://o.org/1)**: Another, again.\n"
                  "    + **[Twice](https://w.org/1)**: Here.\n"
                  "    + **[Twice here](https://w.org/1)**: Here too.\n");
  char *p = th_positions(t.ctx, LL_R_DUPLICATE_LINK);
  cr_expect_str_eq(p, "8:23 10:22");
  free(p);
  th_done(&t);
}

/* A section that describes none of its entries (meetups, podcasts) has
 * that habit: none reported there, while the list's other sections,
 * which describe theirs, still report a missing description. */
Test(rules, missing_description_follows_a_sections_habit) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_adds(&b, "# L\n\n## Tools\n\n");
  for (int i = 0; i < 80; i++) /* 80 of 87 described: the list's habit */
    ll_buf_printf(&b, "- [T%d](https://t.org/%d) - Tool %d.\n", i, i, i);
  ll_buf_adds(&b, "- [Bare](https://t.org/bare)\n\n## Meetups\n\n");
  for (int i = 0; i < 6; i++)
    ll_buf_printf(&b, "- [City %d](https://m.org/%d)\n", i, i);
  struct th_lint t;
  th_lint_mem(&t, "list.md", b.data, b.len);
  char *p = th_positions(t.ctx, LL_R_MISSING_DESCRIPTION);
  cr_expect_str_eq(p, "85:4");
  free(p);
  th_done(&t);
  ll_buf_free(&b);
}

/* Scripts without case take no part in description-capital: the majority
 * is counted over the descriptions with a cased first letter, so ten
 * English capitals beside many Arabic and Chinese descriptions still make
 * a convention, and the Cyrillic lower-case start breaks it. */
Test(rules, capital_majority_counts_cased_descriptions) {
  struct ll_buf s;
  ll_buf_init(&s, 0);
  ll_buf_adds(&s, "# L\n\n");
  for (int i = 0; i < 10; i++)
    ll_buf_printf(&s, "- [T%d](https://t%d.example) - Does %d.\n", i, i, i);
  for (int i = 0; i < 8; i++)
    ll_buf_printf(&s,
                  "- [A%d](https://a%d.example) - \xD9\x85\xD8\xAD\xD8\xB1\xD8"
                  "\xB1 %d.\n- [Z%d](https://z%d.example) - \xE7\xBC\x96\xE8"
                  "\xBE\x91\xE5\x99\xA8 %d\xE3\x80\x82\n",
                  i, i, i, i, i, i);
  ll_buf_adds(&s, "- [Bad](https://bad.example) - \xD0\xBC\xD0\xB0\xD0\xBB"
                  "\xD0\xB0\xD1\x8F tool.\n");
  struct th_lint t;
  th_lint_str(&t, s.data);
  cr_assert_eq(th_count(t.ctx, LL_R_DESCRIPTION_CAPITAL), 1);
  const struct ll_diag *g = &t.ctx->diags.v[0];
  for (size_t i = 0; i < t.ctx->diags.n; i++)
    if (t.ctx->diags.v[i].rule == LL_R_DESCRIPTION_CAPITAL)
      g = &t.ctx->diags.v[i];
  cr_expect(strstr(g->message, "10 of 11 descriptions"), "%s", g->message);
  /* the finding covers the whole first letter, both bytes of 'м' */
  cr_expect_eq(g->span.end - g->span.start, 2);
  th_done(&t);
  ll_buf_free(&s);
}
