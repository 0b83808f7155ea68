"""Deploy checks of the web shell: the collected static files must match the manifest storage.

With the production profile the static files are served from ``STATIC_ROOT`` through
WhiteNoise's manifest storage; a page whose template names a file missing from the manifest
fails with 500. ``cadis check --deploy`` therefore fails until ``cadis collectstatic`` has
written a manifest that names every static file the finders know.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, Tags, register


def _source_files() -> set[str]:
    names: set[str] = set()
    for finder in finders.get_finders():
        for path, _storage in finder.list(ignore_patterns=["CVS", ".*", "*~"]):
            names.add(path.replace("\\", "/"))
    return names


@register(Tags.staticfiles, deploy=True)
def static_manifest_complete(app_configs=None, **kwargs):
    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin):
        return []
    manifest = f"{settings.STATIC_ROOT}/{storage.manifest_name}"
    try:
        content = storage.read_manifest()
    except OSError:
        content = None
    if not content:
        return [Error(
            f"The static files manifest is missing ({manifest}).",
            hint="Run `cadis collectstatic --no-input` with the same settings.",
            id="cadis.E001",
        )]
    paths = json.loads(content).get("paths", {})
    missing = sorted(_source_files() - set(paths))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        return [Error(
            f"The static files manifest lacks {len(missing)} file(s): {shown}.",
            hint="Run `cadis collectstatic --no-input` again after an upgrade.",
            id="cadis.E002",
        )]
    return []
