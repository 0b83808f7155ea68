"""Each check of the UI crawl, shown to fail on a tiny page made to fail it (and to pass a clean one).

The pages are served by a small HTTP server started here; the crawl code that measures
them is the same that crawls the demo (``tests/browser/crawl``).
"""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.crawl.allowlist import ACRONYMS, allowlist_from_vocabulary
from tests.browser.crawl.checks import CHECKS, run_all, run_check
from tests.browser.crawl.crawler import Bounds, Persona, RouteMatcher, crawl
from tests.browser.crawl.page_scripts import AXE_PATH
from tests.browser.crawl.server import free_port
from tests.browser.crawl.text_checks import foreign_script_words, raw_code_tokens

pytestmark = pytest.mark.browser

AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"


def html(body: str, lang: str = "ru", head: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>Проверка</title>{head}</head><body><main><h1>Страница</h1>{body}</main></body></html>"
    )


CLEAN_RU = html(
    '<p>Изъято 5 кг героина; данные EUDA и UNODC. Скачать <a href="/ok/">CSV</a>.</p>'
    '<p><span lang="en">National list of narcotic drugs</span> (название документа).</p>'
    '<div style="overflow-x:auto"><table style="width:2000px"><tr><td>широкая таблица</td></tr></table></div>'
)

PAGES: dict[str, tuple[int, str, str, dict[str, str]]] = {
    # path: (status, content type, body, extra headers)
    "/clean/": (200, "text/html; charset=utf-8", CLEAN_RU, {}),
    "/ok/": (200, "text/csv", "a,b\n", {}),
    "/forbidden/": (403, "text/html", "Forbidden", {}),
    "/missing/": (404, "text/html", "Not found", {}),
    "/boom/": (500, "text/html", "Server Error", {}),
    "/boom.css": (500, "text/css", "", {}),
    "/broken-links/": (
        200,
        "text/html; charset=utf-8",
        html(
            '<p><a href="/forbidden/">Импорт</a> <a href="/missing/">Удалённое</a> <a href="/ok/">Данные</a></p>'
            '<p hidden><a href="/missing/hidden/">скрытая ссылка</a></p>'
        ),
        {},
    ),
    "/other-host/": (
        200,
        "text/html; charset=utf-8",
        html('<p>Схема</p><img alt="схема" src="https://cdn.example.invalid/swagger.png">'),
        {},
    ),
    "/too-wide/": (
        200,
        "text/html; charset=utf-8",
        html(
            '<form class="filters"><div class="too-wide" style="width:1500px">фильтр</div></form>'
        ),
        {},
    ),
    "/wide-on-phones/": (
        200,
        "text/html; charset=utf-8",
        html('<table class="tdi" style="width:700px"><tr><td>таблица</td></tr></table>'),
        {},
    ),
    "/closed-details/": (
        200,
        "text/html; charset=utf-8",
        html(
            '<details><summary>Таблица данных</summary><table style="width:700px"><tr><td>'
            "Save as SVG</td></tr></table></details>"
        ),
        {},
    ),
    "/raw-codes/": (
        200,
        "text/html; charset=utf-8",
        html(
            "<p>Список: table_I; правило sc.azole_3_carbonyl; national:KZ.</p>"
            "<p>Объект supply.seizure #3512, источник {'document': 8, 'span': [370, 385]}.</p>"
            "<p>Пользователь kg_analyst, почта kg_focal@demo.cadis.invalid, файл cadis-KG-ru.pdf, JWH-018.</p>"
            "<p>Столбцы файла: <code>hs_code</code>, <kbd>drid_hiv</kbd>; правило <samp>library.exact_match</samp>.</p>"
        ),
        {},
    ),
    "/latin/": (
        200,
        "text/html; charset=utf-8",
        html(
            "<p>Изъято 5 kg героина, Acetic anhydride; данные EUDA, JWH-018, Таблица II.</p>"
            "<p>Столбец <code>market_level</code>: <code>retail</code> или <code>wholesale</code>.</p>"
            '<details><summary>Действия</summary><a href="/ok/">Save as SVG</a></details>'
        ),
        {},
    ),
    "/cyrillic/": (
        200,
        "text/html; charset=utf-8",
        html("<p>Alert: Первое выявление в регионе. Language: Русский.</p>", lang="en"),
        {},
    ),
    "/axe/": (
        200,
        "text/html; charset=utf-8",
        html(
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<form><input type="text" name="q"><button></button></form>'
        ),
        {},
    ),
    "/server-error/": (
        200,
        "text/html; charset=utf-8",
        html(
            '<p>Стиль не загрузится. <a href="/boom/">Отчёт</a></p>',
            head='<link rel="stylesheet" href="/boom.css">',
        ),
        {},
    ),
    "/js-error/": (
        200,
        "text/html; charset=utf-8",
        html("<p>Ошибка сценария.</p><script>window.undefinedFunction();</script>"),
        {},
    ),
    "/console-error/": (
        200,
        "text/html; charset=utf-8",
        html("<p>Сообщение в консоли.</p><script>console.error('chart failed');</script>"),
        {},
    ),
    "/csp/": (
        200,
        "text/html; charset=utf-8",
        html("<p>Встроенный сценарий запрещён.</p><script>document.title = 'x';</script>"),
        {"Content-Security-Policy": "script-src 'self'"},
    ),
}


