"""A page with several small forms, each posting to a service.

A record's page (a practice review, an incident) shows a handful of small forms, each posting to its own URL.
Each URL's view is a declaration on `ServiceFormView`: the form (`form_class`, or `make_form` when it needs more),
the name the page's template shows it under (`form_name`), the service call (`save`) and the message on success.
Posted, the view builds the form from what was sent and validates it, then calls the service; a `ValidationError`
from the service goes onto the form (`add_service_errors`: each message under the field it is about), and the page
is rendered again with that form as typed and the page's other forms as they were. Otherwise the success message
is added and the user is sent back to the page (`get_success_url`). Each service is one transaction, so a refusal
saves nothing.

A page of its own for one form (a confirmation step, editing one record) is the same view with GET allowed:
`http_method_names = GET_AND_POST` shows the blank form (HEAD and OPTIONS answered as for any page).

A list page that also takes a form (an incident logged from the incident log) is `ServiceFormListView`: GET is the
list, its `get_context_data` adding the blank form for those who may post; a refused form is shown on the list
again.
"""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.shortcuts import redirect
from django.views.generic import ListView, TemplateView

from .forms import add_service_errors

GET_AND_POST = ["get", "head", "options", "post"]


class ServiceFormMixin:
    """The posting of one form to its service, for a view with a template (`ServiceFormView`,
    `ServiceFormListView`)."""

    form_class = None
    # The name the page's template shows the form under (the page may hold several).
    form_name = "form"
    # %-formatted with `message_values(saved)`.
    success_message = ""
    # The service's field names that differ from the form's: {service field: form field}.
    service_fields = {}

    def get_form_kwargs(self):
        return {}

    def make_form(self, data=None):
        if self.form_class is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a form_class or its own make_form().")
        return self.form_class(data, **self.get_form_kwargs())

    def save(self, form):
        """Calls the service with the form's cleaned data; returns what it saved (given to the success URL)."""
        raise NotImplementedError

    def message_values(self, saved):
        return {}

    def get_success_message(self, saved):
        return self.success_message % self.message_values(saved)

    def get_success_url(self, saved):
        raise NotImplementedError

    def fields_for_service_errors(self, form):
        """{service field: the form's box its problem is shown under}."""
        return {**{name: name for name in form.fields}, **self.service_fields}

    def render_page(self, **forms):
        """The page, with these forms in place of the blank ones."""
        return self.render_to_response(self.get_context_data(**forms))

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                saved = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error, fields=self.fields_for_service_errors(form))
            else:
                message = self.get_success_message(saved)
                if message:
                    messages.success(request, message)
                return redirect(self.get_success_url(saved))
        return self.render_page(**{self.form_name: form})


class ServiceFormView(ServiceFormMixin, TemplateView):
    http_method_names = ["post"]

    def get(self, request, *args, **kwargs):
        return self.render_page(**{self.form_name: self.make_form()})


class ServiceFormListView(ServiceFormMixin, ListView):
    """A list (GET) that also takes a form (POST): a refused form is shown with the list around it. Its methods are
    a ListView's (HEAD and OPTIONS answered as before) plus POST."""

    def render_page(self, **forms):
        self.object_list = self.get_queryset()
        return super().render_page(**forms)
