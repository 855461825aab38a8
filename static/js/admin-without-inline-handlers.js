// The Content-Security-Policy (script-src 'self') blocks inline event handlers such as onchange="...".
// django-import-export's export page has one, on its "Select all" box; this listener does the same job.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    if (event.target.matches("input.select-toggle") && typeof window.onSelectToggleChange === "function") {
      window.onSelectToggleChange(event);
    }
  });
})();
