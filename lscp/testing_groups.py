"""Tests that share what a test process makes once go to the same process when the suite runs in parallel.

The demo's PDF (`demo_report`) is built once per test process, and the walk of every declared page
(lscp/tests/declared_pages.py) is made once per process: every test reading one of them in a second process would
make it again there. pytest-xdist's own groups (`--dist loadgroup`) tag each test's id with its group, which the
installed pytest no longer lets a plugin change; so each test process writes the groups it collected to a file
the controller reads, and the scheduler here hands each group out whole, and every other test one at a time, in
the order collected (the demo's tests last: conftest.py)."""

import json
import os
import tempfile
from pathlib import Path

GROUPS_FILE_KEY = "lscp_test_groups_file"


def group_of(item):
    """The group a test belongs to, or None."""
    if "demo_report" in getattr(item, "fixturenames", ()):
        return "demo-report"
    marker = item.get_closest_marker("xdist_group")
    return str(marker.args[0]) if marker and marker.args else None


def groups_file(config):
    """Where the test processes write the groups (made by the controller, before they start)."""
    if not hasattr(config, "_lscp_groups_file"):
        config._lscp_groups_file = str(Path(tempfile.mkdtemp(prefix="lscp-test-groups-")) / "groups.json")
    return config._lscp_groups_file


def write_groups(config, items):
    """In a test process, once collected: each grouped test's id and its group."""
    workerinput = getattr(config, "workerinput", None)
    if not workerinput or GROUPS_FILE_KEY not in workerinput:
        return
    groups = {item.nodeid: group for item in items if (group := group_of(item))}
    path = Path(workerinput[GROUPS_FILE_KEY])
    part = path.with_suffix(f".{os.getpid()}.part")
    part.write_text(json.dumps(groups))
    part.replace(path)  # every process collects the same tests: whichever writes last writes the same


def make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class SharedWorkScheduling(LoadScopeScheduling):
        """Like `--dist load` in the collected order (`--no-loadscope-reorder`), but a group goes to one process."""

        _groups = None

        def _split_scope(self, nodeid):
            if self._groups is None:
                path = Path(groups_file(config))
                self._groups = json.loads(path.read_text()) if path.exists() else {}
            return self._groups.get(nodeid, nodeid)

    return SharedWorkScheduling(config, log)
