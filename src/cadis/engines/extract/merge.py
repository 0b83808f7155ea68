"""One fact per real event: restatements in the headline, the lead and the body are merged.

"Более 8 тонн наркотиков изъяли" (headline) and "обнаружили 8,3 тонны гашиша" (body) are
one seizure; "around 50 kilograms" and "48 kg 620 g" too; "задержан житель" and
"задержанный 35-летний житель" are one person. The merged fact keeps the most precise
statement (its span, text and value) and carries the spans of all the others in `spans`.
"""

from __future__ import annotations

import math
import re

from cadis.engines.extract.model import Fact

PEOPLE = ("detained", "arrests", "prosecuted")
_GENERIC = {
    None,
    "narcotic_drugs",
    "psychotropic_substances",
    "psychoactive_substances",
    "synthetic_drugs",
    "opium_group_drugs",
    "cannabis",
    "amphetamine_type_stimulants",
    "new_psychoactive_substances",
}
# "ещё один задержан", "another suspect", "in a separate case": a second person or a
# second event, not a restatement.
_ANOTHER = re.compile(
    r"ещ[её]\s+(?:один|одн\w+|двое|трое)|втор\w+|другой|другого|another|a\s+second|also|также|тоже|"
    r"в\s+тот\s+же\s+день|в\s+другом\s+случае|кроме\s+того|in\s+a(?:nother|\s+separate)\s+case|"
    r"separately|meanwhile|in\s+addition",
    re.IGNORECASE,
)


def _family(fact: Fact) -> str:
    return "people" if fact.type in PEOPLE else fact.type


def _significant_digits(value: float) -> int:
    text = f"{value:.6g}".replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(text))


def _rounds_to(precise: float, rounded: float) -> bool:
    """8.3 -> 8, 17.205 -> 17, 0.512 -> 0.5, 49.31 -> 50; cut off too: 12.6 -> 12."""
    if rounded <= 0:
        return False
    digits = _significant_digits(rounded)
    step = 10 ** (math.floor(math.log10(abs(rounded))) - digits + 1)
    return bool(abs(precise - rounded) <= 0.5 * step * 1.0001 or 0 <= precise - rounded < step)


def _value(fact: Fact) -> float | None:
    if fact.quantity_kg is not None:
        return fact.quantity_kg
    return float(fact.count) if fact.count is not None else None


def _values_agree(precise: Fact, rounded: Fact) -> tuple[bool, bool]:
    """(agree, rounded): whether `rounded` may restate `precise`, and whether it rounds it."""
    p, r = _value(precise), _value(rounded)
    if p is None or r is None or (precise.quantity_kg is None) != (rounded.quantity_kg is None):
        return False, False
    if abs(p - r) <= max(abs(p), abs(r)) * 0.005:
        return True, False
    qualifier = rounded.qualifier
    if precise.type in PEOPLE or precise.type in ("groups_dismantled", "lab_dismantled"):
        if qualifier is None:
            return False, False  # counts are rounded only when the text says so ("over 300")
    if qualifier in ("more_than", "at_least"):
        agree = r < p <= r * 1.5 if qualifier == "more_than" else r <= p <= r * 1.5
    elif qualifier == "about":
        agree = abs(p - r) <= 0.1 * r
    elif qualifier in ("almost", "up_to"):
        agree = 0.8 * r <= p <= r
    elif qualifier == "less_than":
        agree = 0.7 * r <= p < r
    else:
        agree = _significant_digits(r) < _significant_digits(p) and _rounds_to(p, r)
    return agree, agree


def _substances_agree(a: Fact, b: Fact) -> bool:
    if a.type in PEOPLE or a.type in ("groups_dismantled",):
        return True
    codes = (a.substance_resolved, b.substance_resolved)
    return codes[0] == codes[1] or codes[0] in _GENERIC or codes[1] in _GENERIC


