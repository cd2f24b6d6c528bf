"""A reader's comments, reactions and reports, for their data download (`accounts.hooks`)."""

from .models import Comment, Flag, Reaction


def iso(moment):
    return moment.isoformat() if moment else None


def user_data(user):
    comments = Comment.objects.filter(author=user).select_related("page").order_by("created")
    return {
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
    }
