from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("act/", views.act, name="act"),
    path("undo/", views.undo, name="undo"),
    path("confirm/<str:decision>/<int:comment_id>/", views.confirm, name="confirm"),
]
