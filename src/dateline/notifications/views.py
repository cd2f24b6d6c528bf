"""A reader's notifications page and settings, and the one-click unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import actions
from .models import Delivery, Preference

PAGE = 50


@login_required
def notification_list(request):
    preference = Preference.objects.filter(user=request.user).first()
    notifications = list(
        request.user.notifications.select_related("comment__author", "comment__page")[:PAGE]
    )
    unread = sum(1 for notification in notifications if notification.read_at is None)
    return render(
        request,
        "notifications/list.html",
        {
            "notifications": notifications,
            "unread": unread,
            "delivery": preference.delivery if preference else Delivery.IMMEDIATE,
            "deliveries": Delivery.choices,
        },
    )


@login_required
@require_POST
def settings_view(request):
    delivery = request.POST.get("delivery", "")
    if delivery not in Delivery.values:
        messages.error(request, "Choose how often to be emailed.")
    else:
        actions.set_delivery(request.user, delivery)
        messages.success(request, "Saved: " + Delivery(delivery).label)
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request):
    actions.mark_read(request.user)
    return redirect("notifications:list")


@csrf_exempt  # the signed token in the address is the authority (RFC 8058 one-click POST)
def unsubscribe(request, token):
    """GET shows a button (link checkers in mail systems must not unsubscribe anyone);
    POST, from that button or a mail program's one-click, stops the emails."""
    if request.method == "POST":
        user = actions.unsubscribe(token)
        status = 200 if user else 400
        return render(request, "notifications/unsubscribed.html", {"user": user}, status=status)
    return render(request, "notifications/unsubscribe.html", {"token": token})
