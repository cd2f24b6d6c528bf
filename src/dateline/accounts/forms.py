from django import forms
from django.contrib.auth.forms import AuthenticationForm, UsernameField


class EmailLoginForm(AuthenticationForm):
    """Readers log in with the email they signed up with (it is their username)."""

    username = UsernameField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


class SignupForm(forms.Form):
    email = forms.EmailField()
    display_name = forms.CharField(
        max_length=50, help_text="Shown beside your comments. It must not look like anyone else's."
    )
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters, not a common password.",
    )


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(max_length=50)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Your password, to confirm it is you.",
    )
