"""A bounded crawl of what one persona reaches, in one language, at 1,366 and 390 px.

From the home page the crawler follows the visible same-origin links, breadth first:
- only GET (links), never a form; never sign-out, the language switch or Django's admin;
- at most ``Bounds.per_route`` pages per URL pattern ("one or two detail pages per list"),
  ``Bounds.max_depth`` clicks from home and ``Bounds.max_pages`` pages;
- every visible link's status is fetched with the persona's session (redirects followed),
  which is also how downloads are told from pages: only HTML answers are visited.
Each page is loaded at 1,366 px and measured (overflow) and read (links, text with
<details> opened, axe-core), then narrowed to 390 px as shown and measured (overflow);
requests to other hosts, 5xx, console and page errors are recorded with the width shown.
"""

from __future__ import annotations

import re
import time
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import HTTPCookieProcessor, Request, build_opener

from tests.browser.crawl import page_scripts
from tests.browser.crawl.checks import is_other_host
from tests.browser.crawl.records import (
    NARROW,
    WIDE,
    CrawlResult,
    LinkStatus,
    PageVisit,
    WidthObservation,
)

SIGN_IN_PATH = "/accounts/login/"
VIEWPORTS = {WIDE: {"width": WIDE, "height": 900}, NARROW: {"width": NARROW, "height": 844}}
NEVER_VISIT = re.compile(r"^/(?:accounts/logout/|i18n/|admin/)")


@dataclass(frozen=True)
class Persona:
    key: str  # what the persona stands for: "analyst", "customs" …
    username: str | None  # None: anonymous


PERSONAS: dict[str, Persona] = {
    p.key: p
    for p in (
        Persona("anonymous", None),
        Persona("analyst", "kg_analyst"),
        Persona("data_provider", "kg_police"),
        Persona("customs", "kz_customs"),
        Persona("laboratory", "kg_lab"),
        Persona("focal_point", "kg_focal"),
        Persona("regional", "regional"),
    )
}
# Issue #14: every persona in Russian, three in English.
CRAWLS: tuple[tuple[str, str], ...] = tuple((key, "ru") for key in PERSONAS) + tuple(
    (key, "en") for key in ("anonymous", "analyst", "focal_point")
)


@dataclass(frozen=True)
class Bounds:
    """How far a crawl goes. A "route" is a URL pattern: ``/supply/seizures/<int:pk>/``.

    ``per_route=1`` visits one page of each pattern a persona reaches (one detail page per
    list; filter and page variants of a list share its pattern); every visible link's status
    is still checked, up to ``link_checks_per_route`` distinct addresses per pattern.
    """

    max_depth: int = 3
    per_route: int = 1
    max_pages: int = 120
    link_checks_per_route: int = 5


class RouteMatcher:
    """Maps a path to its URL pattern, from the patterns ``vocabulary_dump`` printed."""

    def __init__(self, patterns: list[dict[str, str]]) -> None:
        self._patterns = [(re.compile(p["regex"]), p["route"]) for p in patterns]

    def route(self, path: str) -> str:
        bare = urlsplit(path).path
        for regex, route in self._patterns:
            if regex.match(bare):
                return route
        return bare


