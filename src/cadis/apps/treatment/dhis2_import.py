"""Import of TDI and harms aggregates from DHIS2: ADX (XML) or dataValueSets (JSON).

The file is read with one instance's mapping (``reference.dhis2.mapping_for``), then every
value is checked before anything is written; one problem anywhere and nothing is written
(all or nothing). The report is the platform's ``ImportReport`` with its stable issue codes.

Where the values land:

- ``DRD_CASES``, ``DRID_*_CASES`` and ``DRID_*_TESTED`` are harms figures (``HarmRecord``):
  the cases and the people tested of one indicator, year, sex and age band are one figure;
- ``TDI_CLIENTS`` is an ``ImportedAggregate`` (there are no episodes behind it).

Both are owned by the importing organisation, one figure per key, and written through the
platform's one flow (``commit_rows``), so importing the same file again changes nothing; a changed value updates the figure, with an audit entry. Only yearly
periods, countries (not subdivisions), the default attribute option combination and the
``sex`` and ``age`` categories are kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference.dhis2 import mapping_for
from cadis.apps.reference.models import Country, Dhis2Instance
from cadis.apps.treatment import choices as c
from cadis.apps.treatment.models import AGE_BAND_CHOICES, HarmRecord, ImportedAggregate
from cadis.engines.dhis2 import AggregateValue, ErrorCode, ReadResult, read_adx, read_data_value_set
from cadis.engines.dhis2.periods import YEARLY
from cadis.platform import audit
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.imports.fastinsert import insert_many
from cadis.platform.imports.flow import Planned, commit_rows
from cadis.platform.imports.pipeline import ImportReport
from cadis.platform.records import Confidentiality, SourceKind, actor_or_none
from cadis.platform.scope import (
    can_change,
    can_create_in,
    home_country_id,
    own_writable_organisation,
    owner_for,
)

FORMATS = ("adx", "json")
TDI_ELEMENTS = ("TDI_CLIENTS",)
#: Data element -> (harms indicator, field of the figure).
HARM_ELEMENTS = {
    f"{indicator.upper()}_{part.upper()}": (indicator, part)
    for indicator in c.HarmIndicator.values
    for part in ("cases", "tested")
    if not (indicator == "drd" and part == "tested")
}
SEXES = frozenset(c.Sex.values)
AGE_BANDS = frozenset(value for value, _label in AGE_BAND_CHOICES) - {"all"}
YEARS = range(1990, 2101)  # as the harms figures' import
MAX_VALUE = 2**31 - 1  # a PositiveIntegerField on every database
MAX_LISTED = 1000  # problems listed one by one; the rest are counted
DATA_QUALITY = c.DataQuality.PARTIAL
QUALITY_NOTE = "Imported from DHIS2; coverage not assessed."

# The engine's reader codes as the platform's issue codes.
ISSUE_OF = {
    ErrorCode.MALFORMED: "invalid_value",
    ErrorCode.MISSING_FIELD: "missing_value",
    ErrorCode.UNKNOWN_ORG_UNIT: "unknown_org_unit",
    ErrorCode.UNKNOWN_DATA_ELEMENT: "unknown_element",
    ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO: "unknown_element",
    ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO: "unknown_element",
    ErrorCode.BAD_PERIOD: "bad_period",
    ErrorCode.NON_NUMERIC_VALUE: "bad_number",
    ErrorCode.DUPLICATE_VALUE: "duplicate_row",
}


def importing_organisation(user):
    """The organisation that owns what the user imports: their national one when they may
    record its data; an administrator's own (regional) one, which may own figures of any
    country (``owner_for``). None when the user may not import."""
    found = own_writable_organisation(user)
    if not found and can_create_in(user, country_id=None, organisation_id=None):
        found = user.organisation  # only an administrator may create anywhere
    return found


def guess_format(file_name: str, data: bytes) -> str:
    """``adx`` or ``json``: by the file's suffix, else by its first character."""
    name = file_name.lower()
    if name.endswith((".xml", ".adx")):
        return "adx"
    if name.endswith(".json"):
        return "json"
    return "adx" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" else "json"


def read_file(data: bytes, mapping, fmt: str) -> ReadResult:
    reader = read_adx if fmt == "adx" else read_data_value_set
    return reader(data, mapping, max_problems=MAX_LISTED)


