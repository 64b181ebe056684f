/* test_fix.c - fixes: every fixable rule's fix-*.md becomes fix-*.fixed;
 * the engine's edits; --fix, --diff and '-' through the binary; the
 * atomic write (killed before the rename, a changed file, a read-only
 * file); line endings, BOM and final newline; --fix --staged in a real
 * git repository. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "config.h"
#include "fix.h"
#include "helpers.h"

/* Fix text with only rule on (its .ini, if any, for the configuration). */
static char *fix_only(int rule, const char *text, size_t len,
                      const struct ll_config *cfg, size_t *nfixed) {
  struct ll_ctx *ctx = ll_ctx_new();
  if (cfg) {
    ctx->cfg = cfg;
    memcpy(ctx->severity, cfg->severity, sizeof ctx->severity);
  }
  enum ll_severity keep = ctx->severity[rule];
  for (int r = 0; r < LL_R__COUNT; r++)
    ctx->severity[r] = LL_SEV_OFF;
  ctx->severity[rule] = keep ? keep : ll_rules[rule].severity;
  struct ll_source *src = ll_source_from_mem("fixture.md", text, len);
  struct ll_buf out;
  ll_buf_init(&out, 0);
  char *err = NULL;
  cr_assert_eq(ll_fix_source(ctx, src, &out, nfixed, &err), 0, "%s",
               err ? err : "?");
  ll_source_free(src);
  ll_ctx_free(ctx);
  return ll_buf_detach(&out);
}

static void check_fixes(int rule) {
  const char *id = ll_rules[rule].id;
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/fixtures/%s", th_root(), id);
  DIR *d = opendir(dir);
  cr_assert(d, "no fixtures for %s", id);
  struct dirent *de;
  int n = 0;
  while ((de = readdir(d)) != NULL) {
    const char *name = de->d_name;
    size_t len = strlen(name);
    if (strncmp(name, "fix-", 4) != 0 || len < 4 ||
        strcmp(name + len - 3, ".md") != 0)
      continue;
    char rel[4300], want_rel[4300], ini[8300];
    snprintf(rel, sizeof rel, "tests/fixtures/%s/%s", id, name);
    snprintf(want_rel, sizeof want_rel, "tests/fixtures/%s/%.*s.fixed", id,
             (int)(len - 3), name);
    snprintf(ini, sizeof ini, "%s/%.*s.ini", dir, (int)(len - 3), name);
    size_t tl, wl;
    char *text = th_read(rel, &tl);
    char *want = th_read(want_rel, &wl);
    cr_assert(text && want, "%s needs %s", rel, want_rel);
    struct ll_config *cfg = NULL;
    if (access(ini, F_OK) == 0) {
      char *err = NULL;
      cfg = ll_config_load(ini, NULL, &err);
      cr_assert(cfg, "%s: %s", ini, err);
    }
    size_t nf = 0, again = 0;
    char *got = fix_only(rule, text, tl, cfg, &nf);
    cr_expect(nf > 0, "%s: [%s] fixed nothing", rel, id);
    cr_expect_str_eq(got, want, "%s: [%s] fixed otherwise than %s", rel, id,
                     want_rel);
    /* a second run over the fixed text changes nothing */
    char *twice = fix_only(rule, got, strlen(got), cfg, &again);
    cr_expect_str_eq(twice, got, "%s: [%s] a second fix changed it", rel, id);
    cr_expect_eq(again, 0, "%s: [%s] %zu fixes on a fixed text", rel, id,
                 again);
    free(twice);
    free(got);
    free(text);
    free(want);
    ll_config_free(cfg);
    n++;
  }
  closedir(d);
  cr_expect(n > 0, "%s is fixable but has no fix-*.md", id);
}

