/* test_linkcheck.c - --check-links against a real HTTP server on
 * 127.0.0.1 (tests/httpd.py) that each test starts and stops: verdicts,
 * the requests the server saw (no storms, no endless retries), and time
 * bounds generous enough that only a hang fails them. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <curl/curl.h>
#include <jansson.h>

#include "helpers.h"

static pid_t server;
static int port;
static char *dir;

static void start_server(const char *extra) {
  dir = th_tmpdir();
  char pf[4200];
  snprintf(pf, sizeof pf, "%s/port", dir);
  char script[4200];
  snprintf(script, sizeof script, "%s/tests/httpd.py", th_root());
  char parent[32];
  snprintf(parent, sizeof parent, "%d", (int)getpid());
  server = fork();
  cr_assert_geq(server, 0);
  if (server == 0) {
    if (extra && *extra)
      execlp("python3", "python3", script, "--port-file", pf, "--parent-pid",
             parent, "--delay-ms", extra, (char *)NULL);
    else
      execlp("python3", "python3", script, "--port-file", pf, "--parent-pid",
             parent, (char *)NULL);
    _exit(127);
  }
  for (int i = 0; i < 200; i++) {
    FILE *fp = fopen(pf, "r");
    if (fp) {
      int ok = fscanf(fp, "%d", &port) == 1;
      fclose(fp);
      if (ok)
        return;
    }
    usleep(50000);
  }
  cr_assert_fail("the test server did not start");
}

static void setup(void) { start_server(NULL); }

static void teardown(void) {
  if (server > 0) {
    kill(server, SIGTERM);
    waitpid(server, NULL, 0);
  }
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_expect_eq(system(cmd), 0);
  free(dir);
}

static size_t grab(char *p, size_t s, size_t n, void *ud) {
  ll_buf_add(ud, p, s * n);
  return s * n;
}

/* What the server saw: requests per "METHOD /path". */
static json_t *stats(void) {
  CURL *e = curl_easy_init();
  char url[128];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/_stats", port);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, grab);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &b);
  cr_assert_eq(curl_easy_perform(e), CURLE_OK);
  curl_easy_cleanup(e);
  json_error_t err;
  json_t *j = json_loads(b.data, 0, &err);
  cr_assert(j);
  ll_buf_free(&b);
  return j;
}

