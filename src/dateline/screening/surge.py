"""Surge control: a story whose comments spike goes to pre-moderation until it calms down.

Two signals, over the story's recent comments: the rate (comments in the last minute)
and the share held for what they said (not for the surge itself). A surge starts when
either passes its setting and ends when both are back under half of it; with no
comments at all it lapses after QUIET_SECONDS.
"""

from dataclasses import dataclass

WINDOW_SECONDS = 600
QUIET_SECONDS = 900
MIN_SAMPLE = 10


@dataclass(frozen=True)
class Change:
    started: bool  # True: the surge began; False: it ended
    reason: str


def is_on(state, page):
    return bool(state.store.get(f"screen:surge:{page}"))


def observe(state, page, now, *, held, policy):
    """Count one comment on `page`; returns a Change when the story switches mode."""
    recent = state.remember(f"surge:{page}", now, (now.timestamp(), held), window=WINDOW_SECONDS)
    per_minute = sum(1 for stamp, _ in recent if stamp > now.timestamp() - 60)
    share = sum(1 for _, was_held in recent if was_held) / len(recent)
    sampled = len(recent) >= MIN_SAMPLE
    key = f"screen:surge:{page}"
    if not is_on(state, page):
        if per_minute > policy.surge_comments_per_minute:
            reason = f"{per_minute} comments in the last minute"
        elif sampled and share > policy.surge_held_share:
            reason = f"{share:.0%} of the last {len(recent)} comments were held"
        else:
            return None
        state.store.set(key, True, timeout=QUIET_SECONDS)
        return Change(True, reason)
    calm = per_minute <= policy.surge_comments_per_minute / 2 and (
        not sampled or share <= policy.surge_held_share / 2
    )
    if calm:
        state.store.set(key, False, timeout=QUIET_SECONDS)
        return Change(False, f"calm again: {per_minute} comments in the last minute")
    state.store.set(key, True, timeout=QUIET_SECONDS)  # still busy: keep it on
    return None
