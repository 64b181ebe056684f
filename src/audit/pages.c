/* pages.c - the audit's pages (index, one per list, source views) from its
 * summary (doc/audit-json.md). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/base64.h>
#include <nettle/sha2.h>
#include <utf8proc.h>

#include "audit/audit.h"

/* The verdicts in the summary's order, and those counted as failing. */
static const char *const verdicts[] = {"alive",   "redirected", "dead",
                                       "blocked", "timeout",    "error",
                                       "skipped", "unknown"};
#define NVERDICTS (sizeof verdicts / sizeof verdicts[0])
static const char *const failing[] = {"dead", "blocked", "timeout", "error"};
static const char *const severities[] = {"error", "warning", "info"};

/* ====================================================================
 * Escaping, links, the policy
 * ==================================================================== */

void ll_audit_escape(struct ll_buf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    const unsigned char *run = p;
    while (p < end && *p >= 0x20 && *p < 0x7f && *p != '&' && *p != '<' &&
           *p != '>' && *p != '"' && *p != '\'')
      p++;
    ll_buf_add(b, run, (size_t)(p - run));
    if (p == end)
      break;
    switch (*p) {
    case '&':
      ll_buf_adds(b, "&amp;");
      p++;
      continue;
    case '<':
      ll_buf_adds(b, "&lt;");
      p++;
      continue;
    case '>':
      ll_buf_adds(b, "&gt;");
      p++;
      continue;
    case '"':
      ll_buf_adds(b, "&quot;");
      p++;
      continue;
    case '\'':
      ll_buf_adds(b, "&#39;");
      p++;
      continue;
    case '\t':
    case '\n':
    case '\r':
      ll_buf_addc(b, (char)*p++);
      continue;
    default:
      break;
    }
    if (*p < 0x80) { /* another control character, or DEL */
      ll_buf_adds(b, "\xEF\xBF\xBD");
      p++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, end - p, &cp);
    if (k <= 0) { /* not UTF-8: one replacement per byte */
      ll_buf_adds(b, "\xEF\xBF\xBD");
      p++;
      continue;
    }
    if (cp < 0xa0) /* a C1 control */
      ll_buf_adds(b, "\xEF\xBF\xBD");
    else
      ll_buf_add(b, p, (size_t)k);
    p += k;
  }
}

static void esc(struct ll_buf *b, const char *s) {
  ll_audit_escape(b, s, strlen(s));
}

static int is_slug_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* A slug names files: [A-Za-z0-9_-], 1 to 200 of them. */
static int is_slug(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!is_slug_char((unsigned char)s[n]))
      return 0;
  return n > 0 && n <= 200;
}

enum ll_audit_link ll_audit_link_kind(const char *href, const char **slug,
                                      size_t *slug_len) {
  for (const char *p = href; *p; p++)
    if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '\\')
      return LL_AUDIT_LINK_TEXT; /* what browsers would strip or bend */
  if ((strncasecmp(href, "https://", 8) == 0 && href[8]) ||
      (strncasecmp(href, "http://", 7) == 0 && href[7]))
    return LL_AUDIT_LINK_WEB;
  static const char pre[] = "../source/";
  if (strncmp(href, pre, sizeof pre - 1) != 0)
    return LL_AUDIT_LINK_TEXT;
  const char *s = href + sizeof pre - 1, *e = s;
  while (is_slug_char((unsigned char)*e))
    e++;
  if (e == s || strncmp(e, ".html", 5) != 0)
    return LL_AUDIT_LINK_TEXT;
  const char *f = e + 5;
  if (*f) { /* only a line anchor may follow */
    if (f[0] != '#' || f[1] != 'L' || !f[2])
      return LL_AUDIT_LINK_TEXT;
    for (f += 2; *f; f++)
      if (*f < '0' || *f > '9')
        return LL_AUDIT_LINK_TEXT;
  }
  if (slug)
    *slug = s;
  if (slug_len)
    *slug_len = (size_t)(e - s);
  return LL_AUDIT_LINK_SOURCE;
}

char *ll_audit_csp_hash(const char *s, size_t n) {
  struct sha256_ctx c;
  uint8_t digest[SHA256_DIGEST_SIZE];
  char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];
  sha256_init(&c);
  sha256_update(&c, n, (const uint8_t *)s);
  sha256_digest(&c, sizeof digest, digest);
  base64_encode_raw(b64, sizeof digest, digest);
  b64[sizeof b64 - 1] = '\0';
  return ll_strfmt("sha256-%s", b64);
}

/* ====================================================================
 * Reading the summary
 * ==================================================================== */