static long seen(const char *method_path) {
  json_t *j = stats();
  long n = (long)json_integer_value(
      json_object_get(json_object_get(j, "counts"), method_path));
  json_decref(j);
  return n;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Lint a list of the given paths with --check-links; return the exit
 * status, output in *out, wall time in *secs. */
static int check(const char *const *paths, const char *opts, char **out,
                 double *secs) {
  struct ll_buf md;
  ll_buf_init(&md, 0);
  ll_buf_adds(&md, "# Links\n\n");
  for (int i = 0; paths[i]; i++)
    ll_buf_printf(&md, "- [P%d](http://127.0.0.1:%d%s) - Path %d.\n", i, port,
                  paths[i], i);
  char *f = th_write(dir, "links.md", md.data, md.len);
  ll_buf_free(&md);
  char args[8192];
  snprintf(args, sizeof args,
           "-q --no-config --no-show-source --rule private-address=off "
           "--rule insecure-http=off --check-links --allow-private "
           "--link-timeout 3 %s '%s'",
           opts ? opts : "", f);
  free(f);
  double t0 = now_s();
  int st = th_run(args, NULL, out, NULL);
  if (secs)
    *secs = now_s() - t0;
  return st;
}

TestSuite(links, .init = setup, .fini = teardown, .timeout = 120);

Test(links, alive_dead_gone) {
  const char *p[] = {"/ok", "/404", "/410", NULL};
  char *out;
  cr_expect_eq(check(p, NULL, &out, NULL), 1);
  cr_expect(strstr(out, ":4:8: error: dead link: 404 Not Found [dead-link]"),
            "%s", out);
  cr_expect(strstr(out, ":5:8: error: dead link: 410 Gone [dead-link]"), "%s",
            out);
  cr_expect_null(strstr(out, ":3:"), "alive: no finding: %s", out);
  free(out);
  cr_expect_eq(seen("HEAD /ok"), 1);
  cr_expect_eq(seen("HEAD /404"), 1, "a 404 is not retried");
  cr_expect_eq(seen("GET /404"), 0, "a 404 needs no GET");
}

Test(links, redirects) {
  const char *p[] = {"/301",   "/308",     "/302",    "/chain1", "/chain-404",
                     "/loop1", "/to-file", "/to-ftp", NULL};
  char *out;
  check(p, NULL, &out, NULL);
  char want[256];
  snprintf(want, sizeof want,
           ":3:8: warning: moved permanently: update to "
           "http://127.0.0.1:%d/ok [redirected-link]",
           port);
  cr_expect(strstr(out, want), "%s", out);
  cr_expect(strstr(out, ":4:8: warning: moved permanently"), "%s", out);
  cr_expect_null(strstr(out, ":5:"), "a 302 is accepted: %s", out);
  cr_expect(strstr(out, ":6:8: warning: moved permanently"), "chain: %s", out);
  cr_expect(strstr(out, ":7:8: error: dead link: 404 Not Found (redirects: "),
            "%s", out);
  cr_expect(strstr(out, ":8:8: warning: redirect loop"), "%s", out);
  cr_expect(strstr(out, ":9:8: warning: redirect to 'file:///etc/passwd' "
                        "refused"),
            "%s", out);
  cr_expect(strstr(out, ":10:8: warning: redirect to 'ftp://"), "%s", out);
  free(out);
  cr_expect_leq(seen("HEAD /loop1") + seen("HEAD /loop2"), 3,
                "a loop stops at once");
}

Test(links, head_refused_then_get) {
  const char *p[] = {"/head-405", "/botwall", "/endless", NULL};
  char *out;
  double secs;
  check(p, NULL, &out, &secs);
  cr_expect_null(strstr(out, ":3:"), "405 on HEAD, 200 on GET: %s", out);
  cr_expect(strstr(out, ":4:8: warning: 403 Forbidden: a login or bot wall"),
            "%s", out);
  cr_expect_null(strstr(out, ":5:"), "endless body abandoned: %s", out);
  free(out);
  cr_expect_eq(seen("HEAD /head-405"), 1);
  cr_expect_eq(seen("GET /head-405"), 1);
  cr_expect_eq(seen("GET /botwall"), 1);
  cr_expect_eq(seen("GET /endless"), 1);
  cr_expect_lt(secs, 20, "the endless body is not read to its end");
}

Test(links, retries_with_retry_after) {
  const char *p[] = {"/retry-after", "/503-once", NULL};
  char *out;
  double secs;
  cr_expect_eq(check(p, NULL, &out, &secs), 0, "%s", out);
  cr_expect_str_eq(out, "");
  free(out);
  cr_expect_eq(seen("HEAD /retry-after"), 2);
  cr_expect_eq(seen("HEAD /503-once"), 2);
  cr_expect_geq(secs, 1.0, "Retry-After: 1 honoured");
}

Test(links, no_endless_retries) {
  const char *p[] = {"/429", "/503", NULL};
  char *out;
  double secs;
  check(p, "--link-retries 3", &out, &secs);
  cr_expect(strstr(out, ":3:8: warning: 429 Too Many Requests (3 attempts) "
                        "[link-blocked]"),
            "%s", out);
  cr_expect(strstr(out, ":4:8: warning: HTTP 503 (3 attempts) [link-error]"),
            "%s", out);
  free(out);
  cr_expect_eq(seen("HEAD /429"), 3);
  cr_expect_eq(seen("HEAD /503"), 3);
  cr_expect_lt(secs, 30);
}

Test(links, timeouts_and_resets) {
  const char *p[] = {"/hang", "/trickle", "/reset", NULL};
  char *out;
  double secs;
  check(p, "--link-timeout 2", &out, &secs);
  cr_expect(strstr(out, ":3:8: warning: no answer within"), "%s", out);
  cr_expect(strstr(out, ":4:8: warning: no answer within"), "trickle: %s", out);
  cr_expect(strstr(out, ":5:8: warning: ") && strstr(out, "[link-error]"),
            "reset: %s", out);
  free(out);
  cr_expect_eq(seen("HEAD /hang"), 1, "never twice on a timeout");
  cr_expect_eq(seen("GET /hang"), 0);
  cr_expect_leq(seen("HEAD /reset"), 6, "bounded retries of a reset");
  cr_expect_lt(secs, 30);
}

Test(links, deadline) {
  const char *p[] = {"/hang", NULL};
  char *out;
  double secs;
  check(p, "--link-timeout 60 --link-deadline 1", &out, &secs);
  cr_expect(strstr(out, "deadline passed [link-timeout]"), "%s", out);
  free(out);
  cr_expect_lt(secs, 10);
}

Test(links, private_addresses_are_not_requested_by_default) {
  char *f;
  char md[512];
  snprintf(md, sizeof md, "- [A](http://127.0.0.1:%d/ok) - A.\n", port);
  f = th_write(dir, "p.md", md, strlen(md));
  char args[8192], *out;
  snprintf(args, sizeof args, "-q --no-config --check-links '%s'", f);
  th_run(args, NULL, &out, NULL);
  cr_expect_null(strstr(out, "dead-link"), "%s", out);
  free(out);
  cr_expect_eq(seen("HEAD /ok"), 0, "loopback not requested");
  /* allowed for one address, a redirect to another is refused */
  snprintf(args, sizeof args,
           "-q --no-config --check-links --allow-private=127.0.0.1 '%s'", f);
  snprintf(md, sizeof md, "- [A](http://127.0.0.1:%d/to-other-address) - A.\n",
           port);
  free(f);
  f = th_write(dir, "p.md", md, strlen(md));
  th_run(args, NULL, &out, NULL);
  cr_expect(strstr(out, "127.0.0.2") && strstr(out, "private address"), "%s",
            out);
  free(out);
  free(f);
}

Test(links, identical_urls_once_and_headers_per_host) {
  const char *p[] = {"/ok", "/ok", "/need-ua", "/need-token", NULL};
  char *out, opts[256];
  snprintf(opts, sizeof opts,
           "--rule duplicate-link=off --header='127.0.0.1 X-Token: s3cret'");
  cr_expect_eq(check(p, opts, &out, NULL), 0, "%s", out);
  free(out);
  cr_expect_eq(seen("HEAD /ok"), 1, "one request for one URL");
  cr_expect_eq(seen("HEAD /need-ua"), 1, "honest User-Agent");
  cr_expect_eq(seen("HEAD /need-token"), 1, "the header went to its host");
  /* not to another host */
  check(p, "--rule duplicate-link=off --header='example.org X-Token: x'", &out,
        NULL);
  cr_expect(strstr(out, "401 Unauthorized"), "%s", out);
  free(out);
}

Test(links, per_host_limit, .init = NULL) {
  start_server("200");
  const char *p[21];
  char buf[20][24];
  for (int i = 0; i < 20; i++) {
    snprintf(buf[i], sizeof buf[i], "/load/%d", i);
    p[i] = buf[i];
  }
  p[20] = NULL;
  char *out;
  double secs;
  cr_expect_eq(check(p, "--per-host 3 --link-concurrency 64", &out, &secs), 0,
               "%s", out);
  free(out);
  json_t *j = stats();
  char key[16];
  snprintf(key, sizeof key, "%d", port);
  long most = (long)json_integer_value(
      json_object_get(json_object_get(j, "max_inflight"), key));
  json_decref(j);
  cr_expect_leq(most, 3, "per-host limit: %ld in flight", most);
  cr_expect_geq(most, 2, "and it does run in parallel: %ld", most);
  cr_expect_geq(secs, 20 * 0.2 / 3 - 0.2);
}

Test(links, cache_between_runs) {
  char cache[4200];
  snprintf(cache, sizeof cache, "--cache='%s/c.json' --fail-after 2", dir);
  const char *p[] = {"/ok", "/404", NULL};
  char *out;
  check(p, cache, &out, NULL);
  free(out);
  cr_expect_eq(seen("HEAD /ok"), 1);
  check(p, cache, &out, NULL);
  free(out);
  cr_expect_eq(seen("HEAD /ok"), 1, "alive reused from the cache");
  cr_expect_eq(seen("HEAD /404"), 2, "failures are checked again");
  /* --check-links=new: nothing new */
  char opts[4400];
  snprintf(opts, sizeof opts, "%s --check-links=new", cache);
  check(p, opts, &out, NULL);
  free(out);
  cr_expect_eq(seen("HEAD /404"), 2);
  /* a corrupt cache is ignored with a warning, and rewritten */
  char path[4300];
  snprintf(path, sizeof path, "%s/c.json", dir);
  free(th_write(dir, "c.json", "{not json", 9));
  char args[8192], *err;
  snprintf(args, sizeof args,
           "-q --no-config --check-links --allow-private --cache='%s' "
           "--rule private-address=off -",
           path);
  char md[256];
  snprintf(md, sizeof md, "- [A](http://127.0.0.1:%d/ok) - A.\n", port);
  th_run(args, md, NULL, &err);
  cr_expect(strstr(err, "not a valid cache") && strstr(err, "ignored"), "%s",
            err);
  free(err);
  char *saved = th_read_abs(path);
  cr_expect(saved && strstr(saved, "listlint-link-cache"), "rewritten");
  free(saved);
}

Test(links, flaky_links_fail_before_they_die) {
  char path[4300];
  snprintf(path, sizeof path, "%s/c.json", dir);
  /* the cache says /404 was alive an hour ago */
  char url[128], json[1024];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/404", port);
  long long t = (long long)time(NULL) - 3600;
  snprintf(json, sizeof json,
           "{\"format\": \"listlint-link-cache\", \"version\": 1, \"urls\": "
           "{\"%s\": {\"verdict\": 0, \"status\": 200, \"checked\": %lld, "
           "\"first_failure\": 0, \"last_alive\": %lld}}}",
           url, t, t);
  free(th_write(dir, "c.json", json, strlen(json)));
  char opts[4400];
  snprintf(opts, sizeof opts, "--cache='%s' --fail-after 2 --cache-age 1",
           path);
  const char *p[] = {"/404", NULL};
  char *out;
  cr_expect_eq(check(p, opts, &out, NULL), 0, "%s", out);
  cr_expect(strstr(out, "warning: failing since"), "%s", out);
  free(out);
  sleep(3);
  cr_expect_eq(check(p, opts, &out, NULL), 1);
  cr_expect(strstr(out, "error: dead link: 404"), "after 2 s: %s", out);
  free(out);
}

Test(links, five_thousand_urls, .timeout = 300) {
  struct ll_buf md;
  ll_buf_init(&md, 0);
  for (int i = 0; i < 5000; i++)
    ll_buf_printf(&md, "- [U%d](http://127.0.0.1:%d/load/%d) - U.\n", i, port,
                  i);
  char *f = th_write(dir, "big.md", md.data, md.len);
  ll_buf_free(&md);
  char args[8192], *out;
  snprintf(args, sizeof args,
           "--no-config --no-show-source --check-links --allow-private "
           "--rule private-address=off --rule insecure-http=off '%s'",
           f);
  free(f);
  cr_expect_eq(th_run(args, NULL, &out, NULL), 0);
  cr_expect(strstr(out, "links: 5000 checked: 5000 alive"), "%.500s", out);
  free(out);
  json_t *j = stats();
  json_t *counts = json_object_get(j, "counts");
  const char *k;
  json_t *v;
  long total = 0;
  json_object_foreach(counts, k, v) total += (long)json_integer_value(v);
  json_decref(j);
  cr_expect_eq(total, 5000, "one request per URL");
}

/* The [links] section: private addresses, headers, exclusions and hosts
 * whose walls are known, from .listlint.ini instead of options. */
Test(links, settings_from_the_configuration) {
  char ini[1024];
  snprintf(ini, sizeof ini,
           "[links]\nallow-private = true\nheader = 127.0.0.1 X-Token: "
           "s3cret\nexclude = /404$\nexclude = /410$\n"
           "alive-hosts = 127.0.0.1\n"
           "[rules]\nprivate-address = off\ninsecure-http = off\n");
  free(th_write(dir, ".listlint.ini", ini, strlen(ini)));
  char md[1024];
  snprintf(md, sizeof md,
           "- [A](http://127.0.0.1:%d/need-token) - A.\n"
           "- [B](http://127.0.0.1:%d/404) - B.\n"
           "- [C](http://127.0.0.1:%d/410) - C.\n"
           "- [D](http://127.0.0.1:%d/botwall) - D.\n"
           "- [E](http://127.0.0.1:%d/503) - E.\n",
           port, port, port, port, port);
  char *f = th_write(dir, "l.md", md, strlen(md));
  char args[8192], *out;
  snprintf(args, sizeof args, "-q --check-links --link-retries 1 '%s'", f);
  free(f);
  cr_expect_eq(th_run(args, NULL, &out, NULL), 0, "%s", out);
  cr_expect_null(strstr(out, "need-token"), "header sent: %s", out);
  cr_expect_null(strstr(out, "link-blocked"), "known wall: %s", out);
  cr_expect(strstr(out, ":5:7: warning: HTTP 503 (1 attempt)"), "%s", out);
  free(out);
  cr_expect_eq(seen("HEAD /404"), 0, "excluded, not requested");
  cr_expect_eq(seen("HEAD /410"), 0);
  cr_expect_eq(seen("HEAD /need-token"), 1);
}

/* Retry-After as an HTTP date; a suppression comment silences a link
 * finding like any other. */
Test(links, retry_after_date_and_suppressions) {
  char md[1024];
  snprintf(md, sizeof md,
           "- [A](http://127.0.0.1:%d/retry-after-date) - A date.\n"
           "<!-- listlint-disable-next-line dead-link -->\n"
           "- [B](http://127.0.0.1:%d/404) - Known to be gone.\n",
           port, port);
  char *f = th_write(dir, "l.md", md, strlen(md));
  char args[8192], *out;
  snprintf(args, sizeof args,
           "-q --no-config --check-links --allow-private --rule "
           "private-address=off --rule insecure-http=off '%s'",
           f);
  free(f);
  double t0 = now_s();
  cr_expect_eq(th_run(args, NULL, &out, NULL), 0, "%s", out);
  double secs = now_s() - t0;
  cr_expect_str_eq(out, "");
  free(out);
  cr_expect_eq(seen("HEAD /retry-after-date"), 2);
  cr_expect_geq(secs, 0.9, "the date was honoured (%.2f s)", secs);
  cr_expect_eq(seen("HEAD /404"), 1, "checked, then suppressed");
}

/* The progress line: on a terminal (script(1) gives one), on stderr; never
 * in a pipe. */
Test(links, progress_only_on_a_terminal) {
  char md[512];
  snprintf(md, sizeof md, "- [A](http://127.0.0.1:%d/ok) - A thing.\n", port);
  char *f = th_write(dir, "p.md", md, strlen(md));
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "script -qec \"%s --no-config --check-links --allow-private "
           "--rule private-address=off --rule insecure-http=off '%s'\" "
           "/dev/null > '%s/tty.txt' 2>&1",
           th_bin(), f, dir);
  cr_assert_eq(system(cmd), 0);
  char path[4300];
  snprintf(path, sizeof path, "%s/tty.txt", dir);
  char *tty = th_read_abs(path);
  cr_assert(tty);
  cr_expect(strstr(tty, "links: 1/1 checked, 0 in flight"), "%s", tty);
  free(tty);
  char args[8192], *out, *err;
  snprintf(args, sizeof args,
           "--no-config --check-links --allow-private --rule "
           "private-address=off --rule insecure-http=off '%s'",
           f);
  th_run(args, NULL, &out, &err);
  cr_expect_null(strstr(err, "checked,"), "no progress in a pipe: %s", err);
  cr_expect(strstr(out, "links: 1 checked: 1 alive"), "summary: %s", out);
  free(out);
  free(err);
  free(f);
}

