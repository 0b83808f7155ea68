"""The audit report: every violation as JSON, and a Markdown summary a person reads.

``summarise`` is shared by the audit script and the pytest failure messages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict

from tests.browser.crawl.checks import CHECKS
from tests.browser.crawl.records import CrawlResult, Violation

_NUMBER = re.compile(r"\d+")


def crawl_id(persona_key: str, language: str) -> str:
    return f"{language}-{persona_key}"


def normalised(item: str) -> str:
    """``supply.seizure #1382`` → ``supply.seizure #N``: one line per kind in the top lists."""
    return _NUMBER.sub("N", item)


def as_json(
    results: dict[tuple[str, str], CrawlResult],
    violations: dict[tuple[str, str], list[Violation]],
    meta: dict,
) -> dict:
    """Everything the report says, machine-readable: pages crawled and every violation."""
    crawls = []
    for (persona_key, language), result in sorted(results.items(), key=lambda kv: crawl_id(*kv[0])):
        found = violations[(persona_key, language)]
        crawls.append(
            {
                "id": crawl_id(persona_key, language),
                "persona": persona_key,
                "username": result.username,
                "language": language,
                "seconds": result.seconds,
                "bounds": result.bounds,
                "pages": [
                    {
                        "path": p.path,
                        "route": p.route,
                        "depth": p.depth,
                        "status": p.observations[1366].status if 1366 in p.observations else None,
                        "error": p.crawl_error,
                    }
                    for p in result.pages
                ],
                "links_checked": len(result.link_statuses),
                "links": [asdict(status) for _url, status in sorted(result.link_statuses.items())],
                "skipped": result.skipped,
                "counts": dict(Counter(v.check for v in found)),
                "violations": [asdict(v) for v in found],
            }
        )
    return {
        "meta": meta,
        "checks": [{"name": c.name, "question": c.question} for c in CHECKS],
        "crawls": crawls,
    }


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += [
        "| " + " | ".join(str(cell).replace("|", "\\|").replace("\n", " ") for cell in row) + " |"
        for row in rows
    ]
    return lines


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def as_markdown(report: dict, top: int = 15) -> str:
    """The readable summary of :func:`as_json`'s report."""
    meta, crawls = report["meta"], report["crawls"]
    every = [Violation(**v) for c in crawls for v in c["violations"]]
    ids = [c["id"] for c in crawls]
    out = [
        "# UI audit (issue #14)",
        "",
        f"Commit `{meta.get('commit', '?')}`, {meta.get('date', '')}. Crawl of the demo (DEBUG off) by "
        f"{len(crawls)} persona/language pairs: {sum(len(c['pages']) for c in crawls)} page visits, "
        f"{sum(c['links_checked'] for c in crawls)} link statuses checked. "
        f"Prepare {meta.get('prepare_seconds', '?')} s, crawl {meta.get('crawl_seconds', '?')} s "
        f"with {meta.get('workers', '?')} workers.",
        "",
        "Bounds: "
        + ", ".join(
            f"{k} {v}"
            for k, v in (crawls[0]["bounds"] if crawls else {}).items()
            if k != "links_not_checked"
        )
        + f"; links shown but not checked (over the per-route sample): "
        f"{sum(c['bounds'].get('links_not_checked', 0) for c in crawls)}.",
        "",
        "## Violations per check",
        "",
    ]
    by_check = defaultdict(list)
    for v in every:
        by_check[v.check].append(v)
    rows = []
    for check in report["checks"]:
        found = by_check.get(check["name"], [])
        failing = sorted({crawl_id_of(v) for v in found})
        rows.append(
            [
                check["name"],
                check["question"],
                len(found),
                len({(v.page, crawl_id_of(v)) for v in found}),
                f"{len(failing)}/{len(ids)}",
            ]
        )
    out += _table(["check", "asks", "violations", "page visits", "crawls failing"], rows)
    out += ["", "## Violations per check and crawl (the pytest parametrisations)", ""]
    matrix = []
    for check in report["checks"]:
        counts = Counter(crawl_id_of(v) for v in by_check.get(check["name"], []))
        matrix.append([check["name"], *[counts.get(i, 0) or "·" for i in ids]])
    out += _table(["check", *ids], matrix)
    out += [
        "",
        "Pages per crawl: " + ", ".join(f"{c['id']} {len(c['pages'])}" for c in crawls) + ".",
        "",
    ]

    out += ["## Worst pages", ""]
    per_page: dict[str, Counter] = defaultdict(Counter)
    for v in every:
        per_page[v.page][v.check] += 1
    worst = sorted(per_page.items(), key=lambda kv: -sum(kv[1].values()))[:top]
    out += _table(
        ["page", "violations (all crawls)", "by check"],
        [
            [_code(page), sum(c.values()), ", ".join(f"{k} {n}" for k, n in c.most_common())]
            for page, c in worst
        ],
    )

    def top_items(
        check: str, language: str | None = None, title: str = "", normalise: bool = False
    ) -> None:
        found = [v for v in by_check.get(check, []) if language is None or v.language == language]
        counts = Counter(normalised(v.item) if normalise else v.item for v in found)
        pages = defaultdict(set)
        for v in found:
            pages[normalised(v.item) if normalise else v.item].add(v.page)
        out.extend(["", f"## {title}", ""])
        if not counts:
            out.append("None.")
            return
        out.extend(
            _table(
                ["item", "occurrences (page visits)", "pages", "e.g."],
                [
                    [_code(item), n, len(pages[item]), _code(sorted(pages[item])[0])]
                    for item, n in counts.most_common(top)
                ],
            )
        )

    top_items("raw_codes", title="Top raw codes", normalise=True)
    top_items("script_mixing", "ru", "Top Latin words on Russian pages")
    top_items("script_mixing", "en", "Top Cyrillic words on English pages")
    top_items("axe", title="Top axe-core rules (serious/critical)")
    _offenders(out, by_check.get("overflow_1366", []), "1,366", top)
    _offenders(out, by_check.get("overflow_390", []), "390", top)
    top_items("broken_links", title="Links shown that answer 403/404")
    top_items("other_hosts", title="Requests to other hosts")
    top_items("server_errors", title="5xx answers")
    top_items("js_errors", title="JavaScript and console errors")
    _slowest_links(out, crawls, top)
    return "\n".join(out) + "\n"


