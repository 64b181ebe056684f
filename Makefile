# listlint - build, test, install.  `make` only builds; `make deps` and
# `make run` install what is missing on a Debian machine (see README.md),
# `make lint-deps` the tools of `make lint` and `make format-check`.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
PKGS    := libcmark-gfm libpcre2-8 libcurl inih jansson nettle libutf8proc
# libcurl is loaded with dlopen when first needed (src/curlfn.c): its
# headers are used, its thirty libraries are not linked.
LINKPKGS := libcmark-gfm libpcre2-8 inih jansson nettle libutf8proc
TESTPKG := criterion
# Debian packages that provide the above (and the tools the tests use).
DEBS    := pkg-config gcc make git python3 libcmark-gfm-dev \
           libcmark-gfm-extensions-dev libpcre2-dev libcurl4-openssl-dev \
           libinih-dev libjansson-dev nettle-dev libutf8proc-dev \
           libcriterion-dev pre-commit chromium

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wwrite-strings -Wcast-qual -Wconversion \
           -Wformat=2 -Wvla -Wimplicit-fallthrough
ifdef CI
WARN    += -Werror
endif
OPT     ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -Isrc -Irules \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
LIBS    = $(shell pkg-config --libs $(LINKPKGS) 2>/dev/null) -ldl -lpthread
TESTLIBS = $(shell pkg-config --libs $(TESTPKG) libcurl 2>/dev/null)

SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard src/entries/*.c) \
           $(wildcard src/run/*.c) \
           $(wildcard src/rules/*.c) $(wildcard src/audit/*.c)
TEST_SRC := $(wildcard tests/test_*.c tests/pathological/*.c) tests/helpers.c

B       := build
# the fuzz targets, fuzz/fuzz_NAME.c (see "fuzzing" below)
FUZZ_TARGETS := lint config suppress url classify audit
GEN_SRC := $(B)/gen/rule_docs.c
PROFILES := awesome datasets loose
GEN     := rule_docs hook_text $(PROFILES:%=profile_%)
OBJ     := $(LIB_SRC:%.c=$(B)/%.o) $(GEN:%=$(B)/gen/%.o)
AOBJ    := $(LIB_SRC:%.c=$(B)/asan/%.o) $(GEN:%=$(B)/asan/gen/%.o)

# the generated sources are kept (intermediate files would be deleted)
.SECONDARY: $(GEN:%=$(B)/gen/%.c)

.PHONY: install-hook all run test test-unit test-asan test-cli test-labels \
        test-compat test-fix test-regress deps check-deps check-build-deps \
        install uninstall clean bench format format-check lint lint-deps \
        format-deps fuzz fuzz-build fuzz-seeds test-audit

all: check-build-deps listlint

# ---- dependencies ---------------------------------------------------
# Install what pkg-config cannot find (apt-get; sudo when not root).
deps:
	@missing=""; \
	for p in $(PKGS) $(TESTPKG); do \
	  pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; \
	done; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v git >/dev/null || missing="$$missing git"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v pre-commit >/dev/null || missing="$$missing pre-commit"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "listlint: missing:$$missing"; \
	  if ! command -v apt-get >/dev/null; then \
	    echo "listlint: install these Debian packages by hand: $(DEBS)"; \
	    exit 1; \
	  fi; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "+ $$sudo apt-get update"; \
	  $$sudo apt-get update -qq || exit 1; \
	  echo "+ $$sudo apt-get install -y $(DEBS)"; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    $(DEBS) || exit 1; \
	fi

# Install nothing: say what is missing and how to get it (the build's
# libraries; for check-deps, the tests' too).
check-build-deps:
	@missing=""; \
	for p in $(PKGS); do \
	  pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "listlint: missing:$$missing (make deps installs them)"; exit 1; \
	fi

check-deps:
	@missing=""; \
	for p in $(PKGS) $(TESTPKG); do \
	  pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; \
	done; \
	for t in pkg-config git python3 pre-commit; do \
	  command -v $$t >/dev/null || missing="$$missing $$t"; \
	done; \
	command -v chromium >/dev/null || echo "listlint: missing: chromium" \
	  "(make deps installs it; without it make test-audit is skipped)"; \
	if [ -n "$$missing" ]; then \
	  echo "listlint: missing:$$missing (make deps installs them)"; exit 1; \
	fi

# The tools of make lint and make format-check, installed (apt-get) by
# those targets only when missing: $(call tools,PROGRAM...).
define tools
	@missing=""; \
	for t in $(1); do \
	  command -v $$t >/dev/null || missing="$$missing $$t"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "+ $$sudo apt-get install -y$$missing"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    $$missing || exit 1; \
	fi
endef

lint-deps:
	$(call tools,clang-tidy cppcheck)

format-deps:
	$(call tools,clang-format)

# ---- build ----------------------------------------------------------
# Each object depends on the headers it includes (-MMD writes them to
# its .d file, -MP keeps a deleted header from breaking the build); an
# object without its .d is built again.
DEPFLAGS = -MMD -MP

$(B)/%.o: %.c $(B)/%.d
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -c $< -o $@

$(B)/asan/%.o: %.c $(B)/asan/%.d
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $(DEPFLAGS) -c $< -o $@

# The rule pages, embedded for --explain and SARIF help text.
$(GEN_SRC): rules/rules.def $(wildcard rules/*.md) tools/embed-docs.sh
	@mkdir -p $(dir $@)
	sh tools/embed-docs.sh rules > $@.tmp && mv $@.tmp $@

# The pre-commit hook that install-hook writes.
$(B)/gen/hook_text.c: hooks/pre-commit tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh ll_hook_text hooks/pre-commit > $@.tmp && mv $@.tmp $@

# The built-in profiles.
$(B)/gen/profile_%.c: rules/%.ini tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh ll_profile_$* $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c $(B)/gen/%.d
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -c $< -o $@

$(B)/asan/gen/%.o: $(B)/gen/%.c $(B)/asan/gen/%.d
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $(DEPFLAGS) -c $< -o $@

# Made anew each time: members are told apart by name only, and two
# pairs of files share one (html.o, links.o), which "ar r" on an old
# archive would mix up.
$(B)/liblistlint.a: $(OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/asan/liblistlint.a: $(AOBJ)
	rm -f $@ && ar rcs $@ $^

listlint: src/main.c $(B)/liblistlint.a
	$(CC) $(CFLAGS_ALL) $< $(B)/liblistlint.a $(LIBS) -o $@

$(B)/asan/listlint: src/main.c $(B)/asan/liblistlint.a
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $< $(B)/asan/liblistlint.a $(LIBS) -o $@

# The audit's pages from a summary file, without a run (tests/audit/).
$(B)/audit-pages: tests/audit/pages.c $(B)/liblistlint.a src/audit/audit.h
	$(CC) $(CFLAGS_ALL) $< $(B)/liblistlint.a $(LIBS) -o $@

$(B)/unit: $(TEST_SRC) $(B)/liblistlint.a tests/helpers.h
	$(CC) $(CFLAGS_ALL) -Itests $(TEST_SRC) $(B)/liblistlint.a $(LIBS) \
	  $(TESTLIBS) -o $@

$(B)/asan/unit: $(TEST_SRC) $(B)/asan/liblistlint.a tests/helpers.h
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) -Itests $(TEST_SRC) \
	  $(B)/asan/liblistlint.a $(LIBS) $(TESTLIBS) -o $@

# ---- run and test ---------------------------------------------------
run: deps listlint
	./listlint --show-source examples/README.md; \
	  s=$$?; echo "(exit status $$s: the example has deliberate problems)"; \
	  [ $$s -le 1 ]

test: check-deps
	$(MAKE) --no-print-directory listlint $(B)/unit $(B)/asan/listlint \
	  $(B)/asan/unit
	$(MAKE) --no-print-directory test-unit test-asan test-cli test-labels \
	  test-compat test-fix test-regress test-audit

test-unit: $(B)/unit
	LL_BIN=$(CURDIR)/listlint LL_ROOT=$(CURDIR) $(B)/unit -j2

test-asan: $(B)/asan/unit $(B)/asan/listlint
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LL_BIN=$(CURDIR)/$(B)/asan/listlint LL_ROOT=$(CURDIR) \
	  $(B)/asan/unit -j2

# What the fuzzers found (tests/regress/TARGET/*), replayed once each by
# the target's own code, in both builds: deterministic, no fuzzing.
test-regress: $(FUZZ_TARGETS:%=$(B)/regress/fuzz_%) \
              $(FUZZ_TARGETS:%=$(B)/asan/regress/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  set -- tests/regress/$$t/*; [ -e "$$1" ] || continue; \
	  printf 'regress %s (plain): ' $$t; $(B)/regress/fuzz_$$t "$$@" || exit 1; \
	  printf 'regress %s (asan): ' $$t; \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(B)/asan/regress/fuzz_$$t "$$@" || exit 1; \
	done

# Golden CLI cases, run with both binaries (the sanitizer one catches
# leaks and undefined behaviour in whole runs over the real lists).
test-cli: listlint $(B)/asan/listlint
	LL_BIN=$(CURDIR)/listlint sh tests/cli.sh
	ASAN_OPTIONS=detect_leaks=1 LL_BIN=$(CURDIR)/$(B)/asan/listlint \
	  sh tests/cli.sh

# --fix over every real list, with both binaries: each pass makes only
# its findings' edits, a second --fix changes nothing, the entries read
# the same, --diff applied with patch gives the same bytes.
test-fix: listlint $(B)/asan/listlint
	LL_BIN=$(CURDIR)/listlint python3 tests/fix_corpus.py
	FIX_CORPUS_ARGS="--profile awesome" LL_BIN=$(CURDIR)/listlint \
	  python3 tests/fix_corpus.py
	ASAN_OPTIONS=detect_leaks=1 LL_BIN=$(CURDIR)/$(B)/asan/listlint \
	  python3 tests/fix_corpus.py

# Extraction quality on the hand-labelled lists: no list may fall below
# the F1 recorded for it in tests/labels/floors.tsv.
test-labels: listlint
	LL_BIN=$(CURDIR)/listlint python3 tests/score.py \
	  --check tests/labels/floors.tsv

# The awesome profile against awesome-lint's own test expectations
# (../shared/peers/awesome-lint): each difference is one row of
# rules/awesome-lint-compat.md.
test-compat: listlint
	LL_BIN=$(CURDIR)/listlint python3 tests/awesome_compat.py

# The audit's pages in a real browser (Debian's chromium), made by
# build/audit-pages from the fixtures of tests/audit/: counts, links,
# filtering, sorting, no request, nothing of the data run.
AUDIT_FIXTURES := fixture hostile unchecked
test-audit: $(B)/audit-pages listlint $(B)/asan/listlint
	@for f in $(AUDIT_FIXTURES); do \
	  rm -rf $(B)/audit/$$f && \
	  $(B)/audit-pages tests/audit/$$f.json $(B)/audit/$$f tests/audit && \
	  cp tests/audit/$$f.json $(B)/audit/$$f/audit.json || exit 1; \
	done
	python3 tests/audit_browser.py --report $(B)/audit/fixture \
	  --screenshot $(B)/audit/screenshot.png
	python3 tests/audit_browser.py --report $(B)/audit/hostile \
	  --screenshot $(B)/audit/screenshot-hostile.png
	python3 tests/audit_browser.py --report $(B)/audit/unchecked
	@# real audits: corpus lists in git repositories, --since, link health
	@# against the loopback server, many lists; both binaries
	LL_BIN=$(CURDIR)/listlint python3 tests/audit_run.py \
	  --keep $(B)/audit/real-hostile
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	LL_BIN=$(CURDIR)/$(B)/asan/listlint python3 tests/audit_run.py
	python3 tests/audit_browser.py --report $(B)/audit/real-hostile
	rm -rf $(B)/audit/real && ./listlint audit --no-config -q \
	  --output $(B)/audit/real \
	  ../shared/corpus/lists/kakoni__awesome-healthcare__README.md
	python3 tests/audit_browser.py --report $(B)/audit/real \
	  --screenshot $(B)/audit/screenshot-real.png

# This repository's own hook (listlint checks its own Markdown).
install-hook: listlint
	./listlint install-hook

# Every benchmark in one run, into bench/results/<date>.md (the peers come
# from the npm registry into bench/node_modules on first use).
bench: listlint
	python3 bench/run

# ---- fuzzing ---------------------------------------------------------
# `make fuzz` builds the libFuzzer targets of fuzz/ with clang and runs
# each for FUZZ_TIME seconds, one after the other, niced.  The seed
# corpus is made at run time from tests/fixtures and the shared corpus
# (CORPUS), never kept in the repository; what the fuzzers add is kept in
# build/fuzz/corpus/, what they find in build/fuzz/artifacts/.  A finding,
# once fixed, goes to tests/regress/TARGET/, which make test replays.
FUZZ_TIME ?= 60
FUZZ_CC   ?= clang
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OPTS ?= -timeout=20 -rss_limit_mb=2048 -max_len=16384
CORPUS    ?= ../shared/corpus/lists
FZ        := $(B)/fuzz
FOBJ      := $(LIB_SRC:%.c=$(FZ)/%.o) $(GEN:%=$(FZ)/gen/%.o)

$(FZ)/%.o: %.c $(FZ)/%.d
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_ALL) -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	  $(DEPFLAGS) -c $< -o $@

$(FZ)/gen/%.o: $(B)/gen/%.c $(FZ)/gen/%.d
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_ALL) -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	  $(DEPFLAGS) -c $< -o $@

$(FZ)/liblistlint.a: $(FOBJ)
	rm -f $@ && ar rcs $@ $^

$(FZ)/fuzz_%: fuzz/fuzz_%.c $(FZ)/liblistlint.a
	$(FUZZ_CC) $(CFLAGS_ALL) -O1 $(FUZZ_SAN) -fsanitize=fuzzer $< \
	  $(FZ)/liblistlint.a $(LIBS) -o $@

fuzz-build: $(FUZZ_TARGETS:%=$(FZ)/fuzz_%)

# The same targets without libFuzzer (fuzz/replay.c calls them once per
# file), in the plain and the sanitizer build, for make test.
$(B)/regress/fuzz_%: fuzz/fuzz_%.c fuzz/replay.c $(B)/liblistlint.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< fuzz/replay.c $(B)/liblistlint.a $(LIBS) -o $@

$(B)/asan/regress/fuzz_%: fuzz/fuzz_%.c fuzz/replay.c $(B)/asan/liblistlint.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SAN) $< fuzz/replay.c $(B)/asan/liblistlint.a \
	  $(LIBS) -o $@

# The seeds: fixtures and corpus lists cut into pieces of at most 8 KB at
# line ends (a fuzzer mutates small inputs faster), configuration files,
# URLs found in the fixtures, and fuzz/seeds/.
fuzz-seeds:
	rm -rf $(FZ)/seed && mkdir -p $(FUZZ_TARGETS:%=$(FZ)/seed/%)
	find tests/fixtures tests/readers examples -name '*.md' \
	  -exec cp {} $(FZ)/seed/lint/ \; 2>/dev/null; \
	for f in $(CORPUS)/*.md; do \
	  [ -f "$$f" ] || continue; \
	  split -C 8192 -d -a 4 "$$f" $(FZ)/seed/lint/$$(basename "$$f" .md)-; \
	done; true
	find rules tests -name '*.ini' -exec cp {} $(FZ)/seed/config/ \;
	cp fuzz/seeds/suppress/* $(FZ)/seed/suppress/; \
	cp fuzz/seeds/classify/* $(FZ)/seed/classify/
	cp tests/audit/*.json $(FZ)/seed/audit/
	grep -rhoE '[a-z]+://[^] )>"]+' tests/fixtures | sort -u | head -2000 | \
	  split -l 1 -d -a 4 - $(FZ)/seed/url/u-
	for t in $(FUZZ_TARGETS); do \
	  [ -d tests/regress/$$t ] && cp tests/regress/$$t/* $(FZ)/seed/$$t/; \
	  true; done

fuzz: fuzz-build fuzz-seeds
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FZ)/corpus/$$t $(FZ)/artifacts/$$t; \
	  echo "+ fuzz_$$t for $(FUZZ_TIME) s"; \
	  nice -n 19 $(FZ)/fuzz_$$t -max_total_time=$(FUZZ_TIME) \
	    -dict=fuzz/markdown.dict $(FUZZ_OPTS) \
	    -artifact_prefix=$(FZ)/artifacts/$$t/ -print_final_stats=1 \
	    $(FZ)/corpus/$$t $(FZ)/seed/$$t 2>$(FZ)/$$t.log || \
	    { tail -50 $(FZ)/$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|Done ' $(FZ)/$$t.log; \
	done

FMT_SRC := $(wildcard src/*.c src/*.h src/entries/*.c src/entries/*.h \
             src/run/*.c src/run/*.h \
             src/rules/*.c src/rules/*.h src/audit/*.c src/audit/*.h \
             tests/*.c tests/*.h tests/audit/*.c \
             tests/pathological/*.c fuzz/*.c bench/*.c)

format:
	clang-format -i $(FMT_SRC)

# What CI checks: the tree is as clang-format writes it.
format-check: format-deps
	clang-format --dry-run -Werror $(FMT_SRC)

# clang-tidy's static analyzer and cppcheck over the library and main.c:
# both must be silent.  Left out: the advice to use the C11 Annex K
# functions (glibc has none), and valist.Uninitialized, which in clang 14
# takes a va_list started with va_start, or copied with va_copy, for an
# uninitialized one (cli.c's bad(), util.c's formatter).
TIDY_CHECKS := -*,clang-analyzer-*,$\
  -clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,$\
  -clang-analyzer-valist.Uninitialized
lint: lint-deps $(GEN_SRC)
	@mkdir -p $(B)
	clang-tidy --quiet --warnings-as-errors='*' -checks='$(TIDY_CHECKS)' \
	  $(LIB_SRC) src/main.c -- $(CFLAGS_ALL) >$(B)/tidy.log 2>&1; \
	  s=$$?; grep -v 'warnings generated' $(B)/tidy.log; exit $$s
	cppcheck --quiet --error-exitcode=1 --std=c11 \
	  --enable=warning,portability,performance --inline-suppr \
	  -D_GNU_SOURCE -Isrc -Irules src src/entries src/rules src/audit

install: listlint
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 listlint $(DESTDIR)$(BINDIR)/listlint
	install -m 644 doc/listlint.1 $(DESTDIR)$(MANDIR)/man1/listlint.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/listlint $(DESTDIR)$(MANDIR)/man1/listlint.1

clean:
	rm -rf $(B) listlint

# Named, so that a missing one is no intermediate file make may skip.
DEPS := $(OBJ:.o=.d) $(AOBJ:.o=.d) $(FOBJ:.o=.d)
$(DEPS):
include $(wildcard $(DEPS))