/* --fix with --check-links: a permanent redirect to a page is rewritten
 * to where it went; one to the front page from a deeper page, a
 * temporary one and a dead link are left; --diff shows the same. */
Test(links, fix_rewrites_permanent_redirects) {
  char md[2048];
  snprintf(md, sizeof md,
           "# Links\n\n"
           "- [Moved](http://127.0.0.1:%d/301) - Moved for good.\n"
           "- [Temp](http://127.0.0.1:%d/302) - Moved for now.\n"
           "- [Dead](http://127.0.0.1:%d/404) - Gone.\n"
           "- [Also](http://127.0.0.1:%d/308) - Moved too, then text.\n"
           "- [Wall](http://127.0.0.1:%d/to-login) - Moved to a login.\n"
           "- [Front](http://127.0.0.1:%d/deep/to-front) - To the front.\n",
           port, port, port, port, port, port);
  char *f = th_write(dir, "links.md", md, strlen(md));
  char args[8192];
  snprintf(args, sizeof args,
           "-q --no-config --no-show-source --rule private-address=off "
           "--rule insecure-http=off --check-links --allow-private "
           "--link-timeout 3 --diff '%s'",
           f);
  char *diff = NULL, *err = NULL;
  th_run(args, NULL, &diff, &err);
  char *same = th_read_abs(f);
  cr_expect_str_eq(same, md, "--diff wrote the file");
  free(same);
  snprintf(args, sizeof args,
           "-q --no-config --no-show-source --rule private-address=off "
           "--rule insecure-http=off --check-links --allow-private "
           "--link-timeout 3 --fix '%s'",
           f);
  char *out = NULL;
  th_run(args, NULL, &out, NULL);
  char *got = th_read_abs(f);
  char want[2048];
  snprintf(want, sizeof want,
           "# Links\n\n"
           "- [Moved](http://127.0.0.1:%d/ok) - Moved for good.\n"
           "- [Temp](http://127.0.0.1:%d/302) - Moved for now.\n"
           "- [Dead](http://127.0.0.1:%d/404) - Gone.\n"
           "- [Also](http://127.0.0.1:%d/ok) - Moved too, then text.\n"
           "- [Wall](http://127.0.0.1:%d/to-login) - Moved to a login.\n"
           "- [Front](http://127.0.0.1:%d/deep/to-front) - To the front.\n",
           port, port, port, port, port, port);
  cr_expect_str_eq(got, want);
  /* the moves it left are still reported */
  cr_expect(strstr(out, ":7:10: warning: moved permanently") != NULL, "%s",
            out);
  cr_expect(strstr(out, ":8:11: warning: moved permanently") != NULL, "%s",
            out);
  /* what remains: the dead link, at its place; no redirect */
  cr_expect(strstr(out, ":5:10: error: dead link") != NULL, "%s", out);
  cr_expect(strstr(out, ":3:10: warning: moved") == NULL &&
                strstr(out, ":6:10: warning: moved") == NULL,
            "fixed, yet reported: %s", out);
  /* both moved to /ok: now listed twice, which the lint says */
  cr_expect(strstr(out, ":6:10: error: duplicate link") != NULL, "%s", out);
  cr_expect(strstr(diff, "+- [Moved](http://127.0.0.1:") != NULL, "%s %s", diff,
            err);
  free(got);
  free(out);
  free(diff);
  free(err);
  free(f);
}

