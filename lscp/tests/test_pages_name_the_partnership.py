"""Every page names the partnership from its settings: the full name in the title, the short one in the navbar."""

import pytest
from django.urls import reverse

FULL = "Kensington and Chelsea and Westminster Safeguarding Children Partnership"


@pytest.mark.django_db
def test_the_public_pages_carry_the_partnerships_name(client, settings):
    settings.PARTNERSHIP_NAME = FULL
    settings.PARTNERSHIP_SHORT_NAME = "K&C and Westminster LSCP"
    for url in (reverse("home"), reverse("reports:list"), reverse("login")):
        page = client.get(url).content.decode()
        assert f"– {FULL}</title>" in page, url
        assert f'title="{FULL}">K&amp;C and Westminster LSCP</a>' in page, url
        assert "LSCP manager" not in page, url


@pytest.mark.django_db
def test_without_a_short_name_the_navbar_gives_the_full_name(client, settings):
    settings.PARTNERSHIP_NAME = FULL
    settings.PARTNERSHIP_SHORT_NAME = ""
    page = client.get(reverse("home")).content.decode()
    assert f'title="{FULL}">{FULL}</a>' in page
