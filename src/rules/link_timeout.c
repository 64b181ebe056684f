/* link-timeout: a verdict of the link checker (src/linkcheck.c), which runs
 * after the rules when --check-links is given: rules never touch the
 * network, so nothing runs here. */
#include "common.h"

const struct ll_rule_ops ll_rule_LINK_TIMEOUT = {0};
