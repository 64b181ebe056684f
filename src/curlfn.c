/* curlfn.c - dlopen libcurl on first use (see curlfn.h). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "curlfn.h"

const struct ll_curl_api *ll_curl_api;

static struct ll_curl_api api;
static int state; /* 0: not tried, 1: loaded, -1: failed */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char error[256];

/* POSIX dlsym returns an object pointer; a function pointer is copied
 * out of it bit for bit, as POSIX allows. */
static int sym(void *lib, const char *name, void *slot, size_t size) {
  void *p = dlsym(lib, name);
  if (!p) {
    snprintf(error, sizeof error, "libcurl lacks %s", name);
    return -1;
  }
  memcpy(slot, &p, size);
  return 0;
}

#define SYM(field, name) sym(lib, name, &api.field, sizeof api.field)

/* Once per process, whichever thread asks first: the audit lints lists
 * in threads, and a URL parsed in each may be the first to need
 * libcurl (a thread that saw "being loaded" as "failed" misread every
 * unusual URL of its list). */
static void load(void) {
  state = -1;
  void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    snprintf(error, sizeof error, "cannot load libcurl: %s", dlerror());
    return;
  }
  if (SYM(global_init, "curl_global_init") ||
      SYM(global_cleanup, "curl_global_cleanup") ||
      SYM(easy_init, "curl_easy_init") ||
      SYM(easy_setopt, "curl_easy_setopt") ||
      SYM(easy_getinfo, "curl_easy_getinfo") ||
      SYM(easy_cleanup, "curl_easy_cleanup") ||
      SYM(easy_strerror, "curl_easy_strerror") ||
      SYM(multi_init, "curl_multi_init") ||
      SYM(multi_add_handle, "curl_multi_add_handle") ||
      SYM(multi_remove_handle, "curl_multi_remove_handle") ||
      SYM(multi_perform, "curl_multi_perform") ||
      SYM(multi_poll, "curl_multi_poll") ||
      SYM(multi_info_read, "curl_multi_info_read") ||
      SYM(multi_cleanup, "curl_multi_cleanup") ||
      SYM(slist_append, "curl_slist_append") ||
      SYM(slist_free_all, "curl_slist_free_all") ||
      SYM(getdate, "curl_getdate") || SYM(free, "curl_free") ||
      SYM(url, "curl_url") || SYM(url_cleanup, "curl_url_cleanup") ||
      SYM(url_set, "curl_url_set") || SYM(url_get, "curl_url_get") ||
      SYM(url_strerror, "curl_url_strerror")) {
    dlclose(lib);
    return;
  }
  ll_curl_api = &api;
  state = 1;
}

int ll_curl_load(void) {
  pthread_once(&once, load);
  return state > 0 ? 0 : -1;
}

const char *ll_curl_error(void) { return error; }
