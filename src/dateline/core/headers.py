"""The security headers Django 5.2 does not send itself: CSP and Permissions-Policy.

SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and, over HTTPS only, Strict-Transport-Security;
XFrameOptionsMiddleware sends X-Frame-Options. Cached pages keep the headers they were
stored with, so the WSGI fast path answers with these too.
"""

from django.conf import settings

CMS_PREFIX = "/cms/"


class SecurityHeadersMiddleware:
    """Content-Security-Policy (looser under /cms/, whose editor needs inline script)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = (
            settings.CMS_CONTENT_SECURITY_POLICY
            if request.path.startswith(CMS_PREFIX)
            else settings.CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
