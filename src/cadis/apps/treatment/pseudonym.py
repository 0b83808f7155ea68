"""Client pseudonyms: HMAC-SHA256 under a per-installation secret.

The same person gives the same pseudonym whichever way the identifier was typed; the
clear identifier is only ever held in memory while the pseudonym is computed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata

from django.conf import settings
from django.views.decorators.debug import sensitive_variables

_NON_ALNUM = re.compile(r"[^0-9a-z\u0400-\u04ff]+")
_NON_LETTER = re.compile(r"[^a-z\u0400-\u04ff]+")
# Letters written differently in the region's Cyrillic alphabets fold to the Russian one.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "й": "и",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "ӣ": "и",
        "ӯ": "у",
        "ҳ": "х",
        "ҷ": "ч",
        "ҝ": "к",
    }
)


def normalise_identifier(value: str) -> str:
    """National identifier: letters and digits only, case-folded.

    >>> normalise_identifier(" an-123 456 ")
    'an123456'
    """
    text = unicodedata.normalize("NFKC", value or "").casefold()
    return _NON_ALNUM.sub("", text)


def normalise_name(value: str) -> str:
    """Full name: case-folded, regional letters folded, punctuation dropped, words sorted.

    >>> normalise_name("Иванов  Пётр-Сергеевич") == normalise_name("пётр сергеевич ИВАНОВ")
    True
    """
    text = unicodedata.normalize("NFKC", value or "").casefold().translate(_FOLD)
    words = [w for w in _NON_LETTER.split(text) if w]
    return " ".join(sorted(words))


def _key() -> bytes:
    key = getattr(settings, "TDI_PSEUDONYM_KEY", "")
    if not key:
        raise RuntimeError("TDI_PSEUDONYM_KEY is not configured.")
    return key.encode("utf-8")


def _digest(message: str) -> str:
    return hmac.new(_key(), message.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym_from_identifier(national_id: str) -> str:
    normalised = normalise_identifier(national_id)
    if len(normalised) < 4:
        raise ValueError("The national identifier is too short.")
    return _digest("id:" + normalised)


def pseudonym_from_name(full_name: str, birth_date: dt.date) -> str:
    normalised = normalise_name(full_name)
    if len(normalised.replace(" ", "")) < 2:
        raise ValueError("The name is too short.")
    return _digest(f"nd:{normalised}|{birth_date.isoformat()}")


@sensitive_variables()
def pseudonym_for(
    *, national_id: str = "", full_name: str = "", birth_date: dt.date | None = None
) -> str:
    """The pseudonym from the national identifier, or else from name and date of birth."""
    if national_id and national_id.strip():
        return pseudonym_from_identifier(national_id)
    if full_name and full_name.strip() and birth_date is not None:
        return pseudonym_from_name(full_name, birth_date)
    raise ValueError("Give the national identifier, or the name and date of birth.")
