/* duplicate-link: the same resource listed twice, compared by normalised
 * URL (see ll_url_key).  Only entry links count: a link inside a
 * description may well point at something listed elsewhere. */
#include <stdint.h>
#include <stdlib.h>

#include "../pattern.h"
#include "common.h"

/* A list cross-lists when at least this many repeats, and this share of
 * its entries with links, are in another section than the first. */
#define CROSS_MIN 5
#define CROSS_PCT 3

/* A page that entries of this many names link to is a shared
 * one (a provider's catalogue of data sets, one repository for a family
 * of models, a folder of books): each entry is listed once, at the only
 * URL there is.  Two entries that share a URL are a copy-paste slip far
 * more often. */
#define SHARED_MIN 3

/* n in decimal, appended to b (no printf per link). */
static void place_of(struct ll_buf *b, size_t n) {
  char d[24];
  size_t k = 0;
  do
    d[k++] = (char)('0' + n % 10);
  while ((n /= 10) && k < sizeof d);
  while (k)
    ll_buf_addc(b, d[--k]);
}

static int same_str(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* An entry copied whole into another section is listed there on purpose
 * (a paper under each of its topics); a repeat added by someone else
 * names or describes the resource in other words. */
static int same_entry(const struct ll_entry *a, const struct ll_entry *b) {
  return a && b && a->name && same_str(a->name, b->name) &&
         same_str(a->description, b->description);
}

static int matches(struct ll_pattern *p, const char *s) {
  size_t a, b;
  return p && ll_pattern_find(p, s, strlen(s), 0, &a, &b) == 1;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *o = ll_option(ctx, "allow");
  const char *os = ll_option(ctx, "allow-sections");
  const char *oa = ll_option(ctx, "across-sections");
  int within = oa && strcmp(oa, "false") == 0;
  const char *osp = ll_option(ctx, "shared-pages");
  int shared_pages = !(osp && strcmp(osp, "false") == 0);
  /* compiled once per run (the configuration checked them when read) */
  struct ll_pattern *allow = o ? ll_ctx_pattern(ctx, o, 1) : NULL;
  struct ll_pattern *allow_sec = os ? ll_ctx_pattern(ctx, os, 1) : NULL;
  struct ll_map seen = {0}, seen_here = {0};
  ll_map_reserve(&seen, m->nlinks);
  struct ll_buf kb;
  ll_buf_init(&kb, 0);
  struct ll_map uses = {0}, names = {0}; /* names per key */
  struct dup {
    const struct ll_link *l, *first, *here;
    char *key;
  } *dups = ll_xmalloc((m->nlinks + 1) * sizeof *dups);
  size_t ndups = 0, across = 0, linked = 0;
  for (size_t i = 0; i < m->nentries; i++)
    linked += m->entries[i]->nlinks > 0;
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (!(l->flags & LL_LINK_ENTRY))
      continue;
    /* A labelled link besides the primary one (a paper's "Code", a
     * dataset's "Paper:") says what the entry offers, not which resource
     * it lists: the same repository may be an entry of its own, two data
     * sets may come from one paper.  A resource listed twice repeats its
     * primary link. */
    if (l->label && !(l->flags & LL_LINK_PRIMARY))
      continue;
    if (l->entry && (l->entry->flags & LL_ENTRY_MIRROR))
      continue; /* a table row that repeats an entry: mirror-mismatch's */
    if (allow && matches(allow, l->url))
      continue;
    if (allow_sec && l->entry) {
      char *path = ll_section_path(m, l->entry->section);
      int skip = matches(allow_sec, path);
      free(path);
      if (skip)
        continue;
    }
    if (ll_url_key_in(&kb, &l->parsed) < 0)
      continue;
    if (l->entry && l->entry->name) {
      /* the names a key is linked by, each counted once */
      size_t keylen = kb.len;
      ll_buf_addc(&kb, '\x1f');
      ll_buf_adds(&kb, l->entry->name);
      int fresh = !ll_map_add(&names, kb.data, l);
      kb.len = keylen;
      kb.data[keylen] = '\0';
      if (fresh) {
        uintptr_t nuses = (uintptr_t)ll_map_get(&uses, kb.data);
        ll_map_put(&uses, kb.data, (const void *)(nuses + 1));
      }
    }
    const struct ll_link *first = within ? NULL : ll_map_add(&seen, kb.data, l);
    /* the same resource earlier in the same section, if any */
    const struct ll_link *here = NULL;
    if (l->entry) {
      /* the key with its place (section, topic) after it: appended, so
       * that the key needs no copy */
      size_t keylen = kb.len;
      ll_buf_addc(&kb, '\x1f');
      place_of(&kb, l->entry->section);
      ll_buf_addc(&kb, '.');
      place_of(&kb, l->entry->topic);
      here = ll_map_add(&seen_here, kb.data, l);
      kb.len = keylen;
      kb.data[keylen] = '\0';
    }
    if (within)
      first = here;
    if (first && first->entry != l->entry) {
      dups[ndups].l = l;
      dups[ndups].first = first;
      dups[ndups].here = here && here->entry != l->entry ? here : NULL;
      dups[ndups].key = ll_xstrdup(kb.data);
      ndups++;
      if (!dups[ndups - 1].here)
        across++;
    }
  }
  /* Lists grouped by topic may list a resource under each topic it has
   * (generated lists, paper lists): when the list does so habitually,
   * a repeat in another section is its convention, not a mistake; a
   * repeat within one section always is. */
  int cross_listing =
      !oa && across >= CROSS_MIN && across * 100 >= linked * CROSS_PCT;
  for (size_t i = 0; i < ndups; i++) {
    const struct ll_link *l = dups[i].l, *first = dups[i].first;
    uintptr_t n = (uintptr_t)ll_map_get(&uses, dups[i].key);
    free(dups[i].key);
    if (shared_pages && n >= SHARED_MIN && l->entry && first->entry &&
        l->entry->name && first->entry->name &&
        strcmp(l->entry->name, first->entry->name))
      continue; /* a shared page, its entries named apart */
    if (cross_listing) {
      if (!dups[i].here)
        continue;
      first = dups[i].here;
    } else if (!dups[i].here && !oa && same_entry(l->entry, first->entry)) {
      continue; /* the same entry, word for word, under another topic */
    }
    int line, col;
    ll_source_linecol(ctx->src, first->span.start, &line, &col);
    ll_report(ctx, l->url_span, "duplicate link '%s' (first listed at line %d)",
              l->url, line);
  }
  ll_map_free(&seen_here);
  ll_map_free(&uses);
  ll_map_free(&names);
  free(dups);
  ll_map_free(&seen);
  ll_buf_free(&kb);
}

const struct ll_rule_ops ll_rule_DUPLICATE_LINK = {.on_finish = finish};
