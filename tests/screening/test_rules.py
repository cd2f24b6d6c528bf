"""Each screening rule on its own, and the tricks people use to get past word lists."""

from datetime import UTC, datetime, timedelta

import pytest

from dateline.core.attributes import CommentPolicy
from dateline.core.state import MemoryStore, State
from dateline.screening import pipeline, rules, surge, text
from dateline.screening.policy import Policy
from dateline.screening.rules import History, Submission
from dateline.screening.verdict import Decision

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def submit(body, author="reader", seconds=0, **fields):
    return Submission(body=body, author=author, created=NOW + timedelta(seconds=seconds), **fields)


def run(rule, body, policy=None, state=None, **fields):
    return list(rule(submit(body, **fields), policy or Policy(), state or State(MemoryStore())))


def codes(reasons):
    return [(reason.code, reason.decision) for reason in reasons]


@pytest.mark.parametrize("body", ["", "   ", "\n\t"])
def test_empty_is_rejected(body):
    assert codes(run(rules.empty_or_too_long, body)) == [("empty", Decision.REJECT)]


def test_too_long_is_rejected():
    assert codes(run(rules.empty_or_too_long, "x " * 3000)) == [("too_long", Decision.REJECT)]


@pytest.mark.parametrize(
    "body", ["asdfghjkl", "qwerty qwerty asdf", "sdkfjhsdkfjh dfkjghdfkg", "zxcvbnm lkjhgf"]
)
def test_keyboard_mash_is_rejected(body):
    assert codes(run(rules.gibberish, body)) == [("gibberish", Decision.REJECT)]


@pytest.mark.parametrize(
    "body",
    [
        "The airlift matters more than the training mission.",
        "Strength in the Sahel depends on supply lines.",
        "lol",
        "Qwerty keyboards were designed in the 1870s, as the article says.",
        "الجيش الفرنسي في مالي",
    ],
)
def test_ordinary_text_is_not_gibberish(body):
    assert run(rules.gibberish, body) == []


def test_links_over_the_limit_are_held():
    body = "See http://a.example/1 and http://b.example/2 and http://c.example/3"
    assert codes(run(rules.linked, body)) == [("links", Decision.HOLD)]
    assert run(rules.linked, "See http://a.example/1 and http://b.example/2") == []


def test_bare_and_spelled_out_links_count():
    body = "cheap-pills.shop/buy and loans.xyz and visit bestdeals dot com"
    reasons = run(rules.linked, body)
    assert reasons[0].detail["count"] == 3


def test_allowed_domains_do_not_count_and_denied_ones_reject():
    policy = Policy(allowed_domains=("reuters.com",), denied_domains=("spam.example",))
    body = "http://www.reuters.com/a http://reuters.com/b http://news.reuters.com/c"
    assert run(rules.linked, body, policy) == []
    denied = run(rules.linked, "look: http://shop.spam.example/x", policy)
    assert codes(denied) == [("denied_domain", Decision.REJECT)]


def test_shortened_links_are_held():
    assert ("shortened_link", Decision.HOLD) in codes(
        run(rules.linked, "watch https://bit.ly/3xyz")
    )


def test_premoderated_links_section():
    policy = Policy(moderation=CommentPolicy.PREMODERATE_LINKS)
    assert codes(run(rules.linked, "source: http://gov.example/report", policy)) == [
        ("premoderate_links", Decision.HOLD)
    ]
    assert run(rules.linked, "no links here", policy) == []


@pytest.mark.parametrize(
    "body",
    [
        "you are a faggot",
        "you are a f a g g o t",
        "you are a f.a.g.g.o.t",
        "you are a f4gg0t",
        "you are a FAGGOTS",
        "you are a fаggot",  # Cyrillic а
        "you are a faaaaggot",
        "you are a f@gg0t",
        "you are a ｆａｇｇｏｔ",
    ],
)
def test_banned_words_survive_tricks(body):
    reasons = run(rules.word_lists, body)
    assert codes(reasons) == [("banned_word", Decision.REJECT)]
    assert reasons[0].detail["words"] == ["faggot"]


@pytest.mark.parametrize(
    "body", ["what the f*ck", "sh1t policy", "s h i t", "kill them all", "they should be shot"]
)
def test_suspect_words_are_held(body):
    assert codes(run(rules.word_lists, body)) == [("suspect_word", Decision.HOLD)]


@pytest.mark.parametrize(
    "body",
    [
        "Refugees are parasites",
        "Honestly they breed like rats",
        "Send them all back, every one",
        "These people are animals.",
        "They should go back where they came from",
        "Black people are inferior",
        "Muslims are c0ckr0aches",
    ],
)
def test_dehumanising_talk_about_groups_is_held(body):
    assert codes(run(rules.word_lists, body)) == [("suspect_word", Decision.HOLD)]


@pytest.mark.parametrize(
    "body",
    [
        "Farm animals are not pets.",
        "The mosque was rebuilt after the fire.",
        "Human rights matter.",
    ],
)
def test_neighbouring_words_alone_are_not_held(body):
    assert run(rules.word_lists, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "A classic assessment of the Sahel.",
        "Scunthorpe United",
        "The spice trade",
        "Pakistan and Mali",
        "I am a gay Muslim woman",
        "Skillful diplomacy",
    ],
)
def test_innocent_words_pass(body):
    assert run(rules.word_lists, body) == []


