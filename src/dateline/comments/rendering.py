"""A page's comments as HTML: the part everyone sees, drawn once per version of the
thread, and what is the viewer's own, added on each request.

A comment is drawn in Python, not by a template: a page of threads holds a hundred
comments or more, and a template per comment cost most of the page's time. The HTML a
thread shows everyone (the comments as a reader without an account sees them: text,
author, badge, time, marks and the Respect count) is kept in the cache once drawn, under
the story's page-cache versions (`core.pagecache.current_versions`), so whatever makes the
story's cached pages stale (a comment posted, edited, approved, removed, respected, an
author renamed, a story published) makes it stale too. It never holds anything of one
viewer: each comment's actions are a gap in it (`Shown`, the few fields the actions need),
filled on every request from what the viewer may do (`permissions.judge`), what they
respected and which threads they follow (two small queries). A reader with a comment on
the story that only they see (held or rejected) gets their threads drawn for them alone.

Forms stay light: each comment offers Reply and Report as a disclosure holding a link to
the form's own page (`views.permalink` with ?reply= or ?report=); the comment script
puts the page's one reply form and one report form (each a <template> in the section)
where the reader opens them. Without JavaScript every action still works.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import escape, format_html_join
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from dateline.accounts.templatetags.account_tags import author_name
from dateline.core.inputs import COMMENT_MAX_LENGTH
from dateline.core.pagecache import ENTRY_TIMEOUT, current_versions
from dateline.newsroom.templatetags.newsroom_tags import edition_time
from dateline.screening.selectors import surge_on

from . import actions
from .models import Comment, Flag
from .permissions import judge
from .threads import clean_choice, keeps_hidden, live_placement, marks_of, thread_page

# The words a reader picks from when reporting a comment, in the page's language.
FLAG_LABELS = {
    Flag.Reason.SPAM: _("Spam"),
    Flag.Reason.ABUSE: _("Abuse"),
    Flag.Reason.IMPERSONATION: _("Impersonation"),
    Flag.Reason.OFF_TOPIC: _("Off-topic"),
    Flag.Reason.OTHER: _("Other"),
}
# A number of each plural category the page's script may meet (Intl.PluralRules): the
# catalogue's plural forms give each one its sentence.
PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def comment_words():
    """The fixed words around every comment, translated and escaped once per page, not once
    per comment."""
    words = {
        "comment_by": gettext("Comment by %(name)s"),
        "comment_number_by": gettext("Comment %(number)s by %(name)s"),
        "removed_author": gettext("a removed author"),
        "deleted_account": gettext("a deleted account"),
        "replying_to": gettext("replying to %(name)s"),
        "reply_to": gettext("Reply to %(name)s"),
        "edited": gettext("(edited)"),
        "featured": gettext("Featured"),
        "deleted": gettext("Comment deleted by its author."),
        "removed": gettext("Comment removed by a moderator."),
        "held": gettext("Held for review: only you can see this until a moderator approves it."),
        "respect": gettext("Respect"),
        "respected": gettext("Respected"),
        "reply": gettext("Reply"),
        "post_reply": gettext("Post reply"),
        "log_in_to_reply": gettext("Log in to reply"),
        "report": gettext("Report"),
        "why": gettext("Why?"),
        "note": gettext("Note (optional)"),
        "feature": gettext("Feature"),
        "unfeature": gettext("Unfeature"),
        "edit": gettext("Edit"),
        "edit_yours": gettext("Edit your comment"),
        "save": gettext("Save"),
        "delete": gettext("Delete"),
        "follow": gettext("Follow replies"),
        "following": gettext("Following replies"),
    }
    return {name: escape(text) for name, text in words.items()}


def permalink_base():
    """ "/comments/": a comment's permalink is this followed by "<id>/"."""
    return reverse("comments:permalink", args=[0])[: -len("0/")]


def shared_context(page, *, request, csrf_token, threads=None):
    """What every comment on `page` reads; `csrf_token` stays lazy for pages that show no form."""
    return {
        "page": page,
        "request": request,
        "user": getattr(request, "user", None),
        "threads": threads,
        "csrf_token": csrf_token,
        "comments_open": getattr(page, "comments_open", False),
        "comment_base": permalink_base(),
        "post_url": reverse("comments:post", args=[page.pk]),
        "login_url": reverse("accounts:login"),
        "flag_options": format_html_join("", '<option value="{}">{}</option>', FLAG_LABELS.items()),
        "poll_interval": int(settings.COMMENT_POLL_SECONDS * 1000),
        "max_length": COMMENT_MAX_LENGTH,
        "too_long": too_long_message(),
        "words": comment_words(),
        "surge": surge_on(page.pk),
    }


