"""Storage names of uploaded files: a random component nobody can guess.

Uploaded files are never served from ``MEDIA_URL``; views that check scope stream them. The
random directory in every name is the second guard: a name leaked into a log or a backup listing
does not lead to its neighbours.
"""

from __future__ import annotations

import posixpath
import secrets

from django.utils import timezone
from django.utils.deconstruct import deconstructible


def unguessable_name(prefix: str, filename: str) -> str:
    """``<prefix>/<YYYY>/<MM>/<22 random characters>/<file name>``."""
    base = posixpath.basename(filename.replace("\\", "/")) or "upload"
    return f"{prefix.strip('/')}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}/{base}"


@deconstructible
class UnguessableUploadTo:
    """``upload_to`` of a FileField: ``UnguessableUploadTo("supply/imports")``."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, instance: object, filename: str) -> str:
        return unguessable_name(self.prefix, filename)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnguessableUploadTo) and other.prefix == self.prefix

    def __hash__(self) -> int:
        return hash(self.prefix)
