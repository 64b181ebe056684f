/* test_util.c - the small containers everything else stands on: the
 * buffer's formatter (its own conversions must print what printf does),
 * the string map, the arena. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "helpers.h"

#define SAME_AS_PRINTF(...)                                                    \
  do {                                                                         \
    char want[512];                                                            \
    snprintf(want, sizeof want, __VA_ARGS__);                                  \
    struct ll_buf b;                                                           \
    ll_buf_init(&b, 0);                                                        \
    cr_assert_eq(ll_buf_printf(&b, __VA_ARGS__), 0);                           \
    cr_expect_str_eq(b.data, want);                                            \
    cr_expect_eq(b.len, strlen(want));                                         \
    ll_buf_free(&b);                                                           \
  } while (0)

Test(util, formatter_matches_printf) {
  SAME_AS_PRINTF("plain text");
  SAME_AS_PRINTF("%s and %s", "one", "");
  SAME_AS_PRINTF("%d %d %d %d", 0, -1, INT_MAX, INT_MIN);
  SAME_AS_PRINTF("%u %lu %ld %ld", 4000000000u, ULONG_MAX, LONG_MIN, 7L);
  SAME_AS_PRINTF("%zu of %zu", (size_t)0, SIZE_MAX);
  SAME_AS_PRINTF("[%c%c] 100%%", 'a', '\'');
  SAME_AS_PRINTF("%.*s|%.*s|%.*s", 3, "abcdef", 0, "xyz", 9, "ab");
  /* conversions of its own it leaves to vsnprintf */
  SAME_AS_PRINTF("%5d|%-4s|%x|%08.3f|%s", 42, "ab", 255u, 3.14159, "end");
  SAME_AS_PRINTF("%lld %s", -123456789012LL, "after");
}

Test(util, formatter_appends_and_respects_the_limit) {
  struct ll_buf b;
  ll_buf_init(&b, 16);
  cr_assert_eq(ll_buf_printf(&b, "%s", "0123456789"), 0);
  cr_assert_eq(ll_buf_printf(&b, "%d", 12345), 0);
  cr_expect_str_eq(b.data, "012345678912345");
  /* past the limit: an error, and the text so far is left as it was */
  cr_expect_eq(ll_buf_printf(&b, "%s", "xy"), -1);
  cr_expect_str_eq(b.data, "012345678912345");
  cr_expect_eq(ll_buf_printf(&b, "%5d", 1), -1);
  cr_expect_str_eq(b.data, "012345678912345");
  ll_buf_free(&b);
}

Test(util, map_keeps_many_keys) {
  struct ll_map m = {0};
  char key[32];
  for (size_t i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "k%zu", i);
    ll_map_put(&m, key, (const void *)(i + 1));
  }
  ll_map_put(&m, "k7", (const void *)99); /* replaces */
  cr_expect_eq(m.n, 5000);
  for (size_t i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "k%zu", i);
    size_t want = i == 7 ? 99 : i + 1;
    cr_expect_eq((size_t)ll_map_get(&m, key), want, "%s", key);
  }
  cr_expect_null(ll_map_get(&m, "k5000"));
  cr_expect_null(ll_map_get(&m, ""));
  /* add: the value there stays and is returned; a new key goes in */
  cr_expect_eq((size_t)ll_map_add(&m, "k3", (const void *)7), 4);
  cr_expect_eq((size_t)ll_map_get(&m, "k3"), 4);
  cr_expect_null(ll_map_add(&m, "new", (const void *)8));
  cr_expect_eq((size_t)ll_map_get(&m, "new"), 8);
  cr_expect_eq(m.n, 5001);
  ll_map_free(&m);
  cr_expect_null(ll_map_get(&m, "k1"));
}

Test(util, arena_strings_are_packed_and_blocks_aligned) {
  struct ll_arena a = {0};
  char *s1 = ll_arena_strdup(&a, "ab");
  char *s2 = ll_arena_strdup(&a, "cd");
  cr_expect_str_eq(s1, "ab");
  cr_expect_str_eq(s2, "cd");
  cr_expect_eq(s2 - s1, 3, "strings take their length and a NUL");
  /* Every block, after strings of odd length and blocks of odd size,
   * starts at the alignment malloc guarantees (alignof, not sizeof). */
  for (size_t n = 1; n < 100; n += 7) {
    void *p = ll_arena_alloc(&a, n);
    cr_expect_eq((uintptr_t)p % _Alignof(max_align_t), 0, "block of %zu", n);
    ll_arena_strdup(&a, "xyz");
  }
  /* more than a chunk holds */
  for (int i = 0; i < 20000; i++)
    cr_assert_str_eq(ll_arena_strdup(&a, "0123456789abcdef"),
                     "0123456789abcdef");
  char *big = ll_arena_alloc(&a, (size_t)5 << 20);
  memset(big, 1, (size_t)5 << 20);
  ll_arena_free(&a);
}

/* One rule for "a Markdown file" serves directories, --staged and the
 * hook's diff alike. */
Test(util, markdown_names) {
  cr_expect(ll_is_markdown_name("README.md"));
  cr_expect(ll_is_markdown_name("dir/a b.md"));
  cr_expect(ll_is_markdown_name("notes.markdown"));
  cr_expect_not(ll_is_markdown_name(".md"));
  cr_expect_not(ll_is_markdown_name("a.mdx"));
  cr_expect_not(ll_is_markdown_name("a.MD.txt"));
  cr_expect_not(ll_is_markdown_name("md"));
}

Test(util, emoji_shortcodes) {
  cr_expect_eq(ll_shortcode_len(":copyright: x", 13), 11);
  cr_expect_eq(ll_shortcode_len(":+1:", 4), 4);
  cr_expect_eq(ll_shortcode_len(":card_file_box:", 15), 15);
  cr_expect_eq(ll_shortcode_len("::", 2), 0);
  cr_expect_eq(ll_shortcode_len(": x:", 4), 0);    /* a separator */
  cr_expect_eq(ll_shortcode_len(":Alpha:", 7), 0); /* not a shortcode */
  cr_expect_eq(ll_shortcode_len(":copyright", 10), 0);
}