static const char *jstr(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static long long jint(const json_t *o, const char *k) {
  return (long long)json_integer_value(json_object_get(o, k));
}

/* A list's "findings" is both its count and its array in
 * doc/audit-json.md, and an object has one value per key: take either. */
static long long jcount(const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  return json_is_array(v) ? (long long)json_array_size(v)
                          : (long long)json_integer_value(v);
}

static const char *sev_class(const char *sev) {
  for (size_t i = 0; i < 3; i++)
    if (strcmp(sev, severities[i]) == 0)
      return severities[i];
  return "other";
}

static long long failing_count(const json_t *host) {
  long long n = 0;
  for (size_t i = 0; i < 4; i++)
    n += jint(host, failing[i]);
  return n;
}

/* ====================================================================
 * The page being written
 * ==================================================================== */

struct page {
  struct ll_buf b;
  const json_t *summary;
  const json_t *list; /* the list of a list page, NULL on the index */
  const char *up;     /* "../" on a list page, "" on the index */
  char *hash_js;      /* the policy's sources */
  char *hash_css;
  const unsigned char *viewed; /* per list: its source view was written */
};

/* Was a source view written for the slug of n bytes at s? */
static int has_view(const struct page *p, const char *s, size_t n) {
  const json_t *lists = json_object_get(p->summary, "lists");
  for (size_t i = 0; i < json_array_size(lists); i++) {
    const char *slug = jstr(json_array_get(lists, i), "slug");
    if (p->viewed[i] && strlen(slug) == n && memcmp(slug, s, n) == 0)
      return 1;
  }
  return 0;
}

/* text as a link to href when href may be live, else as text. */
static void link_to(struct page *p, const char *href, const char *text) {
  const char *slug;
  size_t slug_len;
  switch (ll_audit_link_kind(href, &slug, &slug_len)) {
  case LL_AUDIT_LINK_WEB:
    ll_buf_adds(&p->b, "<a rel=\"noreferrer\" href=\"");
    esc(&p->b, href);
    break;
  case LL_AUDIT_LINK_SOURCE:
    if (has_view(p, slug, slug_len)) {
      /* written for a list page, one level down: the index is not */
      ll_buf_adds(&p->b, "<a href=\"");
      esc(&p->b, *p->up ? href : href + 3);
      break;
    }
    esc(&p->b, text); /* no view written: text */
    return;
  case LL_AUDIT_LINK_TEXT:
  default:
    esc(&p->b, text);
    return;
  }
  ll_buf_adds(&p->b, "\">");
  esc(&p->b, text);
  ll_buf_adds(&p->b, "</a>");
}

/* The list of the summary whose file is file, or NULL. */
static const json_t *list_of(const struct page *p, const char *file) {
  if (p->list)
    return strcmp(jstr(p->list, "file"), file) == 0 ? p->list : NULL;
  const json_t *lists = json_object_get(p->summary, "lists");
  for (size_t i = 0; i < json_array_size(lists); i++)
    if (strcmp(jstr(json_array_get(lists, i), "file"), file) == 0)
      return json_array_get(lists, i);
  return NULL;
}

/* A line number linked by its list's "line_url" ({line} replaced). */
static void line_link(struct page *p, const json_t *list, long long line) {
  char num[32];
  snprintf(num, sizeof num, "%lld", line);
  const char *u = list ? jstr(list, "line_url") : "";
  const char *at = strstr(u, "{line}");
  if (!at || line <= 0) {
    ll_buf_adds(&p->b, num);
    return;
  }
  char *href = ll_strfmt("%.*s%s%s", (int)(at - u), u, num, at + 6);
  link_to(p, href, num);
  free(href);
}

/* A numeric cell holding a line linked to the list's source. */
static void line_cell(struct page *p, const json_t *list, long long line) {
  ll_buf_printf(&p->b, "<td class=\"n\" data-v=\"%lld\">", line);
  line_link(p, list, line);
  ll_buf_adds(&p->b, "</td>");
}

/* A count that may be null (an HTTP status without a response). */
static void opt_cell(struct page *p, const json_t *v) {
  if (json_is_integer(v)) {
    long long n = (long long)json_integer_value(v);
    ll_buf_printf(&p->b, "<td class=\"n\" data-v=\"%lld\">%lld</td>", n, n);
  } else
    ll_buf_adds(&p->b, "<td class=\"n\" data-v=\"-1\">&#8211;</td>");
}

static void pct_cell(struct page *p, long long part, long long whole) {
  if (whole <= 0) {
    ll_buf_adds(&p->b, "<td class=\"n\" data-v=\"-1\">&#8211;</td>");
    return;
  }
  double r = 100.0 * (double)part / (double)whole;
  ll_buf_printf(&p->b, "<td class=\"n\" data-v=\"%.2f\">%.0f%%</td>", r, r);
}

static void num_cell(struct page *p, long long n) {
  ll_buf_printf(&p->b, "<td class=\"n\" data-v=\"%lld\">%lld</td>", n, n);
}

/* A table's head: "name" columns are text, "#name" columns numbers, both
 * sorted by their button. */
static void table_head(struct page *p, const char *id,
                       const char *const *cols) {
  ll_buf_printf(&p->b, "<div class=\"scroll\"><table id=\"%s\"><thead><tr>",
                id);
  for (; *cols; cols++) {
    int num = **cols == '#';
    ll_buf_printf(&p->b,
                  "<th%s scope=\"col\"><button type=\"button\" "
                  "data-type=\"%s\">%s</button></th>",
                  num ? " class=\"n\"" : "", num ? "num" : "text", *cols + num);
  }
  ll_buf_adds(&p->b, "</tr></thead><tbody>\n");
}

static void table_foot(struct page *p) {
  ll_buf_adds(&p->b, "</tbody></table></div>\n");
}

static void page_head(struct page *p, const char *title, int script) {
  struct ll_buf *b = &p->b;
  ll_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>\n"
                 "<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" "
                 "content=\"default-src 'none'; script-src ");
  if (script)
    ll_buf_printf(b, "'%s'", p->hash_js);
  else
    ll_buf_adds(b, "'none'");
  ll_buf_printf(b,
                "; style-src '%s'; img-src 'none'; connect-src 'none'; "
                "form-action 'none'; base-uri 'none'\">\n"
                "<meta name=\"referrer\" content=\"no-referrer\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\">\n<title>",
                p->hash_css);
  esc(b, title);
  ll_buf_adds(b, " &#8212; listlint audit</title>\n<style>");
  ll_buf_adds(b, ll_audit_css);
  ll_buf_adds(b, "</style>\n</head><body>\n");
}

static void page_foot(struct page *p, int script) {
  ll_buf_adds(&p->b, "<footer>Made by ");
  esc(&p->b, jstr(p->summary, "tool"));
  ll_buf_adds(&p->b, " on ");
  esc(&p->b, jstr(p->summary, "generated"));
  ll_buf_adds(&p->b, ". Self-contained: this page loads nothing.</footer>\n");
  if (script) {
    ll_buf_adds(&p->b, "<script>");
    ll_buf_adds(&p->b, ll_audit_js);
    ll_buf_adds(&p->b, "</script>\n");
  }
  ll_buf_adds(&p->b, "</body></html>\n");
}

/* ====================================================================
 * Cards and charts
 * ==================================================================== */

static void card(struct page *p, const char *key, long long n,
                 const char *label) {
  ll_buf_printf(&p->b,
                "<div class=\"card\"><b data-count=\"%s\">%lld</b>"
                "<span>%s</span></div>\n",
                key, n, label);
}

static void card_pct(struct page *p, long long part, long long whole,
                     const char *label) {
  ll_buf_adds(&p->b, "<div class=\"card\"><b>");
  if (whole > 0)
    ll_buf_printf(&p->b, "%.0f%%", 100.0 * (double)part / (double)whole);
  else
    ll_buf_adds(&p->b, "&#8211;");
  ll_buf_printf(&p->b, "</b><span>%s</span></div>\n", label);
}

