"""Seizures as a kind on the platform's one import flow: the file checked into a ``Checked``
(report and valid rows keyed by fingerprint), and ``commit_rows`` writing the rows not yet
stored (all or nothing, idempotent), in chunks of bulk inserts with progress."""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager

from django.db import transaction

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.jobs.schedule import records_written
from cadis.apps.reference.geocoding import GeocodeMemo
from cadis.apps.reference.import_mappings import decimal_convention, mappings_for
from cadis.apps.reference.models import Country
from cadis.apps.supply import rollup
from cadis.apps.supply.importing.loading import build_vocabulary
from cadis.apps.supply.importing.rows import ImportContext, ParsedSeizure, parse_table
from cadis.apps.supply.models import Seizure
from cadis.platform import audit
from cadis.platform.errors import PermissionDenied
from cadis.platform.imports.fastinsert import RowBuilder, insert_many
from cadis.platform.imports.flow import Checked, Planned, commit_rows
from cadis.platform.imports.issues import FileRejected, Issue
from cadis.platform.imports.pipeline import ImportReport
from cadis.platform.imports.reader import read_table
from cadis.platform.records import SourceKind, actor_or_none
from cadis.platform.scope import creatable_countries

KIND = "seizures"
BATCH_SIZE = 5000
Progress = Callable[..., None]

_CONCEALMENTS = Seizure.concealment_methods.through
_TRANSITS = Seizure.transit_countries.through


def import_context(actor, organisation, confidentiality: str) -> ImportContext:
    """Who may import what: administrators any country; others their own country for the
    organisation. The organisation's remembered mappings come with it."""
    countries = creatable_countries(actor, organisation)
    if countries is not None and not countries:
        raise PermissionDenied("You may not import records for this organisation.")
    mappings = mappings_for(organisation, KIND)
    if countries is None:  # any country: rows name theirs, the organisation's is the default
        country_id, allowed = organisation.country_id, None
    else:
        (country_id,) = countries
        allowed = countries
    return ImportContext(
        country_id,
        allowed,
        confidentiality,
        decimal_convention=decimal_convention(mappings, "quantity"),
        mappings=mappings,
    )


def check_bytes(
    data: bytes, file_name: str, context: ImportContext, *, dry_run: bool = True
) -> Checked:
    """Read and validate a file; nothing is written. A file that cannot be read gives file-level issues."""
    with no_cyclic_gc():
        try:
            table = read_table(data, file_name)
        except FileRejected as rejected:
            report = ImportReport(file=file_name, dry_run=dry_run)
            report.issues = list(rejected.issues)
            return Checked(report, [])
        return _check(table, context, dry_run)


