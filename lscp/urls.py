from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from .audit_trail.views import AuditTrailExportView, AuditTrailView
from .financial_year import FinancialYearConverter
from .password_reset import PasswordResetView
from .site import partnership_name
from .two_factor import views as two_factor
from .views import HomeView, StoredFileView, health_check

register_converter(FinancialYearConverter, "fy")

admin.site.site_header = partnership_name()
admin.site.site_title = partnership_name()
admin.site.index_title = "Partnership records"

handler500 = "lscp.views.server_error"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    # Signing in: the password, then for an account with two-factor sign-in a code (lscp/two_factor).
    path("accounts/login/", two_factor.SignInView.as_view(), name="login"),
    path("accounts/login/code/", two_factor.CodeView.as_view(), name="two_factor_code"),
    path("accounts/two-factor/", two_factor.TwoFactorView.as_view(), name="two_factor"),
    path("accounts/two-factor/set-up/", two_factor.SetUpView.as_view(), name="two_factor_set_up"),
    path(
        "accounts/two-factor/recovery-codes/",
        two_factor.RecoveryCodesView.as_view(),
        name="two_factor_recovery_codes",
    ),
    path("accounts/two-factor/turn-off/", two_factor.TurnOffView.as_view(), name="two_factor_turn_off"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Choosing a password: the link e-mailed to a new account or from the business manager's admin action,
    # and "Forgotten your password?" on the sign-in page.
    # Throttled per address and per e-mail address typed (lscp/password_reset.py).
    path("accounts/password-reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The web server answers: for a load balancer, and the floor of benchmarks/web_load.py. No database read.
    path("healthz", health_check, name="health_check"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.ico"), permanent=True), name="favicon"),
    # A stored file's own address (MEDIA_URL): a redirect to its record's permission-checked download page.
    path("files/<path:name>", StoredFileView.as_view(), name="stored_file"),
    # The admin's own sign-in form would sign in with a password alone: its address is the site's sign-in page.
    path("admin/login/", two_factor.SignInView.as_view(), name="admin_sign_in"),
    # The business manager's audit trail: who opened, changed or signed in to what (lscp/audit_trail/).
    path("audit-trail/", AuditTrailView.as_view(), name="audit_trail"),
    path("audit-trail/download.csv", AuditTrailExportView.as_view(), name="audit_trail_export"),
    path("admin/", admin.site.urls),
    path("", include("partnership.urls")),
    path("", include("governance.urls")),
    path("", include("reports.urls")),
    path("", include("reviews.urls")),
    path("", include("training.urls")),
    path("", include("audits.urls")),
]
