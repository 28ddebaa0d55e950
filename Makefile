# libshebao — exact Chinese social-insurance calculations. GNU Make.
#
#   make            build build/libshebao.a, build/libshebao.so and build/shebao
#   make demo       install missing Debian packages, build, run the main job on the embedded policy
#   make check      install missing Debian packages, build, run every test
#   make sanitize   the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, and the thread test
#                   under ThreadSanitizer
#   make check-valgrind  the bad-input and CLI suites with every run under valgrind (errors and leaks fail)
#   make check-browser  the phone page of `shebao serve` in headless Chromium (installs chromium: not in `make check`)
#   make bench-serve  `shebao serve` under load (wrk, loopback): requests/s and latency, docs/performance.md
#   make fuzz       each libFuzzer target in fuzz/ for FUZZ_SECONDS seconds (default 30)
#   make docs       Doxygen HTML into build/docs (an undocumented public symbol fails it)
#   make install / uninstall   honour PREFIX, DESTDIR, LIBDIR, INCLUDEDIR, BINDIR, LOCALEDIR
#   make po-update  after a message changed: the templates in po/ rewritten and merged into the catalogues
#   make deps       install whatever Debian packages are missing (a no-op when all are present)
#   make deps-browser  the same for check-browser's packages (DEB_PKGS_BROWSER)

PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(PREFIX)/bin
LOCALEDIR  ?= $(PREFIX)/share/locale
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR    ?=

BUILD ?= build
# The release build defines NDEBUG: the assert()s in lib/ (invariants such as "the balance is the sum of its parts",
# the premises of the fast paths, each fast result checked against the exact path) cost nothing there. Any build with
# its own CFLAGS keeps them: `make sanitize`, the fuzz builds, `make CFLAGS='-O0 -g'`.
CFLAGS ?= -O2 -g -DNDEBUG
LDFLAGS ?=
SANFLAGS ?=

# single source of truth for the version: the header
VERSION_H := include/shebao/version.h
V_MAJOR := $(shell sed -n 's/^\#define SHEBAO_VERSION_MAJOR \([0-9]*\)/\1/p' $(VERSION_H))
V_MINOR := $(shell sed -n 's/^\#define SHEBAO_VERSION_MINOR \([0-9]*\)/\1/p' $(VERSION_H))
V_PATCH := $(shell sed -n 's/^\#define SHEBAO_VERSION_PATCH \([0-9]*\)/\1/p' $(VERSION_H))
SOVERSION := $(shell sed -n 's/^\#define SHEBAO_SOVERSION \([0-9]*\)/\1/p' $(VERSION_H))
VERSION := $(V_MAJOR).$(V_MINOR).$(V_PATCH)

DEB_PKGS := libmpfr-dev libgmp-dev libcmocka-dev libjansson-dev doxygen pkg-config valgrind \
            libcairo2-dev fonts-noto-cjk poppler-utils jq libcsv-dev clang libclang-rt-14-dev libmicrohttpd-dev curl wrk gettext
# `make check-browser` only: a browser is too big to ask of every `make check`
DEB_PKGS_BROWSER := chromium python3 jq curl fonts-noto-cjk
PKG_DEPS := jansson mpfr gmp

WARN := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEP_CFLAGS = $(shell pkg-config --cflags $(PKG_DEPS) 2>/dev/null)
# the system libraries the shared library is linked with; the installed shebao.pc lists them as Libs.private, so
# that a static link through `pkg-config --static --libs shebao` gets the same set
SYS_LIBS := -lm -lpthread
DEP_LIBS = $(shell pkg-config --libs $(PKG_DEPS) 2>/dev/null || echo -ljansson -lmpfr -lgmp) $(SYS_LIBS)
ALL_CFLAGS = $(WARN) -D_XOPEN_SOURCE=700 -Iinclude -Ilib $(DEP_CFLAGS) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
# Each compile also writes the headers its object includes into OBJ.d (-MMD; -MP: a deleted header is no error).
# The .d files are included at the end, so that a touched header rebuilds exactly the objects that include it.
# $(NEED_D) in a rule's prerequisites is FORCE while the target's .d does not exist (a target built before the .d
# files, or whose .d was deleted), so that it is built again and its list written; nothing once it exists.
DEPFLAGS = -MMD -MP
.SECONDEXPANSION:
NEED_D = $$(if $$(wildcard $$(basename $$@).d),,FORCE)

