"""Number words in Russian and English ("трёх", "двадцать пять", "seven", "двух тысяч").

Russian numerals inflect for case, so every case form is listed; the table is small
and explicit on purpose (no morphology model needed, nothing to load).
"""

from __future__ import annotations

import re

# value -> space-separated case forms
_RU_FORMS: dict[float, str] = {
    0: "ноль нуля нулю нулём нулем",
    1: "один одна одно одного одной одному одним одном одну",
    1.5: "полтора полторы полутора",
    2: "два две двух двум двумя",
    3: "три трех трёх трем трём тремя",
    4: "четыре четырех четырёх четырем четырём четырьмя",
    5: "пять пяти пятью",
    6: "шесть шести шестью",
    7: "семь семи",
    8: "восемь восьми восемью восьмью",
    9: "девять девяти девятью",
    10: "десять десяти десятью",
    11: "одиннадцать одиннадцати одиннадцатью",
    12: "двенадцать двенадцати двенадцатью",
    13: "тринадцать тринадцати тринадцатью",
    14: "четырнадцать четырнадцати четырнадцатью",
    15: "пятнадцать пятнадцати пятнадцатью",
    16: "шестнадцать шестнадцати шестнадцатью",
    17: "семнадцать семнадцати семнадцатью",
    18: "восемнадцать восемнадцати восемнадцатью",
    19: "девятнадцать девятнадцати девятнадцатью",
    20: "двадцать двадцати двадцатью",
    30: "тридцать тридцати тридцатью",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трехсот трёхсот тремстам тремястами трехстах трёхстах",
    400: "четыреста четырехсот четырёхсот четыремстам четырьмястами четырехстах",
    500: "пятьсот пятисот пятистам пятьюстами пятистах",
    600: "шестьсот шестисот шестистам шестьюстами шестистах",
    700: "семьсот семисот семистам семьюстами семистах",
    800: "восемьсот восьмисот восьмистам восемьюстами восьмистах",
    900: "девятьсот девятисот девятистам девятьюстами девятистах",
}

# Collective numerals: "задержаны двое", "троих подозреваемых".
_RU_COLLECTIVE: dict[float, str] = {
    2: "двое двоих",
    3: "трое троих",
    4: "четверо четверых",
    5: "пятеро пятерых",
    6: "шестеро шестерых",
    7: "семеро семерых",
    8: "восьмеро восьмерых",
    9: "девятеро девятерых",
    10: "десятеро десятерых",
}

_EN_FORMS: dict[float, str] = {
    0: "zero",
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}

HUNDRED_WORDS = ("hundred",)

# Multipliers close a group: "двух тысяч" = 2 * 1000, "1 тысяча 163" = 1 * 1000 + 163.
MULTIPLIER_PATTERNS: tuple[tuple[str, float], ...] = (
    (r"тысяч\w*|тыс\.?|thousands?", 1_000),
    (r"миллион\w*|млн\.?|millions?|mln\.?", 1_000_000),
    (r"миллиард\w*|млрд\.?|billions?|bn", 1_000_000_000),
)

WORD_VALUES: dict[str, float] = {}
for _table in (_RU_FORMS, _RU_COLLECTIVE, _EN_FORMS):
    for _value, _forms in _table.items():
        for _form in _forms.split():
            WORD_VALUES[_form] = float(_value)
WORD_VALUES["hundred"] = 100.0

_WORD_ALTERNATION = "|".join(sorted(map(re.escape, WORD_VALUES), key=len, reverse=True))
NUMBER_WORD_PATTERN = rf"(?<![\w-])(?:{_WORD_ALTERNATION})(?![\w])"
MULTIPLIER_PATTERN = r"(?<![\w])(?:" + "|".join(p for p, _ in MULTIPLIER_PATTERNS) + r")(?![\w])"
_MULTIPLIER_RES = [(re.compile(rf"(?:{p})\Z", re.IGNORECASE), v) for p, v in MULTIPLIER_PATTERNS]


def word_value(word: str) -> float | None:
    """Value of one number word, or None.

    >>> word_value("трёх")
    3.0
    """
    return WORD_VALUES.get(word.lower().replace("ё", "е")) or WORD_VALUES.get(word.lower())


def multiplier_value(word: str) -> float | None:
    """Value of a multiplier word ("тысяч" -> 1000, "млн" -> 1e6), or None."""
    for regex, value in _MULTIPLIER_RES:
        if regex.match(word):
            return value
    return None


def combine_number_tokens(values: list[tuple[str, float]]) -> float:
    """Combine ("num", v) / ("hundred", 100) / ("mult", 1000) tokens into one value.

    >>> combine_number_tokens([("num", 2.0), ("mult", 1000.0), ("num", 163.0)])
    2163.0
    """
    total = 0.0
    current = 0.0
    for kind, value in values:
        if kind == "mult":
            total += (current or 1.0) * value
            current = 0.0
        elif kind == "hundred":
            current = (current or 1.0) * value
        else:
            current += value
    return total + current
