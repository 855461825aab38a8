from reports.sections import registered_sections, section_by_key


def test_each_app_declares_its_chapters_and_the_report_orders_them():
    keys = [s.key for s in registered_sections()]
    assert keys[:5] == ["cover", "contents", "key-figures", "foreword", "introduction"]
    assert keys.index("structure") < keys.index("members") < keys.index("attendance")
    assert len(keys) == len(set(keys))
    assert section_by_key("members").appendix and section_by_key("foreword").narrative


def test_duplicate_keys_are_refused(monkeypatch):
    import pytest

    from lscp import registries
    from reports import sections

    class FakeModule:
        SECTIONS = [sections.Section(key="cover", title="Again", order=1, template="x.html")]

    real_import = registries.importlib.import_module

    def fake_import(name):
        if name == "lscp.report":
            return FakeModule
        return real_import(name)

    monkeypatch.setattr(registries.importlib, "import_module", fake_import)
    sections.registered_sections.cache_clear()
    try:
        with pytest.raises(ValueError, match="cover"):
            sections.registered_sections()
    finally:
        sections.registered_sections.cache_clear()
