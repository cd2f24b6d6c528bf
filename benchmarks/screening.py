"""Screening models against alt-profanity-check, on held-out data only, and their speed.

Every set below is held out from training (see dateline.screening.training.held_out_sets);
bias_madlibs is never trained on at all. For each: ROC-AUC, and precision and recall at
the thresholds in use (ours: 0.5 and the site default; alt-profanity-check: its own 0.5).
On bias_madlibs, the false positive rate on its NOT_BAD sentences says whether naming an
identity alone raises the score. Latency is one comment at a time, pinned to one core.

Usage: .venv/bin/python benchmarks/screening.py [--data-dir ../shared/data]
"""

import argparse
import itertools
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from profanity_check import predict_prob  # noqa: E402
from sklearn.calibration import CalibratedClassifierCV  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from dateline.screening import classifiers, pipeline, training  # noqa: E402
from dateline.screening.policy import Policy  # noqa: E402
from dateline.screening.rules import Submission  # noqa: E402
from dateline.screening.state import MemoryStore, State  # noqa: E402

BASELINE = "alt-profanity-check"
BASELINE_CUT = 0.5
RETRAINED = f"{BASELINE} recipe*"
TWEETS = "toxicity: Davidson tweets"
# The hold thresholds the model card recommends (docs/screening-model-card.md).
RECOMMENDED = {"toxicity": 0.9, "spam": 0.7}


def rates(labels, scores, cut):
    """Precision, recall and false positive rate when flagging scores above `cut`."""
    flagged = [score > cut for score in scores]
    hits = sum(1 for flag, truth in zip(flagged, labels, strict=True) if flag and truth)
    false = sum(flagged) - hits
    return (
        hits / max(1, sum(flagged)),
        hits / max(1, sum(labels)),
        false / max(1, len(labels) - sum(labels)),
    )


def baseline_recipe(examples):
    """The baseline's own recipe, fitted to `examples`: a scoring function for texts.

    Its shipped model was fitted to every Davidson tweet, the ones held out here included,
    so on that set it is scored partly on tweets it has seen. Word unigrams weighted by
    tf-idf (English stop words out), a class-balanced linear SVM, calibrated: fitted to our
    training tweets only, it shows what the recipe scores on tweets it has not seen.
    """
    vectorizer = TfidfVectorizer(stop_words="english", min_df=0.0001)
    matrix = vectorizer.fit_transform([example.text for example in examples])
    svm = LinearSVC(class_weight="balanced", dual=False, tol=1e-2, max_iter=100_000)
    fitted = CalibratedClassifierCV(svm).fit(matrix, [example.label for example in examples])
    return lambda texts: fitted.predict_proba(vectorizer.transform(texts))[:, 1]


def timings(score, texts):
    """Milliseconds per call, one text at a time."""
    spent = []
    for text in texts:
        began = time.perf_counter()
        score(text)
        spent.append((time.perf_counter() - began) * 1000)
    return spent


