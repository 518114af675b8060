"""Dutch labels for django-import-export's admin screens.

The export page lists one checkbox per column; import-export labels them with the attribute name in
title case ("Agb Code"). Here they carry the model field's Dutch verbose name with the file's column
header beside it ("AGB-code (agb_code)"), so the beheerder reads Dutch and still sees what the
column in the CSV/XLSX file is called. The fixed texts of these screens are translated in
locale/nl/LC_MESSAGES/django.po.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from import_export.forms import SelectableFieldsExportForm


def veldlabel(resource, field_name: str) -> str:
    """The Dutch label of a resource field: the model's verbose name, with the column in brackets."""
    field = resource.fields.get(field_name)
    kolom = field.column_name if field is not None and field.column_name else field_name
    attribuut = field.attribute if field is not None else field_name
    try:
        naam = str(resource._meta.model._meta.get_field(attribuut).verbose_name)
    except (FieldDoesNotExist, AttributeError, TypeError):
        naam = kolom.replace("_", " ")
    if not naam[1:2].isupper():  # "iStandaarden-categorieën" keeps its small i
        naam = capfirst(naam)
    return naam if naam == kolom else f"{naam} ({kolom})"


class NederlandsExportForm(SelectableFieldsExportForm):
    def _get_field_label(self, resource, field_name: str) -> str:
        return veldlabel(resource, field_name)
