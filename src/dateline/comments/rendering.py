"""What every rendered comment needs, worked out once per page rather than per comment.

A page of threads shows up to a few hundred comments, each with its own forms; URL
prefixes and the report reasons are computed here once so the comment template does
no URL reversing of its own.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html_join

from .models import Flag


def permalink_base():
    """ "/comments/": a comment's permalink is this followed by "<id>/"."""
    return reverse("comments:permalink", args=[0])[: -len("0/")]


def shared_context(page, *, viewer, csrf_token, threads=None):
    return {
        "page": page,
        "user": viewer,
        "threads": threads,
        "csrf_token": csrf_token,
        "comments_open": getattr(page, "comments_open", False),
        "comment_base": permalink_base(),
        "post_url": reverse("comments:post", args=[page.pk]),
        "login_url": reverse("accounts:login"),
        "flag_options": format_html_join("", '<option value="{}">{}</option>', Flag.Reason.choices),
        "poll_interval": int(settings.COMMENT_POLL_SECONDS * 1000),
    }
