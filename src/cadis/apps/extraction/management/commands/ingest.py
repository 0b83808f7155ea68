"""``cadis ingest FILE... [--publisher ..] [--date ..] [--url ..]``: store documents and extract.

Each file goes into the knowledge library (owned by ``--organisation`` or the ``--user``'s
organisation) and its facts are extracted for review in the web UI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from cadis.apps.extraction import services
from cadis.apps.extraction.messages import error_message
from cadis.platform.errors import CadisError
from cadis.platform.records import Confidentiality, SourceKind


class Command(BaseCommand):
    help = "Store documents in the library and extract their facts for review."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--date", help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--url", default="")
        parser.add_argument("--title", default="", help="Title (one file only).")
        parser.add_argument("--user", help="Username acting (its organisation owns the documents).")
        parser.add_argument("--organisation", type=int, help="Id of the owning organisation.")
        parser.add_argument(
            "--confidentiality", choices=Confidentiality.values, default=Confidentiality.RESTRICTED
        )

    def _owner(self, options):
        from cadis.apps.accounts.models import Organisation, User

        actor = None
        if options["user"]:
            actor = (
                User.objects.filter(username=options["user"]).select_related("organisation").first()
            )
            if actor is None:
                raise CommandError(f"No user {options['user']!r}.")
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(pk=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with id {options['organisation']}.")
        organisation = organisation or getattr(actor, "organisation", None)
        if organisation is None or organisation.country_id is None:
            raise CommandError(
                "Give --user or --organisation ID (a national organisation that owns the documents)."
            )
        return actor, organisation

    def handle(self, *args, **options):
        actor, organisation = self._owner(options)
        if options["date"]:
            try:
                dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD.") from None
        if options["title"] and len(options["files"]) > 1:
            raise CommandError("--title applies to one file only.")
        failures = 0
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                failures += 1
                self.stderr.write(f"{name}: there is no such file.")
                continue
            metadata = {
                "title": options["title"],
                "publisher": options["publisher"],
                "published_on": options["date"] or "",
                "url": options["url"],
            }
            try:
                with path.open("rb") as handle:
                    document, run = services.document_ingest(
                        actor=actor,
                        file=File(handle, name=path.name),
                        metadata=metadata,
                        confidentiality=options["confidentiality"],
                        organisation=organisation,
                        country=organisation.country,
                        source_kind=SourceKind.CLI,
                    )
            except CadisError as exc:
                failures += 1
                self.stderr.write(f"{name}: {error_message(exc)}")
                continue
            state = (
                f"{run.fact_count} facts" if not run.job_id else f"extracting in job {run.job_id}"
            )
            self.stdout.write(f"{name}: document {document.pk} ({document.language}), {state}")
        if failures:
            raise CommandError(f"{failures} of {len(options['files'])} files were not ingested.")
