"""What the crawl observed (per page and width) and the violations the checks derive from it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

WIDE, NARROW = 1366, 390
WIDTHS = (WIDE, NARROW)


@dataclass
class WidthObservation:
    """One page as loaded at one viewport width."""

    width: int
    status: int = 0
    final_url: str = ""
    content_type: str = ""
    # document.documentElement.scrollWidth / clientWidth, and the elements where overflow starts
    scroll_width: int = 0
    client_width: int = 0
    overflow_offenders: list[dict] = field(default_factory=list)
    requests_elsewhere: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@dataclass
class PageVisit:
    """A page of the crawl: observed at both widths; text, links and axe taken at 1,366 px."""

    path: str  # path and query, e.g. "/supply/?country=KG"
    route: str  # the URL pattern it resolves to, e.g. "/supply/seizures/<int:pk>/"
    depth: int
    referrer: str
    observations: dict[int, WidthObservation] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)  # visible same-origin links (path and query)
    text: str = ""  # visible text, collapsed <details> opened
    text_own_language: str = ""  # the same without parts marked with another lang attribute
    text_outside_code: str = ""  # the same without <code>, <kbd> and <samp> elements
    axe_violations: list[dict] = field(default_factory=list)
    crawl_error: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> PageVisit:
        observations = {int(k): WidthObservation(**v) for k, v in data.pop("observations").items()}
        return cls(**data, observations=observations)


@dataclass
class LinkStatus:
    """The answer to a GET of a link with the persona's session (redirects followed)."""

    url: str
    status: int
    final_url: str
    content_type: str
    redirected_to_sign_in: bool = False
    seconds: float = 0.0


@dataclass
class CrawlResult:
    persona: str  # what the persona stands for: "anonymous", "analyst", "customs" …
    language: str  # "ru" | "en"
    username: str = ""  # the demo user signed in ("" for anonymous)
    origin: str = ""
    pages: list[PageVisit] = field(default_factory=list)
    link_statuses: dict[str, LinkStatus] = field(default_factory=dict)
    seconds: float = 0.0
    # How the crawl was bounded, and what it left out because of the bounds.
    bounds: dict = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> CrawlResult:
        data = dict(data)
        pages = [PageVisit.from_dict(dict(p)) for p in data.pop("pages")]
        statuses = {url: LinkStatus(**s) for url, s in data.pop("link_statuses").items()}
        return cls(**data, pages=pages, link_statuses=statuses)


@dataclass(frozen=True)
class Violation:
    """One failed check on one page, for one persona, language and width (0 when width-free)."""

    check: str
    persona: str
    language: str
    width: int
    page: str
    item: str  # what is wrong, short and stable (used to count and group)
    detail: str = ""

    def line(self) -> str:
        where = f"{self.page} @{self.width}px" if self.width else self.page
        return f"[{self.check}] {self.persona}/{self.language} {where}: {self.item}" + (
            f" ({self.detail})" if self.detail else ""
        )