/* Counts shared by the index (totals) and a list page (the list). */
static void cards(struct page *p, const json_t *o, int index) {
  const json_t *sev = json_object_get(o, "by_severity");
  ll_buf_adds(&p->b, "<section class=\"cards\" aria-label=\"Summary\">\n");
  if (index)
    card(p, "lists", jint(o, "lists"), "lists");
  card(p, "entries", jint(o, "entries"), "entries");
  card(p, "findings", jcount(o, "findings"), "findings");
  card(p, "error", jint(sev, "error"), "errors");
  card(p, "warning", jint(sev, "warning"), "warnings");
  card(p, "info", jint(sev, "info"), "notes");
  card(p, "fixable", jint(o, "fixable"), "resolved by <code>--fix</code>");
  if (!index) {
    card_pct(p, jint(o, "with_description"), jint(o, "entries"),
             "with a description");
    card_pct(p, jint(o, "with_access"), jint(o, "entries"),
             "with an access note");
  }
  ll_buf_adds(&p->b, "</section>\n");
}

struct bar {
  const char *label;
  const char *kind, *cls; /* class="kind-cls" (both ours), or NULL */
  long long n;
};

/* A horizontal bar chart of up to 12 bars (the rest summed in "other"). */
static void chart(struct page *p, const char *id, const char *caption,
                  const struct bar *bars, size_t n) {
  struct ll_buf *b = &p->b;
  size_t shown = n > 12 ? 11 : n;
  long long other = 0, max = 1;
  for (size_t i = 0; i < n; i++) {
    if (i >= shown)
      other += bars[i].n;
    else if (bars[i].n > max)
      max = bars[i].n;
  }
  if (other > max)
    max = other;
  size_t rows = shown + (n > shown);
  ll_buf_printf(b,
                "<figure id=\"%s\"><figcaption>%s</figcaption>"
                "<svg class=\"chart\" viewBox=\"0 0 440 %zu\" role=\"img\" "
                "aria-label=\"%s\">",
                id, caption, rows * 20 + 4, caption);
  if (n == 0)
    ll_buf_adds(b, "<text x=\"0\" y=\"14\" class=\"n\">nothing</text>");
  for (size_t i = 0; i < rows; i++) {
    const struct bar *r = i < shown ? &bars[i] : NULL;
    long long v = r ? r->n : other;
    double w = 220.0 * (double)v / (double)max;
    size_t y = i * 20 + 2;
    ll_buf_printf(b, "<text x=\"162\" y=\"%zu\" text-anchor=\"end\">", y + 12);
    if (r) { /* the whole label on hover, a short one shown */
      size_t len = strlen(r->label), cut = len > 23 ? 22 : len;
      while (cut < len && cut > 0 &&
             ((unsigned char)r->label[cut] & 0xc0) == 0x80)
        cut--; /* not inside a character */
      ll_buf_adds(b, "<title>");
      esc(b, r->label);
      ll_buf_adds(b, "</title>");
      ll_audit_escape(b, r->label, cut);
      if (cut < len)
        ll_buf_adds(b, "&#8230;");
    } else
      ll_buf_adds(b, "other");
    ll_buf_printf(b,
                  "</text><rect x=\"168\" y=\"%zu\" width=\"%.1f\" "
                  "height=\"15\" rx=\"2\"",
                  y, w < 1 && v > 0 ? 1.0 : w);
    if (r && r->kind)
      ll_buf_printf(b, " class=\"%s-%s\"", r->kind, r->cls);
    ll_buf_printf(b,
                  "></rect><text class=\"n\" x=\"%.1f\" y=\"%zu\">%lld"
                  "</text>",
                  168 + w + 4, y + 12, v);
  }
  ll_buf_adds(b, "</svg></figure>\n");
}

/* Charts of a list page: findings by rule, links by verdict, entries
 * per section. */
static void list_charts(struct page *p) {
  const json_t *l = p->list;
  const json_t *rules = json_object_get(l, "by_rule");
  const json_t *secs = json_object_get(l, "sections");
  size_t nr = json_array_size(rules), ns = json_array_size(secs);
  size_t cap = nr > ns ? nr : ns;
  struct bar *bars =
      ll_xcalloc(cap > NVERDICTS ? cap : NVERDICTS, sizeof *bars);
  ll_buf_adds(&p->b, "<section class=\"charts\">\n");
  for (size_t i = 0; i < nr; i++) {
    const json_t *r = json_array_get(rules, i);
    bars[i] = (struct bar){jstr(r, "rule"), "sev",
                           sev_class(jstr(r, "severity")), jint(r, "count")};
  }
  chart(p, "chart-rules", "Findings by rule", bars, nr);
  const json_t *bv = json_object_get(json_object_get(l, "links"), "by_verdict");
  for (size_t i = 0; i < NVERDICTS; i++)
    bars[i] =
        (struct bar){verdicts[i], "v", verdicts[i], jint(bv, verdicts[i])};
  chart(p, "chart-links", "Links by verdict", bars, NVERDICTS);
  for (size_t i = 0; i < ns; i++) {
    const json_t *s = json_array_get(secs, i);
    const char *t = jstr(s, "title");
    bars[i] = (struct bar){*t ? t : "(top)", NULL, NULL, jint(s, "entries")};
  }
  chart(p, "chart-sections", "Entries per section", bars, ns);
  ll_buf_adds(&p->b, "</section>\n");
  free(bars);
}

/* ====================================================================
 * A list page's tables
 * ==================================================================== */

static void sev_badge(struct page *p, const char *sev) {
  ll_buf_printf(&p->b, "<span class=\"sev sev-%s\">", sev_class(sev));
  esc(&p->b, sev);
  ll_buf_adds(&p->b, "</span>");
}

static void rule_table(struct page *p) {
  static const char *const cols[] = {"Rule", "Severity", "#Findings",
                                     "#Fixable", NULL};
  const json_t *rules = json_object_get(p->list, "by_rule");
  ll_buf_adds(&p->b, "<h2 id=\"by-rule\">Findings by rule</h2>\n");
  if (json_array_size(rules) == 0) {
    ll_buf_adds(&p->b, "<p class=\"note\">No findings.</p>\n");
    return;
  }
  table_head(p, "rules", cols);
  for (size_t i = 0; i < json_array_size(rules); i++) {
    const json_t *r = json_array_get(rules, i);
    ll_buf_adds(&p->b, "<tr data-rule=\"");
    esc(&p->b, jstr(r, "rule"));
    ll_buf_adds(&p->b, "\"><td><code>");
    esc(&p->b, jstr(r, "rule"));
    ll_buf_adds(&p->b, "</code></td><td>");
    sev_badge(p, jstr(r, "severity"));
    ll_buf_adds(&p->b, "</td>");
    num_cell(p, jint(r, "count"));
    num_cell(p, jint(r, "fixable"));
    ll_buf_adds(&p->b, "</tr>\n");
  }
  table_foot(p);
}

