"""How a staff member is shown: by name, the same on every page, in every list and every choice."""

from __future__ import annotations


def naam_van(user, leeg: str = "") -> str:
    """The full name; an account without a name (made in admin) shows its login name as a last
    resort, so a row is never anonymous. ``leeg`` when there is no user."""
    if user is None:
        return leeg
    return user.get_full_name() or user.get_username()
