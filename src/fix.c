/* fix.c - byte-range edits on the original buffer; atomic write; diff. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"

/* ---- applying edits ------------------------------------------------ */

struct edit {
  size_t start, end;
  const char *text;
  size_t len;
  int rule;
  size_t idx; /* the finding's index in d */
};

static int cmp_edit(const void *pa, const void *pb) {
  const struct edit *a = pa, *b = pb;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->rule != b->rule)
    return a->rule < b->rule ? -1 : 1;
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->text, b->text, n);
  if (c)
    return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

size_t ll_fix_apply(const char *data, size_t len, const struct ll_diags *d,
                    size_t from, size_t to, struct ll_buf *out,
                    size_t *waiting) {
  return ll_fix_apply_marked(data, len, d, from, to, out, waiting, NULL);
}

size_t ll_fix_apply_marked(const char *data, size_t len,
                           const struct ll_diags *d, size_t from, size_t to,
                           struct ll_buf *out, size_t *waiting, char *mark) {
  size_t n = 0, wait = 0;
  struct edit *v = NULL;
  if (mark && to > from)
    memset(mark, 0, to - from);
  for (size_t i = from; i < to; i++)
    n += d->v[i].has_fix != 0;
  if (n)
    v = ll_xmalloc(n * sizeof *v);
  n = 0;
  for (size_t i = from; i < to; i++) {
    const struct ll_diag *g = &d->v[i];
    if (!g->has_fix || g->fix_span.end > len ||
        g->fix_span.start > g->fix_span.end)
      continue;
    v[n].start = g->fix_span.start;
    v[n].end = g->fix_span.end;
    v[n].text = g->fix_text;
    v[n].len = g->fix_len;
    v[n].idx = i;
    v[n++].rule = (int)g->rule;
  }
  if (n)
    qsort(v, n, sizeof *v, cmp_edit);
  /* The edits taken are disjoint and sorted: one against the last one
   * taken is enough.  Building the result front to back from disjoint
   * edits gives what applying them back to front to the original gives. */
  size_t taken = 0, at = 0;
  const struct edit *last = NULL;
  out->len = 0;
  for (size_t i = 0; i < n; i++) {
    const struct edit *e = &v[i];
    if (last && e->start == last->start && e->end == last->end &&
        e->len == last->len && memcmp(e->text, last->text, e->len) == 0) {
      if (mark)
        mark[e->idx - from] = 1;
      continue; /* two rules asking for the same edit */
    }
    if (last && (e->start < last->end || e->start == last->start)) {
      wait++;
      continue;
    }
    if (ll_buf_add(out, data + at, e->start - at) < 0 ||
        ll_buf_add(out, e->text, e->len) < 0)
      ll_oom();
    at = e->end;
    last = e;
    taken++;
    if (mark)
      mark[e->idx - from] = 1;
  }
  if (ll_buf_add(out, data + at, len - at) < 0)
    ll_oom();
  if (!out->data)
    ll_buf_add(out, "", 0);
  free(v);
  if (waiting)
    *waiting = wait;
  return taken;
}

static int fix_passes(void) {
  const char *tp = getenv("LL_TEST_FIX_PASSES"); /* test-only: see fix.h */
  if (tp && atoi(tp) > 0 && atoi(tp) < LL_FIX_PASSES)
    return atoi(tp);
  return LL_FIX_PASSES;
}

int ll_fix_lint(struct ll_ctx *ctx, struct ll_source **srcp,
                struct ll_model **model_out, size_t *nfixed, char **err) {
  struct ll_source *orig = *srcp, *cur = orig;
  struct ll_buf next;
  ll_buf_init(&next, 0);
  size_t from = ctx->diags.n;
  int passes = fix_passes(), rc = 0;
  *nfixed = 0;
  for (int pass = 0;; pass++) {
    struct ll_model *m = NULL;
    if (ll_lint(ctx, cur, model_out ? &m : NULL, err) < 0) {
      rc = -1;
      break;
    }
    /* the last pass's findings stay: those of the text as it ends */
    size_t taken = 0;
    if (pass < passes)
      taken = ll_fix_apply(cur->data, cur->len, &ctx->diags, from, ctx->diags.n,
                           &next, NULL);
    if (!taken ||
        (next.len == cur->len && memcmp(next.data, cur->data, cur->len) == 0)) {
      if (model_out)
        *model_out = m;
      break;
    }
    *nfixed += taken;
    ll_model_free(m);
    ctx->diags.n = from; /* their messages stay in the arena till the end */
    struct ll_source *s = ll_source_from_mem(orig->name, next.data, next.len);
    if (cur != orig)
      ll_source_free(cur);
    cur = s;
  }
  ll_buf_free(&next);
  if (rc < 0 && cur != orig) {
    ll_source_free(cur);
    cur = orig;
  }
  *srcp = cur;
  return rc;
}

