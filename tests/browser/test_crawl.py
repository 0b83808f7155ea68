"""Issue #14's acceptance crawl: every navigation page, as each persona, in Russian and English.

The demo (``cadis demo --no-serve``) is prepared in a temporary CADIS_HOME and served by
gunicorn with DEBUG off (``tests/browser/crawl/server.py``); seven personas are crawled in
Russian and three in English at 1,366 and 390 px (``CRAWLS``), two crawls at a time, once per
test session. Each test asserts one check of one crawl, so a failure names the check, the
persona, the language and the pages (``benchmarks/ui_audit.py`` writes the same as a report).

``CADIS_CRAWL_HOME=/some/dir`` reuses a prepared installation between runs (development);
``CADIS_CRAWL_PORTS=8600-8699`` keeps the server in a port range of one's own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.crawl.checks import CHECKS, run_check
from tests.browser.crawl.crawler import CRAWLS
from tests.browser.crawl.harness import CrawlSession
from tests.browser.crawl.report import crawl_id

pytestmark = pytest.mark.browser

# Pages every persona must have reached (the crawl would pass vacuously on a broken home page).
EXPECTED_ROUTES = {
    "anonymous": {"/", "/supply/", "/ews/"},
    "analyst": {"/", "/supply/", "/ews/", "/treatment/"},
    "data_provider": {"/", "/supply/"},
    "customs": {"/", "/precursors/"},
    "laboratory": {"/", "/ews/"},
    "focal_point": {"/", "/supply/", "/accounts/audit/"},
    "regional": {"/", "/supply/", "/reports/"},
}


# Issue #14 is not closed yet: the violations the UI audit counted per crawl on 8 Dec 2026 at
# bb7b26c with every chart drawn (``benchmarks/ui_audit.py``): only words of the other script
# are left (country codes in a demo notification's route, the engine's concealment label
# "hidden", file extensions on the upload pages, "kg" in seizure names stored as written).
# Stored text is marked with its language; the API reference is marked as the English part it is. A count may only go down: a crawl with more
# violations of a check than listed here fails, and a check not listed must have none. Lower
# an entry (or remove it) whenever a fix lands; the target is zero.
OPEN_VIOLATIONS: dict[str, dict[str, int]] = {
    "ru-analyst": {"script_mixing": 3},
    "ru-anonymous": {"script_mixing": 3},
    "ru-customs": {"script_mixing": 11},
    "ru-data_provider": {"script_mixing": 11},
    "ru-focal_point": {"script_mixing": 13},
    "ru-laboratory": {"script_mixing": 11},
    "ru-regional": {"script_mixing": 3},
}


@pytest.fixture(scope="module")
def crawl_session(request):
    """The demo served and crawled once, for the crawls the selected tests ask about (-k)."""
    wanted = {
        item.callspec.params["crawl_key"]
        for item in request.session.items
        if getattr(item, "module", None) is request.module and hasattr(item, "callspec")
    }
    home = os.environ.get("CADIS_CRAWL_HOME")
    with CrawlSession.open(home=Path(home) if home else None) as session:
        session.crawl_all([key for key in CRAWLS if key in wanted], workers=2)
        yield session


@pytest.mark.parametrize("crawl_key", CRAWLS, ids=[crawl_id(*key) for key in CRAWLS])
def test_the_crawl_reaches_the_pages_of_the_persona(crawl_session, crawl_key):
    result = crawl_session.results[crawl_key]
    reached = {page.route for page in result.pages}
    missing = EXPECTED_ROUTES[crawl_key[0]] - reached
    assert not missing, f"{crawl_id(*crawl_key)} did not reach {sorted(missing)}"
    assert len(result.pages) >= len(EXPECTED_ROUTES[crawl_key[0]]) + 2


@pytest.mark.parametrize("check", [check.name for check in CHECKS])
@pytest.mark.parametrize("crawl_key", CRAWLS, ids=[crawl_id(*key) for key in CRAWLS])
def test_no_page_fails_the_check_beyond_the_open_count(crawl_session, crawl_key, check):
    violations = run_check(check, crawl_session.results[crawl_key], crawl_session.allow)
    allowed = OPEN_VIOLATIONS.get(crawl_id(*crawl_key), {}).get(check, 0)
    listed = "\n".join(
        f"  {v.page} [{v.width or '-'}] {v.item} {v.detail}".rstrip() for v in violations[:40]
    )
    more = f"\n  … and {len(violations) - 40} more" if len(violations) > 40 else ""
    assert len(violations) <= allowed, (
        f"{len(violations)} violation(s) of '{check}' in {crawl_id(*crawl_key)} "
        f"(open count {allowed}):\n{listed}{more}"
    )
