#!/usr/bin/env bash
# End-to-end check of the full-screen UI: starts the built app in tmux at 120x40 on tinyshakespeare (--corpus-path)
# with a small step budget, waits for training progress, completes "thou art more", types "to be or" and sees the
# prediction strip, takes its first word with Tab, quits with Ctrl+Q and expects a
# checkpoint; then starts it as the README does, offline, and expects the bundled text to train within a minute.
# Usage: tests/e2e/tui-e2e.sh [path/to/lstm-terminal]   (builds nothing; run `dotnet build LstmTerminal.sln` first)
set -uo pipefail

# shellcheck source=tmux-session.sh
source "$(dirname "${BASH_SOURCE[0]}")/tmux-session.sh"
app="${1:-$repo/src/LstmTerminal/bin/Debug/net10.0/lstm-terminal}"
session="lstm-e2e-$$"
excerpt="${E2E_EXCERPT:-${TMPDIR:-/tmp}/tui-e2e-screen.txt}"
require_app "$app"

# The console is the right-hand panel of the lower half; the continuation is its line after "> thou art more".
continued() { awk '/> thou art more/ { getline; print; exit }' "$tmp/last.txt" | sed 's/.*││//' | grep -Eq '^  [a-z]'; }

tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp' && '$app' --Training:MaxSteps=20 --Training:EvalEvery=5 --Training:CheckpointDirectory='$tmp/ckpt' \
     --corpus-path '$corpus'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"

wait_until 120 screen_has 'step [1-9][0-9]* of 20' || fail "no training progress within 120 s"
wait_until 60 screen_has '^│step [0-9]+' || fail "no samples within 60 s"

tmux send-keys -t "$session" -l "thou art more"
tmux send-keys -t "$session" Enter
wait_until 20 screen_has '> thou art more' || fail "the prime did not appear in the console"
wait_until 20 continued || fail "no continuation appeared after the prime"
cp "$tmp/last.txt" "$excerpt"

# The prediction strip: a few typed characters show five numbered words with percentages under the prompt; Tab takes
# the first, which then stands in the field.
tmux send-keys -t "$session" -l "to be or"
wait_until 20 screen_has 'prime> to be or *│' || fail "the typed characters did not appear at the prompt"
strip='│ *1 [^ ]+ [█▏▎▍▌▋▊▉]* (<1|[0-9]+)%  2 [^ ]+ '
wait_until 20 screen_has "$strip" || fail "no prediction strip under the prompt"
first="$(grep -E "$strip" "$tmp/last.txt" | head -1 | sed -E 's/.*│ *1 ([^ ]+) .*/\1/')"
tmux send-keys -t "$session" Tab
wait_until 20 screen_has "prime> to be or $first" || fail "Tab did not take the first predicted word '$first'"

tmux send-keys -t "$session" C-q
wait_until 60 screen_has 'APP EXITED 0' || fail "the app did not exit cleanly within 60 s after Ctrl+Q"
[[ -f "$tmp/ckpt/checkpoint.json" ]] || fail "no checkpoint at $tmp/ckpt/checkpoint.json after quitting"

# The README's run command on a machine without network: the download is refused, the bundled Shakespeare trains
# within a minute and the screen says so. Logs and the download cache go to the XDG folders, not the working folder.
offline_port=9
if (exec 3<>"/dev/tcp/127.0.0.1/$offline_port") 2>/dev/null; then
    fail "something listens on 127.0.0.1:$offline_port; the offline check needs a port that refuses connections"
fi
tmux kill-session -t "$session" 2>/dev/null
mkdir -p "$tmp/offline"
tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp/offline' && env XDG_STATE_HOME='$tmp/state' XDG_CACHE_HOME='$tmp/cache' \
     'LSTMTERMINAL_Plugins__gutenberg-shakespeare__Url=http://127.0.0.1:$offline_port/pg100.txt' '$app'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"
