// The meeting form's register: a deputy's name and agency are asked for only on a line marked "represented
// by a deputy" (the server ignores them on any other line); a button marks everyone not yet recorded as
// present; the error summary takes the focus. No inline script, so the page works under a
// Content-Security-Policy without 'unsafe-inline'. Without JavaScript every field simply stays visible.
(function () {
  "use strict";

  var DEPUTY = "deputy";

  function showDeputyFields(select) {
    var line = select.closest(".register-line");
    if (!line) { return; }
    var represented = select.value === DEPUTY;
    line.querySelectorAll(".deputy-field").forEach(function (field) {
      field.hidden = !represented;
    });
  }

  var statuses = document.querySelectorAll("select.register-status");
  statuses.forEach(function (select) {
    showDeputyFields(select);
    select.addEventListener("change", function () { showDeputyFields(select); });
  });

  var markAll = document.getElementById("mark-all-present");
  if (markAll) {
    markAll.hidden = false;
    markAll.addEventListener("click", function () {
      statuses.forEach(function (select) {
        if (!select.value) {
          select.value = "present";
          showDeputyFields(select);
        }
      });
    });
  }

  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