def heading(responses):
    """The section's heading: "7 Responses"."""
    return ngettext("%(count)s Response", "%(count)s Responses", responses) % {
        "count": number_format(responses, force_grouping=True)
    }


def too_long_message():
    """What the box says past the longest comment (the server's own refusal says more)."""
    return gettext("A comment has at most %(limit)s characters.") % {
        "limit": number_format(COMMENT_MAX_LENGTH, force_grouping=True)
    }


def plural_forms(sentence):
    """`sentence(number)` in every plural form of the page's language, "{n}" for the number."""
    return {
        category: sentence(number) % {"count": "{n}"} for category, number in PLURAL_SAMPLES.items()
    }


def live_messages():
    """What the live-update script says, in the page's language."""
    return {
        "added": plural_forms(
            lambda n: ngettext("%(count)s new comment added.", "%(count)s new comments added.", n)
        ),
        "waiting": plural_forms(
            lambda n: ngettext("%(count)s new comment", "%(count)s new comments", n)
        ),
        "show": gettext("Show"),
    }


THREAD_KEY = "comments:thread:{page}:{host}:{language}:{tab}:{sort}:{number}:{versions}"
DELETED, REMOVED = Comment.Status.DELETED, Comment.Status.REMOVED
HELD, REJECTED = Comment.Status.HELD, Comment.Status.REJECTED


def named(pattern, name):
    """A pattern of `comment_words` ("Reply to %(name)s") with `name`, escaped, in it."""
    return pattern % {"name": escape(name)}


def label(node, words):
    """A comment's accessible name: "Comment 3 by Amina Coulibaly"."""
    comment = node.comment
    if comment.is_tombstone:
        name = words["removed_author"]
    else:
        name = escape(comment.author.display_name) if comment.author else words["deleted_account"]
    pattern = words["comment_number_by"] if node.number else words["comment_by"]
    return pattern % {"number": node.number, "name": name}


@dataclass(frozen=True, slots=True)
class Shown:
    """What a comment's actions read of it, kept in a drawn thread where they go.

    Its fields are the ones the actions' own checks read (`permissions.allowed`), so the
    viewer's rights are decided on it as on the Comment it was drawn from.
    """

    pk: int
    author_id: int | None
    author_name: str
    status: str
    depth: int
    created: datetime
    is_visible: bool
    is_tombstone: bool
    is_featured: bool
    reactions: int
    body: str

    @classmethod
    def of(cls, comment):
        return cls(
            pk=comment.pk,
            author_id=comment.author_id,
            author_name=comment.author.display_name if comment.author else "",
            status=str(comment.status),
            depth=comment.depth,
            created=comment.created,
            is_visible=comment.is_visible,
            is_tombstone=comment.is_tombstone,
            is_featured=comment.is_featured,
            reactions=comment.reaction_count,
            body=comment.body,
        )


@dataclass
class ThreadView:
    """A page of threads, drawn: pieces of HTML, with a `Shown` where a comment's actions go."""

    parts: list
    sort: str
    number: int
    has_more: bool
    responses: int
    featured: bool
    cursor: int
    empty: bool
    # Set when the threads were drawn for one viewer (who has comments only they see).
    reacted: set | None = None
    followed: set | None = None

    @property
    def live_placement(self):
        return live_placement(self)

    def shown(self):
        return [part for part in self.parts if part.__class__ is Shown]

    def html(self, actions_of):
        """The HTML, each comment's actions filled in by `actions_of(shown)`."""
        return "".join(part if part.__class__ is str else actions_of(part) for part in self.parts)


def joined(parts):
    """`parts` with each run of strings joined into one."""
    merged, run = [], []
    for part in parts:
        if part.__class__ is str:
            run.append(part)
        else:
            merged.extend(("".join(run), part))
            run = []
    merged.append("".join(run))
    return merged


