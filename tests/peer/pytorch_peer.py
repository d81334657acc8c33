#!/usr/bin/python3
"""PyTorch peer of LstmTerminal's training step, for comparing speed (and quality) with `lstm-terminal bench`.

Same data and model as the app with its default settings (appsettings.json):
  * text: strict UTF-8, leading BOM dropped; lower-cased; every character that is not a letter, combining mark or
    decimal digit becomes a space, except ' and - (typographic ' and ' become '); words are the runs between spaces
    (src/LstmTerminal.Core/Text/TextNormalizer.cs; like .NET, characters beyond U+FFFF count as separators).
  * vocabulary: words seen more than 5 times, by descending count then ordinal (UTF-16) order; id 0 is <unk>
    (Text/Vocabulary.cs).
  * the last 10 % of the ids are the validation tail (Data/TokenSplit.cs, banker's rounding like Math.Round).
  * 100 contiguous streams read in windows of 50 tokens, targets the next token (Data/StreamLayout.cs,
    Data/StreamBatches.cs); the LSTM state is carried detached from window to window and reset each epoch.
  * embedding 128 -> 1-layer LSTM 128 (batch_first) -> linear to the vocabulary; mean cross-entropy, Adam lr 0.001,
    gradient norm clipped to 4.5 (Model/LstmLanguageModel.cs, Training/Trainer.cs).

Speed is measured like the app's bench (Bench/BenchRunner.cs): each step is timed from the end of the previous one
(the first from the start of the run), the first --warmup steps (2, as in the app) are dropped, and
trainTokensPerSecond = tokens per step (100 * 50) / median step time. With --epochs N it trains whole epochs
instead and reports the validation loss and perplexity after each (Training/Evaluator.cs: full softmax over the
validation tail laid out as up to 100 streams of 50 from offset 0). Differences from the app: the per-epoch stream
offset comes from Python's seeded random (the app derives its own from its seed), and in bench mode a step
that ends an epoch does not run the validation the app runs there.

With --level characters it trains the character-level model of the `characters` preset's reference instead (the
issue's plain char LSTM): every character its own token (id 0 unknown, never used with MinFrequency 1), the last 10 %
of the characters the validation tail, 32 streams of 128, embedding 64 -> 1-layer LSTM 512 -> linear, Adam lr 0.002,
clip 5. It then also reports trainCharactersPerSecond (equal to tokens/s at this level).

Only the standard library and torch (Debian 12: apt-get install python3-torch). Progress goes to stderr, the result
to stdout (one JSON object with --json).
"""

import argparse
import collections
import json
import os
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

MIN_WORD_FREQUENCY = 5
VALIDATION_FRACTION = 0.1
STREAMS = 100
WINDOW = 50
EMBEDDING = 128
RNN = 128
LEARNING_RATE = 0.001
GRADIENT_CLIP = 4.5
UNKNOWN = "<unk>"

# The model and batch of each level: (streams, window, embedding, rnn, learning rate, gradient clip).
LEVELS = {
    "words": (STREAMS, WINDOW, EMBEDDING, RNN, LEARNING_RATE, GRADIENT_CLIP),
    "characters": (32, 128, 64, 512, 0.002, 5.0),
}

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "data" / "tinyshakespeare.txt"

LETTERS = {"Lu", "Ll", "Lt", "Lm", "Lo"}
KEPT = {"Mn", "Mc", "Nd"}


def canonical(c):
    """TextNormalizer.Canonical for one character."""
    if c in "'-":
        return c
    if c in "\u2019\u2018":
        return "'"
    if ord(c) > 0xFFFF:
        return " "  # .NET scans UTF-16 code units; a surrogate half is neither letter nor digit
    category = unicodedata.category(c)
    if category in LETTERS:
        lower = c.lower()
        return lower if len(lower) == 1 else c  # char.ToLowerInvariant maps one char to one char
    if category in KEPT:
        return c
    return " "


def tokenize(text):
    table = {ord(c): canonical(c) for c in set(text)}
    return [word for word in text.translate(table).split(" ") if word]


def build_vocabulary(words, min_word_frequency):
    counts = collections.Counter(words)
    known = [w for w, n in counts.items() if n > min_word_frequency and w != UNKNOWN]
    known.sort(key=lambda w: (-counts[w], w.encode("utf-16-be")))  # ordinal = UTF-16 code unit order
    return [UNKNOWN] + known


