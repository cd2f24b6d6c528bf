"""The whole judgement on the four comments every newsroom sees, and the screen command."""

import io
import json
import statistics
import sys
import time
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from dateline.core.attributes import Action
from dateline.core.state import MemoryStore, State
from dateline.screening import classifiers, pipeline
from dateline.screening.classifiers import Score
from dateline.screening.policy import Policy
from dateline.screening.rules import History, Submission
from dateline.screening.verdict import Decision

from .test_classifiers import IDENTITY_ONLY

ATTRIBUTES = {"toxicity", "insult", "identity_attack", "threat", "profanity", "spam"}
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ARTICLE = (
    "French troops entered northern Mali to stop an advance on the capital, with airstrikes "
    "on Gao and Timbuktu, while West African forces prepared to deploy."
)
LINK_SPAM = (
    "best home security system reviews, visit http://cheap-alarms.example/deals "
    "http://alarm-reviews.example http://safe-home.example/top10"
)


def judge(body, author="reader", history=None, policy=None):
    submission = Submission(
        body=body,
        author=author,
        created=NOW,
        page="story",
        article_text=ARTICLE,
        history=history,
    )
    return pipeline.judge(submission, policy or Policy(), State(MemoryStore()))


def test_the_four_comments():
    spam = judge(LINK_SPAM)
    assert spam.decision == "hold"
    assert "links" in [reason.code for reason in spam.reasons]
    slur = judge("go back home you f4gg0t")
    assert slur.decision == "reject" and slur.reasons[0].code == "banned_word"
    assert judge("   ").decision == "reject"
    civil = judge("The airlift matters more than the training mission, as the piece says.")
    assert civil.decision == "publish" and civil.reasons == ()
    assert set(civil.scores) == ATTRIBUTES


def test_one_link_of_product_spam_is_held_by_the_spam_model():
    verdict = judge("best home security system reviews, visit http://cheap-alarms.example/deals")
    assert verdict.decision == "hold"
    assert [reason.code for reason in verdict.reasons] == ["spam"]
    assert verdict.scores["spam"] > 0.7


def test_models_hold_but_never_reject():
    verdict = judge("shut up you dumb bitch")
    assert verdict.decision == "hold"
    assert {reason.decision for reason in verdict.reasons} == {"hold"}


def test_section_threshold_changes_the_decision():
    strict = Policy().with_attribute("toxicity", threshold=0.0)
    assert judge("The airlift matters.", policy=strict).decision == "hold"


def test_trust_rules_use_the_history():
    assert judge("Fair point.", history=History(approved=0)).decision == "hold"
    assert judge("Fair point.", history=History(approved=3)).decision == "publish"


def reason(verdict, code):
    (found,) = [reason for reason in verdict.reasons if reason.code == code]
    return found


def pointed_at(body, found):
    return [body[start:end] for start, end in found.detail["spans"]]


@pytest.mark.parametrize(
    "body",
    ["I will find where you live and kill you", "Someone should shoot the mayor."],
)
def test_a_threat_is_held_as_urgent_with_its_words_marked(body):
    verdict = judge(body)
    assert verdict.decision == "hold" and verdict.urgent
    threat = reason(verdict, "threat")
    assert threat.urgent and threat.decision == "hold"
    assert threat.as_dict()["urgent"] is True
    assert verdict.scores["threat"] >= 0.9
    assert pointed_at(body, threat) == threat.detail["words"]
    assert any(
        "kill you" in words or "shoot the mayor" in words for words in threat.detail["words"]
    )
    assert verdict.evidence["threat"] == [[s, e, body[s:e]] for s, e in threat.detail["spans"]]


def test_an_identity_attack_is_urgent_by_default():
    body = "the gay Muslim pretending to be a Jew"
    verdict = judge(body)
    attack = reason(verdict, "identity_attack")
    assert attack.urgent and verdict.urgent and verdict.decision == "hold"
    assert verdict.scores["identity_attack"] > Policy().attributes["identity_attack"].threshold
    assert pointed_at(body, attack) and all(words in body for words in pointed_at(body, attack))
    held_only = Policy().with_attribute("identity_attack", action=Action.HOLD)
    assert not judge(body, policy=held_only).urgent


