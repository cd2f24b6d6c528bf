"""Newsroom views outside the page tree: search, author pages, the news sitemap."""

import re
from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import ArticlePage, Author, BlogPostPage

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
NEWS_SITEMAP_WINDOW = timedelta(days=2)


def search(request, language=None):
    """Full-text search over one edition's live stories; any query string gives a page,
    never an error.

    `language` is the edition's prefix (/ar/search/), already the active language, or
    None at /search/ for the default edition.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    query = "".join(ch for ch in query if ch.isprintable())
    # Words only: quotes and operators would reach the full-text engine's own syntax.
    terms = " ".join(re.sub(r"[^\w]+", " ", query).split())
    results = Page.objects.none()
    if terms:
        results = (
            Page.objects.live()
            .filter(locale=Locale.get_active())
            .type(ArticlePage, BlogPostPage)
            .specific()
            .search(terms, operator="and")
        )
    page_of_results = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "newsroom/search.html",
        {"search_query": query, "results": page_of_results},
    )


def author(request, slug):
    person = get_object_or_404(Author, slug=slug)
    articles = list(ArticlePage.objects.live().filter(bylines=person))
    posts = list(BlogPostPage.objects.live().filter(bylines=person))
    stories = sorted(articles + posts, key=lambda story: story.first_published_at, reverse=True)
    return render(request, "newsroom/author.html", {"author": person, "stories": stories})


def news_sitemap(request):
    """A news sitemap: stories first published in the last two days."""
    since = timezone.now() - NEWS_SITEMAP_WINDOW
    stories = (
        ArticlePage.objects.live()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at")[:1000]
    )
    return render(
        request,
        "newsroom/sitemap_news.xml",
        {"stories": stories, "base": request.build_absolute_uri("/")[:-1]},
        content_type="application/xml",
    )
