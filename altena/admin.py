from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import gebruikers
from .models import Heartbeat, Verwerking
from .verwerkingen import GEEN_PERSOONSGEGEVENS, log_objecten, verwerkt_object


class _DatumhierarchieChangeList(ChangeList):
    """Django's date hierarchy turns ``?datum__year=2147483648`` into an OverflowError (a 500) where
    it turns ``?datum__year=x`` into IncorrectLookupParameters (back to the list with ?e=1). Both
    are bad input and get the same answer here."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as fout:
            raise IncorrectLookupParameters(fout) from fout


class DatumhierarchieMixin:
    """Mixed into every admin with a ``date_hierarchy`` (ours through DatumhierarchieAdmin, those of
    installed libraries such as axes at the end of this module)."""

    def get_changelist(self, request, **kwargs):
        return _DatumhierarchieChangeList


class DatumhierarchieAdmin(DatumhierarchieMixin, admin.ModelAdmin):
    pass


@admin.register(Verwerking)
class VerwerkingAdmin(DatumhierarchieAdmin):
    verwerking = "Privacy: toezicht op de verwerkingenlogging"
    list_display = [
        "tijdstip",
        "actor_naam",
        "handeling",
        "verwerkingsactiviteit",
        "object_type",
        "casus_nummer",
    ]
    list_filter = ["handeling", "verwerkingsactiviteit", "object_type"]
    search_fields = ["actor_naam", "casus_nummer", "object_id"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "laatst"]

    def has_add_permission(self, request):
        return False


class PersoonsgegevensAdmin(DatumhierarchieAdmin):
    """Base of every admin of inwoners' personal data (issue 10, found #5): for a superuser only (not
    for Beheerder or Privacy: no case content), every list and object view logged in the
    verwerkingenlog, and never a full BSN (subclasses show ``bsn_gemaskeerd``, never the field).

    Subclasses set ``verwerking`` (the purpose) and may override ``inwoner_id_van``/``casus_nummer_van``.
    """

    verwerking = "Beheer: technisch herstel van gegevens (superuser)"
    show_full_result_count = False

    def inwoner_id_van(self, obj):
        return getattr(obj, "inwoner_id", None)

    def casus_nummer_van(self, obj) -> str:
        casus = getattr(obj, "casus", None)
        return getattr(obj, "nummer", "") or getattr(casus, "nummer", "") or ""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False  # personal data leaves through the retention rules, never by hand

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            verwerkt_object(
                request,
                object_type=self.model._meta.model_name,
                object_id=obj.pk,
                inwoner_id=self.inwoner_id_van(obj),
                casus_nummer=self.casus_nummer_van(obj),
            )
        return obj

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            log_objecten(
                request=request,
                handeling=Verwerking.Handeling.LEZEN,
                verwerkingsactiviteit=self.verwerking,
                objecten=[
                    (
                        self.model._meta.model_name,
                        obj.pk,
                        self.inwoner_id_van(obj),
                        self.casus_nummer_van(obj),
                    )
                    for obj in changelist.result_list
                ],
            )
        return response


# Users: the restricted user admin (altena/gebruikers.py). Admin access is for active superusers
# and beheerders only; the admin's own login page sends people to the application's login (with
# its lockout and two-factor step), and a logged-in user without admin access gets the 403 page.
def _admin_login(request, extra_context=None):
    if request.user.is_authenticated:
        raise PermissionDenied("U heeft geen toegang tot het beheer met uw rol.")
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


_admin_login.verwerking = GEEN_PERSOONSGEGEVENS


gebruikers.register(admin.site)
admin.site.has_permission = gebruikers.admin_toegang
admin.site.login = _admin_login

# Two-factor devices are not edited in the admin (its pages would show anyone's TOTP secret as a QR
# code): users enrol themselves; a beheerder resets with the user admin's action.
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)

# Admins of libraries registered before ours (axes' login attempts): the same guard on their dates.
for _model, _model_admin in list(admin.site._registry.items()):
    if _model_admin.date_hierarchy and not isinstance(_model_admin, DatumhierarchieMixin):
        _klasse = type(_model_admin)
        admin.site.unregister(_model)
        admin.site.register(_model, type(_klasse.__name__, (DatumhierarchieMixin, _klasse), {}))
