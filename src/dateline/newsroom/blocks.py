"""StreamField blocks for story bodies: what an editor can place between paragraphs."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class RelatedStoryBlock(blocks.StructBlock):
    """An inline "READ: …" link to another story, chosen from the page tree."""

    page = blocks.PageChooserBlock(page_type=["newsroom.ArticlePage", "newsroom.BlogPostPage"])
    label = blocks.CharBlock(required=False, help_text="Defaults to the story's title.")

    class Meta:
        icon = "link"
        template = "newsroom/blocks/related_story.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "newsroom/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text='Shown as "Photos: <title>".')
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=1)

    class Meta:
        icon = "image"
        template = "newsroom/blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    """A video hosted by the newsroom: a file URL and an optional poster image."""

    title = blocks.CharBlock()
    url = blocks.URLBlock(help_text="A video file (MP4 or WebM) or a page that plays it.")
    poster = ImageChooserBlock(required=False)
    duration = blocks.CharBlock(required=False, help_text="e.g. 2:41")

    class Meta:
        icon = "media"
        template = "newsroom/blocks/video.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class PullOutBlock(blocks.StructBlock):
    """A short fact box set apart from the text."""

    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "pick"
        template = "newsroom/blocks/pullout.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "h2", "h3", "ul", "ol"])
    related_story = RelatedStoryBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    pullout = PullOutBlock()
