"""The user guide's pictures are the ones `make screenshots` takes (scripts/screenshots.py): each it shows exists,
each taken is shown, and none is left over from a page no longer photographed."""

import re
import runpy
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_the_user_guide_shows_exactly_the_screenshots_the_script_takes():
    script = runpy.run_path(str(ROOT / "scripts" / "screenshots.py"), run_name="not_main")
    taken = {f"{name}.png" for name, *_ in script["pages"]({"open_session": 1})}
    guide = (ROOT / "docs" / "user-guide.md").read_text()
    shown = set(re.findall(r"\]\(screenshots/([\w-]+\.png)\)", guide))
    on_disk = {path.name for path in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert shown == taken
    assert on_disk == taken
