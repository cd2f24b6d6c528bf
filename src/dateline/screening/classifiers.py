"""The local screening models (toxicity, insult, identity attack, spam) as plain linear models.

A model file (trained/<name>.json.gz, written by `dateline train-screening`) is JSON: a
bias, a weight per text feature, a calibration (slope and intercept applied to the
summed log-odds) and, for spam, a weight per signal below. JSON rather than
pickle, so loading one cannot run code; scoring is dictionary look-ups and a sum, well
under a millisecond on one core. Training uses the feature functions in this module, so
what runs here is exactly what was trained.

Text features: each distinct lower-cased word, each distinct pair of neighbouring words,
and the character 3-, 4- and 5-grams of each word padded with < and > (they still fire on
misspelt and unseen words). Each is worth 1 over the square root of the number of
features, so short and long comments score on one scale. A word's own features always add
up to the same amount, so that sum is worked out once per word and remembered.
"""

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dateline.core import links

TRAINED = Path(__file__).with_name("trained")
NAMES = ("toxicity", "insult", "identity_attack", "spam")
GRAM_SIZES = (3, 4, 5)
GRAM_MARK = "#"  # starts the name of a character n-gram feature, so no word can be one
SHORT_WORD = 3  # letters; shorter words are features only as whole words
REMEMBERED_WORDS = 200_000  # bounded, so a flood of made-up words cannot grow memory forever
HIGHLIGHTS = 5
ORDINARY_FILE = "ordinary_words.txt"
# The spam signals that a highlighted link stands for in the moderator queue.
LINK_SIGNALS = frozenset({"links", "bare_domain", "suspect_tld", "shortener", "official_link"})

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MONEY_SYMBOL = re.compile(r"[$€£]\s?\d")
MONEY_WORDS = re.compile(r"\d[\d,.]*\s?(?:k\b|dollars|usd|euros?|pounds|bucks)")
RATES = ("per hour", "per day", "per week", "a day", "a week", "a month")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
COMMON_WORDS = frozenset({
    "that", "this", "with", "have", "from", "they", "what", "about", "would", "there", "their",
    "which", "were", "been", "will", "more", "than", "when", "them", "some", "into", "also",
    "just", "only", "very", "your", "said", "says", "like", "does",
})  # fmt: skip


@dataclass(frozen=True)
class Score:
    """A model's score for one text and what in the text raised it."""

    value: float  # calibrated probability, 0..1
    words: tuple  # up to 5 substrings of the text that pushed the score up most
    spans: tuple = ()  # where those words are: (start, end) character ranges


class LinearModel:
    """One trained model: look-ups in its weight table, summed and squashed."""

    def __init__(self, data):
        self.name = data["name"]
        self.version = data["version"]
        self.bias = data["bias"]
        self.weights = data["weights"]
        self.signal_weights = data.get("signals", {})
        self.slope, self.intercept = data.get("calibration", (1.0, 0.0))
        self.remembered = {}

    def word(self, token):
        """(push, feature count, lower-cased form) of one word as written."""
        return remembered(self.remembered, token, self.weigh)

    def weigh(self, token):
        lowered = token.lower()
        features = word_features(lowered)
        return sum(self.weights.get(feature, 0.0) for feature in features), len(features), lowered

    def score(self, text, signals=None, links=()):
        """The Score of `text`, given the spam signals and links found in it, if any."""
        words, lowered = {}, []
        for token in WORD.findall(text):
            push, size, word = self.word(token)
            lowered.append(word)
            if word not in words:
                words[word] = [push, size, token]
        pairs = dict.fromkeys(f"{a} {b}" for a, b in zip(lowered, lowered[1:], strict=False))
        count = sum(size for _, size, _ in words.values()) + len(pairs)
        for pair in pairs:
            weight = self.weights.get(pair)
            if weight:
                first, second = pair.split(" ")
                words[first][0] += weight / 2
                words[second][0] += weight / 2
        scale = 1 / math.sqrt(count) if count else 0.0
        total = self.bias + sum(push for push, _, _ in words.values()) * scale
        link_push = 0.0
        for name, value in (signals or {}).items():
            push = self.signal_weights.get(name, 0.0) * value
            total += push
            if name in LINK_SIGNALS:
                link_push += push
        ordinary = ordinary_words()
        candidates = [
            (push * scale, token)
            for word, (push, _, token) in words.items()
            if word not in ordinary
        ]
        candidates += [(link_push, link) for link in links]
        chosen = strongest(candidates, links)
        value = squash(self.slope * total + self.intercept)
        return Score(value, chosen, locate(text, chosen))


def remembered(memory, key, compute):
    """`compute(key)`, kept in `memory` (at most REMEMBERED_WORDS entries) for next time."""
    found = memory.get(key)
    if found is None:
        found = compute(key)
        if len(memory) >= REMEMBERED_WORDS:
            memory.clear()
        memory[key] = found
    return found


def word_features(word):
    """A lower-cased word's own features: the word and, past 3 letters, its character n-grams.

    Short words get no n-grams: otherwise "com" in every spam link would lend its "<com"
    to "comment" and "compare".
    """
    if len(word) <= SHORT_WORD:
        return [word]
    padded = f"<{word}>"
    grams = (GRAM_MARK + padded[i : i + n] for n in GRAM_SIZES for i in range(len(padded) - n + 1))
    return [word, *grams]


