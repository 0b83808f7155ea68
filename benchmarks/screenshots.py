"""Screenshots of the main pages, in Russian at 1,366 px, into docs/screenshots/ (``make screenshots``).

Uses the crawl's harness (``tests/browser/crawl``): the demo is prepared in a temporary
CADIS_HOME, served with DEBUG off, and each page is opened as the persona who works with it.
Pages are found by following links (the first screening job, the first document …), so the
pictures do not depend on database ids. Each picture is the page from its top, down to
``--max-height`` pixels (the first screens are what a reader judges).

    python benchmarks/screenshots.py                    # all pictures
    python benchmarks/screenshots.py --only supply      # one of them
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.crawl import page_scripts  # noqa: E402
from tests.browser.crawl.crawler import PERSONAS, VIEWPORTS, sign_in  # noqa: E402
from tests.browser.crawl.harness import CrawlSession, launch_browser  # noqa: E402
from tests.browser.crawl.records import WIDE  # noqa: E402
from tests.browser.crawl.server import DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
JWH_018 = "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21"


def first_link(page, start: str, pattern: str) -> str:
    """Open ``start`` and return the first visible link whose path matches ``pattern``."""
    page.goto(start, wait_until="load")
    for href in page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    ):
        if href and re.fullmatch(pattern, href.split("?")[0]):
            return href
    raise RuntimeError(f"no link matching {pattern} on {start}")


def identify(page) -> None:
    page.goto("/ews/", wait_until="load")
    page.fill("#identify-form textarea", JWH_018)
    with page.expect_navigation(wait_until="load"):
        page.click("#identify-form button[type=submit]")


@dataclass(frozen=True)
class Shot:
    name: str  # file name without .png
    persona: str  # key of tests.browser.crawl.crawler.PERSONAS
    open: Callable[[object], None]  # brings the page to what is shown


def goto(path: str) -> Callable[[object], None]:
    return lambda page: page.goto(path, wait_until="load")


def follow(start: str, pattern: str) -> Callable[[object], None]:
    return lambda page: page.goto(first_link(page, start, pattern), wait_until="load")


SHOTS: tuple[Shot, ...] = (
    Shot("home", "analyst", goto("/")),
    Shot("supply-dashboard", "analyst", goto("/supply/")),
    Shot(
        "precursors-screening-result",
        "customs",
        follow("/precursors/screening/", r"/precursors/screening/\d+/"),
    ),
    Shot("ews-identification", "laboratory", identify),
    Shot("documents-review", "focal_point", follow("/documents/", r"/documents/\d+/")),
    Shot(
        "treatment-tables", "analyst", follow("/treatment/", r"/treatment/tables/[A-Z]{2}/\d{4}/")
    ),
    Shot("reports-country-profile", "analyst", goto("/reports/KG/")),
)


def take(browser, origin: str, shot: Shot, max_height: int) -> Path:
    context = browser.new_context(base_url=origin, locale="ru-RU", viewport=VIEWPORTS[WIDE])
    context.add_cookies([{"name": "django_language", "value": "ru", "url": origin}])
    try:
        page = context.new_page()
        username = PERSONAS[shot.persona].username
        if username:
            sign_in(page, username, DEMO_PASSWORD)
        shot.open(page)
        page.evaluate(page_scripts.SETTLE)
        height = min(page.evaluate("document.documentElement.scrollHeight"), max_height)
        path = OUT / f"{shot.name}.png"
        page.screenshot(
            path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": WIDE, "height": height}
        )
        return path
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], choices=[s.name for s in SHOTS])
    parser.add_argument(
        "--max-height", type=int, default=2400, help="pixels from the top (default 2400)"
    )
    parser.add_argument("--home", type=Path, help="demo installation to prepare once and reuse")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with (
        CrawlSession.open(home=args.home, server_workers=2) as session,
        sync_playwright() as playwright,
    ):
        browser = launch_browser(playwright)
        try:
            for shot in SHOTS:
                if args.only and shot.name not in args.only:
                    continue
                path = take(browser, session.origin, shot, args.max_height)
                print(f"{path.relative_to(ROOT)} ({shot.persona})")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
