"""Threat and profanity: the two attributes judged by rules, with the words behind them."""

import pytest

from dateline.screening import attributes


def marked(comment, score):
    return [comment[start:end] for start, end in score.spans]


@pytest.mark.parametrize(
    "comment",
    [
        "I will find where you live and kill you",
        "let's kill all the towel heads",
        "Let's kill all the immigrants.",
        "Someone should shoot the mayor.",
        "They should be hanged, every one of them.",
        "I know where you live.",
    ],
)
def test_threats_and_calls_for_violence_score_high(comment):
    score = attributes.threat(comment)
    assert score.value >= 0.9, comment
    assert score.spans and all(0 <= start < end <= len(comment) for start, end in score.spans)
    assert score.words == tuple(marked(comment, score))


@pytest.mark.parametrize(
    "comment",
    [
        "The drought will kill the crops.",
        "We will beat them in the election.",
        "He will be executed next week.",
        "The bomb squad cleared the station.",
        "This policy will kill the high street.",
    ],
)
def test_violent_words_without_a_victim_are_not_threats(comment):
    score = attributes.threat(comment)
    assert score.value == 0, comment
    assert score.words == () and score.spans == ()


def test_a_threat_points_at_its_words():
    comment = "Good piece. I will find where you live and kill you"
    score = attributes.threat(comment)
    (found,) = marked(comment, score)
    assert found.startswith("I will") and found.endswith("kill you")
    assert "Good piece" not in found


def test_a_disguised_threat_still_scores():
    assert attributes.threat("I will k1ll y0u").value >= 0.9


@pytest.mark.parametrize(
    "comment, word",
    [
        ("what the f*ck is this", "f*ck"),
        ("sh1t policy from start to end", "sh1t"),
        ("What a load of bullshit, the minister is right", "bullshit"),
        ("This is SHIT.", "SHIT"),
        ("a$$hole", "a$$hole"),
    ],
)
def test_profanity_finds_disguised_swearing_and_where_it_is(comment, word):
    score = attributes.profanity(comment)
    assert score.value >= 0.9
    assert marked(comment, score) == [word]
    assert score.words == (word,)


@pytest.mark.parametrize(
    "comment",
    [
        "A classic assessment of the Sahel.",
        "Scunthorpe United won again.",
        "The shuttlecock landed in the grass.",
        "Pass the document to the class.",
    ],
)
def test_profanity_ignores_words_inside_other_words(comment):
    score = attributes.profanity(comment)
    assert score.value == 0, comment
    assert score.spans == ()


def test_mild_words_score_below_strong_ones():
    mild = attributes.profanity("Go to hell").value
    strong = attributes.profanity("Go to fucking hell").value
    assert 0 < mild < strong


@pytest.mark.parametrize("comment", ["What the f*ck!", "This is sh1t!", "Bullshit!!"])
def test_profanity_before_an_exclamation_mark(comment):
    assert attributes.profanity(comment).value >= 0.9


@pytest.mark.parametrize(
    "comment, word",
    [("What the f*ck!", "f*ck"), ("This is sh1t!", "sh1t"), ("Bullshit!!", "Bullshit")],
)
def test_the_span_of_a_swear_word_stops_before_the_exclamation_mark(comment, word):
    score = attributes.profanity(comment)
    assert marked(comment, score) == [word]


def test_spaced_out_swearing_is_located():
    comment = "f u c k you"
    score = attributes.profanity(comment)
    assert score.value >= 0.9
    assert marked(comment, score) == ["f u c k"]
