"""Avatars without an external service: the initials of the user's name on a colour of their own, as
an inline SVG (a ``data:`` URL, which the admin's Content-Security-Policy allows). Nothing leaves the
site and no image can be missing; an avatar the user uploaded still wins."""

from urllib.parse import quote

from django.utils.html import escape

COLOURS = ["#1d5fa8", "#8a3b8f", "#2f7d4f", "#a4502a", "#5b5f97", "#0f6e78", "#9b2f4b"]


def initials(user):
    name = (getattr(user, "get_full_name", lambda: "")() or user.get_username() or "?").split()
    letters = name[0][0] + (name[-1][0] if len(name) > 1 else "")
    return letters.upper()


def initials_avatar_url(user, size=50):
    if user is None or not getattr(user, "pk", None):
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None  # Wagtail shows the uploaded picture
    colour = COLOURS[user.pk % len(COLOURS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="40" '
        f'font-weight="700" fill="#fff">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml;charset=utf-8," + quote(svg)
