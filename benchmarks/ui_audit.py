"""UI audit of issue #14: the browser crawl of the tests, written out as a report.

Prepares the demo (DEBUG off) in a temporary CADIS_HOME, serves it, crawls every persona in
Russian and three in English at 1,366 and 390 px (``tests/browser/crawl``), runs every check
and writes ``benchmarks/out/ui_audit.json`` (every violation by page, persona, language and
width) and ``benchmarks/out/ui_audit.md`` (counts per check and crawl, worst pages, top raw
codes, words of the other script, axe rules …). The same checks are the assertions of
``tests/browser/test_crawl.py``; this script only reports, it does not fail on violations.

    python benchmarks/ui_audit.py                       # all ten crawls, two at a time
    python benchmarks/ui_audit.py --only ru-analyst --only en-anonymous
    python benchmarks/ui_audit.py --home /tmp/cadis-audit   # keep and reuse the installation
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.crawl.checks import CHECKS, run_all  # noqa: E402
from tests.browser.crawl.crawler import CRAWLS  # noqa: E402
from tests.browser.crawl.harness import CrawlSession  # noqa: E402
from tests.browser.crawl.report import as_json, as_markdown, crawl_id  # noqa: E402


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    sha = git("rev-parse", "--short", "HEAD") or "?"
    return sha + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="LANG-PERSONA",
        help=f"crawl only these (repeatable): {', '.join(crawl_id(*k) for k in CRAWLS)}",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="crawls run at the same time (default 2)"
    )
    parser.add_argument("--home", type=Path, help="demo installation to prepare once and reuse")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args(argv)

    by_id = {crawl_id(*key): key for key in CRAWLS}
    unknown = [name for name in args.only if name not in by_id]
    if unknown:
        parser.error(f"unknown crawl(s) {unknown}; choose from {sorted(by_id)}")
    wanted = [by_id[name] for name in args.only] or list(CRAWLS)

    started, cpu_started = time.monotonic(), _cpu_seconds()
    with CrawlSession.open(home=args.home) as session:
        cpu_prepared = _cpu_seconds()
        crawl_started = time.monotonic()
        session.crawl_all(wanted, workers=args.workers)
        crawl_seconds = round(time.monotonic() - crawl_started, 1)
        server_cpu = session.server.cpu_seconds()
        violations = {
            key: run_all(result, session.allow) for key, result in session.results.items()
        }
        results, prepare_seconds = session.results, session.prepare_seconds
    meta = {
        "commit": _commit(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "prepare_seconds": prepare_seconds,
        "crawl_seconds": crawl_seconds,
        "total_seconds": round(time.monotonic() - started, 1),
        # CPU of this process and all it started (server, browsers), after they ended.
        "cpu_seconds_after_preparation": round(_cpu_seconds() - cpu_prepared, 1),
        "cpu_seconds_total": round(_cpu_seconds() - cpu_started, 1),
        "server_cpu_seconds": server_cpu,
        "workers": args.workers,
    }
    report = as_json(results, violations, meta)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ui_audit.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (args.out / "ui_audit.md").write_text(as_markdown(report), encoding="utf-8")

    print(
        f"UI audit at {meta['commit']}: crawl {crawl_seconds} s with {args.workers} workers, "
        f"prepare {prepare_seconds} s, CPU {meta['cpu_seconds_total']} s"
    )
    for check in CHECKS:
        counts = {crawl["id"]: crawl["counts"].get(check.name, 0) for crawl in report["crawls"]}
        failing = [name for name, n in counts.items() if n]
        print(
            f"  {check.name:<14} {sum(counts.values()):>6} violations, "
            f"{len(failing)}/{len(counts)} crawls failing"
        )
    print(f"Report: {args.out / 'ui_audit.md'} and ui_audit.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
