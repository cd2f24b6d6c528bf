"""The screening rules. Each takes a Submission, the Policy and the State and yields Reasons.

A rule that finds nothing yields nothing. Rules are independent: the pipeline runs
them all, so a moderator sees every reason a comment was held, not only the first.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from dateline.core import links
from dateline.core.attributes import CommentPolicy
from dateline.core.inputs import COMMENT_MAX_LENGTH as MAX_LENGTH

from . import text
from .verdict import Code, Decision, Reason

KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
# Every run of four neighbouring keys, either way along a row ("asdf", "fdsa").
KEY_RUNS = frozenset(
    line[i : i + 4]
    for row in KEYBOARD_ROWS
    for line in (row, row[::-1])
    for i in range(len(row) - 3)
)
MIN_WORDS_FOR_CAMPAIGN = 5


@dataclass
class History:
    """What the site knows of a commenter before this comment."""

    approved: int = 0  # comments published
    rejected: int = 0  # comments rejected or removed
    account_age_days: float | None = None
    trusted: bool = False  # staff and verified people skip the trust rules


@dataclass
class Submission:
    body: str
    author: str  # a stable key: the user id, or the name given to `dateline screen`
    created: datetime
    ip: str | None = None
    page: str = ""  # a stable key for the story
    article_text: str = ""
    history: History | None = None  # None: unknown (`dateline screen`); trust rules skip
    is_edit: bool = False
    links: list = field(init=False)

    def __post_init__(self):
        written, _ = links.find_links(self.body)
        self.links = written + links.spelt_links(self.body)


def empty_or_too_long(sub, policy, state):
    if not sub.body.strip():
        yield Reason(Code.EMPTY, "The comment is empty.", Decision.REJECT)
    elif len(sub.body) > MAX_LENGTH:
        yield Reason(
            Code.TOO_LONG, f"The comment is longer than {MAX_LENGTH:,} characters.", Decision.REJECT
        )


def looks_mashed(word):
    """Keyboard mash: a run of four keys in a row, no vowels, or five consonants running."""
    if any(word[i : i + 4] in KEY_RUNS for i in range(len(word) - 3)):
        return True
    if not re.search(r"[aeiouy]", word):
        return True
    return bool(re.search(r"[^aeiouy\W\d]{5,}", word))


def gibberish(sub, policy, state):
    """Reject text that is only keyboard mash ("asdfgh jkljkl"). Latin script only."""
    words = [w for w in re.findall(r"[a-z]+", sub.body.lower()) if len(w) >= 4]
    other_letters = re.search(r"[^\W\da-z_]", sub.body.lower())
    if not words or other_letters:
        return
    mashed = [word for word in words if looks_mashed(word)]
    if len(mashed) / len(words) >= 0.6 and len(re.findall(r"[a-z]+", sub.body.lower())) < 40:
        yield Reason(
            Code.GIBBERISH,
            "The comment looks like random typing, not words.",
            Decision.REJECT,
            {"words": mashed[:5]},
        )


def linked(sub, policy, state):
    hosts = [links.host_of(link) for link in sub.links]
    denied = sorted({host for host in hosts if links.domain_matches(host, policy.denied_domains)})
    if denied:
        yield Reason(
            Code.DENIED_DOMAIN,
            f"Links to {', '.join(denied)} are not allowed here.",
            Decision.REJECT,
            {"words": denied},
        )
    counted = [host for host in hosts if not links.domain_matches(host, policy.allowed_domains)]
    if len(counted) > policy.link_limit:
        yield Reason(
            Code.LINKS,
            f"{len(counted)} links (more than {policy.link_limit}).",
            Decision.HOLD,
            {"words": sub.links[:5], "count": len(counted)},
        )
    shortened = sorted({host for host in hosts if links.domain_matches(host, links.SHORTENERS)})
    if shortened:
        yield Reason(
            Code.SHORTENED_LINK,
            "Shortened links hide where they go.",
            Decision.HOLD,
            {"words": shortened},
        )
    if counted and policy.moderation == CommentPolicy.PREMODERATE_LINKS:
        yield Reason(
            Code.PREMODERATE_LINKS,
            "On this section, comments with links wait for a moderator.",
            Decision.HOLD,
        )


def word_lists(sub, policy, state):
    banned = text.find_words(sub.body, policy.banned_words)
    if banned:
        yield Reason(
            Code.BANNED_WORD,
            "The comment uses a slur or a word this site does not allow.",
            Decision.REJECT,
            {"words": banned},
        )
    suspect = text.find_words(sub.body, policy.suspect_words)
    if suspect:
        yield Reason(
            Code.SUSPECT_WORD,
            f"Words a moderator should read in context: {', '.join(suspect)}.",
            Decision.HOLD,
            {"words": suspect},
        )


def rate_limit(sub, policy, state):
    """One comment per few seconds per person and per address, with a small burst."""
    if sub.is_edit:
        return
    for key in (f"author:{sub.author}", f"ip:{sub.ip}" if sub.ip else None):
        if key is None:
            continue
        wait = state.take_token(
            key, sub.created, every=policy.rate_seconds, burst=policy.rate_burst
        )
        if wait:
            yield Reason(
                Code.RATE_LIMIT,
                f"You are posting faster than one comment every {policy.rate_seconds:g} s: "
                f"try again in {max(1, math.ceil(wait))} s.",
                Decision.REJECT,
                {"wait_seconds": round(wait, 1)},
            )
            return


def repeated(sub, policy, state):
    """The same text again from the same person: refused (they posted it already)."""
    if sub.is_edit or len(text.fold(sub.body).split()) < 2:
        return
    is_near = text.near_to(text.fingerprint(sub.body))
    mine = state.recent(f"author:{sub.author}", sub.created, policy.duplicate_window_seconds)
    if any(is_near(old) for old in mine):
        yield Reason(Code.DUPLICATE, "You have already posted this comment.", Decision.REJECT)


def copied(sub, policy, state):
    """The same text from several accounts in the last hour: held (a campaign, or a copy)."""
    if len(text.fold(sub.body).split()) < MIN_WORDS_FOR_CAMPAIGN:
        return
    is_near = text.near_to(text.fingerprint(sub.body))
    everyone = state.recent("everyone", sub.created, policy.duplicate_window_seconds)
    others = {author for old, author in everyone if author != sub.author and is_near(old)}
    if others:
        yield Reason(
            Code.COPIED_TEXT,
            f"The same text was posted from {len(others)} other account"
            f"{'s' if len(others) > 1 else ''} in the last hour.",
            Decision.HOLD,
            {"accounts": len(others)},
        )


def remember(sub, policy, state):
    """Keep a comment's fingerprint for the duplicate checks: only once it is accepted
    (published or held), so a comment refused for any reason can be sent again."""
    if len(text.fold(sub.body).split()) < 2:
        return
    fingerprint, window = text.fingerprint(sub.body), policy.duplicate_window_seconds
    state.remember(f"author:{sub.author}", sub.created, fingerprint, window=window)
    state.remember("everyone", sub.created, (fingerprint, sub.author), window=window)


def trust(sub, policy, state):
    """New commenters wait for a moderator until some of their comments were approved;
    commenters with many rejections go back to waiting."""
    history = sub.history
    if history is None or history.trusted:
        return
    if history.approved < policy.premoderate_until_approved:
        yield Reason(
            Code.NEW_COMMENTER,
            f"A new commenter's first {policy.premoderate_until_approved} comments are "
            "read by a moderator.",
            Decision.HOLD,
        )
    judged = history.approved + history.rejected
    if judged >= 4 and history.rejected / judged > 0.3:
        yield Reason(
            Code.LOW_TRUST,
            f"{history.rejected} of this commenter's {judged} comments were rejected.",
            Decision.HOLD,
            {"rejected": history.rejected, "judged": judged},
        )


def section_policy(sub, policy, state):
    if policy.moderation == CommentPolicy.PREMODERATE_ALL:
        yield Reason(
            Code.PREMODERATE,
            "On this section, every comment is read by a moderator first.",
            Decision.HOLD,
        )


# How the writer is posting: run first, and a comment they refuse is judged no further.
PACING_RULES = [rate_limit, repeated]
RULES = [empty_or_too_long, gibberish, linked, word_lists, copied, trust, section_policy]
