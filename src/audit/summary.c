/* summary.c - the audit's summary (doc/audit-json.md): per list its
 * counts, sections, findings and link health; duplicates across lists;
 * what changed since the previous audit. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit/audit.h"
#include "audit/summary.h"
#include "linkcheck.h"
#include "out.h"
#include "run/run.h"

/* ---- small parts ------------------------------------------------------ */

static const char *const verdict_names[] = {
    "alive", "redirected", "dead", "blocked", "timeout", "error", "skipped"};
#define NVERDICTS 8 /* the above and "unknown" */

static const char *verdict_name(int v) {
  return v >= 0 && v < 7 ? verdict_names[v] : "unknown";
}

static int is_dead(int v) { return v == LL_V_DEAD; }
static int is_failing(int v) {
  return v == LL_V_BLOCKED || v == LL_V_TIMEOUT || v == LL_V_ERROR;
}

/* A verdict counter per name: {"alive": 0, ..., "unknown": 0}. */
static json_t *verdict_counts(const size_t c[NVERDICTS]) {
  json_t *o = json_object();
  for (int v = 0; v < NVERDICTS; v++)
    json_object_set_new(o, verdict_name(v), json_integer((json_int_t)c[v]));
  return o;
}

static json_t *severity_counts(const size_t c[LL_SEV_ERROR + 1]) {
  return json_pack("{s:I, s:I, s:I}", "error", (json_int_t)c[LL_SEV_ERROR],
                   "warning", (json_int_t)c[LL_SEV_WARNING], "info",
                   (json_int_t)c[LL_SEV_INFO]);
}

/* The verdict of url: its index in verdict_names, or 7 (unknown). */
static int verdict_of(const struct run *r, const char *url) {
  const struct verdict *v = r->verdicts ? verdicts_get(r->verdicts, url) : 0;
  return v ? v->verdict : NVERDICTS - 1;
}

/* The section a line is in: the last whose heading is at or above it. */
static size_t section_at(const struct ll_model *m, int line) {
  size_t lo = 0, hi = m->nsections;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->sections[mid].line <= line)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

static const char *section_title(const struct ll_model *m, size_t s) {
  const struct ll_section *sec = &m->sections[s];
  return sec->depth ? sec->path[sec->depth - 1] : "";
}

/* line_url with {line} replaced by line. */
static char *href(const char *line_url, int line) {
  const char *at = strstr(line_url, "{line}");
  if (!at)
    return ll_xstrdup(line_url);
  return ll_strfmt("%.*s%d%s", (int)(at - line_url), line_url, line, at + 6);
}

/* ---- one list --------------------------------------------------------- */

/* What one list adds up to while its summary is made. */
struct list_sum {
  const struct run *r;
  const struct kept *f;
  const struct ll_model *m;
  const char *line_url;
  size_t *sec_findings, *sec_links, *sec_dead, *sec_failing;
  size_t by_sev[LL_SEV_ERROR + 1], fixable; /* by_sev: by enum ll_severity */
};

/* A slug unique among the lists: the path's letters, digits, '-' and
 * '_', others made '-', numbered when taken. */
static char *slug_of(const char *path, struct ll_map *taken) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  for (const char *p = path; *p && b.len < 80; p++)
    ll_buf_addc(&b, ll_isalnum(*p) || *p == '_' || *p == '-' ? *p : '-');
  if (!b.len)
    ll_buf_adds(&b, "list");
  size_t base = b.len;
  for (int n = 2; ll_map_get(taken, b.data); n++) {
    b.len = base;
    ll_buf_printf(&b, "-%d", n);
  }
  ll_map_put(taken, b.data, taken);
  return ll_buf_detach(&b);
}

static json_t *repo_json(const struct audit_repo *rp) {
  if (!rp->root)
    return json_null();
  return json_pack("{s:o, s:o, s:o, s:o}", "root", ll_json_str(rp->root),
                   "commit", rp->commit ? json_string(rp->commit) : json_null(),
                   "github", rp->github ? json_string(rp->github) : json_null(),
                   "path", rp->path ? ll_json_str(rp->path) : json_null());
}

/* Where a finding's line is shown: the file on GitHub at the commit
 * when the list is committed as it is, else the local source view. */
