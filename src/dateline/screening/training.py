"""Train the screening models from the shared data; the same data gives the same files.

Three comment models learn from labelled comments (toxicity, insult, identity attack),
one from spam (with signals beyond the words), and a per-word model learns which words
raters marked as toxic (`spans`). Each comment model is fitted on the `train` parts of
the sets in `corpora`, then calibrated on their `dev` parts (one slope and intercept on
its log-odds, so that a score of 0.7 means about 70 % of such comments were abusive in
the dev mix); thresholds are chosen on `dev` too. The `test` parts are only reported
(`benchmarks/screening.py`). Insult and identity attack have no labelled set of their
own: a toxic news comment counts as one when the words raters marked include a word of
`data/insult_words.txt` or `data/identity_terms.txt`; Stormfront's and the Davidson
tweets' hate labels are real identity-attack labels.
"""

import gzip
import hashlib
import io
import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from . import classifiers, corpora, spans, synthetic, text
from .corpora import SEED, DataError
from .policy import builtin

VERSION = "3"
MIN_TEXTS = 2  # a feature must occur in this many training texts to get a weight
SMALLEST_WEIGHT = 0.005  # weights closer to zero than this are left out of the file
ORDINARY_WORDS = 1000  # the commonest words of civil comments are never highlighted
MARKED_OFTEN = 0.1  # ...unless raters marked them this often in toxic comments
SPAN_C = 0.5


class Recipe(NamedTuple):
    """How one model is fitted; docs/screening-model-card.md says how each was chosen."""

    C: float  # inverse regularisation strength
    # Whether text columns are scaled by how strongly they lean to one class (see
    # `evidence_scale`): it helps on the tweets; on the templated spam data it let words
    # of the generated ham ("comment") take large weights of the wrong sign.
    scaled: bool
    # The share of that scale the character n-grams keep: they back up whole words on
    # misspellings, and at full strength they drown the words they come from.
    gram_scale: float


RECIPES = {
    "toxicity": Recipe(4.0, True, 0.5),
    "insult": Recipe(4.0, True, 0.5),
    "identity_attack": Recipe(4.0, True, 0.5),
    "spam": Recipe(4.0, False, 1.0),
}
# Training weights: the few positives of the forum and talk-page sets count three times;
# tweets count half, being neither news comments nor written like them.
RARE_POSITIVES = 3.0
TWEETS = 0.5
# Spam's dev set is YouTube comments, half of them spam: calibrating on it would teach the
# spam model a share of spam no news site has, so its scores stay as fitted.
CALIBRATED = ("toxicity", "insult", "identity_attack")


class Corpus(NamedTuple):
    """Every labelled set, split (see `corpora`)."""

    civil: corpora.Split  # toxic news comments with marked words
    unmarked: corpora.Split  # their sentences with nothing marked: civil news text
    wikipedia: corpora.Split
    stormfront: corpora.Split
    tweets: corpora.Split
    youtube: corpora.Split


def load(data_dir) -> Corpus:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(f"no training data at {data_dir}")
    tweets = corpora.davidson(data_dir)
    youtube = corpora.youtube(data_dir)
    civil = corpora.civil_comments(data_dir)
    splits = (
        civil,
        corpora.Split(*(corpora.unmarked_sentences(part) for part in civil)),
        corpora.wikipedia_talk(data_dir),
        corpora.stormfront(data_dir),
        tweets,
        youtube,
    )
    return Corpus(*corpora.disjoint(splits))


def marked_with(example, entries):
    """Whether the words raters marked in `example` include one of the listed `entries`."""
    marked = " ".join(example.text[start:end] for start, end in example.spans)
    return bool(marked) and bool(text.find_words(marked, entries))


def relabel(examples, value, weight=1.0):
    return [e._replace(label=value, weight=e.weight * weight) for e in examples]


def upweighted(examples, weight):
    """The examples with each positive counting `weight` times."""
    return [e._replace(weight=weight if e.label else 1.0) for e in examples]


def parted(examples, test):
    """(the examples that pass `test`, the others), each in their order."""
    flags = [test(example) for example in examples]
    return (
        [e for e, flag in zip(examples, flags, strict=True) if flag],
        [e for e, flag in zip(examples, flags, strict=True) if not flag],
    )


