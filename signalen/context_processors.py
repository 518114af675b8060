"""The count badge on "Signalen" in the navigation (one capped COUNT query per page)."""

from django.urls import NoReverseMatch, reverse

from altena.access import Rol, has_role, navigation

from .selectors import badge


def signalen_badge(request):
    """Re-issue ``nav_items`` (altena.access.navigation runs first) with the badge on the inbox item.
    Registered after ``altena.access.navigation`` in TEMPLATES, so these items win."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not has_role(user, *Rol.CASE_WORKERS):
        return {}
    try:
        inbox_url = reverse("signalen:inbox")
    except NoReverseMatch:
        return {}
    context = navigation(request)
    for item in context["nav_items"]:
        if item["url"] == inbox_url:
            item["badge"] = badge(user)
    return context