static char *line_url_of(const struct audit_repo *rp, const char *slug) {
  if (rp->github && rp->commit && rp->path && rp->clean)
    return ll_strfmt("%s/blob/%s/%s#L{line}", rp->github, rp->commit, rp->path);
  return ll_strfmt("../source/%s.html#L{line}", slug);
}

/* Findings: the list's, in file order, each with its section; the
 * counts by rule and severity, and by section. */
static json_t *findings_json(struct list_sum *s, json_t **by_rule_out) {
  const struct ll_diags *d = &s->r->ctx->diags;
  json_t *arr = json_array();
  size_t counts[LL_R__COUNT] = {0}, fix[LL_R__COUNT] = {0};
  json_t *custom = json_object(); /* custom ids: [count, fixable, sev] */
  for (size_t i = s->f->from; i < s->f->to; i++) {
    const struct ll_diag *g = &d->v[i];
    size_t sec = section_at(s->m, g->line);
    s->sec_findings[sec]++;
    s->by_sev[g->severity]++;
    s->fixable += g->has_fix != 0;
    if (g->custom_id) {
      json_t *c = json_object_get(custom, g->custom_id);
      if (!c)
        json_object_set_new(custom, g->custom_id,
                            c = json_pack("[i, i, i]", 0, 0, g->severity));
      json_array_set_new(
          c, 0, json_integer(json_integer_value(json_array_get(c, 0)) + 1));
      json_array_set_new(c, 1,
                         json_integer(json_integer_value(json_array_get(c, 1)) +
                                      (g->has_fix != 0)));
    } else {
      counts[g->rule]++;
      fix[g->rule] += g->has_fix != 0;
    }
    char *h = href(s->line_url, g->line);
    json_array_append_new(
        arr, json_pack("{s:s, s:s, s:i, s:i, s:o, s:o, s:b, s:s, s:o}", "rule",
                       ll_diag_id(g), "severity", ll_severity_name(g->severity),
                       "line", g->line, "column", g->col, "message",
                       ll_json_str(g->message), "section",
                       ll_json_str(section_title(s->m, sec)), "fixable",
                       g->has_fix != 0, "fingerprint", g->fingerprint, "href",
                       ll_json_str(h)));
    free(h);
  }
  json_t *by_rule = json_array();
  for (int k = 0; k < LL_R__COUNT; k++)
    if (counts[k])
      json_array_append_new(
          by_rule,
          json_pack("{s:s, s:s, s:I, s:I}", "rule", ll_rules[k].id, "severity",
                    ll_severity_name(s->f->cfg->severity[k]), "count",
                    (json_int_t)counts[k], "fixable", (json_int_t)fix[k]));
  const char *id;
  json_t *c;
  json_object_foreach(custom, id, c) {
    json_array_append_new(
        by_rule,
        json_pack("{s:s, s:s, s:O, s:O}", "rule", id, "severity",
                  ll_severity_name((enum ll_severity)json_integer_value(
                      json_array_get(c, 2))),
                  "count", json_array_get(c, 0), "fixable",
                  json_array_get(c, 1)));
  }
  json_decref(custom);
  *by_rule_out = by_rule;
  return arr;
}

static int cmp_rule_counts(const void *a, const void *b) {
  json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
  json_int_t cx = json_integer_value(json_object_get(x, "count"));
  json_int_t cy = json_integer_value(json_object_get(y, "count"));
  if (cx != cy)
    return cx > cy ? -1 : 1;
  return strcmp(json_string_value(json_object_get(x, "rule")),
                json_string_value(json_object_get(y, "rule")));
}

/* Sort a JSON array of objects in place with cmp. */
static void sort_array(json_t *arr, int (*cmp)(const void *, const void *)) {
  size_t n = json_array_size(arr);
  json_t **v = ll_xcalloc(n + 1, sizeof *v);
  for (size_t i = 0; i < n; i++)
    v[i] = json_incref(json_array_get(arr, i));
  qsort(v, n, sizeof *v, cmp);
  json_array_clear(arr);
  for (size_t i = 0; i < n; i++)
    json_array_append_new(arr, v[i]);
  free(v);
}