static void section_table(struct page *p) {
  static const char *const cols[] = {
      "Section", "#Line",  "#Entries", "#Findings", "#Described",
      "#Access", "#Links", "#Dead",    "#Failing",  NULL};
  const json_t *secs = json_object_get(p->list, "sections");
  ll_buf_adds(&p->b, "<h2 id=\"sections\">Sections</h2>\n");
  table_head(p, "sections-table", cols);
  for (size_t i = 0; i < json_array_size(secs); i++) {
    const json_t *s = json_array_get(secs, i);
    const char *path = jstr(s, "path"), *title = jstr(s, "title");
    long long entries = jint(s, "entries");
    ll_buf_adds(&p->b, "<tr data-section=\"");
    esc(&p->b, title);
    ll_buf_adds(&p->b, "\"><td>");
    esc(&p->b, *path ? path : *title ? title : "(top of the file)");
    ll_buf_adds(&p->b, "</td>");
    line_cell(p, p->list, jint(s, "line"));
    num_cell(p, entries);
    num_cell(p, jint(s, "findings"));
    pct_cell(p, jint(s, "with_description"), entries);
    pct_cell(p, jint(s, "with_access"), entries);
    num_cell(p, jint(s, "links"));
    num_cell(p, jint(s, "dead_links"));
    num_cell(p, jint(s, "failing_links"));
    ll_buf_adds(&p->b, "</tr>\n");
  }
  table_foot(p);
}

static void seconds_cell(struct page *p, const json_t *sec) {
  if (json_is_number(sec))
    ll_buf_printf(&p->b, "<td class=\"n\" data-v=\"%.3f\">%.2f s</td>",
                  json_number_value(sec), json_number_value(sec));
  else
    ll_buf_adds(&p->b, "<td class=\"n\" data-v=\"-1\">&#8211;</td>");
}

/* Rows of hosts, in the given order (indexes into hosts) or the
 * summary's: every verdict when full, else links, failing and time. */
static void host_rows(struct page *p, const json_t *hosts, const size_t *order,
                      size_t n, int full) {
  for (size_t k = 0; k < n; k++) {
    const json_t *h = json_array_get(hosts, order ? order[k] : k);
    ll_buf_adds(&p->b, "<tr><td class=\"mono\">");
    esc(&p->b, jstr(h, "host"));
    ll_buf_adds(&p->b, "</td>");
    num_cell(p, jint(h, "total"));
    for (size_t i = 0; full && i < NVERDICTS; i++)
      num_cell(p, jint(h, verdicts[i]));
    num_cell(p, failing_count(h));
    seconds_cell(p, json_object_get(h, "seconds"));
    ll_buf_adds(&p->b, "</tr>\n");
  }
}

static const char *const host_cols[] = {
    "Host",     "#Links",   "#Alive", "#Redirected", "#Dead",
    "#Blocked", "#Timeout", "#Error", "#Skipped",    "#Unknown",
    "#Failing", "#Seconds", NULL};
static const char *const host_cols_short[] = {"Host", "#Links", "#Failing",
                                              "#Seconds", NULL};

static double seconds_of(const json_t *hosts, size_t i) {
  const json_t *v = json_object_get(json_array_get(hosts, i), "seconds");
  return json_is_number(v) ? json_number_value(v) : -1;
}

/* qsort_r: the slowest first (hosts without a time last). */
static int by_seconds(const void *a, const void *b, void *arg) {
  const json_t *hosts = *(const json_t **)arg;
  double x = seconds_of(hosts, *(const size_t *)a);
  double y = seconds_of(hosts, *(const size_t *)b);
  return x < y ? 1 : x > y ? -1 : 0;
}

/* The failing URLs, each with its line. */
static void failing_urls(struct page *p, const json_t *urls) {
  static const char *const cols[] = {"URL", "Verdict", "#Status", "#Line",
                                     NULL};
  size_t n = 0;
  for (size_t i = 0; i < json_array_size(urls); i++) {
    const json_t *u = json_array_get(urls, i);
    const char *v = jstr(u, "verdict");
    int bad = 0;
    for (size_t k = 0; k < 4; k++)
      bad |= strcmp(v, failing[k]) == 0;
    if (!bad)
      continue;
    if (n++ == 0) {
      ll_buf_adds(&p->b, "<h3>Failing links</h3>\n");
      table_head(p, "failing-links", cols);
    }
    ll_buf_adds(&p->b, "<tr><td class=\"url\">");
    link_to(p, jstr(u, "url"), jstr(u, "url"));
    ll_buf_adds(&p->b, "</td><td>");
    esc(&p->b, v);
    ll_buf_adds(&p->b, "</td>");
    opt_cell(p, json_object_get(u, "status"));
    line_cell(p, p->list, jint(u, "line"));
    ll_buf_adds(&p->b, "</tr>\n");
  }
  if (n)
    table_foot(p);
  else
    ll_buf_adds(&p->b, "<p class=\"good\">No failing links.</p>\n");
}

