"""What screening returns: a decision, the scores behind it, and reasons a person can read.

The vocabularies here (decisions, reason codes and their kinds) are the only spelling of
them: rules, the pipeline, the comment path, the moderator queue and the API all use them.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    REJECT = "reject"


class Kind(StrEnum):
    """What a reason is about."""

    TEXT = "text"  # a rule about what the comment says or links to
    MODEL = "model"  # an attribute score over its threshold
    # How the writer is posting (too fast, the same text twice): the comment is refused
    # and nothing is recorded, so it never counts against them.
    POSTING = "posting"
    CIRCUMSTANCE = "circumstance"  # the writer's record or the story's state, not the text


class Code(StrEnum):
    """A reason's stable code, with its kind, a label for moderators, and what a writer
    can do about it (shown on the page when their comment is held or refused)."""

    def __new__(cls, value, kind, label, advice):
        member = str.__new__(cls, value)
        member._value_ = value
        member.kind, member.label, member.advice = kind, label, advice
        return member

    EMPTY = "empty", Kind.TEXT, "Empty", _("Write something before posting.")
    TOO_LONG = "too_long", Kind.TEXT, "Too long", _("Shorten the comment and post it again.")
    GIBBERISH = (
        "gibberish",
        Kind.TEXT,
        "Random typing",
        _("Write words a reader can follow."),
    )
    DENIED_DOMAIN = (
        "denied_domain",
        Kind.TEXT,
        "Link to a blocked site",
        _("Remove the link to a site this newsroom does not allow."),
    )
    LINKS = (
        "links",
        Kind.TEXT,
        "Too many links",
        _("Keep to a couple of links; a moderator reads comments with more."),
    )
    SHORTENED_LINK = (
        "shortened_link",
        Kind.TEXT,
        "A link shortener",
        _("A link shortener hides where it goes: link to the page itself."),
    )
    BANNED_WORD = (
        "banned_word",
        Kind.TEXT,
        "A slur or banned word",
        _("Make your point without the slur or banned word."),
    )
    SUSPECT_WORD = (
        "suspect_word",
        Kind.TEXT,
        "A word to read in context",
        _("Some words here need a person to read them in context."),
    )
    DUPLICATE = (
        "duplicate",
        Kind.POSTING,
        "Posted twice",
        _("You already posted this comment; there is no need to post it again."),
    )
    COPIED_TEXT = (
        "copied_text",
        Kind.TEXT,
        "Copied from other accounts",
        _("The same text came from other accounts: a moderator checks it is yours."),
    )
    RATE_LIMIT = (
        "rate_limit",
        Kind.POSTING,
        "Posting too fast",
        _("Wait a few seconds before posting again."),
    )
    TOXICITY = (
        "toxicity",
        Kind.MODEL,
        "Toxicity",
        _("It reads as abusive: criticise the idea, not the person."),
    )
    INSULT = (
        "insult",
        Kind.MODEL,
        "Insult",
        _("It reads as an insult to someone: say what you disagree with instead."),
    )
    IDENTITY_ATTACK = (
        "identity_attack",
        Kind.MODEL,
        "Attack on a group",
        _("It reads as an attack on a group of people."),
    )
    THREAT = (
        "threat",
        Kind.MODEL,
        "Threat or call for violence",
        _("It reads as a threat or a call for violence."),
    )
    PROFANITY = "profanity", Kind.MODEL, "Profanity", _("Say it without the swearing.")
    SPAM = (
        "spam",
        Kind.MODEL,
        "Spam",
        _("It reads as advertising: comments are for the story."),
    )
    NEW_COMMENTER = (
        "new_commenter",
        Kind.CIRCUMSTANCE,
        "New commenter",
        _("A new commenter's first comments are read by a moderator."),
    )
    LOW_TRUST = (
        "low_trust",
        Kind.CIRCUMSTANCE,
        "Many rejected before",
        _("Many of your recent comments were rejected, so a moderator reads new ones first."),
    )
    PREMODERATE = (
        "premoderate",
        Kind.CIRCUMSTANCE,
        "Section reads every comment",
        _("On this section a moderator reads every comment first."),
    )
    PREMODERATE_LINKS = (
        "premoderate_links",
        Kind.CIRCUMSTANCE,
        "Section reads comments with links",
        _("On this section a moderator reads comments with links first."),
    )
    SURGE = (
        "surge",
        Kind.CIRCUMSTANCE,
        "Comment surge",
        _("Comments on this story are spiking: a moderator reads each one until it calms down."),
    )
    IMPORTED = (
        "imported",
        Kind.CIRCUMSTANCE,
        "Imported, held",
        _(
            "This comment came from the newsroom's earlier comment system and waits for a moderator."
        ),
    )

    @classmethod
    def known(cls, value):
        """The code for `value`, or None for one this version does not know."""
        try:
            return cls(value)
        except ValueError:
            return None


def advice(reasons):
    """What a writer can do about their held or refused comment: one line for each
    distinct reason recorded (`Reason.as_dict()` rows), most serious first."""
    codes = [Code.known(reason.get("code")) for reason in reasons]
    known = [code for code in dict.fromkeys(codes) if code is not None]
    order = [Kind.TEXT, Kind.MODEL, Kind.POSTING, Kind.CIRCUMSTANCE]
    return [str(code.advice) for code in sorted(known, key=lambda code: order.index(code.kind))]


@dataclass(frozen=True)
class Reason:
    code: Code
    message: str  # the particulars, shown to moderators: "3 links (more than 2)."
    decision: Decision = Decision.HOLD  # the decision this reason alone asks for
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
    decision: Decision
    scores: dict = field(default_factory=dict)  # {attribute: 0..1}
    reasons: tuple = ()
    # {attribute: [[start, end, words], ...]}: what each score above EVIDENCE_FLOOR rests on
    evidence: dict = field(default_factory=dict)

    @property
    def urgent(self):
        return any(reason.urgent for reason in self.reasons)

    @property
    def refusal(self):
        """The reason to refuse the comment unrecorded (posted too fast, or twice), or None."""
        return next((r for r in self.reasons if r.code.kind == Kind.POSTING), None)

    def as_dict(self):
        return {
            "decision": self.decision,
            "scores": self.scores,
            "evidence": self.evidence,
            "reasons": [reason.as_dict() for reason in self.reasons],
        }