/* Per host: counts by verdict, and the time of its slowest answer. */
struct host_sum {
  char *name;
  size_t c[NVERDICTS], total;
  double seconds;
};

static json_t *hosts_json(struct host_sum **hv, size_t nh) {
  json_t *arr = json_array();
  for (size_t i = 0; i < nh; i++) {
    const struct host_sum *h = hv[i];
    json_t *o = json_pack("{s:o, s:I}", "host", ll_json_str(h->name), "total",
                          (json_int_t)h->total);
    for (int v = 0; v < NVERDICTS; v++)
      json_object_set_new(o, verdict_name(v),
                          json_integer((json_int_t)h->c[v]));
    json_object_set_new(o, "seconds",
                        h->seconds >= 0 ? json_real(h->seconds) : json_null());
    json_array_append_new(arr, o);
  }
  return arr;
}

static size_t failing_of(const struct host_sum *h) {
  return h->c[LL_V_DEAD] + h->c[LL_V_BLOCKED] + h->c[LL_V_TIMEOUT] +
         h->c[LL_V_ERROR];
}

/* The most failing hosts first, then by name. */
static int cmp_hosts(const void *a, const void *b) {
  const struct host_sum *x = *(struct host_sum *const *)a;
  const struct host_sum *y = *(struct host_sum *const *)b;
  size_t fx = failing_of(x), fy = failing_of(y);
  if (fx != fy)
    return fx > fy ? -1 : 1;
  return strcmp(x->name, y->name);
}

/* Link health: every entry link's verdict, by host and by section. */
static json_t *links_json(struct list_sum *s) {
  const struct ll_model *m = s->m;
  size_t c[NVERDICTS] = {0}, total = 0;
  struct ll_map hosts = {0}, seen = {0};
  struct host_sum **hv = NULL;
  size_t nh = 0;
  json_t *urls = json_array();
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    for (size_t k = 0; k < e->nlinks; k++) {
      const struct ll_link *l = e->links[k];
      int v = verdict_of(s->r, l->url);
      total++;
      c[v]++;
      s->sec_links[e->section]++;
      s->sec_dead[e->section] += (size_t)is_dead(v);
      s->sec_failing[e->section] += (size_t)is_failing(v);
      const char *host = l->parsed.host ? l->parsed.host : "";
      struct host_sum *h = (struct host_sum *)(size_t)ll_map_get(&hosts, host);
      if (!h) {
        h = ll_xcalloc(1, sizeof *h);
        h->seconds = -1;
        h->name = ll_xstrdup(host);
        if ((nh & (nh - 1)) == 0) /* 0, 1, 2, 4, ...: room doubles */
          hv = ll_xrealloc(hv, (nh ? nh * 2 : 1) * sizeof *hv);
        hv[nh++] = h;
        ll_map_put(&hosts, host, h);
      }
      h->total++;
      h->c[v]++;
      const struct verdict *vd =
          s->r->verdicts ? verdicts_get(s->r->verdicts, l->url) : NULL;
      if (vd && vd->seconds > h->seconds)
        h->seconds = vd->seconds;
      if (vd && !ll_map_add(&seen, l->url, &seen)) {
        int line, col;
        ll_source_linecol(s->f->src, l->url_span.start, &line, &col);
        json_array_append_new(
            urls, json_pack("{s:o, s:s, s:I, s:i}", "url", ll_json_str(l->url),
                            "verdict", verdict_name(v), "status",
                            (json_int_t)vd->status, "line", line));
      }
    }
  }
  /* by host only when something is known of them */
  qsort(hv, nh, sizeof *hv, cmp_hosts);
  json_t *hj = hosts_json(hv, total > c[NVERDICTS - 1] ? nh : 0);
  for (size_t i = 0; i < nh; i++) {
    free(hv[i]->name);
    free(hv[i]);
  }
  free(hv);
  ll_map_free(&hosts);
  ll_map_free(&seen);
  return json_pack("{s:I, s:o, s:o, s:o}", "total", (json_int_t)total,
                   "by_verdict", verdict_counts(c), "hosts", hj, "urls", urls);
}

