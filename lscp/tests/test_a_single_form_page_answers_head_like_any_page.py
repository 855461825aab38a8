"""A page of its own for one form (`ServiceFormView` with `GET_AND_POST`) answers HEAD and OPTIONS as any Django
page does (a link checker or a browser's pre-flight gets 200, not 405), while a POST-only step still refuses GET
and HEAD."""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory

from lscp.forms_page import GET_AND_POST, ServiceFormView

PAGE = engines["django"].from_string("<form>{{ form.reason.value|default:'' }}</form>")


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=20)


class ConfirmView(ServiceFormView):
    http_method_names = GET_AND_POST
    form_class = ReasonForm
    form_name = "form"

    def get_template_names(self):
        return PAGE

    def save(self, form):
        return form.cleaned_data["reason"]

    def get_success_url(self, saved):
        return "/done/"


class StepView(ConfirmView):
    http_method_names = ["post"]


def answer(view, method):
    request = getattr(RequestFactory(), method)("/confirm/")
    request.user = AnonymousUser()
    response = view.as_view()(request)
    if hasattr(response, "render"):
        response.render()
    return response


def test_a_form_page_answers_get_head_and_options():
    assert answer(ConfirmView, "get").content.decode() == "<form></form>"
    assert answer(ConfirmView, "head").status_code == 200
    options = answer(ConfirmView, "options")
    assert options.status_code == 200
    assert set(options["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_a_post_only_step_refuses_get_and_head():
    assert answer(StepView, "get").status_code == 405
    assert answer(StepView, "head").status_code == 405
