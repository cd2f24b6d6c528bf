"""The CMS page where staff see background work: what waits, and what failed for good."""

from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .background import queue_depth
from .models import FailedTask


@user_passes_test(lambda user: user.is_staff)
def background_tasks(request):
    return render(
        request,
        "core/background_tasks.html",
        {"waiting": queue_depth(), "failed": FailedTask.objects.all()[:100]},
    )


@hooks.register("register_admin_urls")
def urls():
    return [path("background-tasks/", background_tasks, name="background_tasks")]


@hooks.register("register_settings_menu_item")
def menu_item():
    return MenuItem("Background tasks", reverse("background_tasks"), icon_name="cogs", order=900)
