/* cache.h - the link checker's memory between runs (--cache): each URL's
 * last verdict, status, final URL and times, as JSON, written atomically.
 * A corrupt or foreign file is ignored with a warning, never trusted. */
#ifndef LL_CACHE_H
#define LL_CACHE_H

struct ll_cache;

struct ll_cache_entry {
  int verdict; /* enum ll_verdict */
  long status;
  const char *final_url;   /* borrowed from the cache */
  long long checked;       /* Unix time of the last check */
  long long first_failure; /* since when it fails (0: it does not) */
  long long last_alive;    /* when it was last alive (0: never seen so) */
};

/* Load path; a missing file is an empty cache.  *warning (caller frees)
 * says why a file was not trusted. */
struct ll_cache *ll_cache_load(const char *path, char **warning);
void ll_cache_free(struct ll_cache *c);
/* Return 1 and fill e when url is known. */
int ll_cache_get(const struct ll_cache *c, const char *url,
                 struct ll_cache_entry *e);
/* Record a verdict at time now (keeps first_failure and last_alive). */
void ll_cache_put(struct ll_cache *c, const char *url, int verdict, long status,
                  const char *final_url, long long now);
/* Write atomically (temporary file, then rename).  0 or -1 with *err. */
int ll_cache_save(const struct ll_cache *c, const char *path, char **err);

#endif