#define LL_RULE(e, id, sev, flags, summary)                                    \
  Test(fixes, e) {                                                             \
    if (((flags)&LL_RF_FIXABLE) &&                                             \
        !((flags) & (LL_RF_NETWORK | LL_RF_FIX_NETWORK)))                      \
      check_fixes(LL_R_##e);                                                   \
  }
#include "rules.def"
#undef LL_RULE

/* ---- the engine ---------------------------------------------------- */

static void add_fix(struct ll_diags *d, int rule, size_t s, size_t e,
                    const char *text) {
  struct ll_diag g = {0};
  g.rule = (enum ll_rule_id)rule;
  g.has_fix = 1;
  g.fix_span.start = s;
  g.fix_span.end = e;
  g.fix_text = text;
  g.fix_len = strlen(text);
  ll_diags_push(d, &g);
}

Test(fix, overlapping_edits_wait_for_the_next_pass) {
  const char *text = "0123456789";
  struct ll_diags d = {0};
  add_fix(&d, 2, 6, 8, "x");  /* overlaps the one at 5..7: waits */
  add_fix(&d, 1, 5, 7, "AB"); /* taken: it starts first */
  add_fix(&d, 3, 0, 0, "^");  /* an insertion at the start */
  add_fix(&d, 4, 0, 0, "!");  /* a second one there: waits */
  add_fix(&d, 5, 9, 10, "");  /* a deletion */
  add_fix(&d, 6, 9, 10, "");  /* the same edit again: one edit */
  struct ll_buf out;
  ll_buf_init(&out, 0);
  size_t waiting = 0;
  size_t n = ll_fix_apply(text, strlen(text), &d, 0, d.n, &out, &waiting);
  cr_expect_eq(n, 3);
  cr_expect_eq(waiting, 2);
  cr_expect_str_eq(out.data, "^01234AB78");
  /* the same edits in another order give the same bytes */
  struct ll_diags r = {0};
  for (size_t i = d.n; i-- > 0;)
    ll_diags_push(&r, &d.v[i]);
  struct ll_buf out2;
  ll_buf_init(&out2, 0);
  ll_fix_apply(text, strlen(text), &r, 0, r.n, &out2, NULL);
  cr_expect_str_eq(out2.data, out.data);
  ll_buf_free(&out);
  ll_buf_free(&out2);
  free(d.v);
  free(r.v);
}

Test(fix, invalid_utf8_outside_an_edit_is_carried_through) {
  /* bytes that are no UTF-8 (\xFF, a lone \xC3) beside a fixed URL */
  const char text[] = "# T\xFF\n\n- [A](https://example.org/a?utm_source=x) - "
                      "Caf\xC3 \xFE.\n";
  struct ll_ctx *ctx = ll_ctx_new();
  struct ll_source *src = ll_source_from_mem("t.md", text, sizeof text - 1);
  struct ll_buf out;
  ll_buf_init(&out, 0);
  size_t n = 0;
  char *err = NULL;
  cr_assert_eq(ll_fix_source(ctx, src, &out, &n, &err), 0);
  cr_expect_eq(n, 1);
  const char want[] = "# T\xFF\n\n- [A](https://example.org/a) - "
                      "Caf\xC3 \xFE.\n";
  cr_expect_eq(out.len, sizeof want - 1);
  cr_expect(memcmp(out.data, want, out.len) == 0, "got %s", out.data);
  ll_buf_free(&out);
  ll_source_free(src);
  ll_ctx_free(ctx);
}

/* ---- the binary ---------------------------------------------------- */

static char *run_in(const char *dir, const char *args, const char *in,
                    int *status, char **err) {
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s", dir, th_bin(), args);
  char *out = NULL;
  *status = th_shell(cmd, in, &out, err);
  return out;
}

static char *slurp(const char *dir, const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "rb");
  cr_assert(fp, "%s", path);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  char buf[4096];
  size_t r;
  while ((r = fread(buf, 1, sizeof buf, fp)) > 0)
    ll_buf_add(&b, buf, r);
  fclose(fp);
  ll_buf_add(&b, "", 0);
  if (len)
    *len = b.len;
  return ll_buf_detach(&b);
}

/* Twenty entries that set the ' - ' convention, then two that break it,
 * with line ending eol. */
static char *sample(const char *eol, int bom, int final_newline) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  if (bom)
    ll_buf_adds(&b, "\xEF\xBB\xBF");
  ll_buf_printf(&b, "# Tools%s%s", eol, eol);
  for (int i = 0; i < 20; i++)
    ll_buf_printf(&b, "- [T%d](https://example.org/%d) - Does %d.%s", i, i, i,
                  eol);
  ll_buf_printf(&b, "- [Odd](https://example.org/odd): Colon.%s", eol);
  ll_buf_printf(&b, "- [Odd2](https://example.org/odd2): Colon too.%s",
                final_newline ? eol : "");
  return ll_buf_detach(&b);
}

