/* test_audit.c - the audit pages' defences: the one escaping function,
 * which URLs may become links, and the policy's hashes, checked against
 * the pages written from the fixtures of tests/audit/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "audit/audit.h"
#include "helpers.h"

static char *escaped(const char *s, size_t n) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_audit_escape(&b, s, n);
  return ll_buf_detach(&b);
}

#define ESCAPES(in, want)                                                      \
  do {                                                                         \
    char *got_ = escaped(in, sizeof(in) - 1);                                  \
    cr_expect_str_eq(got_, want, "escape(%s)", #in);                           \
    free(got_);                                                                \
  } while (0)

Test(audit, escape_covers_text_and_attributes) {
  ESCAPES("plain text", "plain text");
  ESCAPES("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
  ESCAPES("\"><svg onload=x>", "&quot;&gt;&lt;svg onload=x&gt;");
  ESCAPES("' onmouseover='x'", "&#39; onmouseover=&#39;x&#39;");
  ESCAPES("a & b &amp;", "a &amp; b &amp;amp;");
  ESCAPES("tab\tnew\nline\r", "tab\tnew\nline\r");
}

Test(audit, escape_replaces_controls_and_bad_utf8) {
  ESCAPES("a\0b", "a\xEF\xBF\xBD"
                  "b");
  ESCAPES("\x1b[31m\x7f", "\xEF\xBF\xBD[31m\xEF\xBF\xBD");
  ESCAPES("caf\xC3\xA9 \xE2\x9C\x93", "caf\xC3\xA9 \xE2\x9C\x93");
  ESCAPES("bad \xC3 end", "bad \xEF\xBF\xBD end");
  ESCAPES("\xFF\xFE<", "\xEF\xBF\xBD\xEF\xBF\xBD&lt;");
  ESCAPES("c1 \xC2\x85 x", "c1 \xEF\xBF\xBD x"); /* NEL, a C1 control */
  ESCAPES("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* UTF-16 */
}

Test(audit, only_web_and_source_view_links_are_live) {
  static const char *const web[] = {
      "https://example.com/x", "http://example.com", "HTTPS://EXAMPLE.COM/",
      "https://github.com/o/r/blob/abc/README.md#L12"};
  static const char *const text[] = {"javascript:alert(1)",
                                     "JaVaScRiPt:alert(1)",
                                     " javascript:alert(1)",
                                     "java\tscript:alert(1)",
                                     "data:text/html,<script>alert(1)</script>",
                                     "DATA:text/html;base64,PHNjcmlwdD4=",
                                     "vbscript:msgbox(1)",
                                     "file:///etc/passwd",
                                     "//evil.example/x",
                                     "https://",
                                     "https:// example.com",
                                     "https:\\\\example.com",
                                     "ftp://example.com/",
                                     "",
                                     "../source/../../etc/passwd.html#L1",
                                     "../source/x.html#L1\"><script>",
                                     "../source/x.html#Lx",
                                     "../source/x.html#",
                                     "../source/.html#L1",
                                     "../lists/x.html"};
  for (size_t i = 0; i < sizeof web / sizeof *web; i++)
    cr_expect_eq(ll_audit_link_kind(web[i], NULL, NULL), LL_AUDIT_LINK_WEB,
                 "%s", web[i]);
  for (size_t i = 0; i < sizeof text / sizeof *text; i++)
    cr_expect_eq(ll_audit_link_kind(text[i], NULL, NULL), LL_AUDIT_LINK_TEXT,
                 "%s", text[i]);
  const char *slug = NULL;
  size_t n = 0;
  cr_expect_eq(ll_audit_link_kind("../source/README-md.html#L30", &slug, &n),
               LL_AUDIT_LINK_SOURCE);
  cr_expect_eq(n, strlen("README-md"));
  cr_expect(slug && strncmp(slug, "README-md", n) == 0);
  cr_expect_eq(ll_audit_link_kind("../source/a_b.html", NULL, NULL),
               LL_AUDIT_LINK_SOURCE);
}

