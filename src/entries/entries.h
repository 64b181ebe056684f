/* entries.h - what the entry readers share: the builder every reader
 * makes entries through, the reader interface, and the text and node
 * helpers.  Only src/entries/ includes it. */
#ifndef LL_ENTRIES_H
#define LL_ENTRIES_H

#include "internal.h"
#include "pattern.h"

/* The state of one model being built.  Readers read and change it only
 * through the functions below (and the block group's fields). */
struct builder {
  const struct ll_source *src;
  /* The piece of src being read (see model.c): the same bytes and
   * offsets, its line index starting at the piece's first line, so that
   * cmark-gfm's positions in the piece convert to offsets in src. */
  struct ll_source view;
  int line0; /* lines of src before the piece */
  struct ll_model *m;
  struct ll_buf tmp;
  /* heading stack */
  const char *heads[7];
  int head_level[7];
  size_t nheads;
  int skipping;            /* the current section holds no entries */
  struct ll_pattern *skip; /* the configuration's skip-headings */
  /* block entries: the group since the last *** or heading */
  int block_mode;
  struct ll_entry **group;
  size_t ngroup, group_cap;
  struct ll_entry *cur;            /* the block entry being read */
  struct ll_link *orphan;          /* an Access: line seen before any title */
  struct ll_buf desc;              /* the current block entry's description */
  struct ll_buf text;              /* ll_build_description's scratch */
  struct ll_map fields;            /* field label candidates and their counts */
  size_t topic;                    /* list items seen (see ll_entry's topic) */
  size_t topics[LL_DEPTH_MAX + 1]; /* the current item's at each depth */
  struct ll_entry *paper; /* a paper entry whose description may follow */
  const char *prose;      /* the section's first paragraph without entries */
  struct ll_span prose_span;
  struct ll_link *prose_link; /* the first link of its prose paragraphs */
  struct ll_link *head_link;  /* the link its heading is ("### [x](u)") */
  size_t leaves[7];           /* leaf sections per heading level */
  struct ll_heading_cand {
    size_t section;
    int level;
    const char *prose;
    struct ll_span prose_span;
    struct ll_link *link;
    size_t items; /* entries read in the section (a "### [x](u)" one's
                     own bullets: its features, its links) */
  } * cands;      /* sections that may be entries told in prose */
  size_t ncands, cands_cap;
  /* the current section's top-level blocks, for the general reader, and
   * the entries it had when it began */
  cmark_node **blocks;
  size_t nblocks, blocks_cap, gen_first;
  /* the current section: where its entries start, and its tables */
  size_t sec_first;
  struct ll_table_rows {
    size_t first, n; /* the rows, entries[first..first+n) */
    int line;        /* the table's first line */
  } * tables;
  size_t ntables, tables_cap;
};

/* ---- readers (readers.def) ----
 * Each reader is offered every node of the document in order (headings
 * and thematic breaks excepted: model.c and sections.c own those) and
 * claims what it recognises: it reads its entries and returns 1, and the
 * node's subtree is offered to no one else; or it returns 0 and the next
 * reader is asked. */
struct ll_reader {
  const char *name;
  int (*claim)(struct builder *b, cmark_node *n);
};
#define LL_READER(id) extern const struct ll_reader ll_reader_##id;
#include "entries/readers.def"
#undef LL_READER

/* ---- the builder API (build.c) ---- */

/* A new entry of style at span, in the current section (arena). */
struct ll_entry *ll_build_entry(struct builder *b, enum ll_style style,
                                struct ll_span span);
/* Give e the link l (once), labelled label (copied) when l has none;
 * the first link is the primary one. */
void ll_build_link(struct builder *b, struct ll_entry *e, struct ll_link *l,
                   const char *label);
/* The description after the name node `after`, with its separator: the
 * plain text of what follows in the paragraph (para), src_off being the
 * name's end in the source; parens: "(description)" loses its parens. */
void ll_build_description(struct builder *b, struct ll_entry *e,
                          cmark_node *after, size_t src_off,
                          struct ll_span para, int parens);
/* Give e the entry links of nodes first..stop (not including it), each
 * labelled label or, without one, by its own text ("[Paper]": "Paper"). */
void ll_build_fields(struct builder *b, struct ll_entry *e, cmark_node *first,
                     cmark_node *stop, const char *label);
/* A paper entry (paper.c) at span: title text from kids, then the
 * labelled links from fl, up to stop (NULL: the paragraph's end). */
