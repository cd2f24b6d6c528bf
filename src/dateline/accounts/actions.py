"""Every write to an account goes through here: validation, the write, the audit row."""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.audit.log import record
from dateline.core.mail import queue_mail
from dateline.core.pagecache import invalidate_site
from dateline.newsroom.models import Author

from . import hooks
from .models import CommentApiToken, ReservedByline, User
from .names import MAX_LENGTH as DISPLAY_NAME_MAX
from .names import check_available, clean_display_name, name_key
from .permissions import NotAllowed, check_logged_in, check_staff


def create_account(*, email: str, password: str, display_name: str, ip: str | None = None) -> User:
    """Sign a reader up. Raises ValidationError with a `code` for each kind of refusal."""
    User = get_user_model()
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(_("Enter a valid email address."), code="invalid_email") from error
    email = User.objects.normalize_email(email)
    display_name = clean_display_name(display_name)
    candidate = User(email=email, username=email, display_name=display_name)
    try:
        validate_password(password or "", user=candidate)
    except ValidationError as error:
        raise ValidationError(" ".join(error.messages), code="weak_password") from error
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("An account with that email exists."), code="email_taken")
        check_available(display_name, users=User.objects, bylines=ReservedByline.objects)
        candidate.set_password(password)
        try:
            candidate.save()
        except IntegrityError as error:  # a concurrent sign-up took the name first
            raise ValidationError(
                _("That display name is taken."), code="display_name_taken"
            ) from error
        record("account.create", actor=candidate, target=candidate, ip=ip)
    return candidate


def change_display_name(user: User, display_name: str, *, ip: str | None = None) -> User:
    User = get_user_model()
    display_name = clean_display_name(display_name)
    with transaction.atomic():
        check_available(display_name, users=User.objects, bylines=ReservedByline.objects, user=user)
        old = user.display_name
        user.display_name = display_name
        user.save()
        record("account.rename", actor=user, target=user, ip=ip, old=old, new=display_name)
    return user


def reserve_byline(*, author: Author):
    """Reserve a byline's name the moment it is added or renamed (newsroom's Author saved).

    An account that already holds a look-alike of it keeps its name but is flagged to
    staff: an audit row now, and `selectors.name_conflicts` for as long as it lasts.
    """
    key = name_key(author.name)
    with transaction.atomic():
        reserved = ReservedByline.objects.select_for_update().filter(author=author)
        if reserved.values_list("name_key", flat=True).first() == key:
            return
        ReservedByline.objects.update_or_create(author=author, defaults={"name_key": key})
        record("byline.reserve", target=author, name=author.name)
        holder = get_user_model().objects.filter(display_name_key=key).exclude(byline=author)
        if holder := holder.first():
            record("account.name_conflict", target=holder, byline=author.pk, name=author.name)


def link_byline(*, user, author: Author | None, actor):
    """Staff say which byline `user` writes under (None: none); the stories under it then
    show an Author badge beside their comments."""
    check_staff(actor)
    old = user.byline_id
    user.byline = author
    try:
        with transaction.atomic():
            user.save(update_fields=["byline"])
            record("account.link_byline", actor=actor, target=user, old=old, new=user.byline_id)
            # The badge shows on every story page the writer commented on.
            transaction.on_commit(invalidate_site)
    except IntegrityError as error:  # one account per byline
        user.byline_id = old
        raise ValidationError(
            "That byline belongs to another account.", code="byline_taken"
        ) from error
    return user


