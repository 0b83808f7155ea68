"""Quantities near a seizure verb that are not seizures.

- differences and comparisons: "на 40,2 кг больше, чем годом ранее", "27.5 kilograms more
  than in 2023", "increased by 300 kg", "down from 9.1 tonnes";
- the figure of an earlier period given for comparison: "(2021 – 401.9 kilograms)",
  "против 5,5 т в 2023 году", a sentence opening "Для сравнения";
- other goods: the cargo that hid the drugs ("a truck carrying 20 tonnes of cement",
  "среди мешков с луком общим весом 20 тонн", "общий вес груза составил 18 тонн");
- what could have been made: "enough to produce 400 kg", "хватило бы для производства
  60 кг", a laboratory's capacity ("мощностью 50 кг в сутки").
"""

from __future__ import annotations

import re

from cadis.engines.extract.analysis import SentenceView
from cadis.engines.units import QuantityMatch

_DIFFERENCE_BEFORE = re.compile(
    r"(?:(?<![\w])на|(?<![\w])by|an?\s+(?:increase|rise|decrease|drop|fall|decline|growth|reduction)\s+of|"
    r"(?:рост|увеличени\w*|снижени\w*|сокращени\w*|прирост)\s+(?:на|составил\w*)?)\s*"
    r"(?:более\s+чем\s+|более\s+|почти\s+|около\s+|over\s+|about\s+|almost\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:больше|меньше|выше|ниже|превыша\w*|more|less|fewer|higher|lower|above|below)"
    r"(?:\s+(?:than|чем|,\s*чем)|\s*,|\s*$|\s+(?:в|за|по|in|on|compared))",
    re.IGNORECASE,
)
_CHANGE_VERB_BEFORE = re.compile(
    r"(?:вырос\w*|увеличил\w*|снизил\w*|сократил\w*|уменьшил\w*|increased|rose|grew|fell|decreased|"
    r"dropped|declined|went\s+up|went\s+down|up|down)\s+(?:на|by)\s*$",
    re.IGNORECASE,
)
_BASELINE_BEFORE = re.compile(
    r"(?:(?:down|up)\s+from|compared\s+(?:to|with)|as\s+against|against|versus|vs\.?|против|"
    r"по\s+сравнению\s+с|в\s+сравнении\s+с|с\s+\d[\d\s.,]*\s*\w+\s+до)\s*"
    r"(?:more\s+than\s+|about\s+|около\s+|более\s+)?$",
    re.IGNORECASE,
)
_COMPARISON_SENTENCE = re.compile(
    r"^\W*(?:для\s+сравнения|по\s+сравнению|в\s+сравнении|for\s+comparison|by\s+comparison|in\s+comparison)",
    re.IGNORECASE,
)
_EARLIER_IN_BRACKETS = re.compile(
    r"\(\s*(?:в\s+|in\s+|за\s+)?(?:19|20)\d\d(?:\s*(?:г\.|года?|году|year))?\s*(?:[-–—:]|г\.\s*[-–—])\s*"
    r"(?:более\s+|около\s+|over\s+|about\s+)?$"
    r"|\(\s*(?:в\s+прошлом\s+году|годом\s+ранее|a\s+year\s+(?:earlier|ago)|last\s+year|"
    r"в\s+(?:аналогичном|том\s+же)\s+периоде?\s+(?:прошлого\s+года)?)\s*[-–—:]?\s*$",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(
    r"^\s*(?:в|за|in|during)\s+(?:аналогичн\w+\s+период\w*\s+)?(?:прошл\w+|предыдущ\w+|the\s+previous|last)\s+(?:год\w*|year)",
    re.IGNORECASE,
)

# Goods that travel with drugs, as cargo or as cover.
_GOODS = (
    r"цемент\w*|угл?[яеюь]\w*|уголь|мук[аиеу]|лук\w*|картоф\w*|хлоп\w*|пряж\w*|фрукт\w*|овощ\w*|арбуз\w*|"
    r"дын[ьяи]\w*|удобрени\w*|металлолом\w*|древесин\w*|пиломатериал\w*|товар\w*|груз\w*|"
    r"продукт\w*\s+питани\w*|продовольств\w*|сахар\w*|рис[ау]?|пшениц\w*|зерн\w*|топлив\w*|дизел\w*|бензин\w*|"
    r"помидор\w*|томат\w*|яблок\w*|изюм\w*|сухофрукт\w*|орех\w*|ткан\w*|одежд\w*|плитк\w*|кирпич\w*|"
    r"сол[ьи]|ча[яй]|капуст\w*|морков\w*|цитрус\w*|лимон\w*|бананов\w*|мандарин\w*|мясо|мяса|рыб\w*|"
    r"cement|coal|flour|onions?|potato\w*|cotton|yarn|fruits?|vegetables?|watermelons?|melons?|"
    r"fertili[sz]er\w*|scrap|timber|lumber|wood|goods|cargo|food\w*|sugar|rice|wheat|grain|"
    r"fuel|diesel|petrol|gasoline|tomato\w*|apples?|raisins?|dried|nuts|textiles?|fabrics?|cloth\w*|"
    r"tiles?|bricks?|salt|tea|cabbage|carrots?|citrus|lemons?|bananas?|tangerines?|meat|fish|"
    r"yuk\w*|жүк\w*|юк\w*|sement\w*|piyoz\w*|пиёз\w*|пияз\w*|картоп\w*|kartop\w*|kartoshka\w*|"
    r"реактив\w*|reagents?|chemicals?|химикат\w*|растворител\w*|solvents?|kimyoviy|химиялық|реагент\w*"
)
_GOODS_AFTER = re.compile(rf"^\s+(?:of\s+)?(?:[\w-]+\s+)?(?:{_GOODS})(?![\w])", re.IGNORECASE)
_GOODS_BEFORE = re.compile(
    rf"(?:{_GOODS})(?![\w])[^.;:]{{0,30}}?(?:весом|массой|weighing|общим\s+весом|общий\s+вес|составил\w*|"
    rf"carrying|loaded\s+with|of)?\s*(?:около\s+|более\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
_CARRYING_BEFORE = re.compile(
    r"(?:carrying|loaded\s+with|laden\s+with|transporting|гружен\w*|перевозивш\w*\s+(?:груз\s+)?)\s*"
    r"(?:около\s+|более\s+|about\s+|over\s+|some\s+)?$",
    re.IGNORECASE,
)
_YIELD_BEFORE = re.compile(
    r"(?:produce|make|manufacture|yield|synthesi[sz]e|производств\w*|изготовлени\w*|изготовить|"
    r"произвести|получить|получения|синтез\w*|хватил\w*|достаточно|enough|could\s+(?:have\s+)?"
    r"(?:be\s+)?(?:produced|made|yielded)|мощностью|capacity|ishlab\s+chiqarish|өндіру\w*)"
    r"(?:\s+[\w-]+){0,5}\s*(?:около\s+|более\s+|до\s+|about\s+|over\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:в\s+(?:сутки|день|неделю|месяц|год)|per\s+(?:day|week|month|year)|"
    r"a\s+(?:day|week|month|year)|ежедневно|ежемесячно|daily|monthly)",
    re.IGNORECASE,
)


def _comparison(text: str, quantity: QuantityMatch) -> bool:
    before = text[max(0, quantity.start - 40) : quantity.start]
    after = text[quantity.end : quantity.end + 40]
    if _BASELINE_BEFORE.search(before) or _CHANGE_VERB_BEFORE.search(before):
        return True
    if re.match(r"\s*(?:more|less|fewer)\s+than", after, re.IGNORECASE):
        return True
    return bool(_DIFFERENCE_BEFORE.search(before) and _DIFFERENCE_AFTER.match(after))


def _earlier_period_figure(text: str, quantity: QuantityMatch) -> bool:
    before = text[max(0, quantity.start - 40) : quantity.start]
    if _EARLIER_IN_BRACKETS.search(before):
        return True
    return bool(_EARLIER_AFTER.match(text[quantity.end : quantity.end + 60]))


def _other_goods(view: SentenceView, quantity: QuantityMatch) -> bool:
    text = view.text
    after = text[quantity.end : quantity.end + 40]
    substance_right_after = any(
        0 <= m.start - quantity.end <= 20 and not re.search(r"[,;]", text[quantity.end : m.start])
        for m in view.substances
    )
    if _GOODS_AFTER.match(after) and not substance_right_after:
        return True
    before = text[max(0, quantity.start - 50) : quantity.start]
    if _CARRYING_BEFORE.search(before) and not substance_right_after:
        return True
    goods = _GOODS_BEFORE.search(before)
    if goods and not substance_right_after:
        # No drug named between the goods and the figure: the figure weighs the goods.
        goods_start = quantity.start - len(before) + goods.start()
        return not any(goods_start <= m.start < quantity.start for m in view.substances)
    return False


def _potential_yield(text: str, quantity: QuantityMatch) -> bool:
    before = text[max(0, quantity.start - 60) : quantity.start]
    return bool(
        _YIELD_BEFORE.search(before) or _RATE_AFTER.match(text[quantity.end : quantity.end + 30])
    )


def not_a_seizure(view: SentenceView, quantity: QuantityMatch) -> str | None:
    """Why the quantity is not a seizure ("comparison", "earlier_period", "other_goods",
    "potential_yield"), or None when nothing says so.
    """
    text = view.text
    if _COMPARISON_SENTENCE.match(text) or _comparison(text, quantity):
        return "comparison"
    if _earlier_period_figure(text, quantity):
        return "earlier_period"
    if _potential_yield(text, quantity):
        return "potential_yield"
    if _other_goods(view, quantity):
        return "other_goods"
    return None
