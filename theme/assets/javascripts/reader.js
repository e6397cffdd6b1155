/* Larger text and high contrast for older readers (适老化): two buttons, remembered across pages. */
(function () {
  "use strict";
  var root = document.documentElement;
  var settings = { large: "cp-large", contrast: "cp-contrast" };

  function remember(name, on) {
    try { localStorage.setItem("cp-" + name, on ? "1" : "0"); } catch (e) { /* private mode: not remembered */ }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cp-toggle]");
    if (!button) return;
    var name = button.getAttribute("data-cp-toggle");
    var on = root.classList.toggle(settings[name]);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    remember(name, on);
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-cp-toggle]"), function (button) {
      var on = root.classList.contains(settings[button.getAttribute("data-cp-toggle")]);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  });
})();