int ll_fix_source(const struct ll_ctx *proto, const struct ll_source *src,
                  struct ll_buf *out, size_t *nfixed, char **err) {
  struct ll_ctx *ctx = ll_ctx_new();
  memcpy(ctx->severity, proto->severity, sizeof ctx->severity);
  ctx->cfg = proto->cfg;
  struct ll_source *orig = ll_source_from_mem(src->name, src->data, src->len);
  struct ll_source *cur = orig;
  int rc = ll_fix_lint(ctx, &cur, NULL, nfixed, err);
  ll_buf_free(out);
  ll_buf_init(out, 0);
  ll_buf_add(out, cur->data, cur->len);
  if (cur != orig)
    ll_source_free(cur);
  ll_source_free(orig);
  ll_ctx_free(ctx);
  return rc;
}

/* ---- the atomic write ---------------------------------------------- */

/* Does the file at path hold exactly the n bytes of want? */
static int holds(const char *path, const char *want, size_t n) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  char buf[65536];
  size_t at = 0;
  int same = 1;
  for (;;) {
    ssize_t r = read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0) {
      same = r == 0 && at == n;
      break;
    }
    if ((size_t)r > n - at || memcmp(buf, want + at, (size_t)r) != 0) {
      same = 0;
      break;
    }
    at += (size_t)r;
  }
  close(fd);
  return same;
}

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

enum ll_fix_write_status ll_fix_write(const char *path, const char *orig,
                                      size_t olen, const char *data, size_t len,
                                      char **err) {
  char *real = realpath(path, NULL);
  if (!real) {
    *err = ll_strfmt("%s: %s", path, strerror(errno));
    return LL_FW_ERROR;
  }
  struct stat st;
  if (stat(real, &st) < 0 || !S_ISREG(st.st_mode)) {
    *err = ll_strfmt("%s: not a regular file", path);
    free(real);
    return LL_FW_ERROR;
  }
  if (access(real, W_OK) != 0) {
    free(real);
    return LL_FW_READONLY;
  }
  if (!holds(real, orig, olen)) {
    free(real);
    return LL_FW_CHANGED;
  }
  const char *slash = strrchr(real, '/');
  size_t dlen = slash ? (size_t)(slash - real) : 0;
  char *dir = dlen ? ll_xstrndup(real, dlen) : ll_xstrdup("/");
  char *tmp =
      ll_strfmt("%s/.%s.listlint-XXXXXX", dir, slash ? slash + 1 : real);
  enum ll_fix_write_status st_out = LL_FW_ERROR;
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd < 0) {
    *err = ll_strfmt("%s: cannot create a temporary file beside it: %s", path,
                     strerror(errno));
    goto done;
  }
  /* the file's mode (and owner, where allowed) */
  if (fchmod(fd, st.st_mode & 07777) < 0) {
    *err = ll_strfmt("%s: %s", tmp, strerror(errno));
    close(fd);
    unlink(tmp);
    goto done;
  }
  if (fchown(fd, st.st_uid, st.st_gid) < 0) {
    /* not ours to give away: the file stays the writer's */
  }
  if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
    *err = ll_strfmt("%s: cannot write: %s", tmp, strerror(errno));
    close(fd);
    unlink(tmp);
    goto done;
  }
  if (close(fd) < 0) {
    *err = ll_strfmt("%s: cannot write: %s", tmp, strerror(errno));
    unlink(tmp);
    goto done;
  }
  if (getenv("LL_TEST_KILL_BEFORE_RENAME"))
    raise(SIGKILL); /* test-only: see fix.h */
  /* the last look: changed while the fix was written, it stays */
  if (!holds(real, orig, olen)) {
    unlink(tmp);
    st_out = LL_FW_CHANGED;
    goto done;
  }
  if (rename(tmp, real) < 0) {
    *err = ll_strfmt("%s: cannot replace: %s", path, strerror(errno));
    unlink(tmp);
    goto done;
  }
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd); /* the rename itself on disk */
    close(dfd);
  }
  st_out = LL_FW_OK;
