"""Code called `with_room` (lscp/stack_room.py) calls up and down across what would be the edge of a chunk of
Python's frame stack without the system mapping and unmapping memory at each crossing (Python 3.11, as the project
runs: each crossing maps 16 KB afresh, a page fault every time). Every web request is called so (lscp/wsgi.py)."""

import resource
import sys

import pytest

from lscp import stack_room, wsgi

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the edge's cost is measured on Python 3.11")

CALLS = 300


def leaf():
    # Forty slots of frame: where less than that is left in a chunk, the call maps a new one.
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = 0
    c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = d0 = d1 = d2 = d3 = d4 = d5 = d6 = d7 = d8 = d9 = 0
    return (
        a0
        + a9
        + b0
        + b9
        + c0
        + c9
        + d0
        + d9
        + a1
        + a2
        + a3
        + a4
        + a5
        + a6
        + a7
        + a8
        + b1
        + b2
        + b3
        + b4
        + b5
        + b6
        + b7
        + b8
        + c1
        + c2
        + c3
        + c4
        + c5
        + c6
        + c7
        + c8
        + d1
        + d2
        + d3
        + d4
        + d5
        + d6
        + d7
        + d8
    )


def up_and_down():
    for _ in range(CALLS):
        leaf()


def at_depth(depth, function):
    return function() if depth == 0 else at_depth(depth - 1, function)


def page_faults(function):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    function()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_calls_across_a_chunks_edge_fault_at_each_call_and_with_room_do_not():
    at_an_edge = next(
        (depth for depth in range(600) if page_faults(lambda d=depth: at_depth(d, up_and_down)) >= CALLS), None
    )
    assert at_an_edge is not None, "no depth put the calls across a chunk's edge"
    # With room: the faults of touching the roomy chunk's own 256 KB once (64 pages at most), none per call.
    assert page_faults(lambda: at_depth(at_an_edge, lambda: stack_room.with_room(up_and_down))) <= 64


def test_with_room_passes_arguments_and_returns_the_result():
    assert stack_room.with_room(lambda a, b=1: (a, b), 2, b=3) == (2, 3)


def test_every_web_request_is_called_with_room(monkeypatch):
    calls = []
    monkeypatch.setattr(wsgi, "with_room", lambda function, *args: calls.append(function) or "response")
    assert wsgi.application({}, None) == "response"
    assert calls == [wsgi.django_application]
