#!/usr/bin/python3
"""Cold start of `lstm-terminal generate` (the libtorch-free path) at every token level: the median of N fresh processes.

"Cold" is a fresh process each run: runtime start, host, settings, plugins, checkpoint, generation, exit. The file
cache is warm (one unmeasured run per level first), as it is for anyone who runs the app twice. Levels take turns
(characters, subwords, words, characters, ...), and so do the apps when several are given (a build before and after a
change, say), so a change of load on a shared machine touches each alike.
The unmeasured run also checks that the process never maps libtorch (LD_DEBUG=files): that path must not load it.

Without checkpoints given, it trains one per level first (20 steps each, a few seconds): `--preset characters` and
`--preset subwords` (the 512-unit models they ship) and the default `words` recipe. Checkpoint size matters little;
starting the process is most of the time.

  tests/bench/cold_generate.py                               # the Release build, 11 runs per level
  tests/bench/cold_generate.py --app ~/lstm-terminal/lstm-terminal --runs 21 --json
  tests/bench/cold_generate.py --app OLD/lstm-terminal --app NEW/lstm-terminal      # before and after, interleaved
  tests/bench/cold_generate.py --checkpoint characters=ck/char --checkpoint subwords=ck/sub

Prints a table (or one JSON object with --json): per app and level the median, fastest and slowest elapsed milliseconds, the
median CPU milliseconds (user + system, less sensitive to load than elapsed), and the load average before and after.
Only the standard library. Not part of `dotnet test`: timing belongs to benchmarks, never to unit tests.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_APP = os.path.join(REPO, "src", "LstmTerminal", "bin", "Release", "net10.0", "lstm-terminal")
DEFAULT_CORPUS = os.path.join(REPO, "..", "shared", "data", "tinyshakespeare.txt")
LEVELS = {
    "characters": ["--preset", "characters"],
    "subwords": ["--preset", "subwords"],
    "words": ["--tokenizer", "words"],
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--app", action="append", default=[], help="an lstm-terminal executable (repeatable; default: the Release build)")
    parser.add_argument("--runs", type=int, default=11, help="measured fresh processes per app and level (default 11)")
    parser.add_argument("--words", type=int, default=100, help="tokens each run generates (default 100)")
    parser.add_argument("--prime", default="ROMEO:", help='the prime (default "ROMEO:")')
    parser.add_argument("--corpus-path", default=DEFAULT_CORPUS, help="corpus for the checkpoints trained when none are given")
    parser.add_argument("--checkpoint", action="append", default=[], metavar="LEVEL=DIR",
                        help="measure this checkpoint for its level (repeatable); only the levels given are then measured, none trained")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.app = args.app or [DEFAULT_APP]
    for app in args.app:
        if not os.access(app, os.X_OK):
            parser.error(f"{app} is not an executable; build it first (dotnet build src/LstmTerminal -c Release)")
    return args


def load_average():
    return os.getloadavg()[0]


def run(command, env=None):
    """Runs one process to its end; returns (elapsed ms, CPU ms of user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {result.returncode}: {result.stderr.decode(errors='replace').strip()}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return elapsed, cpu


def train_checkpoints(args, work):
    checkpoints = {}
    for level, options in LEVELS.items():
        directory = os.path.join(work, level)
        print(f"training a {level} checkpoint (20 steps) in {directory}", file=sys.stderr)
        run([args.app[0], "train", "--corpus-path", args.corpus_path, *options, "--max-steps", "20", "--checkpoint-dir", directory])
        checkpoints[level] = directory
    return checkpoints


def maps_libtorch(command, work):
    """Runs the command once with the dynamic loader's log on: did it map libtorch?"""
    log = os.path.join(work, "ld")
    run(command, env={**os.environ, "LD_DEBUG": "files", "LD_DEBUG_OUTPUT": log})
    mapped = ""
    for name in os.listdir(work):
        if name.startswith("ld."):
            with open(os.path.join(work, name), errors="replace") as file:
                mapped += file.read()
            os.remove(os.path.join(work, name))
    return "libtorch_cpu.so" in mapped


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="cold-generate-") as work:
        given = dict(item.split("=", 1) for item in args.checkpoint)
        checkpoints = given or train_checkpoints(args, work)
        commands = {
            (app, level): [app, "generate", args.prime, "--words", str(args.words), "--seed", "1", "--checkpoint-dir", directory]
            for app in args.app
            for level, directory in checkpoints.items()
        }
        for (app, level), command in commands.items():
            if maps_libtorch(command, work):
                sys.exit(f"{app} generate mapped libtorch at the {level} level: the libtorch-free path is broken")

        load_before = load_average()
        samples = {key: [] for key in commands}
        for _ in range(args.runs):
            for key, command in commands.items():
                samples[key].append(run(command))
        load_after = load_average()

    report = {
        "runs": args.runs,
        "words": args.words,
        "loadBefore": round(load_before, 2),
        "loadAfter": round(load_after, 2),
        "results": [
            {
                "app": app,
                "level": level,
                "medianMs": round(statistics.median(e for e, _ in runs)),
                "fastestMs": round(min(e for e, _ in runs)),
                "slowestMs": round(max(e for e, _ in runs)),
                "medianCpuMs": round(statistics.median(c for _, c in runs)),
                "checkpoint": given.get(level, "trained for this run (20 steps)"),
            }
            for (app, level), runs in samples.items()
        ],
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"generate \"{args.prime}\" --words {args.words}, {args.runs} fresh processes per app and level, "
          f"load average {report['loadBefore']} before, {report['loadAfter']} after; libtorch never mapped")
    print(f"{'level':<12}{'median ms':>10}{'fastest':>9}{'slowest':>9}{'CPU ms':>8}  app")
    for figures in report["results"]:
        print(f"{figures['level']:<12}{figures['medianMs']:>10}{figures['fastestMs']:>9}{figures['slowestMs']:>9}{figures['medianCpuMs']:>8}  {figures['app']}")


if __name__ == "__main__":
    main()