class Drawing:
    """Draws comments as every reader sees them, for one request: the page's words, the
    permalink prefix and the edition's time zones are worked out once, not per comment."""

    def __init__(self, request, words=None):
        self.words = words or comment_words()
        self.base = permalink_base()
        self.times = {"request": request}  # what `edition_time` reads of a template context
        self.names = {}  # (writer, badge): their name as shown; a writer often comments twice

    def thread(self, threads):
        """A ThreadView of `threads` (a `threads.ThreadPage`)."""
        parts = []
        for node in threads.nodes:
            self.comment(node, parts)
        return ThreadView(
            joined(parts),
            sort=threads.sort,
            number=threads.number,
            has_more=threads.has_more,
            responses=threads.responses,
            featured=threads.featured,
            cursor=threads.cursor,
            empty=not threads.nodes,
        )

    def comment(self, node, out):
        """Append `node`'s comment and its replies to `out`; a `Shown` where its actions go."""
        comment, words = node.comment, self.words
        status = comment.status
        featured = " comment--featured" if comment.is_featured else ""
        out.append(
            f'<li class="comment comment--depth-{comment.depth}{featured}" id="comment-{comment.pk}"'
            f' data-status="{status}">\n  <article aria-label="{label(node, words)}">\n'
        )
        if status == DELETED:
            out.append(f'  <p class="tombstone">{words["deleted"]}</p>\n')
        elif status == REMOVED:
            reason = comment.moderation_reason
            text = (
                escape(gettext("Comment removed by a moderator: %(reason)s."))
                % {"reason": escape(reason)}
                if reason
                else words["removed"]
            )
            out.append(f'  <p class="tombstone">{text}</p>\n')
        else:
            out.append(self.header(node))
            if status == HELD:
                out.append(f'    <p class="comment__held" role="status">{words["held"]}</p>\n')
            elif status == REJECTED:
                text = escape(gettext("Not published: %(reason)s Only you can see this.")) % {
                    "reason": escape(actions.rejection_reason(comment))
                }
                out.append(f'    <p class="comment__rejected">{text}</p>\n')
            out.append(
                f'    <div class="comment__body">{comment.body_html}</div>\n'
                '    <footer class="comment__actions">\n'
                f'  <span class="comment__reactions">{comment.reaction_count} {words["respect"]}'
                "</span>\n  "
            )
            out.append(Shown.of(comment))
            out.append("\n</footer>\n")
        out.append("  </article>\n")
        if node.children:
            out.append('  <ol class="comment-replies">\n')
            for child in node.children:
                self.comment(child, out)
            out.append("</ol>\n")
        out.append("</li>\n")

    def header(self, node):
        comment, words = node.comment, self.words
        lines = ['    <header class="comment__meta">']
        if node.number:
            lines.append(f'      <span class="comment__number">{node.number}.</span>')
        name = self.names.get((comment.author_id, node.badge))
        if name is None:
            name = self.names[comment.author_id, node.badge] = author_name(
                comment.author, badge=node.badge
            )
        lines.append(f"      {name}")
        lines.append(
            f'      <a class="comment__time" href="{self.base}{comment.pk}/">'
            f"{edition_time(self.times, comment.created)}</a>"
        )
        if comment.edited_at:
            lines.append(f'      <span class="comment__edited">{words["edited"]}</span>')
        if comment.is_featured:
            lines.append(f'      <span class="badge badge--featured">{words["featured"]}</span>')
        if node.replying_to:
            replying = named(words["replying_to"], node.replying_to.display_name)
            lines.append(f'      <span class="comment__replying">{replying}</span>')
        lines.append("    </header>\n")
        return "\n".join(lines)


class Actions:
    """Each comment's actions for one viewer: what they may do with it (`permissions`),
    drawn with their Respect and follow state. Called once per comment of a page."""

    def __init__(self, page, *, viewer, csrf_token, words, reacted=(), followed=()):
        self.may = judge(viewer=viewer, page=page)
        self.anonymous = viewer is None or not viewer.is_authenticated
        self.words, self.base = words, permalink_base()
        self.reacted, self.followed = reacted, followed
        if self.anonymous:  # a reader without an account gets no form, and no CSRF cookie
            self.csrf = ""
            self.login = escape(f"{reverse('accounts:login')}?next={quote(page.url or '')}")
        else:
            self.csrf = (
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
            )

    def __call__(self, shown):
        words, pk = self.words, shown.pk
        if self.anonymous:
            if not shown.is_visible:
                return ""
            return f'<a href="{self.login}%23comment-{pk}">{words["log_in_to_reply"]}</a>'
        may, at, csrf = self.may(shown), f"{self.base}{pk}/", self.csrf
        out = []
        if may.react:
            on = pk in self.reacted
            out.append(
                f'<form method="post" action="{at}react/" class="inline-form">{csrf}'
                f'<button type="submit" class="link-button" aria-pressed="{"true" if on else "false"}">'
                f"{words['respected'] if on else words['respect']}</button></form>"
            )
        if may.reply:  # the page's reply form comes here by script; without, its own page
            out.append(
                f'<details class="comment__reply"><summary>{words["reply"]}</summary>'
                f'<a class="comment__open" href="{at}?reply=1" data-form="reply-form">'
                f"{named(words['reply_to'], shown.author_name)}</a></details>"
            )
        if may.report:
            out.append(
                f'<details class="comment__flag"><summary>{words["report"]}</summary>'
                f'<a class="comment__open" href="{at}?report=1" data-form="report-form">'
                f"{words['report']}</a></details>"
            )
        if may.feature:
            out.append(
                f'<form method="post" action="{at}feature/" class="inline-form">{csrf}'
                f'<input type="hidden" name="featured" value="{0 if shown.is_featured else 1}">'
                f'<button type="submit" class="link-button">'
                f"{words['unfeature'] if shown.is_featured else words['feature']}</button></form>"
            )
        if may.edit:  # the writer's own comments only: few, so the form is inline
            out.append(
                f'<details class="comment__edit"><summary>{words["edit"]}</summary>\n'
                f'  <form method="post" action="{at}edit/">{csrf}\n'
                f'    <label for="edit-{pk}">{words["edit_yours"]}</label>\n'
                f'    <textarea id="edit-{pk}" name="body" rows="3" required>{escape(shown.body)}'
                f'</textarea>\n    <button type="submit">{words["save"]}</button>\n'
                "  </form>\n</details>"
            )
        if may.follow:
            on = pk in self.followed
            out.append(
                f'<form method="post" action="{at}follow/" class="inline-form">{csrf}'
                f'<input type="hidden" name="on" value="{0 if on else 1}">'
                f'<button type="submit" class="link-button" aria-pressed="{"true" if on else "false"}">'
                f"{words['following'] if on else words['follow']}</button></form>"
            )
        if may.delete:
            out.append(
                f'<form method="post" action="{at}delete/" class="inline-form">{csrf}'
                f'<button type="submit" class="link-button">{words["delete"]}</button></form>'
            )
        return "\n  ".join(out)


