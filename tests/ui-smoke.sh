#!/usr/bin/env bash
# Drives the real `sc2mid ui` in a detached tmux session (120 x 40, TERM=xterm-256color) the way a user would:
# opens the bundled sample, checks the preview, the help table, a batch extraction, the results, the plugin
# browser, a resize below the minimum size and back, a recipe run and the log pane, then quits with Ctrl+Q.
# It also checks that `sc2mid ui` without a terminal prints one line and exits non-zero.
#
# Usage: tests/ui-smoke.sh            (builds host/SC2Mid.Cli in Release when no build is found)
#        SC2MID=path/to/sc2mid.dll tests/ui-smoke.sh
# Needs tmux and the .NET SDK. Exits 0 when every check passes, 1 on the first failure (printing the screen and
# the workbench log), 2 when tmux is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if ! command -v tmux >/dev/null; then
    echo "ui-smoke: tmux is not installed (apt-get install tmux)" >&2
    exit 2
fi

sc2mid=${SC2MID:-}
if [[ -z $sc2mid ]]; then
    for configuration in Release Debug; do
        candidate="$repo/host/SC2Mid.Cli/bin/$configuration/net10.0/sc2mid.dll"
        if [[ -f $candidate ]]; then
            sc2mid=$candidate
            break
        fi
    done
fi
if [[ -z $sc2mid ]]; then
    echo "ui-smoke: building host/SC2Mid.Cli (Release)"
    dotnet build host/SC2Mid.Cli/SC2Mid.Cli.csproj -c Release -nologo -v quiet
    sc2mid="$repo/host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll"
fi

work=$(mktemp -d)
socket="sc2mid-smoke-$$"
session=ui
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "ui-smoke: FAILED: $1" >&2
    echo "---- screen ----" >&2
    tmux -L "$socket" capture-pane -p -t "$session" >&2 2>/dev/null || true
    echo "---- workbench log ($work/sc2mid/ui.log) ----" >&2
    tail -n 40 "$work/sc2mid/ui.log" >&2 2>/dev/null || true
    exit 1
}

# Waits until the screen matches an extended regular expression, for at most $2 seconds (default 60).
wait_for() {
    local pattern=$1 limit=${2:-60} waited=0
    while ((waited < limit * 4)); do
        if tmux -L "$socket" capture-pane -p -t "$session" | grep -Eq -- "$pattern"; then
            echo "ui-smoke: ok: $pattern"
            return 0
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    fail "'$pattern' did not appear within $limit s"
}

keys() {
    tmux -L "$socket" send-keys -t "$session" "$@"
}

# Without a terminal: one line on standard error, nothing on standard output, a non-zero exit, within seconds.
start=$SECONDS
set +e
output=$(dotnet "$sc2mid" ui </dev/null 2>"$work/refusal.txt" | cat)
status=${PIPESTATUS[0]}
set -e
lines=$(wc -l <"$work/refusal.txt")
if [[ $status -eq 0 || -n $output || $lines -ne 1 ]] || ! grep -q "needs an interactive terminal" "$work/refusal.txt"; then
    echo "exit $status, stdout '$output', stderr:" >&2
    cat "$work/refusal.txt" >&2
    fail "sc2mid ui without a terminal must print one line and exit non-zero"
fi
((SECONDS - start <= 20)) || fail "sc2mid ui without a terminal took $((SECONDS - start)) s"
echo "ui-smoke: ok: without a terminal: $(cat "$work/refusal.txt")"

# The workbench keeps its log and recipe under XDG_DATA_HOME, here a temporary folder.
tmux -L "$socket" new-session -d -s "$session" -x 120 -y 40 \
    "cd '$repo' && TERM=xterm-256color XDG_DATA_HOME='$work' dotnet '$sc2mid' ui; echo SMOKE-EXIT=\$?; sleep 600"

wait_for 'Samples' 60
wait_for 'TS_001\.133\.tif +│not run'
wait_for '▀▀▀▀▀▀▀▀'
wait_for 'foreground value > 0'

keys F1
wait_for 'Key bindings'
wait_for 'Ctrl\+E +│extract the features'
keys Escape
wait_for 'Samples'

keys F3
wait_for 'shape [0-9.]+ \(loaded\)' 60

keys C-e
wait_for '2 images: 1 ok, 1 without mask, 0 partial, 0 failed' 180
keys F2
wait_for 'TS_001\.133\.tif +│ok +│1'
keys F5
wait_for 'Results: 2 rows'
keys Right Right Right S
wait_for 'largest first'
wait_for '[0-9.]+ values, [0-9]+ empty, largest bin'

tmux -L "$socket" resize-window -t "$session" -x 40 -y 10
wait_for 'Window too small: 40 x 10'
tmux -L "$socket" resize-window -t "$session" -x 120 -y 40
wait_for 'Help +F1 +Dataset +F2'

keys C-r
wait_for 'Recipe finished in [0-9.]+ s with exit code 0' 180
wait_for 'object 1: area [0-9]+ px\^2'

keys F6
wait_for 'Extraction finished'
wait_for 'Recipe finished: Succeeded'

keys C-q
wait_for 'SMOKE-EXIT=0' 30
echo "ui-smoke: all checks passed"
