/* fuzz_audit.c - the audit's pages and its comparison with an earlier
 * audit: the input is a summary (audit.json) as a user may hand one to
 * --since, corrupt or hostile.  It is compared with itself changed a
 * little, and the pages are written from it into a temporary folder:
 * nothing may crash, hang or leak, whatever its shape. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/audit.h"
#include "audit/summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!dir[0]) {
    snprintf(dir, sizeof dir, "/tmp/fuzz-audit-XXXXXX");
    if (!mkdtemp(dir))
      abort();
  }
  json_t *j = json_loadb((const char *)data, size, 0, NULL);
  if (!j)
    return 0;
  /* compared with itself, and with itself minus its first list */
  json_t *lists = json_object_get(j, "lists");
  json_decref(audit_changes(j, lists));
  json_t *fewer = json_deep_copy(lists);
  if (json_is_array(fewer))
    json_array_remove(fewer, 0);
  json_decref(audit_changes(j, fewer));
  json_decref(fewer);
  if (json_is_object(j)) {
    json_object_set_new(j, "changes", audit_changes(j, lists));
    char *err = NULL;
    static const char text[] = "- [A](https://a.org) - A.\n";
    struct ll_audit_source one = {text, sizeof text - 1};
    struct ll_audit_sources src = {&one, 1};
    ll_audit_write_pages(j, dir, &src, &err);
    free(err);
  }
  json_decref(j);
  return 0;
}
