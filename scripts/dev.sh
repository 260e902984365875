#!/usr/bin/env bash
# One entry point for a newcomer and for CI:
#   bash scripts/dev.sh run [desk-app options]   set up .venv, then start the app (demo data if empty)
#   bash scripts/dev.sh test [pytest options]     set up .venv, then run the whole test suite
# It needs only Python 3.11+ on the machine; everything else goes into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

pick_python() {
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 14)))'; then
            echo "$candidate"
            return
        fi
    done
    echo "Python 3.11–3.13 is needed (set PYTHON=/path/to/python3.11)" >&2
    exit 1
}

if [ ! -x .venv/bin/python ]; then
    "$(pick_python)" -m venv .venv
fi
# Reinstall only when the dependency list changed.
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[test,hub,build]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi
.venv/bin/python scripts/build_translations.py --compile

command=${1:-run}
shift || true
case "$command" in
    run) exec .venv/bin/desk-app --demo "$@" ;;
    test) QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
    *) echo "usage: bash scripts/dev.sh run|test [options]" >&2; exit 2 ;;
esac
