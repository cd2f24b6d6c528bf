"""Wagtail hooks: tell the page cache which page a response shows."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    request.dateline_page_id = page.pk
