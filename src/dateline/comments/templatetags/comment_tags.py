"""`{% comment_section page %}`: the comment section under an article or blog post."""

from django import template
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from dateline.core.inputs import whole_number

from ..rendering import comment_words, heading, live_messages, shared_context, thread_view
from ..rendering import threads_html as draw_threads
from ..threads import SORT_LABELS

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
    view = thread_view(
        page,
        request=request,
        viewer=viewer,
        sort=query.get("sort", "oldest"),
        number=number,
        featured=featured,
    )
    csrf_token = context.get("csrf_token")
    if viewer is not None and viewer.is_authenticated:
        # Every comment has forms: read the token once, not lazily in each of them.
        csrf_token = str(csrf_token)
    words = comment_words()
    return {
        **shared_context(page, request=request, csrf_token=csrf_token, threads=view),
        "words": words,
        "threads_html": mark_safe(  # drawn from escaped text (comments.rendering)
            draw_threads(view, page, viewer=viewer, csrf_token=csrf_token, words=words)
        ),
        "heading": heading(view.responses),
        "featured": featured,
        "sorts": SORT_LABELS.items(),
        "live_messages": live_messages(),
    }
