"""gunicorn's settings for the product's web processes: scripts/serve.sh, the web load benchmark and the test that
serves pages with production settings start gunicorn with `--config python:lscp.gunicorn_config`.

The cycle collector's whole-memory passes. A web process holds about 200,000 objects Python tracks once it has
served its pages: the modules, the URL patterns, the compiled templates, the admin's registry. Python's collector
walks all of them at each full collection, every few hundred requests: 90–160 ms during which the process answers
nothing (measured at ten years of records, benchmarks/web_load.py). Those objects live as long as the process, so
they are moved out of the collector's sight (`gc.freeze`), once when the application is loaded and again after the
process's first `REQUESTS_BEFORE_FREEZING` requests, by when it has compiled the templates of the pages it serves.
A full collection then walks only what requests made since. Garbage is collected before each freeze, so none is
kept for good.
"""

import gc

REQUESTS_BEFORE_FREEZING = 50


def _freeze_what_the_process_has_made():
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    _freeze_what_the_process_has_made()


def post_request(worker, req, environ, resp):
    if worker.nr == REQUESTS_BEFORE_FREEZING:
        _freeze_what_the_process_has_made()
