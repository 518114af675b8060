"""The form plumbing every app shares (infrastructure: imports no domain app).

* ``DatumField`` with ``DatumInput``: a date typed and shown as dd-mm-jjjj whatever the browser's
  language (a native ``type=date`` input shows the browser's own order, e.g. mm/dd/yyyy);
* ``VersieForm``: the hidden ``versie`` of optimistic locking;
* ``fout_naar_formulier``: a service's error onto the form, at the field it names, input kept.
"""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.exceptions import ValidationError

DATUM_FORMATEN = ["%d-%m-%Y", "%d-%m-%y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]


class DatumInput(forms.DateInput):
    """A text input in the Dutch order: dd-mm-jjjj, the same in every browser."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": "dd-mm-jjjj",
            "inputmode": "numeric",
            "autocomplete": "off",
            "class": "datum",
            "size": "10",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d-%m-%Y")


class DatumField(forms.DateField):
    widget = DatumInput
    input_formats = DATUM_FORMATEN
    default_error_messages = {"invalid": "Vul een geldige datum in als dd-mm-jjjj, bijv. 02-03-2026."}


class GeenTagHelper(FormHelper):
    """Crispy helper for forms rendered inside a template's own <form> tag."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_tag = False
        self.disable_csrf = True


class VersieForm(forms.Form):
    """Carries the version of the case the user saw; a service refuses a stale one.

    Rendered with a crispy layout: ``indeling()`` gives the layout items (default: every field in
    order); a form overrides it to group fields (dates side by side, fieldsets)."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = GeenTagHelper()
        self.helper.layout = Layout(*self.indeling())

    def indeling(self) -> list:
        return list(self.fields)


def fout_naar_formulier(form, fout: Exception) -> None:
    """Put a service's refusal on the form.

    A ``ValidationError`` goes to the field it names (else on top). A version conflict (any error
    with the current ``casus`` on it) goes on top and moves the form's hidden ``versie`` to the
    current one, so a deliberate second submit is possible after reading the current state."""
    if isinstance(fout, ValidationError):
        if hasattr(fout, "error_dict"):
            for veld, fouten in fout.error_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            form.add_error(None, fout)
        return
    form.add_error(None, str(fout))
    casus = getattr(fout, "casus", None)
    if casus is not None and "versie" in form.fields and form.is_bound:
        data = form.data.copy()
        data[form.add_prefix("versie")] = casus.versie
        form.data = data
