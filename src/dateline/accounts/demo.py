"""Demo readers: a verified reporter, a staff moderator, a blogger and a few regular readers."""

import secrets

from django.contrib.auth import get_user_model

from dateline.newsroom.models import Author

READERS = [
    # (email, display name, staff, verified, the slug of their byline)
    ("moderator@dateline.invalid", "Desk Moderator", True, False, None),
    ("daniel@dateline.invalid", "Daniel Brennan", False, True, "daniel-brennan"),
    ("amina@example.com", "Amina Coulibaly", False, True, None),
    ("george@example.com", "George Patton", False, False, None),
    ("lucie@example.com", "Lucie Fontaine", False, False, None),
    ("kwame@example.com", "Kwame Mensah", False, False, None),
    ("sam@example.com", "Sam Whitfield", False, False, None),
]


def load(stdout):
    User = get_user_model()
    created = []
    for email, name, staff, verified, byline in READERS:
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
            byline=Author.objects.filter(slug=byline).first() if byline else None,
        )
        role = " (moderator)" if staff else " (blogger)" if byline else ""
        created.append(f"  {email} / {password}{role}")
    if created:
        stdout.write("Demo readers (log in at /accounts/login/ with the email):")
        for line in created:
            stdout.write(line)
