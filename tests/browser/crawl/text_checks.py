"""Checks on a page's visible text: raw code tokens, and words of the other script.

Both are pure functions of a string so that they can be read and tested on their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from tests.browser.crawl.allowlist import AllowList
from tests.browser.crawl.words import words

# Addresses are not codes: e-mail addresses, URLs and absolute paths are removed first.
_ADDRESSES = re.compile(r"\S+@\S+\.\S+|\b(?:https?|ftp)://\S+|(?<![\w.])/[\w\-./?=&%]+")

# A dotted token that ends in one of these is a file or a host name, not an identifier.
_FILE_OR_HOST_ENDINGS = frozenset(
    {
        "csv",
        "xlsx",
        "xls",
        "pdf",
        "docx",
        "doc",
        "txt",
        "json",
        "xml",
        "png",
        "svg",
        "jpg",
        "html",
        "zip",
        "invalid",
        "org",
        "com",
        "net",
        "int",
        "eu",
        "kz",
        "kg",
        "tj",
        "tm",
        "uz",
        "ru",
        "local",
        "localhost",
    }
)


@dataclass(frozen=True)
class RawCodePattern:
    name: str
    regex: re.Pattern[str]
    languages: frozenset[str] = frozenset({"ru", "en"})


# Order matters: a span is reported under the first pattern that matches it.
RAW_CODE_PATTERNS: tuple[RawCodePattern, ...] = (
    # "supply.seizure #3512": a model's label and primary key
    RawCodePattern(
        "object reference", re.compile(r"(?<![\w.])[a-z][a-z0-9_]*\.[a-z][a-z0-9_]* ?#\d+")
    ),
    # "{'document': 8, 'span': [370, 385]}", "['a', 'b']", '{"key": 1}': Python or JSON reprs
    RawCodePattern("dict or list repr", re.compile(r"[\[{]\s*['\"][^'\"\n]{1,80}['\"]\s*[:,\]}]")),
    # "{{ value }}", "{% trans %}": template syntax that was not rendered
    RawCodePattern("template syntax", re.compile(r"\{\{|\}\}|\{%|%\}")),
    # "national:KZ", "ews:home": a namespace and a code
    RawCodePattern(
        "namespaced code", re.compile(r"(?<![\w/.:-])[a-z][a-z0-9_]*:[A-Za-z0-9_]+(?![\w/:])")
    ),
    # "sc.azole_3_carbonyl", "library.exact_match", "cadis.apps": dotted identifiers
    RawCodePattern(
        "dotted identifier",
        re.compile(r"(?<![\w.@/-])[a-z][a-z0-9_]+(?:\.[a-z][a-z0-9_]+)+(?![\w@/-])"),
    ),
    # "table_I", "narcotic_drugs", "exact_match", "TABLE_I": identifiers with underscores
    RawCodePattern(
        "snake_case identifier",
        re.compile(r"(?<![\w.@/-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-])"),
    ),
    # values of JavaScript or Python printed as they are
    RawCodePattern("program value", re.compile(r"\[object Object\]|\bundefined\b|\bNaN\b")),
    # "extract-eae4c1d5e0", "#3389121664": run identifiers and hashes (hex with a digit)
    RawCodePattern(
        "internal identifier",
        re.compile(
            r"(?<![\w-])[a-z]+-(?=[0-9a-f]*\d)[0-9a-f]{8,}(?![\w-])|(?<![\w&])#(?=[0-9a-f]*\d)[0-9a-f]{8,}\b"
        ),
    ),
    # Python's None is an English word too; on a Russian page it can only be a leak.
    RawCodePattern("program value", re.compile(r"\bNone\b|\bTrue\b|\bFalse\b"), frozenset({"ru"})),
)


def raw_code_tokens(
    text: str, language: str, allowed: frozenset[str] = frozenset()
) -> Counter[tuple[str, str]]:
    """Raw code tokens in ``text``: ``Counter({(pattern name, token): occurrences})``.

    >>> sorted(raw_code_tokens("Список: table_I; правило sc.azole_3_carbonyl", "ru"))
    [('dotted identifier', 'sc.azole_3_carbonyl'), ('snake_case identifier', 'table_I')]
    """
    text = _ADDRESSES.sub(" ", text)
    found: Counter[tuple[str, str]] = Counter()
    taken: list[tuple[int, int]] = []
    for pattern in RAW_CODE_PATTERNS:
        if language not in pattern.languages:
            continue
        for match in pattern.regex.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            token = match.group(0).strip()
            if token in allowed:
                continue
            if (
                pattern.name == "dotted identifier"
                and token.rsplit(".", 1)[-1].lower() in _FILE_OR_HOST_ENDINGS
            ):
                continue
            taken.append((start, end))
            found[(pattern.name, token)] += 1
    return found


def _script(word: str) -> str:
    """ "latin", "cyrillic", "mixed" or "other" for a run of letters."""
    scripts = set()
    for char in word:
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            scripts.add("latin")
        elif name.startswith("CYRILLIC"):
            scripts.add("cyrillic")
    if len(scripts) > 1:
        return "mixed"
    return scripts.pop() if scripts else "other"


_ROMAN_NUMERAL = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
FOREIGN_SCRIPT = {"ru": "latin", "en": "cyrillic"}


def foreign_script_words(text: str, language: str, allow: AllowList) -> Counter[str]:
    """Words of the other script on a page in ``language`` (Latin on Russian pages, Cyrillic on
    English ones), beyond the allow-list; words mixing both scripts count on either.

    Words are cut by :func:`words` (formulas, identifiers and addresses are not words; they
    are the raw-code check's business). Single Latin letters and Roman numerals
    (``Таблица II``) are allowed.

    >>> allow = AllowList({"ru": frozenset({"EUDA"})})
    >>> sorted(foreign_script_words("Изъято 5 kg героина; данные EUDA, JWH-018, C9H11N", "ru", allow))
    ['kg']
    """
    foreign = FOREIGN_SCRIPT[language]
    phrases = allow.phrase_pattern(language)
    if phrases is not None:
        text = phrases.sub(" ", text)
    allowed = allow.words.get(language, frozenset())
    found: Counter[str] = Counter()
    for word in words(text):
        script = _script(word)
        if script not in (foreign, "mixed") or word in allowed:
            continue
        # Single Latin letters are atoms and locants ("атом 1 (C)", "N-этил"); Roman numerals
        # number lists ("Таблица II"). A single Cyrillic letter is a Russian word ("в", "и").
        if script == "latin" and (len(word) < 2 or _ROMAN_NUMERAL.match(word)):
            continue
        found[word] += 1
    return found
