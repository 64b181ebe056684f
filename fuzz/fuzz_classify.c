/* fuzz_classify.c - the link checker's classifier: the input is a series
 * of answers (status, CURLcode, header lines, redirect targets) that
 * ll_lc_judge walks like a check, hop by hop, up to its verdict.
 *
 * Each answer is one line: "STATUS RC FLAGS LOCATION" where the numbers
 * are decimal and FLAGS is a set of letters (p: refused private address,
 * b: body budget reached); a line starting with "R" is a header line
 * given to ll_lc_retry_after. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "curlfn.h"
#include "linkcheck.h"
#include "listlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static time_t getdate_fn(const char *s, const time_t *now) {
  return ll_curl_load() == 0 ? curl_getdate(s, now) : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = ll_xstrndup((const char *)data, size);
  if (strlen(s) != size) { /* keep it text */
    free(s);
    return 0;
  }
  struct ll_lc_walk w = {0};
  w.url = "https://example.org/start";
  w.cur = ll_xstrdup(w.url);
  ll_buf_init(&w.chain, 0);
  int attempts = 3, max_redirects = 10;
  enum ll_lc_step step = LL_LC_REQUEST;
  int answers = 0;
  char *save = NULL;
  for (char *line = strtok_r(s, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == 'R') {
      long ms =
          ll_lc_retry_after(line + 1, strlen(line + 1), 1700000000, getdate_fn);
      if (ms < -1)
        abort();
      continue;
    }
    if (line[0] == 'A' && !answers) { /* "A attempts max_redirects" */
      char *end;
      long x = strtol(line + 1, &end, 10) % 8, y = strtol(end, NULL, 10) % 64;
      attempts = 1 + (int)(x < 0 ? -x : x);
      max_redirects = (int)(y < 0 ? -y : y);
      continue;
    }
    struct ll_lc_answer a = {0};
    char *end;
    a.status = strtol(line, &end, 10);
    a.rc = (int)strtol(end, &end, 10);
    a.rc_text = "some error";
    while (*end == ' ')
      end++;
    while (*end && *end != ' ') {
      a.refused_private |= *end == 'p';
      a.body_stopped |= *end == 'b';
      end++;
    }
    while (*end == ' ')
      end++;
    a.location = *end ? end : NULL;
    a.seconds = 0.5;
    enum ll_verdict v = LL_V_ALIVE;
    struct ll_buf why;
    ll_buf_init(&why, 0);
    int hops = w.hops, tries = w.tries;
    step = ll_lc_judge(&w, &a, attempts, max_redirects, &v, &why);
    answers++;
    /* what a walk must keep to */
    if (w.hops < hops || w.hops > max_redirects + 1 || !w.cur ||
        (step == LL_LC_RETRY && w.tries != tries + 1) ||
        (step == LL_LC_RETRY && w.tries >= attempts) ||
        (step == LL_LC_DONE && (!why.data || v > LL_V_SKIPPED)))
      abort();
    ll_buf_free(&why);
    if (step == LL_LC_DONE)
      break;
  }
  (void)answers;
  free(w.cur);
  ll_buf_free(&w.chain);
  free(s);
  return 0;
}