class LinkChecker:
    """GETs links with a persona's cookies in background threads; answers are cached per persona.

    The browser goes on to the next page while the links of the last one are fetched.
    """

    def __init__(self, origin: str, cookies: dict[str, str], cache: dict[str, LinkStatus]) -> None:
        self.origin = origin
        self.cache = cache
        self._cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self._opener = build_opener(HTTPCookieProcessor())
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="link-check")
        self._in_flight: dict[str, Future] = {}

    def _fetch(self, path: str) -> LinkStatus:
        request = Request(
            self.origin + path, headers={"Cookie": self._cookie_header, "Accept": "text/html,*/*"}
        )
        started = time.monotonic()
        try:
            with self._opener.open(request, timeout=120) as response:
                final = response.geturl()
                status, content_type = response.status, response.headers.get("Content-Type", "")
        except HTTPError as error:
            final, status, content_type = (
                error.geturl(),
                error.code,
                error.headers.get("Content-Type", ""),
            )
        except (URLError, TimeoutError) as error:
            return LinkStatus(path, 599, "", f"no answer: {error}")
        final_path = _path_of(final) if final else ""
        signed_out = final_path.startswith(SIGN_IN_PATH) and not path.startswith(SIGN_IN_PATH)
        seconds = round(time.monotonic() - started, 2)
        status = LinkStatus(path, status, final_path, content_type, signed_out, seconds)
        self.cache[path] = status
        return status

    def submit(self, paths: list[str]) -> dict[str, Future]:
        futures: dict[str, Future] = {}
        for path in dict.fromkeys(paths):
            if path in self.cache:
                futures[path] = Future()
                futures[path].set_result(self.cache[path])
            else:
                if path not in self._in_flight:
                    self._in_flight[path] = self._pool.submit(self._fetch, path)
                futures[path] = self._in_flight[path]
        return futures

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class _Recorder:
    """Collects the events of one page while it is observed at one width."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.current: WidthObservation | None = None

    def attach(self, page) -> None:
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_request(self, request) -> None:
        if self.current is not None and is_other_host(request.url, self.origin):
            self.current.requests_elsewhere.append(request.url)

    def _on_response(self, response) -> None:
        if self.current is not None and response.status >= 500:
            self.current.server_errors.append(f"{response.status} {_path_of(response.url)}")

    def _on_console(self, message) -> None:
        if self.current is not None and message.type == "error":
            self.current.console_errors.append(message.text)

    def _on_page_error(self, error) -> None:
        if self.current is not None:
            self.current.page_errors.append(str(error))


def _measure_overflow(page, observation: WidthObservation) -> None:
    overflow = page.evaluate(page_scripts.OVERFLOW)
    observation.scroll_width = overflow["scrollWidth"]
    observation.client_width = overflow["clientWidth"]
    observation.overflow_offenders = overflow["offenders"]


def load(page, recorder: _Recorder, path: str) -> WidthObservation:
    """Load ``path`` at 1,366 px, wait for it to settle and measure its overflow."""
    wide = WidthObservation(width=WIDE)
    recorder.current = wide
    page.set_viewport_size(VIEWPORTS[WIDE])
    response = page.goto(path, wait_until="load", timeout=90_000)
    page.evaluate(page_scripts.SETTLE)
    if response is not None:
        wide.status = response.status
        wide.final_url = _path_of(response.url)
        wide.content_type = response.headers.get("content-type", "")
    _measure_overflow(page, wide)
    return wide


def narrow_down(page, recorder: _Recorder, wide: WidthObservation) -> WidthObservation:
    """Narrow the loaded page to 390 px, as shown (collapsed <details> closed), and measure it.

    The page is loaded once: narrowing the window applies the CSS media queries and the
    charts' resize handlers just as a first load at 390 px would, at half the server time.
    """
    page.evaluate(page_scripts.CLOSE_OPENED)
    narrow = WidthObservation(
        width=NARROW, status=wide.status, final_url=wide.final_url, content_type=wide.content_type
    )
    recorder.current = narrow
    page.set_viewport_size(VIEWPORTS[NARROW])
    page.evaluate(page_scripts.SETTLE)
    _measure_overflow(page, narrow)
    return narrow


def read_content(
    page, origin: str, axe_loader: str | None
) -> tuple[list[str], str, str, str, list[dict]]:
    """Visible same-origin links, text, own-language text, text outside code markup and
    axe-core violations of a loaded page."""
    content = page.evaluate(page_scripts.CONTENT)
    links = [
        _path_of(href.split("#", 1)[0])
        for href in content["links"]
        if not is_other_host(href, origin) and href.startswith(("http://", "https://"))
    ]
    violations: list[dict] = []
    if axe_loader is not None:
        page.evaluate(axe_loader)
        violations = page.evaluate(page_scripts.AXE_RUN)
    return (
        list(dict.fromkeys(links)),
        content["text"],
        content["ownText"],
        content["prose"],
        violations,
    )


def sign_in(page, username: str, password: str) -> None:
    page.goto(SIGN_IN_PATH, wait_until="load")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation(wait_until="load"):
        page.click("main form button[type=submit]")
    if page.locator("form[action*='logout']").count() == 0:
        raise RuntimeError(f"could not sign in as {username}: still on {page.url}")


def crawl(
    browser,
    origin: str,
    persona: Persona,
    language: str,
    routes: RouteMatcher,
    *,
    password: str,
    bounds: Bounds = Bounds(),
    status_cache: dict[str, LinkStatus] | None = None,
    run_axe: bool = True,
    start: str = "/",
) -> CrawlResult:
    """Crawl what ``persona`` reaches in ``language`` from ``start``; see the module docstring."""
    started = time.monotonic()
    result = CrawlResult(
        persona=persona.key, language=language, username=persona.username or "", origin=origin
    )
    result.bounds = {
        "max_depth": bounds.max_depth,
        "per_route": bounds.per_route,
        "max_pages": bounds.max_pages,
        "link_checks_per_route": bounds.link_checks_per_route,
    }
    context = browser.new_context(base_url=origin, locale="ru-RU" if language == "ru" else "en-GB")
    context.add_init_script(page_scripts.CSP_REPORTER)
    context.add_cookies([{"name": "django_language", "value": language, "url": origin}])
    recorder = _Recorder(origin)
    page = context.new_page()
    recorder.attach(page)
    axe_loader = page_scripts.axe_loader() if run_axe else None
    try:
        if persona.username:
            sign_in(page, persona.username, password)
        recorder.current = None
        cookies = {c["name"]: c["value"] for c in context.cookies()}
        checker = LinkChecker(origin, cookies, status_cache if status_cache is not None else {})
        try:
            _walk(result, page, recorder, checker, routes, bounds, axe_loader, start)
        finally:
            checker.close()
    finally:
        recorder.current = None
        context.close()
    result.seconds = round(time.monotonic() - started, 1)
    return result


def _walk(result, page, recorder, checker, routes, bounds, axe_loader, start) -> None:
    queue: deque[tuple[str, int, str]] = deque([(start, 0, "")])
    planned = {start}
    visits_per_route: Counter[str] = Counter({routes.route(start): 1})
    checks_per_route: Counter[str] = Counter()
    submitted: set[str] = set()
    not_checked: set[str] = set()
    # Links of visited pages whose answers are awaited, in visiting order (which keeps the
    # choice of "the first detail page of a list" the same from run to run).
    awaiting: deque[tuple[str, int, dict[str, Future]]] = deque()

    def follow(path: str, depth: int, futures: dict[str, Future]) -> None:
        for link, future in futures.items():
            status = result.link_statuses[link] = future.result()
            route = routes.route(link)
            if link in planned or depth + 1 > bounds.max_depth or NEVER_VISIT.match(link):
                continue
            if (
                status.status != 200
                or "text/html" not in status.content_type
                or status.redirected_to_sign_in
            ):
                continue
            if visits_per_route[route] >= bounds.per_route:
                continue
            visits_per_route[route] += 1
            planned.add(link)
            queue.append((link, depth + 1, path))

    while queue or awaiting:
        while awaiting and (not queue or all(f.done() for f in awaiting[0][2].values())):
            path, depth, futures = awaiting.popleft()
            wait(futures.values())
            follow(path, depth, futures)
        if not queue:
            continue
        path, depth, referrer = queue.popleft()
        if len(result.pages) >= bounds.max_pages:
            result.skipped.append(f"{path} (page limit)")
            continue
        visit = PageVisit(path=path, route=routes.route(path), depth=depth, referrer=referrer)
        result.pages.append(visit)
        try:
            wide = visit.observations[WIDE] = load(page, recorder, path)
            (
                visit.links,
                visit.text,
                visit.text_own_language,
                visit.text_outside_code,
                visit.axe_violations,
            ) = read_content(page, result.origin, axe_loader)
            visit.observations[NARROW] = narrow_down(page, recorder, wide)
        except Exception as error:  # a page that does not load is reported, the crawl goes on
            visit.crawl_error = f"{type(error).__name__}: {error}"
        finally:
            recorder.current = None
        to_check = []
        for link in visit.links:
            route = routes.route(link)
            # The budget counts links whether or not another crawl of the same persona has
            # already fetched them (the shared cache only saves the request): which links a
            # crawl follows must not depend on how far a crawl running beside it has got.
            if link not in submitted:
                if checks_per_route[route] >= bounds.link_checks_per_route:
                    not_checked.add(link)
                    continue
                checks_per_route[route] += 1
            submitted.add(link)
            to_check.append(link)
        awaiting.append((path, depth, checker.submit(to_check)))
    result.bounds["links_not_checked"] = len(not_checked - set(result.link_statuses))
