from django import forms
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.utils.translation import gettext_lazy as _

from dateline.core.client import client_ip

from . import limits
from .models import EMAIL_MAX_LENGTH


class EmailLoginForm(AuthenticationForm):
    """Readers log in with the email they signed up with (it is their username)."""

    username = UsernameField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean(self):
        if self.cleaned_data.get("username"):
            limits.take_attempt(
                "sign_in", ip=client_ip(self.request), email=self.cleaned_data["username"]
            )
        return super().clean()


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=EMAIL_MAX_LENGTH)
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=50,
        help_text=_("Shown beside your comments. It must not look like anyone else's."),
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not a common password."),
    )


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=50)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Your password, to confirm it is you."),
    )
