"""What every rendered comment needs, worked out once per page rather than per comment.

A page of threads shows up to a few hundred comments, each with its own forms; URL
prefixes, the report reasons and the live-update wording are computed here once so the
comment template does no URL reversing or translating of lists of its own.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import escape, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from dateline.core.inputs import COMMENT_MAX_LENGTH
from dateline.screening.selectors import surge_on

from .models import Flag

# The words a reader picks from when reporting a comment, in the page's language.
FLAG_LABELS = {
    Flag.Reason.SPAM: _("Spam"),
    Flag.Reason.ABUSE: _("Abuse"),
    Flag.Reason.IMPERSONATION: _("Impersonation"),
    Flag.Reason.OFF_TOPIC: _("Off-topic"),
    Flag.Reason.OTHER: _("Other"),
}
# A number of each plural category the page's script may meet (Intl.PluralRules): the
# catalogue's plural forms give each one its sentence.
PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def comment_words():
    """The fixed words around every comment, translated and escaped once per page, not once
    per comment."""
    words = {
        "comment_by": gettext("Comment by %(name)s"),
        "comment_number_by": gettext("Comment %(number)s by %(name)s"),
        "removed_author": gettext("a removed author"),
        "deleted_account": gettext("a deleted account"),
        "replying_to": gettext("replying to %(name)s"),
        "reply_to": gettext("Reply to %(name)s"),
        "edited": gettext("(edited)"),
        "featured": gettext("Featured"),
        "deleted": gettext("Comment deleted by its author."),
        "removed": gettext("Comment removed by a moderator."),
        "held": gettext("Held for review: only you can see this until a moderator approves it."),
        "respect": gettext("Respect"),
        "respected": gettext("Respected"),
        "reply": gettext("Reply"),
        "post_reply": gettext("Post reply"),
        "log_in_to_reply": gettext("Log in to reply"),
        "report": gettext("Report"),
        "why": gettext("Why?"),
        "note": gettext("Note (optional)"),
        "feature": gettext("Feature"),
        "unfeature": gettext("Unfeature"),
        "edit": gettext("Edit"),
        "edit_yours": gettext("Edit your comment"),
        "save": gettext("Save"),
        "delete": gettext("Delete"),
        "follow": gettext("Follow replies"),
        "following": gettext("Following replies"),
    }
    return {name: escape(text) for name, text in words.items()}


def permalink_base():
    """ "/comments/": a comment's permalink is this followed by "<id>/"."""
    return reverse("comments:permalink", args=[0])[: -len("0/")]


def shared_context(page, *, request, csrf_token, threads=None):
    """What every comment on `page` reads; `csrf_token` stays lazy for pages that show no form."""
    return {
        "page": page,
        "request": request,
        "user": getattr(request, "user", None),
        "threads": threads,
        "csrf_token": csrf_token,
        "comments_open": getattr(page, "comments_open", False),
        "comment_base": permalink_base(),
        "post_url": reverse("comments:post", args=[page.pk]),
        "login_url": reverse("accounts:login"),
        "flag_options": format_html_join("", '<option value="{}">{}</option>', FLAG_LABELS.items()),
        "poll_interval": int(settings.COMMENT_POLL_SECONDS * 1000),
        "max_length": COMMENT_MAX_LENGTH,
        "too_long": too_long_message(),
        "words": comment_words(),
        "surge": surge_on(page.pk),
    }


def heading(responses):
    """The section's heading: "7 Responses"."""
    return ngettext("%(count)s Response", "%(count)s Responses", responses) % {
        "count": number_format(responses, force_grouping=True)
    }


def too_long_message():
    """What the box says past the longest comment (the server's own refusal says more)."""
    return gettext("A comment has at most %(limit)s characters.") % {
        "limit": number_format(COMMENT_MAX_LENGTH, force_grouping=True)
    }


def plural_forms(sentence):
    """`sentence(number)` in every plural form of the page's language, "{n}" for the number."""
    return {
        category: sentence(number) % {"count": "{n}"} for category, number in PLURAL_SAMPLES.items()
    }


def live_messages():
    """What the live-update script says, in the page's language."""
    return {
        "added": plural_forms(
            lambda n: ngettext("%(count)s new comment added.", "%(count)s new comments added.", n)
        ),
        "waiting": plural_forms(
            lambda n: ngettext("%(count)s new comment", "%(count)s new comments", n)
        ),
        "show": gettext("Show"),
    }
