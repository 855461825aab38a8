"""People's accounts in the admin, as the business manager may keep them.

The business manager is staff with the auth permissions `lscp/roles_setup.py` gives the "Business managers"
group. Django's own UserAdmin would let them tick "superuser" or pick any permission, so a manager could
make anyone, themselves included, all-powerful. Here a user who is not a superuser:

- creates accounts (user name, name, e-mail, role groups); the new person is e-mailed a link to choose their
  own password, and nobody else ever knows it;
- changes people's details, deactivates them, and puts them in the role groups `ensure_role_groups` manages,
  never in any other group;
- never sees or sets "superuser", per-user permissions or a password: no password form, only the action
  "Send a password reset link", which e-mails the person;
- cannot set "staff status" directly: it follows the Business managers group (joining it gives staff status,
  which the admin needs; leaving it takes it away);
- can only look at an account that holds more than a business manager could give it (a superuser, per-user
  permissions, a group other than the role groups), never change it or send it a link: otherwise they could
  change its e-mail address, send themselves its reset link and take over its powers.

A superuser keeps Django's full UserAdmin.

Two-factor sign-in (lscp/two_factor): the list says who has set it up, and the action "Reset two-factor sign-in"
removes someone's authenticator app and recovery codes (a lost phone), written in the account's history. django-otp's
own admin of the devices is taken away: it would show the secrets, which nobody but the person's phone should hold.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils.crypto import get_random_string
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import BUSINESS_MANAGERS_GROUP
from .roles_setup import ROLE_GROUPS
from .two_factor import services as two_factor

MANAGER_FIELDSETS = (
    (None, {"fields": ("username",)}),
    ("Personal details", {"fields": ("first_name", "last_name", "email")}),
    (
        "Access",
        {
            "fields": ("is_active", "is_staff", "groups"),
            "description": "Staff status comes with the Business managers group. To stop someone signing in, "
            "untick “Active”: their account and its history stay.",
        },
    ),
    ("Important dates", {"fields": ("last_login", "date_joined")}),
)
# What the add page says about the password is in templates/admin/auth/user/add_form.html.
MANAGER_ADD_FIELDSETS = ((None, {"fields": ("username", "email", "first_name", "last_name", "groups")}),)

NEW_ACCOUNT_SUBJECT = "registration/new_account_subject.txt"
NEW_ACCOUNT_EMAIL = "registration/new_account_email.txt"


class _LinkForOneUser(PasswordResetForm):
    """Django's reset e-mail (a one-use, expiring link), sent to exactly this user, whatever other accounts
    share the address and whether or not their password is usable yet."""

    def __init__(self, user):
        super().__init__(data={"email": user.email})
        self.user = user

    def get_users(self, email):
        return [self.user]


def send_password_link(request, user, *, new_account=False):
    """E-mails the user a link to choose a password; False if their address cannot take one."""
    form = _LinkForOneUser(user)
    if not form.is_valid():
        return False
    options = {"subject_template_name": NEW_ACCOUNT_SUBJECT, "email_template_name": NEW_ACCOUNT_EMAIL}
    form.save(request=request, use_https=request.is_secure(), **(options if new_account else {}))
    return True


class ManagerUserForm(forms.ModelForm):
    """The account fields a business manager may change: no password, superuser or permission fields at all,
    so nothing posted for them is ever read."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "is_active", "groups")


class ManagerUserCreationForm(ManagerUserForm):
    class Meta(ManagerUserForm.Meta):
        fields = ("username", "email", "first_name", "last_name", "groups")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = "The link to choose a password goes here."


admin.site.unregister(User)
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


