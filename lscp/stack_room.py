"""Calling deep code with room on Python's frame stack, so that it does not map and unmap memory thousands of times.

Python (3.11 on) keeps each thread's frames in chunks of 16 KB. When a call needs more room than the chunk has, a new
chunk is mapped from the system, and when that call returns it is unmapped again (CPython issue gh-142183, fixed in
2026 releases of 3.13 and 3.14 by keeping one chunk; the project runs on 3.11). Code that recurses up and down across
a chunk's edge in a loop, as Django's template engine does drawing a list of rows, maps and unmaps 16 KB at every
crossing: in a gunicorn web process the admin's list of actions did it 3,600 times a page, each a page fault, 30–50 ms
of the system's time a page (its 130 ms, against 65 ms in a process where the edge fell elsewhere).

`with_room(function, *args)` calls the function from a frame sized to take a fresh chunk of 256 KB for itself and
leave half of it free: the calls below it, a page's or a report's thousands, fit in that half, and the chunk is
mapped once a call. The frame is a function with `ROOM_SLOTS` local names it never assigns (Python reserves their
slots all the same), made once when this module is imported.
"""

import sys

# The frame's slots (8 bytes each): with Python's minimum overhead of 1,000 slots, a frame of 16,000 takes a chunk of
# 256 KB (the first power of two times 16 KB above 136 KB), and leaves 128 KB, 16,000 slots, to the calls below it.
ROOM_SLOTS = 16_000

# Where the frame stack is chunked; on a Python that keeps a chunk the roomy frame costs a few microseconds a call.
NEEDED = sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] < (3, 15)


def _make_roomy_caller(slots):
    unused = " = ".join(f"_{n}" for n in range(slots))
    source = (
        "def call(function, args, kwargs):\n"
        f"    if False:\n        {unused} = None\n"  # never run: the names' slots are reserved all the same
        "    return function(*args, **kwargs)\n"
    )
    namespace = {}
    exec(compile(source, "<lscp.stack_room>", "exec"), namespace)  # noqa: S102 - our own fixed source, no input
    return namespace["call"]


_roomy_call = _make_roomy_caller(ROOM_SLOTS) if NEEDED else None


def with_room(function, *args, **kwargs):
    """`function(*args, **kwargs)`, called with room on the frame stack (see the module's note)."""
    if _roomy_call is None:
        return function(*args, **kwargs)
    return _roomy_call(function, args, kwargs)
