"""Sign-up, profile and account settings pages."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from . import actions
from .api import FIELD_OF_CODE
from .forms import DisplayNameForm, SignupForm


def attach_error(form, error):
    """Show an action's ValidationError on the field it concerns."""
    form.add_error(FIELD_OF_CODE.get(error.code), error)


def signup(request):
    form = SignupForm(request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.create_account(**form.cleaned_data, ip=request.META.get("REMOTE_ADDR"))
        except ValidationError as error:
            attach_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.display_name}.")
            return redirect(next_url)
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


def profile(request, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    comments = []
    if hasattr(person, "comments"):
        comments = (
            person.comments.filter(status="published")
            .select_related("page")
            .order_by("-created")[:50]
        )
    return render(request, "accounts/profile.html", {"person": person, "comments": comments})


@login_required
def account_settings(request):
    form = DisplayNameForm(
        request.POST or None, initial={"display_name": request.user.display_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_display_name(
                request.user, form.cleaned_data["display_name"], ip=request.META.get("REMOTE_ADDR")
            )
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            messages.success(request, "Your display name was changed.")
            return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
