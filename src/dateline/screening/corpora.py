"""Readers for the labelled data in ../shared/data, and the seeded splits every model uses.

Each set is split once, with a fixed seed, into three parts: `train` (fitted on), `dev`
(where thresholds, calibration and recipes are chosen) and `test` (only ever reported).
The SemEval toxic-spans data comes with its own split: its `trial` file is the reported
part, and a fifth of its `train` file is kept aside as dev. Texts repeated inside a set
are kept once, so no reported text is also trained on under another row; sentences of
one Stormfront post stay together, since they share a writer and a topic.
"""

import ast
import csv
import html
import random
import re
from pathlib import Path
from typing import NamedTuple

SEED = 20130111
SHARES = (0.6, 0.2, 0.2)  # train, dev, test
TWEET_NOISE = re.compile(r"\bRT\b|@\w+:?|https?://\S+")
# A sentence ends at . ! ? or a line break; what follows starts the next one.
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*[\"'”’)]*\s*|[.!?\n]+\s*")
MIN_CIVIL_WORDS = 4


class Example(NamedTuple):
    text: str
    label: int  # 1 toxic (or spam, or the attribute), 0 not
    article: str = ""  # the story the comment is under, when known
    age: float | None = None  # the author's account age in days, when known
    weight: float = 1.0  # how much the example counts in training
    spans: tuple = ()  # (start, end) character ranges raters marked toxic
    group: str = ""  # examples of one group (a forum post) stay in one split
    kind: str = ""  # what the text is, for the attribute labels: "hate", "insult", ...


class Split(NamedTuple):
    train: list
    dev: list
    test: list


class DataError(Exception):
    """The training data is missing or not in the expected shape."""


def read_csv(path, needed):
    """The rows of a CSV file that must have the columns `needed`."""
    try:
        with open(path, newline="", encoding="utf-8", errors="replace") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    except csv.Error as error:
        raise DataError(f"{path} is not valid CSV: {error}") from error
    if not rows or any(name not in rows[0] for name in needed):
        raise DataError(f"{path} is empty or lacks the columns {', '.join(needed)}")
    return rows


def label(value, allowed, path):
    if value not in allowed:
        raise DataError(f"{path} has the label {value!r}; expected one of {', '.join(allowed)}")
    return value


def unique(examples):
    """Examples whose words (any case, any spacing) were not seen earlier in the list."""
    found = {}
    for example in examples:
        found.setdefault(key(example.text), example)
    return list(found.values())


def split(examples, shares=SHARES, salt=0):
    """A seeded split into len(shares) parts, stratified by label and kept whole by group.

    A group (a forum post) goes to one part as a whole, stratified by its most telling
    label: a post with one hateful sentence counts among the hateful posts.
    """
    rng = random.Random(SEED + salt)
    groups = {}
    for example in examples:
        groups.setdefault(example.group or example.text, []).append(example)
    parts = [[] for _ in shares]
    for value in sorted({example.label for example in examples}):
        keys = sorted(key for key, group in groups.items() if max(e.label for e in group) == value)
        rng.shuffle(keys)
        total, edge, start = len(keys), 0.0, 0
        for part, share in zip(parts, shares, strict=True):
            edge += share
            end = round(total * edge)
            for key in keys[start:end]:
                part.extend(groups[key])
            start = end
    return parts


def key(text):
    """What makes two texts the same text: their words, in any case and spacing."""
    return " ".join(text.lower().split())


def without(examples, texts):
    """The examples whose text (by `key`) is not among `texts`."""
    return [example for example in examples if key(example.text) not in texts]


def disjoint(splits):
    """The splits with no text in two parts, across all of them: a text that is tested on
    anywhere is trained and tuned on nowhere, and one tuned on is not trained on."""
    tested = {key(e.text) for split in splits for e in split.test}
    tuned = {key(e.text) for split in splits for e in split.dev} - tested
    return [Split(without(s.train, tested | tuned), without(s.dev, tested), s.test) for s in splits]


def davidson(data_dir):
    """Tweets: hate (0) and offensive (1) are toxic, neither (2) is clean.

    Weighted by how far the annotators agreed on toxic or clean (0.5 to 1); `kind` says
    "hate" where most annotators saw hate speech, the identity-attack model's positives.
    """
    path = Path(data_dir) / "toxicity" / "davidson_labeled_data.csv"
    rows = read_csv(path, ("class", "tweet", "count", "hate_speech", "offensive_language"))
    examples = []
    for row in rows:
        text = " ".join(TWEET_NOISE.sub(" ", html.unescape(row["tweet"])).split())
        kind = label(row["class"], ("0", "1", "2"), path)
        examples.append(
            Example(
                text,
                int(kind != "2"),
                weight=agreement(row, path),
                kind={"0": "hate", "1": "offensive", "2": ""}[kind],
            )
        )
    return Split(*split(unique(examples)))


def agreement(row, path):
    """The share of a tweet's annotators on the side (toxic or clean) most of them took."""
    try:
        count = int(row["count"])
        toxic_votes = int(row["hate_speech"]) + int(row["offensive_language"])
    except ValueError as error:
        raise DataError(f"{path} has a vote count that is not a whole number: {error}") from error
    if count <= 0 or not 0 <= toxic_votes <= count:
        raise DataError(f"{path} has impossible vote counts: {toxic_votes} toxic of {count}")
    return max(toxic_votes, count - toxic_votes) / count