static void link_health(struct page *p) {
  const json_t *links = json_object_get(p->list, "links");
  const json_t *hosts = json_object_get(links, "hosts");
  size_t nh = json_array_size(hosts);
  ll_buf_adds(&p->b, "<h2 id=\"links\">Link health</h2>\n");
  if (!json_is_true(json_object_get(p->summary, "links_known"))) {
    ll_buf_printf(&p->b,
                  "<p class=\"note\" id=\"links-unchecked\">The %lld links "
                  "were not checked. Run the audit with "
                  "<code>--check-links</code> to check them, or with "
                  "<code>--cache FILE</code> to use the results of an "
                  "earlier check without the network.</p>\n",
                  jint(links, "total"));
    return;
  }
  size_t *order = ll_xcalloc(nh ? nh : 1, sizeof *order);
  size_t nfail = 0, ntimed = 0;
  for (size_t i = 0; i < nh; i++) {
    order[i] = i;
    nfail += failing_count(json_array_get(hosts, i)) > 0;
    ntimed +=
        json_is_number(json_object_get(json_array_get(hosts, i), "seconds"));
  }
  /* the summary lists hosts most failing first */
  ll_buf_adds(&p->b, "<div class=\"charts\"><div><h3>Most failing hosts"
                     "</h3>\n");
  if (nfail) {
    table_head(p, "hosts-failing", host_cols_short);
    host_rows(p, hosts, NULL, nfail < 5 ? nfail : 5, 0);
    table_foot(p);
  } else
    ll_buf_adds(&p->b, "<p class=\"good\">No host fails.</p>\n");
  qsort_r(order, nh, sizeof *order, by_seconds, &hosts);
  ll_buf_adds(&p->b, "</div><div><h3>Slowest hosts</h3>\n");
  table_head(p, "hosts-slow", host_cols_short);
  host_rows(p, hosts, order, ntimed < 5 ? ntimed : 5, 0);
  table_foot(p);
  ll_buf_adds(&p->b, "</div></div>\n<h3>Every host</h3>\n");
  free(order);
  table_head(p, "hosts", host_cols);
  host_rows(p, hosts, NULL, nh, 1);
  table_foot(p);
  failing_urls(p, json_object_get(links, "urls"));
}

/* ====================================================================
 * Duplicates and changes (a list page shows those of its file, the
 * index all of them)
 * ==================================================================== */

static int touches(const json_t *dup, const char *file) {
  const json_t *places = json_object_get(dup, "places");
  for (size_t i = 0; i < json_array_size(places); i++)
    if (strcmp(jstr(json_array_get(places, i), "file"), file) == 0)
      return 1;
  return 0;
}

static void place(struct page *p, const json_t *pl) {
  char text[64];
  ll_buf_adds(&p->b, "<li>");
  snprintf(text, sizeof text, "line %lld", jint(pl, "line"));
  ll_buf_adds(&p->b, "<span class=\"mono\">");
  esc(&p->b, jstr(pl, "file"));
  ll_buf_adds(&p->b, "</span> ");
  link_to(p, jstr(pl, "href"), text);
  ll_buf_adds(&p->b, ": ");
  esc(&p->b, jstr(pl, "name"));
  if (*jstr(pl, "section")) {
    ll_buf_adds(&p->b, " <span class=\"note\">in ");
    esc(&p->b, jstr(pl, "section"));
    ll_buf_adds(&p->b, "</span>");
  }
  ll_buf_adds(&p->b, "</li>\n");
}

static void duplicates(struct page *p, const char *file) {
  const json_t *dups = json_object_get(p->summary, "duplicates");
  size_t n = 0;
  ll_buf_adds(&p->b, "<h2 id=\"duplicates\">Duplicates</h2>\n"
                     "<div id=\"dup-list\">\n");
  for (size_t i = 0; i < json_array_size(dups); i++) {
    const json_t *d = json_array_get(dups, i);
    if (file && !touches(d, file))
      continue;
    const json_t *places = json_object_get(d, "places");
    n++;
    ll_buf_printf(&p->b, "<div class=\"dup\" data-kind=\"%s\"><b>",
                  strcmp(jstr(d, "kind"), "name") == 0 ? "name" : "url");
    ll_buf_adds(&p->b, strcmp(jstr(d, "kind"), "name") == 0 ? "Name " : "");
    ll_buf_adds(&p->b, "<span class=\"mono\">");
    esc(&p->b, jstr(d, "key"));
    ll_buf_printf(&p->b, "</span></b> listed %zu times<ul>\n",
                  json_array_size(places));
    for (size_t k = 0; k < json_array_size(places); k++)
      place(p, json_array_get(places, k));
    ll_buf_adds(&p->b, "</ul></div>\n");
  }
  ll_buf_adds(&p->b, "</div>\n");
  if (n == 0)
    ll_buf_adds(&p->b, "<p class=\"good\">Nothing is listed twice.</p>\n");
}

/* One of the four lists of changes, as a table. */
static void change_table(struct page *p, const char *key, const char *title,
                         const char *file) {
  const json_t *a =
      json_object_get(json_object_get(p->summary, "changes"), key);
  int links = strncmp(key, "links", 5) == 0;
  static const char *const fcols[] = {"File", "#Line", "Rule", "Message", NULL};
  static const char *const lcols[] = {"File", "#Line", "URL", "Verdict", NULL};
  size_t n = 0;
  for (size_t i = 0; i < json_array_size(a); i++)
    n += !file || strcmp(jstr(json_array_get(a, i), "file"), file) == 0;
  ll_buf_printf(&p->b, "<h3>%s: <span data-count=\"%s\">%zu</span></h3>\n",
                title, key, n);
  if (n == 0)
    return;
  table_head(p, key, links ? lcols : fcols);
  for (size_t i = 0; i < json_array_size(a); i++) {
    const json_t *c = json_array_get(a, i);
    char line[32];
    if (file && strcmp(jstr(c, "file"), file) != 0)
      continue;
    ll_buf_adds(&p->b, "<tr><td class=\"mono\">");
    esc(&p->b, jstr(c, "file"));
    snprintf(line, sizeof line, "%lld", jint(c, "line"));
    ll_buf_printf(&p->b, "</td><td class=\"n\" data-v=\"%s\">", line);
    if (*jstr(c, "href"))
      link_to(p, jstr(c, "href"), line);
    else if (links) /* a fixed finding's line is the old one: not linked */
      line_link(p, list_of(p, jstr(c, "file")), jint(c, "line"));
    else
      ll_buf_adds(&p->b, line);
    ll_buf_adds(&p->b, links ? "</td><td class=\"url\">" : "</td><td><code>");
    if (links)
      link_to(p, jstr(c, "url"), jstr(c, "url"));
    else
      esc(&p->b, jstr(c, "rule"));
    ll_buf_adds(&p->b, links ? "</td><td>" : "</code></td><td class=\"msg\">");
    esc(&p->b, jstr(c, links ? "verdict" : "message"));
    ll_buf_adds(&p->b, "</td></tr>\n");
  }
  table_foot(p);
}