def thread_view(page, *, request, viewer, sort="oldest", number=1, featured=False):
    """The page of threads `viewer` reads on `page`, drawn.

    The drawing every reader shares comes from the cache (drawn and kept there on a miss);
    a viewer with comments on the story only they see gets threads drawn for them alone,
    with their Respect and follow marks (`reacted`, `followed`) already read.
    """
    sort, number = clean_choice(sort, number)
    if not featured and keeps_hidden(page, viewer):
        threads = thread_page(page, sort=sort, number=number, viewer=viewer)
        view = Drawing(request).thread(threads)
        view.reacted, view.followed = threads.reacted, threads.followed
        return view
    versions = current_versions(page.pk)  # read before the comments: a change meanwhile
    key = None  # leaves what is drawn now under the older versions, stale at once
    if versions is not None:
        key = THREAD_KEY.format(
            page=page.pk,
            host=request.get_host() if request is not None else "",
            language=get_language(),
            tab="featured" if featured else "all",
            sort=sort,
            number=number,
            versions="{}.{}".format(*versions),
        )
        view = cache.get(key)
        if view is not None:
            return view
    threads = thread_page(page, sort=sort, number=number, featured=featured)
    view = Drawing(request).thread(threads)
    if key is not None and (threads.nodes or number == 1):  # never one entry per empty page
        cache.set(key, view, ENTRY_TIMEOUT)
    return view


def marks(view, viewer):
    """The viewer's Respect and follow marks on a drawn page of threads."""
    if view.reacted is not None:
        return view.reacted, view.followed
    if viewer is None or not viewer.is_authenticated:
        return set(), set()
    shown = view.shown()
    return marks_of(
        viewer,
        reacted_among=[item.pk for item in shown if item.reactions and item.is_visible],
        followed_among=[item.pk for item in shown if item.depth == 0 and item.is_visible],
    )


def threads_html(view, page, *, viewer, csrf_token, words=None):
    """`view`'s HTML with `viewer`'s actions on each comment."""
    reacted, followed = marks(view, viewer)
    fill = Actions(
        page,
        viewer=viewer,
        csrf_token=csrf_token,
        words=words or comment_words(),
        reacted=reacted,
        followed=followed,
    )
    return view.html(fill)


def comments_html(nodes, page, *, request, viewer, csrf_token):
    """Each of `nodes` (with their replies) drawn for `viewer`, in a list of HTML strings."""
    drawing = Drawing(request)
    drawn = []
    for node in nodes:
        parts = []
        drawing.comment(node, parts)
        drawn.append(parts)
    shown = [part for parts in drawn for part in parts if part.__class__ is Shown]
    reacted = followed = set()
    if shown and viewer is not None and viewer.is_authenticated:
        reacted, followed = marks_of(
            viewer,
            reacted_among=[item.pk for item in shown if item.reactions and item.is_visible],
            followed_among=[item.pk for item in shown if item.depth == 0 and item.is_visible],
        )
    fill = Actions(
        page,
        viewer=viewer,
        csrf_token=csrf_token,
        words=drawing.words,
        reacted=reacted,
        followed=followed,
    )
    return ["".join(p if p.__class__ is str else fill(p) for p in parts) for parts in drawn]
