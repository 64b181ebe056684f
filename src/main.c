/* main.c - argv -> ll_cli_parse -> ll_run -> exit status; nothing else. */
#include "cli.h"

int main(int argc, char **argv) {
  struct ll_opts o;
  int r = ll_cli_parse(argc, argv, &o);
  int status = r < 0 ? LL_EXIT_USAGE : r > 0 ? LL_EXIT_OK : ll_run(&o);
  ll_cli_free(&o);
  return status;
}