static void changes(struct page *p, const char *file) {
  const json_t *c = json_object_get(p->summary, "changes");
  if (!json_is_object(c))
    return;
  ll_buf_adds(&p->b, "<h2 id=\"changes\">Since the last audit</h2>\n"
                     "<p class=\"meta\">Compared with the audit of ");
  esc(&p->b, jstr(c, "since"));
  ll_buf_adds(&p->b, ".</p>\n");
  change_table(p, "new_findings", "New findings", file);
  change_table(p, "fixed_findings", "Fixed findings", file);
  change_table(p, "links_died", "Links that died", file);
  change_table(p, "links_revived", "Links that came back", file);
}

/* ====================================================================
 * Every finding, filterable
 * ==================================================================== */

/* A select of the distinct values of key in the findings (first seen
 * first), matching the rows' data-<attr>. */
static void filter_select(struct page *p, const json_t *findings,
                          const char *key, const char *attr,
                          const char *label) {
  struct ll_map seen = {0};
  ll_buf_printf(&p->b,
                "<label>%s<select data-key=\"%s\" id=\"filter-%s\">"
                "<option value=\"\">all</option>",
                label, attr, attr);
  for (size_t i = 0; i < json_array_size(findings); i++) {
    const char *v = jstr(json_array_get(findings, i), key);
    if (ll_map_add(&seen, v, v))
      continue;
    ll_buf_adds(&p->b, "<option value=\"");
    esc(&p->b, v);
    ll_buf_adds(&p->b, "\">");
    esc(&p->b, *v ? v : "(top of the file)");
    ll_buf_adds(&p->b, "</option>");
  }
  ll_buf_adds(&p->b, "</select></label>\n");
  ll_map_free(&seen);
}

static void finding_row(struct page *p, const json_t *f) {
  char line[32];
  long long ln = jint(f, "line");
  ll_buf_adds(&p->b, "<tr data-rule=\"");
  esc(&p->b, jstr(f, "rule"));
  ll_buf_adds(&p->b, "\" data-severity=\"");
  esc(&p->b, jstr(f, "severity"));
  ll_buf_adds(&p->b, "\" data-section=\"");
  esc(&p->b, jstr(f, "section"));
  snprintf(line, sizeof line, "%lld", ln);
  ll_buf_printf(&p->b, "\"><td class=\"n\" data-v=\"%lld\">", ln);
  link_to(p, jstr(f, "href"), line);
  ll_buf_adds(&p->b, "</td>");
  num_cell(p, jint(f, "column"));
  ll_buf_adds(&p->b, "<td>");
  sev_badge(p, jstr(f, "severity"));
  ll_buf_adds(&p->b, "</td><td><code>");
  esc(&p->b, jstr(f, "rule"));
  ll_buf_adds(&p->b, "</code></td><td>");
  esc(&p->b, jstr(f, "section"));
  ll_buf_adds(&p->b, "</td><td class=\"msg\">");
  esc(&p->b, jstr(f, "message"));
  ll_buf_printf(&p->b, "</td><td>%s</td></tr>\n",
                json_is_true(json_object_get(f, "fixable")) ? "yes" : "");
}

static void findings_table(struct page *p) {
  static const char *const cols[] = {"#Line",   "#Col",    "Severity", "Rule",
                                     "Section", "Message", "Fixable",  NULL};
  const json_t *fs = json_object_get(p->list, "findings");
  size_t n = json_array_size(fs);
  ll_buf_printf(&p->b,
                "<h2 id=\"all-findings\">Every finding "
                "(<span data-count=\"rows\">%zu</span>)</h2>\n",
                n);
  if (n == 0) {
    ll_buf_adds(&p->b, "<p class=\"good\">No findings.</p>\n");
    return;
  }
  ll_buf_adds(&p->b, "<div class=\"filters\" data-for=\"findings\" "
                     "role=\"search\">\n");
  filter_select(p, fs, "rule", "rule", "Rule");
  filter_select(p, fs, "severity", "severity", "Severity");
  filter_select(p, fs, "section", "section", "Section");
  ll_buf_adds(&p->b,
              "<label>Text<input type=\"search\" id=\"filter-text\" "
              "placeholder=\"message, rule, section&#8230;\"></label>\n"
              "<button type=\"button\" data-reset=\"1\">Clear</button>\n"
              "<output id=\"filter-count\" aria-live=\"polite\"></output>\n"
              "</div>\n");
  table_head(p, "findings", cols);
  for (size_t i = 0; i < n; i++)
    finding_row(p, json_array_get(fs, i));
  table_foot(p);
}

/* ====================================================================
 * The pages
 * ==================================================================== */

static void list_header(struct page *p) {
  const json_t *l = p->list, *repo = json_object_get(l, "repository");
  ll_buf_adds(&p->b, "<header><nav class=\"crumbs\"><a href=\"../index.html\">"
                     "All lists</a></nav>\n<h1>");
  esc(&p->b, jstr(l, "file"));
  ll_buf_adds(&p->b, "</h1>\n<p class=\"meta\">");
  if (json_is_object(repo)) {
    const char *gh = jstr(repo, "github");
    if (*gh)
      link_to(p, gh, gh);
    else
      esc(&p->b, jstr(repo, "root"));
    if (*jstr(repo, "commit")) {
      ll_buf_adds(&p->b, " at <code>");
      esc(&p->b, jstr(repo, "commit"));
      ll_buf_adds(&p->b, "</code>");
    }
    ll_buf_adds(&p->b, " &#183; ");
  }
  ll_buf_adds(&p->b, "audited ");
  esc(&p->b, jstr(p->summary, "generated"));
  ll_buf_adds(&p->b, "</p>\n<nav class=\"crumbs\"><a href=\"#by-rule\">Rules"
                     "</a> &#183; <a href=\"#sections\">Sections</a> &#183; "
                     "<a href=\"#links\">Links</a> &#183; <a href=\""
                     "#duplicates\">Duplicates</a> &#183; ");
  if (json_is_object(json_object_get(p->summary, "changes")))
    ll_buf_adds(&p->b, "<a href=\"#changes\">Changes</a> &#183; ");
  ll_buf_adds(&p->b, "<a href=\"#all-findings\">Findings</a></nav>"
                     "</header>\n<main>\n");
}

