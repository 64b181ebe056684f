/* control-char: C0 and C1 control characters (but tab and line endings)
 * anywhere in the file, each run reported once. */
#include "common.h"

#define MAX_REPORTS 20

static const char *const c0[32] = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
static const char *const c1[32] = {
    "PAD", "HOP",  "BPH", "NBH", "IND", "NEL", "SSA", "ESA",
    "HTS", "HTJ",  "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1",  "PU2", "STS", "CCH", "MW",  "SPA", "EPA",
    "SOS", "SGCI", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};

/* The length of the control character at d[i] (n bytes), 0 for none;
 * its code point in *cp. */
static size_t control_at(const unsigned char *d, size_t i, size_t n,
                         unsigned *cp) {
  unsigned char c = d[i];
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
    *cp = c;
    return 1;
  }
  if (c == 0xC2 && i + 1 < n && d[i + 1] >= 0x80 && d[i + 1] <= 0x9F) {
    *cp = d[i + 1];
    return 2;
  }
  return 0;
}

static const char *name_of(unsigned cp) {
  return cp < 0x20 ? c0[cp] : cp == 0x7F ? "DEL" : c1[cp - 0x80];
}

static void check(struct ll_ctx *ctx, const struct ll_source *src) {
  const unsigned char *d = (const unsigned char *)src->data;
  size_t n = src->len, reports = 0, more = 0;
  struct ll_span last = {0, 0};
  for (size_t i = 0; i < n;) {
    unsigned cp, next;
    size_t k = control_at(d, i, n, &cp);
    if (!k) {
      i++;
      continue;
    }
    size_t start = i, count = 0;
    while (i < n && (k = control_at(d, i, n, &next)) > 0) {
      i += k;
      count++;
    }
    if (reports < MAX_REPORTS) {
      struct ll_span s = {start, i};
      if (count == 1)
        ll_report(ctx, s,
                  "control character U+%04X (%s): a terminal acts on it and "
                  "GitHub hides it; remove it",
                  cp, name_of(cp));
      else
        ll_report(ctx, s,
                  "%zu control characters, the first U+%04X (%s): a terminal "
                  "acts on them and GitHub hides them; remove them",
                  count, cp, name_of(cp));
      reports++;
      last = s;
    } else {
      more++;
    }
  }
  if (more)
    ll_report(ctx, last, "%zu more runs of control characters not shown", more);
}

const struct ll_rule_ops ll_rule_CONTROL_CHAR = {.on_source = check};
