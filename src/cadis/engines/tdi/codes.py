"""TDI 3.0 code lists as data: the categories cadis records and the items added for issue #18.

Codes are the short English slugs the treatment app already stores (``outpatient``,
``last_30d``); every list allows ``not_known``. Names are bilingual (Russian first).

Added for the EUDA standard tables on first injection, OST history and testing:
nationality; age (or year) of first injection; year of first OST; HIV and HCV test
results; and a ``refused`` ("refuses to answer") code for injecting, needle sharing and
HIV/HCV testing. What could not be checked against the protocol text is listed in
``UNVERIFIED`` and in ``docs/exchange.md``.

>>> VARIABLES["injecting"].codes[-2:]
('refused', 'not_known')
>>> VARIABLES["hiv_result"].name.en
'HIV test result'
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_KNOWN = "not_known"
REFUSED = "refused"


@dataclass(frozen=True)
class Name:
    ru: str
    en: str


@dataclass(frozen=True)
class Variable:
    """A coded TDI item: its codes in protocol order and their names."""

    id: str
    name: Name
    labels: tuple[tuple[str, Name], ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _name in self.labels)

    def label(self, code: str) -> Name:
        return dict(self.labels)[code]


def _var(var_id: str, ru: str, en: str, *labels: tuple[str, str, str]) -> Variable:
    return Variable(var_id, Name(ru, en), tuple((c, Name(r, e)) for c, r, e in labels))


_NK = (NOT_KNOWN, "Не известно", "Not known")
_REF = (REFUSED, "Отказ от ответа", "Refuses to answer")
_TIMING = (
    ("never", "Никогда", "Never"),
    ("ever_not_12m", "Ранее, но не в последние 12 месяцев", "Ever, not in the last 12 months"),
    (
        "last_12m",
        "В последние 12 месяцев, но не в последние 30 дней",
        "In the last 12 months, not in the last 30 days",
    ),
    ("last_30d", "В последние 30 дней", "In the last 30 days"),
)
_RESULT = (
    ("positive", "Положительный", "Positive"),
    ("negative", "Отрицательный", "Negative"),
    ("not_tested", "Не тестировался", "Not tested"),
    ("result_unknown", "Результат не известен клиенту", "Result not known to the client"),
    _REF,
    _NK,
)

VARIABLES: dict[str, Variable] = {
    v.id: v
    for v in (
        _var(
            "centre_type",
            "Тип учреждения",
            "Treatment centre type",
            ("outpatient", "Амбулаторное", "Outpatient"),
            ("inpatient", "Стационарное", "Inpatient"),
            ("prison", "Пенитенциарное", "Prison"),
            ("gp", "Врач общей практики", "General practitioner"),
            ("low_threshold", "Низкопороговая служба", "Low-threshold agency"),
            ("other", "Другое", "Other"),
            _NK,
        ),
        _var(
            "treatment_status",
            "Лечился ли ранее",
            "Ever previously treated",
            ("never", "Ранее не лечился", "Never previously treated"),
            ("previously", "Лечился ранее", "Previously treated"),
            _NK,
        ),
        _var(
            "sex",
            "Пол",
            "Sex",
            ("male", "Мужской", "Male"),
            ("female", "Женский", "Female"),
            _NK,
        ),
        _var(
            "referral",
            "Источник направления",
            "Source of referral",
            ("legal", "Суд, пробация или полиция", "Court, probation or police"),
            ("gp", "Врач общей практики", "General practitioner"),
            ("other_treatment", "Другое наркологическое учреждение", "Other drug treatment centre"),
            (
                "health_social",
                "Другие медицинские или социальные службы",
                "Other health or social services",
            ),
            ("education", "Учебное заведение", "Educational services"),
            ("self", "Сам, семья или друзья", "Self, family or friends"),
            ("other", "Другое", "Other"),
            _NK,
        ),
        _var(
            "route",
            "Обычный способ употребления",
            "Usual route of administration",
            ("inject", "Инъекции", "Inject"),
            ("smoke", "Курение или вдыхание", "Smoke or inhale"),
            ("eat", "Приём внутрь", "Eat or drink"),
            ("sniff", "Интраназально", "Sniff"),
            ("other", "Другое", "Other"),
            _NK,
        ),
        _var(
            "frequency",
            "Частота употребления (последние 30 дней)",
            "Frequency of use (last 30 days)",
            ("daily", "Ежедневно", "Daily"),
            ("4_6_week", "4–6 дней в неделю", "4-6 days a week"),
            ("2_3_week", "2–3 дня в неделю", "2-3 days a week"),
            ("weekly_or_less", "Раз в неделю или реже", "Once a week or less"),
            ("not_used", "Не употреблял в последние 30 дней", "Not used in the last 30 days"),
            _NK,
        ),
        _var(
            "nationality",
            "Гражданство",
            "Nationality",
            ("national", "Гражданин страны", "National"),
            ("foreign", "Иностранный гражданин", "Citizen of another country"),
            ("stateless", "Лицо без гражданства", "Stateless"),
            _NK,
        ),
        _var(
            "injecting",
            "Инъекционное употребление",
            "Injecting",
            *((c, r.replace("Никогда", "Никогда не вводил"), e) for c, r, e in _TIMING),
            _REF,
            _NK,
        ),
        _var(
            "needle_sharing",
            "Совместное использование игл и шприцев",
            "Needle or syringe sharing",
            *_TIMING,
            _REF,
            _NK,
        ),
        _var(
            "hiv_testing",
            "Тестирование на ВИЧ",
            "HIV testing",
            ("never", "Никогда не тестировался", "Never tested"),
            (
                "ever_not_12m",
                "Ранее, но не в последние 12 месяцев",
                "Ever, not in the last 12 months",
            ),
            ("last_12m", "В последние 12 месяцев", "In the last 12 months"),
            _REF,
            _NK,
        ),
        _var("hiv_result", "Результат теста на ВИЧ", "HIV test result", *_RESULT),
        _var(
            "hcv_testing",
            "Тестирование на гепатит C",
            "HCV testing",
            ("never", "Никогда не тестировался", "Never tested"),
            (
                "ever_not_12m",
                "Ранее, но не в последние 12 месяцев",
                "Ever, not in the last 12 months",
            ),
            ("last_12m", "В последние 12 месяцев", "In the last 12 months"),
            _REF,
            _NK,
        ),
        _var("hcv_result", "Результат теста на гепатит C", "HCV test result", *_RESULT),
        _var(
            "ost",
            "Опиоидная заместительная терапия",
            "Opioid substitution treatment",
            ("never", "Никогда", "Never"),
            ("ever_not_now", "Ранее, но не в настоящее время", "Ever, not currently"),
            ("currently", "В настоящее время", "Currently"),
            _NK,
        ),
    )
}


#: TDI 3.0 primary drug codes (protocol hierarchy; national additions live in reference
#: data and roll up to their parent). (code, parent, name_ru, name_en).
PRIMARY_DRUGS: tuple[tuple[str, str | None, str, str], ...] = (
    ("1", None, "Опиоиды", "Opioids"),
    ("1.1", "1", "Героин", "Heroin"),
    ("1.2", "1", "Метадон (немедицинское употребление)", "Methadone misused"),
    ("1.3", "1", "Бупренорфин (немедицинское употребление)", "Buprenorphine misused"),
    ("1.4", "1", "Фентанилы (немедицинское употребление)", "Fentanyls misused"),
    ("1.5", "1", "Прочие опиоиды", "Other opioids"),
    ("2", None, "Кокаин", "Cocaine"),
    ("2.1", "2", "Кокаин (порошок)", "Powder cocaine"),
    ("2.2", "2", "Крэк", "Crack cocaine"),
    ("2.3", "2", "Прочий кокаин", "Other cocaine"),
    ("3", None, "Стимуляторы (кроме кокаина)", "Stimulants other than cocaine"),
    ("3.1", "3", "Амфетамины", "Amphetamines"),
    ("3.2", "3", "Метамфетамины", "Methamphetamines"),
    ("3.3", "3", "MDMA и производные", "MDMA and derivatives"),
    ("3.4", "3", "Синтетические катиноны", "Synthetic cathinones"),
    ("3.5", "3", "Прочие стимуляторы", "Other stimulants"),
    ("4", None, "Снотворные и седативные средства", "Hypnotics and sedatives"),
    ("4.1", "4", "Барбитураты", "Barbiturates"),
    ("4.2", "4", "Бензодиазепины", "Benzodiazepines"),
    ("4.3", "4", "ГОМК/ГБЛ", "GHB/GBL"),
    ("4.4", "4", "Прочие снотворные и седативные средства", "Other hypnotics and sedatives"),
    ("5", None, "Галлюциногены", "Hallucinogens"),
    ("5.1", "5", "ЛСД", "LSD"),
    ("5.2", "5", "Кетамин", "Ketamine"),
    ("5.3", "5", "Прочие галлюциногены", "Other hallucinogens"),
    ("6", None, "Летучие ингалянты", "Volatile inhalants"),
    ("7", None, "Каннабис", "Cannabis"),
    ("7.1", "7", "Каннабис (трава или смола)", "Cannabis (herbal or resin)"),
    ("7.2", "7", "Синтетические каннабиноиды", "Synthetic cannabinoids"),
    ("7.3", "7", "Прочие каннабиноиды", "Other cannabis"),
    ("9", None, "Прочие вещества", "Other substances"),
    ("99", None, "Не известно", "Not known"),
)


def drug_group(code: str) -> str:
    """The top-level TDI group of a primary drug code.

    >>> drug_group("1.5.tramadol"), drug_group("99")
    ('1', '99')
    """
    return code.split(".", 1)[0]


#: Year fields added with the items above: validated as plain four-digit years.
YEAR_ITEMS = ("year_first_injection", "year_first_ost")
#: Age fields: whole years.
AGE_ITEMS = ("age", "age_first_use", "age_first_injection")

#: Items and codes added from the review of the protocol that could not be checked
#: against the TDI 3.0 text itself (only secondary sources were available).
UNVERIFIED = {
    "nationality": "protocol categories assumed; 'foreign' and 'stateless' adapted for the region",
    "hiv_result": "result categories assumed (positive / negative / not tested / unknown)",
    "hcv_result": "result categories assumed; antibody and RNA results are not distinguished",
    "refused": "a separate 'refuses to answer' code for injecting, sharing and testing",
    "tables": "table numbers and band limits of the first-injection and OST tables",
}
