/* no-ci-badge: build and coverage badges say nothing about a list. */
#include "common.h"

static int is_ci(const struct ll_link *l) {
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
  for (int i = 0; ci[i]; i++)
    if (strstr(l->url, ci[i]))
      return 1;
  return 0;
}

/* One finding per badge: "[![Build](ci image)](ci page)" is one badge,
 * the link reported, the image inside it not again. */
static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const struct ll_link *last = NULL; /* the last badge reported */
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (!(l->flags & LL_LINK_IMAGE) || !is_ci(l))
      continue;
    if (last && l->span.start >= last->span.start &&
        l->span.end <= last->span.end)
      continue; /* inside the badge just reported */
    ll_report(ctx, l->span,
              "a CI or coverage badge: a list has no build to show");
    last = l;
  }
}

const struct ll_rule_ops ll_rule_NO_CI_BADGE = {.on_finish = finish};