def youtube(data_dir):
    """Comments under music videos: CLASS 1 spam, 0 ham."""
    paths = sorted((Path(data_dir) / "spam").glob("youtube_*.csv"))
    if not paths:
        raise DataError(f"no youtube_*.csv files in {Path(data_dir) / 'spam'}")
    examples = [
        Example(html.unescape(row["CONTENT"]), int(label(row["CLASS"], ("0", "1"), path)))
        for path in paths
        for row in read_csv(path, ("CONTENT", "CLASS"))
    ]
    return Split(*split(unique(examples)))


def bias_madlibs(data_dir):
    """Template sentences naming identities, BAD or NOT_BAD: a fairness test only."""
    path = Path(data_dir) / "toxicity" / "bias_madlibs_77k.csv"
    rows = read_csv(path, ("Text", "Label"))
    return [
        Example(row["Text"], int(label(row["Label"], ("BAD", "NOT_BAD"), path) == "BAD"))
        for row in rows
    ]


def toxic_spans(data_dir, name):
    """News-site comments raters called toxic, with the characters they marked as ranges."""
    path = Path(data_dir) / "toxicity" / f"civil_comments_toxic_spans_{name}.csv"
    examples = []
    for number, row in enumerate(read_csv(path, ("spans", "text")), start=2):
        try:
            offsets = ast.literal_eval(row["spans"])
        except (ValueError, SyntaxError) as error:
            raise DataError(f"{path}, line {number}: spans are not a list") from error
        examples.append(Example(row["text"], 1, spans=ranges(offsets)))
    return examples


def ranges(offsets):
    """Sorted character offsets as (start, end) ranges: [3, 4, 5, 9] -> ((3, 6), (9, 10))."""
    found = []
    for offset in sorted(set(offsets)):
        if found and found[-1][1] == offset:
            found[-1][1] = offset + 1
        else:
            found.append([offset, offset + 1])
    return tuple((start, end) for start, end in found)


def civil_comments(data_dir):
    """The toxic-spans posts: train and dev from its train file, its trial file as test.

    A few texts are in both files; they are only tested on.
    """
    trial = toxic_spans(data_dir, "trial")
    posts = without(unique(toxic_spans(data_dir, "train")), {key(e.text) for e in trial})
    train, dev = split(posts, shares=(0.8, 0.2), salt=1)
    return Split(train, dev, trial)


def sentences(text):
    """(start, end) of each sentence of `text`."""
    return [match.span() for match in SENTENCE.finditer(text) if match.group().strip()]


def unmarked_sentences(examples):
    """Sentences of toxic posts in which raters marked nothing: civil news-comment text.

    Only posts where raters marked some words lend sentences (a post with no marks may be
    toxic as a whole), and only sentences of a few words.
    """
    civil = []
    for example in examples:
        if not example.spans:
            continue
        for start, end in sentences(example.text):
            if any(s < end and start < e for s, e in example.spans):
                continue
            text = example.text[start:end].strip()
            if len(text.split()) >= MIN_CIVIL_WORDS:
                civil.append(Example(text, 0, kind="unmarked"))
    return unique(civil)


def stormfront(data_dir):
    """Forum sentences: `hate` attacks a group (1); `noHate` (0) may still be rude.

    Sentences hateful only with their neighbours (`relation`) and undecided ones are left
    out; a post's sentences stay in one split.
    """
    path = Path(data_dir) / "toxicity" / "stormfront_hate_speech.csv"
    examples = []
    for row in read_csv(path, ("post_id", "label", "text")):
        value = label(row["label"], ("hate", "noHate", "relation", "idk/skip"), path)
        if value in ("hate", "noHate"):
            text = detokenise(row["text"])
            kind = "hate" if value == "hate" else ""
            examples.append(Example(text, int(value == "hate"), group=row["post_id"], kind=kind))
    return Split(*split(unique(examples), salt=2))


def detokenise(text):
    """Undo the data's spaces before punctuation: "and counting ." -> "and counting."."""
    text = re.sub(r" ([.,!?;:%)])", r"\1", text)
    return re.sub(r"([($]) ", r"\1", text).replace(" n't", "n't").replace(" 's", "'s")


def wikipedia_talk(data_dir):
    """Wikipedia talk comments: toxic if raters called it toxic with or without its parent."""
    path = Path(data_dir) / "toxicity" / "wikipedia_talk_context_toxicity.csv"
    examples = []
    for row in read_csv(path, ("text", "toxic_without_parent", "toxic_with_parent")):
        votes = {row["toxic_without_parent"], row["toxic_with_parent"]} - {""}
        if not votes <= {"0", "1"} or not votes:
            raise DataError(f"{path} has a toxicity label that is not 0 or 1: {votes}")
        text = clean_talk(row["text"])
        if text:
            examples.append(Example(text, int("1" in votes)))
    return Split(*split(unique(examples), salt=3))


def clean_talk(text):
    """A talk comment without wiki signature debris and markup quotes."""
    text = re.sub(r"'{2,}|={2,}|\[\[|\]\]|^[:*#]+", " ", text, flags=re.M)
    return " ".join(text.split())
