"""The message for a document over the limit: its size with one decimal, the limit in whole units."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lscp.validators import describe_size, validate_document

MB = 1024 * 1024


def test_a_21_mb_file_against_the_20_mb_limit_reads_naturally(settings):
    settings.DOCUMENT_MAX_BYTES = 20 * MB
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-" + b"0" * (21 * MB - 5))
    with pytest.raises(ValidationError) as refused:
        validate_document(upload)
    assert refused.value.messages == ["“minutes.pdf” is 21.0\xa0MB; the limit is 20\xa0MB."]


def test_a_file_one_byte_over_the_limit_does_not_read_as_the_limit():
    assert describe_size(20 * MB + 1) == "20.1\xa0MB"
    assert describe_size(20 * MB, limit=True) == "20\xa0MB"


def test_a_limit_that_is_not_whole_keeps_its_decimal_rounded_down():
    assert describe_size(20 * MB + MB // 2, limit=True) == "20.5\xa0MB"
    assert describe_size(20 * MB + 1, limit=True) == "20.0\xa0MB"


def test_sizes_move_to_the_next_unit_rather_than_reading_1024():
    assert describe_size(MB - 1) == "1.0\xa0MB"
    assert describe_size(1536) == "1.5\xa0KB"
    assert describe_size(700) == "700\xa0bytes"
    assert describe_size(2 * 1024 * MB, limit=True) == "2\xa0GB"