static void list_page(struct page *p) {
  page_head(p, jstr(p->list, "file"), 1);
  list_header(p);
  cards(p, p->list, 0);
  list_charts(p);
  rule_table(p);
  section_table(p);
  link_health(p);
  duplicates(p, jstr(p->list, "file"));
  changes(p, jstr(p->list, "file"));
  findings_table(p);
  ll_buf_adds(&p->b, "</main>\n");
  page_foot(p, 1);
}

/* The changes of one file: how many new and fixed findings. */
static long long changed(const json_t *summary, const char *key,
                         const char *file) {
  const json_t *a = json_object_get(json_object_get(summary, "changes"), key);
  long long n = 0;
  for (size_t i = 0; i < json_array_size(a); i++)
    n += strcmp(jstr(json_array_get(a, i), "file"), file) == 0;
  return n;
}

static void index_row(struct page *p, const json_t *l, int with_changes) {
  const json_t *sev = json_object_get(l, "by_severity");
  const json_t *bv = json_object_get(json_object_get(l, "links"), "by_verdict");
  long long entries = jint(l, "entries"), bad = 0;
  for (size_t k = 0; k < 4; k++)
    bad += jint(bv, failing[k]);
  ll_buf_adds(&p->b, "<tr data-list=\"");
  esc(&p->b, jstr(l, "slug"));
  ll_buf_adds(&p->b, "\"><td><a href=\"lists/");
  esc(&p->b, jstr(l, "slug"));
  ll_buf_adds(&p->b, ".html\">");
  esc(&p->b, jstr(l, "file"));
  ll_buf_adds(&p->b, "</a></td>");
  num_cell(p, entries);
  num_cell(p, jcount(l, "findings"));
  for (size_t k = 0; k < 3; k++)
    num_cell(p, jint(sev, severities[k]));
  num_cell(p, jint(l, "fixable"));
  pct_cell(p, jint(l, "with_description"), entries);
  pct_cell(p, jint(l, "with_access"), entries);
  num_cell(p, jint(json_object_get(l, "links"), "total"));
  num_cell(p, bad);
  if (with_changes) {
    num_cell(p, changed(p->summary, "new_findings", jstr(l, "file")));
    num_cell(p, changed(p->summary, "fixed_findings", jstr(l, "file")));
  }
  ll_buf_adds(&p->b, "</tr>\n");
}

/* Charts of the index: findings per list, links by verdict over all. */
static void index_charts(struct page *p) {
  const json_t *lists = json_object_get(p->summary, "lists");
  size_t n = json_array_size(lists);
  struct bar *bars = ll_xcalloc(n > NVERDICTS ? n : NVERDICTS, sizeof *bars);
  for (size_t i = 0; i < n; i++) {
    const json_t *l = json_array_get(lists, i);
    bars[i] = (struct bar){jstr(l, "file"), NULL, NULL, jcount(l, "findings")};
  }
  ll_buf_adds(&p->b, "<section class=\"charts\">\n");
  chart(p, "chart-lists", "Findings per list", bars, n);
  for (size_t v = 0; v < NVERDICTS; v++) {
    long long sum = 0;
    for (size_t i = 0; i < n; i++)
      sum += jint(
          json_object_get(json_object_get(json_array_get(lists, i), "links"),
                          "by_verdict"),
          verdicts[v]);
    bars[v] = (struct bar){verdicts[v], "v", verdicts[v], sum};
  }
  chart(p, "chart-links", "Links by verdict", bars, NVERDICTS);
  ll_buf_adds(&p->b, "</section>\n");
  free(bars);
}

static void index_page(struct page *p) {
  static const char *const cols[] = {
      "List",     "#Entries", "#Findings",  "#Errors", "#Warnings",
      "#Notes",   "#Fixable", "#Described", "#Access", "#Links",
      "#Failing", "#New",     "#Fixed",     NULL};
  static const char *const cols_nochange[] = {
      "List",     "#Entries",   "#Findings", "#Errors", "#Warnings", "#Notes",
      "#Fixable", "#Described", "#Access",   "#Links",  "#Failing",  NULL};
  const json_t *lists = json_object_get(p->summary, "lists");
  int ch = json_is_object(json_object_get(p->summary, "changes"));
  page_head(p, "Audit", 1);
  ll_buf_adds(&p->b, "<header><h1>listlint audit</h1>\n<p class=\"meta\">");
  esc(&p->b, jstr(p->summary, "generated"));
  ll_buf_adds(&p->b, json_is_true(json_object_get(p->summary, "links_known"))
                         ? " &#183; links checked"
                         : " &#183; links not checked (<code>--check-links"
                           "</code> or <code>--cache FILE</code>)");
  ll_buf_adds(&p->b, "</p></header>\n<main>\n");
  cards(p, json_object_get(p->summary, "totals"), 1);
  index_charts(p);
  ll_buf_adds(&p->b, "<h2 id=\"lists\">Lists</h2>\n");
  table_head(p, "lists-table", ch ? cols : cols_nochange);
  for (size_t i = 0; i < json_array_size(lists); i++)
    index_row(p, json_array_get(lists, i), ch);
  table_foot(p);
  duplicates(p, NULL);
  changes(p, NULL);
  ll_buf_adds(&p->b, "</main>\n");
  page_foot(p, 1);
}

/* The list's text, a table row per line with the anchor #L<n>. */
static void source_page(struct page *p, const struct ll_audit_source *s) {
  page_head(p, jstr(p->list, "file"), 0);
  ll_buf_adds(&p->b, "<header><nav class=\"crumbs\"><a href=\"../lists/");
  esc(&p->b, jstr(p->list, "slug"));
  ll_buf_adds(&p->b, ".html\">Back to the report</a></nav><h1>");
  esc(&p->b, jstr(p->list, "file"));
  ll_buf_adds(&p->b, "</h1></header>\n<main><div class=\"scroll\">"
                     "<table class=\"src\"><tbody>\n");
  const char *q = s->data, *end = s->data + s->len;
  for (size_t line = 1; q < end || line == 1; line++) {
    const char *nl = memchr(q, '\n', (size_t)(end - q));
    const char *e = nl ? nl : end;
    ll_buf_printf(&p->b,
                  "<tr id=\"L%zu\"><td class=\"ln\"><a href=\"#L%zu\">%zu"
                  "</a></td><td>",
                  line, line, line);
    ll_audit_escape(&p->b, q,
                    (size_t)(e > q && e[-1] == '\r' ? e - 1 - q : e - q));
    ll_buf_adds(&p->b, "</td></tr>\n");
    q = nl ? nl + 1 : end;
    if (!nl)
      break;
  }
  ll_buf_adds(&p->b, "</tbody></table></div></main>\n");
  page_foot(p, 0);
}