def text_features(text):
    """The text features of `text`: those of each distinct word, then each distinct pair.

    A gram shared by two different words is listed twice; training counts it twice.
    """
    words = [token.lower() for token in WORD.findall(text)]
    features = [feature for word in dict.fromkeys(words) for feature in word_features(word)]
    features += dict.fromkeys(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return features


def strongest(candidates, links=()):
    """Up to five distinct substrings that pushed the score up most, strongest first.

    Weak pushes (under a third of the strongest) are left out, and so are the pieces of a
    link that is itself listed.
    """
    ranked = sorted(candidates, key=lambda item: -item[0])
    if not ranked or ranked[0][0] <= 0.05:
        return ()
    floor = max(0.05, ranked[0][0] / 3)
    shown = [token for push, token in ranked if push >= floor and token in links]
    chosen = []
    for push, token in ranked:
        if push < floor or len(chosen) == HIGHLIGHTS:
            break
        if token not in chosen and not any(token in link for link in shown if link != token):
            chosen.append(token)
    return tuple(chosen)


def locate(text, pieces):
    """The (start, end) ranges where each piece first occurs in `text`, in text order."""
    found = []
    for piece in pieces:
        start = text.find(piece)
        if start >= 0:
            found.append((start, start + len(piece)))
    return tuple(sorted(found))


def squash(value):
    """The logistic function, safe for large negative values."""
    return 1 / (1 + math.exp(-value)) if value > -35 else 0.0


def content_words(text):
    """Counts of the text's longer, less common words: what `related` compares."""
    return Counter(
        word for word in WORD.findall(text.lower()) if len(word) > 3 and word not in COMMON_WORDS
    )


article_words = lru_cache(maxsize=64)(content_words)  # one story has many comments


def related(text, article_text):
    """Cosine similarity of the word counts of a comment and of its article, 0..1."""
    a, b = content_words(text), article_words(article_text)
    shared = sum(a[word] * b[word] for word in a.keys() & b.keys())
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def spam_signals(text, article_text="", account_age_days=None):
    """The spam model's evidence beyond the words, each about 0..1; unknowns are 0.

    Returns (signals, links as written). Cheap substring checks skip the regular
    expressions that could not match.
    """
    written, hosts = links.find_links(text)
    lowered = text.lower()
    letters = sum(map(str.isalpha, text))
    capitals = sum(map(str.isupper, text)) / letters if letters >= 12 else 0.0
    has_article = bool(article_text.strip())
    money = bool(MONEY_SYMBOL.search(text) or any(rate in lowered for rate in RATES))
    spelt = any(hint in lowered for hint in links.SPELT_HINTS) and links.SPELT.search(lowered)
    signals = {
        "links": min(len(hosts), 3) / 3,
        "bare_domain": float(any("://" not in link and "www." not in link for link in written)),
        "spelt_domain": float(bool(spelt)),
        "suspect_tld": float(any(host.rsplit(".", 1)[-1] in links.SUSPECT_TLDS for host in hosts)),
        "shortener": float(any(host in links.SHORTENERS for host in hosts)),
        "official_link": float(any(links.OFFICIAL.search(host) for host in hosts)),
        "money": float(money or bool(MONEY_WORDS.search(lowered))),
        "phone": float(bool(PHONE.search(text))),
        "email": float("@" in text and bool(EMAIL.search(text))),
        "capitals": capitals,
        "exclamations": min(text.count("!"), 4) / 4,
        "article_known": float(has_article),
        "related_to_article": related(text, article_text) if has_article else 0.0,
        "age_known": float(account_age_days is not None),
        "young_account": (
            math.exp(-max(account_age_days, 0.0) / 30) if account_age_days is not None else 0.0
        ),
    }
    return signals, written


def read_json(path):
    """A model file: JSON inside gzip, nothing executable."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def read_model(path):
    return LinearModel(read_json(path))


@cache
def ordinary_words():
    """Words civil comments use all the time: never shown as the reason for a score.

    Written by training (trained/ordinary_words.txt) from the commonest words of civil
    comments, less any that raters often marked as toxic.
    """
    return frozenset((TRAINED / ORDINARY_FILE).read_text(encoding="utf-8").split())


@cache
def model(name):
    """The shipped model `name`, read once per process on first use."""
    return read_model(TRAINED / f"{name}.json.gz")


def score_spam(chosen, text, article_text="", account_age_days=None):
    """Score with any spam model: the shipped one, or one training has just written."""
    signals, links = spam_signals(text, article_text, account_age_days)
    return chosen.score(text, signals, links)


def toxicity(text: str) -> Score:
    """How likely `text` is abusive or offensive."""
    return model("toxicity").score(text)


def insult(text: str) -> Score:
    """How likely `text` insults a person."""
    return model("insult").score(text)


def identity_attack(text: str) -> Score:
    """How likely `text` attacks people for who they are (religion, race, sexuality, ...)."""
    return model("identity_attack").score(text)


def spam(text: str, *, article_text: str = "", account_age_days: float | None = None) -> Score:
    """How likely `text` is spam, given the story it is under and its author's account age."""
    return score_spam(model("spam"), text, article_text, account_age_days)


def versions() -> dict:
    """The version of each shipped model, as recorded in its file."""
    return {name: model(name).version for name in NAMES}
