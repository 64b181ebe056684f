/* suppression: made outside the rules, by src/suppress.c (through
 * ll_report_for): a listlint-disable comment that suppresses nothing, or
 * names a rule that does not exist.  It runs after every rule, since
 * only then is it known what a comment suppressed.  Nothing runs here. */
#include "common.h"

const struct ll_rule_ops ll_rule_SUPPRESSION = {0};