struct ll_entry *ll_paper_read(struct builder *b, cmark_node *kids,
                               cmark_node *stop, cmark_node *fl,
                               struct ll_span span);
/* Is the line after the labelled link fl, up to stop, only more links
 * and punctuation ("[[Paper](u)] [[Code](u)]"), as a paper's links are,
 * not a sentence that goes on? */
int ll_paper_tail(cmark_node *fl, cmark_node *stop);
/* Does the line from kids up to the labelled link fl read as a title
 * (a bold title followed by a separator, parentheses or nothing, or
 * plain title text), not as a sentence that starts bold? */
int ll_paper_head(cmark_node *kids, cmark_node *fl);
/* Find e's name (set) in the source within where: its name span. */
void ll_build_name_span(struct builder *b, struct ll_entry *e,
                        struct ll_span where);
/* Make e reach at least to end (its span and end line). */
void ll_build_extend(struct builder *b, struct ll_entry *e, size_t end);
/* The list marker of the item an entry is. */
void ll_build_marker(struct builder *b, struct ll_entry *e, cmark_node *item);
/* The end of a name node in the source: the link's, or the emphasis's. */
size_t ll_build_node_end(struct builder *b, cmark_node *n, struct ll_link *l);
/* Find separator sep in the source after off (past closing emphasis). */
struct ll_span ll_build_source_separator(struct builder *b, size_t off,
                                         size_t end, const char *sep);
/* s without white space at either end. */
struct ll_span ll_build_trim_span(struct builder *b, struct ll_span s);
/* A trimmed copy of s in the model's arena. */
char *ll_build_trimmed(struct builder *b, const char *s, size_t n);
/* The plain text of first up to stop, trimmed (*n bytes, in b->text:
 * valid until b->text is used again). */
const char *ll_build_range(struct builder *b, cmark_node *first,
                           cmark_node *stop, size_t *n);
/* The plain text of n, valid until the next call (b->tmp). */
const char *ll_build_plain(struct builder *b, cmark_node *n);

/* ---- nodes (build.c) ---- */

/* n past blank text and leading decoration (emoji, :shortcode:). */
cmark_node *ll_first_significant(cmark_node *n);
/* The link that names an entry: the node first, or emphasis around it. */
struct ll_link *ll_name_link(cmark_node *first);
/* Is the only non-blank node from first up to stop a strong one
 * (stored in *strong)? */
int ll_is_lone_strong(cmark_node *first, cmark_node *stop, cmark_node **strong);
/* Is n the only thing among its siblings from first but white space? */
int ll_is_alone(cmark_node *first, cmark_node *n);
/* A line break followed by a navigation link, or NULL. */
cmark_node *ll_nav_line(cmark_node *n);

/* The span of line k of a paragraph at ps whose first line is first. */
struct ll_span ll_para_line_span(struct builder *b, struct ll_span ps,
                                 int first_line, int k);
/* The line break that ends the line n is on, or NULL at its end. */
cmark_node *ll_line_end(cmark_node *n);
/* A paragraph of the document's own, or of a block quote. */
int ll_is_top_paragraph(cmark_node *n);

/* ---- links (links.c) ---- */

/* Pass 1: every link and comment of a (piece's) tree into the model;
 * each link node's user data is its struct ll_link. */
void ll_links_collect(struct builder *b, cmark_node *doc);
/* The model link of a link or image node, or NULL. */
struct ll_link *ll_link_of(cmark_node *n);
/* A link an entry may have: not an image or badge, not navigation.
 * Inline, so that callers (and the static analyzer) see the NULL test. */
static inline int ll_is_entry_link(const struct ll_link *l) {
  return l && !(l->flags & (LL_LINK_IMAGE | LL_LINK_NAV));
}
int ll_is_nav_url(const char *url);
/* The source bytes of an HTML block. */
struct ll_span ll_html_block_bytes(struct builder *b, cmark_node *n);

/* ---- text (text.c) ---- */

void *ll_grow(void *v, size_t *cap, size_t n, size_t size);
const char *ll_find_mem(const char *hay, size_t hlen, const char *needle,
                        size_t nlen);
const char *ll_rfind_mem(const char *hay, size_t hlen, const char *needle,
                         size_t nlen);
/* Trim ASCII white space and UTF-8 no-break spaces at both ends. */
void ll_trim(const char **s, size_t *n);
/* Plain text of the siblings from first up to (not including) stop. */
void ll_plain_range(struct ll_buf *out, cmark_node *first, cmark_node *stop);
int ll_is_blank_text(cmark_node *n);
int ll_is_decoration_text(cmark_node *n);
/* Separators between a name and its description, longest first, NULL
 * at the end; and their lengths. */