def test_site_words_are_added_to_the_lists():
    policy = Policy(suspect_words=("crypto",))
    assert codes(run(rules.word_lists, "buy CRYPT0 now", policy)) == [
        ("suspect_word", Decision.HOLD)
    ]


def test_rate_limit_allows_a_burst_then_one_every_three_seconds():
    state, policy = State(MemoryStore()), Policy()
    outcomes = [
        codes(run(rules.rate_limit, "hi", policy, state, seconds=0.1 * n, ip="10.0.0.1"))
        for n in range(6)
    ]
    assert outcomes[:5] == [[]] * 5
    assert outcomes[5] == [("rate_limit", Decision.REJECT)]
    assert run(rules.rate_limit, "hi", policy, state, seconds=4, ip="10.0.0.1") == []


def test_rate_limit_applies_per_address_across_accounts():
    state = State(MemoryStore())
    for n in range(5):
        run(rules.rate_limit, "hi", None, state, author=f"sock{n}", ip="10.0.0.9")
    reasons = run(rules.rate_limit, "hi", None, state, author="sock9", ip="10.0.0.9")
    assert codes(reasons) == [("rate_limit", Decision.REJECT)]


def posted(body, state, **fields):
    """Check `body` for repeats, then remember it as accepted, as the pipeline does."""
    reasons = run(rules.repeated, body, state=state, **fields)
    reasons += run(rules.copied, body, state=state, **fields)
    rules.remember(submit(body, **fields), Policy(), state)
    return reasons


def test_repeated_text_from_one_writer_is_rejected():
    state = State(MemoryStore())
    body = "Great article! Visit my page for the best deals on alarm systems today."
    assert posted(body, state) == []
    again = run(rules.repeated, body.replace("today", "now"), state=state, seconds=60)
    assert ("duplicate", Decision.REJECT) in codes(again)


def test_same_text_from_several_accounts_is_held():
    state = State(MemoryStore())
    body = "Everyone should read the truth about this war at my blog, link in my profile."
    posted(body, state, author="one")
    reasons = run(rules.copied, body, state=state, author="two", seconds=30)
    assert codes(reasons) == [("copied_text", Decision.HOLD)]


def test_short_agreement_is_not_a_campaign():
    state = State(MemoryStore())
    posted("I agree completely.", state, author="one")
    assert run(rules.copied, "I agree completely.", state=state, author="two") == []


def test_new_commenters_are_premoderated_until_approved():
    assert codes(run(rules.trust, "hi", history=History(approved=1))) == [
        ("new_commenter", Decision.HOLD)
    ]
    assert run(rules.trust, "hi", history=History(approved=2)) == []
    assert run(rules.trust, "hi", history=History(approved=0, trusted=True)) == []
    assert run(rules.trust, "hi", history=None) == []


def test_high_rejection_rate_sends_back_to_premoderation():
    reasons = run(rules.trust, "hi", history=History(approved=5, rejected=4))
    assert codes(reasons) == [("low_trust", Decision.HOLD)]


def test_premoderated_section_holds_everything():
    assert codes(
        run(rules.section_policy, "hi", Policy(moderation=CommentPolicy.PREMODERATE_ALL))
    ) == [("premoderate", Decision.HOLD)]


def test_surge_switches_on_with_the_rate_and_off_when_calm():
    state, policy = State(MemoryStore()), Policy(surge_comments_per_minute=10)
    changes = [
        surge.observe(state, "story", NOW + timedelta(seconds=n), held=False, policy=policy)
        for n in range(11)
    ]
    assert [c.started for c in changes if c] == [True]
    assert surge.is_on(state, "story")
    later = NOW + timedelta(minutes=5)
    change = surge.observe(state, "story", later, held=False, policy=policy)
    assert change is not None and change.started is False
    assert not surge.is_on(state, "story")


def test_surge_switches_on_when_most_comments_are_held():
    state, policy = State(MemoryStore()), Policy()
    changes = [
        surge.observe(
            state, "story", NOW + timedelta(seconds=10 * n), held=n % 4 != 0, policy=policy
        )
        for n in range(12)
    ]
    started = [c for c in changes if c]
    assert started and started[0].started and "held" in started[0].reason


def test_near_duplicates_are_word_sets_that_mostly_overlap():
    a = text.fingerprint("Great article, visit my site for the cheapest loans now")
    b = text.fingerprint("Great article, visit my site for the cheapest loans today")
    c = text.fingerprint("The airlift matters more than training does.")
    assert text.near_to(a)(b) and not text.near_to(a)(c)
    shared_tail = ", as I see it after many years of reading about this."
    assert not text.near_to(
        text.fingerprint("The border matters more than the elections" + shared_tail)
    )(text.fingerprint("Refuelling comes after the harvest" + shared_tail))
    assert not text.near_to(text.fingerprint("I agree."))(text.fingerprint("I disagree."))


def test_text_copied_from_other_accounts_is_held_not_refused():
    """Copied text is a reason to hold (for a person to read), never a refusal of pace."""
    state = State(MemoryStore())
    body = "The airlift depends on the harvest more than anyone in the capital admits."
    posted(body, state, author="one")
    verdict = pipeline.judge(submit(body, author="two", seconds=30), Policy(), state)
    assert verdict.decision == Decision.HOLD and verdict.refusal is None
    assert [reason.code for reason in verdict.reasons] == ["copied_text"]