def issue_token(user):
    """A new API token for `user`; the clear text is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    CommentApiToken.objects.create(user=user, token_hash=hash_token(token))
    record("account.token", actor=user, target=user)
    return token


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


VERIFY_SALT = "dateline.accounts.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600


def send_verification(user, *, base_url):
    """Mail a signed link that proves `user` reads their email (valid three days)."""
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)
    link = base_url.rstrip("/") + reverse("accounts:verify_email", args=[token])
    queue_mail(
        key=f"verify:{user.pk}:{uuid.uuid4().hex}",  # each request mails anew
        to=user.email,
        subject="Confirm your email address",
        body=f"Hello {user.display_name},\n\nConfirm the address of your account:\n{link}\n\n"
        "The link works for three days. If you did not sign up, ignore this message.",
    )
    record("account.verification_sent", actor=user, target=user)


def verify_email(token):
    """Mark the email in a verification link as verified; returns the user.

    Raises ValidationError for links that are forged, expired or for another address.
    """
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This link has expired: ask for a new one."), code="expired"
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This link is not valid."), code="invalid") from error
    user = get_user_model().objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None:
        raise ValidationError(_("This link is for an address no longer in use."), code="invalid")
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
        record("account.verify_email", actor=user, target=user)
    return user


def imported_writers(*, writers: dict[str, tuple[str, str]]) -> tuple[dict[str, int], int]:
    """The accounts for writers brought over with an archive: `{key: (name, email)}` in,
    `({key: account id}, how many were created)` out, in two queries and one insert.

    A new writer gets a profile marked imported: no password and no login, the name kept
    as written (it reserves nothing, so it never blocks a reader's sign-up or a byline).
    A writer someone has claimed maps to the reader who claimed it.
    """
    usernames = {imported_username(key): key for key in writers}
    found = {
        key: claimed or pk
        for key, pk, claimed in User.objects.filter(imported_key__in=writers).values_list(
            "imported_key", "pk", "claimed_by"
        )
    }
    unusable = make_password(None)
    new = [
        User(
            username=username,
            email=f"{username}@imported.invalid",  # reserved for what can never be mailed
            display_name=(writers[key][0].strip() or "Anonymous")[:DISPLAY_NAME_MAX],
            imported_key=key,
            imported_email=usable_email(writers[key][1]),
            password=unusable,
            is_active=False,
        )
        for username, key in usernames.items()
        if key not in found
    ]
    for user in new:
        user.display_name_key = user.key_for_name()
    User.objects.bulk_create(new)
    if new:
        created = User.objects.filter(imported_key__in=[user.imported_key for user in new])
        found.update(created.values_list("imported_key", "pk"))
    return found, len(new)


def imported_username(key):
    return "imported-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def usable_email(email):
    """`email` lowercased if it is an address, else "" (archives hold all sorts)."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return ""
    return email


def claim_imported(*, reader: User, profile: User) -> User:
    """A reader takes over the comments an imported writer wrote with the reader's own,
    verified, email address: they show under the reader's name from now on."""
    check_logged_in(reader, "claim comments")
    if not (
        reader.email_verified
        and profile.is_imported
        and profile.claimed_by_id is None
        and profile.imported_email
        and profile.imported_email == reader.email.lower()
    ):
        raise NotAllowed(
            _(
                "Only a reader who verified the address these comments were written with can claim them."
            ),
            "not_claimable",
        )
    with transaction.atomic():
        hooks.imported_profile_claimed.call(profile, reader=reader)
        profile.claimed_by = reader
        profile.save(update_fields=["claimed_by"])
        record("account.claim_imported", actor=reader, target=profile)
    return profile


def delete_account(user, *, password, ip=None):
    """Delete a reader's account: comments become tombstones, then the account goes."""
    if not user.check_password(password or ""):
        raise PermissionDenied(_("That password is not right."))
    with transaction.atomic():
        hooks.account_deleted.call(user, actor=user)
        record("account.delete", actor=None, target=user, ip=ip, display_name=user.display_name)
        user.delete()


def ban(user: User, *, actor: User, reason: str = "") -> User:
    """A moderator bans a commenter: they can no longer post, react or report."""
    check_staff(actor)
    if user.is_staff:
        raise PermissionDenied("Staff accounts cannot be banned here.")
    with transaction.atomic():
        user.is_banned = True
        user.save(update_fields=["is_banned"])
        record("account.ban", actor=actor, target=user, reason=reason[:300])
    return user


def suspend(user: User, *, actor: User, days: int, reason: str = "") -> User:
    """A moderator suspends a commenter for `days` days."""
    check_staff(actor)
    if user.is_staff:
        raise PermissionDenied("Staff accounts cannot be suspended here.")
    if not 1 <= days <= 365:
        raise ValidationError("A suspension lasts 1 to 365 days.", code="invalid_days")
    with transaction.atomic():
        user.suspended_until = timezone.now() + timedelta(days=days)
        user.save(update_fields=["suspended_until"])
        record("account.suspend", actor=actor, target=user, days=days, reason=reason[:300])
    return user


def lift_sanction(user: User, *, actor: User, ban: bool) -> User:
    """Undo a ban or a suspension (a moderator's mistake, or a second chance)."""
    check_staff(actor)
    field, value = ("is_banned", False) if ban else ("suspended_until", None)
    with transaction.atomic():
        setattr(user, field, value)
        user.save(update_fields=[field])
        record("account.unban" if ban else "account.unsuspend", actor=actor, target=user)
    return user
