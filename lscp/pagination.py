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