/* The test server with TLS on its port too (a certificate made here, the
 * checker pointed at it with the test-only LL_TEST_CAINFO). */
static char tls_pem[4300];
static void setup_tls(void) {
  dir = th_tmpdir();
  snprintf(tls_pem, sizeof tls_pem, "%s/cert.pem", dir);
  char cmd[12000];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
           "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
           "-keyout key.pem -out crt.pem 2>/dev/null && cat crt.pem key.pem "
           "> cert.pem",
           dir);
  cr_assert_eq(system(cmd), 0, "openssl could not make a certificate");
  char pf[4200], script[4200], parent[32];
  snprintf(pf, sizeof pf, "%s/port", dir);
  snprintf(script, sizeof script, "%s/tests/httpd.py", th_root());
  snprintf(parent, sizeof parent, "%d", (int)getpid());
  server = fork();
  cr_assert_geq(server, 0);
  if (server == 0) {
    execlp("python3", "python3", script, "--port-file", pf, "--parent-pid",
           parent, "--tls-cert", tls_pem, (char *)NULL);
    _exit(127);
  }
  for (int i = 0; i < 200; i++) {
    FILE *fp = fopen(pf, "r");
    if (fp) {
      int ok = fscanf(fp, "%d", &port) == 1;
      fclose(fp);
      if (ok)
        return;
    }
    usleep(50000);
  }
  cr_assert_fail("the test server did not start");
}

