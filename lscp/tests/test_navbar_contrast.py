"""The navbar's text on its background meets WCAG AA for normal text (4.5:1), computed from the colours that
static/css/site.css gives it, and the navbar and its "Sign out" button use exactly those colours."""

import re
from pathlib import Path

from django.conf import settings

SITE_CSS = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
BASE_HTML = (Path(settings.BASE_DIR) / "templates/base.html").read_text()


def relative_luminance(hex_colour):
    """WCAG 2.x relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground, background):
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def custom_property(name):
    return re.search(rf"{name}:\s*(#[0-9a-fA-F]{{6}})\s*;", SITE_CSS).group(1)


def rule(selector):
    return re.search(rf"(?m)^{re.escape(selector)}\s*\{{([^}}]*)\}}", SITE_CSS).group(1)


def test_the_contrast_formula_gives_the_known_ratios():
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54
    # The old navbar, as axe measured it: navbar-dark links (white at 55% over the blue: #92befe) on bg-primary.
    assert round(contrast_ratio("#92befe", "#0d6efd"), 2) == 2.36


def test_the_navbar_text_on_its_background_is_at_least_4_5_to_1():
    ratio = contrast_ratio(custom_property("--site-nav-text"), custom_property("--site-nav-bg"))
    assert ratio >= 4.5, f"{ratio:.2f}:1"


def test_the_navbar_and_its_links_use_those_two_colours():
    navbar = rule(".site-navbar")
    assert "background-color: var(--site-nav-bg)" in navbar
    for variable in ("color", "hover-color", "active-color", "brand-color", "brand-hover-color"):
        assert f"--bs-navbar-{variable}: var(--site-nav-text)" in navbar, variable
    assert '<nav class="navbar navbar-expand-xl navbar-dark site-navbar"' in BASE_HTML
    assert "bg-primary" not in BASE_HTML


def test_sign_out_uses_the_same_two_colours_and_swaps_them_on_hover():
    button = rule(".site-navbar-button")
    for state, text, background in (("", "text", "bg"), ("hover-", "bg", "text"), ("active-", "bg", "text")):
        assert f"--bs-btn-{state}color: var(--site-nav-{text})" in button
        assert f"--bs-btn-{state}bg: var(--site-nav-{background})" in button
    assert 'class="btn btn-sm site-navbar-button">Sign out</button>' in BASE_HTML
