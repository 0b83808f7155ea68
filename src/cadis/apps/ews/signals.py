"""Any change to the substance library drops this process's cached classifier."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cadis.apps.ews.library import invalidate_classifier
from cadis.apps.ews.models import SubstanceProfile


@receiver(post_save, sender=SubstanceProfile)
@receiver(post_delete, sender=SubstanceProfile)
def _profile_changed(sender, instance, created: bool = False, **kwargs) -> None:
    # A new unreviewed profile (first seen in a detection) is not part of the library.
    if created and not instance.in_library:
        return
    invalidate_classifier()
