from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from .financial_year import FinancialYearConverter
from .views import HomeView

register_converter(FinancialYearConverter, "fy")

admin.site.site_header = "LSCP manager"
admin.site.site_title = "LSCP manager"
admin.site.index_title = "Partnership records"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("partnership.urls")),
    path("", include("governance.urls")),
    path("", include("reports.urls")),
]
