"""``cadis export sdmx DIR``: the public data of every dataflow as SDMX-CSV 2.0, and structure.xml."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.reports import sdmx
from cadis.engines.sdmx import ObservationError, structure_message, write_sdmx_csv


class Command(BaseCommand):
    help = (
        "Open data for partners. `sdmx DIR` writes DIR/structure.xml (SDMX-ML 2.1 structure "
        "message) and DIR/<dataflow>.csv (SDMX-CSV 2.0) with what an anonymous reader may see."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=["sdmx"])
        parser.add_argument("directory", type=Path)

    def handle(self, *args, format: str, directory: Path, **options):
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        directory.mkdir(parents=True, exist_ok=True)
        structure_set = sdmx.structures()
        (directory / "structure.xml").write_bytes(structure_message(structure_set))
        countries = sdmx.published_countries()
        for flow_id in sdmx.FLOW_IDS:
            try:
                flow, observations = sdmx.dataflow_observations(
                    sdmx.public_user(), flow_id, countries, structure_set=structure_set
                )
                with (directory / f"{flow_id}.csv").open("w", encoding="utf-8", newline="") as out:
                    rows = write_sdmx_csv(flow, observations, out)
            except ObservationError as error:
                raise CommandError(f"{flow_id}: {error}") from error
            self.stdout.write(f"{flow_id}: {rows} observations")
        self.stdout.write(
            f"structure.xml and {len(sdmx.FLOW_IDS)} dataflows written to {directory}"
        )