LIB_SRC := $(wildcard lib/*.c)
LIB_OBJ := $(patsubst lib/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/embedded.o $(BUILD)/obj/tables.o
# national and the province first, then the city overlays (the order of `shebao policy list`)
POLICIES := data/policies/national.json data/policies/zhejiang.json \
            $(filter-out data/policies/national.json data/policies/zhejiang.json,$(sort $(wildcard data/policies/*.json)))
TABLES := $(sort $(wildcard data/lifetables/*.csv))
STATIC := $(BUILD)/libshebao.a
SHARED_REAL := $(BUILD)/libshebao.so.$(VERSION)
SHARED_SONAME := libshebao.so.$(SOVERSION)

CLI_SRC := $(wildcard examples/shebao/*.c)
CLI_OBJ := $(patsubst examples/shebao/%.c,$(BUILD)/cli/%.o,$(CLI_SRC))
CLI := $(BUILD)/shebao
# the compiled message catalogues (po/), next to the CLI
MO := $(BUILD)/locale/zh_CN/LC_MESSAGES/shebao.mo $(BUILD)/locale/zh_CN/LC_MESSAGES/libshebao.mo

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# teaching examples (examples/*.c, docs/teaching.md): built by `make`, run by `make check`
EXAMPLES := project_one compare_grades meizhou_table taizhou_village marginal provinces backpay ltc_care
EXAMPLE_BIN := $(patsubst %,$(BUILD)/examples/%,$(EXAMPLES))

.PHONY: bench bench-serve all lib cli demo check check-browser deps-browser test unit-tests cxx-check cli-tests install-check sanitize docs install uninstall deps \
        clean FORCE examples examples-run check-valgrind bad-input-tests batch-tests abi-check abi-update \
        fuzz fuzz-lib fuzz-replay po-check po-update

all: lib cli examples

lib: $(STATIC) $(BUILD)/libshebao.so $(BUILD)/shebao.pc

cli: $(CLI) $(MO)

# ---- messages (GNU gettext; tools/po.sh, docs/internals.md) ------------------------------------------------------
# The catalogues of the CLI's domain (shebao) and the library's (libshebao), compiled into the build tree, where an
# uninstalled build/shebao finds them (build/locale), and installed under $(LOCALEDIR).
$(BUILD)/locale/zh_CN/LC_MESSAGES/shebao.mo: po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check-format -o $@ $<
$(BUILD)/locale/zh_CN/LC_MESSAGES/libshebao.mo: po/libshebao/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check-format -o $@ $<
$(BUILD)/cli/cli_lang.o: CLI_CFLAGS += -DSHEBAO_LOCALEDIR='"$(LOCALEDIR)"'

# Every message of the sources has a zh_CN translation, none fuzzy, the same % conversions; the templates are fresh.
po-check:
	@sh tools/po.sh check

# After adding or changing a message: rewrite the templates and merge them into the catalogues, then translate.
po-update:
	sh tools/po.sh update

# the CLI alone draws charts (cairo), reads CSV (libcsv) and serves HTTP (`shebao serve`: GNU libmicrohttpd); the
# library needs none of them
CLI_CFLAGS = $(shell pkg-config --cflags cairo libmicrohttpd 2>/dev/null)
CLI_LIBS = $(shell pkg-config --libs cairo fontconfig 2>/dev/null || echo -lcairo -lfontconfig) -lcsv \
           $(shell pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd)
# batch --encoding reads through glibc's fopencookie (every build of the file: the CLI, fuzz, replay, sanitizers)
%/batch_decode.o: CLI_CFLAGS += -D_GNU_SOURCE
# cli_lang.c: strerrordesc_np, the English reason of an errno value whatever the locale (every build of the file)
%/cli_lang.o: CLI_CFLAGS += -D_GNU_SOURCE

$(BUILD)/obj/%.o: lib/%.c $(NEED_D) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -fPIC -c $< -o $@

$(BUILD)/embed: tools/embed.c | $(BUILD)/obj
	$(CC) -std=c17 -Wall -Wextra -Werror $(CFLAGS) $< -o $@

$(BUILD)/gen/embedded.c: $(BUILD)/embed $(POLICIES) Makefile | $(BUILD)/obj
	@mkdir -p $(BUILD)/gen
	$(BUILD)/embed sb_embedded_policies $@ $(POLICIES)

$(BUILD)/gen/tables.c: $(BUILD)/embed $(TABLES) | $(BUILD)/obj
	@mkdir -p $(BUILD)/gen
	$(BUILD)/embed sb_embedded_tables $@ $(TABLES)

$(BUILD)/obj/%.o: $(BUILD)/gen/%.c $(NEED_D)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -fPIC -c $< -o $@

$(STATIC): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_REAL): $(LIB_OBJ) lib/shebao.map
	$(CC) -shared -Wl,-soname,$(SHARED_SONAME) -Wl,--version-script=lib/shebao.map $(ALL_LDFLAGS) \
	    -o $@ $(LIB_OBJ) $(DEP_LIBS)

$(BUILD)/libshebao.so: $(SHARED_REAL)
	ln -sf libshebao.so.$(VERSION) $(BUILD)/$(SHARED_SONAME)
	ln -sf libshebao.so.$(VERSION) $@

# Rewritten whenever PREFIX/LIBDIR/INCLUDEDIR differ from the last run (FORCE), touched only when it changes.
$(BUILD)/shebao.pc: FORCE | $(BUILD)/obj
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: shebao' 'Description: Exact Chinese social-insurance contributions and benefits' \
	  'Version: $(VERSION)' 'Requires.private: $(PKG_DEPS)' 'Libs: -L$${libdir} -lshebao' \
	  'Libs.private: $(SYS_LIBS)' \
	  'Cflags: -I$${includedir}' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

FORCE:

$(BUILD)/cli/%.o: examples/shebao/%.c $(NEED_D) | $(BUILD)/cli
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(CLI_CFLAGS) -Iexamples/shebao -c $< -o $@

$(CLI): $(CLI_OBJ) $(STATIC)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(CLI_LIBS) $(DEP_LIBS)

$(BUILD)/tests/obj/%.o: tests/unit/%.c $(NEED_D) | $(BUILD)/tests/obj
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(UNIT_CFLAGS) -Itests/unit -c $< -o $@

$(filter-out $(BUILD)/tests/test_chart $(BUILD)/tests/test_compare_text $(BUILD)/tests/test_cli_words,$(UNIT_BIN)): $(BUILD)/tests/%: $(BUILD)/tests/obj/%.o $(STATIC)
	$(CC) -o $@ $< $(STATIC) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(DEP_LIBS)

# the NULL-argument test reads the checked export list at run time: an export without a test there fails it
$(BUILD)/tests/obj/test_null_args.o: UNIT_CFLAGS = -DSHEBAO_EXPORTS_TXT='"$(CURDIR)/tests/abi/exports.txt"'

# test_language reads the library's catalogue of the build tree
$(BUILD)/tests/obj/test_language.o: UNIT_CFLAGS = -DSHEBAO_TEST_LOCALEDIR='"$(BUILD)/locale"'
# the chart test links the CLI's chart code (and its messages, cli_lang.c) and cairo (it checks that Chinese labels
# are not tofu)
# (and cairo's failures named in Chinese, chart_status.c, from the CLI's catalogue of the build tree)
$(BUILD)/tests/obj/test_chart.o: UNIT_CFLAGS = $(CLI_CFLAGS) -Iexamples/shebao \
    -DSHEBAO_TEST_LOCALEDIR='"$(BUILD)/locale"'
CHART_TEST_OBJ := $(BUILD)/cli/chart.o $(BUILD)/cli/chart_status.o $(BUILD)/cli/cli_lang.o
$(BUILD)/tests/test_chart: $(BUILD)/tests/obj/test_chart.o $(CHART_TEST_OBJ) $(STATIC)
	$(CC) -o $@ $< $(CHART_TEST_OBJ) $(STATIC) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(CLI_LIBS) $(DEP_LIBS)

# the sentences of compare (examples/shebao/compare_text.c): the CLI's text code, no cairo
$(BUILD)/tests/obj/test_compare_text.o: UNIT_CFLAGS = -Iexamples/shebao
$(BUILD)/tests/test_compare_text: $(BUILD)/tests/obj/test_compare_text.o $(BUILD)/cli/compare_text.o $(STATIC)
	$(CC) -o $@ $< $(BUILD)/cli/compare_text.o $(STATIC) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(DEP_LIBS)

# the plain words of the text tables (examples/shebao/cli_words.c): the CLI's text code, no cairo
$(BUILD)/tests/obj/test_cli_words.o: UNIT_CFLAGS = -Iexamples/shebao
$(BUILD)/tests/test_cli_words: $(BUILD)/tests/obj/test_cli_words.o $(BUILD)/cli/cli_words.o $(BUILD)/cli/cli_lang.o $(STATIC)
	$(CC) -o $@ $< $(BUILD)/cli/cli_words.o $(BUILD)/cli/cli_lang.o $(STATIC) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(DEP_LIBS)

examples: $(EXAMPLE_BIN)

# one source each, with what they share (examples/common.c): compiled and linked in one step, headers in $@.d
$(EXAMPLE_BIN): $(BUILD)/examples/%: examples/%.c examples/common.c $(NEED_D) $(STATIC) | $(BUILD)/examples
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -MF $@.d -MT $@ -o $@ $< examples/common.c $(STATIC) $(ALL_LDFLAGS) $(DEP_LIBS)

$(BUILD)/obj $(BUILD)/cli $(BUILD)/tests/obj $(BUILD)/examples:
	mkdir -p $@

# ---- the README's two commands ----------------------------------------------------------------------------

demo: deps
	$(MAKE) all
	@echo
	@echo '== shebao project: born 1975-03, grade 2000 from 2020 for 15 years, embedded Zhejiang policy =='
	$(CLI) project --birth 1975-03 --grade 2000 --start 2020 --years 15
	@echo
	@echo '== shebao compare: born 1980-05, paying from 2025, every grade, embedded Zhejiang policy =='
	$(CLI) compare --birth 1980-05 --start 2025 --chart $(BUILD)/demo-compare.png
	@echo
	@echo '== chart written to $(BUILD)/demo-compare.png =='

check: deps
	$(MAKE) test

# ---- tests ------------------------------------------------------------------------------------------------

test: all po-check unit-tests cxx-check cli-tests bad-input-tests batch-tests abi-check fuzz-replay install-check examples-run

unit-tests: $(UNIT_BIN) $(MO)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

cli-tests: $(CLI) $(MO)
	@sh tests/cli/run.sh $(CLI)
	@sh tests/bad-policies/run.sh $(CLI)
	@sh tests/cli/policy_files.sh $(CLI)
	@sh tests/cli/provinces.sh $(CLI)
	@sh tests/cli/compare_vs_project.sh $(CLI)
	@sh tests/cli/employee_plan_vs_form.sh $(CLI)
	@sh tests/cli/choose_vs.sh $(CLI)
	@sh tests/cli/io.sh $(CLI)
	@sh tests/cli/forgiving.sh $(CLI)
	@sh tests/cli/serve.sh $(CLI)
	@sh tests/cli/report.sh $(CLI)
	@sh tests/cli/lang.sh $(CLI)
	@sh tests/cli/explain_zh.sh $(CLI)

# Hostile input (tests/bad-input/README.md): each case's one-line error and exit code, no crash or hang.
bad-input-tests: $(CLI) $(MO)
	@sh tests/bad-input/run.sh $(CLI)

# `shebao batch` on a generated population of BATCH_ROWS people: rows in = rows out, the same bytes on any number
# of threads, sampled rows equal to `shebao project`.
BATCH_ROWS ?= 1000000
batch-tests: $(CLI) $(MO) $(BUILD)/bench/gen_population
	@sh tests/cli/batch_vs_project.sh $(CLI) $(BUILD)/bench/gen_population $(BATCH_ROWS)
	@sh tests/cli/batch_blocks.sh $(CLI)

# The public header as C++17 (extern "C" guards, the _INIT macros as aggregates): tests/cxx/smoke.cpp built with
# c++ against the built library and run; with clang++ too when it is installed (syntax only).
ifeq ($(origin CXX),default)
CXX := c++
endif
CXX_WARN := -std=c++17 -Wall -Wextra -Werror
$(BUILD)/tests/cxx_smoke: tests/cxx/smoke.cpp include/shebao.h $(wildcard include/shebao/*.h) $(STATIC) | $(BUILD)/tests/obj
	$(CXX) $(CXX_WARN) $(CFLAGS) $(SANFLAGS) -Iinclude -o $@ $< $(STATIC) $(ALL_LDFLAGS) $(DEP_LIBS)

cxx-check: $(BUILD)/tests/cxx_smoke
	@if command -v clang++ >/dev/null 2>&1; then clang++ $(CXX_WARN) -Iinclude -fsyntax-only tests/cxx/smoke.cpp; fi
	$(BUILD)/tests/cxx_smoke

# The same suites with every run under valgrind: memory errors and leaks fail them (tests/cli/io.sh: input and
# output files, a full device).
check-valgrind: deps
	$(MAKE) all
	SHEBAO_VALGRIND=1 sh tests/bad-input/run.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/run.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/policy_files.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/batch_blocks.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/io.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/forgiving.sh $(CLI)
	SHEBAO_VALGRIND=1 sh tests/cli/serve.sh $(CLI)

# The phone page of `shebao serve` in a real browser (tests/browser/run.sh): headless Chromium fills the form, the
# shown figures are compared with POST /v1/compare; screenshots in $(BUILD)/artifacts/browser-*.png.
check-browser: deps-browser
	$(MAKE) cli
	sh tests/browser/run.sh $(CLI) $(BUILD)/artifacts

# ABI guard: exports of the shared library against tests/abi/exports.txt, SONAME against version.h.
abi-check: lib
	@sh tests/abi/check.sh $(BUILD)

# After a deliberate change of the public API: rewrite the checked-in export list (review the diff).
abi-update: lib
	nm -D --defined-only $(BUILD)/libshebao.so | awk 'NF >= 3 { sub(/@.*/, "", $$3); print $$3 }' \
	  | LC_ALL=C sort -u > tests/abi/exports.txt
	@echo "abi-update: tests/abi/exports.txt now lists $$(wc -l < tests/abi/exports.txt) symbols"

