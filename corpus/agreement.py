"""Agreement between the corpus labels and an independent second annotator.

The second annotator labelled a random sample of 150 tuning statements from the text and
the labelling guide alone (no corpus labels, no software). Their labels are in
``corpus/agreement/second_annotator.jsonl``. Another did the same for the whole fresh
evaluation batch (``corpus/agreement/fresh_second_annotator.jsonl``), and a third did the
same for the second, third and fourth fresh batches (``fresh2_...`` to
``fresh4_second_annotator.jsonl``).
Usage::

    python corpus/agreement.py            # the main corpus sample
    python corpus/agreement.py --fresh    # the first fresh batch
    python corpus/agreement.py --fresh2   # the second fresh batch
    python corpus/agreement.py --fresh3   # the third fresh batch
    python corpus/agreement.py --fresh4   # the fourth fresh batch
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    batch = next((b for b in ("fresh4", "fresh3", "fresh2", "fresh") if f"--{b}" in args), "")
    corpus = f"{batch}_heldout.jsonl" if batch else "statements.jsonl"
    second_file = f"{batch}_second_annotator.jsonl" if batch else "second_annotator.jsonl"
    first = {}
    for line in (HERE / "examples" / corpus).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        first[row["id"]] = row
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in (HERE / "agreement" / second_file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        second = json.loads(line)
        row = first[second["id"]]
        for name, label in second["labels"].items():
            mine = row["labels"].get(name)
            if label is None or mine is None:
                continue
            key = f"{row['kind']}.{name}"
            total[key] += 1
            agree[key] += label == mine
    n = sum(total.values())
    print(f"agreement on {n} labels: {sum(agree.values()) / n:.3f}")
    for key in sorted(total):
        print(f"  {key:42} {agree[key] / total[key]:.3f}  (n={total[key]})")


if __name__ == "__main__":
    main()
