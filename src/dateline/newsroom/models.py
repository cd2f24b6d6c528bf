"""Page types an editor manages: home, sections, topic hubs, articles, blogs and blog posts."""

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageLogEntry
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from dateline.core.attributes import action_field, attribute_field_names, threshold_field
from dateline.core.published import derived

from .blocks import RelatedStoryBlock, StoryBodyBlock, VideoBlock


@register_snippet
class Author(index.Indexed, models.Model):
    """A person credited in bylines; each has a public page listing their stories."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    role = models.CharField(max_length=100, blank=True, help_text="e.g. Paris correspondent")
    outlet = models.CharField(
        max_length=100, blank=True, help_text='Shown as "From <name>, <outlet>"'
    )
    bio = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("outlet"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("newsroom:author", kwargs={"slug": self.slug})


def parse_time_zones(text):
    """Lines of "LABEL|Area/City" -> [(label, ZoneInfo)]; raises ValidationError on a bad line."""
    zones = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        label, _, name = line.partition("|")
        try:
            zones.append((label.strip(), ZoneInfo(name.strip())))
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValidationError(f"Line {number}: {name.strip()!r} is not a time zone") from error
    return zones


def validate_time_zones(text):
    if not parse_time_zones(text):
        raise ValidationError("Give at least one time zone.")


@register_setting(icon="date")
class EditionSettings(BaseSiteSetting):
    """How an edition shows times, and when comment threads close on their own."""

    time_zones = models.TextField(
        default="GMT|UTC\nHKT|Asia/Hong_Kong",
        validators=[validate_time_zones],
        help_text='One per line: LABEL|Area/City. The first is the main one, e.g. "GMT|UTC".',
    )
    close_comments_after_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Close comments this many days after publication."
    )

    @cached_property
    def zones(self):
        """Parsed once per request: every time on a page is written in each zone."""
        return parse_time_zones(self.time_zones)


class HomePage(Page):
    intro = models.CharField(max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["newsroom.SectionPage", "newsroom.TopicPage", "newsroom.BlogIndexPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            ArticlePage.objects.live().filter(locale=self.locale).order_by("-first_published_at")
        )
        context["top_stories"] = stories.select_related("lead_image")[:5]
        context["sections"] = [
            (section, stories.descendant_of(section)[:4])
            for section in SectionPage.objects.live().child_of(self)
        ]
        context["blogs"] = BlogIndexPage.objects.live().child_of(self)
        context["topics"] = TopicPage.objects.live().child_of(self)
        return context


class CommentPolicy(models.TextChoices):
    POST_MODERATION = "post", "Publish what screening passes; moderators review after"
    PREMODERATE_ALL = "premoderate", "Hold every comment for a moderator"
    PREMODERATE_LINKS = "premoderate_links", "Hold comments with links for a moderator"
    CLOSED = "closed", "No comments"


class DeskPage(Page):
    """A page that holds stories (a section or a blog) and sets how their comments run."""

    intro = models.CharField(max_length=250, blank=True)
    close_comments_after_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Overrides the edition's setting for these stories."
    )
    comment_policy = models.CharField(
        max_length=20, choices=CommentPolicy.choices, default=CommentPolicy.POST_MODERATION
    )
    # Each screening attribute's rule for these stories; blank fields take the site's.
    toxicity_threshold = threshold_field("toxicity")
    toxicity_action = action_field()
    insult_threshold = threshold_field("insult")
    insult_action = action_field()
    identity_attack_threshold = threshold_field("identity_attack")
    identity_attack_action = action_field()
    threat_threshold = threshold_field("threat")
    threat_action = action_field()
    profanity_threshold = threshold_field("profanity")
    profanity_action = action_field()
    spam_threshold = threshold_field("spam")
    spam_action = action_field()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("comment_policy"), FieldPanel("close_comments_after_days")],
            heading="Comments",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in attribute_field_names()],
            heading="Screening (blank: the site's settings)",
        ),
    ]

    class Meta:
        abstract = True


class SectionPage(DeskPage):
    """A desk such as World or Africa; its stories are its children."""

    subpage_types = ["newsroom.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            ArticlePage.objects.live().child_of(self).order_by("-first_published_at")
        )
        return context


class TopicPage(Page):
    """A "complete coverage" hub: every story tagged with the topic, newest first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []

    @cached_property
    def stories(self):
        return (
            ArticlePage.objects.live()
            .filter(topics__in=self.get_translations(inclusive=True), locale=self.locale)
            .order_by("-first_published_at")
            .select_related("lead_image")
        )


TEASER_WORDS = 30


def lead_image_panel():
    return MultiFieldPanel(
        [
            FieldPanel("lead_image"),
            FieldPanel("lead_image_caption"),
            FieldPanel("lead_image_credit"),
        ],
        heading="Lead image",
    )


