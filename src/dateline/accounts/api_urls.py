from django.urls import path

from . import api

app_name = "auth_api"
urlpatterns = [
    path("signup", api.signup, name="signup"),
    path("token", api.token, name="token"),
]
