"""Everyday words for vocabulary entries, as data clerks write them (keyed by entry code).

The importer reads a value first as an exact name (code, Russian, English or national name,
abbreviation), then as one of these words, then as a mapping the organisation saved, then as a
fuzzy match (``cadis.platform.imports.matcher``). A word listed for two entries of one vocabulary
is resolved in the importer's country first (agencies), else it is asked. ``docs/imports.md``
lists them (generated; ``tests/imports/test_docs_columns.py`` fails when it drifts).
"""

from __future__ import annotations

AGENCY: dict[str, tuple[str, ...]] = {
    # Abbreviations without the country ("МВД" for "МВД КР") are derived, not listed.
    "kz_mvd": ("полиция", "police"),
    "kg_mvd": ("милиция", "ОВД", "РОВД", "ГУВД", "police"),
    "tj_mvd": ("милиция", "police"),
    "uz_mvd": ("милиция", "police"),
    "tm_mvd": ("полиция", "police", "МВД"),
    "kg_sbnon": ("СБНОН", "ОБНОН", "наркоконтроль"),
    "kg_customs": ("ГТС", "таможня", "таможенная служба", "customs"),
    "kz_kgd": ("КГД", "таможня", "customs"),
    "tj_customs": ("ТС", "таможня", "customs"),
    "uz_customs": ("ГТК", "таможня", "customs"),
    "tm_customs": ("таможня", "customs"),
    "kg_gknb_border": ("погранслужба", "пограничники", "ПС", "border guards"),
    "kz_knb_border": ("погранслужба", "пограничники", "ПС", "border guards"),
    "tj_gknb_border": ("погранвойска", "пограничники", "ПВ", "border guards"),
    "uz_sgb_border": ("погранвойска", "пограничники", "ПВ", "border guards"),
    "tm_border": ("погранслужба", "пограничники", "border guards"),
    "tj_akn": ("агентство по контролю за наркотиками", "АКН при Президенте"),
}

TRANSPORT: dict[str, tuple[str, ...]] = {
    "road_private_car": ("автомобиль", "машина", "легковушка", "авто", "легковой", "car"),
    "road_truck": ("грузовик", "фура", "грузовая машина", "камаз", "truck", "lorry"),
    "road_bus": ("маршрутка", "микроавтобус", "bus"),
    "road_taxi": ("такси", "taxi"),
    "road": ("автотранспорт", "автомобильный", "road"),
    "rail_passenger": ("поезд", "train"),
    "rail_freight": ("вагон", "грузовой вагон"),
    "air_passenger": ("самолет", "авиарейс", "рейс", "plane", "flight"),
    "air_cargo": ("авиакарго", "авиагрузы"),
    "post": ("почта", "почтовое отправление", "посылка", "бандероль", "mail", "parcel"),
    "courier": ("курьер", "доставка", "экспресс-доставка"),
    "pedestrian": ("пешком", "пеший", "пешеход", "on foot"),
    "pack_animals": ("лошадь", "ишак", "осел", "на лошади"),
    "drone": ("дрон", "беспилотник", "квадрокоптер"),
    "unknown": ("неизвестно", "не установлено", "нет данных"),
}

CONCEALMENT: dict[str, tuple[str, ...]] = {
    "luggage_personal_items": (
        "в багаже",
        "багаж",
        "в сумке",
        "в личных вещах",
        "ручная кладь",
        "в одежде",
        "luggage",
    ),
    "vehicle_built_in_compartment": (
        "в тайнике автомобиля",
        "тайник в автомобиле",
        "тайник в машине",
        "в тайнике",
        "тайник",
        "hidden compartment",
    ),
    "vehicle_natural_cavities": ("в автомобиле", "в машине", "в салоне", "в багажнике"),
    "vehicle_fuel_tank": ("в бензобаке", "в баке", "бензобак"),
    "vehicle_tyres": ("в колесе", "в запаске", "в шинах"),
    "postal_parcel": ("почтовое отправление", "посылка", "в посылке", "почта", "бандероль"),
    "body_strapped": ("на теле", "при себе", "в карманах", "в кармане", "личный досмотр"),
    "body_internal": ("в желудке", "глотатель", "проглотил", "в организме"),
    "dead_drop": ("закладка", "закладки", "тайник-закладка"),
    "stash_in_terrain": ("схрон", "в земле", "закопано"),
    "mixed_with_legal_goods": ("среди груза", "в грузе", "с овощами", "с фруктами"),
    "thrown_over": ("переброс", "перебросили"),
}

