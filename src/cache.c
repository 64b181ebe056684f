/* cache.c - the link cache as a JSON file (jansson). */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "linkcheck.h"
#include "listlint.h"

#define FORMAT "listlint-link-cache"
#define VERSION 1

struct ll_cache {
  json_t *urls; /* url -> {verdict, status, final, checked, ...} */
};

static struct ll_cache *empty(void) {
  struct ll_cache *c = ll_xcalloc(1, sizeof *c);
  c->urls = json_object();
  return c;
}

static char *say(const char *path, const char *why) {
  return ll_strfmt("%s: %s: ignored, it will be rewritten", path, why);
}

struct ll_cache *ll_cache_load(const char *path, char **warning) {
  *warning = NULL;
  if (access(path, F_OK) != 0)
    return empty();
  json_error_t e;
  json_t *root = json_load_file(path, 0, &e);
  if (!root) {
    *warning = say(path, "not a valid cache (not JSON)");
    return empty();
  }
  json_t *fmt = json_object_get(root, "format");
  json_t *ver = json_object_get(root, "version");
  json_t *urls = json_object_get(root, "urls");
  if (!json_is_string(fmt) || strcmp(json_string_value(fmt), FORMAT) != 0 ||
      json_integer_value(ver) != VERSION || !json_is_object(urls)) {
    *warning = say(path, "not a listlint link cache of this version");
    json_decref(root);
    return empty();
  }
  /* every record must have the right shape, or none is trusted */
  const char *k;
  json_t *v;
  json_object_foreach(urls, k, v) {
    if (!json_is_object(v) || !json_is_integer(json_object_get(v, "verdict")) ||
        !json_is_integer(json_object_get(v, "checked")) ||
        json_integer_value(json_object_get(v, "verdict")) < 0 ||
        json_integer_value(json_object_get(v, "verdict")) > LL_V_SKIPPED) {
      *warning = say(path, "a record is malformed");
      json_decref(root);
      return empty();
    }
  }
  struct ll_cache *c = ll_xcalloc(1, sizeof *c);
  c->urls = json_incref(urls);
  json_decref(root);
  return c;
}

void ll_cache_free(struct ll_cache *c) {
  if (!c)
    return;
  json_decref(c->urls);
  free(c);
}

static long long num(json_t *o, const char *k) {
  return (long long)json_integer_value(json_object_get(o, k));
}

int ll_cache_get(const struct ll_cache *c, const char *url,
                 struct ll_cache_entry *e) {
  json_t *o = json_object_get(c->urls, url);
  if (!o)
    return 0;
  e->verdict = (int)num(o, "verdict");
  e->status = (long)num(o, "status");
  e->final_url = json_string_value(json_object_get(o, "final"));
  e->checked = num(o, "checked");
  e->first_failure = num(o, "first_failure");
  e->last_alive = num(o, "last_alive");
  return 1;
}

void ll_cache_put(struct ll_cache *c, const char *url, int verdict, long status,
                  const char *final_url, long long now) {
  struct ll_cache_entry old;
  int had = ll_cache_get(c, url, &old);
  int alive = verdict == LL_V_ALIVE || verdict == LL_V_MOVED;
  long long first_failure = alive                      ? 0
                            : had && old.first_failure ? old.first_failure
                                                       : now;
  long long last_alive = alive ? now : had ? old.last_alive : 0;
  json_t *o =
      json_pack("{s:i, s:I, s:s?, s:I, s:I, s:I}", "verdict", verdict, "status",
                (json_int_t)status, "final", final_url, "checked",
                (json_int_t)now, "first_failure", (json_int_t)first_failure,
                "last_alive", (json_int_t)last_alive);
  if (o)
    json_object_set_new(c->urls, url, o);
}

int ll_cache_save(const struct ll_cache *c, const char *path, char **err) {
  json_t *root = json_pack("{s:s, s:i, s:O}", "format", FORMAT, "version",
                           VERSION, "urls", c->urls);
  struct ll_buf tmp;
  ll_buf_init(&tmp, 0);
  ll_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
  int r = json_dump_file(root, tmp.data, JSON_INDENT(1) | JSON_SORT_KEYS);
  if (r == 0 && rename(tmp.data, path) != 0)
    r = -1;
  if (r != 0) {
    *err =
        ll_strfmt("%s: cannot write the link cache: %s", path, strerror(errno));
    unlink(tmp.data);
  }
  ll_buf_free(&tmp);
  json_decref(root);
  return r == 0 ? 0 : -1;
}
