"""The home page's panels come from the apps' dashboard.py files, in order, with unique keys."""

from lscp.dashboard import registered_panels


def test_every_apps_panels_are_collected_in_order():
    panels = registered_panels()
    keys = [p.key for p in panels]
    assert {"partnership-this-year", "bodies-you-chair", "actions", "our-statement", "chapters-to-write"} <= set(keys)
    assert [p.order for p in panels] == sorted(p.order for p in panels)
    assert len(keys) == len(set(keys))


def test_the_public_sees_no_panel(rf):
    from lscp.roles import ANONYMOUS

    request = rf.get("/")
    assert [p.key for p in registered_panels() if p.context(request, ANONYMOUS) is not None] == []
