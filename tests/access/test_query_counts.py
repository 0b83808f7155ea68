"""No N+1 on list pages and list endpoints: the number of queries does not grow with the rows.

Each list is asked with N records and again with 3N; the query counts must be equal, and the
second answer must show more rows than the first (so the records made are on the page the
reader sees, and the comparison could fail). The makers are in ``list_makers``.

Every list is capped: the API operations whose answer is a list (from the OpenAPI document) and
the list pages (``LIST_PAGES``, which must name at least every page whose view paginates) must
each have an entry in ``LISTS`` or a reasoned one in ``EXCLUDED``. A new list without a cap
fails ``test_every_list_has_a_cap``.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import list_makers as m

N = 2


@dataclass(frozen=True)
class Cap:
    key: str  # "GET /api/v1/path/{param}" as the OpenAPI document spells it, or a URL name
    make: Callable[[Any, int], Any]  # make(personas, i): one more record the reader sees
    params: Callable[[Any], dict[str, Any]] = field(default=lambda p: {})
    query: str = ""  # narrows the list to the records made here
    grows: bool = True  # False: the answer's size does not follow the records (aggregates)

    def url(self, personas) -> str:
        params = self.params(personas)
        if self.key.startswith("GET "):
            path = self.key.removeprefix("GET ").format(**params)
        else:
            path = reverse(self.key, kwargs=params or None)
        return f"{path}?{self.query}" if self.query else path


def _latest_screening(p):
    return {"job_id": m.latest_screening(p).pk}


LISTS = [
    # accounts
    Cap("accounts:audit_log", m.audit_entries, query="module=supply"),
    Cap("accounts:tokens", m.tokens),
    # reference (vocabularies loaded from files; the makers add synthetic rows that sort first)
    Cap("GET /api/v1/reference/countries", m.countries, query="central_asia=true"),
    Cap("GET /api/v1/reference/subdivisions", m.subdivisions, query="country=KG"),
    Cap("GET /api/v1/reference/agencies", m.agencies, query="country=KG"),
    Cap("GET /api/v1/reference/substances", m.substances, query="kind=nps"),
    Cap("GET /api/v1/reference/substance-groups", m.substance_groups, query="limit=1000"),
    Cap("GET /api/v1/reference/nps-categories", m.nps_categories),
    Cap("GET /api/v1/reference/tdi-drugs", m.tdi_drugs, query="limit=1000"),
    Cap("GET /api/v1/reference/units", m.units),
    Cap("GET /api/v1/reference/concealment-methods", m.concealment_methods),
    Cap("GET /api/v1/reference/transport-modes", m.transport_modes),
    Cap("GET /api/v1/reference/drug-forms", m.drug_forms),
    Cap("GET /api/v1/reference/control-lists", m.control_lists, query="country=KG"),
    # supply
    Cap("supply:seizure_list", m.seizures),
    Cap("GET /api/v1/supply/seizures", m.seizures),
    Cap("supply:case_list", m.cases),
    Cap("GET /api/v1/supply/cases", m.cases),
    Cap("supply:statistic_list", m.statistics),
    Cap("GET /api/v1/supply/period-statistics", m.statistics),
    Cap("supply:price_list", m.prices),
    Cap("GET /api/v1/supply/prices", m.prices),
    Cap("supply:import_detail", m.import_batch, params=lambda p: {"pk": m.latest_batch(p).pk}),
    Cap("supply:import_mappings", m.import_mappings),
    Cap("supply:place_review", m.seizure_places),
    # treatment
    Cap("treatment:episodes", m.episodes),
    Cap("GET /api/v1/treatment/episodes", m.episodes),
    Cap("treatment:harms", m.harms),
    Cap("GET /api/v1/treatment/harms", m.harms),
    Cap(
        "GET /api/v1/treatment/tables/{code}/{year}",
        m.episodes,
        params=lambda p: {"code": "KG", "year": 2024},
        grows=False,  # the standard tables: a fixed set of aggregates, whatever the episodes
    ),
    # precursors
    Cap("precursors:notification_list", m.notifications),
    Cap("GET /api/v1/precursors/notifications", m.notifications),
    Cap("precursors:incident_list", m.incidents),
    Cap("GET /api/v1/precursors/incidents", m.incidents),
    Cap("precursors:screening_list", m.screenings),
    Cap("GET /api/v1/precursors/screenings", m.screenings),
    Cap(
        "precursors:screening_results",
        m.screening_run,
        params=lambda p: {"pk": _latest_screening(p)["job_id"]},
    ),
    Cap(
        "GET /api/v1/precursors/screenings/{job_id}/results",
        m.screening_run,
        params=_latest_screening,
    ),
    # ews
    Cap("ews:detections", m.detections),
    Cap("GET /api/v1/ews/detections", m.detections),
    Cap("ews:profiles", m.profiles),
    Cap("GET /api/v1/ews/profiles", m.profiles),
    Cap("ews:alerts", m.alerts),
    Cap("GET /api/v1/ews/alerts", m.alerts),
    Cap("ews:feed", m.public_alerts),
    Cap("ews:notifications", m.ews_notifications),
    Cap("ews:spectra", m.spectra),
    Cap("ews:place_review", m.detection_places),
    Cap("GET /api/v1/ews/spectra", m.spectra),
    # knowledge
    Cap("knowledge:documents", m.documents),
    Cap("GET /api/v1/knowledge/documents", m.documents),
    Cap("knowledge:services", m.services_),
    Cap("GET /api/v1/knowledge/services", m.services_),
    Cap("knowledge:programmes", m.programmes),
    Cap("GET /api/v1/knowledge/programmes", m.programmes),
    # exchange
    Cap("exchange:events", m.events),
    Cap("GET /api/v1/exchange/events", m.events),
    Cap("exchange:recommendations", m.recommendations),
    Cap("GET /api/v1/exchange/recommendations", m.recommendations),
    Cap("exchange:board", m.recommendations),
    Cap("exchange:experts", m.experts),
    Cap("exchange:threads", m.threads),
    Cap("exchange:notifications", m.exchange_notifications),
    # extraction
    Cap("extraction:home", m.extraction_documents),
    Cap("extraction:place_review", m.fact_places),
    Cap(
        "extraction:review",
        m.extraction_facts,
        params=lambda p: {"pk": m.latest_extraction_document(p).pk},
    ),
]

# The HTML pages that show a list of records. Every page whose view paginates (``page_of``,
# ``scoped_list``, a ``Paginator``) must be named here (``test_list_pages_are_declared``); the
# others (a list shown whole or cut at a fixed length) are named by hand.
LIST_PAGES = {
    "accounts:audit_log",
    "accounts:tokens",
    "supply:seizure_list",
    "supply:case_list",
    "supply:statistic_list",
    "supply:price_list",
    "supply:import_detail",
    "supply:import_mappings",
    "supply:place_review",
    "treatment:episodes",
    "treatment:harms",
    "precursors:notification_list",
    "precursors:incident_list",
    "precursors:screening_list",
    "precursors:screening_results",
    "ews:detections",
    "ews:profiles",
    "ews:alerts",
    "ews:feed",
    "ews:notifications",
    "ews:spectra",
    "ews:place_review",
    "knowledge:documents",
    "knowledge:services",
    "knowledge:programmes",
    "exchange:events",
    "exchange:recommendations",
    "exchange:board",
    "exchange:experts",
    "exchange:threads",
    "exchange:notifications",
    "extraction:home",
    "extraction:review",
    "extraction:place_review",
}

# Lists without a cap, each with the reason.
EXCLUDED: dict[str, str] = {}

PAGINATES = ("page_of(", "scoped_list(", "Paginator(")


def _queries(client, url) -> tuple[int, int]:
    """The number of queries, and the size of the answer (rows of a JSON list, else bytes)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    size = len(response.content)
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.loads(response.content)
        size = len(body["items"] if isinstance(body, dict) else body)
    return len(captured), size


