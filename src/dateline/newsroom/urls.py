from django.conf import settings
from django.urls import path, re_path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views
from .sitemaps import AllEditionsSitemap

app_name = "newsroom"
# The other editions' prefixes (ar): each searches its own stories under its prefix,
# where LocaleMiddleware speaks its language (/ar/search/).
EDITIONS = "|".join(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)

urlpatterns = [
    path("search/", views.search, name="search"),
    re_path(rf"^(?P<language>{EDITIONS})/search/$", views.search, name="search"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("feeds/latest/", feeds.LatestStoriesFeed(), name="feed"),
    path("feeds/latest/atom/", feeds.atom(feeds.LatestStoriesFeed)(), name="feed-atom"),
    path("feeds/section/<slug:slug>/", feeds.SectionFeed(), name="section-feed"),
    path(
        "feeds/section/<slug:slug>/atom/", feeds.atom(feeds.SectionFeed)(), name="section-feed-atom"
    ),
    path("feeds/topic/<slug:slug>/", feeds.TopicFeed(), name="topic-feed"),
    path("feeds/topic/<slug:slug>/atom/", feeds.atom(feeds.TopicFeed)(), name="topic-feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllEditionsSitemap}}, name="sitemap"),
    path("sitemap-news.xml", views.news_sitemap, name="news-sitemap"),
]