class StoryPage(Page):
    """What articles and blog posts share: bylines, body, credits, comments."""

    bylines = ParentalManyToManyField(Author, blank=True, related_name="+")
    body = StreamField(StoryBodyBlock(), blank=True)
    contributors = models.CharField(
        max_length=250,
        blank=True,
        help_text='e.g. "Ana Ruiz and Omar Diallo contributed to this report."',
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=250, blank=True, verbose_name="caption")
    lead_image_credit = models.CharField(
        max_length=100, blank=True, verbose_name="credit", help_text="Who took the picture."
    )
    comments_enabled = models.BooleanField(default=True)

    search_fields = Page.search_fields + [index.SearchField("body")]
    settings_panels = Page.settings_panels + [FieldPanel("comments_enabled")]

    class Meta:
        abstract = True

    @property
    def updated_at(self):
        """The last publication time, when it came after the first one."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > timedelta(minutes=1):
            return last
        return None

    @cached_property
    def desk(self):
        """The section or blog this story belongs to (None for a story elsewhere).

        Looked for among the desks this kind of story may be filed under, in one query
        (the parent, then its specific page, would take two): every comment posted asks.
        """
        parent_path = self.path[: -self.steplen]
        for model in self.allowed_parent_page_models():
            if issubclass(model, DeskPage):
                found = model.objects.filter(path=parent_path).first()
                if found is not None:
                    return found
        return None

    @cached_property
    def site(self):
        """The site the story is published on, looked up once per instance (closing
        comments and screening's policy both read its settings)."""
        return self.get_site()

    @cached_property
    def comments_open(self):
        if not self.comments_enabled:
            return False
        closed, days = (
            derived(("comment-closing", self.pk), self.comment_closing)
            if self.pk is not None
            else self.comment_closing()
        )
        if closed:
            return False
        if days is None or self.first_published_at is None:
            return True
        return timezone.now() < self.first_published_at + timedelta(days=days)

    def comment_closing(self):
        """(closed by its desk, days after first publication that comments close or
        None): from the desk and the edition's settings, which only change as they are
        published or saved, so `comments_open` keeps them per site version
        (`core.published`); every comment posted asks."""
        if self.desk and self.desk.comment_policy == CommentPolicy.CLOSED:
            return True, None
        return False, self.close_comments_after_days()

    def close_comments_after_days(self):
        if self.desk and self.desk.close_comments_after_days is not None:
            return self.desk.close_comments_after_days
        site = self.site
        return EditionSettings.for_site(site).close_comments_after_days if site else None

    @cached_property
    def teaser(self):
        """The standfirst, else the search description, else the opening of the first paragraph."""
        text = getattr(self, "standfirst", "") or self.search_description
        if text:
            return text
        for block in self.body:
            if block.block_type == "paragraph":
                return Truncator(strip_tags(block.value.source)).words(TEASER_WORDS)
        return ""

    def json_ld(self, request):
        """schema.org metadata for search engines and feed readers."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "headline": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "author": [{"@type": "Person", "name": author.name} for author in self.bylines.all()],
            "publisher": {"@type": "Organization", "name": self.site.site_name or "dateline"},
        }
        if self.teaser:
            data["description"] = self.teaser
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
            data["dateModified"] = (self.last_published_at or self.first_published_at).isoformat()
        if self.lead_image:
            data["image"] = [
                request.build_absolute_uri(self.lead_image.get_rendition("width-1200").url)
            ]
        return data


class ArticlePage(StoryPage):
    schema_type = "NewsArticle"
    standfirst = models.CharField(max_length=300, blank=True, help_text="A one-line teaser.")
    source = models.CharField(
        max_length=100, blank=True, help_text='The outlet, as in "From <reporter>, <outlet>"'
    )
    dateline = models.CharField(
        max_length=100, blank=True, help_text="Where the story was filed, e.g. PARIS"
    )
    highlights = models.TextField(
        blank=True,
        help_text='Story highlights, one per line (3 to 5). Lines added after first publication are marked "NEW:".',
    )
    # A video plays (or links to its host); a story is a page that carries one.
    related_videos = StreamField(
        [("video", VideoBlock()), ("story", RelatedStoryBlock())], blank=True
    )
    topics = ParentalManyToManyField(TopicPage, blank=True, related_name="+")

    search_fields = StoryPage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("highlights"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("bylines"), FieldPanel("source"), FieldPanel("dateline")], heading="Byline"
        ),
        FieldPanel("highlights"),
        lead_image_panel(),
        FieldPanel("body"),
        FieldPanel("related_videos"),
        FieldPanel("contributors"),
        FieldPanel("topics"),
    ]
    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        count = len(self.highlight_lines(self.highlights))
        if count and not 3 <= count <= 5:
            raise ValidationError({"highlights": f"Give 3 to 5 highlights (there are {count})."})

    @staticmethod
    def highlight_lines(text):
        return [line.strip().lstrip("•-* ").strip() for line in text.splitlines() if line.strip()]

    def first_published_highlights(self):
        """The highlights as they stood in the first published revision."""
        entry = (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish", revision__isnull=False)
            .order_by("timestamp", "id")
            .select_related("revision")
            .first()
        )
        if entry is None:
            return None
        return set(self.highlight_lines(entry.revision.content.get("highlights", "")))

    @cached_property
    def highlight_items(self):
        """[(text, is_new)]: a highlight is new when the first published version lacked it."""
        original = self.first_published_highlights()
        return [
            (line, original is not None and line not in original)
            for line in self.highlight_lines(self.highlights)
        ]

    @cached_property
    def topic_hubs(self):
        return [topic for topic in self.topics.all() if topic.live]


class BlogIndexPage(DeskPage):
    """A named blog; its posts are its children."""

    subpage_types = ["newsroom.BlogPostPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            BlogPostPage.objects.live().child_of(self).order_by("-first_published_at")
        )
        return context


class BlogPostPage(StoryPage):
    schema_type = "BlogPosting"
    content_panels = Page.content_panels + [
        FieldPanel("bylines"),
        lead_image_panel(),
        FieldPanel("body"),
        FieldPanel("contributors"),
    ]
    parent_page_types = ["newsroom.BlogIndexPage"]
    subpage_types = []
