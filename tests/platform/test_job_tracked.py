"""The one status machine of job-tracked records (import files, screenings, extractions)."""

from __future__ import annotations

import pytest

from cadis.apps.supply.models import ImportBatch
from cadis.platform.errors import Conflict

pytestmark = pytest.mark.django_db
S = ImportBatch.Status


def _batch(personas, status=S.UPLOADED) -> ImportBatch:
    return ImportBatch.objects.create(
        organisation=personas.kg_org, file_name="f.csv", sha256="0" * 64, status=status
    )


def test_an_allowed_move_is_stored_with_its_values(personas):
    batch = _batch(personas)
    batch.move_to(S.CHECKED, row_count=3)
    stored = ImportBatch.objects.get(pk=batch.pk)
    assert (stored.status, stored.row_count, stored.finished_at) == (S.CHECKED, 3, None)


def test_reaching_a_final_state_stamps_the_finish(personas):
    batch = _batch(personas, S.CHECKED)
    batch.move_to(S.COMMITTED, created_count=2)
    stored = ImportBatch.objects.get(pk=batch.pk)
    assert stored.status == S.COMMITTED and stored.finished_at is not None
    # a rejected file may be checked again once its values are mapped: only "committed" is final
    assert ImportBatch.final_states() == {S.COMMITTED}


def test_a_move_the_machine_does_not_allow_is_a_conflict(personas):
    batch = _batch(personas, S.COMMITTED)
    with pytest.raises(Conflict):
        batch.move_to(S.CHECKING)
    assert ImportBatch.objects.get(pk=batch.pk).status == S.COMMITTED


def test_the_stored_state_decides_not_a_stale_copy(personas):
    batch = _batch(personas, S.CHECKED)
    stale = ImportBatch.objects.get(pk=batch.pk)
    batch.move_to(S.COMMITTED)
    # A second worker holding the old copy cannot commit the file again.
    assert stale.move_to(S.COMMITTED, strict=False) is False
    assert stale.status == S.CHECKED
