"""The kinds of ``cadis import``: a registry every module adds its own to.

A module registers a kind in its ``importers.py`` (found by :func:`discover`, which the
command runs before it builds its parser)::

    @importer("dhis2", "Aggregates from DHIS2.", arguments=add_dhis2_arguments)
    def import_dhis2_file(command, path, options) -> int: ...

``arguments(parser)`` adds the kind's own options; a kind without it gets the shared
``--format text|json`` (the dry-run report as JSON).
"""

from __future__ import annotations

import inspect
import json
from argparse import ArgumentParser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils.module_loading import autodiscover_modules

from cadis.platform.roles import Role

if TYPE_CHECKING:
    from cadis.platform.imports.pipeline import ImportReport

Run = Callable[[Any, Path, dict[str, Any]], int]
Arguments = Callable[[ArgumentParser], None]


@dataclass(frozen=True)
class Importer:
    help: str
    run: Run
    arguments: Arguments | None = None


IMPORTERS: dict[str, Importer] = {}


def importer(
    kind: str, help_text: str, *, arguments: Arguments | None = None
) -> Callable[[Run], Run]:
    def register(fn: Run) -> Run:
        IMPORTERS[kind] = Importer(help_text, fn, arguments)
        return fn

    return register


def discover() -> dict[str, Importer]:
    """Import every installed app's ``importers`` module, so that its kinds are registered."""
    autodiscover_modules("importers")
    return IMPORTERS


class CommandUserError(Exception):
    """A ``--user`` that does not exist (the command turns it into a CommandError)."""


def command_actor(username: str | None) -> Any:
    """The user named with ``--user``, else an unsaved administrator (the command line)."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    if username:
        user = model.objects.filter(username=username).first()
        if user is None:
            raise CommandUserError(f"No user {username!r}.")
        return user
    return model(username="cli", role=Role.ADMINISTRATOR, is_superuser=True, is_active=True)


def command_actor_and_organisation(options: dict[str, Any]) -> tuple[Any, Any]:
    """The acting user (``--user``, else the command line's administrator) and the organisation
    that owns the records (``--organisation``, else the user's); a CommandError names what is
    missing."""
    from django.apps import apps
    from django.core.management.base import CommandError

    try:
        actor = command_actor(options.get("user"))
    except CommandUserError as error:
        raise CommandError(str(error)) from None
    organisation = None
    if options.get("organisation"):
        model = apps.get_model("accounts", "Organisation")
        organisation = model.objects.filter(pk=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with id {options['organisation']}.")
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise CommandError("Give --organisation ID (the organisation that owns the records).")
    return actor, organisation


def run_file_import(
    command: Any, path: Path, options: dict[str, Any], run: Callable[..., ImportReport]
) -> int:
    """A table import kind run the one way: the actor and organisation of the options, the
    file checked (``--dry-run``) or written by ``run(actor=, organisation=, data=, file_name=,
    dry_run=[, confidentiality=][, progress=])``, and the report printed (``--format json``: the dry run's
    report as JSON); the exit status."""
    from django.core.management.base import CommandError

    actor, organisation = command_actor_and_organisation(options)
    if options.get("format") == "json" and not options["dry_run"]:
        raise CommandError("--format json is a dry-run report: add --dry-run.")
    extra: dict[str, Any] = (
        {"confidentiality": options["confidentiality"]} if options.get("confidentiality") else {}
    )
    if "progress" in inspect.signature(run).parameters and options.get("format") != "json":
        # Long writes say how far they are (a kind that writes in chunks reports each one).
        extra["progress"] = lambda done, total, _message=None: command.stdout.write(
            f"  {done}/{total}"
        )
    report = run(
        **extra,
        actor=actor,
        organisation=organisation,
        data=path.read_bytes(),
        file_name=path.name,
        dry_run=options["dry_run"],
    )
    return write_report(command, report, as_json=options.get("format") == "json")


def write_report(command: Any, report: ImportReport, *, as_json: bool = False) -> int:
    """Print a kind's report the one way (``--format json``: ``ImportReport.as_json()``; else a
    line per issue and the counts); the exit status, 1 when the file has errors."""
    if as_json:
        command.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
        return 1 if not report.ok or not report.rows else 0
    for problem in report.issues:
        where = f"{problem.file}:{problem.row or '-'}:{problem.column or '-'}"
        command.stdout.write(f"{problem.severity.upper()} {where} {problem.code}: {problem.reason}")
    if not report.ok:
        command.stderr.write("Nothing was imported: the file has errors.")
        return 1
    verb = "would be" if report.dry_run else "were"
    command.stdout.write(
        f"{report.rows} rows: {report.created} {verb} created, {report.updated} {verb} updated, "
        f"{report.unchanged} unchanged."
    )
    return 0