def _periods_agree(a: Fact, b: Fact) -> bool:
    if a.period is None or b.period is None:
        return True
    if a.period.start is None or b.period.start is None:
        return True
    return (a.period.start, a.period.end) == (b.period.start, b.period.end) or (
        # a day inside the other's week ("на прошлой неделе" / "12 мая")
        a.period.start <= b.period.start <= (a.period.end or a.period.start)
        or b.period.start <= a.period.start <= (b.period.end or b.period.start)
    )


def _precision(fact: Fact) -> tuple[int, int, int]:
    """Sort key: exact before qualified, more significant digits first, body before headline."""
    value = _value(fact)
    digits = _significant_digits(value) if value else 0
    return (1 if fact.qualifier else 0, -digits, -fact.span[0])


def _sentence_key(fact: Fact) -> str:
    return fact.sentence


def merge_restatements(facts: list[Fact]) -> list[Fact]:
    """Merge facts that state the same event; keep document order.

    Seizures agree on the substance (or one names only "drugs"), on the value (equal, or
    the other rounds it: "Более 8 тонн" / 8,3 тонны) and on the period; counts of
    people, groups and laboratories agree exactly.
    """
    mergeable = ("seizure", "precursor_seizure", "groups_dismantled", "lab_dismantled", *PEOPLE)
    candidates = sorted(
        (f for f in facts if f.type in mergeable), key=lambda f: (_family(f), _precision(f))
    )
    kept: list[Fact] = []
    absorbed: set[int] = set()
    seizures_by_sentence: dict[str, set[float]] = {}
    for fact in facts:
        if fact.type in ("seizure", "precursor_seizure") and _value(fact) is not None:
            seizures_by_sentence.setdefault(fact.sentence, set()).add(round(_value(fact) or 0, 6))
    for fact in candidates:
        best: tuple[float, Fact, bool] | None = None
        for primary in kept:
            if _family(primary) != _family(fact) or primary.sentence == fact.sentence:
                continue
            if fact.type == "lab_dismantled" and (fact.count is None or primary.count is None):
                agree, rounded = True, False
            else:
                agree, rounded = _values_agree(primary, fact)
            if (
                not agree
                or not _substances_agree(primary, fact)
                or not _periods_agree(primary, fact)
            ):
                continue
            if primary.subdivision and fact.subdivision and primary.subdivision != fact.subdivision:
                continue
            if (
                _family(fact) == "people"
                and fact.count == 1
                and (
                    _ANOTHER.search(fact.sentence)
                    or _ANOTHER.search(primary.sentence)
                    or _separate_events(primary, fact, seizures_by_sentence)
                )
            ):
                continue
            p, r = _value(primary) or 0.0, _value(fact) or 0.0
            distance = abs(p - r) / max(abs(p), 1e-9)
            if primary.substance_resolved == fact.substance_resolved:
                distance -= 1.0  # the same drug named: the better partner
            if best is None or distance < best[0]:
                best = (distance, primary, rounded)
        if best is None:
            kept.append(fact)
            fact.spans = [fact.span]
            continue
        _, primary, rounded = best
        _absorb(primary, fact, rounded)
        absorbed.add(id(fact))
    return [f for f in facts if id(f) not in absorbed]


# "The man and his girlfriend were detained" after "detained a 29-year-old man": the man
# again, with one more person; "Организатор группы приговорен" after "6 участникам".
_DEFINITE_PERSON = re.compile(
    r"^(?:the|this|he|she|он|она|этот|эта|данный|задержанн\w+)\s", re.IGNORECASE
)
_ROLE_IN_GROUP = re.compile(
    r"организатор\w*|лидер\w*|главар\w*|руководител\w*|leader|ringleader|organi[sz]er|mastermind|"
    r"ташкилотчи\w*|ұйымдастырушы\w*|уюштуруучу\w*",
    re.IGNORECASE,
)


