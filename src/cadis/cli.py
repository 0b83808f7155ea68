"""The ``cadis`` console script: Django management with the cadis settings."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["demo"]:
        # The demo is shown to people: errors get the styled pages, never Django's technical
        # page (static files come from WhiteNoise, which needs no DEBUG).
        os.environ.setdefault("DEBUG", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cadis", *args])


if __name__ == "__main__":
    main()
