/* no-ci-badge: build and coverage badges say nothing about a list. */
#include "common.h"

static void check(struct ll_ctx *ctx, const struct ll_link *l) {
  static const char *const ci[] = {"travis-ci.",
                                   "circleci.com",
                                   "/actions/workflows/",
                                   "appveyor.com",
                                   "codecov.io",
                                   "coveralls.io",
                                   "shields.io/github/actions",
                                   "shields.io/travis",
                                   "shields.io/circleci",
                                   "/badges/build",
                                   "ci.appveyor",
                                   "semaphoreci",
                                   NULL};
  if (!(l->flags & LL_LINK_IMAGE))
    return;
  for (int i = 0; ci[i]; i++)
    if (strstr(l->url, ci[i])) {
      ll_report(ctx, l->span,
                "a CI or coverage badge: a list has no build to show");
      return;
    }
}

const struct ll_rule_ops ll_rule_NO_CI_BADGE = {.on_link = check};