@pytest.mark.parametrize("cap", LISTS, ids=[c.key for c in LISTS])
def test_a_list_asks_as_many_queries_for_3n_rows_as_for_n(cap, personas, client_of):
    client = client_of(personas.kg_focal)
    for i in range(N):
        cap.make(personas, i)
    _queries(client, cap.url(personas))  # warm caches (reference lookups, sessions)
    few, few_size = _queries(client, cap.url(personas))
    for i in range(N, 3 * N):
        cap.make(personas, i)
    many, many_size = _queries(client, cap.url(personas))
    assert many == few, f"{few} queries for {N} rows, {many} for {3 * N}"
    if cap.grows:
        assert many_size > few_size, "the records made are not in the answer"


# --- every list is capped -------------------------------------------------------------------
def _schema_of(schema: dict, node: dict) -> dict:
    ref = node.get("$ref")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else node


def list_operations() -> set[str]:
    """GET operations whose 200 answer is an array, or a page of one (``{"items": [...]}``)."""
    from cadis.api.api import api

    schema = api.get_openapi_schema()
    found = set()
    for path, operations in schema["paths"].items():
        answer = operations.get("get", {}).get("responses", {}).get(200)
        if answer is None:
            continue
        body = _schema_of(schema, answer["content"]["application/json"]["schema"])
        items = body.get("properties", {}).get("items", {})
        if body.get("type") == "array" or items.get("type") == "array":
            found.add(f"GET {path}")
    return found


def paginated_pages() -> set[str]:
    """URL names of the pages whose view paginates a list."""
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str | None) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner == "admin":
                    continue
                walk(pattern, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                view = getattr(pattern.callback, "view_class", None) or pattern.callback
                view = inspect.unwrap(view)
                try:
                    source = inspect.getsource(view)
                except (OSError, TypeError):
                    continue
                if any(call in source for call in PAGINATES):
                    names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), None)
    return names


def test_list_pages_are_declared(db):
    assert sorted(paginated_pages() - LIST_PAGES) == [], "paginated pages missing in LIST_PAGES"


def test_every_list_has_a_cap(db):
    capped = [c.key for c in LISTS]
    assert sorted({k for k in capped if capped.count(k) > 1}) == [], "a list capped twice"
    assert sorted(set(capped) & set(EXCLUDED)) == [], "capped and excluded"
    lists = list_operations() | LIST_PAGES
    assert sorted(lists - set(capped) - set(EXCLUDED)) == [], "lists without a query-count cap"
    assert sorted((set(capped) | set(EXCLUDED)) - lists) == [], "caps of lists that do not exist"


def test_the_scan_finds_the_lists(db):
    """The scans themselves: known lists are found, a detail operation is not."""
    assert "GET /api/v1/supply/seizures" in list_operations()
    assert "GET /api/v1/treatment/tables/{code}/{year}" in list_operations()
    assert "GET /api/v1/supply/seizures/{seizure_id}" not in list_operations()
    assert {"supply:seizure_list", "accounts:audit_log", "ews:spectra"} <= paginated_pages()