DRUG_FORM: dict[str, tuple[str, ...]] = {
    "herbal": ("трава", "растительное вещество", "марихуана", "herb"),
    "resin": ("смола", "гашиш"),
    "powder": ("порошок", "порошкообразное"),
    "tablets": ("таблетка", "таблетки", "tablet", "pills"),
    "capsules": ("капсула", "капсулы"),
    "liquid": ("раствор", "жидкое"),
    "crystals": ("кристаллы", "кристаллическое"),
    "smoking_mixture": ("спайс", "курительная смесь", "микс"),
    "blotter": ("марка", "марки"),
}

BY_VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "agency": AGENCY,
    "transport": TRANSPORT,
    "concealment": CONCEALMENT,
    "form": DRUG_FORM,
}

# Treatment episodes (TDI) and harms figures. Keys are TDI drug codes (reference.TdiDrug) or the
# choice codes of ``cadis.apps.treatment.choices``. A word listed for two entries ("мет":
# methadone or methamphetamine) is asked, never guessed. Kyrgyz (ky), Kazakh (kk) and Uzbek (uz)
# forms are listed where they are the usual words.
TDI_DRUG: dict[str, tuple[str, ...]] = {
    "1.1": ("гер", "геры", "героин уличный", "гера", "heroine", "geroin"),
    "1.2": ("метадон", "мет", "methadone"),
    "1.3": ("бупренорфин", "субутекс", "бупрен", "buprenorphine", "subutex"),
    "1.4": ("фентанил", "fentanyl"),
    "1.5": (
        "опий",
        "опиум",
        "ханка",
        "кокнар",
        "маковая солома",
        "дезоморфин",
        "крокодил",
        "кодеин",
        "морфин",
        "опиаты",
        "opium",
        "afyun",
        "апиын",
    ),
    "1.5.tramadol": ("трамадол", "трамал", "tramadol"),
    "2.1": ("кокаин порошок", "кокс", "coke"),
    "2.2": ("крэк", "crack"),
    "3.1": ("амфетамин", "фен", "спиды", "amphetamine", "speed"),
    "3.2": ("метамфетамин", "первитин", "винт", "мет", "лед", "methamphetamine", "crystal meth"),
    "3.3": ("экстази", "мдма", "ecstasy"),
    "3.4": (
        "соль",
        "соли",
        "мефедрон",
        "меф",
        "альфа-пвп",
        "a-pvp",
        "катиноны",
        "bath salts",
        "mephedrone",
    ),
    "4.2": ("бензодиазепины", "феназепам", "диазепам", "реланиум", "benzos", "benzodiazepine"),
    "4.1": ("барбитураты", "фенобарбитал", "barbiturate"),
    "4.3": ("гомк", "гбл", "ghb", "gbl"),
    "4.4.pregabalin": ("прегабалин", "лирика", "pregabalin", "lyrica"),
    "5.1": ("lsd", "марки лсд"),
    "6": ("ингалянты", "клей", "токсикомания", "растворители", "inhalants", "solvents"),
    "7.1": (
        "анаша",
        "гашиш",
        "марихуана",
        "конопля",
        "каннабис",
        "план",
        "травка",
        "шала",
        "nasha",
        "наша",
        "cannabis",
        "marijuana",
        "hashish",
        "hash",
    ),
    "7.2": ("спайс", "спайсы", "курительные смеси", "микс", "синтетические каннабиноиды", "spice"),
}