class TinySite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        status, content_type, body, headers = PAGES.get(
            self.path, (404, "text/html", "Not found", {})
        )
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def tiny_site():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), TinySite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def tiny_browser(browser):
    # The suite's one Playwright session: a second sync_playwright() in the same thread fails
    # once another browser test has started the first one.
    return browser


ALLOW = allowlist_from_vocabulary(
    {
        "labels_ru": ["Альфа-PVP", "Героин"],
        "labels_en": ["Acetic anhydride", "Heroin"],
        "usernames": ["kg_analyst"],
    }
)


@pytest.fixture(scope="module")
def measure(tiny_browser, tiny_site):
    """Crawl one tiny page (no link followed) and return the violations of one check."""

    def run(path: str, check: str, language: str = "ru"):
        result = crawl(
            tiny_browser,
            tiny_site,
            Persona("anonymous", None),
            language,
            RouteMatcher([]),
            password="",
            bounds=Bounds(max_depth=0),
            start=path,
        )
        return run_check(check, result, ALLOW)

    return run


def items(violations) -> set[str]:
    return {v.item for v in violations}


def test_a_clean_page_passes_every_check(tiny_browser, tiny_site):
    result = crawl(
        tiny_browser,
        tiny_site,
        Persona("anonymous", None),
        "ru",
        RouteMatcher([]),
        password="",
        bounds=Bounds(max_depth=0),
        start="/clean/",
    )
    assert [p.path for p in result.pages] == ["/clean/"]
    assert result.link_statuses["/ok/"].status == 200
    assert run_all(result, ALLOW) == []
    assert {check.name for check in CHECKS} == {
        "broken_links",
        "other_hosts",
        "overflow_1366",
        "overflow_390",
        "raw_codes",
        "script_mixing",
        "axe",
        "server_errors",
        "js_errors",
    }


def test_links_that_answer_403_or_404_are_reported_hidden_ones_are_not(measure):
    assert items(measure("/broken-links/", "broken_links")) == {"403 /forbidden/", "404 /missing/"}


def test_a_request_to_another_host_is_reported(measure):
    found = measure("/other-host/", "other_hosts")
    assert "https://cdn.example.invalid/swagger.png" in items(found)


def test_sideways_scrolling_at_1366_names_the_element_where_it_starts(measure):
    found = measure("/too-wide/", "overflow_1366")
    assert len(found) == 1
    assert "form.filters > div.too-wide" in found[0].detail
    assert found[0].width == 1366


def test_sideways_scrolling_at_390_only_is_reported_for_390(measure):
    assert measure("/wide-on-phones/", "overflow_1366") == []
    found = measure("/wide-on-phones/", "overflow_390")
    assert len(found) == 1 and "table.tdi" in found[0].detail


def test_collapsed_content_is_read_but_measured_as_shown(measure):
    # A person opens a collapsed table, so its words count; closed, it does not widen the page.
    assert items(measure("/closed-details/", "script_mixing")) == {"Save", "as"}
    assert measure("/closed-details/", "overflow_390") == []


def test_raw_code_tokens_in_visible_text_are_reported(measure):
    # Tokens marked up as code (a column header to type, a rule's identifier) are not reported.
    assert items(measure("/raw-codes/", "raw_codes")) == {
        "table_I",
        "sc.azole_3_carbonyl",
        "national:KZ",
        "supply.seizure #3512",
        "{'document':",
    }


def test_latin_words_on_a_russian_page_are_reported_beyond_the_allow_list(measure):
    # "Save as SVG" sits in a collapsed <details>: a person opens it, so it counts. Codes
    # marked up as code (a column and its values) are no language's words and do not.
    assert items(measure("/latin/", "script_mixing")) == {"kg", "Acetic", "anhydride", "Save", "as"}


def test_cyrillic_words_on_an_english_page_are_reported(measure):
    found = items(measure("/cyrillic/", "script_mixing", language="en"))
    assert found == {"Страница", "Первое", "выявление", "в", "регионе"}


def test_axe_serious_and_critical_violations_are_reported(measure):
    rules = {item.split()[0] for item in items(measure("/axe/", "axe"))}
    assert {"image-alt", "label", "button-name"} <= rules


def test_5xx_of_a_loaded_file_and_of_a_link_are_reported(measure):
    assert items(measure("/server-error/", "server_errors")) == {"500 /boom.css", "500 /boom/"}


