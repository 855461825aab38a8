// A table that scrolls inside its own box (.table-responsive) can be scrolled from the keyboard: while it is wider
// than its box it takes the focus (then the arrow keys scroll it) and is named after its table's caption, as a
// region a screen reader can find. While it fits, it is left alone, so it adds no stop to the tab order. No inline
// script, so the page works under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  "use strict";

  function update(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      var caption = box.querySelector("caption");
      box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table, scrolls sideways");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  var boxes = document.querySelectorAll(".table-responsive");
  boxes.forEach(update);
  if ("ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    });
    boxes.forEach(function (box) { observer.observe(box); });
  }
})();
