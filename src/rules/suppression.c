/* suppression: its findings (a listlint-disable comment that suppresses
 * nothing, or names a rule that does not exist) are made by src/suppress.c,
 * which runs after every rule, since only then is it known what a comment
 * suppressed.  Nothing runs here. */
#include "common.h"

const struct ll_rule_ops ll_rule_SUPPRESSION = {0};
