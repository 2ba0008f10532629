// Copy buttons: <button data-copy="ID"> copies the value of the readonly field (or the text of
// the element) with that id and
// says so in the page's [data-copy-status] live region. The buttons are hidden in the HTML and
// shown here, so without JavaScript (or without the clipboard API) the page offers only the
// selectable text. No inline code, so the CSP needs no exception. Runs on load and after every
// htmx swap.
(function () {
  "use strict";

  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }

  function announce(text) {
    var status = document.querySelector("[data-copy-status]");
    if (!status) {
      return;
    }
    // Emptied first, so that a second copy of the same text is announced again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.querySelector("[data-copy-status]");
    if (!field) {
      return;
    }
    // A readonly field's value, or an element's text (a one-time password, a new API key).
    var text = "value" in field ? field.value : field.textContent;
    navigator.clipboard.writeText(text).then(
      function () {
        announce(status ? status.getAttribute("data-copied") : "");
      },
      function () {
        // Refused (no permission): the text is selected, for the keyboard's copy.
        if (typeof field.select === "function") {
          field.focus();
          field.select();
        } else {
          var range = document.createRange();
          range.selectNodeContents(field);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
        }
        announce(status ? status.getAttribute("data-copy-failed") : "");
      }
    );
  }

  function enable(root) {
    var buttons = root.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  }

  function start() {
    enable(document);
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
      if (button) {
        copy(button);
      }
    });
    document.body.addEventListener("htmx:afterSettle", function () {
      enable(document);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
