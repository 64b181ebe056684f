/* replay.c - run a fuzz target's entry point once on each file named on
 * the command line: how make test replays tests/regress/ without a
 * fuzzer (plain and sanitizer builds, gcc or clang).  An input that runs
 * longer than LL_REPLAY_TIMEOUT seconds (60) fails as a hang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "listlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  const char *t = getenv("LL_REPLAY_TIMEOUT");
  unsigned secs = t && *t ? (unsigned)atoi(t) : 60;
  for (int i = 1; i < argc; i++) {
    FILE *fp = fopen(argv[i], "rb");
    if (!fp) {
      perror(argv[i]);
      return 2;
    }
    struct ll_buf b;
    ll_buf_init(&b, 0);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
      ll_buf_add(&b, chunk, n);
    fclose(fp);
    alarm(secs); /* SIGALRM ends the process: a hang fails */
    LLVMFuzzerTestOneInput((const uint8_t *)(b.data ? b.data : ""), b.len);
    alarm(0);
    ll_buf_free(&b);
  }
  printf("replayed %d input%s\n", argc - 1, argc == 2 ? "" : "s");
  return 0;
}
