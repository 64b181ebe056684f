/* duplicate-name: one name listed twice in the same section (with
 * different links: the same link twice is duplicate-link's finding). */
#include <stdlib.h>

#include "common.h"
#include "unicode.h"

/* The site of an entry: host without www., plus the owner on hosts
 * where many projects live (github.com/OWNER).  Two entries of one name
 * on different sites are different things that happen to share a name. */
static char *site(const struct ll_entry *e) {
  const struct ll_link *l = ll_primary(e);
  if (!l)
    return NULL;
  const struct ll_url *u = &l->parsed;
  char *r = NULL;
  if (u->host) {
    static const char *const hubs[] = {"github.com",      "gitlab.com",
                                       "bitbucket.org",   "codeberg.org",
                                       "sourceforge.net", NULL};
    const char *h = strncmp(u->host, "www.", 4) == 0 ? u->host + 4 : u->host;
    struct ll_buf b;
    ll_buf_init(&b, 0);
    ll_buf_adds(&b, h);
    for (int i = 0; hubs[i]; i++) {
      if (strcmp(h, hubs[i]) == 0 && u->path) {
        const char *p = u->path + (u->path[0] == '/');
        ll_buf_addc(&b, '/');
        for (; *p && *p != '/'; p++)
          ll_buf_addc(&b, (char)ll_tolower((unsigned char)*p));
      }
    }
    r = ll_buf_detach(&b);
  }
  return r;
}

/* Same name, same site, different URL: one resource listed twice.  (The
 * same URL twice is duplicate-link's finding.) */
static int same_site(const struct ll_entry *a, const struct ll_entry *b) {
  char *sa = site(a), *sb = site(b);
  int same = sa && sb && strcmp(sa, sb) == 0;
  char *ka = ll_url_key_of(&ll_primary(a)->parsed);
  char *kb = ll_url_key_of(&ll_primary(b)->parsed);
  if (same && ka && kb && strcmp(ka, kb) == 0)
    same = 0;
  free(sa);
  free(sb);
  free(ka);
  free(kb);
  return same;
}

/* The digits of s, in order, into d (at most n - 1 of them). */
static void digits(const char *s, char *d, size_t n) {
  size_t k = 0;
  for (; s && *s && k + 1 < n; s++)
    if (ll_isdigit((unsigned char)*s))
      d[k++] = *s;
  d[k] = '\0';
}

/* Two entries of one name that are different works: named by a label
 * ("Link", "more details": the name says nothing), a table's rows
 * described apart (the courses of one provider), names written apart,
 * described apart and numbered apart ("LLM-BRAIn" at arxiv.org/abs/2305.
 * 19352, "LLM-Brain" at arxiv.org/abs/2304.09349: two papers; one work
 * added twice is spelt the same, or found at the same number), or
 * editions, whose descriptions differ in their numbers ("(PDF) (1.5)",
 * "(PDF) (1.7)"). */
static int other_work(const struct ll_entry *a, const struct ll_entry *b) {
  if ((a->flags | b->flags) & LL_ENTRY_LABEL_NAME)
    return 1;
  if (!a->description || !b->description ||
      strcmp(a->description, b->description) == 0)
    return 0;
  /* a table's rows of one name, described apart: one provider's offers */
  if (a->flags & b->flags & LL_ENTRY_ROW)
    return 1;
  char da[32], db[32];
  if (strcmp(a->name, b->name) != 0) {
    digits(ll_primary(a)->url, da, sizeof da);
    digits(ll_primary(b)->url, db, sizeof db);
    if (strcmp(da, db) != 0)
      return 1;
  }
  digits(a->description, da, sizeof da);
  digits(b->description, db, sizeof db);
  return strcmp(da, db) != 0; /* another edition, another version */
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  struct ll_map seen = {0};
  ll_map_reserve(&seen, m->nentries);
  struct ll_buf key;
  ll_buf_init(&key, 0);
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!e->name || !e->nlinks || (e->flags & LL_ENTRY_PROSE))
      continue;
    key.len = 0;
    /* the section number, then the folded name */
    for (size_t sec = e->section + 1; sec; sec /= 10)
      ll_buf_addc(&key, (char)('0' + sec % 10));
    ll_buf_addc(&key, '\x1f');
    /* case folded and NFKC-normalised: Ååå and ååå, Å written as A with
     * a combining ring, a full-width Ａ: one name */
    ll_u8_fold(&key, e->name, strlen(e->name), LL_U8_FOLD_CASE);
    const struct ll_entry *first = ll_map_add(&seen, key.data, e);
    if (first && same_site(first, e) && !other_work(first, e))
      ll_report(ctx, ll_name_or_entry(e),
                "'%s' is listed twice in this section, with another URL on the "
                "same site (first at line %d)",
                e->name, first->line);
  }
  ll_buf_free(&key);
  ll_map_free(&seen);
}

const struct ll_rule_ops ll_rule_DUPLICATE_NAME = {.on_finish = finish};
