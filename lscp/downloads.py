"""Files that are not public (meeting papers, evidence, report PDFs) are downloaded through a view that has
checked who is asking; this is how every such view answers."""

import posixpath

from django.http import FileResponse, Http404


def file_download(file, *, filename=None, content_type=None, what="file"):
    """`file` (a model's FieldFile) as an attachment named `filename` (by default the stored file's own name).

    A file never uploaded, or missing from storage (a restore that left the files behind, say), answers
    404 rather than a server error; `what` names the file in that answer ("evidence", "PDF").
    """
    if not file:
        raise Http404(f"No {what} has been uploaded.")
    try:
        handle = file.open("rb")
    except FileNotFoundError as error:
        raise Http404(f"The {what} is missing from storage.") from error
    return FileResponse(
        handle, as_attachment=True, filename=filename or posixpath.basename(file.name), content_type=content_type
    )
