# Shared by the tmux end-to-end scripts (source it after setting $session): a temporary folder, one tmux session
# killed on exit, the checks every script needs, and polling of the screen.
# Sets: repo, corpus, tmp. Provides: fail, wait_until, screen_has, require_app.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$(cd "$repo/.." && pwd)/shared/data/tinyshakespeare.txt"
tmp="$(mktemp -d)"

fail() {
    echo "FAIL: $*"
    if [[ -f "$tmp/last.txt" ]]; then
        echo "--- last screen ---"
        cat "$tmp/last.txt"
    fi
    exit 1
}

cleanup() {
    tmux kill-session -t "$session" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# Fails unless tmux, the built app ($1) and the corpus are there.
require_app() {
    command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
    [[ -x "$1" ]] || fail "no app at $1; build it with: dotnet build LstmTerminal.sln"
    [[ -f "$corpus" ]] || fail "the corpus $corpus is missing; put tinyshakespeare.txt in ../shared/data next to the repository"
}

# Polls the screen until the check command succeeds on it, for at most $1 seconds.
wait_until() {
    local seconds="$1"
    shift
    for ((i = 0; i < seconds * 4; i++)); do
        tmux capture-pane -p -t "$session" >"$tmp/last.txt" 2>/dev/null || return 1
        "$@" && return 0
        sleep 0.25
    done
    return 1
}

screen_has() { grep -Eq "$1" "$tmp/last.txt"; }