/* --fix with --check-links: an http:// link whose https:// twin answers
 * is upgraded; one whose https page is missing is not (and stays an
 * insecure-http finding). */
Test(links, fix_upgrades_http_when_https_is_alive, .init = setup_tls) {
  char md[2048];
  snprintf(md, sizeof md,
           "# Links\n\n"
           "- [Both](http://127.0.0.1:%d/ok) - Served over both.\n"
           "- [Plain](http://127.0.0.1:%d/http-only) - Plain http only.\n",
           port, port);
  char *f = th_write(dir, "links.md", md, strlen(md));
  static const char ini[] = "[rule \"insecure-http\"]\nprivate-hosts = true\n";
  char *cfg = th_write(dir, "fix.ini", ini, strlen(ini));
  char args[12000];
  snprintf(args, sizeof args,
           "-q --config '%s' --no-show-source --rule private-address=off "
           "--rule insecure-http=info --fail-on=error --check-links "
           "--allow-private --link-timeout 3 --fix '%s'",
           cfg, f);
  free(cfg);
  char cmd[16384];
  snprintf(cmd, sizeof cmd, "cd '%s' && LL_TEST_CAINFO='%s' %s %s", th_root(),
           tls_pem, th_bin(), args);
  char *out = NULL, *err = NULL;
  th_shell(cmd, NULL, &out, &err);
  char *got = th_read_abs(f);
  char want[2048];
  snprintf(want, sizeof want,
           "# Links\n\n"
           "- [Both](https://127.0.0.1:%d/ok) - Served over both.\n"
           "- [Plain](http://127.0.0.1:%d/http-only) - Plain http only.\n",
           port, port);
  cr_expect_str_eq(got, want, "%s %s", out, err);
  cr_expect(strstr(out, ":4:11: info: http:// link") != NULL, "%s", out);
  cr_expect(strstr(out, ":3:10: info: http:// link") == NULL, "%s", out);
  free(got);
  free(out);
  free(err);
  free(f);
}
