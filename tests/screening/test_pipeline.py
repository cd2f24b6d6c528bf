"""The whole judgement on the four comments every newsroom sees, and the screen command."""

import io
import json
import sys
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from dateline.screening import pipeline
from dateline.screening.policy import Policy
from dateline.screening.rules import History, Submission
from dateline.screening.state import MemoryStore, State

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
    assert set(civil.scores) == {"toxicity", "spam"}


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
    strict = Policy(toxicity_threshold=0.0)
    assert judge("The airlift matters.", policy=strict).decision == "hold"


def test_trust_rules_use_the_history():
    assert judge("Fair point.", history=History(approved=0)).decision == "hold"
    assert judge("Fair point.", history=History(approved=3)).decision == "publish"


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


@pytest.mark.parametrize("setting", ["--toxicity-threshold", "--spam-threshold"])
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
    assert json.loads(out.getvalue())["decision"] == "hold"
