"""Screening against alt-profanity-check on the dev and test splits, and its speed.

For each labelled set (see dateline.screening.corpora: dev splits are where thresholds
and calibration were chosen, test splits are never tuned on) and each attribute: ROC-AUC
beside the baseline's; the share of abusive comments the whole screen stops (held or
rejected) at the shipped defaults and the share of civil ones it holds, beside the
baseline at its own 0.5; span F1 (SemEval-2021 Task 5) of the words marked; calibration
(Brier score and a reliability table); latency of the whole screen, one comment at a
time on one core, beside the baseline on the same comments.

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
from sklearn.metrics import brier_score_loss, roc_auc_score  # noqa: E402

from dateline.core.state import MemoryStore, State  # noqa: E402
from dateline.screening import (  # noqa: E402
    classifiers,
    corpora,
    pipeline,
    spans,
    synthetic,
    training,
)
from dateline.screening.policy import Policy  # noqa: E402
from dateline.screening.rules import Submission  # noqa: E402

BASELINE = "alt-profanity-check"
BASELINE_CUT = 0.5
START = datetime(2026, 1, 1, tzinfo=UTC)
# Rate limits and repeats are about one writer's habits; here every comment is a stranger's.
POLICY = Policy(rate_seconds=0.001, rate_burst=10**6, premoderate_until_approved=0)


class Screen:
    """The whole screen, as the comment path runs it: every rule and every attribute."""

    def __init__(self, policy=POLICY):
        self.policy, self.state, self.clock = policy, State(MemoryStore()), itertools.count()

    def __call__(self, text, article=""):
        number = next(self.clock)
        return pipeline.judge(
            Submission(
                body=text,
                author=f"writer{number}",
                created=START + timedelta(seconds=number),
                page=f"story{number % 50}",
                article_text=article,
            ),
            self.policy,
            self.state,
        )


def stopped(verdicts):
    return sum(verdict.decision != "publish" for verdict in verdicts) / max(1, len(verdicts))


def share_over(values, cut=BASELINE_CUT):
    return sum(value > cut for value in values) / max(1, len(values))


def by_label(examples):
    """(abusive, civil) examples."""
    return [e for e in examples if e.label], [e for e in examples if not e.label]


def sets(corpus, part):
    """{set name: (abusive examples, civil examples, attribute its AUC is read for)}."""
    take = lambda split: getattr(split, part)  # noqa: E731
    wiki_toxic, wiki_clean = by_label(take(corpus.wikipedia))
    return {
        "news comments (Civil Comments; civil = unmarked sentences)": (
            take(corpus.civil),
            take(corpus.unmarked),
            "toxicity",
        ),
        "news comments vs civil pool (unmarked + Wikipedia clean)": (
            take(corpus.civil),
            take(corpus.unmarked) + wiki_clean,
            "toxicity",
        ),
        "Wikipedia talk comments": (wiki_toxic, wiki_clean, "toxicity"),
        "Stormfront hate vs noHate (implicit hate)": (
            *by_label(take(corpus.stormfront)),
            "identity_attack",
        ),
        "Davidson tweets": (*by_label(take(corpus.tweets)), "toxicity"),
        "spam: YouTube comments": (*by_label(take(corpus.youtube)), "spam"),
    }


def quality(corpus, data_dir):
    print(f"{'set':<58}{'part':<5}{'n+':>6}{'n-':>7}  {'ROC-AUC ours':>12} {'base':>6}  "
          f"{'stopped ours':>12} {'base':>6}  {'civil held':>10} {'base':>6}")  # fmt: skip
    for part in ("dev", "test"):
        for name, (abusive, civil, attribute) in sets(corpus, part).items():
            examples = abusive + civil
            if not abusive or not civil:
                continue
            screen = Screen()
            verdicts = [screen(e.text) for e in examples]
            ours = [verdict.scores[attribute] for verdict in verdicts]
            theirs = [float(value) for value in predict_prob([e.text for e in examples])]
            labels = [1] * len(abusive) + [0] * len(civil)
            print(
                f"{name[:57]:<58}{part:<5}{len(abusive):>6}{len(civil):>7}  "
                f"{roc_auc_score(labels, ours):>12.4f} {roc_auc_score(labels, theirs):>6.4f}  "
                f"{stopped(verdicts[: len(abusive)]):>12.1%} "
                f"{share_over(theirs[: len(abusive)]):>6.1%}  "
                f"{stopped(verdicts[len(abusive) :]):>10.1%} "
                f"{share_over(theirs[len(abusive) :]):>6.1%}"
            )
    madlibs = corpora.bias_madlibs(data_dir)
    clean = [e.text for e in madlibs if not e.label]
    screen = Screen()
    verdicts = [screen(text) for text in clean]
    theirs = predict_prob(clean)
    labels = [e.label for e in madlibs]
    scores = [classifiers.toxicity(e.text).value for e in madlibs]
    print(
        f"\nbias_madlibs (never trained on): toxicity ROC-AUC {roc_auc_score(labels, scores):.4f} "
        f"(base {roc_auc_score(labels, predict_prob([e.text for e in madlibs])):.4f}); "
        f"of {len(clean):,} NOT_BAD sentences naming identities the screen holds "
        f"{stopped(verdicts):.2%} (base flags {share_over(theirs):.2%})"
    )
    news = synthetic.news_comments(1200, corpora.SEED + 3, held_out=True)
    labels = [e.label for e in news]
    ours = [classifiers.spam(e.text, article_text=e.article, account_age_days=e.age).value
            for e in news]  # fmt: skip
    print(
        f"news-comment spam (generated, unseen templates, test only): spam ROC-AUC "
        f"{roc_auc_score(labels, ours):.4f} (base {roc_auc_score(labels, predict_prob([e.text for e in news])):.4f})"
    )


def span_quality(corpus):
    tagger = spans.tagger()
    print(
        f"\nspan F1 (SemEval-2021 Task 5, character level, mean over posts; cut {tagger.threshold}):"
    )
    for part, examples in (("dev", corpus.civil.dev), ("trial (test)", corpus.civil.test)):
        screen = Screen()
        shown = []
        for example in examples:
            verdict = screen(example.text)
            ranges = {
                (start, end)
                for reason in verdict.reasons
                if reason.decision != "publish"
                for start, end in reason.detail.get("spans", [])
            }
            shown.append(spans.span_f1(spans.merge(example.text, sorted(ranges)), example.spans))
        print(
            f"  {part:<13} span model {spans.mean_f1(tagger, examples):.4f}; as the queue shows "
            f"them (every held reason's ranges) {statistics.fmean(shown):.4f}; "
            f"n={len(examples)}"
        )


def calibration(corpus):
    print("\ncalibration of the toxicity score (news comments + Wikipedia talk + Stormfront):")
    for part in ("dev", "test"):
        examples = []
        for name in ("civil", "unmarked", "wikipedia", "stormfront"):
            for e in getattr(getattr(corpus, name), part):
                examples.append((e.text, 0 if name == "unmarked" else e.label))
        values = [classifiers.toxicity(text).value for text, _ in examples]
        labels = [label for _, label in examples]
        print(f"  {part}: Brier {brier_score_loss(labels, values):.4f} over {len(labels):,}; "
              "reliability (score band: comments, mean score, share toxic)")  # fmt: skip
        for low in [band / 10 for band in range(10)]:
            inside = [(v, y) for v, y in zip(values, labels, strict=True)
                      if low <= v < low + 0.1 or (low == 0.9 and v == 1.0)]  # fmt: skip
            if inside:
                print(f"    {low:.1f}-{low + 0.1:.1f}: {len(inside):>6}  "
                      f"{statistics.fmean(v for v, _ in inside):.3f}  "
                      f"{statistics.fmean(y for _, y in inside):.3f}")  # fmt: skip


def timings(score, texts):
    """Milliseconds per call, one text at a time."""
    spent = []
    for text in texts:
        began = time.perf_counter()
        score(text)
        spent.append((time.perf_counter() - began) * 1000)
    return sorted(spent)


def padded(texts, length):
    """Comments of about `length` characters, made by joining shorter ones."""
    out, current = [], ""
    for text in texts:
        current = f"{current} {text}".strip()
        if len(current) >= length:
            out.append(current[:length])
            current = ""
    return out


def latency(corpus, count):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [e.text for e in corpus.civil.test + corpus.unmarked.test + corpus.wikipedia.test]
    written = texts[:count]
    long = padded(texts, 300)[:count]
    print(
        f"\nlatency per comment, one at a time, one core: {len(written):,} test comments as "
        f"written (median {statistics.median(map(len, written)):.0f} characters) and "
        f"{len(long):,} of 300 characters"
    )
    print(f"{'':<58}{'median ms':>10}{'p99 ms':>9}")
    screen = Screen()
    for label, score in (
        ("dateline whole screen (every rule, six attributes)", screen),
        (BASELINE, lambda text: predict_prob([text])),
    ):
        for size, group in (("as written", written), ("300 chars", long)):
            spent = timings(score, group)
            print(f"{label + ', ' + size:<58}{statistics.median(spent):>10.3f}"
                  f"{spent[int(len(spent) * 0.99) - 1]:>9.3f}")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--latency-comments", type=int, default=3000)
    options = parser.parse_args()
    corpus = training.load(options.data_dir)
    defaults = {name: (rule.threshold, rule.action) for name, rule in POLICY.attributes.items()}
    print(f"models {classifiers.versions()}; defaults {defaults}")
    print(f"stopped = held or rejected by the whole screen; base = {BASELINE} > {BASELINE_CUT}\n")
    quality(corpus, options.data_dir)
    span_quality(corpus)
    calibration(corpus)
    latency(corpus, options.latency_comments)


if __name__ == "__main__":
    main()
