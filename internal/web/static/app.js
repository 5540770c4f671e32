// Parallax: the only script of the site, and an optional one. The slider
// form works without it (its Apply button submits it); with it, moving a
// slider applies at once.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("input[type=range]").forEach(function (input) {
      input.addEventListener("change", function () {
        // Keep the address short: a slider at the centre adds nothing to it.
        form.querySelectorAll("input[type=range]").forEach(function (r) {
          r.disabled = r.value === "0";
        });
        form.submit();
      });
    });
  });
});
