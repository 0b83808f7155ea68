"""Generate a synthetic declarations CSV for the screening benchmark.

    .venv/bin/python benchmarks/gen_declarations.py --lines 1000000 -o benchmarks/out/decl.csv

About 10 % of the lines name a controlled precursor (Russian, English or transliterated synonyms
from the project's reference data, sometimes with a typo, a salt, an HS code or a CAS number);
the rest are ordinary goods and look-alike chemicals. The templates are written here; nothing
is taken from the evaluation sets. Columns: the input columns of ``cadis screen`` plus
``label_cas`` (empty for negatives), so the generated file can also be scored.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from cadis.engines.screening import load_control_list_csv

ORDINARY_GOODS = [
    ("Рис длиннозерный шлифованный", "1006.30"),
    ("Long grain rice, polished", "1006.30"),
    ("Мука пшеничная высшего сорта", "1101.00"),
    ("Сахар белый свекловичный", "1701.99"),
    ("Cotton yarn, combed", "5205.21"),
    ("Пряжа хлопчатобумажная", "5205.21"),
    ("Шины для легковых автомобилей", "4011.10"),
    ("Tyres for passenger cars", "4011.10"),
    ("Холодильники бытовые", "8418.21"),
    ("Household refrigerators", "8418.21"),
    ("Телефоны мобильные", "8517.13"),
    ("Mobile phones", "8517.13"),
    ("Obuv kozhanaya muzhskaya", "6403.99"),
    ("Плитка керамическая напольная", "6907.21"),
    ("Трубы стальные бесшовные", "7304.19"),
    ("Steel pipes, seamless", "7304.19"),
    ("Удобрения азотные (карбамид)", "3102.10"),
    ("Urea fertiliser, granular", "3102.10"),
    ("Масло подсолнечное рафинированное", "1512.19"),
    ("Sunflower oil, refined", "1512.19"),
    ("Цемент портландский", "2523.29"),
    ("Краска водоэмульсионная", "3209.10"),
    ("Lubricating oil SAE 10W-40", "2710.19"),
    ("Подшипники шариковые", "8482.10"),
    ("Медицинские шприцы одноразовые", "9018.31"),
    ("Paracetamol tablets 500 mg", "3004.90"),
    ("Ткань полиэфирная окрашенная", "5407.61"),
    ("Kartofel svezhiy", "0701.90"),
]

LOOKALIKE_CHEMICALS = [
    ("Кислота уксусная ледяная", "2915.21", "64-19-7"),
    ("Acetic acid, glacial", "2915.21", "64-19-7"),
    ("Ацетонитрил для ВЭЖХ", "2926.90", "75-05-8"),
    ("Acetonitrile HPLC grade", "2926.90", "75-05-8"),
    ("Пиперазин безводный", "2933.59", "110-85-0"),
    ("Piperazine hexahydrate", "2933.59", "142-63-2"),
    ("o-Toluidine", "2921.43", "95-53-4"),
    ("Толуидин технический", "2921.43", "95-53-4"),
    ("Марганца диоксид", "2820.10", "1313-13-9"),
    ("Potassium manganate", "2841.69", "10294-64-1"),
    ("Сера техническая газовая", "2503.00", "7704-34-9"),
    ("Sulphur granules", "2503.00", "7704-34-9"),
    ("Ephedra herb, cut", "1211.90", ""),
    ("Трава эфедры измельченная", "1211.90", ""),
    ("L-фенилаланин", "2922.49", "63-91-2"),
    ("Натрий хлористый (соль техническая)", "2501.00", "7647-14-5"),
    ("Ammonium sulphate", "3102.21", "7783-20-2"),
    ("Этилацетат", "2915.31", "141-78-6"),
    ("n-Butanol", "2905.13", "71-36-3"),
    ("Спирт изопропиловый", "2905.12", "67-63-0"),
    ("Benzyl alcohol", "2906.21", "100-51-6"),
    ("Methyl isobutyl ketone", "2914.13", "108-10-1"),
    ("Кислота азотная 57%", "2808.00", "7697-37-2"),
    ("Nitromethane", "2904.20", "75-52-5"),
    ("Drotaverine hydrochloride", "2933.49", "985-12-6"),
]

PACKING = [
    "",
    ", в бочках по 200 л",
    ", drums 200 l",
    ", в мешках по 25 кг",
    ", 25 kg bags",
    ", IBC 1000 l",
    ", v kanistrakh po 5 l",
    " техн.",
    " ч.д.а.",
    " х.ч.",
    ", reagent grade",
    ", партия {batch}",
    ", batch {batch}",
    ". Изготовитель: ООО «Химпром»",
    ", manufacturer: Orient Chemicals Ltd",
]
CONCENTRATION = ["", " 99%", " 98,5%", ", не менее 99,5 %", " 35%", " 96% min", " conc."]
UNITS = ["кг", "kg", "л", "l", "т", "t", "pcs", "шт"]
COUNTRIES = ["KZ", "KG", "TJ", "TM", "UZ", "RU", "CN", "IN", "TR", "DE", "AE", "IR"]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 8:
        return word
    index = rng.randrange(2, len(word) - 3)
    return word[:index] + word[index + 1] + word[index] + word[index + 2 :]


def _noise(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.upper()
    if roll < 0.2:
        return text.lower()
    if roll < 0.25:
        return "  " + text.replace(" ", "  ") + " ;"
    return text


def generate(path: Path, lines: int, *, seed: int = 5, positive_share: float = 0.1) -> int:
    rng = random.Random(seed)
    control = load_control_list_csv()
    positives: list[tuple[str, str, str]] = []
    for entry in control.entries:
        if entry.is_national:
            continue
        for name in (*entry.names_en, *entry.names_ru, *entry.names_other, *entry.abbreviations):
            positives.append((name, entry.hs6, entry.cas))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "description", "hs_code", "cas", "quantity", "unit", "origin", "destination"]
            + ["label_cas"]
        )
        for number in range(1, lines + 1):
            batch = f"{rng.randrange(200101, 251231)}-{rng.randrange(10, 99)}"
            packing = rng.choice(PACKING).format(batch=batch)
            hs = cas = label = ""
            roll = rng.random()
            if roll < positive_share:
                name, hs6, label = rng.choice(positives)
                if rng.random() < 0.15:
                    name = " ".join(_typo(word, rng) for word in name.split())
                description = name + rng.choice(CONCENTRATION) + packing
                evidence = rng.random()
                if evidence < 0.3:
                    hs = hs6.replace(".", "") + rng.choice(["", "0000", "1000"])
                elif evidence < 0.6:
                    cas = label
            elif roll < positive_share + 0.15:
                description, hs, cas = rng.choice(LOOKALIKE_CHEMICALS)
                description += rng.choice(CONCENTRATION) + packing
                if rng.random() < 0.5:
                    hs = cas = ""
            else:
                description, hs = rng.choice(ORDINARY_GOODS)
                description += packing
                if rng.random() < 0.5:
                    hs = ""
            writer.writerow(
                [
                    f"G{number:07d}",
                    _noise(description, rng),
                    hs,
                    cas,
                    f"{rng.uniform(1, 50000):.1f}",
                    rng.choice(UNITS),
                    rng.choice(COUNTRIES),
                    rng.choice(COUNTRIES[:5]),
                    label,
                ]
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("-o", "--output", default="benchmarks/out/declarations.csv")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    generate(output, args.lines, seed=args.seed)
    print(f"wrote {args.lines:,} lines to {output}")


if __name__ == "__main__":
    main()
