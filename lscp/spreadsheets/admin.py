"""The admin's spreadsheet import and export: CSV and Excel, all or nothing, problems by row."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm

from . import SPREADSHEET_FORMATS, unreadable_file_message, validate_import_file
from .template import resource_template, template_links, template_response

IMPORT_NOT_SAVED = "Nothing was imported: %(problems)s Correct the file and upload it again."
IMPORT_UPLOAD_GONE = "That upload has already been imported, or has expired: upload the file again."


class SpreadsheetImportForm(ImportForm):
    """The library's import form, refusing a file bigger than an import reads before it is read."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        validate_import_file(upload)
        return upload


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import and export as CSV or Excel (see lscp/spreadsheets and docs/imports.md).

    Put it before SimpleHistoryAdmin in the bases, so that its URLs and change-list buttons come first. An
    import needs the add and change permissions on the records, an export the view permission: the business
    manager has them, other staff only if given them.
    """

    import_formats = SPREADSHEET_FORMATS
    export_formats = SPREADSHEET_FORMATS
    import_template_name = "admin/import_export/import_all_or_nothing.html"
    import_form_class = SpreadsheetImportForm
    to_encoding = "utf-8-sig"  # with its byte-order mark, Excel opens the CSV as UTF-8 (£, –, accents)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # As the library's, but it knows workbooks only by its own format classes: a workbook gets numbers and
        # dates as cells of their kind, not as text.
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=file_format.is_binary(), **kwargs)
        export_data = file_format.export_data(data)
        if not file_format.is_binary() and kwargs.get("encoding"):
            export_data = export_data.encode(kwargs["encoding"])
        return export_data

    def get_urls(self):
        app_label, model_name = self.get_model_info()
        template = path(
            "import/template.<str:file_format>",
            self.admin_site.admin_view(self.import_template_view),
            name=f"{app_label}_{model_name}_import_template",
        )
        return [template, *super().get_urls()]

    def import_template_view(self, request, file_format):
        """The import's template: its columns and an example row, as a workbook or CSV (lscp.spreadsheets.template)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]()
        name = f"{self.model._meta.verbose_name_plural}-template".replace(" ", "-").lower()
        return template_response(resource_template(resource, name), file_format)

    def write_to_tmp_storage(self, import_file, input_format):
        # As the library's, which adds the upload's chunks one by one to a bytes object: time that grows with the
        # square of the file's size (minutes for 100 MB). Joined once here.
        encoding = None if input_format.is_binary() else self.from_encoding
        tmp_storage = self.get_tmp_storage_class()(
            encoding=encoding, read_mode=input_format.get_read_mode(), **self.get_tmp_storage_class_kwargs()
        )
        tmp_storage.save(b"".join(import_file.chunks()))
        return tmp_storage

    def add_data_read_fail_error_to_form(self, form, e):
        formats = self.get_import_formats()
        try:
            title = formats[int(form.cleaned_data["format"])]().get_title()
        except (KeyError, ValueError, IndexError):
            title = "the chosen format"
        form.add_error("import_file", unreadable_file_message(e, title))

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is not None:
            app_label, model_name = self.get_model_info()
            context["template_links"] = template_links(
                lambda file_format: reverse(
                    f"admin:{app_label}_{model_name}_import_template",
                    args=[file_format],
                    current_app=self.admin_site.name,
                )
            )
        if context is not None and not context.get("fields_list"):
            # The library leaves the list of columns out when the file could not be read: put it back.
            resource = self.get_import_resource_classes(request)[0]()
            context["fields_list"] = [
                (resource.get_display_name(), [f.column_name for f in resource.get_import_fields()])
            ]
        return response

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except OSError:  # the uploaded file's temporary copy is gone: confirmed twice, or too late
            messages.error(request, IMPORT_UPLOAD_GONE)
            return HttpResponseRedirect(self._import_url())

    def process_result(self, result, request):
        # The preview found no problem, but the records changed before the import was confirmed: the
        # resource has rolled everything back, so say so instead of "Import finished".
        if result.has_errors() or result.has_validation_errors():
            found = [
                f"row {problem.row}{', ' + problem.column if problem.column else ''}: {problem.message}"
                if problem.row
                else problem.message
                for problem in result.problems()
            ]
            messages.error(request, IMPORT_NOT_SAVED % {"problems": "; ".join(found[:10])})
            return HttpResponseRedirect(self._import_url())
        return super().process_result(result, request)

    def _import_url(self):
        app_label, model_name = self.get_model_info()
        return reverse(f"admin:{app_label}_{model_name}_import", current_app=self.admin_site.name)
