"""The user model: an email login with a public display name."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A reader or staff member. `display_name` is what others see beside a comment."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=50)

    def __str__(self):
        return self.display_name or self.username