extern const char *const ll_separators[];
extern const unsigned char ll_separator_len[];
size_t ll_separator_at_end(const char *s, size_t n, size_t keep);
const char *ll_take_separator(const char **s, size_t *n);
void ll_strip_parens(const char **s, size_t *n);
int ll_name_prefix(const char *s, size_t n, const char **name, size_t *nlen);
/* s (trimmed) is "Label:" (or "Label\xEF\xBC\x9A"), a label of up to
 * four words: the label's length, else 0. */
size_t ll_label_colon(const char *s, size_t n);
/* The first separator, in ll_separators' order, that stands apart
 * (" - ") in the first 80 bytes of s: where its " sep " starts (its index
 * in *which), or NULL. */
const char *ll_spaced_separator(const char *s, size_t n, int *which);
/* Could s (trimmed, n bytes) name an entry: at most 60 bytes and eight
 * words, no sentence in it ('. ', '! ', '? ', and ', ' with comma)? */
int ll_is_name_text(const char *s, size_t n, int comma);
/* Does a bold note read as an access condition ("Requires registration")? */
int ll_is_access_text(const char *s);

/* ---- field labels (fields.c) ---- */

/* Count the label candidates of the whole source (link texts, "Label:"
 * before a link), before any piece is read: the counts are the same
 * however the list is split. */
void ll_fields_scan(struct builder *b, const struct ll_source *src);
/* Is a link's text a field label (or the link bracketed: "[[Code](u)]")? */
int ll_is_field_link(struct builder *b, const struct ll_link *l);
/* Could s be a label (short, a few words, starting with a letter)? */
int ll_is_label_form(const char *s, size_t n);
/* Is s a field label: bracketed, or counted three times or more? */
int ll_is_field_label(struct builder *b, const char *s, size_t n);
/* 3 for labels of the resource itself (Access, Data, Homepage ...), 2
 * for its paper, 1 for others, 0 for none. */
int ll_label_rank(const char *label);
/* The label s as a link's label: trimmed, brackets and colon off (arena). */
const char *ll_label_text(struct builder *b, const char *s);

/* general.c: note a top-level block of the current section; read the
 * closing section's records when no reader read entries from it (called
 * while the section's tree is alive). */
void ll_general_block(struct builder *b, cmark_node *n);
void ll_general_close(struct builder *b);

/* heading.c: the section closing now may be one resource: its entries
 * become one entry named by the heading. */
void ll_heading_close(struct builder *b, int next_level);
/* At the end: sections told in prose, when enough of them repeat the
 * template, become one entry each (see heading.c). */
void ll_heading_prose(struct builder *b);

/* ---- sections (sections.c) ---- */

void ll_section_new(struct builder *b, int line);
void ll_section_heading(struct builder *b, cmark_node *h);
/* An HTML block that is a heading: open its section and return 1. */
int ll_section_html(struct builder *b, cmark_node *n);
/* Is n such a block? */
int ll_is_html_heading(cmark_node *n);

/* ---- mirror tables (mirror.c) ---- */

/* The table at line made the entries from first to the last one. */
void ll_mirror_table(struct builder *b, size_t first, int line);
/* The current section is complete: its tables that repeat its other
 * entries become mirrors (model->mirrors); the rest stay entries. */
void ll_mirror_section_end(struct builder *b);

/* ---- block entries (block.c), which other readers continue ---- */

void ll_block_title(struct builder *b, cmark_node *strong, struct ll_span span);
void ll_block_finish(struct builder *b);
/* e (read by another reader) waits, as a block title does, for the
 * labelled link lines that follow. */
void ll_block_adopt(struct builder *b, struct ll_entry *e);
void ll_block_close_group(struct builder *b);
/* "Access: " before link: the label (in b->tmp), or NULL. */
const char *ll_label_of(struct builder *b, cmark_node *text, cmark_node *link);
/* Labelled link lines among top-level paragraphs, counted up to max. */
int ll_block_count_labels(struct builder *b, cmark_node *doc, int max);

/* notes.c: a bare URL on a short line of its own (one line of a
 * paragraph, first up to stop, at ls). */
void ll_notes_line(struct builder *b, cmark_node *first, cmark_node *stop,
                   struct ll_span ls);

#endif