def test_an_attribute_acts_above_its_threshold_as_its_action_says(monkeypatch):
    monkeypatch.setattr(classifiers, "insult", lambda text: Score(0.6, ("tankers",), ((18, 25),)))
    body = "A fair point, the tankers matter."
    assert judge(body).decision == "publish"  # 0.6 is under insult's 0.7
    lower = Policy().with_attribute("insult", threshold=0.5)
    verdict = judge(body, policy=lower)
    assert [r.code for r in verdict.reasons] == ["insult"] and not verdict.urgent
    urgent = judge(body, policy=lower.with_attribute("insult", action=Action.URGENT))
    assert urgent.urgent and reason(urgent, "insult").urgent
    allowed = judge(body, policy=lower.with_attribute("insult", action=Action.ALLOW))
    assert allowed.decision == "publish" and allowed.reasons == ()
    assert allowed.scores["insult"] == 0.6


PROFANE = "What a load of bullshit, the minister is right"


def test_profanity_alone_publishes_where_a_desk_allows_it():
    others_quiet = Policy()
    for name in ATTRIBUTES - {"profanity"}:
        others_quiet = others_quiet.with_attribute(name, threshold=1.0)
    held = judge(PROFANE, policy=others_quiet)
    assert held.decision == "hold" and [r.code for r in held.reasons] == ["profanity"]
    assert pointed_at(PROFANE, reason(held, "profanity")) == ["bullshit"]
    allowed = judge(PROFANE, policy=others_quiet.with_attribute("profanity", action=Action.ALLOW))
    assert allowed.decision == "publish" and allowed.reasons == ()
    # Still scored and shown, only not acted on.
    assert allowed.scores["profanity"] >= 0.9
    assert allowed.evidence["profanity"] == [[15, 23, "bullshit"]]


def test_allowing_profanity_does_not_let_other_attributes_through():
    verdict = judge(PROFANE, policy=Policy().with_attribute("profanity", action=Action.ALLOW))
    assert "profanity" not in [r.code for r in verdict.reasons]
    assert verdict.decision == (
        "hold"
        if verdict.scores["toxicity"] > Policy().attributes["toxicity"].threshold
        else "publish"
    )


def test_the_verdict_carries_every_score_and_its_evidence():
    body = "You are an idiot"
    found = judge(body).as_dict()
    assert set(found["scores"]) == ATTRIBUTES
    assert all(0 <= value <= 1 for value in found["scores"].values())
    assert found["decision"] == "hold"
    assert found["evidence"]["toxicity"] == [[11, 16, "idiot"]]
    assert found["evidence"]["insult"] == [[11, 16, "idiot"]]
    assert "spam" not in found["evidence"]  # low scores are not explained
    toxicity = [r for r in found["reasons"] if r["code"] == "toxicity"][0]
    assert toxicity["detail"]["words"] == ["idiot"] and toxicity["detail"]["spans"] == [[11, 16]]
    assert "urgent" not in toxicity
    civil = judge("The airlift matters more than the training mission.").as_dict()
    assert set(civil["scores"]) == ATTRIBUTES and civil["evidence"] == {}


def test_an_empty_comment_has_no_scores():
    verdict = judge("   ")
    assert verdict.scores == {} and verdict.evidence == {}


@pytest.mark.parametrize(
    "body, words, written",
    [
        ("You are a k1ke", ["kike"], ["k1ke"]),
        ("let's kill all the towel heads", ["towel head"], ["towel heads"]),
        ("Towel-heads out", ["towel head"], ["Towel-heads"]),
        ("PORKISTANI go home", ["porkistani"], ["PORKISTANI"]),
    ],
)
def test_rule_reasons_point_at_the_written_words(body, words, written):
    verdict = judge(body)
    banned = reason(verdict, "banned_word")
    assert verdict.decision == "reject"
    assert banned.detail["words"] == words
    assert pointed_at(body, banned) == written


def test_spam_reasons_point_at_the_link():
    body = "best home security system reviews, visit http://cheap-alarms.example/deals"
    spam = reason(judge(body), "spam")
    assert "http://cheap-alarms.example/deals" in pointed_at(body, spam)
    assert pointed_at(body, spam) == spam.detail["words"]