@dataclass
class _Harm:
    """The values of one harms figure found in the file, and where each was."""

    country: Country
    indicator: str
    year: int
    sex: str
    age_band: str
    parts: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int | None] = field(default_factory=dict)


@dataclass
class _Plan:
    tdi: dict[tuple, tuple[AggregateValue, Country]] = field(default_factory=dict)
    harms: dict[tuple, _Harm] = field(default_factory=dict)


class _Checker:
    """Checks the values the reader accepted against what cadis keeps and who may write it."""

    def __init__(self, actor, organisation, report: ImportReport) -> None:
        self.actor, self.organisation, self.report = actor, organisation, report
        self.countries = {country.code: country for country in Country.objects.all()}
        self.allowed: dict[str, bool] = {}

    def fail(self, found: AggregateValue, column: str, code: str, /, **params) -> None:
        self.report.fail(found.row, column, code, **params)

    def may_write(self, country: Country) -> bool:
        if country.code not in self.allowed:
            try:
                owner_for(self.actor, country=country, organisation=self.organisation)
            except (PermissionDenied, ValidationError):
                self.allowed[country.code] = False
            else:
                self.allowed[country.code] = True
        return self.allowed[country.code]

    def check(self, value: AggregateValue, plan: _Plan) -> None:
        before = len(self.report.issues)
        country = self.countries.get(value.org_unit)
        if "-" in value.org_unit:
            self.fail(
                value,
                "orgUnit",
                "invalid_value",
                detail=_("Aggregates are kept per country, not for the subdivision %(code)s.")
                % {"code": value.org_unit},
            )
        elif country is None:
            self.fail(value, "orgUnit", "unknown_country", value=value.org_unit)
        elif not self.may_write(country):
            self.fail(value, "orgUnit", "country_not_allowed", value=value.org_unit)
        if value.period.kind != YEARLY or value.period.year not in YEARS:
            self.fail(value, "period", "bad_period", value=value.period.dhis2)
        if value.data_element not in TDI_ELEMENTS and value.data_element not in HARM_ELEMENTS:
            self.fail(value, "dataElement", "unknown_element", value=value.data_element)
        if value.attribute:
            text = ";".join(f"{k}={v}" for k, v in value.attribute)
            self.fail(value, "attributeOptionCombo", "unknown_element", value=text)
        pairs = dict(value.disaggregation)
        if set(pairs) - {"sex", "age"} or (
            pairs.get("sex", "female") not in SEXES or pairs.get("age", "15-19") not in AGE_BANDS
        ):
            text = ";".join(f"{k}={v}" for k, v in value.disaggregation)
            self.fail(value, "categoryOptionCombo", "unknown_element", value=text)
        if not isinstance(value.value, int) or not 0 <= value.value <= MAX_VALUE:
            self.fail(value, "value", "bad_whole_number")
        if len(self.report.issues) == before and country is not None:
            self._place(value, country, pairs, plan)

    def _place(self, value: AggregateValue, country: Country, pairs: dict, plan: _Plan) -> None:
        year = value.period.year
        if value.data_element in TDI_ELEMENTS:
            disaggregation = ";".join(f"{k}={v}" for k, v in value.disaggregation)
            plan.tdi[(country.pk, value.data_element, year, disaggregation)] = (value, country)
            return
        indicator, part = HARM_ELEMENTS[value.data_element]
        sex, age = pairs.get("sex", "all"), pairs.get("age", "all")
        harm = plan.harms.setdefault(
            (country.pk, indicator, year, sex, age), _Harm(country, indicator, year, sex, age)
        )
        harm.parts[part] = int(value.value)
        harm.rows[part] = value.row


def _problems(result: ReadResult, report: ImportReport) -> None:
    for problem in result.problems:
        params = {"value": problem.value} if problem.value else {"detail": problem.message}
        if problem.code == ErrorCode.MALFORMED:
            params = {
                "detail": _("The file is not a readable ADX or dataValueSets message: %(detail)s")
                % {"detail": problem.message}
            }
        report.fail(problem.row, problem.field or None, ISSUE_OF[problem.code], **params)
    if result.problem_count > len(result.problems):
        more = result.problem_count - len(result.problems)
        report.fail(
            None,
            None,
            "invalid_value",
            detail=_("%(count)s further problems are not listed") % {"count": more},
        )