/* s with the first from replaced by to (caller frees). */
static char *replace(const char *s, const char *from, const char *to) {
  const char *p = strstr(s, from);
  cr_assert(p, "no '%s' in the text", from);
  return ll_strfmt("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

/* got is sample() with both separators fixed. */
static void expect_fixed(const char *got, const char *eol, int bom,
                         int final_newline) {
  char *text = sample(eol, bom, final_newline);
  char *one = replace(text, "/odd): Colon.", "/odd) - Colon.");
  char *want = replace(one, "/odd2): Colon", "/odd2) - Colon");
  cr_expect_str_eq(got, want);
  free(want);
  free(one);
  free(text);
}

Test(fix_cli, crlf_bom_and_no_final_newline_survive) {
  struct {
    const char *eol;
    int bom, nl;
  } cases[] = {
      {"\n", 0, 1}, {"\r\n", 0, 1}, {"\r\n", 1, 0}, {"\n", 1, 1}, {"\n", 0, 0}};
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    char *dir = th_tmpdir();
    char *text = sample(cases[c].eol, cases[c].bom, cases[c].nl);
    free(th_write(dir, "README.md", text, strlen(text)));
    int st;
    char *out = run_in(dir, "-q --no-config --fix README.md", NULL, &st, NULL);
    cr_expect_eq(st, 0, "case %zu: exit %d: %s", c, st, out);
    char *got = slurp(dir, "README.md", NULL);
    expect_fixed(got, cases[c].eol, cases[c].bom, cases[c].nl);
    free(got);
    free(out);
    free(text);
    free(dir);
  }
}

Test(fix_cli, mixed_line_endings_stay_mixed) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  /* every other line ends in CRLF */
  struct ll_buf b;
  ll_buf_init(&b, 0);
  int k = 0;
  for (char *p = text; *p; p++) {
    if (*p == '\n' && k++ % 2)
      ll_buf_addc(&b, '\r');
    ll_buf_addc(&b, *p);
  }
  free(th_write(dir, "README.md", b.data, b.len));
  int st;
  free(run_in(dir, "-q --no-config --fix README.md", NULL, &st, NULL));
  char *got = slurp(dir, "README.md", NULL);
  /* the same lines end as they did: strip the fix and compare */
  size_t crs_before = 0, crs_after = 0;
  for (char *p = b.data; *p; p++)
    crs_before += *p == '\r';
  for (char *p = got; *p; p++)
    crs_after += *p == '\r';
  cr_expect_eq(crs_before, crs_after);
  cr_expect(strstr(got, "[Odd](https://example.org/odd) - Colon.") != NULL);
  free(got);
  ll_buf_free(&b);
  free(text);
  free(dir);
}

Test(fix_cli, mode_kept_and_read_only_left_alone) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  char *path = th_write(dir, "README.md", text, strlen(text));
  chmod(path, 0640);
  int st;
  free(run_in(dir, "-q --no-config --fix README.md", NULL, &st, NULL));
  struct stat s;
  cr_assert_eq(stat(path, &s), 0);
  cr_expect_eq(s.st_mode & 07777, 0640);
  /* read-only: reported, exit 2, untouched */
  char *ro = th_write(dir, "ro.md", text, strlen(text));
  chmod(ro, 0444);
  char *err = NULL;
  free(run_in(dir, "-q --no-config --fix ro.md", NULL, &st, &err));
  if (access(ro, W_OK) != 0) { /* root may write anything */
    cr_expect_eq(st, 2, "exit %d", st);
    cr_expect(strstr(err, "read-only") != NULL, "%s", err);
    char *got = slurp(dir, "ro.md", NULL);
    cr_expect_str_eq(got, text);
    free(got);
  }
  free(err);
  free(ro);
  free(path);
  free(text);
  free(dir);
}

Test(fix_cli, killed_before_the_rename_leaves_the_original) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  free(th_write(dir, "README.md", text, strlen(text)));
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && LL_TEST_KILL_BEFORE_RENAME=1 '%s' -q --no-config --fix "
           "README.md; echo \"status $?\"",
           dir, th_bin());
  char *out = NULL;
  th_shell(cmd, NULL, &out, NULL);
  cr_expect(strstr(out, "status 137") != NULL, "not killed: %s", out);
  char *got = slurp(dir, "README.md", NULL);
  cr_expect_str_eq(got, text, "the original did not survive");
  free(got);
  free(out);
  free(text);
  free(dir);
}

Test(fix_cli, a_file_changed_meanwhile_is_not_overwritten) {
  char *dir = th_tmpdir();
  char *path = th_write(dir, "README.md", "changed\n", 8);
  char *err = NULL;
  enum ll_fix_write_status st =
      ll_fix_write(path, "as read\n", 8, "fixed\n", 6, &err);
  cr_expect_eq(st, LL_FW_CHANGED);
  char *got = slurp(dir, "README.md", NULL);
  cr_expect_str_eq(got, "changed\n");
  free(got);
  cr_expect_eq(ll_fix_write(path, "changed\n", 8, "fixed\n", 6, &err),
               LL_FW_OK);
  got = slurp(dir, "README.md", NULL);
  cr_expect_str_eq(got, "fixed\n");
  free(got);
  free(path);
  free(dir);
}

Test(fix_cli, symlink_target_is_fixed_and_link_kept) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  free(th_write(dir, "real.md", text, strlen(text)));
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && ln -s real.md link.md && '%s' -q "
           "--no-config --fix link.md && test -L link.md && echo link",
           dir, th_bin());
  char *out = NULL;
  th_shell(cmd, NULL, &out, NULL);
  cr_expect(strstr(out, "link") != NULL, "%s", out);
  char *got = slurp(dir, "real.md", NULL);
  expect_fixed(got, "\n", 0, 1);
  free(got);
  free(out);
  free(text);
  free(dir);
}