done:
  free(tmp);
  free(dir);
  free(real);
  return st_out;
}

/* ---- the unified diff ---------------------------------------------- */

struct lines {
  const char *base;
  size_t n;
  size_t *off; /* n + 1 offsets: line i is [off[i], off[i+1]) */
  uint64_t *hash;
};

static void split(struct lines *l, const char *p, size_t len) {
  size_t cap = 64;
  l->base = p;
  l->n = 0;
  l->off = ll_xmalloc(cap * sizeof *l->off);
  l->off[0] = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(p + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - p) + 1 : len;
    if (l->n + 2 > cap) {
      cap *= 2;
      l->off = ll_xrealloc(l->off, cap * sizeof *l->off);
    }
    l->off[++l->n] = e;
    i = e;
  }
  l->hash = ll_xmalloc((l->n + 1) * sizeof *l->hash);
  for (size_t i = 0; i < l->n; i++) {
    uint64_t h = 14695981039346656037ULL;
    for (size_t k = l->off[i]; k < l->off[i + 1]; k++)
      h = (h ^ (unsigned char)p[k]) * 1099511628211ULL;
    l->hash[i] = h;
  }
}

static int same_line(const struct lines *a, size_t i, const struct lines *b,
                     size_t j) {
  size_t la = a->off[i + 1] - a->off[i], lb = b->off[j + 1] - b->off[j];
  return a->hash[i] == b->hash[j] && la == lb &&
         memcmp(a->base + a->off[i], b->base + b->off[j], la) == 0;
}

/* One line of the script: ' ' both, '-' a only, '+' b only. */
struct op {
  char kind;
  size_t a, b; /* line indexes (a for ' ' and '-', b for ' ' and '+') */
};

struct ops {
  struct op *v;
  size_t n, cap;
};

static void push_op(struct ops *o, char kind, size_t a, size_t b) {
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 256;
    o->v = ll_xrealloc(o->v, o->cap * sizeof *o->v);
  }
  o->v[o->n].kind = kind;
  o->v[o->n].a = a;
  o->v[o->n++].b = b;
}

/* Myers' O(ND) shortest edit script between a[a0, a1) and b[b0, b1),
 * appended to o in order.  The rounds' frontiers are kept (D^2 / 2
 * numbers) to walk back. */
static void myers(const struct lines *a, size_t a0, size_t a1,
                  const struct lines *b, size_t b0, size_t b1, struct ops *o) {
  long N = (long)(a1 - a0), M = (long)(b1 - b0), max = N + M;
  long *v = ll_xcalloc((size_t)(2 * max + 3), sizeof *v);
  long off = max + 1;
  long **trace = ll_xcalloc((size_t)max + 2, sizeof *trace);
  long D = 0;
  for (long d = 0; d <= max; d++) {
    /* the frontier before round d: k in [-d-1, d+1] */
    trace[d] = ll_xmalloc((size_t)(2 * d + 3) * sizeof **trace);
    memcpy(trace[d], v + off - d - 1, (size_t)(2 * d + 3) * sizeof *v);
    int done = 0;
    for (long k = -d; k <= d; k += 2) {
      long x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1])
                   ? v[off + k + 1]
                   : v[off + k - 1] + 1;
      long y = x - k;
      while (x < N && y < M &&
             same_line(a, a0 + (size_t)x, b, b0 + (size_t)y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= N && y >= M) {
        done = 1;
        break;
      }
    }
    if (done) {
      D = d;
      break;
    }
  }
  /* walk back, collecting the script in reverse */
  struct ops rev = {0};
  long x = N, y = M;
  for (long d = D; d >= 0; d--) {
    const long *t = trace[d]; /* t[k + d + 1] is the frontier at k */
    long k = x - y, pk;
#define T(kk) t[(kk) + d + 1]
    if (d == 0)
      pk = k; /* the snake from the origin */
    else if (k == -d || (k != d && T(k - 1) < T(k + 1)))
      pk = k + 1;
    else
      pk = k - 1;
    long px = d == 0 ? 0 : T(pk), py = px - pk;
#undef T
    while (x > px && y > py) {
      x--;
      y--;
      push_op(&rev, ' ', a0 + (size_t)x, b0 + (size_t)y);
    }
    if (d > 0) {
      if (x == px)
        push_op(&rev, '+', a0 + (size_t)px, b0 + (size_t)py);
      else
        push_op(&rev, '-', a0 + (size_t)px, b0 + (size_t)py);
    }
    x = px;
    y = py;
  }
  for (size_t i = rev.n; i-- > 0;)
    push_op(o, rev.v[i].kind, rev.v[i].a, rev.v[i].b);
  free(rev.v);
  for (long d = 0; d <= D; d++)
    free(trace[d]);
  free(trace);
  free(v);
}

