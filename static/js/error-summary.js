// A form that comes back with problems: move the keyboard and screen-reader focus to the list of them.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
