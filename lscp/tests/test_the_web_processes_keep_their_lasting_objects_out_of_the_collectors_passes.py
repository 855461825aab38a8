"""A web process moves the objects it keeps for its life out of the cycle collector's passes (lscp/gunicorn_config.py):
once its application is loaded, and once more after its first requests; garbage is collected first, not kept."""

import gc
from types import SimpleNamespace

import pytest

from lscp import gunicorn_config


@pytest.fixture(autouse=True)
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


class Cycle:
    def __init__(self):
        self.me = self


def test_a_loaded_process_freezes_what_it_holds_and_keeps_no_garbage():
    Cycle()  # unreachable: collected before the freeze, never frozen
    kept = Cycle()
    gunicorn_config.post_worker_init(SimpleNamespace(nr=0))
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    assert not [o for o in gc.get_objects() if isinstance(o, Cycle) and o is not kept]


def test_the_process_freezes_again_after_its_first_requests_and_only_then():
    for nr in (1, gunicorn_config.REQUESTS_BEFORE_FREEZING - 1, gunicorn_config.REQUESTS_BEFORE_FREEZING + 1):
        gunicorn_config.post_request(SimpleNamespace(nr=nr), None, {}, None)
        assert gc.get_freeze_count() == 0, nr
    gunicorn_config.post_request(SimpleNamespace(nr=gunicorn_config.REQUESTS_BEFORE_FREEZING), None, {}, None)
    assert gc.get_freeze_count() > 0
