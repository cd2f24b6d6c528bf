"""RSS and Atom feeds: the latest stories site-wide, per section and per topic."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Locale

from .models import ArticlePage, BlogPostPage, SectionPage, TopicPage

FEED_LENGTH = 30


class LatestStoriesFeed(Feed):
    title = "dateline: latest stories"
    link = "/"
    description = "The newest stories and blog posts."

    def items(self):
        articles = list(ArticlePage.objects.live().order_by("-first_published_at")[:FEED_LENGTH])
        posts = list(BlogPostPage.objects.live().order_by("-first_published_at")[:FEED_LENGTH])
        stories = sorted(articles + posts, key=lambda story: story.first_published_at, reverse=True)
        return stories[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.bylines.all()) or None


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(SectionPage.objects.live(), slug=slug, locale=Locale.get_active())

    def title(self, section):
        return f"dateline: {section.title}"

    def link(self, section):
        return section.url

    def description(self, section):
        return section.intro or f"The newest stories in {section.title}."

    def items(self, section):
        return (
            ArticlePage.objects.live()
            .child_of(section)
            .order_by("-first_published_at")[:FEED_LENGTH]
        )


class TopicFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(TopicPage.objects.live(), slug=slug, locale=Locale.get_active())

    def title(self, topic):
        return f"dateline: complete coverage on {topic.title}"

    def link(self, topic):
        return topic.url

    def description(self, topic):
        return f"Every story on {topic.title}, newest first."

    def items(self, topic):
        return topic.stories[:FEED_LENGTH]


def atom(feed_class):
    """The same feed in Atom."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
