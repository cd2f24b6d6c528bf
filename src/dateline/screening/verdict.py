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
    # e.g. {"words": [...], "spans": [[start, end], ...], "score": 0.93}: the spans are
    # where the words are in the comment, as [start, end) character offsets
    detail: dict = field(default_factory=dict)
    urgent: bool = False  # a moderator should read it first (a threat, an attack on a group)

    def as_dict(self):
        found = {
            "code": self.code,
            "message": self.message,
            "decision": self.decision,
            "detail": self.detail,
        }
        if self.urgent:
            found["urgent"] = True
        return found


@dataclass(frozen=True)
class Verdict:
    decision: str
    scores: dict = field(default_factory=dict)  # {attribute: 0..1}
    reasons: tuple = ()
    # {attribute: [[start, end, words], ...]}: what each score above EVIDENCE_FLOOR rests on
    evidence: dict = field(default_factory=dict)

    @property
    def urgent(self):
        return any(reason.urgent for reason in self.reasons)

    def as_dict(self):
        return {
            "decision": self.decision,
            "scores": self.scores,
            "evidence": self.evidence,
            "reasons": [reason.as_dict() for reason in self.reasons],
        }