# Each teaching example must run and exit 0 (meizhou_table, backpay and ltc_care exit 1 on any difference from their
# official table or hand calculation); the answer key of docs/teaching.zh.md must be lines of their output.
examples-run: $(EXAMPLE_BIN)
	@set -e; for e in $(EXAMPLE_BIN); do \
	  if $$e >$$e.out 2>&1; then echo "ok $$e"; else cat $$e.out; echo "FAIL $$e"; exit 1; fi; done
	@sh tests/teaching_key.sh $(BUILD)/examples docs/teaching.zh.md

# Install into a temporary DESTDIR and build an example against it through pkg-config, both ways: against the
# shared library (`pkg-config --libs shebao`), and statically (`pkg-config --static --libs shebao`, which must
# bring every library libshebao.a needs: Requires.private and Libs.private). The static link is made twice: with
# -static as the README says (not under a sanitizer, which cannot link statically), and with the whole archive
# (--whole-archive: every object of libshebao.a, not only those the example calls, must find what it needs).
STAGE_ENV = PKG_CONFIG_SYSROOT_DIR=$(CURDIR)/$(BUILD)/stage PKG_CONFIG_PATH=$(CURDIR)/$(BUILD)/stage/usr/local/lib/pkgconfig
HELLO_CC = $(CC) $(WARN) $(CFLAGS) $(SANFLAGS) examples/installed/hello_installed.c
# under a sanitizer, no -static: --as-needed then keeps the -lshebao of pkg-config from adding libshebao.so, whose
# symbols the whole archive has already given
comma := ,
HELLO_WHOLE_MODE = $(if $(SANFLAGS),-Wl$(comma)--as-needed,-static)
install-check: lib
	@rm -rf $(BUILD)/stage
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(BUILD)/stage PREFIX=/usr/local >/dev/null
	$(STAGE_ENV) sh -c '$(HELLO_CC) -o $(BUILD)/hello_installed \
	    $$(pkg-config --cflags shebao) $$(pkg-config --libs shebao) $(ALL_LDFLAGS)'
	LD_LIBRARY_PATH=$(CURDIR)/$(BUILD)/stage/usr/local/lib $(BUILD)/hello_installed
	@LD_LIBRARY_PATH=$(CURDIR)/$(BUILD)/stage/usr/local/lib ldd $(BUILD)/hello_installed | grep -q 'libshebao.so.$(SOVERSION) => $(CURDIR)/$(BUILD)/stage' \
	  || { echo 'install-check: hello_installed did not load the staged libshebao'; exit 1; }
	@libs=" $$($(STAGE_ENV) pkg-config --static --libs shebao) "; for l in -lshebao -ljansson -lmpfr -lgmp $(SYS_LIBS); do \
	  case "$$libs" in *" $$l "*) ;; *) echo "install-check: pkg-config --static --libs shebao lacks $$l"; exit 1;; esac; done
	$(if $(SANFLAGS),,$(STAGE_ENV) sh -c '$(HELLO_CC) -o $(BUILD)/hello_static \
	    $$(pkg-config --cflags shebao) -static $$(pkg-config --static --libs shebao) $(ALL_LDFLAGS)')
	$(if $(SANFLAGS),,$(BUILD)/hello_static >/dev/null)
	$(STAGE_ENV) sh -c '$(HELLO_CC) -o $(BUILD)/hello_whole $$(pkg-config --cflags shebao) $(HELLO_WHOLE_MODE) \
	    -Wl,--whole-archive $(CURDIR)/$(BUILD)/stage/usr/local/lib/libshebao.a -Wl,--no-whole-archive \
	    $$(pkg-config --static --libs shebao) $(ALL_LDFLAGS)'
	$(BUILD)/hello_whole >/dev/null
	@! ldd $(BUILD)/hello_whole 2>/dev/null | grep -q libshebao.so || { echo 'install-check: hello_whole loads libshebao.so'; exit 1; }

