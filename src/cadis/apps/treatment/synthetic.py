"""Synthetic TDI episodes and harms figures for the demo and the benchmark (invented, labelled)."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment.models import TreatmentEpisode
from cadis.apps.treatment.pseudonym import pseudonym_from_identifier
from cadis.apps.treatment.services import link_duplicates
from cadis.platform.records import Confidentiality, SourceKind

# Plausible shapes for the region (opioid-dominated, cannabis and stimulants rising); invented.
DRUG_WEIGHTS = {
    "1.1": 40,
    "1.5": 6,
    "1.5.tramadol": 5,
    "7.1": 18,
    "7.2": 4,
    "3.2": 6,
    "3.4": 5,
    "4.2": 3,
    "4.4.pregabalin": 4,
    "6": 2,
    "9": 2,
    "99": 1,
}


def _pick(rng: random.Random, choices_cls, weights: dict[str, int] | None = None) -> str:
    values = list(choices_cls.values)
    w = [(weights or {}).get(v, 1) for v in values]
    return rng.choices(values, weights=w)[0]


def _result(rng: random.Random, testing: str, *, positive: int) -> str:
    """A test result consistent with the testing item (never tested: not tested)."""
    if testing == c.Testing.NEVER:
        return c.TestResult.NOT_TESTED
    if testing in (c.Testing.REFUSED, c.NOT_KNOWN):
        return c.TestResult.NOT_KNOWN
    return rng.choices(
        [
            c.TestResult.POSITIVE,
            c.TestResult.NEGATIVE,
            c.TestResult.RESULT_UNKNOWN,
            c.TestResult.REFUSED,
        ],
        [positive, 100 - positive - 5, 4, 1],
    )[0]


def _add_later_items(episode: TreatmentEpisode, more: random.Random) -> None:
    """The TDI 3.0 items added later, drawn from their own generator so that the items drawn
    before them stay the same for a given seed."""
    injected = episode.injecting not in (c.Injecting.NEVER, c.Injecting.NOT_KNOWN)
    episode.nationality = more.choices(
        [c.Nationality.NATIONAL, c.Nationality.FOREIGN, c.Nationality.STATELESS], [95, 4, 1]
    )[0]
    if injected:
        episode.year_first_injection = episode.year - more.randint(
            0, max(0, min(episode.age - 14, 20))
        )
    episode.hiv_result = _result(more, episode.hiv_testing, positive=8)
    episode.hcv_result = _result(more, episode.hcv_testing, positive=35)
    if episode.ost in (c.Ost.CURRENTLY, c.Ost.EVER_NOT_NOW):
        episode.year_first_ost = episode.year - more.randint(0, 8)


def synthetic_episodes(
    *, country, organisation, year: int, count: int, seed: int, client_pool: int | None = None
) -> list[TreatmentEpisode]:
    """``count`` unsaved episodes; about 5 % are repeat episodes of a client within the year."""
    rng = random.Random(seed)
    drugs = dict(TdiDrug.objects.values_list("code", "pk"))
    codes = [k for k in DRUG_WEIGHTS if k in drugs]
    weights = [DRUG_WEIGHTS[k] for k in codes]
    pool = client_pool or count
    out = []
    used: set[tuple[str, dt.date]] = set()
    for _i in range(count):
        client = rng.randrange(pool) if rng.random() < 0.05 else rng.randrange(pool * 4)
        pseudonym = pseudonym_from_identifier(f"SYNTH-{country.code}-{client:08d}")
        start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if (pseudonym, start) in used:
            continue
        used.add((pseudonym, start))
        drug = rng.choices(codes, weights=weights)[0]
        opioid = drug.startswith("1")
        age = max(14, min(75, int(rng.gauss(34 if opioid else 26, 9))))
        injecting = (
            rng.choices(
                [c.Injecting.LAST_30D, c.Injecting.LAST_12M, c.Injecting.NEVER], [50, 15, 35]
            )[0]
            if opioid
            else rng.choices([c.Injecting.NEVER, c.Injecting.EVER_NOT_12M], [92, 8])[0]
        )
        route = (
            c.Route.INJECT
            if injecting == c.Injecting.LAST_30D
            else rng.choice(
                [c.Route.SMOKE, c.Route.EAT, c.Route.SNIFF]
                if not opioid
                else [c.Route.SMOKE, c.Route.SNIFF]
            )
        )
        episode = TreatmentEpisode(
            country=country,
            organisation=organisation,
            confidentiality=Confidentiality.CONFIDENTIAL,
            source_kind=SourceKind.DEMO,
            source_ref={"synthetic": True, "seed": seed},
            pseudonym=pseudonym,
            start_date=start,
            year=year,
            centre_type=_pick(
                rng,
                c.CentreType,
                {"outpatient": 55, "inpatient": 30, "prison": 6, "low_threshold": 5},
            ),
            treatment_status=_pick(rng, c.TreatmentStatus, {"never": 45, "previously": 50}),
            sex=_pick(rng, c.Sex, {"male": 86, "female": 13, "not_known": 1}),
            age=age,
            age_first_use=max(10, age - rng.randint(2, 15)),
            referral=_pick(
                rng, c.Referral, {"self": 45, "legal": 25, "health_social": 12, "gp": 8}
            ),
            living_with=_pick(rng, c.LivingWith, {"family": 55, "partner": 20, "alone": 15}),
            living_with_children=_pick(rng, c.YesNo),
            living_where=_pick(rng, c.LivingWhere, {"stable": 80}),
            education=_pick(rng, c.Education, {"secondary": 60, "higher": 15, "primary": 15}),
            labour_status=_pick(
                rng, c.LabourStatus, {"unemployed": 45, "occasional": 25, "regular": 15}
            ),
            primary_drug_id=drugs[drug],
            route=route,
            frequency=_pick(rng, c.Frequency, {"daily": 55, "4_6_week": 15, "2_3_week": 12}),
            secondary_drugs=rng.sample(["alcohol", "7.1", "4.2"], rng.randint(0, 2)),
            polydrug=_pick(rng, c.YesNo, {"no": 60, "yes": 35}),
            injecting=injecting,
            needle_sharing=c.NeedleSharing.NEVER
            if injecting == c.Injecting.NEVER
            else _pick(rng, c.NeedleSharing),
            hiv_testing=_pick(rng, c.Testing, {"last_12m": 60}),
            hcv_testing=_pick(rng, c.Testing, {"last_12m": 50}),
            ost=(
                _pick(rng, c.Ost, {"never": 70, "currently": 10, "ever_not_now": 15})
                if opioid
                else c.Ost.NEVER
            ),
        )
        _add_later_items(episode, random.Random(f"{seed}:{pseudonym}:{start}"))
        out.append(episode)
    return out


def save_episodes(episodes: list[TreatmentEpisode], batch_size: int = 5000) -> int:
    """Bulk-insert and then mark repeat episodes within a year as possible duplicates."""
    TreatmentEpisode.objects.bulk_create(episodes, batch_size=batch_size, ignore_conflicts=True)
    per_client: dict[tuple[int, str], int] = defaultdict(int)
    for e in episodes:
        per_client[(e.country_id, e.pseudonym)] += 1
    for (country_id, pseudonym), n in per_client.items():
        if n > 1:
            link_duplicates(country_id=country_id, pseudonym=pseudonym)
    return len(episodes)
