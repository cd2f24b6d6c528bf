"""`{% once_token %}`: the hidden one-time token of a form that writes (core.idempotency)."""

import secrets

from django import template
from django.utils.html import format_html

from dateline.core.idempotency import FORM_FIELD

register = template.Library()


@register.simple_tag
def once_token():
    """A fresh random token per rendered form: the same form sent twice is stored once."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FORM_FIELD, secrets.token_urlsafe(16)
    )
