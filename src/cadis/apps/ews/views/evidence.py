"""Pages: analytical evidence and spectra of a detection, the regional spectral library."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cadis.apps.ews import evidence, selectors, spectral
from cadis.apps.ews.forms.evidence import (
    EvidenceForm,
    ReferenceForm,
    SpectrumSearchForm,
    SpectrumUploadForm,
    SuspectForm,
)
from cadis.platform import scope
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.views import page_of, shown_on


def _detection_or_404(request, pk: int):
    detection = selectors.detection_get(user=request.user, pk=pk)
    if detection is None:
        raise Http404
    return detection


def _read_upload(upload) -> tuple[str, str]:
    if upload is None:
        return "", ""
    if upload.size > spectral.MAX_SPECTRUM_BYTES:
        raise ValidationError(
            _("The spectrum file is larger than 2 MB."), details={"field": "file"}
        )
    return upload.read().decode("utf-8", "replace"), upload.name


@login_required
def detection_evidence(request, pk: int):
    """The evidence form and the spectrum upload of one detection (who may change it)."""
    detection = _detection_or_404(request, pk)
    if not scope.can_change(request.user, detection):
        raise PermissionDenied(_("You may not add evidence to this detection."))
    current = evidence.evidence_of(detection)
    initial = (
        {k: getattr(current, k) for k in evidence.EVIDENCE_FIELDS}
        if current
        else {"techniques": detection.methods}
    )
    action = request.POST.get("action") if request.method == "POST" else None
    form = EvidenceForm(request.POST if action == "evidence" else None, initial=initial)
    upload = SpectrumUploadForm(
        request.POST if action == "spectrum" else None,
        request.FILES if action == "spectrum" else None,
    )
    with shown_on(form if action == "evidence" else upload):
        if action == "evidence" and form.is_valid():
            evidence.evidence_save(actor=request.user, detection=detection, data=form.cleaned_data)
            messages.success(request, _("The analytical evidence was saved."))
            return redirect("ews:detection_detail", pk=detection.pk)
        if action == "spectrum" and upload.is_valid():
            text, name = _read_upload(upload.cleaned_data.get("file"))
            evidence.spectrum_add(
                actor=request.user,
                detection=detection,
                text=text,
                file_name=name,
                precursor_mz=upload.cleaned_data.get("precursor_mz"),
                adduct=upload.cleaned_data.get("adduct") or "",
            )
            messages.success(request, _("The spectrum was stored and searched."))
            return redirect("ews:detection_detail", pk=detection.pk)
    return render(
        request,
        "ews/detection_evidence.html",
        {"detection": detection, "form": form, "upload": upload},
    )


def spectrum_file(request, pk: int, spectrum_pk: int):
    """The uploaded file, only for readers of its detection (never a public media URL)."""
    detection = _detection_or_404(request, pk)
    record = get_object_or_404(detection.spectra, pk=spectrum_pk)
    if not record.file or not default_storage.exists(record.file.name):
        raise Http404
    return FileResponse(
        default_storage.open(record.file.name, "rb"),
        as_attachment=True,
        filename=record.file_name or f"spectrum-{record.pk}.txt",
    )


def library(request):
    """The reference spectra the reader may see, EI search and LC-HRMS suspect screening."""
    qs = spectral.reference_spectra(user=request.user)
    search = SpectrumSearchForm(
        request.POST if request.POST.get("action") == "search" else None,
        request.FILES if request.POST.get("action") == "search" else None,
    )
    suspect = SuspectForm(request.POST if request.POST.get("action") == "suspects" else None)
    hits = suspects = None
    with shown_on(search if search.is_bound else suspect):
        if search.is_bound and search.is_valid():
            text, name = _read_upload(search.cleaned_data.get("file"))
            text = text or search.cleaned_data.get("text") or ""
            query = spectral.parse_upload(text, spectral.detect_format(text, name))[0]
            hits = spectral.ei_search(user=request.user, query=query)
        if suspect.is_bound and suspect.is_valid():
            adduct = suspect.cleaned_data.get("adduct")
            suspects = spectral.suspect_screen(
                suspect.cleaned_data["mz"],
                adducts=(adduct,) if adduct else (),
                ppm=suspect.cleaned_data["ppm"],
            )
    return render(
        request,
        "ews/spectra_library.html",
        {
            "page": page_of(request, qs, 50),
            "search": search,
            "suspect": suspect,
            "hits": hits,
            "suspects": suspects,
            "may_contribute": evidence.may_contribute(request.user),
        },
    )


@login_required
def contribute(request):
    if not evidence.may_contribute(request.user):
        raise PermissionDenied(_("Only forensic laboratories contribute reference spectra."))
    form = ReferenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text, name = _read_upload(form.cleaned_data["file"])
        data = {
            k: form.cleaned_data.get(k)
            for k in ("laboratory", "instrument", "retention_index", "notes", "confidentiality")
        }
        with shown_on(form) as outcome:
            ref = evidence.reference_contribute(
                actor=request.user,
                profile=form.cleaned_data["profile"],
                text=text,
                file_name=name,
                data=data,
            )
        if outcome.ok:
            messages.success(
                request,
                _("The reference spectrum of %(name)s is in the library.") % {"name": ref.profile},
            )
            return redirect("ews:spectra")
    return render(request, "ews/spectra_contribute.html", {"form": form})
