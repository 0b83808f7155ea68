"""The UI crawl of issue #14: a demo server, a bounded crawler and the checks it measures.

``server`` prepares a demo installation once and serves it (DEBUG off) in a subprocess;
``crawler`` signs a persona in and visits the pages it reaches at 1,366 and 390 px;
``checks`` turns what was observed into violations; ``report`` writes JSON and Markdown.
The pytest test is ``tests/browser/test_crawl.py``; the audit script ``benchmarks/ui_audit.py``.
"""
