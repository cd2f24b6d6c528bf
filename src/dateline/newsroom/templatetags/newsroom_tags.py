"""Newsroom template helpers: edition times, the section menu and links between language editions."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info, pgettext
from wagtail.models import Locale, Page

from dateline.core.templatetags.dateline_tags import ld_json

from ..models import EditionSettings, HomePage, SectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def section_links(context):
    """The live sections under the home page of the current page's language.

    Outside the page tree (log in, search) the active language's: a form reached from the
    Arabic edition lists the Arabic sections.
    """
    page = context.get("page")
    locale = page.locale if isinstance(page, Page) else Locale.get_active()
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        return []
    return [{"title": s.title, "url": s.url} for s in SectionPage.objects.live().child_of(home)]


@register.simple_tag(takes_context=True)
def story_json_ld(context, page):
    """The story's schema.org metadata as a <script> element (drawn inside the story's
    kept head, so once per publication)."""
    return ld_json(page.json_ld(context["request"]))


@register.simple_tag
def search_url():
    """The search of the edition being read: /search/, or /ar/search/ in Arabic."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return reverse("newsroom:search")
    return reverse("newsroom:search", kwargs={"language": language})


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

    The date is written the way the reader's language writes it ("29 يناير 2013").
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
        '{}<time datetime="{}">{} -- {} {}</time> {}',
        prefix,
        moment.isoformat(),
        format_date(local, pgettext("date of a story", "F j, Y")),
        local.strftime("%H%M"),
        main_label,
        extra,
    )
