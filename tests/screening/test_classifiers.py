"""The shipped comment models (toxicity, insult, identity attack, spam): safe loading, sensible
orderings, reproducible training."""

import csv
import gzip
import hashlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time

import pytest
from django.core.management import CommandError, call_command

from dateline.screening import classifiers, corpora, spans, synthetic, training

STORY = (
    "Rail workers began a three-day strike over pay and staffing, cancelling most commuter "
    "trains, as the operator said talks had broken down."
)
TOXIC = [
    "You are a disgusting idiot and everyone here knows it.",
    "Shut up you stupid bitch",
    "Whoever wrote this garbage is a brainless moron.",
    "Someone should shoot the mayor.",
]
CIVIL = [
    "I disagree with the minister on the housing plan, but this is a fair piece.",
    "Thank you for explaining the strike so clearly.",
    "The figures in the fourth paragraph look out of date to me.",
    "Sad news. I hope the talks resume soon.",
]
IDENTITY_ONLY = [
    "I am a gay Muslim woman",
    "I am a proud Jewish grandmother.",
    "As a Black Christian man I found this useful.",
    "My sister is deaf and my brother is trans.",
    "Muslims are welcome here.",
    "We are immigrants from Nigeria.",
]
NEWS_SPAM = [
    "best home security system reviews, visit http://cheap-alarms.example/deals",
    "I earn $500 a day working from home, see www.easy-cash.xyz",
    "Need a loan fast? Approval in 5 minutes, call +1 555 201 7788",
    "visit cheapwatches dot com for replica watches",
]
NEWS_HAM = [
    "The strike figures are on https://www.ons.gov.uk/employment if anyone wants the source. "
    "The operator has a point about staffing.",
    "More background on the pay dispute: https://www.reuters.com/business/rail-strike/",
    "Great piece on the rail strike. The pay offer was never going to pass.",
    "I lost $200 in wages because of this strike. Who pays for that?",
]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the models tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_models_load_from_plain_files_without_network(no_network):
    classifiers.model.cache_clear()
    for name in classifiers.NAMES:
        with gzip.open(classifiers.TRAINED / f"{name}.json.gz", "rt", encoding="utf-8") as f:
            data = json.load(f)  # JSON, not pickle: loading cannot run code
        assert data["version"] == f"{name}-v{training.VERSION}"
    assert classifiers.versions() == {
        "toxicity": "toxicity-v3",
        "insult": "insult-v3",
        "identity_attack": "identity_attack-v3",
        "spam": "spam-v3",
    }
    spans.tagger.cache_clear()
    assert spans.tagger().version == "spans-v3"
    for score in (classifiers.toxicity, classifiers.insult, classifiers.identity_attack):
        assert 0 <= score("hello").value <= 1
    assert 0 <= classifiers.spam("hello", article_text=STORY, account_age_days=3).value <= 1


def test_shipped_files_are_commit_sized():
    for name in (*classifiers.NAMES, "spans"):
        assert (classifiers.TRAINED / f"{name}.json.gz").stat().st_size < 3_000_000


def test_toxic_comments_score_above_civil_ones():
    toxic = [classifiers.toxicity(text).value for text in TOXIC]
    civil = [classifiers.toxicity(text).value for text in CIVIL]
    assert min(toxic) > max(civil)
    assert min(toxic) > 0.8
    assert max(civil) < 0.3


def test_naming_an_identity_is_not_toxic():
    for text in IDENTITY_ONLY:
        assert classifiers.toxicity(text).value < 0.3, text


def test_highlighted_words_are_what_raised_the_score():
    text = "You are a disgusting IDIOT and everyone here knows it."
    words = classifiers.toxicity(text).words
    assert words[0] == "IDIOT"  # as written, strongest first
    assert len(words) <= 5 and all(word in text for word in words)
    assert not {"here", "knows", "it"} & set(words)
    # What the queue marks comes from the span model: both words, in one stroke.
    assert [text[start:end] for start, end in spans.tagger().spans(text)] == ["disgusting IDIOT"]


