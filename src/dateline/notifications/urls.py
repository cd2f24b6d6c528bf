from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("settings/", views.settings_view, name="settings"),
    path("read/", views.read_all, name="read_all"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
