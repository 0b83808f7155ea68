"""The crawl's checks: each turns what the crawl observed into violations.

Every check is a small function ``check_<name>(result, ...) -> list[Violation]`` over a
:class:`CrawlResult`; ``CHECKS`` lists them with the question each answers. The unit tests
(``tests/browser/test_crawl_checks.py``) show each one failing on a tiny page made to fail it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.browser.crawl.allowlist import AllowList
from tests.browser.crawl.records import NARROW, WIDE, CrawlResult, Violation
from tests.browser.crawl.text_checks import foreign_script_words, raw_code_tokens

AXE_FAILING_IMPACTS = ("serious", "critical")


def _violation(
    result: CrawlResult, check: str, page: str, item: str, detail: str = "", width: int = 0
) -> Violation:
    return Violation(check, result.persona, result.language, width, page, item, detail)


def check_broken_links(result: CrawlResult) -> list[Violation]:
    """A link the persona is shown answers 403 or 404 (after redirects) with its session."""
    found = []
    for page in result.pages:
        for link in page.links:
            status = result.link_statuses.get(link)
            if status is not None and status.status in (403, 404):
                found.append(
                    _violation(result, "broken_links", page.path, f"{status.status} {link}")
                )
    return found


def is_other_host(url: str, origin: str) -> bool:
    """True for a network request that leaves ``origin`` (data:, blob: and about: stay home)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension", "devtools"):
        return False
    home = urlsplit(origin)
    return (parts.scheme, parts.hostname, parts.port) != (home.scheme, home.hostname, home.port)


def check_other_hosts(result: CrawlResult) -> list[Violation]:
    """A page asks another host for anything (script, style, font, image, XHR, frame)."""
    found = []
    for page in result.pages:
        for observation in page.observations.values():
            for url in sorted(set(observation.requests_elsewhere)):
                found.append(
                    _violation(result, "other_hosts", page.path, url, width=observation.width)
                )
    return found


def _check_overflow(result: CrawlResult, width: int) -> list[Violation]:
    found = []
    for page in result.pages:
        observation = page.observations.get(width)
        if observation is None or observation.scroll_width <= observation.client_width:
            continue
        offenders = "; ".join(
            f"{o['element']} (right edge {o['right']} px)"
            for o in observation.overflow_offenders[:3]
        )
        found.append(
            _violation(
                result,
                f"overflow_{width}",
                page.path,
                f"{observation.scroll_width} px wide in a {observation.client_width} px window",
                offenders,
                width,
            )
        )
    return found


def check_overflow_wide(result: CrawlResult) -> list[Violation]:
    """The page scrolls sideways at 1,366 px (documentElement.scrollWidth > clientWidth)."""
    return _check_overflow(result, WIDE)


def check_overflow_narrow(result: CrawlResult) -> list[Violation]:
    """The page scrolls sideways at 390 px (documentElement.scrollWidth > clientWidth)."""
    return _check_overflow(result, NARROW)


# Pages whose subject is identifiers: the API reference (Swagger UI) names its parameters.
CODE_REFERENCE_ROUTES = frozenset({"/api/v1/docs"})


def check_raw_codes(result: CrawlResult, allow: AllowList) -> list[Violation]:
    """Visible text shows raw code tokens (``table_I``, ``sc.azole_3_carbonyl``, dict reprs …).

    What the page marks up as code (``<code>``, ``<kbd>``, ``<samp>``) is code on purpose and
    is not read; the API reference is all identifiers and is not read either.
    """
    found = []
    for page in result.pages:
        if page.route in CODE_REFERENCE_ROUTES:
            continue
        tokens = raw_code_tokens(page.text_outside_code, result.language, allow.identifiers)
        for (pattern, token), count in sorted(tokens.items()):
            found.append(_violation(result, "raw_codes", page.path, token, f"{pattern}, {count}×"))
    return found


