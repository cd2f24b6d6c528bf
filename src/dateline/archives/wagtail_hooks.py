"""*Settings › Import comments* and *Settings › Export comments* in the CMS, and their
permissions on the groups page."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_export(request.user)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("import-comments/", views.index, name="archives_import"),
        path("import-comments/<int:run_id>/", views.run_page, name="archives_import_run"),
        path("import-comments/<int:run_id>/run/", views.start, name="archives_import_start"),
        path(
            "import-comments/<int:run_id>/discard/",
            views.discard,
            name="archives_import_discard",
        ),
        path("export-comments/", views.export_index, name="archives_export"),
        path("export-comments/<int:run_id>/", views.export_run_page, name="archives_export_run"),
        path(
            "export-comments/<int:run_id>/download/",
            views.export_download,
            name="archives_export_download",
        ),
        path(
            "export-comments/<int:run_id>/delete/",
            views.export_delete,
            name="archives_export_delete",
        ),
    ]


@hooks.register("register_settings_menu_item")
def menu_item():
    return ImportMenuItem(
        "Import comments", reverse("archives_import"), icon_name="upload", order=850
    )


@hooks.register("register_settings_menu_item")
def export_menu_item():
    return ExportMenuItem(
        "Export comments", reverse("archives_export"), icon_name="download", order=851
    )


@hooks.register("register_permissions")
def permissions():
    """So that the permissions can be given to a group under Settings › Groups."""
    return Permission.objects.filter(
        content_type__app_label="archives", codename__in=["import_comments", "export_comments"]
    )