@admin.register(User)
class PartnershipUserAdmin(UserAdmin):
    actions = ["send_password_reset_link", "reset_two_factor"]

    def get_queryset(self, request):
        has_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_two_factor=Exists(has_app))

    def get_list_display(self, request):
        return (*super().get_list_display(request), "two_factor")

    @admin.display(description="Two-factor sign-in", boolean=True, ordering="has_two_factor")
    def two_factor(self, user):
        return user.has_two_factor

    def _restricted(self, request):
        return not request.user.is_superuser

    def _out_of_reach(self, request, user):
        """An account with powers a business manager could not have given it is for a superuser to change."""
        return self._restricted(request) and (
            user.is_superuser or user.user_permissions.exists() or user.groups.exclude(name__in=ROLE_GROUPS).exists()
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._out_of_reach(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._out_of_reach(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        if not self._restricted(request):
            return super().get_fieldsets(request, obj)
        return MANAGER_ADD_FIELDSETS if obj is None else MANAGER_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        if not self._restricted(request):
            return super().get_readonly_fields(request, obj)
        return ("is_staff", "last_login", "date_joined")

    def get_form(self, request, obj=None, **kwargs):
        if self._restricted(request):
            kwargs["form"] = ManagerUserCreationForm if obj is None else ManagerUserForm
        return super().get_form(request, obj, **kwargs)

    def get_list_filter(self, request):
        if not self._restricted(request):
            return super().get_list_filter(request)
        return ("is_staff", "is_active", "groups")

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "groups" and request is not None and self._restricted(request):
            kwargs["queryset"] = Group.objects.filter(name__in=ROLE_GROUPS)
        return super().formfield_for_manytomany(db_field, request=request, **kwargs)

    def user_change_password(self, request, id, form_url=""):
        if self._restricted(request):
            raise PermissionDenied("Only a superuser sets a password; send a password reset link instead.")
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        if not change and self._restricted(request):
            # Usable (so the reset link works) but known to nobody: the person chooses their own.
            obj.set_password(get_random_string(48))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not self._restricted(request):
            return super().save_related(request, form, formsets, change)
        user = form.instance
        was_manager = change and user.groups.filter(name=BUSINESS_MANAGERS_GROUP).exists()
        super().save_related(request, form, formsets, change)
        is_manager = user.groups.filter(name=BUSINESS_MANAGERS_GROUP).exists()
        if is_manager != was_manager:
            user.is_staff = is_manager
            user.save(update_fields=["is_staff"])
        if not change:
            send_password_link(request, user, new_account=True)
            self.message_user(request, f"A link to choose a password has been e-mailed to {user.email}.")

    @admin.action(description="Send a password reset link", permissions=["change"])
    def send_password_reset_link(self, request, queryset):
        sent, skipped = [], []
        for user in queryset.order_by("username"):
            reachable = user.is_active and user.email
            allowed = not self._out_of_reach(request, user)
            if reachable and allowed and send_password_link(request, user):
                sent.append(user.get_username())
            else:
                skipped.append(user.get_username())
        if sent:
            self.message_user(request, f"A password reset link was e-mailed to {', '.join(sent)}.")
        if skipped:
            self.message_user(
                request,
                f"No link was sent to {', '.join(skipped)}: the account is inactive, has no e-mail address, "
                "or has powers only a superuser may change.",
                messages.WARNING,
            )

    @admin.action(description="Reset two-factor sign-in", permissions=["change"])
    def reset_two_factor(self, request, queryset):
        reset, without, skipped = [], [], []
        for user in queryset.order_by("username"):
            if self._out_of_reach(request, user):
                skipped.append(user.get_username())
            elif two_factor.reset(user=user, by=request.user):
                reset.append(user.get_username())
            else:
                without.append(user.get_username())
        if reset:
            self.message_user(
                request,
                f"Two-factor sign-in reset for {', '.join(reset)}: they sign in with their password, then set it up "
                "again (business managers must at once).",
            )
        if without:
            self.message_user(request, f"Nothing to reset for {', '.join(without)}: no two-factor sign-in was set up.")
        if skipped:
            self.message_user(
                request,
                f"Not reset: {', '.join(skipped)}: the account has powers only a superuser may change.",
                messages.WARNING,
            )
