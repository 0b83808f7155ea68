"""Generic-control simulator for focal points: what a draft definition or a country's rule
captures among the catalogue substances and the detections the user may see.

A drafted generic definition runs the engine's `cadis.engines.chem.simulator.simulate`; a
country's rule is the legal model the classifier already applies (listing, inheritance from
the convention schedules, the derivative rule where the country has one), so the simulator
answers exactly what the detection and profile pages say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rdkit import Chem

from cadis.apps.ews import selectors, spectral
from cadis.apps.ews.models import SubstanceProfile
from cadis.engines.chem.simulator import GenericDefinition, simulate
from cadis.platform import scope
from cadis.platform.errors import PermissionDenied, ValidationError

CAPTURING = ("controlled", "controlled_derivative")
MAX_DETECTIONS = 2000


@dataclass(frozen=True)
class Row:
    source: str  # catalogue | detection
    ref: int  # profile or detection id
    name: str
    smiles: str
    captured: bool
    reason: str


def may_simulate(user) -> bool:
    state = scope.scope_of(user)
    return state.is_admin or state.is_focal_point


def require_simulator(user) -> None:
    if not may_simulate(user):
        raise PermissionDenied(_("The simulator is for focal points."))


def parse_positions(text: str) -> dict[int, tuple[str, ...]]:
    """'1: [CH3], [CH2][CH3]' per line -> {1: ('[CH3]', '[CH2][CH3]')} (SMARTS checked)."""
    out: dict[int, tuple[str, ...]] = {}
    for number, line in enumerate(filter(None, (x.strip() for x in text.splitlines())), 1):
        head, sep, rest = line.partition(":")
        if not sep or not head.strip().isdigit():
            raise ValidationError(
                _("Line %(n)s: write 'position: group, group' (for example '1: [CH3], [#1]').")
                % {"n": number},
                details={"field": "positions"},
            )
        groups = tuple(g.strip() for g in rest.split(",") if g.strip())
        for group in groups:
            if Chem.MolFromSmarts(group) is None:
                raise ValidationError(
                    _("Line %(n)s: %(group)s is not a valid SMARTS group.")
                    % {"n": number, "group": group},
                    details={"field": "positions"},
                )
        out[int(head)] = groups
    return out


def _reason(text: str) -> str:
    """The engine's reason in the active language."""
    if text == "core present and every variable position carries an allowed group":
        return _("core present and every variable position carries an allowed group")
    if text == "the core structure is not present":
        return _("the core structure is not present")
    if text == "invalid structure":
        return _("invalid structure")
    if text == "no match of the core satisfies the allowed substituents":
        return _("no match of the core satisfies the allowed substituents")
    found = re.match(r"position (\d+):", text)
    if found:
        return _("position %(n)s: the group there is not among the allowed substituents") % {
            "n": found.group(1)
        }
    return text


def _subjects(user) -> tuple[list[SubstanceProfile], list]:
    profiles = list(SubstanceProfile.objects.filter(in_library=True).order_by("name_en"))
    detections = list(
        selectors.detection_list(user=user)
        .exclude(profile__isnull=True)
        .order_by("-detected_on", "-id")[:MAX_DETECTIONS]
    )
    return profiles, detections


def _detection_name(detection) -> str:
    return f"#{detection.pk} {detection.detected_on} {detection.country.code}: {detection.profile.name_en}"


def run_generic(*, user, core: str, positions: dict[int, tuple[str, ...]]) -> list[Row]:
    require_simulator(user)
    if not core.strip() or Chem.MolFromSmarts(core.strip()) is None:
        raise ValidationError(_("The core is not a valid SMARTS."), details={"field": "core"})
    core_mol = Chem.MolFromSmarts(core.strip())
    mapped = {a.GetAtomMapNum() for a in core_mol.GetAtoms() if a.GetAtomMapNum()}
    missing = sorted(set(positions) - mapped)
    if missing:
        raise ValidationError(
            _("Position %(n)s is not marked in the core (write it as [*:%(n)s]).")
            % {"n": missing[0]},
            details={"field": "positions"},
        )
    profiles, detections = _subjects(user)
    definition = GenericDefinition("draft", core.strip(), positions)
    results = simulate(
        definition,
        [(str(p.pk), p.smiles) for p in profiles],
        [(str(d.pk), d.profile.smiles) for d in detections],
    )
    names = {("catalogue", str(p.pk)): p.name_en for p in profiles}
    names.update({("detection", str(d.pk)): _detection_name(d) for d in detections})
    return [
        Row(r.source, int(r.substance_id), names[(r.source, r.substance_id)], r.smiles,
            r.captured, _reason(r.reason))
        for r in results
    ]  # fmt: skip


def _status_reason(answer: dict) -> str:
    status = answer.get("status")
    if status == "controlled":
        return _("listed: %(list)s") % {"list": answer.get("list") or answer.get("schedule") or ""}
    if status == "controlled_derivative":
        return _("derivative of %(parent)s under the derivative rule") % {
            "parent": answer.get("parent") or ""
        }
    if status == "not_found_in_lists_held":
        return _("not listed, and not a derivative of a listed substance under this rule")
    return _("unknown: no verified list held")


def run_country_rule(*, user, jurisdiction: str) -> list[Row]:
    require_simulator(user)
    from cadis.apps.ews.choices import JURISDICTIONS

    if jurisdiction not in JURISDICTIONS:
        raise ValidationError(_("Choose a jurisdiction."), details={"field": "jurisdiction"})
    profiles, detections = _subjects(user)
    rows = []
    for source, items in (("catalogue", profiles), ("detection", detections)):
        for item in items:
            profile = item if source == "catalogue" else item.profile
            answer = spectral.status_of(profile).get(jurisdiction) or {}
            name = profile.name_en if source == "catalogue" else _detection_name(item)
            rows.append(
                Row(source, item.pk, name, profile.smiles,
                    answer.get("status") in CAPTURING, _status_reason(answer))
            )  # fmt: skip
    return rows


def summary(rows: list[Row]) -> dict[str, int]:
    return {
        "catalogue_captured": sum(r.captured for r in rows if r.source == "catalogue"),
        "catalogue_missed": sum(not r.captured for r in rows if r.source == "catalogue"),
        "detections_captured": sum(r.captured for r in rows if r.source == "detection"),
        "detections_missed": sum(not r.captured for r in rows if r.source == "detection"),
    }
