"""Align two printings with CollateX, word by word, and give the line pairs it makes.

Used by `node dist/eval/collate.js` (src/eval/collate.ts) to compare tocdiff's line alignment
with a collation tool's on the evaluation's cases. Reads JSON lines from standard input, one case
each: {"id": ..., "a": [[line, text], ...], "b": [[line, text], ...]}; writes one JSON line a
case: {"id": ..., "pairs": [[line_a, line_b], ...], "seconds": ...}, or {"id": ..., "timeout":
true} when CollateX takes longer than the time allowed (--seconds, default 120).

Needs CollateX's Python port (https://github.com/interedition/collatex, collatex-pythonport) on
PYTHONPATH or given with --collatex DIR, and its dependencies (networkx, python-Levenshtein,
prettytable). Tokens are the words of each line (whitespace-separated), normalised to lower case
without surrounding punctuation, with near matching on, as a collation of OCR would be run.
"""
import argparse
import json
import signal
import sys
import time


def tokens(lines):
    out = []
    for number, text in lines:
        for word in text.split():
            normal = word.strip(".,;:!?()[]\"'«»“”‘’").lower() or word
            out.append({"t": word + " ", "n": normal, "l": number})
    return out


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--collatex", help="the collatex-pythonport folder")
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    if args.collatex:
        sys.path.insert(0, args.collatex)
    import warnings
    warnings.simplefilter("ignore")
    from collatex import collate

    signal.signal(signal.SIGALRM, on_alarm)
    for raw in sys.stdin:
        case = json.loads(raw)
        witnesses = [{"id": "A", "tokens": tokens(case["a"])}, {"id": "B", "tokens": tokens(case["b"])}]
        started = time.time()
        signal.alarm(args.seconds)
        try:
            table = json.loads(collate({"witnesses": witnesses}, output="json", segmentation=False, near_match=True))["table"]
        except Timeout:
            print(json.dumps({"id": case["id"], "timeout": True}), flush=True)
            continue
        finally:
            signal.alarm(0)
        pairs = set()
        for cell_a, cell_b in zip(table[0], table[1]):
            if not cell_a or not cell_b:
                continue
            for x in cell_a:
                for y in cell_b:
                    pairs.add((x["l"], y["l"]))
        print(json.dumps({"id": case["id"], "pairs": sorted(pairs), "seconds": time.time() - started}), flush=True)


main()