SEX: dict[str, tuple[str, ...]] = {
    "male": ("м", "муж", "мужской", "мужчина", "m", "man", "эркек", "ер", "ер адам", "erkak"),
    "female": (
        "ж",
        "жен",
        "женский",
        "женщина",
        "f",
        "woman",
        "аял",
        "әйел",
        "ayol",
    ),
}

HARM_SEX: dict[str, tuple[str, ...]] = {
    **SEX,
    "all": ("оба пола", "все", "всего", "итого", "both", "total", "оба"),
}

REFERRAL: dict[str, tuple[str, ...]] = {
    "self": (
        "сам",
        "самообращение",
        "самостоятельно",
        "добровольно",
        "родственники",
        "семья",
        "друзья",
        "self-referral",
        "family",
    ),
    "legal": (
        "суд",
        "по решению суда",
        "полиция",
        "милиция",
        "мвд",
        "овд",
        "пробация",
        "принудительно",
        "court",
        "police",
    ),
    "gp": ("врач", "семейный врач", "воп", "гсв", "цсм", "терапевт", "gp", "family doctor"),
    "other_treatment": (
        "наркологический центр",
        "наркодиспансер",
        "другой наркологический центр",
        "нарколог",
    ),
    "health_social": ("больница", "социальные службы", "соцслужба", "поликлиника", "ngo", "нпо"),
    "education": ("школа", "вуз", "учебное заведение", "колледж", "school"),
}

ROUTE: dict[str, tuple[str, ...]] = {
    "inject": (
        "в/в",
        "внутривенно",
        "инъекционно",
        "инъекции",
        "укол",
        "уколы",
        "iv",
        "injection",
        "injecting",
    ),
    "smoke": ("курение", "курит", "вдыхание", "ингаляционно", "smoking", "inhale"),
    "eat": ("перорально", "внутрь", "орально", "глотает", "пьет", "oral", "orally"),
    "sniff": ("интраназально", "нюхает", "нюхание", "назально", "snorting", "sniffing"),
}

CENTRE_TYPE: dict[str, tuple[str, ...]] = {
    "outpatient": ("амбулаторно", "амбулаторный", "амбулатория", "амб"),
    "inpatient": ("стационар", "стационарно", "стационарный", "стац"),
    "prison": ("тюрьма", "колония", "сизо", "уис", "пенитенциарное учреждение", "исправительное"),
    "gp": ("воп", "гсв", "цсм", "семейный врач"),
    "low_threshold": ("низкопороговый", "пункт обмена шприцев", "пош", "дроп-ин", "drop-in"),
}

TREATMENT_STATUS: dict[str, tuple[str, ...]] = {
    "never": ("впервые", "первично", "первичный", "first time", "new"),
    "previously": ("повторно", "повторный", "ранее лечился", "ранее лечилась", "repeat"),
}

HARM_INDICATOR: dict[str, tuple[str, ...]] = {
    "drd": (
        "смерти",
        "смертность",
        "смерти от наркотиков",
        "передозировки",
        "отравления со смертельным исходом",
        "deaths",
        "overdose deaths",
    ),
    "drid_hiv": ("вич", "вич-инфекция", "hiv", "вич среди лун"),
    "drid_hcv": ("вгс", "гепатит с", "гепатит c", "hcv", "hepatitis c"),
    "drid_hbv": ("вгв", "гепатит в", "гепатит b", "hbv", "hepatitis b"),
}

DATA_QUALITY: dict[str, tuple[str, ...]] = {
    "good": ("хорошее", "хорошо", "полное", "полный охват"),
    "partial": ("частичное", "частично", "неполное", "неполный охват"),
    "poor": ("низкое", "плохое", "оценка", "выборочное"),
}

