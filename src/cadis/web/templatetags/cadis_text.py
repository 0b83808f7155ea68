"""``{% load cadis_text %}`` … ``{{ post.body|linebreaksbr|in_its_language }}``.

Text that people or documents wrote (a post, a sentence quoted from a document, a note, an
audit entry's name of its object) is shown as it was written, in the language of its source,
not of the page: it is marked with that language (``<span lang="en">``), so that screen
readers read it right (WCAG 3.1.2, language of parts) and it is not taken for an untranslated
label. Interface strings never go through this filter.

``{{ fact.text|in_its_language:run.language }}`` uses the language the record knows (a
document's detected language); without it the text's letters and words decide
(``cadis.platform.i18n.language_to_mark``). Text in the page's language, or in a language
that cannot be told, is left unmarked. The text is escaped unless it is already safe (the
output of ``linebreaksbr``, which escapes first).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from cadis.platform import i18n

register = template.Library()


@register.filter(needs_autoescape=True)
def in_its_language(text: object, known: object = None, autoescape: bool = True) -> SafeString:
    if not autoescape and text is not None:
        text = mark_safe(str(text))  # {% autoescape off %}: the template wants it as it is
    return i18n.in_its_language(text, str(known or ""))
