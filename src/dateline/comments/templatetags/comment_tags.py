"""`{% comment_section page %}`: the comment section under an article or blog post."""

from django import template

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    return {"page": page, "request": context.get("request")}
