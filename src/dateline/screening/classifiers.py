"""The two local screening models, toxicity and spam, as plain linear models.

A model file (trained/<name>.json.gz, written by `dateline train-screening`) is JSON: a
bias, a weight per text feature and, for spam, a weight per signal below. JSON rather than
pickle, so loading one cannot run code; scoring is dictionary look-ups and a sum, well
under a millisecond on one core. Training uses the feature functions in this module, so
what runs here is exactly what was trained.

Text features: each lower-cased word, each pair of neighbouring words, and the character
3- and 4-grams of each word padded with < and > (they still fire on misspelt and
unseen words). Counts are divided by the square root of the number of features, so short
and long comments score on one scale. A word's own features always add up to the same
amount, so that sum is worked out once per distinct word and remembered.
"""

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

TRAINED = Path(__file__).with_name("trained")
NAMES = ("toxicity", "spam")
GRAM_SIZES = (3, 4)
REMEMBERED_WORDS = 200_000  # bounded, so a flood of made-up words cannot grow memory forever
HIGHLIGHTS = 5

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
# A domain written without http:// or www., e.g. "cheap-alarms.shop/deals".
BARE_DOMAIN = re.compile(
    r"(?<![\w./@-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|me|us|uk|"
    r"ru|cn|tk|ly|gl|xyz|top|shop|online|site|club|store|click|win|vip|loan|work|live|buzz|icu|"
    r"app|link|pro)\b(?!\.\w)(?:/[^\s<>\"')\]]*)?",
    re.I,
)
# "cheapalarms dot com", "deals(dot)net", "offers [.] xyz": a link spelt out to dodge filters.
SPELT_DOMAIN = re.compile(
    r"\b[a-z0-9-]{2,}\s*(?:[(\[{]\s*(?:dot|\.)\s*[)\]}]|\bdot\b|\s\.\s)\s*[a-z]{2,6}\b", re.I
)
MONEY = re.compile(
    r"[$€£]\s?\d|\b\d[\d,.]*\s?(?:k\b|dollars|usd|euros?|pounds|bucks)|\bper (?:hour|day|week)\b",
    re.I,
)
PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{8,}\d\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
SUSPECT_TLDS = frozenset(
    "xyz top shop online site club store click win vip loan work live buzz icu tk ru cn "
    "biz info cyou rest bond sbs".split()
)
SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl t.co ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at "
    "tiny.cc rb.gy".split()
)
# Public bodies: a link to one is a citation far more often than an advert.
OFFICIAL = re.compile(r"(?:^|\.)(?:gov|gouv|gob|int|edu|mil|europa)(?:\.[a-z]{2})?$")
COMMON_WORDS = frozenset(
    "that this with have from they what about would there their which were been will "
    "more than when them some into also just only very your said says like does".split()
)


@dataclass(frozen=True)
class Score:
    """A model's score for one text and what in the text raised it."""

    value: float  # probability-like, 0..1
    words: tuple  # up to 5 substrings of the text that pushed the score up most


class LinearModel:
    """One trained model: look-ups in its weight table, summed and squashed."""

    def __init__(self, data):
        self.name = data["name"]
        self.version = data["version"]
        self.bias = data["bias"]
        self.weights = data["weights"]
        self.signal_weights = data.get("signals", {})
        self.remembered = {}

    def word(self, token):
        """(push, feature count, lower-cased form) of one word as written."""
        found = self.remembered.get(token)
        if found is None:
            lowered = token.lower()
            features = word_features(lowered)
            push = sum(self.weights.get(feature, 0.0) for feature in features)
            found = (push, len(features), lowered)
            if len(self.remembered) >= REMEMBERED_WORDS:
                self.remembered.clear()
            self.remembered[token] = found
        return found

    def score(self, text, signals=None, links=()):
        tokens = WORD.findall(text)
        known = [self.word(token) for token in tokens]
        pushes = [push for push, _, _ in known]
        count = sum(size for _, size, _ in known) + max(0, len(known) - 1)
        for index in range(len(known) - 1):
            pair = self.weights.get(f"{known[index][2]} {known[index + 1][2]}", 0.0)
            pushes[index] += pair / 2
            pushes[index + 1] += pair / 2
        scale = 1 / math.sqrt(count) if count else 0.0
        total = self.bias + sum(pushes) * scale
        link_push = 0.0
        for name, value in (signals or {}).items():
            push = self.signal_weights.get(name, 0.0) * value
            total += push
            if name in LINK_SIGNALS:
                link_push += push
        candidates = [(push * scale, token) for push, token in zip(pushes, tokens, strict=True)]
        candidates += [(link_push, link) for link in links]
        return Score(squash(total), strongest(candidates))