def check_script_mixing(result: CrawlResult, allow: AllowList) -> list[Violation]:
    """Latin words on a Russian page, Cyrillic words on an English one, beyond the allow-list.

    Parts marked with another ``lang`` attribute (a document quoted in its own language)
    are left out of this check, as WCAG's "language of parts" intends.
    """
    found = []
    for page in result.pages:
        for word, count in sorted(
            foreign_script_words(page.text_own_language, result.language, allow).items()
        ):
            found.append(_violation(result, "script_mixing", page.path, word, f"{count}×"))
    return found


def check_axe(result: CrawlResult) -> list[Violation]:
    """axe-core reports a serious or critical violation (one per rule and page)."""
    found = []
    for page in result.pages:
        for rule in page.axe_violations:
            if rule.get("impact") in AXE_FAILING_IMPACTS:
                targets = ", ".join(rule.get("targets", [])[:3])
                found.append(
                    _violation(
                        result,
                        "axe",
                        page.path,
                        f"{rule['id']} ({rule['impact']})",
                        f"{rule['nodes']} node(s): {targets}",
                        WIDE,
                    )
                )
    return found


def check_server_errors(result: CrawlResult) -> list[Violation]:
    """A 5xx answer: to a page, to anything a page loads, or to a link's status check."""
    found = []
    for page in result.pages:
        for observation in page.observations.values():
            for line in sorted(set(observation.server_errors)):
                found.append(
                    _violation(result, "server_errors", page.path, line, width=observation.width)
                )
        for link in page.links:
            status = result.link_statuses.get(link)
            if status is not None and status.status >= 500:
                found.append(
                    _violation(
                        result, "server_errors", page.path, f"{status.status} {link}", "link"
                    )
                )
    return found


def check_js_errors(result: CrawlResult) -> list[Violation]:
    """An uncaught JavaScript error, or an error in the console (CSP violations included)."""
    found = []
    for page in result.pages:
        for observation in page.observations.values():
            for message in sorted(set(observation.page_errors)):
                found.append(
                    _violation(
                        result,
                        "js_errors",
                        page.path,
                        f"uncaught: {message[:300]}",
                        width=observation.width,
                    )
                )
            for message in sorted(set(observation.console_errors)):
                found.append(
                    _violation(
                        result,
                        "js_errors",
                        page.path,
                        f"console: {message[:300]}",
                        width=observation.width,
                    )
                )
        if page.crawl_error:
            found.append(
                _violation(
                    result, "js_errors", page.path, f"page did not load: {page.crawl_error[:300]}"
                )
            )
    return found


@dataclass(frozen=True)
class Check:
    name: str
    question: str
    run: Callable[..., list[Violation]]
    needs_allowlist: bool = False


CHECKS: tuple[Check, ...] = (
    Check("broken_links", "no link shown that answers 403/404", check_broken_links),
    Check("other_hosts", "no request to another host", check_other_hosts),
    Check("overflow_1366", "no sideways scrolling at 1,366 px", check_overflow_wide),
    Check("overflow_390", "no sideways scrolling at 390 px", check_overflow_narrow),
    Check("raw_codes", "no raw code tokens in visible text", check_raw_codes, needs_allowlist=True),
    Check(
        "script_mixing",
        "one script per language beyond the allow-list",
        check_script_mixing,
        needs_allowlist=True,
    ),
    Check("axe", "axe-core serious/critical = 0", check_axe),
    Check("server_errors", "no 5xx", check_server_errors),
    Check("js_errors", "no JavaScript or console error (CSP included)", check_js_errors),
)
CHECKS_BY_NAME = {check.name: check for check in CHECKS}


def run_check(name: str, result: CrawlResult, allow: AllowList) -> list[Violation]:
    check = CHECKS_BY_NAME[name]
    return check.run(result, allow) if check.needs_allowlist else check.run(result)


def run_all(result: CrawlResult, allow: AllowList) -> list[Violation]:
    return [violation for check in CHECKS for violation in run_check(check.name, result, allow)]