/* ====================================================================
 * Writing the files
 * ==================================================================== */

/* mkdir -p: each missing directory of path, made 0777 less the umask. */
static int make_dirs(const char *path, char **err) {
  if (!*path) {
    *err = ll_strfmt("the output directory's name is empty");
    return -1;
  }
  char *d = ll_xstrdup(path);
  for (char *s = d + 1;; s++) {
    if (*s != '/' && *s != '\0')
      continue;
    char c = *s;
    *s = '\0';
    struct stat st;
    if (mkdir(d, 0777) < 0 && errno != EEXIST) {
      *err = ll_strfmt("%s: cannot make the directory: %s", d, strerror(errno));
      free(d);
      return -1;
    }
    if (stat(d, &st) < 0 || !S_ISDIR(st.st_mode)) {
      *err = ll_strfmt("%s: not a directory", d);
      free(d);
      return -1;
    }
    *s = c;
    if (!c)
      break;
  }
  free(d);
  return 0;
}

int ll_audit_write_file(const char *dir, const char *name,
                        const struct ll_buf *b, char **err) {
  char *path = ll_strfmt("%s/%s", dir, name);
  char *tmp = ll_strfmt("%s.tmp-XXXXXX", path);
  int fd = mkostemp(tmp, O_CLOEXEC), rc = -1;
  if (fd < 0) {
    *err = ll_strfmt("%s: cannot create: %s", tmp, strerror(errno));
    goto done;
  }
  size_t off = 0;
  while (off < b->len) {
    ssize_t w = write(fd, b->data + off, b->len - off);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    off += (size_t)w;
  }
  if (off < b->len || fchmod(fd, 0644) < 0 || fsync(fd) < 0 || close(fd) < 0) {
    *err = ll_strfmt("%s: cannot write: %s", path, strerror(errno));
    if (off < b->len)
      close(fd);
    unlink(tmp);
    goto done;
  }
  if (rename(tmp, path) < 0) {
    *err = ll_strfmt("%s: cannot replace: %s", path, strerror(errno));
    unlink(tmp);
    goto done;
  }
  rc = 0;
done:
  free(tmp);
  free(path);
  return rc;
}

/* The summary's shape, as far as the pages rely on it: the format, and
 * slugs fit for file names and distinct. */
static int check_summary(const json_t *s, char **err) {
  if (!json_is_object(s) || strcmp(jstr(s, "format"), "listlint-audit") != 0 ||
      jint(s, "version") != 1) {
    *err = ll_strfmt("summary: not a listlint-audit summary of version 1");
    return -1;
  }
  const json_t *lists = json_object_get(s, "lists");
  if (!json_is_array(lists)) {
    *err = ll_strfmt("summary: \"lists\" is not an array");
    return -1;
  }
  struct ll_map seen = {0};
  int rc = 0;
  for (size_t i = 0; i < json_array_size(lists) && rc == 0; i++) {
    const char *slug = jstr(json_array_get(lists, i), "slug");
    if (!is_slug(slug)) {
      *err = ll_strfmt("summary: list %zu: the slug is not made of "
                       "[A-Za-z0-9_-]",
                       i + 1);
      rc = -1;
    } else if (ll_map_add(&seen, slug, slug)) {
      *err = ll_strfmt("summary: list %zu: the slug %s is given twice", i + 1,
                       slug);
      rc = -1;
    }
  }
  ll_map_free(&seen);
  return rc;
}

/* The lists' pages and source views. */
static int write_lists(struct page *p, const char *dir,
                       const struct ll_audit_sources *src, char **err) {
  const json_t *lists = json_object_get(p->summary, "lists");
  for (size_t i = 0; i < json_array_size(lists); i++) {
    p->list = json_array_get(lists, i);
    char *name = ll_strfmt("lists/%s.html", jstr(p->list, "slug"));
    p->b.len = 0;
    list_page(p);
    int rc = ll_audit_write_file(dir, name, &p->b, err);
    free(name);
    if (rc < 0)
      return -1;
    if (!p->viewed[i])
      continue;
    name = ll_strfmt("source/%s.html", jstr(p->list, "slug"));
    p->b.len = 0;
    source_page(p, &src->list[i]);
    rc = ll_audit_write_file(dir, name, &p->b, err);
    free(name);
    if (rc < 0)
      return -1;
  }
  return 0;
}

int ll_audit_write_pages(const json_t *summary, const char *dir,
                         const struct ll_audit_sources *src, char **err) {
  *err = NULL;
  if (check_summary(summary, err) < 0)
    return -1;
  const json_t *lists = json_object_get(summary, "lists");
  size_t n = json_array_size(lists);
  unsigned char *viewed = ll_xcalloc(n ? n : 1, 1);
  int any_view = 0;
  for (size_t i = 0; i < n; i++) {
    const char *u = jstr(json_array_get(lists, i), "line_url");
    viewed[i] = strncmp(u, "https://", 8) != 0 && src && i < src->n &&
                src->list[i].data != NULL;
    any_view |= viewed[i];
  }
  struct page p = {.summary = summary, .viewed = viewed, .up = "../"};
  ll_buf_init(&p.b, 0);
  p.hash_js = ll_audit_csp_hash(ll_audit_js, strlen(ll_audit_js));
  p.hash_css = ll_audit_csp_hash(ll_audit_css, strlen(ll_audit_css));
  char *lists_dir = ll_strfmt("%s/lists", dir);
  char *source_dir = ll_strfmt("%s/source", dir);
  int rc = -1;
  if (make_dirs(dir, err) < 0 || make_dirs(lists_dir, err) < 0 ||
      (any_view && make_dirs(source_dir, err) < 0))
    goto done;
  if (write_lists(&p, dir, src, err) < 0)
    goto done;
  p.list = NULL;
  p.up = "";
  p.b.len = 0;
  index_page(&p);
  rc = ll_audit_write_file(dir, "index.html", &p.b, err);
done:
  free(lists_dir);
  free(source_dir);
  free(p.hash_js);
  free(p.hash_css);
  ll_buf_free(&p.b);
  free(viewed);
  return rc;
}
