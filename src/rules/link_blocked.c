/* link-blocked: made outside the rules, by the link phase (src/run/links.c,
 * report_link, through ll_report_for) from a verdict of the link checker
 * (src/linkcheck.c), which runs after every rule when --check-links is
 * given: rules never touch the network, so nothing runs here. */
#include "common.h"

const struct ll_rule_ops ll_rule_LINK_BLOCKED = {0};
