"""The admin's index names every app and kind of record in the business manager's words: no library's name for a
heading, and no plural made by adding an "s" to a phrase ("Rating against a standards")."""

import re

import pytest
from django.contrib import admin


@pytest.mark.django_db
def test_the_index_headings_and_names_read_as_words(client, manager):
    client.force_login(manager)
    page = client.get("/admin/").content.decode()
    headings = re.findall(r"<caption>\s*<a[^>]*>(.*?)</a>", page, re.S)
    assert "Sign-in attempts and lockouts" in headings
    assert not any(heading.strip().lower() == "axes" for heading in headings), headings


def test_every_kind_of_record_has_a_plural_that_is_a_phrase_not_a_phrase_plus_s():
    made_by_django = []
    for model in admin.site._registry:
        options = model._meta
        singular, plural = str(options.verbose_name), str(options.verbose_name_plural)
        if " " in singular and plural == f"{singular}s" and not singular.split()[-1].endswith(("s", "x")):
            # "rating against a standard" + "s": only right when the last word is the noun that takes the s.
            made_by_django.append(f"{options.label}: {plural}")
    wrong = [name for name in made_by_django if " a " in name or " an " in name or " of " in name]
    assert not wrong, wrong
