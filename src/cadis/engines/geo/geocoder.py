"""Geocoding a place mention: "в Кара-Суйском районе Ошской области" -> KG, KG-O, Кара-Суу, point.

How a mention is read (see docs/geo.md for the whole story):

1. The text is normalised and split into words; words such as "область", "viloyati",
   "облысы", "район", "КПП", "аэропорт" become markers.
2. Every run of up to five words is looked up in the name index under every nominative form
   each word may stand for (Russian case endings, adjectives, Turkic suffixes, pymorphy2
   lemmas); the longest runs win.
3. What was found is resolved: a crossing point or airport when the mention says so, else
   the likeliest populated place consistent with the subdivision and country also named,
   else a district centre ("Кара-Суйский район" -> Кара-Суу), else the subdivision (its
   centroid), else the country alone (no point: "МВД Кыргызской Республики").
4. Nothing found: a fuzzy match (RapidFuzz) of the words against the names, with a lower
   confidence.

`confidence` is a documented score in [0, 1], not a probability; results under
`REVIEW_THRESHOLD` should be checked by a person.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from cadis.engines.geo.gazetteer import (
    CENTRAL_ASIA,
    Gazetteer,
    GazetteerEntry,
    Kind,
    load_gazetteer,
)
from cadis.engines.geo.index import (
    AIRPORT,
    CAPITAL,
    CITY,
    CROSSING,
    DISTRICT,
    KEY_MARKERS,
    REGION,
    IndexedName,
    NameIndex,
)
from cadis.engines.geo.matching import Match, NameMatcher, Word, split_words
from cadis.engines.geo.text import (
    ADJECTIVE_MARK,
    collapse,
    normalise,
    skeleton_raw,
    stem_key,
    token_candidates,
)

REVIEW_THRESHOLD = 0.6

# Subdivisions that lie within another one, as older texts name them: Kazakhstan's 2022 regions
# were carved out of East Kazakhstan, Almaty and Karaganda regions; the cities of republican
# significance lie within (or were part of) the region around them. "Семей
# Восточно-Казахстанской области" is Semey, now in Abai Region.
WITHIN = {
    "KZ-10": "KZ-63",
    "KZ-33": "KZ-19",
    "KZ-62": "KZ-35",
    "KZ-79": "KZ-61",
    "KZ-75": "KZ-19",
    "KZ-71": "KZ-11",
    "KG-GB": "KG-C",
    "KG-GO": "KG-O",
    "TJ-DU": "TJ-RA",
    "TM-S": "TM-A",
    "UZ-TK": "UZ-TO",
}
FUZZY_CUTOFF = 86.0


@dataclass(frozen=True)
class GeocodeResult:
    """Where a mention points. `lat`/`lon` are None when only the country is known."""

    input: str
    country: str | None = None
    subdivision: str | None = None
    place: str | None = None  # the place's name (Russian, else English)
    place_id: str | None = None  # gazetteer id: gn-<geonameid>, xp-..., ap-..., or the ISO code
    kind: str | None = None  # place, crossing, airport, district, subdivision, country
    lat: float | None = None
    lon: float | None = None
    confidence: float = 0.0
    matched: tuple[str, ...] = field(default=())

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON object."""
        return {
            "input": self.input,
            "country": self.country,
            "subdivision": self.subdivision,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "confidence": self.confidence,
        }


