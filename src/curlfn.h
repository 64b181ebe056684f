/* curlfn.h - libcurl, loaded when first needed.  Linking libcurl costs
 * every run about 11 ms of start-up (its thirty libraries), and a lint
 * needs it only for unusual URLs and for --check-links.  Source files
 * that call libcurl include this header instead of <curl/curl.h>: the
 * curl_* names become calls through a table that ll_curl_load fills
 * once with dlopen/dlsym. */
#ifndef LL_CURLFN_H
#define LL_CURLFN_H

#define CURL_DISABLE_TYPECHECK 1 /* its macros would hide ours */
#include <curl/curl.h>

struct ll_curl_api {
  CURLcode (*global_init)(long);
  void (*global_cleanup)(void);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(CURLcode);
  CURLM *(*multi_init)(void);
  CURLMcode (*multi_add_handle)(CURLM *, CURL *);
  CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
  CURLMcode (*multi_perform)(CURLM *, int *);
  CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int,
                          int *);
  CURLMsg *(*multi_info_read)(CURLM *, int *);
  CURLMcode (*multi_cleanup)(CURLM *);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
  time_t (*getdate)(const char *, const time_t *);
  void (*free)(void *);
  CURLU *(*url)(void);
  void (*url_cleanup)(CURLU *);
  CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
  CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
  const char *(*url_strerror)(CURLUcode);
};

/* The table, valid after ll_curl_load returned 0. */
extern const struct ll_curl_api *ll_curl_api;

/* Load libcurl once (the first call decides).  Return 0, or -1 when it
 * cannot be loaded (the message is in ll_curl_error()). */
int ll_curl_load(void);
const char *ll_curl_error(void);

/* curl.h wraps these two in macros that check the argument count */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#define curl_global_init (ll_curl_api->global_init)
#define curl_global_cleanup (ll_curl_api->global_cleanup)
#define curl_easy_init (ll_curl_api->easy_init)
#define curl_easy_setopt (ll_curl_api->easy_setopt)
#define curl_easy_getinfo (ll_curl_api->easy_getinfo)
#define curl_easy_cleanup (ll_curl_api->easy_cleanup)
#define curl_easy_strerror (ll_curl_api->easy_strerror)
#define curl_multi_init (ll_curl_api->multi_init)
#define curl_multi_add_handle (ll_curl_api->multi_add_handle)
#define curl_multi_remove_handle (ll_curl_api->multi_remove_handle)
#define curl_multi_perform (ll_curl_api->multi_perform)
#define curl_multi_poll (ll_curl_api->multi_poll)
#define curl_multi_info_read (ll_curl_api->multi_info_read)
#define curl_multi_cleanup (ll_curl_api->multi_cleanup)
#define curl_slist_append (ll_curl_api->slist_append)
#define curl_slist_free_all (ll_curl_api->slist_free_all)
#define curl_getdate (ll_curl_api->getdate)
#define curl_free (ll_curl_api->free)
#define curl_url (ll_curl_api->url)
#define curl_url_cleanup (ll_curl_api->url_cleanup)
#define curl_url_set (ll_curl_api->url_set)
#define curl_url_get (ll_curl_api->url_get)
#define curl_url_strerror (ll_curl_api->url_strerror)

#endif
