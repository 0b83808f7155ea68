"""One crawl session: a demo installation, its server, a browser, and the crawls done so far.

Shared by the pytest fixture (``tests/browser/test_crawl.py``), the audit
(``benchmarks/ui_audit.py``) and the screenshots (``benchmarks/screenshots.py``):

    with CrawlSession.open() as session:
        result = session.crawl("analyst", "ru")   # crawled once, then cached
"""

from __future__ import annotations

import os
import queue
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.crawl import server as demo
from tests.browser.crawl.allowlist import AllowList, allowlist_from_vocabulary
from tests.browser.crawl.crawler import CRAWLS, PERSONAS, Bounds, RouteMatcher, crawl
from tests.browser.crawl.records import CrawlResult, LinkStatus

CHROMIUM = Path(os.environ.get("CADIS_CHROMIUM", "/usr/bin/chromium"))
# No request may leave the machine: every host but the demo's resolves to nothing, so a page
# that asks a CDN shows up as a request event (and a failed load), never as a real download.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def launch_browser(playwright):
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium")
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


# Largest crawls first, so that two workers finish at about the same time.
CRAWL_ORDER = (
    "focal_point",
    "data_provider",
    "customs",
    "laboratory",
    "regional",
    "analyst",
    "anonymous",
)


@dataclass
class CrawlSession:
    server: demo.DemoServer
    routes: RouteMatcher
    allow: AllowList
    bounds: Bounds = field(default_factory=Bounds)
    results: dict[tuple[str, str], CrawlResult] = field(default_factory=dict)
    # Link answers per username: they depend on who asks, not on the interface language.
    link_statuses: dict[str, dict[str, LinkStatus]] = field(default_factory=dict)
    prepare_seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def origin(self) -> str:
        return self.server.origin

    def _crawl_with(self, browser, persona_key: str, language: str) -> CrawlResult:
        persona = PERSONAS[persona_key]
        with self._lock:
            cache = self.link_statuses.setdefault(persona.username or "anonymous", {})
        return crawl(
            browser,
            self.origin,
            persona,
            language,
            self.routes,
            password=demo.DEMO_PASSWORD,
            bounds=self.bounds,
            status_cache=cache,
        )

    def crawl_all(self, wanted=CRAWLS, workers: int = 2) -> dict[tuple[str, str], CrawlResult]:
        """Crawl each (persona, language) of ``wanted`` not crawled yet, ``workers`` at a time.

        Each worker is a thread with its own Playwright and Chromium (Playwright's sync API
        belongs to the thread that started it).
        """
        todo: queue.Queue[tuple[str, str]] = queue.Queue()
        for key in sorted(
            set(wanted) - set(self.results), key=lambda k: (k[1] != "ru", CRAWL_ORDER.index(k[0]))
        ):
            todo.put(key)
        errors: list[BaseException] = []

        def work() -> None:
            from playwright.sync_api import sync_playwright

            try:
                with sync_playwright() as playwright:
                    browser = launch_browser(playwright)
                    try:
                        while True:
                            try:
                                key = todo.get_nowait()
                            except queue.Empty:
                                return
                            result = self._crawl_with(browser, *key)
                            with self._lock:
                                self.results[key] = result
                    finally:
                        browser.close()
            except BaseException as error:  # reported in the calling thread
                errors.append(error)

        threads = [threading.Thread(target=work, name=f"crawl-{n}") for n in range(max(1, workers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return self.results

    def crawl(self, persona_key: str, language: str) -> CrawlResult:
        """One crawl (cached), in a worker thread like the others."""
        return self.crawl_all([(persona_key, language)], workers=1)[(persona_key, language)]

    @classmethod
    @contextmanager
    def open(cls, home: Path | None = None, bounds: Bounds | None = None, server_workers: int = 3):
        """Prepare (or reuse) a demo installation and serve it; stop and clean up after.

        ``home``: an installation directory to reuse between runs (prepared when empty);
        without it a temporary one is made and removed afterwards.
        """
        started = time.monotonic()
        temporary = home is None
        home = Path(tempfile.mkdtemp(prefix="cadis-crawl-")) if home is None else home
        server = None
        try:
            demo.prepare_demo(home)
            vocabulary = demo.demo_vocabulary(home)
            server = demo.start_server(home, workers=server_workers)
            yield cls(
                server=server,
                routes=RouteMatcher(vocabulary["url_patterns"]),
                allow=allowlist_from_vocabulary(vocabulary),
                bounds=bounds or Bounds(),
                prepare_seconds=round(time.monotonic() - started, 1),
            )
        finally:
            if server is not None:
                server.stop()
            if temporary:
                demo.discard(home)
