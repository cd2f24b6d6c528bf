"""Everything the site holds about a reader, as one JSON-ready dict (their data download)."""

from dateline.audit.models import AuditEntry
from dateline.comments.models import Comment, Flag, Reaction


def iso(moment):
    return moment.isoformat() if moment else None


def user_data(user):
    comments = Comment.objects.filter(author=user).select_related("page").order_by("created")
    return {
        "account": {
            "id": user.pk,
            "email": user.email,
            "email_verified": user.email_verified,
            "display_name": user.display_name,
            "badge": user.badge,
            "joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
        "comments": [
            {
                "id": comment.pk,
                "story": comment.page.title,
                "story_url": comment.page.url,
                "parent": comment.parent_id,
                "created": iso(comment.created),
                "edited": iso(comment.edited_at),
                "status": comment.status,
                "body": comment.body,
                "reactions": comment.reaction_count,
                "screening": comment.screening,
                "moderation_reason": comment.moderation_reason,
            }
            for comment in comments
        ],
        "reactions": [
            {"comment": reaction.comment_id, "created": iso(reaction.created)}
            for reaction in Reaction.objects.filter(user=user).order_by("created")
        ],
        "flags": [
            {"comment": f.comment_id, "reason": f.reason, "note": f.note, "created": iso(f.created)}
            for f in Flag.objects.filter(user=user).order_by("created")
        ],
        "activity": [
            {"action": entry.action, "at": iso(entry.created), "ip": entry.ip}
            for entry in AuditEntry.objects.filter(actor=user).order_by("created")
        ],
    }
