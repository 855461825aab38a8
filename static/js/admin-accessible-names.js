/* Gives every admin control an accessible name (WCAG 4.1.2):
   - cells of a tabular inline are labelled by their column heading and row ("Status, row 3");
   - select2 autocomplete boxes take the text of their field's label.
   Runs when the page is ready and again whenever the admin's scripts add to it (select2 boxes, new rows). */
(function () {
  "use strict";

  function headingText(table, cell) {
    var row = cell.parentElement;
    var index = Array.prototype.indexOf.call(row.children, cell);
    var headings = table.querySelectorAll("thead th");
    var offset = row.children.length - headings.length;
    var heading = headings[index - offset];
    return heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function nameInlineCells(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      table.querySelectorAll("tbody tr.form-row").forEach(function (row, number) {
        row.querySelectorAll("td").forEach(function (cell) {
          var heading = headingText(table, cell);
          if (!heading) return;
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (control) {
            if (control.labels && control.labels.length) return;
            if (control.getAttribute("aria-label")) return;
            control.setAttribute("aria-label", heading + ", row " + (number + 1));
          });
        });
      });
    });
  }

  // select2 names its combobox by the chosen value only (aria-labelledby, which wins over aria-label), so
  // the field's own label is put in front of it: "Owner agency: Metropolitan Police".
  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      var box = container && container.querySelector("[role=combobox]");
      if (!box || !select.id) return;
      var label = select.labels && select.labels.length ? select.labels[0] : null;
      if (!label) {
        // A cell of a tabular inline has no label of its own: name it as nameInlineCells named the select.
        var text = select.getAttribute("aria-label");
        if (!text) return;
        label = document.getElementById(select.id + "-name");
        if (!label) {
          label = document.createElement("span");
          label.hidden = true;
          label.id = select.id + "-name";
          label.textContent = text;
          select.parentNode.insertBefore(label, select);
        }
      }
      if (!label.id) label.id = select.id + "-label";
      var by = (box.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
      if (by.indexOf(label.id) === -1) box.setAttribute("aria-labelledby", [label.id].concat(by).join(" "));
      // The chosen value's span claims to be a read-only text box of its own, with no name; it is only the
      // combobox's text.
      box.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (shown) {
        shown.removeAttribute("role");
        shown.removeAttribute("aria-readonly");
      });
    });
  }

  function run() {
    nameInlineCells(document);
    nameAutocompletes(document);
  }

  // select2 draws its boxes when jQuery is ready, which may come after this script: name whatever appears.
  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.setTimeout(function () {
      pending = false;
      run();
    }, 0);
  }
  document.addEventListener("DOMContentLoaded", function () {
    run();
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", run);
})();
