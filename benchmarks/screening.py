"""Screening quality and speed, side by side with alt-profanity-check, on held-out data only.

For each held-out set (never trained on; see dateline.screening.training): ROC-AUC, and
precision and recall at the site's thresholds, for our models and for alt-profanity-
check on the same comments. Then the identity-term check on bias_madlibs (AUC, and the
false positive rate on its NOT_BAD sentences), and the time to screen one comment at a
time on one core: our whole pipeline (rules and both models) and alt-profanity-check.

Usage: .venv/bin/python benchmarks/screening.py [--data-dir ../shared/data]
"""

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rates(labels, scores, threshold):
    flagged = [score > threshold for score in scores]
    true_positive = sum(1 for f, y in zip(flagged, labels, strict=True) if f and y)
    precision = true_positive / max(1, sum(flagged))
    recall = true_positive / max(1, sum(labels))
    return precision, recall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--latency-comments", type=int, default=2000)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    import django

    django.setup()
    from profanity_check import predict_prob
    from sklearn.metrics import roc_auc_score

    from dateline.screening import classifiers, pipeline
    from dateline.screening.policy import Policy
    from dateline.screening.rules import Submission
    from dateline.screening.state import MemoryStore, State
    from dateline.screening.training import held_out_sets

    policy = Policy()
    sets = held_out_sets(options.data_dir)
    print(
        f"models: {classifiers.versions()}; thresholds: toxicity {policy.toxicity_threshold}, "
        f"spam {policy.spam_threshold}; alt-profanity-check at 0.5 (its own cut)"
    )
    header = f"{'held-out set':<44}{'n':>6}  {'model':<22}{'AUC':>7}{'precision':>11}{'recall':>8}"
    print(header)
    print("-" * len(header))
    for name, rows in sets.items():
        if name == "bias_madlibs":
            continue
        texts = [row[0] for row in rows]
        if name.startswith("toxicity"):
            labels = [row[1] for row in rows]
            ours = [classifiers.toxicity(text).value for text in texts]
            threshold, ours_name = policy.toxicity_threshold, "dateline toxicity"
        else:
            labels = [row[2] for row in rows]
            ours = [
                classifiers.spam(row[0], article_text=row[1], account_age_days=row[3]).value
                for row in rows
            ]
            threshold, ours_name = policy.spam_threshold, "dateline spam"
        theirs = list(predict_prob(texts))
        for model, scores, cut in (
            (ours_name, ours, threshold),
            ("alt-profanity-check", theirs, 0.5),
        ):
            precision, recall = rates(labels, scores, cut)
            print(
                f"{name:<44}{len(rows):>6}  {model:<22}{roc_auc_score(labels, scores):>7.4f}"
                f"{precision:>11.3f}{recall:>8.3f}"
            )

    print("note: alt-profanity-check was trained on all of the Davidson tweets, these held-out")
    print("      ones included, so its toxicity row is measured on its own training data.")
    texts = [row[0] for row in sets["bias_madlibs"]]
    labels = [row[1] for row in sets["bias_madlibs"]]
    print()
    print(f"identity terms (bias_madlibs, {len(texts):,} template sentences):")
    ours = [classifiers.toxicity(text).value for text in texts]
    theirs = list(predict_prob(texts))
    for model, scores, cut in (
        ("dateline toxicity", ours, policy.toxicity_threshold),
        ("alt-profanity-check", theirs, 0.5),
    ):
        clean = [score for score, label in zip(scores, labels, strict=True) if not label]
        false_positive_rate = sum(score > cut for score in clean) / len(clean)
        print(
            f"  {model:<22} AUC {roc_auc_score(labels, scores):.4f}   "
            f"false positive rate on NOT_BAD at {cut}: {false_positive_rate:.4f}"
        )

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sample = [row[0] for row in sets["toxicity: Davidson tweets"]][: options.latency_comments]
    state = State(MemoryStore())
    start = datetime(2026, 1, 1, tzinfo=UTC)
    ours, theirs = [], []
    for number, text in enumerate(sample):
        submission = Submission(
            body=text,
            author=f"a{number}",
            created=start + timedelta(seconds=number),
            page="bench",
            article_text="French troops in Mali",
        )
        began = time.perf_counter()
        pipeline.judge(submission, policy, state)
        ours.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        predict_prob([text])
        theirs.append((time.perf_counter() - began) * 1000)
    print()
    print(f"latency per comment, one at a time, one core ({len(sample):,} comments):")
    for model, timings in (
        ("dateline (rules + both models)", ours),
        ("alt-profanity-check", theirs),
    ):
        timings.sort()
        print(
            f"  {model:<32} median {statistics.median(timings):.3f} ms   "
            f"p99 {timings[int(len(timings) * 0.99) - 1]:.3f} ms"
        )


if __name__ == "__main__":
    main()
