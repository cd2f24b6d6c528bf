"""Judge one comment: every rule, both models, the story's surge state; one Verdict.

Any rule asking to reject rejects; otherwise any reason to hold holds; otherwise the
comment publishes. The models only ever hold: a person decides what they flag.
"""

from . import classifiers, surge
from .rules import RULES
from .verdict import HOLD, PUBLISH, REJECT, Reason, Verdict

# Holds that say nothing about the comment itself (they do not feed surge control).
CIRCUMSTANTIAL = {"surge", "premoderate", "premoderate_links", "new_commenter", "low_trust"}


def judge(sub, policy, state):
    reasons = [reason for rule in RULES for reason in rule(sub, policy, state)]
    scores = {}
    if sub.body.strip():
        toxicity = classifiers.toxicity(sub.body)
        age = sub.history.account_age_days if sub.history else None
        spam = classifiers.spam(sub.body, article_text=sub.article_text, account_age_days=age)
        scores = {"toxicity": round(toxicity.value, 3), "spam": round(spam.value, 3)}
        for name, score, threshold in (
            ("toxicity", toxicity, policy.toxicity_threshold),
            ("spam", spam, policy.spam_threshold),
        ):
            if score.value > threshold:
                reasons.append(
                    Reason(
                        name,
                        f"The {name} model scored it {score.value:.2f} (held above "
                        f"{threshold:.2f}).",
                        HOLD,
                        {"score": round(score.value, 3), "words": list(score.words)},
                    )
                )
    if sub.page and surge.is_on(state, sub.page):
        reasons.append(
            Reason(
                "surge",
                "Comments on this story are spiking: each one waits for a moderator "
                "until it calms down.",
                HOLD,
            )
        )
    decisions = {reason.decision for reason in reasons}
    decision = REJECT if REJECT in decisions else HOLD if HOLD in decisions else PUBLISH
    return Verdict(decision=decision, scores=scores, reasons=tuple(reasons))


def held_for_content(verdict):
    """Whether a verdict held or rejected the comment for what it says."""
    return any(
        reason.decision in (HOLD, REJECT) and reason.code not in CIRCUMSTANTIAL
        for reason in verdict.reasons
    )
