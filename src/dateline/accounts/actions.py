"""Every write to an account goes through here: validation, the write, the audit row."""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from dateline.audit.log import record

from .models import CommentApiToken
from .names import check_available, clean_display_name


def create_account(*, email, password, display_name, ip=None):
    """Sign a reader up. Raises ValidationError with a `code` for each kind of refusal."""
    User = get_user_model()
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError("Enter a valid email address.", code="invalid_email") from error
    email = User.objects.normalize_email(email)
    display_name = clean_display_name(display_name)
    candidate = User(email=email, username=email, display_name=display_name)
    try:
        validate_password(password or "", user=candidate)
    except ValidationError as error:
        raise ValidationError(" ".join(error.messages), code="weak_password") from error
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with that email exists.", code="email_taken")
        check_available(display_name, users=User.objects)
        candidate.set_password(password)
        try:
            candidate.save()
        except IntegrityError as error:  # a concurrent sign-up took the name first
            raise ValidationError(
                "That display name is taken.", code="display_name_taken"
            ) from error
        record("account.create", actor=candidate, target=candidate, ip=ip)
    return candidate


def change_display_name(user, display_name, *, ip=None):
    User = get_user_model()
    display_name = clean_display_name(display_name)
    with transaction.atomic():
        check_available(display_name, users=User.objects, exclude_pk=user.pk)
        old = user.display_name
        user.display_name = display_name
        user.save()
        record("account.rename", actor=user, target=user, ip=ip, old=old, new=display_name)
    return user


def issue_token(user):
    """A new API token for `user`; the clear text is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    CommentApiToken.objects.create(user=user, token_hash=hash_token(token))
    record("account.token", actor=user, target=user)
    return token


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()
