from django.urls import path

from . import api, openapi

app_name = "api"
urlpatterns = [
    path("openapi.json", openapi.document, name="openapi"),
    path("pages/<int:page_id>/comments", api.page_comments, name="page_comments"),
    path("comments/<int:comment_id>", api.comment_detail, name="comment"),
    path("comments/<int:comment_id>/reaction", api.reaction, name="reaction"),
    path("comments/<int:comment_id>/flags", api.flags, name="flags"),
    path("comments/<int:comment_id>/featured", api.featured, name="featured"),
]