def test_an_uncaught_javascript_error_is_reported(measure):
    found = items(measure("/js-error/", "js_errors"))
    assert any(item.startswith("uncaught:") and "undefinedFunction" in item for item in found)


def test_a_console_error_is_reported(measure):
    assert any("chart failed" in item for item in items(measure("/console-error/", "js_errors")))


def test_a_content_security_policy_violation_is_reported(measure):
    assert any("CSP violation: script-src" in item for item in items(measure("/csp/", "js_errors")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Список: table_I", {("snake_case identifier", "table_I")}),
        ("→ narcotic_drugs", {("snake_case identifier", "narcotic_drugs")}),
        ("(правило: library.exact_match)", {("dotted identifier", "library.exact_match")}),
        ("правило sc.azole_3_carbonyl", {("dotted identifier", "sc.azole_3_carbonyl")}),
        ("список national:KZ", {("namespaced code", "national:KZ")}),
        ("объект app.model #123", {("object reference", "app.model #123")}),
        ("['cas', 'name', 'hs']", {("dict or list repr", "['cas',")}),
        ("значение None", {("program value", "None")}),
        ("{{ value }}", {("template syntax", "{{"), ("template syntax", "}}")}),
        ("Извлечение: extract-eae4c1d5e0", {("internal identifier", "extract-eae4c1d5e0")}),
        ("national UZ 1 #3389121664", {("internal identifier", "#3389121664")}),
    ],
)
def test_each_raw_code_pattern_finds_its_example(text, expected):
    assert set(raw_code_tokens(text, "ru")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "почта kg_focal@demo.cadis.invalid",
        "https://example.org/a_b/",
        "файл cadis-KG-ru.pdf",
        "например, e.g. JWH-018, 5F-MDMB-PICA, C20H25N3O, CAS 108-24-7, №12, #12, #coffee, 2024-10-30",
        "время 09:54",
        "1,5 кг",
        "None of them",
    ],
)
def test_addresses_files_names_and_english_none_are_not_raw_codes(text):
    assert raw_code_tokens(text, "en") == {}


def test_allowed_identifiers_such_as_usernames_are_not_raw_codes():
    assert raw_code_tokens("Вход: kg_analyst", "ru", frozenset({"kg_analyst"})) == {}


def test_the_allow_list_takes_latin_words_from_russian_labels_not_from_english_ones():
    assert foreign_script_words("Альфа-PVP", "ru", ALLOW) == {}
    assert foreign_script_words("Acetic anhydride", "ru", ALLOW) == {"Acetic": 1, "anhydride": 1}
    assert foreign_script_words("Русский", "en", ALLOW) == {}
    assert foreign_script_words("English", "ru", ALLOW) == {}
    assert foreign_script_words("Schedule II, атом C, Cl", "ru", ALLOW) == {"Schedule": 1}
    assert {
        "EUDA",
        "UNODC",
        "INCB",
        "CADAP",
        "SMILES",
        "InChIKey",
        "CAS",
        "HS",
        "TDI",
        "GC",
        "MS",
    } <= ACRONYMS


def test_format_system_and_currency_names_are_allowed_but_not_their_parts_or_words():
    text = (
        "Спектр (MSP, JCAMP-DX или MGF), ошибка 5 ppm; SDMX-ML 2.1; в порядке полей PEN Online; "
        "цена 1200 KZT (код ISO 4217, USD); ADX (XML); SWGDRUG; SMARTS"
    )
    assert foreign_script_words(text, "ru", ALLOW) == {}
    assert foreign_script_words("DX, ML, Online, Schedule", "ru", ALLOW) == {
        "DX": 1,
        "ML": 1,
        "Online": 1,
        "Schedule": 1,
    }


def test_people_and_organisations_are_allowed_as_whole_names_only():
    allow = allowlist_from_vocabulary({"people": ["Aigerim Demo (synthetic)"]})
    assert foreign_script_words("Эксперт: Aigerim Demo (synthetic)", "ru", allow) == {}
    assert foreign_script_words("данные synthetic", "ru", allow) == {"synthetic": 1}


def test_a_word_mixing_both_scripts_counts_in_either_language():
    assert foreign_script_words("Сyд", "ru", ALLOW) == {
        "Сyд": 1
    }  # Latin "y" among Cyrillic letters
    assert foreign_script_words("Сyд", "en", ALLOW) == {"Сyд": 1}


def test_the_vendored_axe_core_is_the_published_file():
    assert hashlib.sha256(AXE_PATH.read_bytes()).hexdigest() == AXE_SHA256


@pytest.mark.parametrize("module", ["words", "text_checks", "allowlist"])
def test_the_examples_in_the_docstrings_hold(module):
    import doctest
    import importlib

    outcome = doctest.testmod(importlib.import_module(f"tests.browser.crawl.{module}"))
    assert outcome.attempted > 0 and outcome.failed == 0
