"""Newsroom template helpers: edition times, the section menu and links between language editions."""

from django import template
from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from ..models import EditionSettings, HomePage, SectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def section_links(context):
    """The live sections under the home page of the current page's language."""
    page = context.get("page")
    locale = page.locale if isinstance(page, Page) else Locale.get_default()
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        return []
    return [{"title": s.title, "url": s.url} for s in SectionPage.objects.live().child_of(home)]


# How each edition names the languages it links to.
EDITION_LINK_TEXT = {
    "en": "Read a version of this story in {name}",
    "ar": "اقرأ نسخة من هذه القصة {name}",
}
LANGUAGE_NAMES_IN_ARABIC = {"en": "بالإنجليزية", "ar": "بالعربية"}


@register.simple_tag
def other_editions(page):
    """[(translated page, link text)] for every live translation of `page`."""
    own = page.locale.language_code
    editions = []
    for translation in page.get_translations().live().select_related("locale"):
        code = translation.locale.language_code
        if own == "ar":
            name = LANGUAGE_NAMES_IN_ARABIC.get(code, get_language_info(code)["name_local"])
        else:
            name = get_language_info(code)["name"]
        editions.append(
            (translation, EDITION_LINK_TEXT.get(own, EDITION_LINK_TEXT["en"]).format(name=name))
        )
    return editions


@register.simple_tag(takes_context=True)
def edition_time(context, moment, prefix=""):
    """A time in every zone of the edition: "January 29, 2013 -- 2238 GMT (0638 HKT)".

    The month is named in the reader's language.
    """
    if moment is None:
        return ""
    request = context.get("request")
    zones = EditionSettings.for_request(request).zones if request else []
    if not zones:
        zones = [("UTC", moment.tzinfo)]
    (main_label, main_zone), *others = zones
    local = moment.astimezone(main_zone)
    extra = format_html_join(
        " ",
        "({} {})",
        ((moment.astimezone(zone).strftime("%H%M"), label) for label, zone in others),
    )
    return format_html(
        '{}<time datetime="{}">{} {} -- {} {}</time> {}',
        prefix,
        moment.isoformat(),
        MONTHS[local.month],
        f"{local.day}, {local.year}",
        local.strftime("%H%M"),
        main_label,
        extra,
    )