sanitize: deps
	$(MAKE) BUILD=build/sanitize CFLAGS='-O1 -g -fno-omit-frame-pointer' \
	  SANFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' BATCH_ROWS=100000 test
	$(MAKE) BUILD=build/tsan CFLAGS='-O1 -g -fno-omit-frame-pointer' SANFLAGS='-fsanitize=thread' \
	  build/tsan/tests/test_threads build/tsan/shebao
	TSAN_OPTIONS='halt_on_error=1' build/tsan/tests/test_threads
	TSAN_OPTIONS='halt_on_error=1 exitcode=66' sh tests/cli/batch_blocks.sh build/tsan/shebao

# ---- fuzzing (fuzz/run.sh) ----------------------------------------------------------------------------------
# Targets fuzz/fuzz_NAME.c. The CLI sources go into every target with their main renamed (fuzz/fuzz.h), so that
# a target can drive a whole command. `make fuzz` builds them with clang, libFuzzer, ASan and UBSan; `make check`
# replays fuzz/corpus/NAME/ (seeds and past crashes) through the same sources without libFuzzer.

FUZZ_SECONDS ?= 30
FUZZ := build/fuzz
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = $(WARN) -D_XOPEN_SOURCE=700 -Iinclude -Ilib -Iexamples/shebao -Ifuzz $(DEP_CFLAGS) $(CLI_CFLAGS) \
              -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_CLI_OBJ := $(patsubst examples/shebao/%.c,$(FUZZ)/cli/%.o,$(CLI_SRC))
