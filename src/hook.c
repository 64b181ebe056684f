/* hook.c - listlint install-hook / uninstall-hook: put the pre-commit
 * hook where git looks for it (core.hooksPath respected) without ever
 * silently replacing someone else's hook. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git.h"

extern const char ll_hook_text[];

#define MARK "listlint pre-commit hook"
#define ORIG "pre-commit.listlint-orig"

static char *hooks_dir(void) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  static const char *const args[] = {"rev-parse", "--git-path", "hooks", NULL};
  if (ll_git(args, &b) != 0 || b.len == 0) {
    ll_buf_free(&b);
    return NULL;
  }
  while (b.len && b.data[b.len - 1] == '\n')
    b.data[--b.len] = '\0';
  return ll_buf_detach(&b);
}

static char *path_in(const char *dir, const char *name) {
  return ll_strfmt("%s/%s", dir, name);
}

static int is_ours(const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp)
    return 0;
  char line[512];
  int ours = 0;
  for (int i = 0; i < 5 && fgets(line, sizeof line, fp); i++)
    if (strstr(line, MARK))
      ours = 1;
  fclose(fp);
  return ours;
}

static int mkdirs(const char *dir) {
  char *p = ll_xstrdup(dir);
  for (char *s = p + 1; *s; s++) {
    if (*s == '/') {
      *s = '\0';
      mkdir(p, 0755);
      *s = '/';
    }
  }
  int r = mkdir(p, 0755) == 0 || errno == EEXIST ? 0 : -1;
  free(p);
  return r;
}

/* What install-hook --fix puts before the hook's final lint: fix the
 * staged files in the working tree (listlint leaves a file alone whose
 * working tree differs from the index), and block the commit when a file
 * changed, as the pre-commit framework's formatters do. */
static const char fix_step[] =
    "# install-hook --fix: fix the staged files in the working tree first;\n"
    "# a commit whose files the fix changed stops here, for the fix to be\n"
    "# reviewed and staged.\n"
    "before=$(git diff --name-only)\n"
    "\"$LISTLINT\" --staged --fix -q --no-show-source >/dev/null\n"
    "if [ \"$(git diff --name-only)\" != \"$before\" ]; then\n"
    "  echo \"listlint: fixed in the working tree; review the changes, "
    "stage\"\n"
    "  echo \"listlint: them (git add -p) and commit again:\"\n"
    "  git diff --stat\n"
    "  exit 1\n"
    "fi\n\n";

/* Write the hook atomically, with this binary's path filled in (and the
 * fix step before its final lint). */
static int write_hook(const char *path, int fix) {
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  self[n > 0 ? n : 0] = '\0';
  if (n <= 0)
    strcpy(self, "listlint");
  struct ll_buf text;
  ll_buf_init(&text, 0);
  const char *at = strstr(ll_hook_text, "@LISTLINT@");
  if (at) {
    ll_buf_add(&text, ll_hook_text, (size_t)(at - ll_hook_text));
    ll_buf_adds(&text, self);
    ll_buf_adds(&text, at + strlen("@LISTLINT@"));
  } else {
    ll_buf_adds(&text, ll_hook_text);
  }
  if (fix) {
    /* before the last line that runs listlint: the lint of what remains */
    char *last = NULL;
    for (char *p = text.data; (p = strstr(p, "\nexec \"$LISTLINT\"")); p++)
      last = p;
    struct ll_buf w;
    ll_buf_init(&w, 0);
    size_t cut = last ? (size_t)(last - text.data) + 1 : text.len;
    ll_buf_add(&w, text.data, cut);
    ll_buf_adds(&w, fix_step);
    ll_buf_add(&w, text.data + cut, text.len - cut);
    ll_buf_free(&text);
    text = w;
  }
  struct ll_buf t;
  ll_buf_init(&t, 0);
  ll_buf_printf(&t, "%s.tmp.%ld", path, (long)getpid());
  FILE *fp = fopen(t.data, "w");
  int r = -1;
  if (fp) {
    int ok = fwrite(text.data, 1, text.len, fp) == text.len;
    ok &= fclose(fp) == 0;
    if (ok && chmod(t.data, 0755) == 0 && rename(t.data, path) == 0)
      r = 0;
    else
      unlink(t.data);
  }
  ll_buf_free(&t);
  ll_buf_free(&text);
  return r;
}

int ll_hook_install(int chain, int fix) {
  char *dir = hooks_dir();
  if (!dir) {
    fputs("listlint: install-hook: not inside a git repository\n", stderr);
    return LL_EXIT_USAGE;
  }
  char *hook = path_in(dir, "pre-commit"), *orig = path_in(dir, ORIG);
  int status = LL_EXIT_OK;
  struct stat st;
  if (mkdirs(dir) < 0) {
    ll_say("listlint: install-hook: cannot create %s: %s\n", dir,
           strerror(errno));
    status = LL_EXIT_INTERNAL;
  } else if (lstat(hook, &st) == 0 && !is_ours(hook)) {
    if (!chain) {
      ll_say("listlint: install-hook: %s exists and is not listlint's.\n"
             "Run 'listlint install-hook --chain' to keep it and run it "
             "before listlint, or remove it first.\n",
             hook);
      status = LL_EXIT_USAGE;
    } else if (lstat(orig, &st) == 0) {
      ll_say("listlint: install-hook: %s exists already\n", orig);
      status = LL_EXIT_USAGE;
    } else if (rename(hook, orig) != 0) {
      ll_say("listlint: install-hook: cannot move %s: %s\n", hook,
             strerror(errno));
      status = LL_EXIT_INTERNAL;
    } else {
      printf("listlint: kept the existing hook as %s; it runs first\n", orig);
    }
  }
  if (status == LL_EXIT_OK) {
    if (write_hook(hook, fix) < 0) {
      ll_say("listlint: install-hook: cannot write %s: %s\n", hook,
             strerror(errno));
      status = LL_EXIT_INTERNAL;
    } else {
      printf("listlint: installed %s\n", hook);
    }
  }
  free(dir);
  free(hook);
  free(orig);
  return status;
}

int ll_hook_uninstall(void) {
  char *dir = hooks_dir();
  if (!dir) {
    fputs("listlint: uninstall-hook: not inside a git repository\n", stderr);
    return LL_EXIT_USAGE;
  }
  char *hook = path_in(dir, "pre-commit"), *orig = path_in(dir, ORIG);
  int status = LL_EXIT_OK;
  struct stat st;
  if (lstat(hook, &st) != 0) {
    printf("listlint: no pre-commit hook in %s: nothing to do\n", dir);
  } else if (!is_ours(hook)) {
    ll_say("listlint: uninstall-hook: %s is not listlint's: left alone\n",
           hook);
    status = LL_EXIT_USAGE;
  } else if (unlink(hook) != 0) {
    ll_say("listlint: uninstall-hook: cannot remove %s: %s\n", hook,
           strerror(errno));
    status = LL_EXIT_INTERNAL;
  } else {
    printf("listlint: removed %s\n", hook);
    if (lstat(orig, &st) == 0) {
      if (rename(orig, hook) == 0)
        printf("listlint: restored the earlier hook\n");
      else
        status = LL_EXIT_INTERNAL;
    }
  }
  free(dir);
  free(hook);
  free(orig);
  return status;
}
