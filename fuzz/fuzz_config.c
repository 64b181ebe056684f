/* fuzz_config.c - the configuration parser: the input is a .listlint.ini;
 * what it accepts is printed back and used to lint a small list (custom
 * patterns, rule options, skip-headings, profiles). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"
#include "listlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

static const char list[] =
    "# Awesome X\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n"
    "- [A](https://a.org) - lower case\n"
    "- [A](http://a.org/?utm_source=x) - The same, again...\n"
    "- [B](htps://b.org) - Malformed.\n"
    "- [C](https://bit.ly/x) - Short.\n"
    "- [D](https://d.org) - Todo.\n\n"
    "**Set**\nAbout it.\nAccess: https://s.org\n\n"
    "| Name | Description |\n|---|---|\n| [E](https://e.org) | E. |\n\n"
    "## License\n\nMIT\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!sink)
    sink = fopen("/dev/null", "w");
  int fd = memfd_create("fuzz.ini", 0);
  if (fd < 0)
    abort();
  if (size && write(fd, data, size) != (ssize_t)size)
    abort();
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  char *err = NULL;
  struct ll_config *c = ll_config_load(path, NULL, &err);
  close(fd);
  free(err);
  if (!c)
    return 0;
  ll_config_print(sink, c);
  ll_config_excludes(c, "docs/README.md");
  struct ll_ctx *ctx = ll_ctx_new();
  ctx->cfg = c;
  memcpy(ctx->severity, c->severity, sizeof ctx->severity);
  struct ll_source *src = ll_source_from_mem("README.md", list, strlen(list));
  err = NULL;
  ll_lint(ctx, src, NULL, &err);
  free(err);
  ll_source_free(src);
  ll_ctx_free(ctx);
  ll_config_free(c);
  return 0;
}