def absorb_people_parts(facts: list[Fact]) -> list[Fact]:
    """A single person counted again inside a larger count of the same story."""
    people = [f for f in facts if f.type in PEOPLE and f.count is not None]
    dropped: set[int] = set()
    for single in people:
        if single.count != 1:
            continue
        larger = [
            f for f in people if f is not single and (f.count or 0) > 1 and id(f) not in dropped
        ]
        target = next(
            (
                f
                for f in larger
                if f.span[0] > single.span[0] and _DEFINITE_PERSON.match(_mention_text(f))
            ),
            None,
        )
        if target is None and _ROLE_IN_GROUP.search(single.text):
            target = larger[0] if larger else None
        if target is None:
            continue
        target.spans = sorted({*(target.spans or [target.span]), *(single.spans or [single.span])})
        target.reasons = list(dict.fromkeys([*target.reasons, "restated"]))
        dropped.add(id(single))
    return [f for f in facts if id(f) not in dropped]


def _mention_text(fact: Fact) -> str:
    """The fact's words without a verb in front ("задержаны водитель ..." -> "водитель ...")."""
    return re.sub(
        r"^(?:задержан\w*|арестован\w*|detained|arrested)\s+", "", fact.text, flags=re.IGNORECASE
    )


def absorb_headline_totals(facts: list[Fact], headline_end: int) -> list[Fact]:
    """A title that adds up the story's seizures ("seize 74 kg of drugs" over 42 kg of
    hashish and 32 kg of opium) restates them: its span goes to each of them.

    Only a title without a period of its own: a total "за 2024 год" is a fact of its own.
    """
    if not headline_end:
        return facts
    seizures = [f for f in facts if f.type == "seizure" and f.quantity_kg is not None]
    dropped: set[int] = set()
    for total in seizures:
        if total.span[1] > headline_end or total.period is not None:
            continue
        if total.substance_resolved not in _GENERIC:
            continue
        parts = [f for f in seizures if f is not total and f.span[0] >= headline_end]
        value = sum(f.quantity_kg or 0.0 for f in parts)
        if len(parts) < 2 or (total.quantity_kg or 0) <= 0:
            continue
        close = abs(value - (total.quantity_kg or 0)) <= 0.005 * value
        agree, _ = _values_agree(_with_value(total, value), total) if not close else (True, False)
        if not agree:
            continue
        for part in parts:
            part.spans = sorted({*(part.spans or [part.span]), total.span})
            part.reasons = list(dict.fromkeys([*part.reasons, "sum_in_headline"]))
        dropped.add(id(total))
    return [f for f in facts if id(f) not in dropped]


def _with_value(fact: Fact, value: float) -> Fact:
    """A copy of `fact` holding `value` (to compare a sum with a rounded title)."""
    from dataclasses import replace

    return replace(fact, quantity_kg=value, qualifier=None)


def _separate_events(a: Fact, b: Fact, seizures: dict[str, set[float]]) -> bool:
    """One person detained with 1.02 kg, another with 350 g: two events, not one told twice."""
    first, second = seizures.get(a.sentence), seizures.get(b.sentence)
    return bool(first and second and first != second)


def _absorb(primary: Fact, other: Fact, rounded: bool) -> None:
    primary.spans = sorted({*primary.spans, other.span, *other.spans})
    if primary.substance_resolved in _GENERIC and other.substance_resolved not in _GENERIC:
        primary.substance, primary.substance_resolved = other.substance, other.substance_resolved
        primary.substance_group = other.substance_group
    for name in ("period", "country", "subdivision", "agency", "agency_code", "members"):
        if getattr(primary, name) is None and getattr(other, name) is not None:
            setattr(primary, name, getattr(other, name))
            if name == "country":
                primary.country_source = other.country_source
    if primary.type == "lab_dismantled" and primary.count is None:
        primary.count = other.count
    reasons = ["restated"] + (["rounded_restatement"] if rounded else [])
    primary.reasons = list(dict.fromkeys([*primary.reasons, *reasons]))