@transaction.atomic
def import_dhis2(
    *,
    actor,
    organisation,
    instance: Dhis2Instance,
    data: bytes,
    file_name: str,
    fmt: str | None = None,
    dry_run: bool = True,
    confidentiality: str = Confidentiality.PUBLIC,
) -> ImportReport:
    """Check a DHIS2 file and, unless ``dry_run`` or any problem, write its values.

    PermissionDenied when the actor may not write for the organisation at all; values of a
    country the actor may not write for are problems of the file (``country_not_allowed``).
    """
    if organisation is None or not can_create_in(
        actor,
        country_id=organisation.country_id or home_country_id(actor),
        organisation_id=organisation.pk,
    ):
        raise PermissionDenied(_("You may not import aggregates for this organisation."))
    report = ImportReport(file=file_name, dry_run=dry_run)
    limit = int(settings.CADIS_MAX_UPLOAD_BYTES)
    if not data.strip():
        report.fail(None, None, "empty_file")
        return report
    if len(data) > limit:
        report.fail(None, None, "file_too_large", limit=limit // (1024 * 1024))
        return report
    result = read_file(data, mapping_for(instance), fmt or guess_format(file_name, data))
    report.rows = result.items
    _problems(result, report)
    plan = _Plan()
    checker = _Checker(actor, organisation, report)
    for value in result.values:
        checker.check(value, plan)
    if report.errors:
        return report
    writer = _Writer(actor, organisation, instance, data, file_name, confidentiality)
    writer.harms(plan, report)  # first: its consistency problems stop both before any write
    writer.tdi(plan, report)
    if report.errors:
        transaction.set_rollback(True)
        return report
    report.committed = not dry_run
    return report


class _Writer:
    """Compares the plan with the organisation's figures and writes what is new or changed."""

    def __init__(self, actor, organisation, instance, data, file_name, confidentiality) -> None:
        self.actor, self.organisation = actor, organisation
        # The command line acts as an unsaved administrator: records name no user then.
        self.recorder = actor_or_none(actor) if getattr(actor, "pk", None) else None
        self.confidentiality = confidentiality
        self.batch = hashlib.sha256(data).hexdigest()
        self.detail = {"file": file_name[:200], "instance": instance.code, "batch": self.batch}
        self.source = f"DHIS2 ({instance.code}): {file_name}"[:300]

    def _provenance(self, row: int | None) -> dict:
        return {**self.detail, "row": row}

    def tdi(self, plan: _Plan, report: ImportReport) -> None:
        """The clients' figures through the one flow: one per key, updated when changed."""
        if not plan.tdi:
            return

        def existing(_planned: list[Planned]) -> dict:
            return {
                (a.country_id, a.indicator, a.year, a.disaggregation): a
                for a in ImportedAggregate.objects.filter(
                    organisation=self.organisation,
                    country_id__in={key[0] for key in plan.tdi},
                    year__in={key[2] for key in plan.tdi},
                )
            }

        def write_many(changed: list[tuple[Planned, ImportedAggregate | None]]) -> None:
            new = []
            for row, current in changed:
                value, country = row.values
                if current is not None:
                    changes = {"value": int(value.value), "batch": self.batch}
                    self._update(current, changes, value.row)
                    continue
                new.append(
                    ImportedAggregate(
                        country=country,
                        organisation=self.organisation,
                        indicator=row.key[1],
                        year=row.key[2],
                        disaggregation=row.key[3],
                        value=int(value.value),
                        batch=self.batch,
                        confidentiality=self.confidentiality,
                        source_kind=SourceKind.IMPORT,
                        source_ref=self._provenance(value.row),
                        created_by=self.recorder,
                    )
                )
            self._create(ImportedAggregate, new)

        planned = [Planned(found[0].row or 0, key, found) for key, found in plan.tdi.items()]
        commit_rows(
            report,
            planned,
            existing=existing,
            same=lambda current, row: current.value == row.values[0].value,
            write_many=write_many,
        )

    def harms(self, plan: _Plan, report: ImportReport) -> None:
        """The harms figures through the one flow, counted by value: the cases and the people
        tested of a figure are each created, updated or unchanged."""
        if not plan.harms:
            return
        stored = {
            (h.country_id, h.indicator, h.year, h.sex, h.age_band): h
            for h in HarmRecord.objects.filter(
                organisation=self.organisation,
                substance__isnull=True,
                country_id__in={key[0] for key in plan.harms},
                year__in={key[2] for key in plan.harms},
            )
        }
        merged: dict[tuple, dict] = {}
        for key, harm in plan.harms.items():
            current = stored.get(key)
            values = {"cases": None, "tested": None}
            if current is not None:
                values = {"cases": current.cases, "tested": current.tested}
            values.update(harm.parts)
            if self._consistent(harm, values, report):
                merged[key] = values

        def existing(_planned: list[Planned]) -> dict:
            return {
                (key, part): current
                for key, current in stored.items()
                for part in ("cases", "tested")
                if getattr(current, part) is not None
            }

        def write_many(changed: list[tuple[Planned, HarmRecord | None]]) -> None:
            changes: dict[tuple, dict[str, int]] = {}
            for row, _current in changed:
                key, part = row.key
                changes.setdefault(key, {})[part] = plan.harms[key].parts[part]
            new = []
            for key, parts in changes.items():
                harm, current = plan.harms[key], stored.get(key)
                if current is None:
                    new.append(self._new_harm(harm, merged[key]))
                else:
                    self._update(current, parts, min(r or 0 for r in harm.rows.values()) or None)
            self._create(HarmRecord, new)

        planned = [
            Planned(harm.rows.get(part) or 0, (key, part), value)
            for key, harm in plan.harms.items()
            for part, value in harm.parts.items()
        ]
        commit_rows(
            report,
            planned,
            existing=existing,
            same=lambda current, row: getattr(current, row.key[1]) == row.values,
            write_many=write_many,
        )

    def _consistent(self, harm: _Harm, merged: dict, report: ImportReport) -> bool:
        element = f"{harm.indicator.upper()}_CASES"
        row = next(iter(harm.rows.values()))
        if merged["cases"] is None:
            report.fail(row, element, "missing_value")
            return False
        if merged["tested"] is not None and merged["cases"] > merged["tested"]:
            report.fail(harm.rows.get("cases", row), element, "cases_over_tested")
            return False
        return True

    def _new_harm(self, harm: _Harm, merged: dict) -> HarmRecord:
        return HarmRecord(
            country=harm.country,
            organisation=self.organisation,
            indicator=harm.indicator,
            year=harm.year,
            sex=harm.sex,
            age_band=harm.age_band,
            substance=None,
            cases=merged["cases"],
            tested=merged["tested"],
            source=self.source,
            data_quality=DATA_QUALITY,
            quality_note=QUALITY_NOTE,
            confidentiality=self.confidentiality,
            source_kind=SourceKind.IMPORT,
            source_ref=self._provenance(min(r or 0 for r in harm.rows.values()) or None),
            created_by=self.recorder,
        )

    def _update(self, record, changes: dict, row: int | None) -> None:
        if not can_change(self.actor, record):
            raise PermissionDenied(_("You may not import aggregates for this organisation."))
        before = audit.snapshot(record)
        for name, value in changes.items():
            setattr(record, name, value)
        record.save()
        audit.record_update(
            actor=self.recorder,
            obj=record,
            before=before,
            source_kind=SourceKind.IMPORT,
            source_detail=self._provenance(row),
        )

    def _create(self, model, records: list) -> None:
        """Many new records at once, each with its audit entry (as the seizure import does)."""
        if not records:
            return
        model.objects.bulk_create(records, batch_size=500)
        actor = self.recorder
        actor_repr = actor.get_username() if actor else "system"
        label = model._meta.label_lower
        insert_many(
            AuditEntry,
            [
                AuditEntry(
                    actor=actor,
                    actor_repr=actor_repr,
                    action=AuditEntry.Action.CREATE,
                    object_type=label,
                    object_id=str(record.pk),
                    object_repr=str(record)[:300],
                    country_id=record.country_id,
                    after=audit.snapshot(record),
                    source_kind=SourceKind.IMPORT,
                    source_detail=record.source_ref,
                )
                for record in records
            ],
        )
