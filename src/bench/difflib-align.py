"""A reference for `npm run bench` (issue 17): align two contents pages line by line with Python's
difflib, and score each replaced pair of lines, as a quick script would. Prints the opcodes'
count and the summed similarity, so that the work cannot be skipped."""
import difflib
import sys


def lines(path):
    with open(path, encoding="utf-8") as handle:
        return [line for line in handle.read().split("\n") if line.strip()]


a, b = lines(sys.argv[1]), lines(sys.argv[2])
matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
opcodes = matcher.get_opcodes()
score = 0.0
for tag, i1, i2, j1, j2 in opcodes:
    if tag == "replace":
        for x, y in zip(a[i1:i2], b[j1:j2]):
            score += difflib.SequenceMatcher(None, x, y).ratio()
print(len(opcodes), round(score, 3))
