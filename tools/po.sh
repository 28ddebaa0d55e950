#!/bin/sh
# The message catalogues (docs/internals.md, "Messages and catalogues"): GNU gettext, English the source language.
#
#   sh tools/po.sh extract cli|lib   the template of a domain from the sources, on standard output
#   sh tools/po.sh update            rewrite po/shebao.pot and po/libshebao/libshebao.pot, merge them into the .po
#                                    files (new messages come in untranslated, for a person to translate)
#   sh tools/po.sh check             fails when a template is stale (a message added, changed or removed in the
#                                    sources), a message has no zh_CN translation or a fuzzy one, or a translation's
#                                    % conversions differ from its English (msgfmt --check-format)
#
# Domain "shebao" (the CLI, examples/shebao/): the format of cli_err, cli_usage, cli_say, serve_error and whatever
# cli_tr or N_ marks. Domain "libshebao" (lib/): the format of sb_fail and sb_pread_err and whatever sb_tr or SB_N_
# marks, and the name of a figure given to sb_resident_add, claim_round, eplan_round or eplan_add (the figure an
# overflow names) or sb_resident_grade_error and sb_resident_check_backpay_grade (what the grade is for), the format
# of a line of the explanation trail (sb_explain, SB_EPLAN_SAY) and a piece of text in it (SB_PIECE); the macros of text pasted into formats (SB_OUT_OF_RANGE, SB_RATE_BOUNDS) are spelled out first, as the
# compiler does, so that the extracted message is the one looked up.
set -u
cd "$(dirname "$0")/.." || exit 2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-po.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

xgettext_c() {
    xgettext --language=C --from-code=UTF-8 --add-location=file --sort-by-file --no-wrap --package-name=shebao \
        --msgid-bugs-address="the shebao issue tracker" --copyright-holder="the shebao authors" -o - "$@"
}

extract() {
    case $1 in
    cli)
        xgettext_c --default-domain=shebao --keyword=cli_err:1 --keyword=cli_usage:1 --keyword=cli_tr:1 \
            --keyword=cli_say:3 --keyword=serve_error:4 --keyword=N_:1 \
            examples/shebao/*.c examples/shebao/*.h ;;
    lib)
        mkdir -p "$TMP/lib"
        rate=$(sed -n 's/^#define SB_RATE_BOUNDS \(".*"\)$/\1/p' lib/internal.h)
        range=$(sed -n 's/^#define SB_OUT_OF_RANGE \(".*"\)$/\1/p' lib/common.h)
        for f in lib/*.c lib/*.h; do
            sed -e "s/SB_OUT_OF_RANGE/$range/g" -e "s/SB_RATE_BOUNDS/$rate/g" "$f" >"$TMP/$f"
        done
        (cd "$TMP" && xgettext_c --default-domain=libshebao --keyword=sb_fail:3 --keyword=sb_pread_err:2 \
            --keyword=sb_tr:2 --keyword=SB_N_:1 \
            --keyword=sb_resident_add:4 --keyword=claim_round:4 --keyword=eplan_round:4 --keyword=eplan_add:4 \
            --keyword=sb_resident_grade_error:5 --keyword=sb_resident_check_backpay_grade:5 \
            --keyword=sb_explain:2 --keyword=SB_EPLAN_SAY:2 --keyword=SB_PIECE:1 \
            --flag=sb_explain:2:c-format --flag=SB_EPLAN_SAY:2:c-format lib/*.c lib/*.h) ;;
    *) echo "usage: sh tools/po.sh extract cli|lib" >&2; exit 2 ;;
    esac | sed '/^"POT-Creation-Date:/d'
}

DOMAINS="cli:po/shebao.pot:po/zh_CN.po lib:po/libshebao/libshebao.pot:po/libshebao/zh_CN.po"

case ${1-} in
extract)
    extract "${2-}" ;;
update)
    for d in $DOMAINS; do
        IFS=: read -r dom pot po <<EOD
$d
EOD
        extract "$dom" >"$pot" || exit 1
        if [ -f "$po" ]; then
            msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap --add-location=file "$po" "$pot" || exit 1
        else
            msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 --input="$pot" --output-file="$po" || exit 1
        fi
        echo "po: $pot and $po updated"
    done ;;
check)
    bad=0
    for d in $DOMAINS; do
        IFS=: read -r dom pot po <<EOD
$d
EOD
        extract "$dom" >"$TMP/fresh.pot" || exit 1
        if ! cmp -s "$TMP/fresh.pot" "$pot"; then
            echo "po: $pot is stale: the sources' messages changed (run: sh tools/po.sh update, then translate)"
            diff "$pot" "$TMP/fresh.pot" | grep '^[<>] msgid' | head -n 5
            bad=1
        fi
        if ! msgcmp "$po" "$TMP/fresh.pot" >"$TMP/cmp" 2>&1; then
            echo "po: $po lacks the translation of messages of the sources:"
            head -n 10 "$TMP/cmp"
            bad=1
        fi
        untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
        fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
        if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
            echo "po: $po has $untranslated untranslated and $fuzzy fuzzy messages (the header counts as one):"
            msgattrib --untranslated --only-fuzzy --no-obsolete "$po" | grep '^msgid ' | head -n 5
            [ "$untranslated" -gt 1 ] || [ "$fuzzy" -gt 0 ] && bad=1
        fi
        if ! msgfmt --check-format --check-header -o /dev/null "$po"; then
            echo "po: $po: msgfmt --check-format failed"
            bad=1
        fi
    done
    if [ "$bad" = 0 ]; then echo "po: 2 passed, 0 failed"; else exit 1; fi ;;
*)
    echo "usage: sh tools/po.sh extract cli|lib | update | check" >&2
    exit 2 ;;
esac
