from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("act/", views.act, name="act"),
]
