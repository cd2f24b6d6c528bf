"""Why a moderator rejects a comment: a short list the writer reads, and a free note.

The list is what most rejections come down to; each line is written to the writer,
who sees it under their comment ("Not published: ..."). The queue offers the line that
fits what screening found, so rejecting with the keyboard still gives a reason.
"""

from django.core.exceptions import ValidationError
from django.db import models

from dateline.comments.models import Comment, Flag
from dateline.screening.verdict import Code

MAX_LENGTH = Comment._meta.get_field("moderation_reason").max_length


class RejectReason(models.TextChoices):
    PERSONAL_ATTACK = "personal_attack", "It attacks a person rather than their argument."
    HATE = "hate", "It attacks people for who they are."
    THREAT = "threat", "It threatens or calls for violence."
    LANGUAGE = "language", "Its language breaks the rules of conduct."
    SPAM = "spam", "It is advertising or spam."
    OFF_TOPIC = "off_topic", "It is off topic for this story."
    IMPERSONATION = "impersonation", "It pretends to be someone else."
    PRIVATE = "private", "It shares someone's private details."


# The reason offered first for what screening found, most serious first.
SUGGESTED = {
    Code.THREAT: RejectReason.THREAT,
    Code.IDENTITY_ATTACK: RejectReason.HATE,
    Code.BANNED_WORD: RejectReason.HATE,
    Code.INSULT: RejectReason.PERSONAL_ATTACK,
    Code.TOXICITY: RejectReason.PERSONAL_ATTACK,
    Code.PROFANITY: RejectReason.LANGUAGE,
    Code.SPAM: RejectReason.SPAM,
    Code.LINKS: RejectReason.SPAM,
    Code.SHORTENED_LINK: RejectReason.SPAM,
    Code.COPIED_TEXT: RejectReason.SPAM,
}
FLAGGED = {
    Flag.Reason.SPAM: RejectReason.SPAM,
    Flag.Reason.ABUSE: RejectReason.PERSONAL_ATTACK,
    Flag.Reason.IMPERSONATION: RejectReason.IMPERSONATION,
    Flag.Reason.OFF_TOPIC: RejectReason.OFF_TOPIC,
}


def suggested(codes, flag_reasons=()):
    """The reason to offer for a comment held for `codes` or reported for `flag_reasons`."""
    for code, reason in SUGGESTED.items():
        if code in codes:
            return reason
    for flagged in flag_reasons:
        if flagged in FLAGGED:
            return FLAGGED[flagged]
    return ""


def reason_text(*, choice: str, note: str, required: bool) -> str:
    """The words the writer will read: the chosen line, then the moderator's note."""
    if choice and choice not in RejectReason.values:
        raise ValidationError("Choose a reason from the list.", code="invalid_reason")
    text = " ".join(part for part in (RejectReason(choice).label if choice else "", note) if part)
    if required and not text:
        raise ValidationError("Choose a reason for the writer, or write one.", code="no_reason")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            f"The reason is {len(text):,} characters with the chosen line: keep it to "
            f"{MAX_LENGTH}.",
            code="too_long",
        )
    return text
