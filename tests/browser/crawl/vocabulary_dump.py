"""Print, as JSON, the names and URL patterns of a demo installation (run in its environment).

The crawl's allow-lists are built from data rather than by hand: the Russian and English
labels of every vocabulary row (``name_ru`` / ``name_en`` of any model), the synonyms
recorded per language, people's and organisations' names and the demo usernames.
The URL patterns let the crawler group addresses by route ("one or two detail pages
per list") without importing the application into the crawling process.

Run: ``CADIS_HOME=<home> python -m tests.browser.crawl.vocabulary_dump``.
"""

from __future__ import annotations

import json
import sys


def _regex_body(regex: str) -> str:
    body = regex[1:] if regex.startswith("^") else regex
    for end in ("\\Z", "$"):
        if body.endswith(end):
            body = body[: -len(end)]
    return body


def url_patterns() -> list[dict[str, str]]:
    """Every view's full path regex and readable route, e.g. ``supply/seizures/<int:pk>/``."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[dict[str, str]] = []

    def walk(patterns, regex_prefix: str, route_prefix: str) -> None:
        for pattern in patterns:
            regex = regex_prefix + _regex_body(pattern.pattern.regex.pattern)
            route = route_prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, regex, route)
            elif isinstance(pattern, URLPattern):
                found.append(
                    {"regex": "^/" + regex + "$", "route": "/" + route.lstrip("^").rstrip("$")}
                )

    walk(get_resolver().url_patterns, "", "")
    return found


def names() -> dict[str, list[str]]:
    from django.apps import apps

    from cadis.apps.accounts.models import User
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.exchange.models import Expert
    from cadis.apps.reference.models import ChemicalSynonym, SubstanceSynonym

    labels_ru: set[str] = set()
    labels_en: set[str] = set()
    for model in apps.get_models():
        fields = {field.name for field in model._meta.get_fields()}
        if "name_ru" in fields:
            labels_ru.update(model.objects.exclude(name_ru="").values_list("name_ru", flat=True))
        if "name_en" in fields:
            labels_en.update(model.objects.exclude(name_en="").values_list("name_en", flat=True))
    for synonym_model in (SubstanceSynonym, ChemicalSynonym):
        labels_ru.update(synonym_model.objects.filter(lang="ru").values_list("synonym", flat=True))
        labels_en.update(synonym_model.objects.filter(lang="en").values_list("synonym", flat=True))
    neutral_synonyms: set[str] = set()
    for joined in SubstanceProfile.objects.exclude(synonyms="").values_list("synonyms", flat=True):
        neutral_synonyms.update(part.strip() for part in joined.split("|") if part.strip())
    people = set(Expert.objects.values_list("full_name", flat=True))
    people.update(
        f"{first} {last}".strip()
        for first, last in User.objects.values_list("first_name", "last_name")
        if (first or last)
    )
    expert_organisations = set(
        Expert.objects.exclude(organisation_name="").values_list("organisation_name", flat=True)
    )
    return {
        "labels_ru": sorted(labels_ru),
        "labels_en": sorted(labels_en),
        "substance_synonyms": sorted(neutral_synonyms),
        "people": sorted(people),
        "organisations": sorted(expert_organisations),
        "usernames": sorted(User.objects.values_list("username", flat=True)),
    }


def main() -> None:
    import django

    django.setup()
    json.dump({**names(), "url_patterns": url_patterns()}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
