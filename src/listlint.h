/* listlint.h - the contract of the listlint library.
 *
 * Data flows one way: bytes (struct ll_source) -> document (cmark-gfm) ->
 * entries (struct ll_model) -> diagnostics (struct ll_diags) -> output.
 *
 * Ownership: every ll_*_new has an ll_*_free.  Strings inside a model live in
 * the model's arena and are freed with the model; strings inside a
 * diagnostic are owned by the diagnostics list.  No function keeps global
 * state: everything goes through a struct ll_ctx, so a process may lint any
 * number of files, in any order, several times.
 *
 * Positions: byte offsets into the original bytes (end exclusive).  Lines
 * and columns are 1-based; columns count bytes, not characters, except
 * the character columns of a diagnostic, kept for the output formats
 * whose readers count characters (SARIF, GitHub annotations).
 */
#ifndef LISTLINT_H
#define LISTLINT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define LL_VERSION "0.1.0"
#define LL_URL "https://github.com/listlint/listlint"

/* Exit statuses, documented in --help, README and listlint(1). */
enum ll_exit {
  LL_EXIT_OK = 0,       /* nothing at or above --fail-on */
  LL_EXIT_FINDINGS = 1, /* findings at or above --fail-on */
  LL_EXIT_USAGE = 2,    /* usage, configuration or unreadable input */
  LL_EXIT_INTERNAL = 3  /* internal or system error */
};

/* ------------------------------------------------------------------ */
/* Memory helpers (util.c)                                             */
/* ------------------------------------------------------------------ */

/* Allocation failure aborts with a message: there is no sane recovery. */
/* Say "out of memory" and abort. */
void ll_oom(void) __attribute__((noreturn));
/* n bytes of zeroed memory mapped on a 2 MB boundary and advised for
 * huge pages (fewer page faults), for munmap(p, n); aborts when there is
 * none. */
void *ll_map_huge(size_t n);
void *ll_xmalloc(size_t n);
void *ll_xcalloc(size_t n, size_t size);
void *ll_xrealloc(void *p, size_t n);
char *ll_xstrdup(const char *s);
char *ll_xstrndup(const char *s, size_t n);
#define LL_FREE(p)                                                             \
  do {                                                                         \
    free(p);                                                                   \
    (p) = NULL;                                                                \
  } while (0)