static json_t *sections_json(const struct list_sum *s) {
  const struct ll_model *m = s->m;
  size_t n = m->nsections;
  size_t *ent = ll_xcalloc(n + 1, sizeof *ent);
  size_t *desc = ll_xcalloc(n + 1, sizeof *desc);
  size_t *acc = ll_xcalloc(n + 1, sizeof *acc);
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    ent[e->section]++;
    desc[e->section] += e->description && *e->description;
    acc[e->section] += e->access && *e->access;
  }
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    char *path = ll_section_path(m, i);
    json_array_append_new(
        arr,
        json_pack("{s:o, s:o, s:i, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "title",
                  ll_json_str(section_title(m, i)), "path",
                  ll_json_str(path ? path : ""), "line", m->sections[i].line,
                  "entries", (json_int_t)ent[i], "with_description",
                  (json_int_t)desc[i], "with_access", (json_int_t)acc[i],
                  "findings", (json_int_t)s->sec_findings[i], "links",
                  (json_int_t)s->sec_links[i], "dead_links",
                  (json_int_t)s->sec_dead[i], "failing_links",
                  (json_int_t)s->sec_failing[i]));
    free(path);
  }
  free(ent);
  free(desc);
  free(acc);
  return arr;
}

/* One list's part of the summary. */
static json_t *list_json(const struct run *r, size_t k, struct ll_map *slugs,
                         const struct audit_repo *repo) {
  const struct kept *f = &r->kv[k];
  const struct audit_repo rp = *repo;
  char *slug = slug_of(f->path, slugs);
  char *page = ll_strfmt("lists/%s.html", slug);
  char *line_url = line_url_of(&rp, slug);
  size_t ns = f->model->nsections + 1;
  struct list_sum s = {r,    f,    f->model, line_url, NULL,
                       NULL, NULL, NULL,     {0},      0};
  s.sec_findings = ll_xcalloc(ns, sizeof(size_t));
  s.sec_links = ll_xcalloc(ns, sizeof(size_t));
  s.sec_dead = ll_xcalloc(ns, sizeof(size_t));
  s.sec_failing = ll_xcalloc(ns, sizeof(size_t));
  json_t *by_rule;
  json_t *findings = findings_json(&s, &by_rule);
  sort_array(by_rule, cmp_rule_counts);
  json_t *links = links_json(&s);
  size_t desc = 0, acc = 0;
  for (size_t i = 0; i < f->model->nentries; i++) {
    desc +=
        f->model->entries[i]->description && *f->model->entries[i]->description;
    acc += f->model->entries[i]->access && *f->model->entries[i]->access;
  }
  json_t *o = json_pack(
      "{s:o, s:s, s:s, s:o, s:o, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:o, "
      "s:o}",
      "file", ll_json_str(f->display), "slug", slug, "page", page, "repository",
      repo_json(&rp), "line_url", ll_json_str(line_url), "entries",
      (json_int_t)f->model->nentries, "with_description", (json_int_t)desc,
      "with_access", (json_int_t)acc, "fixable", (json_int_t)s.fixable,
      "by_severity", severity_counts(s.by_sev), "by_rule", by_rule, "sections",
      sections_json(&s), "findings", findings, "links", links);
  free(s.sec_findings);
  free(s.sec_links);
  free(s.sec_dead);
  free(s.sec_failing);
  free(slug);
  free(page);
  free(line_url);
  return o;
}

/* ---- duplicates -------------------------------------------------------- */

/* One place a resource is listed. */
struct place {
  size_t list, entry;
  const struct ll_link *link;
  int line, flagged; /* duplicate-link reported at this line */
};

struct group {
  struct place *v;
  size_t n, cap;
  size_t lists, last; /* the lists it is a main link in; the last + 1 */
};

/* The lines of list k at which duplicate-link reported a finding, as a
 * flag per line (caller frees): asked once per link. */
static unsigned char *flagged_lines(const struct run *r, size_t k) {
  const struct ll_diags *d = &r->ctx->diags;
  size_t n = r->kv[k].src->nlines + 2;
  unsigned char *v = ll_xcalloc(n, 1);
  for (size_t i = r->kv[k].from; i < r->kv[k].to; i++)
    if (d->v[i].rule == LL_R_DUPLICATE_LINK && !d->v[i].custom_id &&
        d->v[i].line > 0 && (size_t)d->v[i].line < n)
      v[d->v[i].line] = 1;
  return v;
}

