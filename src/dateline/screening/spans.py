"""Which words of an abusive comment are the abusive ones, as character ranges.

A per-word model learnt from the characters that raters marked in news comments
(SemEval-2021 toxic spans): each word is judged by its own features (the word and its
character n-grams, as the comment models use) and by its neighbours. Words it judges
toxic are returned as [start, end) ranges of the text; neighbouring marked words merge
into one range, as people mark "fucking idiot" in one stroke. Words that civil comments
use all the time are never marked, whatever their weight.
"""

import math
import re
from functools import cache

from .classifiers import (
    TRAINED,
    WORD,
    ordinary_words,
    read_json,
    remembered,
    squash,
    word_features,
)

BEFORE, AFTER = "<:", ">:"  # prefixes of the neighbouring-word features
EDGE = "^"  # the neighbour of the first and last word


def tokens(text):
    """(start, end, lower-cased word) of each word of `text`."""
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]


def token_features(words, position):
    """The features of the word at `position` of the lower-cased `words`."""
    before = words[position - 1] if position else EDGE
    after = words[position + 1] if position + 1 < len(words) else EDGE
    return [*word_features(words[position]), BEFORE + before, AFTER + after]


class SpanTagger:
    """The trained per-word model, its cut-off, and the words it never marks."""

    def __init__(self, data, ordinary=None):
        self.version = data["version"]
        self.bias = data["bias"]
        self.weights = data["weights"]
        self.threshold = data["threshold"]
        self.ordinary = ordinary_words() if ordinary is None else frozenset(ordinary)
        self.remembered = {}

    def own_push(self, word):
        return remembered(self.remembered, word, self.weigh)

    def weigh(self, word):
        return sum(self.weights.get(feature, 0.0) for feature in word_features(word))

    def probabilities(self, text):
        """(start, end, probability the word is marked) for each word of `text`."""
        found = tokens(text)
        words = [word for _, _, word in found]
        edges = [EDGE, *words, EDGE]
        return [
            (
                start,
                end,
                squash(
                    self.bias
                    + self.own_push(word)
                    + self.weights.get(BEFORE + edges[i], 0.0)
                    + self.weights.get(AFTER + edges[i + 2], 0.0)
                ),
            )
            for i, (start, end, word) in enumerate(found)
        ]

    def spans(self, text, threshold=None):
        """The [start, end) ranges of the words judged toxic, neighbours merged."""
        cut = self.threshold if threshold is None else threshold
        chosen = [
            (start, end)
            for start, end, probability in self.probabilities(text)
            if probability > cut and text[start:end].lower() not in self.ordinary
        ]
        return merge(text, chosen)


def merge(text, ranges):
    """Ranges joined where only spaces or light punctuation separate them."""
    merged = []
    for start, end in sorted(ranges):
        if merged and re.fullmatch(r"[\s\-*'’]*", text[merged[-1][1] : start]):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(pair) for pair in merged]


def characters(ranges):
    """The set of character offsets that `ranges` cover."""
    return {offset for start, end in ranges for offset in range(start, end)}


def span_f1(predicted, gold):
    """SemEval-2021 Task 5's score for one post: F1 over marked characters.

    A post with nothing marked scores 1 only when nothing is predicted either.
    """
    predicted, gold = characters(predicted), characters(gold)
    if not gold:
        return float(not predicted)
    shared = len(predicted & gold)
    if not shared:
        return 0.0
    precision, recall = shared / len(predicted), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


def mean_f1(tagger, examples, threshold=None):
    """The mean span F1 of `tagger` over examples with marked `spans`."""
    scores = [span_f1(tagger.spans(e.text, threshold), e.spans) for e in examples]
    return math.fsum(scores) / max(1, len(scores))


@cache
def tagger():
    """The shipped span model, read once per process."""
    return SpanTagger(read_json(TRAINED / "spans.json.gz"))