class Geocoder:
    """Turns place mentions into country, subdivision, place, point and confidence.

    >>> g = Geocoder()
    >>> r = g.geocode("в Кара-Суйском районе Ошской области")
    >>> (r.country, r.subdivision, r.kind)
    ('KG', 'KG-O', 'district')
    >>> g.geocode("МВД Кыргызской Республики").lat is None
    True
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.index = NameIndex.build(self.gazetteer)
        self.entries = self.index.entries
        self.matcher = NameMatcher(self.index)

    # -- resolving ---------------------------------------------------------------------------
    def geocode(self, text: str) -> GeocodeResult:
        """Geocode one mention; never raises on any string."""
        words = split_words(text)
        if not words:
            return GeocodeResult(input=text)
        hints = {w.marker for w in words if w.marker}
        matches = self.matcher.matches(words)
        result = self._resolve(text, words, matches, hints)
        if result.country is None:
            return self._fuzzy(text, words, hints) or result
        if result.kind == Kind.COUNTRY.value:
            fuzzy = self._fuzzy(
                text, words, hints, exclude=set().union(*(range(m.start, m.end) for m in matches))
            )
            if fuzzy and fuzzy.country == result.country:
                return fuzzy
        return result

    def _resolve(
        self, text: str, words: list[Word], matches: list[Match], hints: set[str]
    ) -> GeocodeResult:
        countries: list[GazetteerEntry] = []
        subdivisions: list[tuple[GazetteerEntry, bool]] = []  # (entry, said with a region word)
        places: list[tuple[int, IndexedName]] = []  # (match order, name)
        exact: set[int] = set()  # entries named with their own spelling
        matched_text: list[str] = []
        for order, match in enumerate(matches):
            span_words = words[match.start : match.end]
            matched_text.append(" ".join(w.text for w in span_words))
            with_region = any(w.marker == REGION for w in span_words)
            # "Kazakhstan" is the country even where a village bears the same name.
            names_country = any(self.entries[n.entry].kind == Kind.COUNTRY for n in match.names)
            # "Хорезм" is the region, though a town lists it among its alternate names.
            names_subdivision = any(
                self.entries[n.entry].kind == Kind.SUBDIVISION for n in match.names
            )
            for name in match.names:
                entry = self.entries[name.entry]
                if names_country and entry.kind == Kind.PLACE:
                    continue
                if names_subdivision and entry.kind == Kind.PLACE and not name.primary:
                    continue
                # A district is a district only when the mention says so ("Аксы" alone may be a town).
                if entry.kind == Kind.DISTRICT and not any(
                    w.marker == DISTRICT for w in span_words
                ):
                    continue
                if name.markers & {AIRPORT, CROSSING} and not name.markers & hints:
                    continue
                if entry.kind == Kind.COUNTRY:
                    countries.append(entry)
                elif entry.kind == Kind.SUBDIVISION:
                    subdivisions.append((entry, with_region))
                else:
                    places.append((order, name))
                    if match.literal in name.spellings:
                        exact.add(name.entry)
        sub_codes = {e.id for e, _ in subdivisions}
        sub_codes |= {child for child, parent in WITHIN.items() if parent in sub_codes}
        country_codes = {e.country for e in countries} | {e.country for e, _ in subdivisions}
        # A district named ("Аламудунского района") places the other names within its region.
        named_districts = {
            self.entries[n.entry].subdivision
            for _, n in places
            if self.entries[n.entry].kind == Kind.DISTRICT
        }
        if named_districts and not sub_codes:
            sub_codes = set(named_districts)
        district = self._district(words, matches, sub_codes, country_codes)
        matched = tuple(matched_text)

        specific = self._best_specific(places, sub_codes, country_codes, hints, exact)
        if specific is not None:
            entry, confidence = specific
            if (
                sub_codes
                and entry.subdivision not in sub_codes
                and not (district and district[0].subdivision == entry.subdivision)
            ):
                # The named subdivision wins over a homonymous place elsewhere.
                specific = None
            else:
                return self._result(text, entry, entry.kind.value, confidence, matched)
        if district is not None:
            entry, confidence = district
            return self._result(text, entry, "district", confidence, matched)
        if subdivisions:
            entry, with_region = self._best_subdivision(subdivisions, country_codes)
            confidence = (
                0.9 if with_region or entry.get("kind") in {"city", "capital_territory"} else 0.8
            )
            if specific is None and places:
                confidence = 0.7  # a place was named but lies elsewhere
            return self._result(text, entry, Kind.SUBDIVISION.value, confidence, matched)
        if countries and CAPITAL in hints:
            # "в столице Кыргызстана", "the Tajik capital": the country's capital city.
            capital = self.gazetteer.get(countries[0].get("capital"))
            if capital is not None:
                return self._result(text, capital, capital.kind.value, 0.85, matched)
        if countries:
            entry = countries[0]
            named = any(
                normalise(n) in normalise(text)
                for n in (entry.name_ru, entry.name_en, entry.name_local)
            )
            return GeocodeResult(
                input=text,
                country=entry.country,
                kind=Kind.COUNTRY.value,
                confidence=0.5 if named else 0.4,
                matched=matched,
            )
        return GeocodeResult(input=text, matched=matched)

    def _result(
        self,
        text: str,
        entry: GazetteerEntry,
        kind: str,
        confidence: float,
        matched: tuple[str, ...],
    ) -> GeocodeResult:
        is_subdivision = entry.kind == Kind.SUBDIVISION
        return GeocodeResult(
            input=text,
            country=entry.country,
            subdivision=entry.subdivision or None,
            place=None if is_subdivision else entry.name("ru"),
            place_id=entry.id,
            kind=kind,
            lat=entry.lat,
            lon=entry.lon,
            confidence=round(confidence, 2),
            matched=matched,
        )

    @staticmethod
    def _prior(entry: GazetteerEntry) -> float:
        if entry.country in CENTRAL_ASIA:
            return 1.5
        return 0.8 if entry.country == "AF" else 0.0

    def _score(
        self,
        entry: GazetteerEntry,
        name: IndexedName,
        order: int,
        subs: set[str],
        countries: set[str],
        hints: set[str],
        exact: set[int],
    ) -> float:
        score = math.log10(entry.population + 10) + self._prior(entry)
        if name.entry in exact:
            score += 1.5 if name.primary else 1.0
        if entry.kind == Kind.CROSSING:
            score += 4.0 if CROSSING in hints else 0.5
        elif entry.kind == Kind.AIRPORT:
            score += 6.0 if AIRPORT in hints else -5.0
        if subs:
            score += 4.0 if entry.subdivision in subs else -3.0
        if countries:
            score += 2.0 if entry.country in countries else -1.0
        return score + (1.2 if name.primary else 0.0) - 0.2 * order

    def _best_specific(
        self,
        places: list[tuple[int, IndexedName]],
        subs: set[str],
        countries: set[str],
        hints: set[str],
        exact: set[int],
    ) -> tuple[GazetteerEntry, float] | None:
        if not places:
            return None
        if AIRPORT in hints:
            airport = self._airport_for(places)
            if airport is not None:
                return airport, 0.95
        scored = sorted(
            (
                (
                    self._score(self.entries[n.entry], n, order, subs, countries, hints, exact),
                    self.entries[n.entry],
                )
                for order, n in places
            ),
            key=lambda item: -item[0],
        )
        best_score, best = scored[0]
        rivals = [s for s, e in scored[1:] if e.subdivision != best.subdivision]
        margin = best_score - rivals[0] if rivals else 9.0
        confidence = (
            0.95 if margin >= 3 else 0.85 if margin >= 1.5 else 0.7 if margin >= 0.5 else 0.55
        )
        if best.kind == Kind.CROSSING and CROSSING not in hints:
            confidence = min(confidence, 0.85)
        return best, confidence

    def _airport_for(self, places: list[tuple[int, IndexedName]]) -> GazetteerEntry | None:
        for _, name in places:
            entry = self.entries[name.entry]
            if entry.kind == Kind.AIRPORT:
                return entry
        for _, name in places:
            entry = self.entries[name.entry]
            for position in self.index.airports_by_city.get(
                collapse(skeleton_raw(normalise(entry.name_en).replace(" ", ""))), []
            ):
                return self.entries[position]
        return None

    def _best_subdivision(
        self, subdivisions: list[tuple[GazetteerEntry, bool]], countries: set[str]
    ) -> tuple[GazetteerEntry, bool]:
        def rank(item: tuple[GazetteerEntry, bool]) -> float:
            entry, with_region = item
            return (
                (2.0 if with_region else 0.0)
                + self._prior(entry)
                + (1.0 if entry.country in countries else 0.0)
            )

        return max(subdivisions, key=rank)

    def _district(
        self, words: list[Word], matches: list[Match], subs: set[str], countries: set[str]
    ) -> tuple[GazetteerEntry, float] | None:
        """ "Кара-Суйский район", "Sokuluk district", "Aksy tumani" -> the district's centre town."""
        for position, word in enumerate(words):
            if word.marker != DISTRICT:
                continue
            for neighbour in (position - 1, position + 1):
                if not 0 <= neighbour < len(words) or words[neighbour].marker:
                    continue
                found = self._district_centre(words[neighbour].text, subs, countries)
                if found:
                    return found
        return None

    def _district_centre(
        self, word: str, subs: set[str], countries: set[str]
    ) -> tuple[GazetteerEntry, float] | None:
        stems = {
            stem_key(form[:-1]) for form in token_candidates(word) if form.endswith(ADJECTIVE_MARK)
        }
        stems |= {
            stem_key(re.sub(r"(ин|ен)$", "", form[:-3]))
            for form in token_candidates(word)
            if form.endswith("ск" + ADJECTIVE_MARK)
        }
        stems |= {stem_key(word)}
        candidates: list[GazetteerEntry] = []
        for stem in stems:
            if len(stem) >= 3:
                candidates.extend(self.entries[p] for p in self.index.stems.get(stem, []))
        if subs:
            candidates = [c for c in candidates if c.subdivision in subs]
        elif countries:
            candidates = [c for c in candidates if c.country in countries]
        if not candidates:
            return None
        best = max(candidates, key=lambda e: math.log10(e.population + 10) + self._prior(e))
        return best, 0.8 if subs else 0.65

    def _fuzzy(
        self, text: str, words: list[Word], hints: set[str], exclude: set[int] | None = None
    ) -> GeocodeResult | None:
        """Misspelt names: the closest key (RapidFuzz ratio >= FUZZY_CUTOFF) of one or two words."""
        exclude = exclude or set()
        any_capitals = any(w.capitalised for w in words)
        best: tuple[float, str] | None = None
        for start in range(len(words)):
            for length in (2, 1):
                span = words[start : start + length]
                if len(span) < length or any(i in exclude for i in range(start, start + length)):
                    continue
                if any_capitals and not any(w.capitalised for w in span if not w.marker):
                    continue  # common words ("долина") are not misspelt names
                if any(w.marker and w.marker not in KEY_MARKERS for w in span) or all(
                    w.marker for w in span
                ):
                    continue
                options = [self.matcher.word_options(w)[:2] for w in span]
                for first in options[0] or ("",):
                    query = collapse(first + (options[1][0] if length == 2 and options[1] else ""))
                    if len(query) < 5 or query[0] not in self.index.fuzzy_buckets:
                        continue
                    hit = process.extractOne(
                        query,
                        self.index.fuzzy_buckets[query[0]],
                        scorer=fuzz.ratio,
                        score_cutoff=FUZZY_CUTOFF,
                    )
                    if hit and (best is None or hit[1] > best[0]):
                        best = (hit[1], hit[0])
        if best is None:
            return None
        score, key = best
        names = [
            n
            for n in self.index.keys[key]
            if not (n.markers & {AIRPORT, CROSSING}) or n.markers & hints
        ]
        if not names:
            return None
        entry = max(
            (self.entries[n.entry] for n in names),
            key=lambda e: (e.kind == Kind.COUNTRY, math.log10(e.population + 10) + self._prior(e)),
        )
        if entry.kind == Kind.COUNTRY:
            return GeocodeResult(
                input=text,
                country=entry.country,
                kind=Kind.COUNTRY.value,
                confidence=0.4,
                matched=(key,),
            )
        confidence = 0.45 + 0.35 * (score - FUZZY_CUTOFF) / (100 - FUZZY_CUTOFF)
        kind = entry.kind.value
        return self._result(text, entry, kind, confidence, (key,))


@lru_cache(maxsize=1)
def default_geocoder() -> Geocoder:
    """The geocoder over the shipped gazetteer, built once (about 1.5 s)."""
    return Geocoder()


def geocode(text: str) -> GeocodeResult:
    """Geocode one mention with the shipped gazetteer.

    >>> geocode("Shymkent").subdivision
    'KZ-79'
    """
    return default_geocoder().geocode(text)


__all__ = ["CITY", "DISTRICT", "REGION", "GeocodeResult", "Geocoder", "default_geocoder", "geocode"]
