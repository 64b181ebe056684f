/* out_sarif.c - SARIF 2.1.0, as GitHub code scanning reads it. */
#include <string.h>

#include "listlint.h"
#include "out.h"

static const char *level(enum ll_severity s) {
  return s == LL_SEV_ERROR ? "error" : s == LL_SEV_WARNING ? "warning" : "note";
}

/* The page's "## Why" paragraph: the rule's long description. */
static json_t *why(const char *doc) {
  const char *p = strstr(doc, "## Why\n\n");
  if (!p)
    return json_string(doc);
  p += 8;
  const char *e = strstr(p, "\n\n");
  return json_stringn(p, e ? (size_t)(e - p) : strlen(p));
}

static json_t *text(json_t *s) { return json_pack("{s:o}", "text", s); }

/* The readable name SARIF asks for beside the id: "duplicate-link"
 * becomes "DuplicateLink".  A one-word id would give its own word again
 * ("Mojibake"), which SARIF wants left out: the caller omits it. */
static void pascal_case(const char *id, char *out, size_t n) {
  size_t k = 0;
  for (int up = 1; *id && k + 1 < n; id++) {
    if (*id == '-') {
      up = 1;
      continue;
    }
    out[k++] = up && ll_islower(*id) ? (char)(*id - 32) : *id;
    up = 0;
  }
  out[k] = '\0';
}

static json_t *rule(int i) {
  const struct ll_rule_info *r = &ll_rules[i];
  char name[128];
  pascal_case(r->id, name, sizeof name);
  char uri[256];
  snprintf(uri, sizeof uri, "%s/blob/main/rules/%s.md", LL_URL, r->id);
  json_t *o = json_pack(
      "{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:{s:s}, s:s}", "id", r->id, "name",
      name, "shortDescription", text(json_string(r->summary)),
      "fullDescription", text(why(ll_rule_docs[i])), "help", "text",
      ll_rule_docs[i], "markdown", ll_rule_docs[i], "defaultConfiguration",
      "level", level(r->severity), "helpUri", uri);
  if (o && !strchr(r->id, '-'))
    json_object_del(o, "name");
  return o;
}

/* Columns count UTF-16 code units: the run says so (columnKind), and it
 * is SARIF's default, what code scanning and editors count. */
static json_t *result(const struct ll_diag *g) {
  json_t *region =
      json_pack("{s:i, s:i, s:i, s:i}", "startLine", g->line, "startColumn",
                ll_out_col(g->u16_col, g->col), "endLine", g->end_line,
                "endColumn", ll_out_col(g->end_u16_col, g->end_col));
  json_t *loc =
      json_pack("{s:{s:{s:o}, s:o}}", "physicalLocation", "artifactLocation",
                "uri", ll_json_str(g->file), "region", region);
  json_t *res =
      json_pack("{s:s, s:i, s:s, s:o, s:[o], s:{s:s}}", "ruleId", ll_diag_id(g),
                "ruleIndex", (int)g->rule, "level", level(g->severity),
                "message", text(ll_json_str(g->message)), "locations", loc,
                "partialFingerprints", "listlint/v2", g->fingerprint);
  if (res && g->custom_id) /* a custom pattern is not in the catalogue */
    json_object_del(res, "ruleIndex");
  if (res && g->has_fix) {
    /* the region to delete by lines and columns (UTF-16, as the run
     * counts) and by bytes; an empty region is an insertion point */
    json_t *del = json_pack(
        "{s:i, s:i, s:i, s:i, s:I, s:I}", "startLine", g->fix_line,
        "startColumn", g->fix_u16_col, "endLine", g->fix_end_line, "endColumn",
        g->fix_end_u16_col, "byteOffset", (json_int_t)g->fix_span.start,
        "byteLength", (json_int_t)(g->fix_span.end - g->fix_span.start));
    json_t *fix =
        json_pack("{s:o, s:[{s:{s:o}, s:[{s:o, s:{s:o}}]}]}", "description",
                  text(json_string("listlint's fix")), "artifactChanges",
                  "artifactLocation", "uri", ll_json_str(g->file),
                  "replacements", "deletedRegion", del, "insertedContent",
                  "text", ll_json_strn(g->fix_text, g->fix_len));
    json_object_set_new(res, "fixes", json_pack("[o]", fix));
  }
  return res;
}

/* The log around its results: written with a placeholder where the
 * results go, the results then streamed into its place one by one (a
 * log of 100,000 findings is never one tree). */
int ll_out_sarif(FILE *fp, const struct ll_diags *d) {
  static const char mark[] = "listlint:results";
  static const char hole[] = "\"listlint:results\""; /* mark, dumped */
  json_t *rules = json_array();
  for (int i = 0; i < LL_R__COUNT; i++)
    json_array_append_new(rules, rule(i));
  json_t *root = json_pack(
      "{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o}}, s:s, s:s}]}", "$schema",
      "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
      "runs", "tool", "driver", "name", "listlint", "version", LL_VERSION,
      "informationUri", LL_URL, "rules", rules, "columnKind", "utf16CodeUnits",
      "results", mark);
  char *s = root ? json_dumps(root, JSON_INDENT(2)) : NULL;
  json_decref(root);
  char *at = s ? strstr(s, hole) : NULL;
  if (!at) {
    free(s);
    return -1;
  }
  fwrite(s, 1, (size_t)(at - s), fp);
  /* results are the elements of runs[0].results: eight spaces deep */
  int r = 0;
  fputs(d->n ? "[\n        " : "[]", fp);
  for (size_t i = 0; i < d->n && r == 0; i++)
    r = ll_json_write_elem(fp, result(&d->v[i]), i, 8, 0);
  if (d->n)
    fputs("\n      ]", fp);
  fputs(at + sizeof hole - 1, fp);
  fputc('\n', fp);
  free(s);
  return r;
}
