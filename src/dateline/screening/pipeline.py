"""Judge one comment: every rule, every attribute, the story's surge state; one Verdict.

Any rule asking to reject rejects; otherwise any reason to hold holds; otherwise the
comment publishes. The attributes only ever hold: a person decides what they flag.
Each attribute is scored on every comment; the words behind a score are worked out only
where the score is high enough to be worth showing.
"""

from dataclasses import replace
from datetime import UTC, datetime

from dateline.core.attributes import LABELS, Action
from dateline.core.state import State

from . import attributes, classifiers, spans, surge, text
from .policy import Policy, builtin
from .rules import PACING_RULES, RULES, Submission, remember
from .verdict import Code, Decision, Kind, Reason, Verdict

# The attributes that the span model's marked words explain.
MARKED_BY_SPANS = ("toxicity", "insult", "identity_attack")
EVIDENCE_FLOOR = 0.5
# Any reason to reject rejects; otherwise any reason to hold holds.
SEVERITY = [Decision.REJECT, Decision.HOLD]


def score_attributes(sub: Submission) -> dict[str, classifiers.Score]:
    """{attribute: Score} for the comment's text."""
    age = sub.history.account_age_days if sub.history else None
    toxicity = classifiers.toxicity(sub.body)
    return {
        "toxicity": toxicity,
        "insult": classifiers.insult(sub.body),
        "identity_attack": identity_attack(sub.body, toxicity),
        "threat": attributes.threat(sub.body),
        "profanity": attributes.profanity(sub.body),
        "spam": classifiers.spam(sub.body, article_text=sub.article_text, account_age_days=age),
    }


def warm_up():
    """Read every model and word list now (about 0.2 s): a web worker calls this as it
    starts, so that its first comments do not wait for the files (`dateline.wsgi`)."""
    sample = "A first comment, read when the server starts: the models load with it."
    score_attributes(Submission(body=sample, author="", created=datetime.now(UTC)))
    spans.tagger()
    Policy()  # the built-in word lists


def identity_attack(body, toxicity):
    """The identity-attack model's score, or the toxicity score when the comment names a
    group of people (`data/identity_terms.txt`), whichever is higher.

    The model learnt mostly from forum sentences and tweets, and misses blunt abuse of a
    group in plain words ("Muslims are vermin …"): on dev this lifts hate caught at 0.5
    from 17 % to 25 % of Stormfront's hate sentences, for 0.3 % more civil comments.
    """
    found = classifiers.identity_attack(body)
    if toxicity.value > found.value and text.find_words(body, builtin("identity_terms.txt")):
        return toxicity
    return found


def pace(sub: Submission, policy: Policy, state: State) -> Verdict | None:
    """The refusal of a comment posted too fast or twice, or None: cheap, and run first."""
    refused = [reason for rule in PACING_RULES for reason in rule(sub, policy, state)]
    if any(reason.code.kind != Kind.POSTING for reason in refused):
        raise ValueError("a pacing rule may only refuse for how the writer posts")
    return Verdict(decision=Decision.REJECT, reasons=tuple(refused)) if refused else None


def judge(sub: Submission, policy: Policy, state: State, *, paced: bool = False) -> Verdict:
    """Every rule, every attribute and the story's surge state; `paced`: `pace` ran already."""
    refused = None if paced else pace(sub, policy, state)
    if refused:  # too fast or twice: refused before any costly rule or model runs
        return refused
    reasons = [located(reason, sub.body) for rule in RULES for reason in rule(sub, policy, state)]
    scores, evidence = {}, {}
    if sub.body.strip():
        found = score_attributes(sub)
        marked = None
        for name, score in found.items():
            scores[name] = round(score.value, 3)
            rule = policy.attributes[name]
            acts = rule.action != Action.ALLOW and score.value > rule.threshold
            if not acts and score.value < EVIDENCE_FLOOR:
                continue
            ranges = score.spans
            if name in MARKED_BY_SPANS:
                marked = spans.tagger().spans(sub.body) if marked is None else marked
                ranges = marked or ranges
            evidence[name] = [[start, end, sub.body[start:end]] for start, end in ranges]
            if acts:
                reasons.append(attribute_reason(name, score.value, rule, evidence[name]))
    if sub.page and surge.is_on(state, sub.page):
        reasons.append(
            Reason(
                Code.SURGE,
                "Comments on this story are spiking: each one waits for a moderator "
                "until it calms down.",
                Decision.HOLD,
            )
        )
    decisions = {reason.decision for reason in reasons}
    decision = next((each for each in SEVERITY if each in decisions), Decision.PUBLISH)
    if decision != Decision.REJECT:
        remember(sub, policy, state)
    return Verdict(decision=decision, scores=scores, reasons=tuple(reasons), evidence=evidence)


def located(reason, body):
    """`reason` with the character ranges of the words it names, for highlighting."""
    words = reason.detail.get("words")
    if not words or "spans" in reason.detail:
        return reason
    ranges = text.where(body, words)
    return replace(reason, detail={**reason.detail, "spans": [list(pair) for pair in ranges]})


def attribute_reason(name, value, rule, evidence):
    words = list(dict.fromkeys(piece for _, _, piece in evidence))
    behind = f": {', '.join(f'“{word}”' for word in words[:5])}" if words else ""
    return Reason(
        Code(name),
        f"{LABELS[name]} {value:.2f} (held above {rule.threshold:.2f}){behind}.",
        Decision.HOLD,
        {
            "score": round(value, 3),
            "words": words,
            "spans": [[start, end] for start, end, _ in evidence],
        },
        urgent=rule.action == Action.URGENT,
    )


def held_for_content(verdict: Verdict) -> bool:
    """Whether a verdict held or rejected the comment for what it says."""
    return any(
        reason.decision != Decision.PUBLISH and reason.code.kind in (Kind.TEXT, Kind.MODEL)
        for reason in verdict.reasons
    )