Test(fix_cli, stdin_fixed_to_stdout_findings_to_stderr) {
  char *text = sample("\n", 0, 1);
  char *out = NULL, *err = NULL;
  int st = th_run("--no-config --fix --rule=separator-style=error -", text,
                  &out, &err);
  expect_fixed(out, "\n", 0, 1);
  cr_expect_eq(st, 0, "nothing remains: exit %d (%s)", st, err);
  cr_expect(strstr(err, "no problems") != NULL, "%s", err);
  free(out);
  free(err);
  free(text);
}

Test(fix_cli, diff_applies_with_patch_and_writes_nothing) {
  char *dir = th_tmpdir();
  char *text = sample("\r\n", 1, 0);
  free(th_write(dir, "README.md", text, strlen(text)));
  int st;
  char *err = NULL;
  char *diff = run_in(dir, "--no-config --diff README.md", NULL, &st, &err);
  cr_expect(strstr(diff, "--- a/README.md\n+++ b/README.md\n") == diff, "%s",
            diff);
  cr_expect(strstr(err, "separator-style") == NULL, "fixed, yet: %s", err);
  char *same = slurp(dir, "README.md", NULL);
  cr_expect_str_eq(same, text, "--diff wrote the file");
  free(same);
  char *p = th_write(dir, "fix.diff", diff, strlen(diff));
  free(p);
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && patch -p1 -s < fix.diff && echo patched", dir);
  char *out = NULL;
  th_shell(cmd, NULL, &out, NULL);
  cr_expect(strstr(out, "patched") != NULL, "%s", out);
  char *got = slurp(dir, "README.md", NULL);
  expect_fixed(got, "\r\n", 1, 0);
  free(got);
  free(out);
  free(diff);
  free(err);
  free(text);
  free(dir);
}

Test(fix_cli, json_and_sarif_carry_the_fix) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  free(th_write(dir, "README.md", text, strlen(text)));
  int st;
  char *json = run_in(dir, "--no-config -f json README.md", NULL, &st, NULL);
  cr_expect(strstr(json, "\"fix\": {\n      \"offset\": ") != NULL, "%s", json);
  cr_expect(strstr(json, "\"replacement\": \" - \"") != NULL, "%s", json);
  char *sarif = run_in(dir, "--no-config -f sarif README.md", NULL, &st, NULL);
  cr_expect(strstr(sarif, "\"deletedRegion\"") != NULL);
  cr_expect(strstr(sarif, "\"insertedContent\"") != NULL);
  free(json);
  free(sarif);
  free(text);
  free(dir);
}

/* ---- git ----------------------------------------------------------- */

Test(fix_cli, staged_fixes_only_a_file_staged_in_full) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  free(th_write(dir, "a.md", text, strlen(text)));
  free(th_write(dir, "b.md", text, strlen(text)));
  char *err = NULL, *out = NULL;
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && git init -q . && git add a.md b.md && "
           "echo '- [New](https://example.org/new) - Unstaged.' >> b.md && "
           "'%s' -q --no-config --fix --staged a.md b.md",
           dir, th_bin());
  th_shell(cmd, NULL, &out, &err);
  cr_expect(strstr(err, "b.md: not fixed: the working tree differs") != NULL,
            "%s", err);
  char *a = slurp(dir, "a.md", NULL);
  expect_fixed(a, "\n", 0, 1);
  char *b = slurp(dir, "b.md", NULL);
  cr_expect(strstr(b, "[Odd](https://example.org/odd): Colon.") != NULL,
            "b.md was fixed: %s", b);
  free(a);
  free(b);
  free(out);
  free(err);
  free(text);
  free(dir);
}

Test(fix_cli, install_hook_fix_fixes_and_blocks_until_staged) {
  char *dir = th_tmpdir();
  char *text = sample("\n", 0, 1);
  free(th_write(dir, "README.md", text, strlen(text)));
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t "
           "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t && git init -q . && "
           "'%s' install-hook --fix >/dev/null && git add README.md && "
           "{ git commit -q -m one; echo \"first $?\"; } && "
           "git add README.md && { git commit -q -m two; echo \"second $?\"; }",
           dir, th_bin());
  char *out = NULL, *err = NULL;
  th_shell(cmd, NULL, &out, &err);
  cr_expect(strstr(out, "first 1") != NULL, "not blocked: %s %s", out, err);
  cr_expect(strstr(out, "second 0") != NULL, "fix staged, still blocked: %s %s",
            out, err);
  char *got = slurp(dir, "README.md", NULL);
  expect_fixed(got, "\n", 0, 1);
  free(got);
  free(out);
  free(err);
  free(text);
  free(dir);
}
