"""Who may do what, for every app above accounts (`check_*` raise, they never return False)."""

from django.core.exceptions import PermissionDenied


class NotAllowed(PermissionDenied):
    """A refusal with a stable `code` the API can return (e.g. "comments_closed")."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message, self.code = message, code


def check_logged_in(user, doing):
    if not (user and user.is_authenticated):
        raise NotAllowed(f"Log in to {doing}.", "login_required")


def check_staff(user):
    check_logged_in(user, "moderate")
    if not user.is_staff:
        raise NotAllowed("Only moderators can do that.", "staff_only")
