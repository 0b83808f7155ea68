"""One way a view shows a domain error: on the form (by the field it concerns) or as a message."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import ERROR, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from cadis.platform.errors import (
    BadInputFile,
    CadisError,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from cadis.platform.views import caught, error_field, shown_as_message, shown_on


class UploadForm(forms.Form):
    title = forms.CharField()
    file = forms.FileField(required=False)


class NoteForm(forms.Form):
    title = forms.CharField()
    text = forms.CharField()


def bound(form_class: type[forms.Form]) -> forms.Form:
    form = form_class({"title": "A", "text": "B"})
    assert form.is_valid()
    return form


# --- where on the form -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form_class", "error", "fallback", "field"),
    [
        (NoteForm, ValidationError("x", details={"field": "text"}), None, "text"),
        # The named field wins over the file field and over the view's fallback.
        (UploadForm, BadInputFile("x", details={"field": "title"}), "file", "title"),
        (UploadForm, BadInputFile("x", details={"code": "empty"}), None, "file"),
        # A field the form lacks is not an error of the page: the next rule decides.
        (NoteForm, ValidationError("x", details={"field": "country"}), None, None),
        (UploadForm, BadInputFile("x", details={"field": "country"}), None, "file"),
        (NoteForm, BadInputFile("x"), None, None),  # no file field: above the form
        (UploadForm, ValidationError("x"), None, None),  # the file field is for bad files only
        (NoteForm, ValidationError("x"), "text", "text"),
        (NoteForm, ValidationError("x", details={"field": "country"}), "text", "text"),
        # Details that are not a mapping (a list of problems) name no field.
        (NoteForm, ValidationError("x", details=[{"field": "text"}]), None, None),
    ],
)
def test_error_field_follows_one_rule(form_class, error, fallback, field):
    assert error_field(form_class(), error, fallback) == field


def test_an_error_on_the_form_is_shown_by_its_field_and_the_outcome_says_so():
    form = bound(NoteForm)
    error = ValidationError("The text is too short.", details={"field": "text"})
    with shown_on(form) as outcome:
        raise error
    assert not outcome.ok and outcome.error is error
    assert form.errors == {"text": ["The text is too short."]}


def test_an_error_naming_no_field_is_shown_above_the_form():
    form = bound(NoteForm)
    with shown_on(form) as outcome:
        raise Conflict("Already there.")
    assert not outcome.ok
    assert form.non_field_errors() == ["Already there."]


def test_a_bad_file_is_shown_by_the_file_field():
    form = UploadForm({"title": "A"})
    assert form.is_valid()
    with shown_on(form):
        raise BadInputFile("The file is empty.", details={"code": "empty"})
    assert form.errors == {"file": ["The file is empty."]}


def test_the_view_names_the_field_for_errors_that_name_none():
    form = bound(NoteForm)
    with shown_on(form, field="text"):
        raise ValidationError("Not a structure.")
    assert form.errors == {"text": ["Not a structure."]}


def test_the_module_words_the_message():
    form = UploadForm({"title": "A"})
    assert form.is_valid()

    def worded(exc: CadisError) -> str:
        return f"{exc.code}: {exc.details['code']}"

    with shown_on(form, message=worded):
        raise BadInputFile("raw engine text", details={"code": "scanned_pdf"})
    assert form.errors == {"file": ["bad_input_file: scanned_pdf"]}


def test_a_block_without_error_leaves_the_form_alone():
    form = bound(NoteForm)
    with shown_on(form) as outcome:
        pass
    assert outcome.ok and outcome.error is None
    assert form.errors == {}


# --- what is caught ----------------------------------------------------------------------------


def test_an_exception_that_is_not_a_domain_error_goes_on():
    form = bound(NoteForm)
    with pytest.raises(KeyError), shown_on(form):
        raise KeyError("a bug")
    assert form.errors == {}


def test_propagate_lets_a_class_through_and_shows_nothing():
    form = bound(NoteForm)
    with pytest.raises(PermissionDenied), shown_on(form, propagate=PermissionDenied):
        raise PermissionDenied("You may not.")
    assert form.errors == {}
    with shown_on(form, propagate=(PermissionDenied, NotFound)) as outcome:
        raise ValidationError("Shown.")
    assert not outcome.ok and form.non_field_errors() == ["Shown."]


def test_catch_shows_only_the_classes_named():
    form = bound(NoteForm)
    with pytest.raises(Conflict), shown_on(form, catch=ValidationError):
        raise Conflict("Goes to the error page.")
    with shown_on(form, catch=(ValidationError, Conflict)) as outcome:
        raise Conflict("Shown.")
    assert isinstance(outcome.error, Conflict) and form.non_field_errors() == ["Shown."]


def test_caught_keeps_the_error_without_showing_it():
    seen: list[CadisError] = []
    with caught() as outcome:
        raise NotFound("No such record.")
    assert isinstance(outcome.error, NotFound) and not seen
    with caught(show=seen.append) as outcome:
        raise Conflict("Already there.")
    assert seen == [outcome.error]


# --- as a message ------------------------------------------------------------------------------


def _request():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    return request


def test_an_error_of_an_action_becomes_an_error_message():
    request = _request()
    with shown_as_message(request) as outcome:
        raise Conflict("Only draft alerts can be issued.")
    assert not outcome.ok
    assert [(m.level, m.message) for m in get_messages(request)] == [
        (ERROR, "Only draft alerts can be issued.")
    ]


def test_the_message_hook_and_propagate_apply_to_messages_too():
    request = _request()
    with shown_as_message(request, message=lambda exc: f"[{exc.code}]") as outcome:
        raise ValidationError("raw")
    assert [m.message for m in get_messages(request)] == ["[validation_error]"]
    request = _request()
    with pytest.raises(PermissionDenied), shown_as_message(request, propagate=PermissionDenied):
        raise PermissionDenied("The 403 page, not a message.")
    assert list(get_messages(request)) == []
    with pytest.raises(ZeroDivisionError), shown_as_message(request) as outcome:
        1 / 0  # noqa: B018
    assert outcome.ok and list(get_messages(request)) == []
