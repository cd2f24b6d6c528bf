"""Everything the site holds about a reader, as one JSON-ready dict (their data download).

The apps above accounts add their part through `accounts.hooks.data_export`.
"""

from dateline.audit.models import AuditEntry

from . import hooks


def iso(moment):
    return moment.isoformat() if moment else None


def user_data(user):
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
        **hooks.exported_data(user),
        "activity": [
            {"action": entry.action, "at": iso(entry.created), "ip": entry.ip}
            for entry in AuditEntry.objects.filter(actor=user).order_by("created")
        ],
    }
