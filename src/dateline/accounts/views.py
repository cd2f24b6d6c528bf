"""Sign-up, profile and account settings pages."""

import json
import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dateline.core.client import client_ip
from dateline.core.mail import queue_mail

from . import actions, limits
from .api import FIELD_OF_CODE
from .export import user_data
from .forms import DeleteAccountForm, DisplayNameForm, SignupForm
from .selectors import claimable_profiles


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
            limits.take_attempt("signup", ip=client_ip(request), email=form.cleaned_data["email"])
            user = actions.create_account(**form.cleaned_data, ip=client_ip(request))
        except ValidationError as error:
            attach_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            actions.send_verification(user, base_url=request.build_absolute_uri("/"))
            messages.success(
                request,
                _("Welcome, %(name)s. We sent a link to %(email)s to confirm it.")
                % {"name": user.display_name, "email": user.email},
            )
            return redirect(next_url)
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, its mail sent through the outbox by the worker."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_mail(
            key=f"reset:{context['uid']}:{uuid.uuid4().hex}",  # each request mails anew
            to=to_email,
            subject=subject,
            body=render_to_string(email_template_name, context),
        )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, rate limited per address and per email. Known and unknown emails
    get the same answer (the "check your email" page), and count the same."""

    form_class = QueuedPasswordResetForm

    def form_valid(self, form):
        try:
            limits.take_attempt(
                "password_reset",
                ip=client_ip(self.request),
                email=form.cleaned_data["email"],
            )
        except limits.RateLimited as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return super().form_valid(form)

    def get_success_url(self):
        """The "check your email" page, in the language of the page the reader came from."""
        url = super().get_success_url()
        if next_url := self.request.GET.get("next"):
            return f"{url}?{urlencode({'next': next_url})}"
        return url


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
                request.user, form.cleaned_data["display_name"], ip=client_ip(request)
            )
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            messages.success(request, _("Your display name was changed."))
            return redirect("accounts:settings")
    claimable = claimable_profiles(reader=request.user)
    return render(request, "accounts/settings.html", {"form": form, "claimable": claimable})


@login_required
@require_POST
def claim(request, profile_id):
    """Take over an imported writer's comments written with the reader's verified email."""
    profile = get_object_or_404(get_user_model(), pk=profile_id, imported_key__isnull=False)
    try:
        actions.claim_imported(reader=request.user, profile=profile)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Those comments now show under your name."))
    return redirect("accounts:settings")


def verify_email(request, token):
    try:
        user = actions.verify_email(token)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Thanks: %(email)s is confirmed.") % {"email": user.email})
    return redirect("accounts:settings" if request.user.is_authenticated else "accounts:login")


@login_required
@require_POST
def resend_verification(request):
    actions.send_verification(request.user, base_url=request.build_absolute_uri("/"))
    messages.success(request, _("We sent a new link to %(email)s.") % {"email": request.user.email})
    return redirect("accounts:settings")


@login_required
def export_data(request):
    """Download everything the site holds about the signed-in reader, as JSON."""
    response = HttpResponse(
        json.dumps(user_data(request.user), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="dateline-my-data.json"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            actions.delete_account(
                user, password=form.cleaned_data["password"], ip=client_ip(request)
            )
        except PermissionDenied as error:
            form.add_error("password", str(error))
        else:
            logout(request)
            messages.success(
                request, _("Your account is deleted; your comments are now tombstones.")
            )
            return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
