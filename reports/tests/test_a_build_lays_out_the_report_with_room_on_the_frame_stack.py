"""A report build runs its pipeline with room on Python's frame stack (lscp/stack_room.py), so WeasyPrint's deep
layout does not map memory afresh each time it recurses across a chunk's edge."""

from reports import rendering


def test_the_build_pipeline_is_called_with_room(monkeypatch):
    calls = []

    def with_room(function, *args):
        calls.append((function, args))
        return "built"

    monkeypatch.setattr(rendering, "with_room", with_room)
    assert rendering.build_pdf("the report") == "built"
    assert calls == [(rendering._build_pdf, ("the report",))]
