"""The one function the actions modules call to leave an audit trail."""

from .models import AuditEntry


def record(action, *, actor=None, target=None, ip=None, **data):
    """Write an audit row for `action` done by `actor` to `target` (a model instance)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        ip=ip,
        data=data,
    )