static void put_line(FILE *fp, char mark, const struct lines *l, size_t i) {
  size_t s = l->off[i], e = l->off[i + 1];
  fputc(mark, fp);
  fwrite(l->base + s, 1, e - s, fp);
  if (e == s || l->base[e - 1] != '\n')
    fputs("\n\\ No newline at end of file\n", fp);
}

/* "start,count" of a hunk's side, as diff writes it. */
static void range(FILE *fp, size_t first, size_t count) {
  if (count == 0)
    fprintf(fp, "%zu,0", first);
  else if (count == 1)
    fprintf(fp, "%zu", first + 1);
  else
    fprintf(fp, "%zu,%zu", first + 1, count);
}

#define CONTEXT 3

void ll_fix_diff(FILE *fp, const char *name, const char *a, size_t alen,
                 const char *b, size_t blen) {
  if (alen == blen && memcmp(a, b, alen) == 0)
    return;
  struct lines la, lb;
  split(&la, a, alen);
  split(&lb, b, blen);
  /* the common head and tail need no search */
  size_t pre = 0;
  while (pre < la.n && pre < lb.n && same_line(&la, pre, &lb, pre))
    pre++;
  size_t suf = 0;
  while (suf < la.n - pre && suf < lb.n - pre &&
         same_line(&la, la.n - 1 - suf, &lb, lb.n - 1 - suf))
    suf++;
  struct ops o = {0};
  for (size_t i = 0; i < pre; i++)
    push_op(&o, ' ', i, i);
  myers(&la, pre, la.n - suf, &lb, pre, lb.n - suf, &o);
  for (size_t i = suf; i > 0; i--)
    push_op(&o, ' ', la.n - i, lb.n - i);
  while (name[0] == '.' && name[1] == '/')
    name += 2;
  fprintf(fp, "--- a/%s\n+++ b/%s\n", name, name);
  /* hunks: changes with up to CONTEXT lines around, joined when close */
  size_t i = 0;
  while (i < o.n) {
    while (i < o.n && o.v[i].kind == ' ')
      i++;
    if (i == o.n)
      break;
    size_t hs = i > CONTEXT ? i - CONTEXT : 0, he = i;
    /* extend over changes separated by at most 2 * CONTEXT equal lines */
    for (;;) {
      while (he < o.n && o.v[he].kind != ' ')
        he++;
      size_t eq = he;
      while (eq < o.n && o.v[eq].kind == ' ' && eq - he <= 2 * CONTEXT)
        eq++;
      if (eq < o.n && o.v[eq].kind != ' ' && eq - he <= 2 * CONTEXT) {
        he = eq;
        continue;
      }
      he = he + CONTEXT < o.n ? he + CONTEXT : o.n;
      break;
    }
    /* the lines before the hunk on each side */
    size_t a_first = 0, b_first = 0, na = 0, nb = 0;
    for (size_t k = 0; k < hs; k++) {
      a_first += o.v[k].kind != '+';
      b_first += o.v[k].kind != '-';
    }
    for (size_t k = hs; k < he; k++) {
      na += o.v[k].kind != '+';
      nb += o.v[k].kind != '-';
    }
    fputs("@@ -", fp);
    range(fp, a_first, na);
    fputs(" +", fp);
    range(fp, b_first, nb);
    fputs(" @@\n", fp);
    for (size_t k = hs; k < he; k++) {
      if (o.v[k].kind == '+')
        put_line(fp, '+', &lb, o.v[k].b);
      else
        put_line(fp, o.v[k].kind, &la, o.v[k].a);
    }
    i = he;
  }
  free(o.v);
  free(la.off);
  free(la.hash);
  free(lb.off);
  free(lb.hash);
}