# The signals a highlighted link stands for in the moderator queue.
LINK_SIGNALS = frozenset({"links", "bare_domain", "suspect_tld", "shortener", "official_link"})


def word_features(word):
    """A lower-cased word's own features: the word and its character n-grams."""
    padded = f"<{word}>"
    grams = ("#" + padded[i : i + n] for n in GRAM_SIZES for i in range(len(padded) - n + 1))
    return [word, *grams]


def text_features(text):
    """Every text feature of `text`, repeats included (training counts them)."""
    words = [token.lower() for token in WORD.findall(text)]
    features = [feature for word in words for feature in word_features(word)]
    features += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return features


def strongest(candidates):
    """Up to five distinct substrings with the largest positive push, largest first."""
    chosen = []
    for push, token in sorted(candidates, key=lambda item: -item[0]):
        if push <= 0.05 or len(chosen) == HIGHLIGHTS:
            break
        if token not in chosen:
            chosen.append(token)
    return tuple(chosen)


def squash(value):
    """The logistic function, safe for large negative values."""
    return 1 / (1 + math.exp(-value)) if value > -35 else 0.0


def find_links(text):
    """The links in `text` as written, and their host names."""
    written = LINK.findall(text) + BARE_DOMAIN.findall(LINK.sub(" ", text))
    hosts = []
    for link in written:
        try:
            host = urlsplit(link if "://" in link else "http://" + link).hostname or ""
        except ValueError:
            continue
        hosts.append(host.removeprefix("www."))
    return written, hosts


@lru_cache(maxsize=256)
def word_counts(text):
    """Counts of the text's content words: what `related` compares."""
    found = {}
    for word in WORD.findall(text.lower()):
        if len(word) > 3 and word not in COMMON_WORDS:
            found[word] = found.get(word, 0) + 1
    return found


def related(text, article_text):
    """Cosine similarity of the words of a comment and of its article, 0..1."""
    a, b = word_counts(text), word_counts(article_text)
    if not a or not b:
        return 0.0
    shared = sum(a[word] * b[word] for word in a.keys() & b.keys())
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def spam_signals(text, article_text="", account_age_days=None):
    """The spam model's evidence beyond the words, each about 0..1; unknowns are 0.

    Returns (signals, links as written).
    """
    written, hosts = find_links(text)
    letters = sum(ch.isalpha() for ch in text)
    capitals = sum(ch.isupper() for ch in text) / letters if letters >= 12 else 0.0
    has_article = bool(article_text.strip())
    signals = {
        "links": min(len(hosts), 3) / 3,
        "bare_domain": float(any("://" not in link and "www." not in link for link in written)),
        "spelt_domain": float(bool(SPELT_DOMAIN.search(text))),
        "suspect_tld": float(any(host.rsplit(".", 1)[-1] in SUSPECT_TLDS for host in hosts)),
        "shortener": float(any(host in SHORTENERS for host in hosts)),
        "official_link": float(any(OFFICIAL.search(host) for host in hosts)),
        "money": float(bool(MONEY.search(text))),
        "phone": float(bool(PHONE.search(text))),
        "email": float(bool(EMAIL.search(text))),
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


def read_model(path):
    """A model from its file: JSON inside gzip, nothing executable."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return LinearModel(json.load(stream))


@cache
def model(name):
    """The shipped model `name`, read once per process on first use."""
    return read_model(TRAINED / f"{name}.json.gz")


def score_toxicity(chosen, text):
    return chosen.score(text)


def score_spam(chosen, text, article_text="", account_age_days=None):
    signals, links = spam_signals(text, article_text, account_age_days)
    return chosen.score(text, signals, links)


def toxicity(text: str) -> Score:
    """How likely `text` is abusive or offensive."""
    return score_toxicity(model("toxicity"), text)


def spam(text: str, *, article_text: str = "", account_age_days: float | None = None) -> Score:
    """How likely `text` is spam, given the story it is under and its author's account age."""
    return score_spam(model("spam"), text, article_text, account_age_days)


def versions() -> dict:
    """The version of each shipped model, as recorded in its file."""
    return {name: model(name).version for name in NAMES}