def test_news_site_spam_scores_high_and_cited_comments_low():
    assert classifiers.spam(NEWS_SPAM[0]).value > 0.95  # product/SEO link drop
    for text in NEWS_SPAM:
        assert classifiers.spam(text).value > 0.8, text
        assert classifiers.spam(text, article_text=STORY, account_age_days=2).value > 0.8, text
    for text in NEWS_HAM:
        assert classifiers.spam(text).value < 0.2, text
        assert classifiers.spam(text, article_text=STORY, account_age_days=400).value < 0.2, text
        assert classifiers.spam(text, article_text=STORY, account_age_days=0).value < 0.3, text


def test_spam_highlights_the_link():
    text = "best home security system reviews, visit http://cheap-alarms.example/deals"
    assert "http://cheap-alarms.example/deals" in classifiers.spam(text).words


def test_account_age_counts_only_when_known():
    text = "Interesting. Compare prices on solar panels at solar-deals.shop"
    unknown = classifiers.spam(text).value
    assert classifiers.spam(text, account_age_days=None).value == unknown
    young = classifiers.spam(text, article_text=STORY, account_age_days=0.5).value
    old = classifiers.spam(text, article_text=STORY, account_age_days=2000).value
    assert young > old


def test_scoring_is_fast():
    text = (CIVIL[0] + " " + NEWS_HAM[0] + " " + TOXIC[0])[:300]
    spent = []
    for _ in range(300):
        began = time.perf_counter()
        classifiers.toxicity(text)
        classifiers.spam(text, article_text=STORY, account_age_days=10)
        spent.append(time.perf_counter() - began)
    assert statistics.median(spent) < 0.002  # both models; about 0.3 ms on one core


def test_generated_held_out_comments_use_unseen_templates():
    seen = {example.text for example in synthetic.news_comments(4000, 1, held_out=False)}
    held = synthetic.news_comments(1000, 2, held_out=True)
    assert {example.label for example in held} == {0, 1}
    assert not seen & {example.text for example in held}


TOPICS = ["the budget", "the bridge", "the strike", "the election", "the school", "the port"]


def offsets(text, words):
    """The character offsets of `words` in `text`, as the toxic-spans files list them."""
    found = []
    for word in words:
        start = text.index(word)
        found += range(start, start + len(word))
    return str(found)


