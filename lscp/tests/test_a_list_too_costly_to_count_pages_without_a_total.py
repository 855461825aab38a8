"""A list too costly to count (the audit trail) pages by reading one row more than a page shows: it knows whether
another page follows without a total, forgives a page number that is not one, and stops at its last page offered,
saying that older rows lie beyond it."""

import pytest

from lscp.pagination import UncountedPaginator


def pages_of(rows, *, max_pages=3):
    reads = []

    def fetch(offset, limit):
        reads.append((offset, limit))
        return rows[offset : offset + limit]

    return UncountedPaginator(fetch, per_page=10, max_pages=max_pages), reads


@pytest.mark.parametrize(("asked", "shown"), [(None, 1), ("abc", 1), ("", 1), ("-1", 1), ("0", 1), ("2", 2), ("99", 3)])
def test_a_page_number_is_forgiven(asked, shown):
    paginator, _ = pages_of(list(range(100)))
    assert paginator.page(asked).number == shown


def test_each_page_reads_one_row_more_than_it_shows_to_know_whether_another_follows():
    paginator, reads = pages_of(list(range(25)))
    first = paginator.page("1")
    assert (list(first), first.has_previous(), first.has_next(), reads) == (list(range(10)), False, True, [(0, 11)])
    last = paginator.page("3")
    assert (list(last), last.has_previous(), last.has_next(), last.at_the_limit) == (
        list(range(20, 25)),
        True,
        False,
        False,
    )
    assert paginator.num_pages is None


def test_the_last_page_offered_says_older_rows_lie_beyond_it():
    paginator, _ = pages_of(list(range(100)), max_pages=2)
    last = paginator.page("2")
    assert (list(last), last.has_next(), last.at_the_limit) == (list(range(10, 20)), False, True)


def test_a_page_past_the_end_is_empty_with_a_way_back():
    page = pages_of(list(range(5)))[0].page("3")
    assert (list(page), page.has_previous(), page.has_next()) == ([], True, False)
