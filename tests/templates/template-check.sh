#!/usr/bin/env bash
# Checks the plugin templates the way an author outside this repository uses them (README, "Writing a plugin"):
# packs the contracts into a local package folder, installs templates/ with `dotnet new install` (into a private
# template store), creates a sampler, a corpus and a tokenizer plugin, builds each against the contracts package, drops
# it into a copy of the app's plugins folder, and checks that `plugins --json` lists all three, the corpus trains 3
# steps, the sampler generates, and the tokenizer trains and generates.
# Usage: tests/templates/template-check.sh [APP_FOLDER]   (default: the Debug build output; build it first)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app_folder="${1:-$repo/src/LstmTerminal/bin/Debug/net10.0}"
app="$app_folder/lstm-terminal"
corpus="$repo/../shared/data/tinyshakespeare.txt"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[[ -x "$app" ]] || fail "no app at $app; build it (dotnet build LstmTerminal.sln) or pass the app's folder"
[[ -f "$corpus" ]] || fail "the corpus $corpus is missing; put tinyshakespeare.txt in ../shared/data beside the repository"

echo "== the contracts package and the templates"
dotnet pack "$repo/src/LstmTerminal.Abstractions" -c Release -o "$tmp/packages" -nologo -v quiet -clp:ErrorsOnly || fail "dotnet pack of the contracts failed"
hive="$tmp/template-store"
dotnet new install "$repo/templates" --debug:custom-hive "$hive" >/dev/null || fail "dotnet new install templates/ failed"

# The author's own folder: the local package folder for the contracts, the machine's usual feed for the rest.
authors="$tmp/authors"
mkdir -p "$authors"
cat >"$authors/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="lstm-terminal" value="$tmp/packages" />
  </packageSources>
</configuration>
CONFIG
# A private package cache, so the contracts packed just now are used rather than a 1.0.0 cached by an earlier run.
export NUGET_PACKAGES="$tmp/nuget-packages"

cp -r "$app_folder/plugins" "$tmp/plugins"
for kind in sampler corpus tokenizer; do
    name="Check${kind^}"
    dotnet new "lstm-$kind" -n "$name" -o "$authors/$name" --debug:custom-hive "$hive" >/dev/null || fail "dotnet new lstm-$kind failed"
    dotnet build "$authors/$name" -c Release -nologo -v quiet -clp:ErrorsOnly || fail "the $kind plugin made from the template does not build"
    [[ ! -e "$authors/$name/bin/Release/net10.0/LstmTerminal.Abstractions.dll" ]] || fail "the $kind plugin copies the contracts into its folder"
    cp -r "$authors/$name/bin/Release/net10.0" "$tmp/plugins/$name"
    echo "ok: lstm-$kind made $name, which builds against the contracts package"
done
dotnet new uninstall "$repo/templates" --debug:custom-hive "$hive" >/dev/null

echo "== the app with the three plugins dropped in"
work="$tmp/work"
mkdir -p "$work"
grep -v '^$' "$corpus" | sed '1i # a comment line the corpus plugin leaves out' >"$tmp/corpus.txt"
cd "$work"
run() { env XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" "$app" "$@" "--Plugins:Directory=$tmp/plugins" "--Training:CheckpointDirectory=${checkpoints:-$tmp/checkpoints}"; }

run plugins --json >plugins.json || fail "plugins exited with $?"
grep -q '"name": "check-sampler"' plugins.json || fail "plugins --json does not list check-sampler: $(cat plugins.json)"
grep -q '"name": "check-corpus"' plugins.json || fail "plugins --json does not list check-corpus: $(cat plugins.json)"
grep -q '"name": "check-tokenizer"' plugins.json || fail "plugins --json does not list check-tokenizer: $(cat plugins.json)"
grep -q '"errors": \[\]' plugins.json || fail "plugins --json reports load errors: $(cat plugins.json)"

run train --corpus check-corpus --corpus-path "$tmp/corpus.txt" --max-steps 3 --json >train.json 2>train.err \
    || fail "train on check-corpus exited with $?: $(tail -3 train.err)"
grep -q '"steps": 3' train.json || fail "train on check-corpus did not run 3 steps: $(cat train.json)"
grep -q 'Left out 1 comment lines' train.err || fail "train did not show check-corpus's notice: $(cat train.err)"

run generate "thou art more" --sampler check-sampler --seed 1 --json >generate.json 2>generate.err \
    || fail "generate with check-sampler exited with $?: $(cat generate.err)"
grep -q '"sampler": "check-sampler"' generate.json || fail "generate did not use check-sampler: $(cat generate.json) $(cat generate.err)"

checkpoints="$tmp/tokenizer-checkpoints"
run train --tokenizer check-tokenizer --corpus-path "$corpus" --max-steps 3 --json >tokenizer-train.json 2>tokenizer-train.err \
    || fail "train with check-tokenizer exited with $?: $(tail -3 tokenizer-train.err)"
grep -q '"steps": 3' tokenizer-train.json || fail "train with check-tokenizer did not run 3 steps: $(cat tokenizer-train.json)"
grep -q '"tokenizer": "check-tokenizer"' "$checkpoints/checkpoint.json" || fail "the checkpoint does not record check-tokenizer: $(cat "$checkpoints/checkpoint.json")"
run generate "Thou art more" --seed 1 --words 20 >tokenizer-generate.txt 2>tokenizer-generate.err \
    || fail "generate at check-tokenizer's level exited with $?: $(cat tokenizer-generate.err)"
grep -qi '^thou art more' tokenizer-generate.txt || fail "generate at check-tokenizer's level did not continue the lower-cased prime: $(cat tokenizer-generate.txt)"

# A state the tokenizer cannot read, with the manifest's size and hash made to match so that only the plugin's own
# reading can refuse it: the refusal names the plugin in plain words, never the JSON library's wording.
python3 - "$checkpoints" <<'DAMAGE'
import hashlib, json, os, sys
folder = sys.argv[1]
manifest_path = os.path.join(folder, "checkpoint.json")
manifest = json.load(open(manifest_path))
state = b'{"format": "my-tokenizer 1", "characters": '
open(os.path.join(folder, manifest["data"]["folder"], "vocab.json"), "wb").write(state)
for entry in manifest["data"]["files"]:
    if entry["name"] == "vocab.json":
        entry["bytes"], entry["sha256"] = len(state), hashlib.sha256(state).hexdigest()
json.dump(manifest, open(manifest_path, "w"), indent=2)
DAMAGE
status=0
run generate "Thou art more" --seed 1 --words 5 >damaged-generate.txt 2>damaged-generate.err || status=$?
[[ $status -ne 0 ]] || fail "generate read a damaged check-tokenizer state: $(cat damaged-generate.txt)"
grep -q 'check-tokenizer state is damaged: it is not valid JSON' damaged-generate.err \
    || fail "generate did not say the check-tokenizer state is damaged (exit $status): $(cat damaged-generate.err)"
! grep -qiE 'System\.|Json(Exception|Reader|Element)|LineNumber|BytePosition' damaged-generate.err \
    || fail "the damaged-state refusal shows the JSON library's wording: $(cat damaged-generate.err)"

echo "PASS: the sampler, corpus and tokenizer templates build against the contracts package; dropped into plugins/, all three load, the corpus trains, the sampler generates, the tokenizer trains, generates and refuses a damaged state in plain words"