def tiny_data(root):
    """A small data folder in the shared layout, enough to train on in seconds."""
    (root / "toxicity").mkdir(parents=True)
    (root / "spam").mkdir()
    rude = ["idiot", "moron", "trash", "loser", "clown", "creep"]
    kind = ["friend", "neighbour", "teacher", "reader", "doctor", "nurse"]
    with open(root / "toxicity" / "davidson_labeled_data.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"]
        )
        votes = {2: (0, 0, 3), 1: (0, 3, 0), 0: (2, 1, 0)}  # hate, offensive, neither
        for number in range(300):
            label = [2, 1, 0][number % 3]  # neither, offensive, hate
            word = (kind if label == 2 else rude)[number % 6]
            text = f"@user{number} what a {word} {number}"
            writer.writerow([number, 3, *votes[label], label, text])
    with open(root / "toxicity" / "bias_madlibs_77k.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Text", "Label", "Template"])
        for number in range(40):
            bad = number % 2
            writer.writerow(
                [
                    f"Sam is a {'vile' if bad else 'kind'} person {number}",
                    "BAD" if bad else "NOT_BAD",
                    "name_adj",
                ]
            )
    # Toxic news comments with the marked word; every tenth has nothing marked.
    marked = ["idiot", "moron", "clown", "Muslims", "jews", "stupid"]
    for name, count in (("train", 100), ("trial", 20)):
        path = root / "toxicity" / f"civil_comments_toxic_spans_{name}.csv"
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["spans", "text"])
            for number in range(count):
                word, topic = marked[number % 6], TOPICS[number % 6]
                if number % 10 == 9:
                    writer.writerow(["[]", f"Post {name} {number} on {topic}: what a mess."])
                    continue
                text = (
                    f"Comment {name} {number} about {topic} is long enough here. "
                    f"You are a {word} and a fool."
                )
                writer.writerow([offsets(text, [word]), text])
    # Forum posts of three sentences: odd posts civil, even ones a mix of every label.
    with open(root / "toxicity" / "stormfront_hate_speech.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                *("file_id", "post_id", "sentence_no", "user_id", "subforum_id"),
                *("num_contexts", "label", "text"),
            ]
        )
        labels = ["hate", "noHate", "noHate", "relation", "idk/skip"]
        for post in range(60):
            for sentence in range(3):
                label = "noHate" if post % 2 else labels[(post // 2 + sentence) % 5]
                said = (
                    "they are vermin" if label == "hate" else f"the meeting on {TOPICS[post % 6]}"
                )
                text = f"In post {post} sentence {sentence} , {said} ."
                writer.writerow([f"{post}_{sentence}", post, sentence, 7, 1, 0, label, text])
    # Talk-page comments, a fifth toxic, rated with or without their parent.
    with open(root / "toxicity" / "wikipedia_talk_context_toxicity.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                *("source_set", "id", "text", "parent_text", "toxic_without_parent"),
                *("toxic_with_parent", "perspective_toxicity"),
            ]
        )
        for number in range(150):
            toxic = number % 5 == 0
            text = (
                f"You are a stupid {rude[number % 6]}, edit {number}"
                if toxic
                else f"Thanks for fixing the {TOPICS[number % 6]} article, edit {number}"
            )
            rating = ["", str(int(toxic))]
            without, with_parent = rating if number % 2 else rating[::-1]
            writer.writerow(["set", number, text, "", without, with_parent, "0.1"])
    with open(root / "spam" / "youtube_01.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["COMMENT_ID", "AUTHOR", "DATE", "CONTENT", "CLASS"])
        for number in range(120):
            spam = number % 2
            text = f"check out my channel {number}" if spam else f"great song {number % 50} &lt;3"
            writer.writerow([number, "a", "2015-01-01", text, spam])


SHRINK = """
from dateline.screening import synthetic


def shrunk(generate):
    return lambda count, *args, **kwargs: generate(max(1, count // 20), *args, **kwargs)


for name in ("news_comments", "identity_sentences", "abuse_sentences"):
    setattr(synthetic, name, shrunk(getattr(synthetic, name)))
"""


@pytest.fixture
def few_generated(monkeypatch):
    """Training generates a twentieth of its usual synthetic comments: seconds, not a minute."""
    for name in ("news_comments", "identity_sentences", "abuse_sentences"):
        generate = getattr(synthetic, name)
        monkeypatch.setattr(
            synthetic,
            name,
            lambda count, *args, _generate=generate, **kwargs: _generate(
                max(1, count // 20), *args, **kwargs
            ),
        )


MODEL_FILES = {
    *(f"{name}.json.gz" for name in classifiers.NAMES),
    "spans.json.gz",
    classifiers.ORDINARY_FILE,
}


def test_training_twice_gives_identical_files(tmp_path):
    tiny_data(tmp_path / "data")
    script = SHRINK + (
        "import sys; from dateline.screening.training import train; "
        "train(sys.argv[1], sys.argv[2], report=lambda line: None)"
    )
    runs = []
    for number in (1, 2):  # different hash seeds: no set or dict order may leak into a file
        env = {**os.environ, "PYTHONHASHSEED": str(number)}
        out = tmp_path / f"out{number}"
        command = [sys.executable, "-c", script, str(tmp_path / "data"), str(out)]
        runs.append((subprocess.Popen(command, env=env), out))
    for process, _ in runs:
        assert process.wait(timeout=120) == 0
    digests = [
        {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in out.iterdir()}
        for _, out in runs
    ]
    assert set(digests[0]) == MODEL_FILES
    assert digests[0] == digests[1]


def test_held_out_rows_are_never_trained_on(tmp_path):
    tiny_data(tmp_path)
    corpus = training.load(tmp_path)
    trained = training.attribute_sets(corpus, "train")
    for part in ("dev", "test"):
        held = training.attribute_sets(corpus, part)
        assert set(held) == set(trained) == set(classifiers.NAMES)
        for name, examples in held.items():
            assert {e.label for e in examples} == {0, 1}, (part, name)
            assert not {e.text for e in examples} & {e.text for e in trained[name]}, (part, name)
    assert len(corpus.tweets.test) == 60  # a fifth, stratified
    # 25 distinct ham texts among 60 rows, 60 spam: a fifth of each, repeats counted once
    assert len(corpus.youtube.test) == 5 + 12
    # The reported spam set adds generated news comments from templates never trained on.
    test_spam = training.attribute_sets(corpus, "test")["spam"]
    assert len(test_spam) > len(corpus.youtube.test)


def test_train_command_refuses_missing_data(tmp_path):
    with pytest.raises(CommandError, match="no training data"):
        call_command("train_screening", data_dir=str(tmp_path / "absent"), out=str(tmp_path))


def test_train_command_refuses_malformed_csv(tmp_path):
    (tmp_path / "toxicity").mkdir()
    (tmp_path / "toxicity" / "davidson_labeled_data.csv").write_text("a,b\n1,2\n")
    with pytest.raises(CommandError, match="lacks the columns class, tweet, count"):
        call_command("train_screening", data_dir=str(tmp_path), out=str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def write_tweets(root, rows):
    (root / "toxicity").mkdir(parents=True)
    with open(root / "toxicity" / "davidson_labeled_data.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"]
        )
        writer.writerows(rows)


def test_tweets_count_by_how_far_their_annotators_agreed(tmp_path):
    write_tweets(
        tmp_path,
        [
            [number, count, hate, offensive, count - hate - offensive, label, f"tweet {number}"]
            for number, (count, hate, offensive, label) in enumerate(
                [(3, 0, 0, 2), (3, 0, 1, 2), (4, 1, 1, 1), (3, 3, 0, 0), (6, 1, 3, 1)] * 5
            )
        ],
    )
    split = corpora.davidson(tmp_path)
    weights = {example.text: example.weight for example in split.train + split.dev + split.test}
    assert [weights[f"tweet {number}"] for number in range(5)] == [1, 2 / 3, 0.5, 1, 2 / 3]


@pytest.mark.parametrize(
    "votes, problem",
    [(("x", 0, 0), "not a whole number"), ((3, 2, 2), "impossible"), ((0, 0, 0), "impossible")],
)
def test_train_command_refuses_impossible_vote_counts(tmp_path, votes, problem):
    count, hate, offensive = votes
    write_tweets(tmp_path, [[1, count, hate, offensive, 0, 1, "a tweet"]])
    with pytest.raises(CommandError, match=problem):
        call_command("train_screening", data_dir=str(tmp_path), out=str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_train_command_writes_and_reports(tmp_path, capsys, few_generated):
    tiny_data(tmp_path / "data")
    call_command("train_screening", data_dir=str(tmp_path / "data"), out=str(tmp_path / "out"))
    printed = capsys.readouterr().out
    for name in classifiers.NAMES:
        assert re.search(rf"^{name}: dev ROC-AUC [01]\.\d{{4}} \(\d+ comments\)", printed, re.M), (
            name
        )
    assert re.search(r"^spans: dev F1 [01]\.\d{4} at 0\.\d+", printed, re.M)
    assert {path.name for path in (tmp_path / "out").iterdir()} == MODEL_FILES
    for name in (*classifiers.NAMES, "spans"):
        digest = hashlib.sha256((tmp_path / "out" / f"{name}.json.gz").read_bytes()).hexdigest()
        assert f"sha256 {digest}" in printed


def test_train_command_without_the_train_extra_says_what_to_install(monkeypatch, tmp_path):
    """The site runs without scikit-learn; only training needs it, and says so."""
    monkeypatch.delitem(sys.modules, "dateline.screening.training", raising=False)
    monkeypatch.setitem(sys.modules, "sklearn", None)  # imports of it now fail
    monkeypatch.setitem(sys.modules, "sklearn.linear_model", None)
    with pytest.raises(
        CommandError, match=r"install the train extra: pip install -e '\.\[train\]'"
    ):
        call_command("train_screening", data_dir=str(tmp_path), out=str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()
