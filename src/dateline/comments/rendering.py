"""What every rendered comment needs, worked out once per page rather than per comment.

A page of threads shows up to a few hundred comments, each with its own forms; URL
prefixes, the report reasons and the live-update wording are computed here once so the
comment template does no URL reversing or translating of lists of its own.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from dateline.core.inputs import COMMENT_MAX_LENGTH

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