def attribute_sets(corpus, part):
    """{attribute: examples} from one part ("train", "dev" or "test") of every set.

    Training adds generated examples and weights; dev and test count every comment once.
    """
    training = part == "train"

    def take(split):
        return getattr(split, part)

    civil, unmarked = take(corpus.civil), take(corpus.unmarked)
    wiki, forum, tweets = take(corpus.wikipedia), take(corpus.stormfront), take(corpus.tweets)
    rare = RARE_POSITIVES if training else 1.0
    insulting, other_abuse = parted(civil, lambda e: marked_with(e, builtin("insult_words.txt")))
    hateful, not_hateful = parted(civil, lambda e: marked_with(e, builtin("identity_terms.txt")))
    sets = {
        "toxicity": civil
        + relabel(unmarked, 0)
        + upweighted(wiki + forum, rare)
        + [e._replace(weight=e.weight * (TWEETS if training else 1.0)) for e in tweets],
        "insult": insulting
        + relabel(other_abuse, 0)
        + relabel(unmarked, 0)
        + relabel([e for e in wiki if e.label], 1, rare)
        + [e for e in wiki if not e.label]
        + relabel([e for e in forum if not e.label], 0),
        "identity_attack": hateful
        + relabel(not_hateful, 0)
        + relabel(unmarked, 0)
        + relabel(wiki, 0)
        + upweighted(forum, rare)
        + [e._replace(label=int(e.kind == "hate"), weight=1.0) for e in tweets],
    }
    if training:
        news = synthetic.news_comments(8000, SEED + 2, held_out=False)
        civil_news = relabel([e for e in news if not e.label], 0)
        identities = synthetic.identity_sentences(2000, SEED + 1)
        abuse = synthetic.abuse_sentences(3000, SEED + 5)
        sets["toxicity"] += civil_news + identities + abuse
        sets["insult"] += civil_news + identities + abuse
        sets["identity_attack"] += civil_news + identities + relabel(abuse, 0)
        sample = random.Random(SEED + 4).sample(tweets, min(3000, len(tweets)))
        sets["spam"] = corpus.youtube.train + news + relabel(sample, 0)
    elif part == "dev":
        sets["spam"] = corpus.youtube.dev
    else:
        sets["spam"] = corpus.youtube.test + synthetic.news_comments(1200, SEED + 3, held_out=True)
    return sets


def sparse_rows(rows):
    """A CSR matrix and its column names from a list of {feature: value} dicts.

    Features seen in fewer than MIN_TEXTS rows get no column.
    """
    seen = Counter(feature for values in rows for feature in values)
    names = sorted(feature for feature, times in seen.items() if times >= MIN_TEXTS)
    index = {feature: position for position, feature in enumerate(names)}
    columns, data, pointers = [], [], [0]
    for values in rows:
        kept = sorted((index[f], v) for f, v in values.items() if f in index)
        columns += [column for column, _ in kept]
        data += [value for _, value in kept]
        pointers.append(len(columns))
    matrix = csr_matrix(
        (np.array(data), np.array(columns, dtype=np.int32), np.array(pointers, dtype=np.int32)),
        shape=(len(rows), len(names)),
    )
    return matrix, names


def fit(examples, name, with_signals):
    """A logistic regression over the text features (and spam signals): a model dict."""
    rows = []
    for example in examples:
        features = classifiers.text_features(example.text)
        scale = 1 / math.sqrt(len(features)) if features else 0.0
        values = {}
        for feature in features:
            values[feature] = values.get(feature, 0.0) + scale
        if with_signals:
            signals, _ = classifiers.spam_signals(example.text, example.article, example.age)
            values.update({"signal:" + key: value for key, value in signals.items()})
        rows.append(values)
    matrix, names = sparse_rows(rows)
    labels = np.array([example.label for example in examples])
    recipe = RECIPES[name]
    scale = evidence_scale(matrix, labels, names) if recipe.scaled else np.ones(len(names))
    grams = np.array([feature.startswith(classifiers.GRAM_MARK) for feature in names])
    scale = scale * np.where(grams, recipe.gram_scale, 1.0)
    learner = LogisticRegression(C=recipe.C, solver="liblinear", max_iter=5000)
    learner.fit(matrix @ diags(scale), labels, sample_weight=[e.weight for e in examples])
    weights, signals = {}, {}
    for feature, weight in zip(names, learner.coef_[0] * scale, strict=True):
        if feature.startswith("signal:"):
            signals[feature.removeprefix("signal:")] = round(float(weight), 4)
        elif abs(weight) >= SMALLEST_WEIGHT:
            weights[feature] = round(float(weight), 4)
    model = {
        "name": name,
        "version": f"{name}-v{VERSION}",
        "bias": round(float(learner.intercept_[0]), 4),
        "weights": weights,
    }
    if with_signals:
        model["signals"] = signals
    return model


def evidence_scale(matrix, labels, names):
    """How strongly each text feature leans to one class, |log odds ratio| (add-one).

    Scaling columns by it before the regression lets the few telling features stand out
    against the many weak n-grams; it folds into the weights, so the runtime never sees
    it. The spam signals keep scale 1.
    """
    present = (matrix > 0).astype(np.float64)
    positive = np.asarray(present[labels == 1].sum(axis=0)).ravel() + 1
    negative = np.asarray(present[labels == 0].sum(axis=0)).ravel() + 1
    scale = np.abs(np.log((positive / positive.sum()) / (negative / negative.sum())))
    scale[[position for position, name in enumerate(names) if name.startswith("signal:")]] = 1
    return scale


def calibrate(model, examples):
    """Fit the model's calibration (slope and intercept on its log-odds) to `examples`."""
    chosen = classifiers.LinearModel(model)
    logits = np.array([[logit(value)] for value in scores(chosen, examples)])
    learner = LogisticRegression(C=100.0, solver="lbfgs")
    learner.fit(logits, [e.label for e in examples])
    model["calibration"] = [
        round(float(learner.coef_[0][0]), 4),
        round(float(learner.intercept_[0]), 4),
    ]
    return model