Test(audit, csp_hash_is_sha256_in_base64) {
  char *h = ll_audit_csp_hash("", 0);
  cr_expect_str_eq(h, "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  free(h);
  h = ll_audit_csp_hash("abc", 3);
  cr_expect_str_eq(h, "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  free(h);
}

static char *dir;
static void setup(void) { dir = th_tmpdir(); }
static void teardown(void) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_expect_eq(system(cmd), 0);
  free(dir);
}

static json_t *fixture(const char *name) {
  char path[4096];
  json_error_t e;
  snprintf(path, sizeof path, "%s/tests/audit/%s", th_root(), name);
  json_t *j = json_load_file(path, 0, &e);
  cr_assert(j, "%s: %s", path, e.text);
  return j;
}

static char *page(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  char *s = th_read_abs(path);
  cr_assert(s, "%s was not written", path);
  return s;
}

/* The text between open and the next close after it (caller frees). */
static char *between(const char *s, const char *open, const char *close) {
  const char *a = strstr(s, open);
  cr_assert(a, "no %s", open);
  a += strlen(open);
  const char *b = strstr(a, close);
  cr_assert(b, "no %s after %s", close, open);
  return ll_xstrndup(a, (size_t)(b - a));
}

/* The policy names the SHA-256 of the page's one script and one style
 * sheet, byte for byte as the page holds them. */
static void check_policy(const char *html, int with_script) {
  char *csp =
      between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  char *style = between(html, "<style>", "</style>");
  char *h = ll_audit_csp_hash(style, strlen(style));
  char *want = ll_strfmt("style-src '%s';", h);
  cr_expect(strstr(csp, want), "%s lacks %s", csp, want);
  free(want);
  free(h);
  if (with_script) {
    char *script = between(html, "<script>", "</script>");
    h = ll_audit_csp_hash(script, strlen(script));
    want = ll_strfmt("script-src '%s';", h);
    cr_expect(strstr(csp, want), "%s lacks %s", csp, want);
    cr_expect_str_eq(script, ll_audit_js);
    free(want);
    free(h);
    free(script);
    const char *second = strstr(strstr(html, "<script>") + 1, "<script");
    cr_expect_null(second, "a second script");
  } else
    cr_expect(strstr(csp, "script-src 'none';"), "%s", csp);
  cr_expect(strstr(csp, "default-src 'none';"));
  cr_expect(strstr(csp, "connect-src 'none';"));
  cr_expect(strstr(csp, "form-action 'none';"));
  cr_expect(strstr(csp, "base-uri 'none'"));
  free(style);
  free(csp);
}

static const char local_text[] = "# Tools\n\n- [a](https://a)\n";

Test(audit, pages_carry_the_hash_of_their_script, .init = setup,
     .fini = teardown) {
  json_t *s = fixture("fixture.json");
  struct ll_audit_source v[2] = {{NULL, 0},
                                 {local_text, sizeof local_text - 1}};
  struct ll_audit_sources src = {v, 2};
  char *err = NULL;
  cr_assert_eq(ll_audit_write_pages(s, dir, &src, &err), 0, "%s", err);
  static const char *const names[] = {"index.html", "lists/README-md.html",
                                      "lists/docs-tools-md.html"};
  for (size_t i = 0; i < 3; i++) {
    char *html = page(names[i]);
    check_policy(html, 1);
    free(html);
  }
  char *view = page("source/docs-tools-md.html");
  check_policy(view, 0);
  cr_expect(strstr(view, "<tr id=\"L3\">"));
  free(view);
  /* a list on GitHub has no source view */
  char path[4200];
  snprintf(path, sizeof path, "%s/source/README-md.html", dir);
  char *none = th_read_abs(path);
  cr_expect_null(none);
  free(none);
  json_decref(s);
}

Test(audit, hostile_text_stays_text, .init = setup, .fini = teardown) {
  json_t *s = fixture("hostile.json");
  static const char text[] = "<script>alert(1)</script>\n";
  struct ll_audit_source v[2] = {{NULL, 0}, {text, sizeof text - 1}};
  struct ll_audit_sources src = {v, 2};
  char *err = NULL;
  cr_assert_eq(ll_audit_write_pages(s, dir, &src, &err), 0, "%s", err);
  static const char *const names[] = {"index.html", "lists/hostile-1.html",
                                      "lists/hostile-local.html",
                                      "source/hostile-local.html"};
  for (size_t i = 0; i < 4; i++) {
    char *html = page(names[i]);
    cr_expect_null(strstr(html, "<script>alert"), "%s", names[i]);
    cr_expect_null(strstr(html, "<img"), "%s", names[i]);
    cr_expect_null(strstr(html, "<svg onload"), "%s", names[i]);
    cr_expect_null(strstr(html, "href=\"javascript"), "%s", names[i]);
    cr_expect_null(strstr(html, "href=\"data"), "%s", names[i]);
    cr_expect_null(strstr(html, "href=\"vbscript"), "%s", names[i]);
    cr_expect_null(strstr(html, "href=\" "), "%s", names[i]);
    cr_expect_null(strstr(html, "href=\"//"), "%s", names[i]);
    cr_expect(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), "%s",
              names[i]);
    free(html);
  }
  json_decref(s);
}

Test(audit, bad_slugs_are_refused, .init = setup, .fini = teardown) {
  static const char *const bad[] = {"../x", "a/b", "", "a b", "x.html"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    json_t *s = json_pack("{s:s, s:i, s:[{s:s}]}", "format", "listlint-audit",
                          "version", 1, "lists", "slug", bad[i]);
    char *err = NULL;
    cr_expect_eq(ll_audit_write_pages(s, dir, NULL, &err), -1, "%s", bad[i]);
    cr_expect(err && strstr(err, "slug"), "%s", err ? err : "(null)");
    free(err);
    json_decref(s);
  }
  json_t *twice =
      json_pack("{s:s, s:i, s:[{s:s}, {s:s}]}", "format", "listlint-audit",
                "version", 1, "lists", "slug", "a", "slug", "a");
  char *err = NULL;
  cr_expect_eq(ll_audit_write_pages(twice, dir, NULL, &err), -1);
  cr_expect(err && strstr(err, "twice"), "%s", err ? err : "(null)");
  free(err);
  json_decref(twice);
  json_t *other = json_pack("{s:s}", "format", "sarif");
  cr_expect_eq(ll_audit_write_pages(other, dir, NULL, &err), -1);
  free(err);
  json_decref(other);
}

Test(audit, a_file_in_the_way_is_named, .init = setup, .fini = teardown) {
  free(th_write(dir, "lists", "not a directory", 15));
  json_t *s = fixture("fixture.json");
  char *err = NULL;
  cr_expect_eq(ll_audit_write_pages(s, dir, NULL, &err), -1);
  cr_expect(err && strstr(err, "/lists"), "%s", err ? err : "(null)");
  free(err);
  json_decref(s);
}