/* A growable byte buffer with a hard cap; data is always NUL-terminated. */
struct ll_buf {
  char *data;
  size_t len, cap, max;
};
#define LL_BUF_MAX_DEFAULT ((size_t)1 << 30)
void ll_buf_init(struct ll_buf *b, size_t max);
/* Return 0, or -1 when the cap would be exceeded (nothing appended). */
int ll_buf_add(struct ll_buf *b, const void *p, size_t n);
int ll_buf_adds(struct ll_buf *b, const char *s);
int ll_buf_addc(struct ll_buf *b, char c);
int ll_buf_printf(struct ll_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int ll_buf_vprintf(struct ll_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* A new string formatted as printf does (caller frees). */
char *ll_strfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Hand the data over to the caller (who frees it); b is reset. */
char *ll_buf_detach(struct ll_buf *b);
void ll_buf_free(struct ll_buf *b);

/* An arena: many small allocations freed at once. */
struct ll_arena_chunk;
struct ll_arena {
  struct ll_arena_chunk *head;
};
void *ll_arena_alloc(struct ll_arena *a, size_t n);
char *ll_arena_strndup(struct ll_arena *a, const char *s, size_t n);
char *ll_arena_strdup(struct ll_arena *a, const char *s);
void ll_arena_free(struct ll_arena *a);

/* Is word one of the words of list, separated by spaces or commas? */
int ll_word_in_list(const char *list, const char *word);

/* Is name a Markdown file's (".md" or ".markdown")? */
int ll_is_markdown_name(const char *name);

/* A string-keyed hash map (keys copied into its arena, values
 * borrowed). */
struct ll_map {
  char **keys;
  const void **vals;
  size_t *hashes;
  size_t n, cap;
  struct ll_arena arena;
};
/* Return the value under key, or NULL. */
const void *ll_map_get(const struct ll_map *m, const char *key);
/* Set key to val (val must not be NULL). */
void ll_map_put(struct ll_map *m, const char *key, const void *val);
/* The value under key if there is one; else set key to val (not NULL)
 * and return NULL.  One lookup where ll_map_get and ll_map_put take two. */
const void *ll_map_add(struct ll_map *m, const char *key, const void *val);
void ll_map_free(struct ll_map *m);
/* Make room for n keys at once (no rehashing while they go in). */
void ll_map_reserve(struct ll_map *m, size_t n);

/* Byte-safe character classes (ASCII, locale-free): never hand a plain
 * char to <ctype.h>.  Letters, case and width in other scripts: unicode.h. */
static inline int ll_isspace(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
static inline int ll_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int ll_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int ll_isalpha(int c) { return ll_isupper(c) || ll_islower(c); }
static inline int ll_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int ll_isalnum(int c) { return ll_isalpha(c) || ll_isdigit(c); }
static inline int ll_tolower(int c) { return ll_isupper(c) ? c + 32 : c; }

/* The words of s (n bytes): runs of bytes other than ASCII white space. */
size_t ll_count_words(const char *s, size_t n);

/* The first byte at or after i (below n) that is not ASCII, or n: text
 * is mostly ASCII, so scanners skip it eight bytes at a time. */
size_t ll_skip_ascii(const unsigned char *s, size_t i, size_t n);

/* Decode one UTF-8 sequence at s (n bytes available).  Return its length
 * (1-4) and store the code point, or return -1 for an invalid sequence
 * (its length is then 1). */
int ll_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* The length of the GitHub emoji shortcode (":name:", the name in
 * lower-case letters, digits, '_', '+' and '-') that s (n bytes) starts
 * with, or 0: GitHub shows it as an emoji, so it is decoration, not text
 * or punctuation. */
size_t ll_shortcode_len(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Source (source.c): the bytes of one input and its line index        */
/* ------------------------------------------------------------------ */

struct ll_source {
  char *name;    /* display name (owned) */
  char *data;    /* the bytes, NUL-terminated (owned) */
  size_t len;    /* without the terminating NUL */
  size_t *lines; /* byte offset of each line's start (owned) */
  size_t nlines;
  int has_nul; /* a NUL byte occurs in data */
};

/* Load a file ("-" means stdin).  On failure return NULL and put a
 * message in *err (caller frees).  max_bytes caps the size. */
struct ll_source *ll_source_load(const char *path, const char *display,
                                 size_t max_bytes, char **err);
/* Wrap a copy of data. */
struct ll_source *ll_source_from_mem(const char *name, const char *data,
                                     size_t len);
void ll_source_free(struct ll_source *src);
/* 1-based line and byte column of an offset (clamped to the data). */
void ll_source_linecol(const struct ll_source *src, size_t off, int *line,
                       int *col);
/* Offset of a 1-based line and byte column (clamped to the data). */
size_t ll_source_offset(const struct ll_source *src, int line, int col);
/* The bytes of a 1-based line, without its line ending. */
const char *ll_source_line(const struct ll_source *src, int line, size_t *len);

/* ------------------------------------------------------------------ */
/* Entries (src/entries/): the list model                               */
/* ------------------------------------------------------------------ */

struct ll_span {
  size_t start, end; /* byte offsets, end exclusive; start == end: empty */
};

enum ll_style {
  LL_STYLE_LINK_LIST, /* - [Name](url) - Description. */
  LL_STYLE_BLOCK,     /* **Title**, description, Access: URL */
  LL_STYLE_NOTES,     /* Name: https://bare.url (description) */
  LL_STYLE_TABLE,     /* | [Name](url) | Description | Auth | */
  LL_STYLE_HTML,      /* <a href="url"><b>Name</b></a> - Description.<br> */
  LL_STYLE_TITLED, /* - **Title** with sub-items "- Code: url", "- [Paper](u)"
                    */
  LL_STYLE_PAPER, /* - **Title**: "About it", venue. [[Paper](u)] [[Code](u)] */
  LL_STYLE_HEADING, /* ## Title, a paragraph, "* Paper: [t](u)" bullets */
  LL_STYLE_GENERAL, /* a repeated template no reader knows (general.c) */
  LL_STYLE__COUNT
};
const char *ll_style_name(enum ll_style s);

enum ll_link_flags {
  LL_LINK_ENTRY = 1 << 0,    /* a link of an entry (not in a description) */
  LL_LINK_PRIMARY = 1 << 1,  /* the entry's main link */
  LL_LINK_AUTOLINK = 1 << 2, /* written as a bare URL or <url> */
  LL_LINK_WWW = 1 << 3,      /* autolinked www.x: the author wrote no scheme */
  LL_LINK_SHARED = 1 << 4,   /* one Access: line shared by several entries */
  LL_LINK_IMAGE = 1 << 5,    /* an image or a badge */
  LL_LINK_NAV = 1 << 6,      /* table of contents, back to top, anchors */
  LL_LINK_HTML = 1 << 7      /* an <a href="..."> of an HTML block */
};

/* What url.c learned about one URL; strings owned by the struct. */
struct ll_url {
  char *scheme; /* lower case, NULL for a relative URL */
  char *host;   /* lower case, NULL when none */
  char *path;
  char *query;
  char *fragment;
  int port;          /* 0 when none */
  int parse_error;   /* libcurl rejected it */
  const char *error; /* libcurl's words, static */
};
struct ll_entry;

struct ll_link {
  const char *url;         /* as cmark-gfm gives it (arena) */
  const char *text;        /* the link text, plain (arena) */
  const char *label;       /* "Access", "Paper", ... or NULL (arena) */
  struct ll_span span;     /* the whole link in the source */
  struct ll_span url_span; /* the destination's bytes, or span */
  unsigned flags;          /* enum ll_link_flags */
  struct ll_entry *entry;  /* owning entry, or NULL */
  struct ll_url parsed;    /* url, parsed once (strings in the arena) */
};

enum ll_entry_flags {
  /* The link stands inside a sentence ("Many [Kaggle](u) datasets"): the
   * name is the link text, the description the whole sentence. */
  LL_ENTRY_PROSE = 1 << 0,
  /* Traits that rules ask instead of the style (the reader) by name: */
  LL_ENTRY_ITEM = 1 << 1,     /* a list item named by its first link */
  LL_ENTRY_INLINE = 1 << 2,   /* name, separator, description on a line */
  LL_ENTRY_LABELLED = 1 << 3, /* its links are labelled ("Access: URL") */
  LL_ENTRY_NOTE = 1 << 4,     /* an informal note: "Name  https://x" */
  LL_ENTRY_TITLED = 1 << 5,   /* named by a full title, which describes it */
  LL_ENTRY_GROUP = 1 << 6,    /* names a group: its sub-items are entries */
  /* A table row that repeats an entry of its section (a table of
   * statistics under the list, see mirror.c): no entry of its own.  Such
   * rows are kept in model->mirrors, never in model->entries. */
  LL_ENTRY_MIRROR = 1 << 7,
  LL_ENTRY_MIRRORED = 1 << 8, /* an entry that a mirror row repeats */
  /* Facts the list states about an entry's resource: */
  LL_ENTRY_NO_HTTPS = 1 << 9, /* it has no https (a table's HTTPS: No) */
  /* Its description cell holds a generator's null ('None', 'null'): it
   * has no description, and the list's source had none to give. */
  LL_ENTRY_NULL_DESCRIPTION = 1 << 10,
  LL_ENTRY_ROW = 1 << 11,       /* a row of a table */
  LL_ENTRY_LABEL_NAME = 1 << 12 /* named by a label ("Link"), not a name */
};

#define LL_DEPTH_MAX 16 /* nesting levels an entry's depth counts */
struct ll_entry {
  enum ll_style style;
  unsigned flags;          /* enum ll_entry_flags */
  const char *name;        /* NULL when missing (arena) */
  const char *description; /* plain text, NULL when missing (arena) */
  const char *access;      /* access condition, NULL when none (arena) */
  const char *separator;   /* "-", ":", ... "" for none, NULL: n/a */
  struct ll_span span, name_span, desc_span, access_span, sep_span;
  char marker; /* list marker: '-', '*', '+', '.', ')' or 0 */
  struct ll_span marker_span;
  int depth;      /* its list item's nesting: 1 at the top level, at most
                   * LL_DEPTH_MAX; 0: not a list item */
  size_t section; /* index into model->sections */
  /* The item a nested entry is under (a topic bullet or the entry it
   * belongs to, numbered from 1 over the document); 0 for others. */
  size_t topic;
  struct ll_link **links; /* entry links, primary first (arena) */
  size_t nlinks, links_cap;
  int line, end_line;
  /* A mirror row: the entry it repeats, or NULL when it repeats none; a
   * mirrored entry: the first row that repeats it; else NULL. */
  struct ll_entry *twin;
};

struct ll_section {
  const char **path; /* heading texts, outermost first (arena) */
  size_t depth;
  int line;            /* heading line, 0 for the top of the file */
  int level;           /* heading level 1-6, 0 for the top of the file */
  struct ll_span span; /* the heading's bytes */
  int skipped;         /* contents, contributing, licence ...: no entries */
  int mirror_line;     /* first line of a table mirroring its entries, or 0 */
};

/* An HTML comment (suppressions live in them). */
struct ll_comment {
  const char *text; /* between <!-- and --> (arena) */
  struct ll_span span;
  int line, end_line;
};

struct ll_model {
  struct ll_arena arena;
  struct ll_comment *comments;
  size_t ncomments, comments_cap;
  struct ll_entry **entries;
  size_t nentries, entries_cap;
  /* rows of tables that mirror entries (LL_ENTRY_MIRROR), in order */
  struct ll_entry **mirrors;
  size_t nmirrors, mirrors_cap;
  struct ll_link **links; /* every link of the document, in order */
  size_t nlinks, links_cap;
  struct ll_section *sections;
  size_t nsections, sections_cap;
};

/* Parse src with cmark-gfm and build the model.  skip_headings (a PCRE2
 * pattern, or NULL) names more sections that hold no entries, beside the
 * built-in contents, contributing, licence, ... .  Return NULL only on an
 * internal failure (cmark returned no document); *err then says why. */
struct ll_model *ll_model_build(const struct ll_source *src,
                                const char *skip_headings, char **err);
void ll_model_free(struct ll_model *m);
/* A section's heading path joined with " > " ("Awesome X > Tools"), as
 * configuration patterns name sections.  Caller frees. */
char *ll_section_path(const struct ll_model *m, size_t section);

/* ------------------------------------------------------------------ */
/* URLs (url.c)                                                        */
/* ------------------------------------------------------------------ */

/* Parse url into u.  With an arena the strings live in it (no
 * ll_url_clear); without one they are malloc'd (free with ll_url_clear).
 * Well-formed web URLs take a fast path; anything unusual goes to
 * libcurl's URL API, whose verdict stands. */
void ll_url_parse_in(struct ll_arena *a, const char *url, struct ll_url *u);
void ll_url_parse(const char *url, struct ll_url *u);
void ll_url_clear(struct ll_url *u);
/* A key equal for URLs of the same resource (scheme, host case, www.,
 * default port, trailing slash, tracking parameters).  Caller frees.
 * NULL for relative, non-web or unparsable URLs. */
char *ll_url_key_of(const struct ll_url *u);
char *ll_url_key(const char *url);
/* The same key written into b (its contents replaced); -1 for no key. */
int ll_url_key_in(struct ll_buf *b, const struct ll_url *u);
/* Does a query parameter name (with host context) count as tracking? */
int ll_url_is_tracking_param(const char *name, size_t n, const char *host);
/* Is host a link shortener? */
int ll_url_is_shortener(const char *host);
/* Is an IPv4 address loopback, private, link-local, shared (CGNAT) or
 * "this network"? */
int ll_ipv4_is_private(const unsigned char a[4]);
/* Is host localhost, a loopback, private, link-local or unspecified
 * address literal, or a .local/.localhost name? */
int ll_url_is_private_host(const char *host);

/* ------------------------------------------------------------------ */
/* Diagnostics (diag.c)                                                */
/* ------------------------------------------------------------------ */

enum ll_severity { LL_SEV_OFF = 0, LL_SEV_INFO, LL_SEV_WARNING, LL_SEV_ERROR };
const char *ll_severity_name(enum ll_severity s);
/* Parse "error", "warning", "info", "off"; -1 when unknown. */
int ll_severity_parse(const char *s);

enum ll_rule_flags {
  LL_RF_FIXABLE = 1,    /* a fix can rewrite the text */
  LL_RF_NETWORK = 2,    /* needs the network (link checks) */
  LL_RF_OPTIN = 4,      /* off unless a profile or configuration enables it */
  LL_RF_FIX_NETWORK = 8 /* fixable with --check-links only (the fix needs
                         * a verdict; its tests run against the local
                         * server, not as fixtures) */
};

enum ll_rule_id {
#define LL_RULE(e, id, sev, flags, summary) LL_R_##e,
#include "rules.def"
#undef LL_RULE
  LL_R__COUNT
};

struct ll_rule_info {
  const char *id;
  enum ll_severity severity;
  unsigned flags;
  const char *summary;
};
extern const struct ll_rule_info ll_rules[LL_R__COUNT];
/* Each rule's documentation page (rules/<id>.md), embedded at build. */
extern const char *const ll_rule_docs[LL_R__COUNT];
/* Look a rule up by id; -1 when unknown. */
int ll_rule_find(const char *id);

struct ll_diag {
  const char *file; /* the source's name (the context's copy) */
  enum ll_rule_id rule;
  enum ll_severity severity;
  struct ll_span span;
  int line, col, end_line, end_col; /* end_col: one past the last byte */
  /* The same columns counted in code points and in UTF-16 code units
   * (SARIF's default unit), set by ll_lint_finish; 0 when unknown (the
   * output formats then use the byte columns). */
  int char_col, end_char_col, u16_col, end_u16_col;
  const char *message;   /* in the context's arena */
  const char *custom_id; /* a custom pattern's id (borrowed), or NULL */
  /* Stable across edits elsewhere in the file: rule, flagged text and
   * how many times the same pair occurred before (hex, NUL-terminated). */
  char fingerprint[17];
  /* The rule's fix, when it proposed one (ll_fix): replace the bytes of
   * fix_span with the fix_len bytes of fix_text (the context's arena, not
   * NUL-terminated when fix_len is 0). */
  int has_fix;
  struct ll_span fix_span;
  const char *fix_text;
  size_t fix_len;
  /* fix_span's 1-based lines and columns: bytes, and UTF-16 units */
  int fix_line, fix_col, fix_end_line, fix_end_col;
  int fix_u16_col, fix_end_u16_col;
};

struct ll_diags {
  struct ll_diag *v;
  size_t n, cap;
};
void ll_diags_free(struct ll_diags *d);
/* Append a copy of g (its message changes owner). */
void ll_diags_push(struct ll_diags *d, const struct ll_diag *g);
/* Sort by file order of addition, then line, column, rule. */
void ll_diags_sort(struct ll_diags *d, size_t from);

/* ------------------------------------------------------------------ */
/* The lint context and engine (engine.c)                              */
/* ------------------------------------------------------------------ */

struct ll_pattern;

struct ll_config;

struct ll_ctx {
  enum ll_severity severity[LL_R__COUNT]; /* effective, LL_SEV_OFF: off */
  const struct ll_config *cfg; /* options and custom rules, or NULL */
  /* ll_lint leaves suppression, sorting and fingerprints to a later
   * ll_lint_finish (findings of the link checker come first). */
  int defer_finish;
  struct ll_diags diags; /* findings of every file linted so far */
  /* Set while one file is linted: */
  const struct ll_source *src;
  const struct ll_model *model;
  enum ll_rule_id current; /* the rule being run */
  /* 1 + the index in diags of the running rule's last finding, or 0
   * when it kept none (its rule off): what ll_fix attaches to. */
  size_t last;
  /* Compiled patterns, keyed by their (static) source string. */
  struct ll_pattern **pats;
  const char **pat_keys;
  size_t npats;
  /* Messages of the findings (they live as long as the context). */
  struct ll_arena msgs;
  const char *file;  /* the findings' copy of the last file name (msgs) */
  struct ll_buf fmt; /* scratch for formatting one message */
  /* ll_fix_diag's count of UTF-16 units along one line, carried on from
   * one fix to the next to its right (set by ll_lint) */
  struct {
    size_t line_start, at, u16;
  } fix_cursor;
};

/* Release what the calling thread keeps from one parse to the next (the
 * parser's spare memory region): a thread that lints calls it before it
 * ends. */
void ll_doc_thread_end(void);

struct ll_ctx *ll_ctx_new(void);
void ll_ctx_free(struct ll_ctx *ctx);

/* Lint one source: build the model, run every enabled rule, append the
 * findings to ctx->diags.  If model_out is not NULL the model is handed
 * to the caller (who frees it), else it is freed.  Return 0, or -1 on an
 * internal error with *err set (caller frees). */
int ll_lint(struct ll_ctx *ctx, const struct ll_source *src,
            struct ll_model **model_out, char **err);

/* The running rule's option key from the configuration, or NULL. */
const char *ll_option(const struct ll_ctx *ctx, const char *key);
/* The id a finding is reported under (a custom pattern's, or the rule's). */
const char *ll_diag_id(const struct ll_diag *g);

/* Apply suppressions, sort, fingerprint and give character columns to
 * d->v[from..] of one file. */
void ll_lint_finish(struct ll_ctx *ctx, size_t from,
                    const struct ll_source *src, const struct ll_model *m);

/* Report a finding of the running rule at span (rules call this only). */
void ll_report(struct ll_ctx *ctx, struct ll_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Attach a fix to the finding the running rule reported last: replace
 * the bytes of span (offsets into the original source; empty: insert)
 * with the len bytes of text (copied).  Nothing when that finding was
 * not kept.  A rule proposes a fix only where the finding is certain and
 * the edit changes nothing but what the finding names (src/fix.c applies
 * them; see rules/<id>.md for what each rule's fix does). */
void ll_fix(struct ll_ctx *ctx, struct ll_span span, const char *text,
            size_t len);

/* Report under another id and severity: custom patterns only. */
void ll_report_as(struct ll_ctx *ctx, enum ll_severity sev, const char *id,
                  struct ll_span span, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Report a finding of rule at span with severity sev, made outside the
 * rules by a phase that knows it only after they ran: the link
 * checker's verdicts (src/run/links.c) and the suppression comments'
 * (src/suppress.c).  The rule becomes the running one, so ll_fix
 * attaches to this finding. */
void ll_report_for(struct ll_ctx *ctx, enum ll_rule_id rule,
                   enum ll_severity sev, struct ll_span span, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

/* What a rule implements; every member may be NULL. */
struct ll_rule_ops {
  void (*on_source)(struct ll_ctx *ctx, const struct ll_source *src);
  void (*on_entry)(struct ll_ctx *ctx, const struct ll_entry *e);
  void (*on_link)(struct ll_ctx *ctx, const struct ll_link *l);
  void (*on_finish)(struct ll_ctx *ctx, const struct ll_model *m);
};

/* ------------------------------------------------------------------ */
/* Output (out_*.c)                                                    */
/* ------------------------------------------------------------------ */

/* A message on standard error, formatted as printf does, control
 * characters shown escaped as in the text output (its line ends kept):
 * file names, URLs and option words come from users. */
void ll_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ll_vsay(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

struct ll_out_opts {
  int color;       /* ANSI colours */
  int show_source; /* source line and caret under each finding */
  int width;       /* the terminal's columns: a wider source line is shortened
                    * around the finding; 0: never shortened */
  int quiet;       /* findings only, no summary */
};

/* Print d->v[from..] for one source (src may be NULL). */
void ll_out_text(FILE *fp, const struct ll_diags *d, size_t from,
                 const struct ll_source *src, const struct ll_out_opts *o);
/* "3 errors, 5 warnings in 2 files" (or "no problems in 2 files"). */
void ll_out_text_summary(FILE *fp, const struct ll_diags *d, size_t nfiles,
                         const struct ll_out_opts *o);
/* The whole list as one JSON array.  Return 0 or -1 on write error. */
int ll_out_json(FILE *fp, const struct ll_diags *d);
/* SARIF 2.1.0 with the rule catalogue.  Return 0 or -1. */
int ll_out_sarif(FILE *fp, const struct ll_diags *d);
/* GitHub Actions workflow commands (annotations). */
void ll_out_github(FILE *fp, const struct ll_diags *d);
/* Entries as a JSON array, written to fp file by file as they are read
 * (no tree of them all): ll_dump_new opens it, ll_dump_add writes a
 * file's entries, ll_dump_write closes the array, frees the writer and
 * returns -1 if any write failed. */
struct ll_dump;
struct ll_dump *ll_dump_new(FILE *fp);
void ll_dump_add(struct ll_dump *dump, const struct ll_source *src,
                 const struct ll_model *m);
int ll_dump_write(struct ll_dump *dump);

#endif
