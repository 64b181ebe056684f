/* mojibake: UTF-8 text that was once decoded as Windows-1252 or Latin-1
 * and saved again ("â€™" for "’", "Ã©" for "é").  The finding says what
 * the author meant. */
#include "../pattern.h"
#include "common.h"

/* Ã or Â followed by a Latin-1 or Windows-1252 continuation, or â€ plus
 * one of the Windows-1252 characters that UTF-8's E2 80 xx turns into. */
static const char pattern[] =
    "(?:\\x{C3}[\\x{80}-\\x{BF}\\x{152}\\x{153}\\x{160}\\x{161}\\x{178}"
    "\\x{17D}\\x{17E}\\x{192}\\x{2C6}\\x{2DC}\\x{2013}\\x{2014}\\x{2018}-"
    "\\x{201E}\\x{2020}-\\x{2022}\\x{2026}\\x{2030}\\x{2039}\\x{203A}"
    "\\x{20AC}\\x{2122}]"
    "|\\x{C2}[\\x{A0}-\\x{BF}]"
    "|\\x{E2}\\x{20AC}[\\x{80}-\\x{BF}\\x{152}\\x{153}\\x{160}\\x{161}"
    "\\x{178}\\x{17D}\\x{17E}\\x{2013}\\x{2014}\\x{2018}-\\x{201E}"
    "\\x{2020}-\\x{2022}\\x{2026}\\x{2030}\\x{2039}\\x{203A}\\x{2122}"
    "\\x{9D}]?)";

/* Windows-1252's 0x80-0x9F as code points. */
static const unsigned cp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
    0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

static int to_byte(unsigned cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
    return (int)cp;
  for (int i = 0; i < 32; i++)
    if (cp1252[i] == cp)
      return 0x80 + i;
  return -1;
}

/* Re-encode the match's characters as bytes and read them as UTF-8. */
static int meant(const char *s, size_t n, char *out, size_t outsz) {
  unsigned char bytes[16];
  size_t nb = 0;
  for (size_t i = 0; i < n && nb < sizeof bytes;) {
    unsigned cp;
    int k = ll_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k < 0)
      return 0;
    int b = to_byte(cp);
    if (b < 0)
      return 0;
    bytes[nb++] = (unsigned char)b;
    i += (size_t)k;
  }
  unsigned cp;
  if (nb == 0 || ll_utf8_decode(bytes, nb, &cp) != (int)nb || nb + 1 > outsz)
    return 0;
  memcpy(out, bytes, nb);
  out[nb] = '\0';
  return 1;
}

/* Is the repair certain?  "â€" and one more character (three bytes of
 * UTF-8 read one by one: ’ “ ” – — …) are never meant as written, nor
 * "Ã" before a Latin-1 continuation (é, ü, ñ); a "Â" pair may be a
 * lone capital before a sign, and a repair to a no-break space or a
 * control character would hide what it made. */
static int unambiguous(const char *s, size_t n, const char *fix) {
  unsigned cp;
  if (ll_utf8_decode((const unsigned char *)fix, strlen(fix), &cp) < 0 ||
      cp < 0xA1 || (cp >= 0x2000 && cp < 0x2010 && cp != 0x2013))
    return 0;
  if (n >= 5 && memcmp(s, "\xC3\xA2\xE2\x82\xAC", 5) == 0)
    return 1; /* â€ */
  return n >= 2 && (unsigned char)s[0] == 0xC3 && (unsigned char)s[1] == 0x83;
}

static void check(struct ll_ctx *ctx, const struct ll_source *src) {
  struct ll_pattern *p = ll_ctx_pattern(ctx, pattern, 0);
  size_t at = 0, s, t;
  while (at < src->len &&
         ll_pattern_find(p, src->data, src->len, at, &s, &t) == 1) {
    char fix[8];
    struct ll_span sp = {s, t};
    if (meant(src->data + s, t - s, fix, sizeof fix)) {
      ll_report(ctx, sp,
                "'%.*s' is mojibake (UTF-8 read as Windows-1252): write '%s'",
                (int)(t - s), src->data + s, fix);
      if (unambiguous(src->data + s, t - s, fix))
        ll_fix(ctx, sp, fix, strlen(fix));
    }
    at = t > at ? t : at + 1;
  }
}

const struct ll_rule_ops ll_rule_MOJIBAKE = {.on_source = check};
