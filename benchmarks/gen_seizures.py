"""Synthetic seizure files for the import benchmark (invented rows, Russian headers, regional formats).

.venv/bin/python benchmarks/gen_seizures.py --rows 100000 --out benchmarks/out/seizures-100000.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

HEADER = [
    "Дата",
    "Страна",
    "Область",
    "Место",
    "Ведомство",
    "Вещество",
    "Форма",
    "Количество",
    "Единица измерения",
    "Способ сокрытия",
    "Вид транспорта",
    "Страна отправления",
    "Страна назначения",
    "Примечание",
]
COUNTRIES = {
    "KG": ["KG-B", "KG-C", "KG-J", "KG-O", "KG-Y"],
    "KZ": ["KZ-10", "KZ-11", "KZ-19", "KZ-75"],
    "TJ": ["TJ-DU", "TJ-GB", "TJ-KT", "TJ-SU"],
    "UZ": ["UZ-TK", "UZ-SA", "UZ-FA"],
    "TM": ["TM-A", "TM-L"],
}
AGENCIES = {
    "KG": ["kg_sbnon", "kg_customs"],
    "KZ": ["kz_mvd_dpn"],
    "TJ": [""],
    "UZ": [""],
    "TM": [""],
}
SUBSTANCES = [
    ("героин", "порошок"),
    ("гашиш", "смола"),
    ("марихуана", "растительная масса"),
    ("опий", ""),
    ("мефедрон", "порошок"),
    ("метамфетамин", "кристаллы"),
    ("heroin", ""),
    ("hashish", ""),
    ("курительная смесь", ""),
    ("трамадол", "таблетки"),
    ("героинн", ""),
]
CONCEALMENTS = [
    "",
    "",
    "Вакуумная упаковка",
    "Маскировка запаха",
    "vacuum_packaging | odour_masking",
]
TRANSPORTS = ["", "Легковой автомобиль", "road_truck", "Почта", "rail_passenger"]


def quantity(rng: random.Random, substance: str) -> tuple[str, str]:
    if substance == "трамадол":
        return str(rng.randint(10, 5000)), "таблеток"
    kind = rng.random()
    if kind < 0.5:
        grams = rng.uniform(0.1, 2000)
        return f"{grams:,.1f}".replace(",", " ").replace(".", ","), "г"
    if kind < 0.9:
        return f"{rng.uniform(0.01, 50):.3f}".replace(".", ","), "кг"
    return f"{rng.randint(1, 3)} т {rng.randint(1, 999)} кг {rng.randint(1, 999)} г", ""


def rows(count: int, seed: int = 2024):
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    for number in range(count):
        country = rng.choice(list(COUNTRIES))
        substance, form = rng.choice(SUBSTANCES)
        amount, unit = quantity(rng, substance)
        day = start + dt.timedelta(days=rng.randrange(1400))
        date = day.strftime("%d.%m.%Y") if rng.random() < 0.8 else day.isoformat()
        yield [
            date,
            country,
            rng.choice(COUNTRIES[country]),
            f"пункт {number % 500}",
            rng.choice(AGENCIES[country]),
            substance,
            form,
            amount,
            unit,
            rng.choice(CONCEALMENTS),
            rng.choice(TRANSPORTS),
            rng.choice(["", "AF", "Афганистан"]),
            rng.choice(["", "RU", "KZ"]),
            f"synthetic benchmark row {number}",
        ]


def generate(path: Path, count: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(";".join(HEADER) + "\n")
        for row in rows(count):
            handle.write(";".join(row) + "\n")
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "out" / "seizures-100000.csv"
    )
    args = parser.parse_args()
    print(generate(args.out, args.rows))
