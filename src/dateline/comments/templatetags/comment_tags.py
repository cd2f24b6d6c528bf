"""`{% comment_section page %}`: the comment section under an article or blog post."""

from django import template
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from dateline.core.inputs import whole_number

from .. import actions
from ..permissions import grant
from ..rendering import heading, live_messages, shared_context
from ..threads import SORT_LABELS, thread_page

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    query = request.GET if request is not None else {}
    featured = query.get("tab") == "featured"
    try:  # the API's rule for page numbers; a reader who typed a bad one gets the first page
        number = whole_number(query.get("page", "1"), name="page")
    except ValidationError:
        number = 1
    threads = thread_page(
        page, sort=query.get("sort", "oldest"), number=number, viewer=viewer, featured=featured
    )
    grant(threads.nodes, viewer=viewer, page=page)
    csrf_token = context.get("csrf_token")
    if viewer is not None and viewer.is_authenticated:
        # Every comment has forms: read the token once, not lazily in each of them.
        csrf_token = str(csrf_token)
    return {
        **shared_context(page, request=request, csrf_token=csrf_token, threads=threads),
        "heading": heading(threads.responses),
        "featured": featured,
        "sorts": SORT_LABELS.items(),
        "live_messages": live_messages(),
    }


@register.filter
def rejection_reason(comment):
    """Why a comment was turned down, in words for its writer."""
    return actions.rejection_reason(comment)


@register.filter
def named(pattern, name):
    """A pattern of `comment_words` ("Reply to %(name)s") with `name`, escaped, in it."""
    return mark_safe(pattern % {"name": conditional_escape(name)})


@register.filter
def label(node, words):
    """A comment's accessible name: "Comment 3 by Amina Coulibaly"."""
    comment = node.comment
    if comment.is_tombstone:
        name = words["removed_author"]
    else:
        name = comment.author.display_name if comment.author else words["deleted_account"]
    pattern = words["comment_number_by"] if node.number else words["comment_by"]
    return mark_safe(pattern % {"number": node.number, "name": conditional_escape(name)})
