#!/usr/bin/env bash
# End-to-end check of the terminal UI against two hostile plugins in the user plugins folder ($XDG_DATA_HOME):
# one writes escape sequences and text to stdout from its module initializer (they must reach the log, not the
# terminal: it is loaded before the UI opens, so its text would wait on the main screen), and the
# sampler of the training samples calls Environment.Exit(0) (the terminal must be back on the main screen with mouse
# tracking off and the cursor shown, with one line saying so and exit code 1). tmux reports those terminal modes.
# Usage: tests/e2e/plugin-exit-e2e.sh [path/to/lstm-terminal]   (run `dotnet build LstmTerminal.sln` first)
set -uo pipefail

# shellcheck source=tmux-session.sh
source "$(dirname "${BASH_SOURCE[0]}")/tmux-session.sh"
app="${1:-$repo/src/LstmTerminal/bin/Debug/net10.0/lstm-terminal}"
hostile="$repo/tests/LstmTerminal.Tests/bin/Debug/net10.0/hostile-plugins"
session="lstm-plugin-e2e-$$"
require_app "$app"
[[ -d "$hostile" ]] || fail "no hostile test plugins at $hostile; build them with: dotnet build LstmTerminal.sln"

user_plugins="$tmp/data/lstm-terminal/plugins"
mkdir -p "$user_plugins"
cp -r "$hostile/LstmTerminal.TestPlugins.ExitingSampler" "$hostile/LstmTerminal.TestPlugins.StdoutWriter" "$user_plugins/"

mode() { tmux display-message -p -t "$session" "#{$1}"; }

tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp' && XDG_DATA_HOME='$tmp/data' '$app' --Training:MaxSteps=200 --Training:EvalEvery=5 \
     --Training:CheckpointDirectory='$tmp/ckpt' --Logging:Directory='$tmp/logs' --Sampling:Sampler=exits \
     --Corpus:Provider=text-file --Corpus:Path='$corpus'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"

wait_until 60 screen_has 'Training' || fail "the terminal UI did not open within 60 s"
[[ "$(mode alternate_on)" == 1 ]] || fail "the terminal UI is not on the alternate screen"
[[ "$(mode mouse_any_flag)" == 1 ]] || fail "the terminal UI did not turn mouse tracking on"

wait_until 180 screen_has 'APP EXITED' || fail "the app did not end within 180 s of opening"
screen_has 'APP EXITED 1' || fail "the exit through Environment.Exit(0) was not made non-zero"
screen_has 'error: lstm-terminal did not finish' || fail "no line said that the app did not finish"
[[ "$(mode alternate_on)" == 0 ]] || fail "the terminal was left on the alternate screen"
for flag in mouse_any_flag mouse_button_flag mouse_standard_flag mouse_sgr_flag mouse_utf8_flag; do
    [[ "$(mode "$flag")" == 0 ]] || fail "mouse tracking was left on ($flag)"
done
[[ "$(mode cursor_flag)" == 1 ]] || fail "the cursor was left hidden"
! screen_has 'writes-stdout' || fail "a plugin's standard output reached the terminal"
grep -q 'writes-stdout module initializer' "$tmp"/logs/*.log || fail "the plugin's stdout did not reach the log"

echo "PASS: a plugin's stdout went to the log, not the terminal; Environment.Exit(0) from a sampler left the terminal on the main screen with mouse tracking off and the cursor shown, said so, and exited 1"
