#!/usr/bin/env bash
# Soak test, not part of CI or `dotnet test`: kills `train --Training:SaveEvery=1` with SIGKILL at random moments, then
# loads the checkpoint with `generate` after each kill. Passes when every load succeeds, the step never goes back, no
# save leftover survives the next open, and a final start leaves exactly the manifest's data folders.
#
#   tests/soak/kill-during-save.sh                 # 100 kills on ../shared/data/tinyshakespeare.txt
#   KILLS=20 APP=path/to/lstm-terminal tests/soak/kill-during-save.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
kills=${KILLS:-100}
app=${APP:-$repo/src/LstmTerminal/bin/Debug/net10.0/lstm-terminal}
corpus=${CORPUS:-$repo/../shared/data/tinyshakespeare.txt}
[[ -x $app ]] || { echo "build first: $app is missing" >&2; exit 2; }
[[ -f $corpus ]] || { echo "the corpus $corpus is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ckpt=$work/ckpt
settings=(
  --corpus text-file --corpus-path "$corpus" --checkpoint-dir "$ckpt"
  --Training:SaveEvery=1 --Training:EvalEvery=1000000 --Training:Epochs=1000
  --Training:BatchSize=20 --Training:SequenceLength=20 --Model:EmbeddingSize=32 --Model:RnnSize=64
  "--Logging:Directory=$work/logs"
)

leftovers() { find "$ckpt" -maxdepth 1 \( -name '.saving-*' -o -name '.checkpoint.json.*.tmp' \) 2>/dev/null | wc -l; }
data_folders() { find "$ckpt" -maxdepth 1 -name 'step-*' 2>/dev/null | wc -l; }
manifest_step() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["step"])' "$ckpt/checkpoint.json"; }

loaded=0 failed=0 went_back=0 mid_save=0 stayed=0 last_step=0
for ((kill = 1; kill <= kills; kill++)); do
  log=$work/train.log
  resume=(); [[ -f $ckpt/checkpoint.json ]] && resume=(--resume)
  "$app" train "${resume[@]}" "${settings[@]}" >/dev/null 2>"$log" &
  pid=$!
  # Time the kill from the first step: a busy machine can take seconds to start the app.
  for ((wait = 0; wait < 1200; wait++)); do
    grep -q '^step ' "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", r / 32767 * 1.5 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  (( $(leftovers) > 0 )) && mid_save=$((mid_save + 1))
  if [[ ! -f $ckpt/checkpoint.json ]]; then
    echo "kill $kill: no checkpoint yet"
    continue
  fi

  if "$app" generate "thou art more" --words 3 --seed 1 --checkpoint-dir "$ckpt" "--Logging:Directory=$work/logs" >/dev/null 2>"$work/generate.log"; then
    loaded=$((loaded + 1))
  else
    failed=$((failed + 1))
    echo "kill $kill: the checkpoint did not load: $(cat "$work/generate.log")"
  fi

  step=$(manifest_step)
  (( step < last_step )) && { went_back=$((went_back + 1)); echo "kill $kill: step went back from $last_step to $step"; }
  last_step=$step
  # The load above was the next open, with no writer at work: it removes what the kill left.
  (( $(leftovers) > 0 )) && stayed=$((stayed + 1))
done

# A final start (no step left to run) must find nothing to keep but the manifest's save and the one before it.
"$app" train --resume --max-steps "$last_step" "${settings[@]}" >/dev/null 2>"$work/final.log" || true
final_leftovers=$(leftovers)
final_folders=$(data_folders)

echo "kills: $kills, loads after a kill: $loaded ok, $failed failed; kills that left a half-written save: $mid_save"
echo "step went back: $went_back times; leftovers surviving the next open: $stayed; last step: $last_step"
echo "after a final start: $final_leftovers leftovers, $final_folders data folders"
(( failed == 0 && went_back == 0 && stayed == 0 && final_leftovers == 0 && final_folders <= 2 && loaded > 0 ))
