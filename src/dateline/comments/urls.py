from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("pages/<int:page_id>/post/", views.post, name="post"),
    path("pages/<int:page_id>/since/", views.since, name="since"),
    path("<int:comment_id>/", views.permalink, name="permalink"),
    path("<int:comment_id>/edit/", views.edit, name="edit"),
    path("<int:comment_id>/delete/", views.delete, name="delete"),
    path("<int:comment_id>/react/", views.react, name="react"),
    path("<int:comment_id>/flag/", views.flag, name="flag"),
    path("<int:comment_id>/feature/", views.feature, name="feature"),
    path("<int:comment_id>/follow/", views.follow, name="follow"),
]