static void group_add(struct group *g, const struct place *p) {
  if (g->n == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 4;
    g->v = ll_xrealloc(g->v, g->cap * sizeof *g->v);
  }
  g->v[g->n++] = *p;
}

static json_t *group_json(const struct run *r, const struct group *g,
                          const char *url, char **line_urls) {
  json_t *places = json_array();
  for (size_t i = 0; i < g->n; i++) {
    const struct place *p = &g->v[i];
    const struct kept *f = &r->kv[p->list];
    const struct ll_entry *e = f->model->entries[p->entry];
    char *h = href(line_urls[p->list], p->line);
    json_array_append_new(
        places, json_pack("{s:o, s:i, s:o, s:o, s:o}", "file",
                          ll_json_str(f->display), "line", p->line, "section",
                          ll_json_str(section_title(f->model, e->section)),
                          "name", e->name ? ll_json_str(e->name) : json_null(),
                          "href", ll_json_str(h)));
    free(h);
  }
  return json_pack("{s:o, s:s, s:o}", "key", ll_json_str(url), "kind", "url",
                   "places", places);
}

/* Entry links of the same resource (ll_url_key) listed more than once:
 * where duplicate-link reported one within a list (it knows which
 * repeats a list means), or as an entry's main link in two lists of one
 * repository. */
static json_t *duplicates_json(const struct run *r, json_t *lists,
                               const struct audit_repo *repos) {
  struct ll_map by_key = {0};
  struct group **gv = NULL;
  char **line_urls = ll_xcalloc(r->nk + 1, sizeof *line_urls);
  char **homes = ll_xcalloc(r->nk + 1, sizeof *homes);
  size_t ng = 0;
  struct ll_buf kb;
  ll_buf_init(&kb, 0);
  for (size_t k = 0; k < r->nk; k++) {
    json_t *l = json_array_get(lists, k);
    line_urls[k] =
        ll_xstrdup(json_string_value(json_object_get(l, "line_url")));
    /* across lists within one repository; a list outside any is alone */
    homes[k] = ll_xstrdup(repos[k].root ? repos[k].root : r->kv[k].path);
    const struct ll_model *m = r->kv[k].model;
    unsigned char *flagged = flagged_lines(r, k);
    for (size_t i = 0; i < m->nentries; i++) {
      const struct ll_entry *e = m->entries[i];
      for (size_t j = 0; j < e->nlinks; j++) {
        const struct ll_link *ln = e->links[j];
        if (ln->flags & (LL_LINK_SHARED | LL_LINK_NAV | LL_LINK_IMAGE) ||
            ll_url_key_in(&kb, &ln->parsed) < 0)
          continue;
        ll_buf_printf(&kb, "\n%s", homes[k]);
        struct group *g = (struct group *)(size_t)ll_map_get(&by_key, kb.data);
        if (!g) {
          g = ll_xcalloc(1, sizeof *g);
          if ((ng & (ng - 1)) == 0) /* 0, 1, 2, 4, ...: room doubles */
            gv = ll_xrealloc(gv, (ng ? ng * 2 : 1) * sizeof *gv);
          gv[ng++] = g;
          ll_map_put(&by_key, kb.data, g);
        }
        struct place p = {k, i, ln, 0, 0};
        int col;
        ll_source_linecol(r->kv[k].src, ln->url_span.start, &p.line, &col);
        p.flagged = flagged[p.line];
        if (j == 0 && g->last != k + 1) { /* a main link in one more list */
          g->lists++;
          g->last = k + 1;
        }
        group_add(g, &p);
      }
    }
    free(flagged);
  }
  json_t *arr = json_array();
  for (size_t i = 0; i < ng; i++) {
    struct group *g = gv[i];
    int flagged = 0;
    for (size_t q = 0; q < g->n; q++)
      flagged |= g->v[q].flagged;
    if (g->n > 1 && (flagged || g->lists > 1))
      json_array_append_new(arr,
                            group_json(r, g, g->v[0].link->url, line_urls));
    free(g->v);
    free(g);
  }
  for (size_t k = 0; k < r->nk; k++) {
    free(line_urls[k]);
    free(homes[k]);
  }
  free(line_urls);
  free(homes);
  free(gv);
  ll_buf_free(&kb);
  ll_map_free(&by_key);
  return arr;
}

