#!/usr/bin/env bash
# Checks the two ways to install the app, as the README gives them, from a working folder outside the repository and
# without network (the Gutenberg download is refused, so training uses the bundled text):
#   1. the self-contained linux-x64 folder from `dotnet publish`: `plugins --json` lists the shipped plugins, and a
#      3-step `train --preset quality` runs (which needs the plugins, the presets and the patched libLibTorchSharp.so);
#   2. the dotnet tool from `dotnet pack`, installed into a tool path from the local package folder: the same runs.
# Each then generates from its checkpoint, which must not map libtorch.
# Usage: tests/install/publish-check.sh [OUTPUT_DIR]   (the published app is left in OUTPUT_DIR/lstm-terminal if given)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="${1:-$tmp/out}"
mkdir -p "$out"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# A loopback port that refuses connections stands in for a machine without network.
offline_url="http://127.0.0.1:9/pg100.txt"
if (exec 3<>/dev/tcp/127.0.0.1/9) 2>/dev/null; then
    fail "something listens on 127.0.0.1:9; the check needs a port that refuses connections"
fi

# Runs the installed app ($1) from a fresh working folder: lists plugins, trains 3 steps, checks what it left there.
check_app() {
    local app="$1" name="$2"
    local work="$tmp/work-$name"
    mkdir -p "$work"
    (
        cd "$work"
        # The Gutenberg setting's name has a hyphen, which `export` refuses; env takes it.
        app() { env XDG_STATE_HOME="$work/.state" XDG_CACHE_HOME="$work/.cache" "LSTMTERMINAL_Plugins__gutenberg-shakespeare__Url=$offline_url" "$app" "$@"; }
        app plugins --json >plugins.json || fail "$name: plugins exited with $?"
        for plugin in gutenberg-shakespeare text-file greedy temperature top-k nucleus; do
            grep -q "\"name\": \"$plugin\"" plugins.json || fail "$name: plugins --json does not list $plugin: $(cat plugins.json)"
        done
        grep -q '"errors": \[\]' plugins.json || fail "$name: plugins --json reports load errors: $(cat plugins.json)"
        app train --preset quality --max-steps 3 --json >train.json 2>train.err || fail "$name: train exited with $?: $(tail -3 train.err)"
        grep -q '"steps": 3' train.json || fail "$name: train did not run 3 steps: $(cat train.json)"
        grep -q 'Training on the bundled Shakespeare' train.err || fail "$name: train did not fall back to the bundled text: $(cat train.err)"
        [[ -f checkpoints/checkpoint.json ]] || fail "$name: no checkpoint in the working folder"
        # generate runs from precompiled (ReadyToRun) code and must never map libtorch, installed as in the build.
        env LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" XDG_STATE_HOME="$work/.state" "$app" generate "thou art" --words 3 --sampler greedy \
            >generate.txt 2>generate.err || fail "$name: generate exited with $?: $(tail -3 generate.err)"
        [[ -s generate.txt ]] || fail "$name: generate printed nothing"
        grep -q libhostfxr.so "$work"/ld.* || fail "$name: the dynamic loader logged nothing (LD_DEBUG)"
        ! grep -q libtorch_cpu.so "$work"/ld.* || fail "$name: generate mapped libtorch"
    )
    echo "ok: $name lists the plugins, trains 3 steps offline and generates without libtorch from $work"
}

echo "== dotnet publish (self-contained linux-x64)"
dotnet publish "$repo/src/LstmTerminal" -c Release -r linux-x64 --self-contained -o "$out/lstm-terminal" -nologo -v quiet -clp:ErrorsOnly \
    || fail "dotnet publish failed"
for plugin in LstmTerminal.Corpus.Gutenberg LstmTerminal.Corpus.TextFile LstmTerminal.Samplers; do
    [[ -f "$out/lstm-terminal/plugins/$plugin/$plugin.dll" ]] || fail "the published folder lacks plugins/$plugin/$plugin.dll"
    # Plugins use the host's runtime: a copy of it in a plugin folder means the plugin was published self-contained.
    [[ ! -e "$out/lstm-terminal/plugins/$plugin/System.Private.CoreLib.dll" ]] || fail "plugins/$plugin carries its own .NET runtime"
done
check_app "$out/lstm-terminal/lstm-terminal" published

echo "== dotnet pack (dotnet tool) and dotnet tool install"
dotnet pack "$repo/src/LstmTerminal" -c Release -o "$tmp/packages" -nologo -v quiet -clp:ErrorsOnly || fail "dotnet pack failed"
dotnet tool install lstm-terminal --tool-path "$tmp/tools" --add-source "$tmp/packages" >/dev/null || fail "dotnet tool install failed"
check_app "$tmp/tools/lstm-terminal" tool

echo "PASS: the published folder and the dotnet tool both list their plugins, train offline and generate without libtorch"
