// The report page: while a build runs, ask for its progress every second and, when it has finished, show the
// result and reload the page (to offer publishing). Each running build's row carries its status URL in
// data-poll; no inline script, so the page works under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  "use strict";

  function poll(row) {
    fetch(row.dataset.poll, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (build) {
        var status = row.querySelector(".build-status");
        if (build.status === "succeeded" || build.status === "failed") {
          status.textContent = build.status_display + (build.error ? ": " + build.error : "");
          if (build.download_url) {
            var link = document.createElement("a");
            link.href = build.download_url;
            link.textContent = "Download";
            row.querySelector(".build-download").replaceChildren(link);
          }
          setTimeout(function () { window.location.reload(); }, 600);
        } else {
          status.textContent = build.status_display + " – " + build.stage + " (" + build.progress + "%)";
          setTimeout(function () { poll(row); }, 1000);
        }
      })
      .catch(function () { setTimeout(function () { poll(row); }, 3000); });
  }

  document.querySelectorAll("tr[data-poll]").forEach(function (row) {
    setTimeout(function () { poll(row); }, 800);
  });
})();