def _slowest_links(out: list[str], crawls: list[dict], top: int) -> None:
    """The slowest answers to the link checks (wall time on the machine that ran the audit)."""
    slowest: dict[str, tuple[float, str]] = {}
    for crawl in crawls:
        for link in crawl.get("links", []):
            if link["url"] not in slowest or slowest[link["url"]][0] < link["seconds"]:
                slowest[link["url"]] = (link["seconds"], link["content_type"].split(";")[0])
    ranked = sorted(slowest.items(), key=lambda kv: -kv[1][0])[:top]
    out.extend(["", "## Slowest link answers (not a check; wall time under the audit's load)", ""])
    out.extend(_table(["link", "seconds", "type"], [[_code(url), s, t] for url, (s, t) in ranked]))


def _offenders(out: list[str], found: list[Violation], window: str, top: int) -> None:
    """Pages that scroll sideways in one window width, the widest first, with where it starts."""
    rows: dict[str, tuple[int, str, set[str]]] = {}
    for v in found:
        page_width = int(v.item.split()[0])
        widest, detail, crawls = rows.get(v.page, (0, "", set()))
        if page_width > widest:
            widest, detail = page_width, v.detail
        rows[v.page] = (widest, detail, crawls | {crawl_id_of(v)})
    out.extend(["", f"## Sideways scrolling at {window} px ({len(rows)} pages)", ""])
    if not rows:
        out.append("None.")
        return
    ranked = sorted(rows.items(), key=lambda kv: -kv[1][0])[: top * 2]
    out.extend(
        _table(
            ["page", "page width", "crawls", "where it starts"],
            [[_code(page), w, len(crawls), detail] for page, (w, detail, crawls) in ranked],
        )
    )


def crawl_id_of(violation: Violation) -> str:
    return f"{violation.language}-{violation.persona}"
