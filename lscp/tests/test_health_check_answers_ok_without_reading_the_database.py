"""/healthz, a load balancer's health check and the floor of benchmarks/web_load.py, answers "ok" and reads
nothing from the database."""

import pytest


@pytest.mark.django_db
def test_health_check_answers_ok_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
