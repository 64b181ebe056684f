/* audit.h - the pages of `listlint audit`, made from its summary.
 *
 * The summary is the JSON object doc/audit-json.md describes (the run
 * makes it); this module only turns it into HTML.  Every page is
 * self-contained: inline CSS and JavaScript, no external asset, and a
 * Content-Security-Policy that lets only the page's own script and style
 * run (by their SHA-256), so that text which escaping somehow let through
 * still could not execute or load anything.
 */
#ifndef LL_AUDIT_H
#define LL_AUDIT_H

#include <stddef.h>

#include <jansson.h>

#include "listlint.h"

/* One list's bytes, for its local source view (borrowed; data may be
 * NULL when the bytes are not at hand: then no view is written and links
 * to it show as text). */
struct ll_audit_source {
  const char *data;
  size_t len;
};

/* Per list, in the order of the summary's "lists" (n may be smaller than
 * the number of lists: the rest have no bytes). */
struct ll_audit_sources {
  const struct ll_audit_source *list;
  size_t n;
};

/* Write DIR/index.html, DIR/lists/<slug>.html per list and, for each list
 * whose "line_url" does not start with "https://" and whose bytes src
 * gives, DIR/source/<slug>.html (the text with an anchor #L<n> per line).
 * Directories are made as needed; each file is written to a temporary
 * file beside it and renamed into place.  summary is borrowed; src may be
 * NULL.  Return 0, or -1 with *err (caller frees) naming the file or the
 * part of the summary at fault (a summary of another format, a slug
 * outside [A-Za-z0-9_-] or given twice). */
int ll_audit_write_pages(const json_t *summary, const char *dir,
                         const struct ll_audit_sources *src, char **err);

/* Write b to DIR/NAME (DIR made already) through a temporary file beside
 * it, fsync and a rename, mode 0644: the one way the audit writes a file.
 * 0, or -1 with *err (caller frees) naming the file. */
int ll_audit_write_file(const char *dir, const char *name,
                        const struct ll_buf *b, char **err);

/* ---- the parts the pages are made of, for the tests ----------------- */

/* Append s (n bytes) escaped for HTML text and for a double- or
 * single-quoted attribute value alike: & < > " ' become references,
 * control characters other than tab, newline and carriage return and
 * invalid UTF-8 become U+FFFD.  The one escaping function of the pages. */
void ll_audit_escape(struct ll_buf *b, const char *s, size_t n);

enum ll_audit_link {
  LL_AUDIT_LINK_TEXT,  /* not a link: shown as text */
  LL_AUDIT_LINK_WEB,   /* http:// or https:// (scheme in any case) */
  LL_AUDIT_LINK_SOURCE /* ../source/<slug>.html[#L<n>], a local view */
};
/* What may href become?  Only a web URL or a link into a local source
 * view is ever live (the writer also checks that it wrote that view);
 * javascript:, data:, vbscript:, other schemes, and anything with
 * control characters or spaces stay text.  For LL_AUDIT_LINK_SOURCE,
 * *slug and *slug_len (when not NULL) give the view's slug inside href. */
enum ll_audit_link ll_audit_link_kind(const char *href, const char **slug,
                                      size_t *slug_len);

/* "sha256-<base64>" of n bytes, as a CSP source expression (caller
 * frees). */
char *ll_audit_csp_hash(const char *s, size_t n);

/* The pages' inline script and style sheet (static strings), whose
 * hashes the policy lists. */
extern const char ll_audit_js[];
extern const char ll_audit_css[];

#endif
