/* unicode.h - letters, case, folding and display width of UTF-8 text, for
 * every script, through utf8proc.
 *
 * Each function takes ASCII on a fast path of its own and goes to utf8proc
 * only for the rest.  Invalid UTF-8 is never an error: each byte of a bad
 * sequence stands for itself (a terminal shows it as U+FFFD), and folding
 * leaves it as it is.  Nothing here keeps state. */
#ifndef LL_UNICODE_H
#define LL_UNICODE_H

#include <stddef.h>

#include "listlint.h"

/* The code point at s (n > 0 bytes); its length in *len.  A byte that
 * starts no valid sequence reads as U+FFFD, one byte long. */
unsigned ll_u8_at(const char *s, size_t n, size_t *len);

/* Append cp to b as UTF-8. */
void ll_u8_put(struct ll_buf *b, unsigned cp);

enum ll_u8_case {
  LL_U8_UNCASED = 0, /* no case: digits, symbols, letters of Han, Hangul,
                      * kana, Arabic, Hebrew, Georgian ... */
  LL_U8_LOWER,       /* a small letter that has a capital (é, д, σ) */
  LL_U8_UPPER        /* a capital or title-case letter (É, Д, ǅ) */
};
/* The case of cp.  A letter counts as cased only when it has a partner
 * in the other case, so that mathematical letters, IPA and the like
 * (styling, not capitalisation) are uncased; Georgian Mkhedruli, which
 * Unicode gives capitals that nobody writes in running text, is
 * uncased too. */
enum ll_u8_case ll_u8_case(unsigned cp);

/* Is cp a letter of a script without case (Han, Hangul, kana, Arabic,
 * Hebrew, Thai, Devanagari, Georgian ...), or CJK punctuation (。，、「」)
 * or a full-width form, which mark text as CJK?  The Latin ordinal
 * indicators ª and º are not. */
int ll_u8_is_caseless_script(unsigned cp);

/* Is cp a letter, a mark or a number of any script: part of a word? */
int ll_u8_is_word(unsigned cp);

/* Is cp a combining mark (accents, vowel signs)? */
int ll_u8_is_mark(unsigned cp);

/* Is cp a space separator (U+0020, U+00A0, U+3000 ...)? */
int ll_u8_is_space(unsigned cp);

/* The simple lower-case mapping of cp (cp itself when it has none). */
unsigned ll_u8_lower(unsigned cp);
/* The simple title-case mapping of cp, what a word's first letter takes
 * ('a' to 'A', 'ǆ' to 'ǅ'; cp itself when it has none). */
unsigned ll_u8_title(unsigned cp);

enum ll_u8_fold_flags {
  LL_U8_FOLD_CASE = 1 << 0, /* case folded: Ååå and ååå, Straße and STRASSE */
  LL_U8_FOLD_MARKS = 1 << 1 /* marks removed, so that É sorts with E; and
                             * the micro sign (µTorrent) reads as u */
};
/* Append to b the n bytes at s normalised for comparison: NFKC, without
 * default-ignorable characters (zero-width joiners, soft hyphens), and as
 * flags ask, case folded (with LL_U8_FOLD_CASE this is
 * utf8proc_NFKC_Casefold) and without marks.  ASCII is lower-cased (or
 * copied) byte by byte; text that is not valid UTF-8 likewise.  b stays
 * NUL-terminated. */
void ll_u8_fold(struct ll_buf *b, const char *s, size_t n, unsigned flags);

/* What cp becomes in text folded with LL_U8_FOLD_CASE, when that is one
 * code point whatever cp's neighbours (é, д, 中 and A do; a combining
 * mark, a ligature or ß do not): its case fold; else 0. */
unsigned ll_u8_fold_char(unsigned cp);

/* Compare the NUL-terminated a and b as ll_u8_fold with flags leaves them
 * (<0, 0, >0, in code point order).  Two ASCII strings are compared in
 * place, as strcasecmp (LL_U8_FOLD_CASE) or strcmp does. */
int ll_u8_compare(const char *a, const char *b, unsigned flags);

/* If the n bytes at s open with the wn bytes at w, case ignored code
 * point by code point (Σ, σ and ς are one letter): the number of bytes
 * of s that matched, else 0 (also when wn is 0). */
size_t ll_u8_prefix_caseless(const char *s, size_t n, const char *w, size_t wn);

/* The columns a terminal gives cp: 2 for wide characters (Han, Hangul,
 * kana, full-width forms, most emoji), 0 for combining marks and other
 * zero-width characters, else 1 (an invalid byte, shown as U+FFFD,
 * too). */
int ll_u8_charwidth(unsigned cp);

/* Is cp an emoji or another pictograph (Unicode's Extended_Pictographic:
 * ⌚, ▶, ☀, 📷, ...)?  Below U+2300 (©, ®, ™, arrows) never: there they
 * are symbols of text more often than pictures. */
int ll_u8_is_pictograph(unsigned cp);

/* The columns of the n bytes at s on a terminal (tabs count 1: callers
 * that show tabs handle them). */
size_t ll_u8_width(const char *s, size_t n);

/* The code points and the UTF-16 code units (two for a character beyond
 * U+FFFF) in the n bytes at s, each invalid byte counting one of each. */
void ll_u8_count(const char *s, size_t n, size_t *cps, size_t *u16);

#endif
