// The meeting register: "Mark everyone present" fills each member's status that is still empty.
(function () {
  "use strict";
  var button = document.getElementById("mark-all-present");
  if (!button) { return; }
  button.addEventListener("click", function () {
    document.querySelectorAll("select.register-status").forEach(function (select) {
      if (!select.value) { select.value = "present"; }
    });
  });
})();