@contextmanager
def no_cyclic_gc():
    """100,000 row objects make the cyclic collector's full passes dominate; nothing here is cyclic."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(table, context: ImportContext, dry_run: bool) -> Checked:
    vocab = build_vocabulary(
        case_country_ids=None
        if context.allowed_country_ids is None
        else context.allowed_country_ids,
        country_id=context.default_country_id,
        mappings=context.mappings,
    )
    return parse_table(table, vocab, context, dry_run=dry_run)


_SEIZURE_ROW = RowBuilder(Seizure)


def _seizure(
    row: ParsedSeizure, *, organisation, actor, batch, file_name: str, source_kind: str
) -> Seizure:
    created_by = actor_or_none(actor)
    return _SEIZURE_ROW(
        country_id=row.country_id,
        organisation_id=organisation.pk,
        confidentiality=row.confidentiality,
        source_kind=source_kind,
        source_ref={"file": file_name, "row": row.row, "batch": batch.pk if batch else None},
        created_by_id=created_by.pk if created_by else None,
        date=row.date,
        date_precision=row.date_precision,
        subdivision_id=row.subdivision_id,
        place=row.place,
        agency_id=row.agency_id,
        substance_id=row.substance_id,
        substance_group_id=row.substance_group_id,
        substance_as_written=row.substance_as_written,
        substance_resolution=row.substance_resolution,
        form_id=row.form_id,
        quantity_as_written=row.quantity_as_written,
        unit_as_written=row.unit_as_written,
        quantity_value=row.quantity_value,
        quantity_unit=row.quantity_unit,
        normalised_quantity=row.normalised_quantity,
        normalised_unit=row.normalised_unit,
        conversion_rule=row.conversion_rule,
        purity=row.purity,
        transport_mode_id=row.transport_mode_id,
        departure_country_id=row.departure_country_id,
        destination_country_id=row.destination_country_id,
        producing_country_id=row.producing_country_id,
        case_id=row.case_id,
        import_batch_id=batch.pk if batch else None,
        fingerprint=row.fingerprint,
        notes=row.notes,
    )


def _geocode(seizure: Seizure, geocoder: GeocodeMemo, country_codes: dict[int, str]) -> None:
    """The same geocoding as a seizure saved through the services (``geocode_seizure``): the
    place as written located, and the subdivision filled when the file gave none."""
    geocoder.apply(seizure, seizure.place, country=country_codes.get(seizure.country_id))
    if seizure.subdivision_id is None:
        seizure.subdivision = geocoder.subdivision_for(seizure)


def _ids_by_fingerprint(organisation, fingerprints: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(fingerprints), 900):
        chunk = fingerprints[start : start + 900]
        found.update(
            Seizure.objects.filter(organisation=organisation, fingerprint__in=chunk).values_list(
                "fingerprint", "id"
            )
        )
    return found


def existing_fingerprints(organisation, fingerprints: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(fingerprints), 900):
        chunk = fingerprints[start : start + 900]
        found.update(
            Seizure.objects.filter(organisation=organisation, fingerprint__in=chunk).values_list(
                "fingerprint", flat=True
            )
        )
    return found


@transaction.atomic
def commit_checked(
    checked: Checked,
    *,
    actor,
    organisation,
    batch=None,
    progress: Progress | None = None,
    source_kind: str = SourceKind.IMPORT,
) -> ImportReport:
    """The checked file through the one flow: rows already stored for the organisation (same
    fingerprint, so the same values) are unchanged, the others created, in one transaction.
    A dry run only counts."""
    report = checked.report

    def stored(planned: list[Planned]) -> dict[str, bool]:
        found = existing_fingerprints(organisation, [row.key for row in planned])
        return dict.fromkeys(found, True)

    def write_many(changed: list[tuple[Planned, object]]) -> None:
        _write_new(
            [row.values for row, _current in changed],
            actor=actor,
            organisation=organisation,
            batch=batch,
            file_name=report.file,
            progress=progress,
            source_kind=source_kind,
        )

    with no_cyclic_gc():
        return commit_rows(
            report,
            checked.planned,
            existing=stored,
            same=lambda _stored, _row: True,  # the fingerprint is a hash of the values
            write_many=write_many,
        )


def import_seizures(
    *,
    actor,
    organisation,
    data: bytes,
    file_name: str,
    dry_run: bool = True,
    confidentiality: str = "restricted",
    progress: Progress | None = None,
) -> ImportReport:
    """A seizure file checked and, unless a dry run or any error, written: the same call as
    every other table kind (``cadis import seizures`` runs it). PermissionDenied when the actor
    may not import for the organisation."""
    context = import_context(actor, organisation, confidentiality)
    checked = check_bytes(data, file_name, context, dry_run=dry_run)
    return commit_checked(
        checked, actor=actor_or_none(actor), organisation=organisation, progress=progress
    )


def write_rows(
    *,
    actor,
    organisation,
    rows: list[ParsedSeizure],
    file_name: str = "",
    source_kind: str = SourceKind.IMPORT,
) -> tuple[int, int]:
    """Rows made by code (the demo) through the same flow; returns (created, unchanged)."""
    report = ImportReport(file=file_name, rows=len(rows), dry_run=False)
    planned = [Planned(row.row, row.fingerprint, row) for row in rows]
    commit_checked(
        Checked(report, planned), actor=actor, organisation=organisation, source_kind=source_kind
    )
    return report.created, report.unchanged


def _write_new(
    new: list[ParsedSeizure], *, actor, organisation, batch, file_name, progress, source_kind
) -> None:
    actor_obj = actor_or_none(actor)
    actor_repr = actor_obj.get_username() if actor_obj else "system"
    geocoder = GeocodeMemo()
    country_codes = dict(Country.objects.values_list("id", "code"))
    for start in range(0, len(new), BATCH_SIZE):
        chunk = new[start : start + BATCH_SIZE]
        seizures = [
            _seizure(
                r,
                organisation=organisation,
                actor=actor,
                batch=batch,
                file_name=file_name,
                source_kind=source_kind,
            )
            for r in chunk
        ]
        for seizure in seizures:
            _geocode(seizure, geocoder, country_codes)
        snapshots = [audit.snapshot(s) for s in seizures]
        insert_many(Seizure, seizures)
        ids = _ids_by_fingerprint(organisation, [r.fingerprint for r in chunk])
        for seizure in seizures:
            seizure.pk = ids[seizure.fingerprint]
        concealment_row, transit_row = RowBuilder(_CONCEALMENTS), RowBuilder(_TRANSITS)
        insert_many(
            _CONCEALMENTS,
            [
                concealment_row(seizure_id=s.pk, concealmentmethod_id=c)
                for s, r in zip(seizures, chunk, strict=True)
                for c in r.concealment_ids
            ],
        )
        insert_many(
            _TRANSITS,
            [
                transit_row(seizure_id=s.pk, country_id=c)
                for s, r in zip(seizures, chunk, strict=True)
                for c in r.transit_country_ids
            ],
        )
        entries = []
        audit_row = RowBuilder(AuditEntry)
        for seizure, snap, row in zip(seizures, snapshots, chunk, strict=True):
            snap["id"] = seizure.pk
            snap["concealment_methods"] = list(row.concealment_ids)
            snap["transit_countries"] = list(row.transit_country_ids)
            entries.append(
                audit_row(
                    actor_id=actor_obj.pk if actor_obj else None,
                    actor_repr=actor_repr,
                    action=AuditEntry.Action.CREATE,
                    object_type="supply.seizure",
                    object_id=str(seizure.pk),
                    object_repr=str(seizure)[:300],
                    country_id=seizure.country_id,
                    after=snap,
                    source_kind=source_kind,
                    source_detail={"file": file_name, "row": row.row},
                )
            )
        insert_many(AuditEntry, entries)
        if progress is not None:
            progress(start + len(chunk), len(new), f"{start + len(chunk)} / {len(new)}")
    rollup.refresh_for(new)
    # Modules that follow seizures (the early-warning signal tests) queue their work.
    records_written(
        source="supply.seizures", countries={country_codes.get(r.country_id) for r in new}
    )


def issues_report(issues: list[Issue], limit: int = 20000) -> list[dict]:
    return [i.as_dict() for i in issues[:limit]]
