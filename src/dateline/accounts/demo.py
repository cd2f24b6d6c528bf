"""Demo readers: a verified reporter, a staff moderator and a few regular readers."""

import secrets

from django.contrib.auth import get_user_model

READERS = [
    # (email, display name, staff, verified)
    ("moderator@dateline.invalid", "Desk Moderator", True, False),
    ("amina@example.com", "Amina Coulibaly", False, True),
    ("george@example.com", "George Patton", False, False),
    ("lucie@example.com", "Lucie Fontaine", False, False),
    ("kwame@example.com", "Kwame Mensah", False, False),
    ("sam@example.com", "Sam Whitfield", False, False),
]


def load(stdout):
    User = get_user_model()
    created = []
    for email, name, staff, verified in READERS:
        if User.objects.filter(email=email).exists():
            continue
        password = secrets.token_urlsafe(10)
        User.objects.create_user(
            username=email,
            email=email,
            password=password,
            display_name=name,
            is_staff=staff,
            is_verified=verified,
            email_verified=True,
        )
        created.append(f"  {email} / {password}{' (moderator)' if staff else ''}")
    if created:
        stdout.write("Demo readers (log in at /accounts/login/ with the email):")
        for line in created:
            stdout.write(line)