wait_until 60 screen_has 'step [1-9][0-9,]* of' || fail "the offline start did not train within 60 s"
screen_has 'training: from step 0 on Shakespeare \(offline,' || fail "the state line does not say the bundled text is used"
tmux send-keys -t "$session" C-q
wait_until 60 screen_has 'APP EXITED 0' || fail "the offline app did not exit cleanly within 60 s after Ctrl+Q"
[[ -f "$tmp/offline/checkpoints/checkpoint.json" ]] || fail "the offline run left no checkpoint in ./checkpoints"
[[ "$(ls "$tmp/offline")" == "checkpoints" ]] || fail "the offline run left more than checkpoints/ in the working folder: $(ls "$tmp/offline")"
ls "$tmp/state/lstm-terminal/logs/"*.log >/dev/null 2>&1 || fail "no log file in \$XDG_STATE_HOME/lstm-terminal/logs"

# A bad setting opens a screen that names it instead of the main window; Ctrl+Q leaves with exit code 2. The user's
# Terminal.Gui configuration applies: a theme chosen in ~/.tui/config.json colours it (Amber Phosphor: #FFBF00).
tmux kill-session -t "$session" 2>/dev/null
mkdir -p "$tmp/home/.tui"
echo '{ "Theme": "Amber Phosphor", "Application": { "DefaultKeyBindings": { "Quit": { "All": [ "F10" ] } } } }' >"$tmp/home/.tui/config.json"
tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp' && HOME='$tmp/home' '$app' --Training:LearningRate=0 --Training:CheckpointDirectory='$tmp/bad'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"
wait_until 60 screen_has 'Training:LearningRate must be greater than 0' || fail "the settings problem did not appear within 60 s"
tmux capture-pane -e -p -t "$session" | grep -q '38;2;255;191;0m' || fail "the theme in \$HOME/.tui/config.json was not applied"
tmux send-keys -t "$session" C-q
wait_until 30 screen_has 'APP EXITED 2' || fail "the app did not exit with code 2 after Ctrl+Q on the settings problem"
[[ ! -e "$tmp/bad" ]] || fail "a bad setting still created $tmp/bad"

# The user's Terminal.Gui key bindings apply as well: Quit bound to F10 in the same file quits, saving first.
tmux kill-session -t "$session" 2>/dev/null
tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp' && HOME='$tmp/home' '$app' --Training:MaxSteps=20 --Training:CheckpointDirectory='$tmp/keyed' --corpus-path '$corpus'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"
wait_until 120 screen_has 'step [1-9][0-9]* of 20' || fail "no training progress within 120 s (key binding run)"
tmux send-keys -t "$session" F10
wait_until 60 screen_has 'APP EXITED 0' || fail "F10, bound to Quit in \$HOME/.tui/config.json, did not quit the app"
[[ -f "$tmp/keyed/checkpoint.json" ]] || fail "quitting with the user's key saved no checkpoint"

# SIGTERM from outside quits like Ctrl+Q, saving first, and says it was stopped: exit code 130.
tmux kill-session -t "$session" 2>/dev/null
tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd '$tmp' && '$app' --Training:MaxSteps=100000 --Training:CheckpointDirectory='$tmp/terminated' --corpus-path '$corpus'; echo \"APP EXITED \$?\"; sleep 600" \
    || fail "could not start tmux"
wait_until 120 screen_has 'step [1-9][0-9]* of' || fail "no training progress within 120 s (SIGTERM run)"
# Anchored on the app's path: the tmux server's and the shell's command lines name the same folder.
pkill -TERM -f -- "^$app .*--Training:CheckpointDirectory=$tmp/terminated" || fail "could not find the app to send SIGTERM to"
wait_until 120 screen_has 'APP EXITED 130' || fail "the app did not exit with code 130 after SIGTERM"
[[ -f "$tmp/terminated/checkpoint.json" ]] || fail "SIGTERM left no checkpoint"

echo "PASS: training progressed, 'thou art more' was continued, the strip predicted after 'to be or' and Tab took its first word, Ctrl+Q left checkpoint.json (screen saved to $excerpt); offline, the default corpus trained on the bundled text; a bad setting was shown in the UI (in the user's Terminal.Gui theme) and quit with exit code 2; the user's Terminal.Gui key binding (F10 = Quit) quit with a save; SIGTERM saved and exited 130"