# column -> everyday words of the two treatment import kinds (docs/imports.md lists them).
TDI_BY_COLUMN: dict[str, dict[str, tuple[str, ...]]] = {
    "primary_drug": TDI_DRUG,
    "sex": SEX,
    "referral": REFERRAL,
    "route": ROUTE,
    "centre_type": CENTRE_TYPE,
    "treatment_status": TREATMENT_STATUS,
}
HARMS_BY_COLUMN: dict[str, dict[str, tuple[str, ...]]] = {
    "indicator": HARM_INDICATOR,
    "sex": HARM_SEX,
    "substance": TDI_DRUG,
    "data_quality": DATA_QUALITY,
}

# Price and purity records (``cadis.apps.supply.prices.importing``). Keys are the choice codes of
# ``supply.prices.models`` and ISO 4217 currency codes.
MARKET_LEVEL: dict[str, tuple[str, ...]] = {
    "retail": (
        "розница",
        "розничный",
        "розничная",
        "розничная цена",
        "в розницу",
        "уличный",
        "уличная",
        "уличная цена",
        "улица",
        "street",
        "street level",
    ),
    "wholesale": (
        "опт",
        "оптовый",
        "оптовая",
        "оптовая цена",
        "оптом",
        "крупный опт",
        "bulk",
    ),
}
PRICE_UNIT: dict[str, tuple[str, ...]] = {
    "g": ("г", "гр", "грамм", "за грамм", "за 1 г", "за г", "1 г", "g", "gram", "per g"),
    "kg": ("кг", "килограмм", "за кг", "за 1 кг", "за килограмм", "1 кг", "kg", "kilogram"),
    "unit": (
        "шт",
        "штука",
        "за штуку",
        "за 1 шт",
        "таблетка",
        "за таблетку",
        "табл",
        "доза",
        "за дозу",
        "марка",
        "tablet",
        "per tablet",
        "dose",
        "pill",
    ),
    "l": ("л", "литр", "за литр", "за 1 л", "l", "litre", "liter"),
}
PURITY_BASIS: dict[str, tuple[str, ...]] = {
    "base": ("основание", "в пересчете на основание", "база", "base"),
    "salt": ("соль", "в пересчете на соль", "гидрохлорид", "hcl", "hydrochloride"),
    "not_known": ("неизвестно", "не известно", "нет данных", "не указано", "unknown"),
}
CURRENCY: dict[str, tuple[str, ...]] = {
    "KGS": ("сом", "сомы", "сомов", "кыргызский сом", "киргизский сом", "som"),
    "KZT": ("тенге", "теңге", "tenge", "₸"),
    "TJS": ("сомони", "somoni"),
    "UZS": ("сум", "сумов", "узбекский сум", "сўм", "so'm", "sum"),
    "TMT": ("манат", "манатов", "туркменский манат", "manat"),
    "USD": ("доллар", "доллары", "долларов", "доллар США", "долл", "$", "dollar", "US dollar"),
    "EUR": ("евро", "€", "euro"),
    "RUB": ("рубль", "рубли", "рублей", "руб", "российский рубль", "₽", "rouble", "ruble"),
    "CNY": ("юань", "юани", "юаней", "yuan"),
    "AFN": ("афгани", "afghani"),
}
COUNTRY: dict[str, tuple[str, ...]] = {
    "KG": ("Кыргызстан", "Киргизия", "Кыргызская Республика", "КР", "Kirghizia"),
    "KZ": ("Казахстан", "Республика Казахстан", "РК"),
    "TJ": ("Таджикистан", "Республика Таджикистан", "РТ"),
    "UZ": ("Узбекистан", "Республика Узбекистан", "РУз"),
    "TM": ("Туркменистан", "Туркмения"),
    "AF": ("Афганистан",),
}
# column -> everyday words of the price and purity import (docs/imports.md lists them).
PRICES_BY_COLUMN: dict[str, dict[str, tuple[str, ...]]] = {
    "market_level": MARKET_LEVEL,
    "price_unit": PRICE_UNIT,
    "purity_basis": PURITY_BASIS,
    "currency": CURRENCY,
    "form": DRUG_FORM,
    "country": COUNTRY,
}