def test_ordinary_words_are_not_given_as_reasons():
    body = "Work from home and earn $500 a day at http://cash.example"
    spam = reason(judge(body), "spam")
    assert not {"from", "home"} & {word.lower() for word in spam.detail["words"]}
    assert not {"from", "home"} & {word.lower() for word in pointed_at(body, spam)}


def test_naming_an_identity_publishes():
    for body in IDENTITY_ONLY:
        verdict = judge(body)
        assert verdict.decision == "publish", (body, verdict.reasons)
        assert verdict.scores["identity_attack"] < Policy().attributes["identity_attack"].threshold
        assert verdict.scores["toxicity"] < Policy().attributes["toxicity"].threshold


def run_screen(lines, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    try:
        call_command("screen", stdout=out)
        failed = None
    except CommandError as error:
        failed = error
    return [json.loads(line) for line in out.getvalue().splitlines()], failed


def test_screen_command_judges_each_line(monkeypatch):
    rows, failed = run_screen(
        [
            json.dumps({"id": "a", "author": "s", "body": LINK_SPAM}),
            json.dumps({"id": "b", "author": "t", "body": "you are a f a g g o t"}),
            json.dumps({"id": "c", "author": "u", "body": ""}),
            json.dumps({"id": "d", "author": "v", "body": "Good piece.", "article": ARTICLE}),
        ],
        monkeypatch,
    )
    assert failed is None
    assert [(row["id"], row["decision"]) for row in rows] == [
        ("a", "hold"),
        ("b", "reject"),
        ("c", "reject"),
        ("d", "publish"),
    ]
    assert rows[1]["reasons"][0]["code"] == "banned_word"


def test_screen_command_reports_bad_lines_and_goes_on(monkeypatch):
    rows, failed = run_screen(
        [
            "{broken",
            json.dumps({"id": 2, "body": "no author"}),
            json.dumps({"id": 3, "author": "x", "body": "fine", "created": "yesterday"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": 5, "author": "x", "body": "Still judged."}),
        ],
        monkeypatch,
    )
    assert isinstance(failed, CommandError) and "4 line(s)" in str(failed)
    assert [row.get("error") is not None for row in rows] == [True, True, True, True, False]
    assert rows[1]["id"] == 2 and "author" in rows[1]["error"]
    assert rows[4]["decision"] == "publish"


def test_screen_command_keeps_rate_limits_between_lines(monkeypatch):
    topics = ["tankers", "training", "elections", "refugees", "Gao", "Timbuktu", "the budget"]
    lines = [
        json.dumps(
            {
                "id": n,
                "author": "fast",
                "body": f"My view on {topic}: it matters.",
                "created": "2026-01-01T10:00:00Z",
            }
        )
        for n, topic in enumerate(topics)
    ]
    rows, _ = run_screen(lines, monkeypatch)
    assert [row["decision"] for row in rows][5:] == ["reject", "reject"]
    assert rows[-1]["reasons"][0]["code"] == "rate_limit"


@pytest.mark.parametrize(
    "setting",
    [
        "--toxicity-threshold",
        "--insult-threshold",
        "--identity-attack-threshold",
        "--spam-threshold",
    ],
)
def test_screen_command_thresholds(monkeypatch, setting):
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO(
            json.dumps({"id": 1, "author": "a", "body": "An ordinary remark about the budget."})
            + "\n"
        ),
    )
    out = io.StringIO()
    call_command("screen", setting, "0", stdout=out)
    row = json.loads(out.getvalue())
    assert row["decision"] == "hold"
    assert [reason["code"] for reason in row["reasons"]] == [
        setting.removeprefix("--").removesuffix("-threshold").replace("-", "_")
    ]


def screen_one(monkeypatch, body, *options, **fields):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO(json.dumps({"id": 1, "author": "a", "body": body, **fields}))
    )
    out = io.StringIO()
    call_command("screen", *options, stdout=out)
    return json.loads(out.getvalue())


def test_screen_command_gives_every_score_and_the_marked_words(monkeypatch):
    body = "I will find where you live and kill you"
    row = screen_one(monkeypatch, body)
    assert set(row["scores"]) == ATTRIBUTES
    threat = [reason for reason in row["reasons"] if reason["code"] == "threat"][0]
    assert threat["urgent"] is True
    assert [body[start:end] for start, end in threat["detail"]["spans"]] == threat["detail"][
        "words"
    ]
    assert row["evidence"]["threat"] == [[0, len(body), body]]


def test_screen_command_threshold_and_allow_per_attribute(monkeypatch):
    assert screen_one(monkeypatch, PROFANE, "--toxicity-threshold", "1")["decision"] == "hold"
    row = screen_one(monkeypatch, PROFANE, "--toxicity-threshold", "1", "--allow", "profanity")
    assert row["decision"] == "publish" and row["scores"]["profanity"] >= 0.9
    row = screen_one(
        monkeypatch, "Good piece.", "--threat-threshold", "1", "--profanity-threshold", "1"
    )
    assert row["decision"] == "publish"


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_screen_command_refuses_thresholds_outside_zero_to_one(value):
    with pytest.raises(CommandError):
        call_command("screen", "--toxicity-threshold", value, stdout=io.StringIO())


def test_screen_command_reads_a_time_without_a_zone_as_utc(monkeypatch):
    lines = [
        json.dumps(
            {"id": n, "author": "fast", "body": f"Point {n} on {topic}.", "created": created}
        )
        for n, (topic, created) in enumerate(
            [
                ("tankers", "2026-01-01T10:00:00"),
                ("budget", "2026-01-01T10:00:00.5"),
                ("rain", "2026-01-01T10:00:01Z"),
                ("roads", "2026-01-01T11:00:01+01:00"),  # the same instant as the line above
                ("schools", "2026-01-01 10:00:02"),
                ("prices", "2026-01-01T10:00:02"),
            ]
        )
    ]
    rows, failed = run_screen(lines, monkeypatch)
    assert failed is None
    assert all("error" not in row for row in rows)
    # Six comments within two seconds: naive and zoned times are one clock, so the
    # sixth is over the burst of five.
    assert [row["decision"] for row in rows] == ["publish"] * 5 + ["reject"]


def test_scoring_every_attribute_is_fast():
    body = (
        "I disagree with the minister on the housing plan, but this is a fair piece. The figures "
        "are on https://www.ons.gov.uk/employment. You are a disgusting idiot, everyone knows it."
    )
    submission = Submission(body=body, author="a", created=NOW, page="story", article_text=ARTICLE)
    spent = []
    for _ in range(300):
        began = time.perf_counter()
        pipeline.score_attributes(submission)
        spent.append(time.perf_counter() - began)
    assert statistics.median(spent) < 0.002  # six attributes; about 1 ms on one busy core


def test_toxic_talk_about_a_group_is_an_urgent_attack_on_it():
    body = "Muslims are vermin and should be thrown out of the country"
    verdict = judge(body)
    attack = reason(verdict, "identity_attack")
    assert attack.urgent
    assert verdict.scores["identity_attack"] == verdict.scores["toxicity"] > 0.65
    assert "Muslims" in pointed_at(body, attack)


def test_an_insult_that_names_no_group_is_not_an_attack_on_one():
    verdict = judge("You are a pathetic moron and everyone here knows it")
    assert verdict.scores["toxicity"] > 0.9
    assert verdict.scores["identity_attack"] < 0.5
    assert "identity_attack" not in [reason.code for reason in verdict.reasons]


def test_a_comment_posted_too_fast_is_refused_before_the_models_run(monkeypatch):
    """Refusing for pace must stay cheap: no rule past the pacing ones, no model."""
    state = State(MemoryStore())
    policy = Policy(rate_burst=1)
    first = Submission(body="A first thought on the budget.", author="7", created=NOW)
    assert pipeline.judge(first, policy, state).decision == Decision.PUBLISH

    def must_not_run(*args, **kwargs):
        raise AssertionError("scored a comment that was refused for pace")

    monkeypatch.setattr(pipeline, "score_attributes", must_not_run)
    again = Submission(body="A second thought, at once.", author="7", created=NOW)
    verdict = pipeline.judge(again, policy, state)
    assert verdict.decision == Decision.REJECT and verdict.refusal.code == "rate_limit"