def padded(texts, length):
    """Comments of about `length` characters, made by joining held-out comments."""
    out, current = [], ""
    for text in texts:
        current = f"{current} {text}".strip()
        if len(current) >= length:
            out.append(current[:length])
            current = ""
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--latency-comments", type=int, default=3000)
    options = parser.parse_args()
    policy = Policy()
    cuts = {
        "toxicity": sorted({0.5, policy.toxicity_threshold, RECOMMENDED["toxicity"]}),
        "spam": sorted({0.5, policy.spam_threshold, RECOMMENDED["spam"]}),
    }
    sets = training.held_out_sets(options.data_dir)
    print(f"models {classifiers.versions()}; data {options.data_dir}")
    print(
        f"held-out sets only; precision/recall at score > cut: ours at 0.5, the site default "
        f"(toxicity {policy.toxicity_threshold}, spam {policy.spam_threshold}) and the "
        f"recommended {RECOMMENDED}; {BASELINE} at its own {BASELINE_CUT}. "
        f"FPR = false positive rate on the clean class.\n"
    )
    header = (
        f"{'held-out set':<30}{'n':>7}  {'model':<28}{'ROC-AUC':>8}  "
        f"{'cut':>4}{'precision':>10}{'recall':>8}{'FPR':>8}"
    )
    retrained = baseline_recipe(training.davidson(options.data_dir)[0])
    print(header)
    print("-" * len(header))
    for name, examples in sets.items():
        kind = name.split(":")[0]
        labels = [example.label for example in examples]
        ours = training.scores(classifiers.model(kind), examples)
        texts = [example.text for example in examples]
        rows = [
            (f"dateline {kind}", ours, cuts[kind]),
            (BASELINE, [float(value) for value in predict_prob(texts)], [BASELINE_CUT]),
        ]
        if name == TWEETS:
            rows.append((RETRAINED, list(retrained(texts)), [BASELINE_CUT]))
        for model, scores, model_cuts in rows:
            auc = roc_auc_score(labels, scores)
            for number, cut in enumerate(model_cuts):
                precision, recall, fpr = rates(labels, scores, cut)
                lead = (
                    f"{name.split(': ')[1]:<30}{len(examples):>7}  {model:<28}{auc:>8.4f}"
                    if number == 0
                    else " " * 75
                )
                print(f"{lead}  {cut:>4}{precision:>10.3f}{recall:>8.3f}{fpr:>8.4f}")
        print()
    print(
        f"* the shipped {BASELINE} has trained on every Davidson tweet, these held-out ones "
        f"included; the row marked * is its recipe fitted to our training tweets only.\n"
    )
    news = sets["spam: news comments (synthetic)"]
    civil = [example.text for example in news if not example.label]
    ours = [classifiers.toxicity(text).value for text in civil]
    theirs = predict_prob(civil)
    print(
        f"toxicity false positives on the {len(civil)} civil (ham) held-out news comments: "
        + ", ".join(
            f"ours > {cut}: {sum(value > cut for value in ours)}" for cut in cuts["toxicity"]
        )
        + f"; {BASELINE} > {BASELINE_CUT}: {sum(value > BASELINE_CUT for value in theirs)}\n"
    )

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    tweets = [e.text for e in sets[TWEETS]]
    written = (tweets + [e.text for e in news])[: options.latency_comments]
    long = padded(tweets, 300)[: options.latency_comments]
    article = news[0].article

    def both(text):
        classifiers.toxicity(text)
        classifiers.spam(text, article_text=article, account_age_days=30.0)

    state, clock = State(MemoryStore()), itertools.count()
    start = datetime(2026, 1, 1, tzinfo=UTC)

    def whole(text):
        """Every rule and both models, as the comment path runs them (one writer each)."""
        number = next(clock)
        submission = Submission(
            body=text,
            author=f"writer{number}",
            ip=f"10.0.{number // 250}.{number % 250}",
            created=start + timedelta(seconds=number),
            page="story",
            article_text=article,
        )
        pipeline.judge(submission, policy, state)

    print(
        f"latency per comment, one at a time, one core: {len(written):,} held-out comments "
        f"as written (median {statistics.median(map(len, written)):.0f} characters) and "
        f"{len(long):,} of 300 characters. Rows run in order; like a server process, each "
        f"model remembers the words it has already scored."
    )
    print(f"{'model':<60}{'median ms':>10}{'p99 ms':>9}")
    for label, score in (
        ("dateline toxicity", classifiers.toxicity),
        (
            "dateline spam (with article and account age)",
            lambda text: classifiers.spam(text, article_text=article, account_age_days=30.0),
        ),
        ("dateline toxicity + spam", both),
        ("dateline screening (rules + both models)", whole),
        (BASELINE, lambda text: predict_prob([text])),
    ):
        for size, texts in (("as written", written), ("300 chars", long)):
            spent = sorted(timings(score, texts))
            print(
                f"{label + ', ' + size:<60}{statistics.median(spent):>10.3f}"
                f"{spent[int(len(spent) * 0.99) - 1]:>9.3f}"
            )


if __name__ == "__main__":
    main()
