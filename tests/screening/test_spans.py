"""Which words are the abusive ones: the SemEval-2021 span score and the per-word model."""

import pytest

from dateline.screening import classifiers, corpora, spans


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [
        ([], [], 1.0),  # nothing marked, nothing predicted: perfect
        ([(0, 5)], [], 0.0),  # nothing marked, something predicted
        ([], [(0, 5)], 0.0),  # something marked, nothing predicted
        ([(0, 5)], [(0, 5)], 1.0),
        ([(0, 4)], [(2, 6)], 0.5),  # 2 shared of 4 predicted and 4 marked
        ([(0, 10)], [(0, 5)], 2 / 3),  # precision 1/2, recall 1
        ([(0, 2)], [(0, 8)], 0.4),  # precision 1, recall 1/4
        ([(0, 3), (10, 13)], [(0, 3)], 2 / 3),  # two words predicted, one of them marked
        ([(0, 5), (3, 8)], [(0, 8)], 1.0),  # overlapping ranges count each character once
        ([(20, 25)], [(0, 5)], 0.0),
    ],
)
def test_span_f1_is_the_semeval_character_f1(predicted, gold, expected):
    assert spans.span_f1(predicted, gold) == pytest.approx(expected)


def test_span_f1_reads_the_data_offsets_as_ranges():
    gold = corpora.ranges([15, 16, 17, 18, 19, 27, 28, 29, 30, 31])
    assert gold == ((15, 20), (27, 32))
    assert spans.span_f1([(15, 20)], gold) == pytest.approx(2 * 1 * 0.5 / 1.5)


def test_ranges_join_neighbouring_offsets():
    assert corpora.ranges([3, 4, 5, 9]) == ((3, 6), (9, 10))
    assert corpora.ranges([9, 3, 5, 4, 4]) == ((3, 6), (9, 10))
    assert corpora.ranges([]) == ()


class Marked:
    """A stand-in tagger that marks given ranges whatever the text."""

    def __init__(self, ranges):
        self.ranges = ranges

    def spans(self, text, threshold=None):
        return self.ranges


def test_mean_f1_averages_posts():
    examples = [
        corpora.Example("you idiot", 1, spans=((4, 9),)),
        corpora.Example("you idiot", 1, spans=((0, 3),)),
    ]
    assert spans.mean_f1(Marked([(4, 9)]), examples) == pytest.approx(0.5)
    assert spans.mean_f1(Marked([(4, 9)]), []) == 0


def test_merge_joins_words_split_only_by_spaces_or_light_punctuation():
    text = "You fucking idiot, and a f-ing moron."
    words = [(4, 11), (12, 17), (25, 30), (31, 36)]
    assert spans.merge(text, words) == [(4, 17), (25, 36)]
    assert spans.merge(text, []) == []


def test_a_tagger_never_marks_ordinary_words_whatever_their_weight():
    model = {
        "version": "spans-test",
        "bias": -2.0,
        "weights": {"idiot": 6.0, "from": 6.0, "home": 6.0},
        "threshold": 0.5,
    }
    tagger = spans.SpanTagger(model, ordinary=["from", "home"])
    text = "An idiot from home"
    assert [text[start:end] for start, end in tagger.spans(text)] == ["idiot"]
    assert tagger.spans(text, threshold=0.999) == []
    unguarded = spans.SpanTagger(model, ordinary=[])
    assert [text[start:end] for start, end in unguarded.spans(text)] == ["idiot from home"]


# The shipped model.


def marked(text):
    return [text[start:end] for start, end in spans.tagger().spans(text)]


def test_shipped_span_model_marks_the_insult():
    assert marked("You are an idiot") == ["idiot"]
    assert "moron" in " ".join(marked("Whoever wrote this garbage is a brainless moron."))


@pytest.mark.parametrize(
    "text",
    [
        "I disagree with the minister on the housing plan, but this is a fair piece.",
        "Thank you for explaining the strike so clearly.",
        "Work from home and earn $500 a day at http://cash.example",
    ],
)
def test_shipped_span_model_leaves_civil_words_alone(text):
    assert marked(text) == []


def test_ordinary_words_are_never_marked():
    ordinary = classifiers.ordinary_words()
    assert {"from", "the", "and"} <= ordinary
    assert not {"idiot", "moron", "stupid"} & ordinary
    text = "you stupid idiot, go home and stay away from here"
    found = " ".join(marked(text)).lower().split()
    assert "idiot" in found and not {"from", "home"} & set(found)


def test_shipped_span_model_version():
    assert spans.tagger().version == "spans-v3"