REPLAY := $(BUILD)/fuzz-replay
REPLAY_CLI_OBJ := $(patsubst examples/shebao/%.c,$(REPLAY)/cli/%.o,$(CLI_SRC))
REPLAY_BIN := $(patsubst %,$(REPLAY)/fuzz_%,$(FUZZ_NAMES))
# the objects of fuzz/*.c (fuzz_NAME.c, common.c, replay.c) for each build
FUZZ_OBJ := $(patsubst fuzz/%.c,$(FUZZ)/obj/%.o,$(wildcard fuzz/*.c))
REPLAY_OBJ := $(patsubst fuzz/%.c,$(REPLAY)/obj/%.o,$(wildcard fuzz/*.c))
.SECONDARY: $(FUZZ_CLI_OBJ) $(REPLAY_CLI_OBJ) $(FUZZ_OBJ) $(REPLAY_OBJ)

fuzz: deps
	$(MAKE) fuzz-lib
	$(MAKE) $(patsubst %,$(FUZZ)/fuzz_%,$(FUZZ_NAMES))
	sh fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-lib:
	$(MAKE) --no-print-directory BUILD=$(FUZZ) CC=clang CFLAGS='-O1 -g -fno-omit-frame-pointer' \
	  SANFLAGS='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' $(FUZZ)/libshebao.a

$(FUZZ)/cli/%.o: examples/shebao/%.c $(NEED_D)
	@mkdir -p $(FUZZ)/cli
	clang $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -Dmain=shebao_cli_main -include fuzz/fuzz.h -c $< -o $@

$(FUZZ)/obj/%.o: fuzz/%.c $(NEED_D)
	@mkdir -p $(FUZZ)/obj
	clang $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ)/fuzz_%: $(FUZZ)/obj/fuzz_%.o $(FUZZ)/obj/common.o $(FUZZ_CLI_OBJ) $(FUZZ)/libshebao.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ)/obj/common.o $(FUZZ_CLI_OBJ) $(FUZZ)/libshebao.a \
	  $(CLI_LIBS) $(DEP_LIBS)

fuzz-replay: $(REPLAY_BIN)
	@sh fuzz/replay.sh $(REPLAY) $(FUZZ_NAMES)

$(REPLAY)/cli/%.o: examples/shebao/%.c $(NEED_D)
	@mkdir -p $(REPLAY)/cli
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(CLI_CFLAGS) -Iexamples/shebao -Dmain=shebao_cli_main -include fuzz/fuzz.h -c $< -o $@

$(REPLAY)/obj/%.o: fuzz/%.c $(NEED_D)
	@mkdir -p $(REPLAY)/obj
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Iexamples/shebao -Ifuzz -c $< -o $@

$(REPLAY)/fuzz_%: $(REPLAY)/obj/fuzz_%.o $(REPLAY)/obj/common.o $(REPLAY)/obj/replay.o $(REPLAY_CLI_OBJ) $(STATIC)
	$(CC) -o $@ $< $(REPLAY)/obj/common.o $(REPLAY)/obj/replay.o $(REPLAY_CLI_OBJ) $(STATIC) $(ALL_LDFLAGS) \
	  $(CLI_LIBS) $(DEP_LIBS)

docs: deps
	@mkdir -p $(BUILD)/docs
	SHEBAO_VERSION=$(VERSION) doxygen docs/Doxyfile

# ---- speed (figures only; see docs/performance.md) ------------------------------------------------------

BENCH_BIN := $(BUILD)/bench/gen_population $(BUILD)/bench/bench_api $(BUILD)/bench/measure
BENCH_ROWS ?= 1000000
BENCH_RUNS ?= 5

$(BUILD)/bench/gen_population $(BUILD)/bench/measure: $(BUILD)/bench/%: bench/%.c
	@mkdir -p $(BUILD)/bench
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(BUILD)/bench/bench_api: bench/bench_api.c $(NEED_D) $(STATIC)
	@mkdir -p $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -MF $@.d -MT $@ -o $@ $< $(STATIC) $(ALL_LDFLAGS) $(DEP_LIBS)

bench: deps
	$(MAKE) all $(BENCH_BIN)
	sh bench/run.sh $(BUILD) $(BENCH_ROWS) $(BENCH_RUNS)

# `shebao serve` under wrk on loopback: requests/s, p50/p99 per route and connection count, memory over a soak
SERVE_SECONDS ?= 10
SERVE_SOAK ?= 60
bench-serve: deps
	$(MAKE) cli
	sh bench/serve.sh $(BUILD) $(SERVE_SECONDS) $(SERVE_SOAK)

# ---- install ----------------------------------------------------------------------------------------------

install: lib $(CLI) $(MO)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/shebao $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(BINDIR)
	install -m 644 include/shebao.h $(DESTDIR)$(INCLUDEDIR)/shebao.h
	install -m 644 include/shebao/*.h $(DESTDIR)$(INCLUDEDIR)/shebao/
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libshebao.a
	install -m 755 $(SHARED_REAL) $(DESTDIR)$(LIBDIR)/libshebao.so.$(VERSION)
	ln -sf libshebao.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME)
	ln -sf libshebao.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libshebao.so
	install -m 644 $(BUILD)/shebao.pc $(DESTDIR)$(PKGCONFIGDIR)/shebao.pc
	install -m 755 $(CLI) $(DESTDIR)$(BINDIR)/shebao
	install -d $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/shebao.h $(patsubst include/%,$(DESTDIR)$(INCLUDEDIR)/%,$(wildcard include/shebao/*.h))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/shebao 2>/dev/null
	rm -f $(DESTDIR)$(LIBDIR)/libshebao.a $(DESTDIR)$(LIBDIR)/libshebao.so.$(VERSION) \
	      $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME) $(DESTDIR)$(LIBDIR)/libshebao.so \
	      $(DESTDIR)$(PKGCONFIGDIR)/shebao.pc $(DESTDIR)$(BINDIR)/shebao \
	      $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/shebao.mo $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/libshebao.mo

# ---- Debian packages --------------------------------------------------------------------------------------

deps-browser: PKGS = $(DEB_PKGS_BROWSER)
deps: PKGS = $(DEB_PKGS)
deps deps-browser:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make $@: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf build

# ---- header dependencies (DEPFLAGS) -------------------------------------------------------------------------

DEP_FILES := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(patsubst tests/unit/%.c,$(BUILD)/tests/obj/%.d,$(UNIT_SRC)) \
             $(EXAMPLE_BIN:=.d) $(BUILD)/bench/bench_api.d $(REPLAY_CLI_OBJ:.o=.d) $(REPLAY_OBJ:.o=.d) \
             $(FUZZ_CLI_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
include $(wildcard $(DEP_FILES))
