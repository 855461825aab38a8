"""A list page that also takes a form (`ServiceFormListView`): GET is the list; a form the service accepts is
saved, with its message and a redirect; a form the service refuses is shown again, as typed and with the
service's message under its field, on the list as it stands."""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.template import engines
from django.test import RequestFactory

from lscp.forms_page import ServiceFormListView

NAME_TAKEN = "%(name)s is on the list already."
PAGE = engines["django"].from_string(
    "{% for name in names %}<li>{{ name }}</li>{% endfor %}"
    "{% if form %}<form>{{ form.name.value|default:'' }}|{{ form.name.errors|join:';' }}</form>{% endif %}"
)


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)


def add_name(*, names, name):
    """The service: refuses a name already listed (under its own field name, `entry`)."""
    if name in names:
        raise ValidationError({"entry": NAME_TAKEN % {"name": name}})
    names.append(name)
    return name


class NamesView(ServiceFormListView):
    context_object_name = "names"
    form_class = NameForm
    service_fields = {"entry": "name"}
    success_message = "%(name)s is added."
    names = []

    def get_template_names(self):
        return PAGE

    def get_queryset(self):
        return list(self.names)

    def save(self, form):
        return add_name(names=self.names, name=form.cleaned_data["name"])

    def message_values(self, saved):
        return {"name": saved}

    def get_success_url(self, saved):
        return "/names/"


def respond(request, names):
    request.user = AnonymousUser()
    request._messages = CookieStorage(request)
    response = NamesView.as_view(names=names)(request)
    if hasattr(response, "render"):
        response.render()
    return request, response


def test_get_shows_the_list_without_a_form_unless_the_page_adds_one():
    _request, response = respond(RequestFactory().get("/names/"), ["Ada", "Grace"])
    assert response.status_code == 200
    assert response.content.decode() == "<li>Ada</li><li>Grace</li>"


def test_a_name_the_service_accepts_is_added_with_its_message_and_a_redirect():
    names = ["Ada"]
    request, response = respond(RequestFactory().post("/names/", {"name": "Grace"}), names)
    assert response.status_code == 302
    assert response["Location"] == "/names/"
    assert names == ["Ada", "Grace"]
    assert [str(message) for message in get_messages(request)] == ["Grace is added."]


def test_a_name_the_service_refuses_is_shown_as_typed_with_its_problem_on_the_list():
    names = ["Ada", "Grace"]
    request, response = respond(RequestFactory().post("/names/", {"name": "Ada"}), names)
    assert response.status_code == 200
    assert response.content.decode() == (
        "<li>Ada</li><li>Grace</li><form>Ada|" + NAME_TAKEN % {"name": "Ada"} + "</form>"
    )
    assert names == ["Ada", "Grace"]
    assert list(get_messages(request)) == []


def test_a_form_the_form_itself_refuses_never_reaches_the_service():
    names = ["Ada"]
    _request, response = respond(RequestFactory().post("/names/", {"name": "x" * 21}), names)
    assert response.status_code == 200
    assert response.content.decode().startswith("<li>Ada</li><form>" + "x" * 21 + "|Ensure this value")
    assert names == ["Ada"]
