from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import gebruikers
from .models import Heartbeat, Verwerking


@admin.register(Verwerking)
class VerwerkingAdmin(admin.ModelAdmin):
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
    list_display = ["naam", "laatst"]

    def has_add_permission(self, request):
        return False


# Users: the restricted user admin (altena/gebruikers.py). Admin access is for active superusers
# and beheerders only; the admin's own login page sends people to the application's login (with
# its lockout and two-factor step), and a logged-in user without admin access gets the 403 page.
def _admin_login(request, extra_context=None):
    if request.user.is_authenticated:
        raise PermissionDenied("U heeft geen toegang tot het beheer met uw rol.")
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


gebruikers.register(admin.site)
admin.site.has_permission = gebruikers.admin_toegang
admin.site.login = _admin_login

# Two-factor devices are not edited in the admin (its pages would show anyone's TOTP secret as a QR
# code): users enrol themselves; a beheerder resets with the user admin's action.
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)