def layout_for(token_count, streams, window):
    """StreamLayout.For: (streams, window, row length, windows)."""
    row = max(0, token_count - 1) // streams
    windows = row // window
    if windows == 0:
        raise SystemExit(f"{token_count} tokens are too few for one batch of {streams} x {window}")
    return streams, window, row, windows


def layout_fitting(token_count, max_streams, window):
    """StreamLayout.Fitting: the largest layout that fits, for the validation tail."""
    usable = max(0, token_count - 1)
    length = min(window, usable)
    if length == 0:
        raise SystemExit(f"{token_count} tokens are too few to score a model")
    return layout_for(token_count, min(max(usable // length, 1), max_streams), length)


def stream_batches(torch, tokens, layout, offset):
    """StreamBatches: inputs and targets as [streams, windows * window]; row r starts at r * row + offset."""
    streams, window, row, windows = layout
    width = windows * window
    index = (torch.arange(streams) * row + offset).unsqueeze(1) + torch.arange(width).unsqueeze(0)
    return tokens[index], tokens[index + 1]


def character_ids(text):
    """Characters by descending count then code point, after id 0 for the unknown character."""
    counts = collections.Counter(text)
    known = sorted(counts, key=lambda c: (-counts[c], c))
    ids_of = {c: i + 1 for i, c in enumerate(known)}
    return [ids_of[c] for c in text], len(known) + 1


def make_model(torch, vocabulary_size, embedding=EMBEDDING, rnn=RNN):
    nn = torch.nn

    class LstmLanguageModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(vocabulary_size, embedding)
            self.lstm = nn.LSTM(embedding, rnn, 1, batch_first=True)
            self.output = nn.Linear(rnn, vocabulary_size)

        def forward(self, tokens, state):
            output, state = self.lstm(self.embedding(tokens), state)
            return self.output(output), state

    return LstmLanguageModel()


def evaluate(torch, model, tokens, streams, window):
    """Evaluator.Evaluate: mean cross-entropy (and perplexity) over the validation tail, state carried."""
    layout = layout_fitting(len(tokens), streams, window)
    inputs, targets = stream_batches(torch, tokens, layout, 0)
    window, windows = layout[1], layout[3]
    model.eval()
    total, count, state = 0.0, 0, None
    with torch.inference_mode():
        for w in range(windows):
            x = inputs[:, w * window:(w + 1) * window]
            y = targets[:, w * window:(w + 1) * window]
            logits, state = model(x, state)
            total += torch.nn.functional.cross_entropy(
                logits.reshape(-1, logits.shape[2]), y.reshape(-1), reduction="sum").item()
            count += y.numel()
    model.train()
    mean = total / count
    return mean, float(torch.tensor(mean, dtype=torch.float64).exp())


def loaded_blas():
    """The BLAS library this process actually mapped (Debian picks it through update-alternatives)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return sorted(os.path.realpath(p) for p in paths)
    except OSError:
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS),
                        help="UTF-8 text (default: ../shared/data/tinyshakespeare.txt beside the repository)")
    parser.add_argument("--threads", type=int, help="torch.set_num_threads (also OMP/OpenBLAS threads); default: torch's own")
    parser.add_argument("--steps", type=int, default=20, help="timed steps after warm-up (default 20, as the app's bench)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed first steps (default 2, as the app's bench)")
    parser.add_argument("--epochs", type=int, help="train N whole epochs and report validation perplexity after each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--level", choices=sorted(LEVELS), default="words",
                        help="words (the app's defaults) or characters (the characters reference model)")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    args = parser.parse_args()
    if args.steps < 1 or args.warmup < 0 or (args.epochs is not None and args.epochs < 1):
        parser.error("--steps and --epochs must be at least 1, --warmup at least 0")

    if args.threads is not None:
        if args.threads < 1:
            parser.error("--threads must be at least 1")
        # Before torch loads: OpenBLAS (pthread build) sizes its own pool from these.
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[name] = str(args.threads)
    import torch
    import torch.nn.functional as F

    if args.threads is not None:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    streams, window, embedding, rnn, learning_rate, gradient_clip = LEVELS[args.level]
    with open(args.corpus, encoding="utf-8-sig") as f:
        text = f.read()
    if args.level == "characters":
        words = text
        ids, vocabulary_size = character_ids(text)
    else:
        words = tokenize(text)
        vocabulary = build_vocabulary(words, MIN_WORD_FREQUENCY)
        ids_of = {w: i for i, w in enumerate(vocabulary)}
        ids = [ids_of.get(w, 0) for w in words]
        vocabulary_size = len(vocabulary)
    unknown_rate = ids.count(0) / len(ids)
    validation_length = round(len(ids) * VALIDATION_FRACTION)
    training = torch.tensor(ids[:len(ids) - validation_length], dtype=torch.int64)
    validation = torch.tensor(ids[len(ids) - validation_length:], dtype=torch.int64)
    layout = layout_for(len(training), streams, window)
    slack = layout[2] - layout[3] * window
    tokens_per_step = streams * window
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, BLAS {', '.join(loaded_blas()) or '?'}; "
          f"{len(words)} {args.level}, vocabulary {vocabulary_size}, unknown {unknown_rate:.2%}, "
          f"{len(training)} training / {len(validation)} validation tokens, {layout[3]} steps per epoch",
          file=sys.stderr)

    model = make_model(torch, vocabulary_size, embedding, rnn)
    parameters = list(model.parameters())
    optimizer = torch.optim.Adam(parameters, lr=learning_rate)
    offsets = random.Random(args.seed)

    def train_window(x, y, state):
        optimizer.zero_grad()
        logits, state = model(x, state)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[2]), y.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, gradient_clip)
        optimizer.step()
        return loss.item(), tuple(s.detach() for s in state)

    def epoch_windows():
        """(inputs, targets, state reset?) for every window, epoch after epoch."""
        while True:
            inputs, targets = stream_batches(torch, training, layout, offsets.randrange(slack + 1))
            for w in range(layout[3]):
                yield inputs[:, w * window:(w + 1) * window], targets[:, w * window:(w + 1) * window], w == 0

    result = {
        "torchVersion": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": loaded_blas(),
        "level": args.level,
        "vocabularySize": vocabulary_size,
        "unknownRate": unknown_rate,
        "trainingTokens": len(training),
        "validationTokens": len(validation),
        "tokensPerStep": tokens_per_step,
    }
    state = None
    windows = epoch_windows()
    if args.epochs is None:
        step_times = []
        start = previous = time.perf_counter()
        for step in range(1, args.warmup + args.steps + 1):
            x, y, first = next(windows)
            loss, state = train_window(x, y, None if first else state)
            now = time.perf_counter()
            if step > args.warmup:
                step_times.append(now - previous)
            previous = now
        median = statistics.median(step_times)
        result.update({
            "trainTokensPerSecond": tokens_per_step / median,
            # Every token is one character at this level; at word level the words' characters are not counted.
            **({"trainCharactersPerSecond": tokens_per_step / median} if args.level == "characters" else {}),
            "timedSteps": len(step_times),
            "warmupSteps": args.warmup,
            "medianStepSeconds": median,
            "stepSeconds": step_times,
            "loss": loss,
        })
        summary = (f"train {tokens_per_step / median:.0f} tokens/s (median of {len(step_times)} steps after "
                   f"{args.warmup} warm-up), {torch.get_num_threads()} threads, torch {torch.__version__}")
    else:
        epochs = []
        for epoch in range(1, args.epochs + 1):
            losses = []
            start = time.perf_counter()
            for _ in range(layout[3]):
                x, y, first = next(windows)
                loss, state = train_window(x, y, None if first else state)
                losses.append(loss)
            seconds = time.perf_counter() - start
            validation_loss, perplexity = evaluate(torch, model, validation, streams, window)
            epochs.append({
                "epoch": epoch,
                "loss": statistics.fmean(losses[-10:]),
                "validationLoss": validation_loss,
                "validationPerplexity": perplexity,
                "tokensPerSecond": len(losses) * tokens_per_step / seconds,
            })
            print(f"epoch {epoch}: loss {epochs[-1]['loss']:.3f}, validation loss {validation_loss:.3f}, "
                  f"perplexity {perplexity:.1f}, {epochs[-1]['tokensPerSecond']:.0f} tokens/s", file=sys.stderr)
        result["epochs"] = epochs
        last = epochs[-1]
        summary = (f"{len(epochs)} epochs: validation loss {last['validationLoss']:.3f}, perplexity "
                   f"{last['validationPerplexity']:.1f}, {last['tokensPerSecond']:.0f} tokens/s in the last epoch")

    print(json.dumps(result) if args.json else summary)


if __name__ == "__main__":
    main()
