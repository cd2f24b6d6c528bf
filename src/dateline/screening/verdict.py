"""What screening returns: a decision, the scores behind it, and reasons a person can read."""

from dataclasses import dataclass, field

PUBLISH = "publish"
HOLD = "hold"
REJECT = "reject"


@dataclass(frozen=True)
class Reason:
    code: str  # stable, machine-readable: "links", "banned_word", "toxicity", ...
    message: str  # shown to moderators (and, for rejections, to the writer)
    decision: str = HOLD  # the decision this reason alone asks for
    detail: dict = field(default_factory=dict)  # e.g. {"words": [...], "score": 0.93}

    def as_dict(self):
        return {
            "code": self.code,
            "message": self.message,
            "decision": self.decision,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Verdict:
    decision: str
    scores: dict = field(default_factory=dict)
    reasons: tuple = ()

    def as_dict(self):
        return {
            "decision": self.decision,
            "scores": self.scores,
            "reasons": [reason.as_dict() for reason in self.reasons],
        }
