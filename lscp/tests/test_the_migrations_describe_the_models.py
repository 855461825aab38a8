"""The suite's databases are made straight from the models (`--nomigrations`), so the migrations a real database is
built with must say the same as the models: a model changed without its migration fails here."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_migrations_describe_the_models():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"A model has changed without a migration:\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()
