"""The admin's split date and time boxes each have a label a screen reader announces (axe: "label", critical)."""

import re

from django.urls import reverse


def test_each_box_of_a_date_and_time_field_has_its_own_label(client, manager):
    client.force_login(manager)
    page = client.get(reverse("admin:partnership_meeting_add")).content.decode()
    for box in ("id_starts_at_0", "id_starts_at_1"):
        assert re.search(rf'<label for="{box}">[^<]+</label>', page), box
        assert f'id="{box}"' in page


def test_the_admin_loads_the_script_that_names_inline_cells_and_autocompletes(client, manager):
    client.force_login(manager)
    page = client.get(reverse("admin:partnership_meeting_add")).content.decode()
    assert "js/admin-accessible-names.js" in page