/* ---- changes since the previous audit ---------------------------------- */

static const json_t *old_list(const json_t *previous, const char *file) {
  size_t i;
  json_t *l;
  json_array_foreach(json_object_get(previous, "lists"), i, l) {
    const char *f = json_string_value(json_object_get(l, "file"));
    if (f && strcmp(f, file) == 0)
      return l;
  }
  return NULL;
}

/* Each fingerprint of a list's findings, with how many times it comes. */
static void count_fps(const json_t *findings, struct ll_map *fps) {
  size_t i;
  json_t *g;
  json_array_foreach(findings, i, g) {
    const char *fp = json_string_value(json_object_get(g, "fingerprint"));
    if (fp)
      ll_map_put(fps, fp, (const void *)((size_t)ll_map_get(fps, fp) + 1));
  }
}

/* The findings of a not matched by one of b's (fingerprints used up). */
static void unmatched(const char *file, const json_t *a, const json_t *b,
                      json_t *out, int with_href) {
  struct ll_map fps = {0};
  count_fps(b, &fps);
  size_t i;
  json_t *g;
  json_array_foreach(a, i, g) {
    const char *fp = json_string_value(json_object_get(g, "fingerprint"));
    size_t n = fp ? (size_t)ll_map_get(&fps, fp) : 0;
    if (n) {
      ll_map_put(&fps, fp, (const void *)(n - 1));
      continue;
    }
    json_t *o = json_pack("{s:o, s:O, s:O, s:O}", "file", ll_json_str(file),
                          "rule", json_object_get(g, "rule"), "line",
                          json_object_get(g, "line"), "message",
                          json_object_get(g, "message"));
    if (with_href)
      json_object_set(o, "href", json_object_get(g, "href"));
    json_array_append_new(out, o);
  }
  ll_map_free(&fps);
}

static int alive_name(const char *v) {
  return v && (strcmp(v, "alive") == 0 || strcmp(v, "redirected") == 0);
}
static int gone_name(const char *v) {
  return v && (strcmp(v, "dead") == 0 || strcmp(v, "error") == 0 ||
               strcmp(v, "timeout") == 0);
}

/* Links whose verdict went from alive to gone (died) or back. */
static void link_changes(const char *file, const json_t *now,
                         const json_t *before, json_t *died, json_t *revived) {
  struct ll_map old = {0};
  size_t i;
  json_t *u;
  json_array_foreach(json_object_get(before, "urls"), i, u) {
    const char *url = json_string_value(json_object_get(u, "url"));
    const char *v = json_string_value(json_object_get(u, "verdict"));
    if (url && v)
      ll_map_put(&old, url, v);
  }
  json_array_foreach(json_object_get(now, "urls"), i, u) {
    const char *url = json_string_value(json_object_get(u, "url"));
    const char *v = json_string_value(json_object_get(u, "verdict"));
    const char *was = url ? ll_map_get(&old, url) : NULL;
    json_t *to = alive_name(was) && gone_name(v)   ? died
                 : gone_name(was) && alive_name(v) ? revived
                                                   : NULL;
    if (to)
      json_array_append_new(to, json_pack("{s:o, s:o, s:s, s:O}", "file",
                                          ll_json_str(file), "url",
                                          ll_json_str(url), "verdict", v,
                                          "line", json_object_get(u, "line")));
  }
  ll_map_free(&old);
}

