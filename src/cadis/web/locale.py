"""Russian first: the interface language is the visitor's explicit choice, else Russian.

Django's LocaleMiddleware would follow the browser's Accept-Language header; cadis serves
Russian-speaking institutions first, so a browser set to English still starts in Russian
and the language switch (a cookie) is what changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class RussianFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if not language or not translation.check_for_language(language):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
