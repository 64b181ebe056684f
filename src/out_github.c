/* out_github.c - GitHub Actions workflow commands, one per finding:
 * ::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message */
#include "listlint.h"
#include "out.h"

/* Data (the message) escapes %, CR and LF; properties also : and ,;
 * both show the other control characters in caret notation (ESC ^[). */
static void put_escaped(FILE *fp, const char *s, int property) {
  for (; *s; s++) {
    switch (*s) {
    case '%':
      fputs("%25", fp);
      break;
    case '\r':
      fputs("%0D", fp);
      break;
    case '\n':
      fputs("%0A", fp);
      break;
    case ':':
      fputs(property ? "%3A" : ":", fp);
      break;
    case ',':
      fputs(property ? "%2C" : ",", fp);
      break;
    default: /* other controls shown as the text output shows them: the
              * log viewer acts on ESC sequences */
      if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7F) {
        fputc('^', fp);
        fputc(*s ^ 0x40, fp);
      } else {
        fputc(*s, fp);
      }
    }
  }
}

void ll_out_github(FILE *fp, const struct ll_diags *d) {
  for (size_t i = 0; i < d->n; i++) {
    const struct ll_diag *g = &d->v[i];
    const char *cmd = g->severity == LL_SEV_ERROR     ? "error"
                      : g->severity == LL_SEV_WARNING ? "warning"
                                                      : "notice";
    fprintf(fp, "::%s file=", cmd);
    put_escaped(fp, g->file, 1);
    /* annotations count characters, not bytes */
    fprintf(fp, ",line=%d,endLine=%d,col=%d,endColumn=%d,title=", g->line,
            g->end_line, ll_out_col(g->char_col, g->col),
            ll_out_col(g->end_char_col, g->end_col));
    put_escaped(fp, ll_diag_id(g), 1);
    fputs("::", fp);
    put_escaped(fp, g->message, 0);
    fputc('\n', fp);
  }
}
