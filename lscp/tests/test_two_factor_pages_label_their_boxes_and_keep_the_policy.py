"""The pages of two-factor sign-in: one h1 each; the code box labelled, with its hint, the browser's offer of a
code it was sent (`autocomplete="one-time-code"`) and a phone's number pad (`inputmode="numeric"`); the QR code an
SVG picture with a text alternative and the key written out beside it; nothing inline that the content security
policy would refuse. They are for staff and chairs."""

import re

import pytest
from django.urls import reverse

from lscp.tests.two_factor import PASSWORD, next_app_code, set_up, type_password

pytestmark = pytest.mark.django_db


def code_box(page):
    box = re.search(r"<input[^>]*name=\"code\"[^>]*>", page).group(0)
    box_id = re.search(r'id="([^"]+)"', box).group(1)
    return box, box_id


def assert_labelled_code_box(page):
    box, box_id = code_box(page)
    assert re.search(rf'<label[^>]*for="{box_id}"[^>]*>\s*Code', page), "the box has a label"
    assert 'autocomplete="one-time-code"' in box
    assert 'inputmode="numeric"' in box
    hint = re.search(r'aria-describedby="([^"]+)"', box).group(1).split()[0]
    assert f'id="{hint}"' in page  # the hint is read with the box


def assert_page_shape(page):
    assert page.count("<h1") == 1 and "<main" in page
    assert " style=" not in page and "<style" not in page
    assert "<script>" not in page  # scripts come from static files only


def test_the_set_up_page(client, chair):
    client.force_login(chair)
    response = client.get(reverse("two_factor_set_up"))
    page = response.content.decode()
    assert_page_shape(page)
    assert_labelled_code_box(page)
    image = re.search(r"<img[^>]*two-factor-qr[^>]*>", page).group(0)
    assert 'src="data:image/svg+xml' in image  # drawn from the page itself: the policy allows data: images
    assert re.search(r'alt="[^"]+"', image)
    assert re.search(r'class="two-factor-key"><code>(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>', page)
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy and "unsafe-inline" not in policy


def test_the_code_page_at_sign_in(client, chair, quick_passwords):
    chair.set_password(PASSWORD)
    chair.save()
    set_up(chair)
    type_password(client, "chair")
    page = client.get(reverse("two_factor_code")).content.decode()
    assert_page_shape(page)
    assert_labelled_code_box(page)
    page = client.post(reverse("two_factor_code"), {"code": "12ab"}).content.decode()
    assert 'id="error-summary"' in page and "Enter the 6 digits your authenticator app shows" in page
    assert 'aria-invalid="true"' in code_box(page)[0]


def test_the_page_about_it_and_the_recovery_codes(client, chair):
    client.force_login(chair)
    page = client.get(reverse("two_factor")).content.decode()
    assert_page_shape(page)
    assert "Off: your password alone signs you in" in page
    device, _ = set_up(chair)
    client.post(reverse("two_factor_code"), {"code": next_app_code(device)})
    page = client.get(reverse("two_factor")).content.decode()
    assert_page_shape(page)
    assert "Recovery codes left" in page and "Turn off two-factor sign-in" in page
    client.post(reverse("two_factor_recovery_codes"))
    page = client.get(reverse("two_factor_recovery_codes")).content.decode()
    assert_page_shape(page)
    assert len(re.findall(r"<li><code>\d{4} \d{4}</code></li>", page)) == 10


def test_the_home_page_links_to_it_for_staff_and_chairs_only(client, manager, chair, partner, delegate):
    for user, linked in ((manager, True), (chair, True), (partner, False), (delegate, False)):
        client.force_login(user)
        assert (reverse("two_factor") in client.get(reverse("home")).content.decode()) is linked, user
        assert client.get(reverse("two_factor_set_up")).status_code == (200 if linked else 403), user


def test_turning_it_off(client, chair):
    device, _ = set_up(chair)
    client.force_login(chair)
    # A session that has not passed a code changes nothing.
    assert client.post(reverse("two_factor_turn_off"))["Location"] == reverse("two_factor_code")
    assert chair.totpdevice_set.exists()
    client.post(reverse("two_factor_code"), {"code": next_app_code(device)})
    page = client.post(reverse("two_factor_turn_off"), follow=True).content.decode()
    assert "Two-factor sign-in is off" in page
    assert not chair.totpdevice_set.exists() and not chair.staticdevice_set.exists()
