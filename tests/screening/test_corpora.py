"""The labelled sets and their seeded splits: what is reported is never trained on."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from dateline.screening import corpora, training
from dateline.screening.management.commands.train_screening import default_data_dir

from .test_classifiers import tiny_data

SETS = ("civil", "unmarked", "wikipedia", "stormfront", "tweets", "youtube")


def words(example):
    return " ".join(example.text.lower().split())


def assert_disjoint(split, name):
    parts = {part: {words(e) for e in getattr(split, part)} for part in ("train", "dev", "test")}
    assert not parts["train"] & parts["dev"], f"{name}: in train and dev"
    assert not parts["train"] & parts["test"], f"{name}: in train and test"
    assert not parts["dev"] & parts["test"], f"{name}: in dev and test"


def post_parts(split):
    """{Stormfront post: the parts its sentences are in}."""
    found = defaultdict(set)
    for part in ("train", "dev", "test"):
        for example in getattr(split, part):
            found[example.group].add(part)
    return found


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    tiny_data(root)
    return root


@pytest.fixture(scope="module")
def tiny_corpus(tiny):
    return training.load(tiny)


def test_ranges():
    assert corpora.ranges([3, 4, 5, 9]) == ((3, 6), (9, 10))


@pytest.mark.parametrize("name", SETS)
def test_no_text_is_in_two_parts_of_a_set(tiny_corpus, name):
    split = getattr(tiny_corpus, name)
    assert split.train and split.dev and split.test, name
    assert_disjoint(split, name)


def test_the_split_is_seeded_and_stratified(tiny):
    first, again = corpora.davidson(tiny), corpora.davidson(tiny)
    assert first == again
    for part, share in zip(first, corpora.SHARES, strict=True):
        toxic = sum(e.label for e in part)
        assert toxic == round(200 * share) and len(part) - toxic == round(100 * share)


def test_repeated_texts_are_kept_once():
    examples = [corpora.Example(text, 1) for text in ("A b", "a  B", "a b c", "A B C ")]
    assert [e.text for e in corpora.unique(examples)] == ["A b", "a b c"]


def test_stormfront_keeps_only_hate_and_no_hate_and_joins_the_tokens(tiny_corpus):
    examples = [e for part in tiny_corpus.stormfront for e in part]
    assert {e.label for e in examples} == {0, 1}
    assert {e.kind for e in examples if e.label} == {"hate"}
    assert all(" ," not in e.text and not e.text.endswith(" .") for e in examples)
    assert corpora.detokenise("and counting . It is n't ( sadly ) 5 %") == (
        "and counting. It isn't (sadly) 5%"
    )


def test_stormfront_posts_of_one_label_stay_in_one_part(tiny_corpus):
    # The odd posts of the tiny data are all "noHate".
    parts = post_parts(tiny_corpus.stormfront)
    assert all(len(parts[str(post)]) == 1 for post in range(1, 60, 2))


def test_stormfront_posts_never_straddle_parts(tiny_corpus):
    parts = post_parts(tiny_corpus.stormfront)
    assert {post for post, found in parts.items() if len(found) > 1} == set()


def test_the_toxic_spans_trial_file_is_the_test_part(tiny, tiny_corpus):
    with open(tiny / "toxicity" / "civil_comments_toxic_spans_trial.csv", newline="") as handle:
        trial = [row["text"] for row in csv.DictReader(handle)]
    civil = tiny_corpus.civil
    assert [e.text for e in civil.test] == trial
    assert not {e.text for e in civil.train + civil.dev} & set(trial)
    assert len(civil.train) == 80 and len(civil.dev) == 20  # a fifth of its train file
    assert civil.test[0].spans and all(e.label == 1 for e in civil.test)


def test_spans_are_read_as_ranges(tiny_corpus):
    for example in tiny_corpus.civil.train:
        for start, end in example.spans:
            assert example.text[start:end] in {
                "idiot",
                "moron",
                "clown",
                "Muslims",
                "jews",
                "stupid",
            }


def write_civil(root, train_texts, trial_texts):
    (root / "toxicity").mkdir(parents=True, exist_ok=True)
    for name, texts in (("train", train_texts), ("trial", trial_texts)):
        path = root / "toxicity" / f"civil_comments_toxic_spans_{name}.csv"
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["spans", "text"])
            writer.writerows(["[0, 1, 2]", text] for text in texts)


def test_a_trial_text_repeated_in_the_train_file_is_only_tested_on(tmp_path):
    shared = "You are a moron and a liar."
    write_civil(
        tmp_path, [f"Toxic post number {n}, idiot." for n in range(20)] + [shared], [shared]
    )
    civil = corpora.civil_comments(tmp_path)
    assert shared not in {e.text for e in civil.train + civil.dev}


def test_unmarked_sentences_come_only_from_posts_with_marks():
    examples = [
        corpora.Example("The budget is late again. You are an idiot.", 1, spans=((37, 42),)),
        corpora.Example("Nothing was marked in this long post.", 1),
        corpora.Example("Short one. You idiot", 1, spans=((15, 20),)),
    ]
    assert [e.text for e in corpora.unmarked_sentences(examples)] == ["The budget is late again."]


@pytest.mark.parametrize(
    "path, problem",
    [
        ("civil_comments_toxic_spans_train.csv", "lacks the columns spans, text"),
        ("stormfront_hate_speech.csv", "lacks the columns post_id, label, text"),
        ("wikipedia_talk_context_toxicity.csv", "lacks the columns text"),
    ],
)
def test_missing_columns_are_reported(tiny, tmp_path, path, problem):
    for source in Path(tiny).rglob("*.csv"):
        target = tmp_path / source.relative_to(tiny)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (tmp_path / "toxicity" / path).write_text("a,b\n1,2\n")
    with pytest.raises(corpora.DataError, match=problem):
        training.load(tmp_path)


def test_unknown_stormfront_labels_and_unreadable_spans_are_reported(tmp_path):
    (tmp_path / "toxicity").mkdir()
    (tmp_path / "toxicity" / "stormfront_hate_speech.csv").write_text(
        "post_id,label,text\n1,maybe,some text\n"
    )
    with pytest.raises(corpora.DataError, match="has the label 'maybe'"):
        corpora.stormfront(tmp_path)
    (tmp_path / "toxicity" / "civil_comments_toxic_spans_train.csv").write_text(
        'spans,text\n"[1, 2",some text\n'
    )
    with pytest.raises(corpora.DataError, match="line 2: spans are not a list"):
        corpora.toxic_spans(tmp_path, "train")


# The real data, when it is beside the repository.

REAL = Path(default_data_dir())
real_data = pytest.mark.skipif(
    not (REAL / "toxicity" / "civil_comments_toxic_spans_trial.csv").exists(),
    reason="the shared training data is not here",
)


@pytest.fixture(scope="module")
def real_corpus():
    return training.load(REAL)


@real_data
@pytest.mark.parametrize("name", SETS)
def test_real_sets_have_no_text_in_two_parts(real_corpus, name):
    assert_disjoint(getattr(real_corpus, name), name)


@real_data
def test_real_stormfront_posts_never_straddle_parts(real_corpus):
    parts = post_parts(real_corpus.stormfront)
    assert sum(len(found) > 1 for found in parts.values()) == 0


@real_data
def test_real_toxic_spans_trial_file_is_only_the_test_part(real_corpus):
    trial = corpora.toxic_spans(REAL, "trial")
    assert real_corpus.civil.test == trial
    train_file = {e.text for e in corpora.toxic_spans(REAL, "train")}
    assert {e.text for e in real_corpus.civil.train + real_corpus.civil.dev} <= train_file


@real_data
def test_no_text_is_trained_on_in_one_set_and_reported_in_another(real_corpus):
    parts = {
        part: {words(e) for name in SETS for e in getattr(getattr(real_corpus, name), part)}
        for part in ("train", "dev", "test")
    }
    assert not parts["train"] & parts["test"]
    assert not parts["train"] & parts["dev"]
    assert not parts["dev"] & parts["test"]