json_t *audit_changes(const json_t *previous, const json_t *lists) {
  json_t *nf = json_array(), *ff = json_array();
  json_t *died = json_array(), *revived = json_array();
  size_t i;
  json_t *l;
  json_array_foreach(lists, i, l) {
    const char *file = json_string_value(json_object_get(l, "file"));
    if (!file) /* not a list of ours */
      continue;
    const json_t *was = old_list(previous, file);
    const json_t *now_f = json_object_get(l, "findings");
    const json_t *was_f = was ? json_object_get(was, "findings") : NULL;
    unmatched(file, now_f, was_f, nf, 1);
    if (was) {
      unmatched(file, was_f, now_f, ff, 0);
      link_changes(file, json_object_get(l, "links"),
                   json_object_get(was, "links"), died, revived);
    }
  }
  json_t *since = json_object_get(previous, "generated");
  return json_pack("{s:O, s:o, s:o, s:o, s:o}", "since",
                   since ? since : json_null(), "new_findings", nf,
                   "fixed_findings", ff, "links_died", died, "links_revived",
                   revived);
}

/* ---- the summary -------------------------------------------------------- */

static json_t *totals_json(const json_t *lists) {
  json_int_t entries = 0, findings = 0, fixable = 0, sev[3] = {0};
  static const char *const sevs[] = {"info", "warning", "error"};
  size_t i;
  json_t *l;
  json_array_foreach(lists, i, l) {
    entries += json_integer_value(json_object_get(l, "entries"));
    findings += (json_int_t)json_array_size(json_object_get(l, "findings"));
    fixable += json_integer_value(json_object_get(l, "fixable"));
    for (int s = 0; s < 3; s++)
      sev[s] += json_integer_value(
          json_object_get(json_object_get(l, "by_severity"), sevs[s]));
  }
  return json_pack("{s:I, s:I, s:I, s:I, s:{s:I, s:I, s:I}}", "lists",
                   (json_int_t)json_array_size(lists), "entries", entries,
                   "findings", findings, "fixable", fixable, "by_severity",
                   "error", sev[2], "warning", sev[1], "info", sev[0]);
}

json_t *audit_summary(struct run *r, const json_t *previous) {
  struct ll_map slugs = {0};
  struct audit_folders folders = {0};
  struct audit_repo *repos = ll_xcalloc(r->nk + 1, sizeof *repos);
  json_t *lists = json_array();
  for (size_t k = 0; k < r->nk; k++) {
    audit_repo_of(&folders, r->kv[k].path, &repos[k]);
    json_array_append_new(lists, list_json(r, k, &slugs, &repos[k]));
  }
  ll_map_free(&slugs);
  audit_folders_free(&folders);
  char when[32];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  int known = r->verdicts && r->verdicts->n > 0;
  json_t *o =
      json_pack("{s:s, s:i, s:s, s:s, s:b, s:o}", "format", "listlint-audit",
                "version", 1, "tool", "listlint " LL_VERSION, "generated", when,
                "links_known", known, "totals", totals_json(lists));
  json_object_set_new(o, "lists", lists);
  json_object_set_new(o, "duplicates", duplicates_json(r, lists, repos));
  for (size_t k = 0; k < r->nk; k++)
    audit_repo_clear(&repos[k]);
  free(repos);
  json_object_set_new(o, "changes",
                      previous ? audit_changes(previous, lists) : json_null());
  return o;
}

json_t *audit_previous(const char *since, const char *dir, struct run *r) {
  char *path = since ? ll_xstrdup(since) : ll_strfmt("%s/audit.json", dir);
  if (!since && access(path, F_OK) != 0) {
    free(path);
    return NULL;
  }
  json_error_t e;
  json_t *j = json_load_file(path, 0, &e);
  const char *fmt = json_string_value(json_object_get(j, "format"));
  if (!j || !fmt || strcmp(fmt, "listlint-audit") != 0 ||
      json_integer_value(json_object_get(j, "version")) != 1) {
    ll_say("listlint: %s: %s\n", path,
           !j ? e.text : "not a listlint audit summary (version 1)");
    json_decref(j);
    j = NULL;
    run_status(r, LL_EXIT_USAGE);
  }
  free(path);
  return j;
}

int audit_write_json(const json_t *summary, const char *dir, char **err) {
  char *text = json_dumps(summary, JSON_INDENT(1));
  if (!text) {
    *err = ll_strfmt("%s/audit.json: the summary cannot be encoded", dir);
    return -1;
  }
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_adds(&b, text);
  ll_buf_addc(&b, '\n');
  free(text);
  int rc = ll_audit_write_file(dir, "audit.json", &b, err);
  ll_buf_free(&b);
  return rc;
}
