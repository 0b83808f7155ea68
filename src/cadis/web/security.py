"""The Content-Security-Policy header on every response.

Scripts come only from this site's static files (no inline script, no eval: Vega charts use
vega-interpreter); JSON data rides in ``<script type="application/json">``, which is not run.
Inline styles stay allowed (htmx and vega-embed set them). A response that already carries the
header keeps its own.
"""

from __future__ import annotations

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