def logit(value):
    value = min(max(value, 1e-9), 1 - 1e-9)
    return math.log(value / (1 - value))


def span_rows(examples):
    """Per-word training rows of the span model: features, and whether raters marked it."""
    rows, labels = [], []
    for example in examples:
        marked = spans.characters(example.spans)
        found = spans.tokens(example.text)
        words = [word for _, _, word in found]
        for position, (start, end, _) in enumerate(found):
            rows.append(dict.fromkeys(spans.token_features(words, position), 1.0))
            inside = sum(1 for offset in range(start, end) if offset in marked)
            labels.append(int(inside * 2 >= end - start))
    return rows, labels


def ordinary_words(civil_texts, marked):
    """The commonest words of civil comments, less those raters often marked."""
    counts = Counter(word for text_ in civil_texts for _, _, word in set(spans.tokens(text_)))
    return sorted(
        word
        for word, _ in counts.most_common(ORDINARY_WORDS)
        if marked.get(word, 0.0) < MARKED_OFTEN
    )


def marked_shares(examples):
    """{word: share of its uses that raters marked} over toxic comments."""
    rows, labels = span_rows(examples)
    uses, hits = Counter(), Counter()
    for example_rows, value in zip(rows, labels, strict=True):
        word = next(f for f in example_rows if not f.startswith(spans.BEFORE))
        uses[word] += 1
        hits[word] += value
    return {word: hits[word] / uses[word] for word in uses}


def fit_spans(corpus, ordinary):
    """The span model: a logistic regression per word, its cut-off chosen on dev."""
    rows, labels = span_rows(corpus.civil.train)
    matrix, names = sparse_rows(rows)
    learner = LogisticRegression(C=SPAN_C, solver="liblinear", max_iter=5000)
    learner.fit(matrix, labels)
    weights = {
        feature: round(float(weight), 4)
        for feature, weight in zip(names, learner.coef_[0], strict=True)
        if abs(weight) >= SMALLEST_WEIGHT
    }
    model = {
        "name": "spans",
        "version": f"spans-v{VERSION}",
        "bias": round(float(learner.intercept_[0]), 4),
        "weights": weights,
        "threshold": 0.5,
    }
    tagger = spans.SpanTagger(model, ordinary)
    cuts = [round(0.2 + 0.05 * step, 2) for step in range(13)]
    model["threshold"] = max(cuts, key=lambda cut: spans.mean_f1(tagger, corpus.civil.dev, cut))
    return model


def write(model, out_dir):
    """Write a model file that is byte for byte the same for the same model."""
    payload = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(payload.encode())
    path = Path(out_dir) / f"{model['name']}.json.gz"
    path.write_bytes(buffer.getvalue())
    return path, hashlib.sha256(buffer.getvalue()).hexdigest()


def scores(chosen, examples):
    """A model's scores for examples, with the spam model's context when it is spam."""
    if chosen.name == "spam":
        return [classifiers.score_spam(chosen, e.text, e.article, e.age).value for e in examples]
    return [chosen.score(e.text).value for e in examples]


def train(data_dir, out_dir, report=print):
    """Train every model into `out_dir` and report dev metrics; {name: (path, sha256)}."""
    corpus = load(data_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_sets, dev_sets = attribute_sets(corpus, "train"), attribute_sets(corpus, "dev")
    civil_texts = [
        e.text
        for split in (
            corpus.wikipedia,
            corpus.unmarked,
            corpus.stormfront,
            corpus.tweets,
            corpus.youtube,
        )
        for e in split.train
        if not e.label
    ]
    ordinary = ordinary_words(civil_texts, marked_shares(corpus.civil.train))
    (out_dir / classifiers.ORDINARY_FILE).write_text("\n".join(ordinary) + "\n", encoding="utf-8")
    if out_dir.resolve() == classifiers.TRAINED.resolve():
        classifiers.ordinary_words.cache_clear()
    written = {}
    for name in classifiers.NAMES:
        model = fit(train_sets[name], name, with_signals=name == "spam")
        if name in CALIBRATED:
            model = calibrate(model, dev_sets[name])
        written[name] = write(model, out_dir)
        chosen = classifiers.read_model(written[name][0])
        labels = [e.label for e in dev_sets[name]]
        report(
            f"{name}: dev ROC-AUC {roc_auc_score(labels, scores(chosen, dev_sets[name])):.4f} "
            f"({len(labels)} comments), calibration {model.get('calibration', 'none')}"
        )
    span_model = fit_spans(corpus, ordinary)
    written["spans"] = write(span_model, out_dir)
    tagger = spans.SpanTagger(span_model, ordinary)
    report(
        f"spans: dev F1 {spans.mean_f1(tagger, corpus.civil.dev):.4f} "
        f"at {span_model['threshold']}, {len(ordinary)} ordinary words"
    )
    for path, digest in written.values():
        report(f"wrote {path} ({path.stat().st_size:,} bytes) sha256 {digest}")
    if out_dir.resolve() == classifiers.TRAINED.resolve():
        classifiers.model.cache_clear()
        spans.tagger.cache_clear()
    return written
