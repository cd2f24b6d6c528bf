"""StreamField blocks for story bodies: what an editor can place between paragraphs."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
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
    """A video: a file from the documents library plays on the page; a video kept on another
    host is linked, not embedded, so that reading a story calls no one else's server."""

    title = blocks.CharBlock()
    file = DocumentChooserBlock(
        required=False, help_text="A video file (WebM or MP4) from the documents library."
    )
    embed_url = blocks.URLBlock(
        required=False,
        label="Embed URL",
        help_text="Or the video's address on a video host (https://…).",
    )
    poster = ImageChooserBlock(required=False, help_text="The still shown before it plays.")
    duration = blocks.CharBlock(
        required=False,
        max_length=8,
        validators=[
            RegexValidator(r"^\d{1,2}(:[0-5]\d){1,2}$", "Give the length as 2:41 or 1:02:41.")
        ],
        help_text="e.g. 2:41",
    )

    class Meta:
        icon = "media"
        template = "newsroom/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("file")) == bool(value.get("embed_url")):
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError("Give a video file or an embed URL: one of the two.")
                }
            )
        return value


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
