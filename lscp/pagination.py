"""How the project's lists page through their rows."""


class ForgivingPaginationMixin:
    """For a ListView, usually of a list narrowed by a filter form: a page number out of range or not a
    number shows the nearest page instead of an error page (the address is typed, or kept from when the list
    was longer). `templates/includes/pagination.html` draws the page links, keeping the filters."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class UncountedPage:
    """A page of an `UncountedPaginator`: what `templates/includes/pagination.html` asks of a page, with no total."""

    def __init__(self, paginator, number, object_list, has_next):
        self.paginator = paginator
        self.number = number
        self.object_list = object_list
        self._has_next = has_next

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    @property
    def at_the_limit(self):
        """The last page offered although there are older rows: the filters reach them."""
        return self._has_next is False and self.paginator.more_beyond_the_limit


class UncountedPaginator:
    """For a list too costly to count (the audit trail gathers every change history): `fetch(offset, limit)` reads
    one row more than a page shows, to know whether another page follows, and the links say "Previous" and "Next"
    without a total (`num_pages` is None). As `ForgivingPaginationMixin` forgives, a page number that is not a
    number shows the first page, and one past `max_pages` the last offered; a list that long is narrowed by its
    filters."""

    num_pages = None

    def __init__(self, fetch, *, per_page, max_pages):
        self.fetch = fetch
        self.per_page = per_page
        self.max_pages = max_pages
        self.more_beyond_the_limit = False

    def page(self, number):
        try:
            number = min(max(int(number), 1), self.max_pages)
        except (TypeError, ValueError):
            number = 1
        rows = self.fetch((number - 1) * self.per_page, self.per_page + 1)
        more = len(rows) > self.per_page
        if more and number == self.max_pages:
            self.more_beyond_the_limit = True
            more = False
        return UncountedPage(self, number, rows[: self.per_page], more)
