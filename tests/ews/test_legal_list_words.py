"""The lists of a legal-status answer (written by the chemistry engine in English) are shown
in the reader's language."""

from __future__ import annotations

from django.utils import translation

from cadis.apps.ews.templatetags.ews_tags import legal_list, schedule_label

NATIONAL = "National list of narcotic drugs and psychotropic substances"


def test_a_convention_schedule_is_named_in_the_readers_language():
    with translation.override("ru"):
        assert schedule_label("1971 Schedule II") == "Список II Конвенции 1971 г."
        assert legal_list("1961 Schedule IV", "international") == "Список IV Конвенции 1961 г."
    with translation.override("en"):
        assert schedule_label("1961 Schedule I") == "Schedule I of the 1961 Convention"
    assert schedule_label("something else") == "something else"


def test_a_substance_in_two_schedules_is_named_with_both():
    with translation.override("ru"):
        assert schedule_label("1961 Schedule I+IV") == "Списки I и IV Конвенции 1961 г."
        assert legal_list("1961 Schedule I+IV", "international") == (
            "Списки I и IV Конвенции 1961 г."
        )
    with translation.override("en"):
        assert schedule_label("1961 Schedule I+IV") == "Schedules I and IV of the 1961 Convention"
        assert legal_list(f"{NATIONAL} (implements 1961 Schedule I+IV)", "KZ") == (
            f"{NATIONAL} (implements Schedules I and IV of the 1961 Convention)"
        )


def test_a_national_list_that_implements_a_schedule_reads_whole_in_russian():
    written = f"{NATIONAL} (implements 1971 Schedule II)"
    with translation.override("ru"):
        assert legal_list(written, "KZ") == (
            "Список наркотических средств и психотропных веществ"
            " (во исполнение: Список II Конвенции 1971 г.)"
        )
        assert legal_list(NATIONAL, "KZ") == "Список наркотических средств и психотропных веществ"
    with translation.override("en"):
        assert legal_list(written, "KZ") == f"{NATIONAL} (implements Schedule II of the 1971 Convention)"
    # a list of another jurisdiction's name is left as written
    with translation.override("ru"):
        assert legal_list("Some other list", "KZ") == "Some other list"
