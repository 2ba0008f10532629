// Feedback on every action, for pages enhanced by htmx: a global "working" bar while a request
// is in flight (shown after a short delay, so quick answers do not flicker), submit buttons
// disabled until the answer arrives (no double submissions), focus moved to what a fragment swap
// changed, the language switched as soon as it is chosen, and toasts that can be dismissed.
// No inline code, so the CSP needs no exception; without JavaScript the pages work as forms.
(function () {
  "use strict";

  var DELAY_MS = 150;
  var inFlight = 0;
  var timer = null;

  function bar() {
    return document.getElementById("busy");
  }

  function showBusy() {
    inFlight += 1;
    if (timer === null) {
      timer = window.setTimeout(function () {
        var b = bar();
        if (b && inFlight > 0) {
          b.hidden = false;
          document.body.setAttribute("aria-busy", "true");
        }
      }, DELAY_MS);
    }
  }

  function hideBusy() {
    inFlight = Math.max(0, inFlight - 1);
    if (inFlight === 0) {
      window.clearTimeout(timer);
      timer = null;
      var b = bar();
      if (b) {
        b.hidden = true;
      }
      document.body.removeAttribute("aria-busy");
    }
  }

  // The form a request came from, if any.
  function formOf(elt) {
    if (!elt) {
      return null;
    }
    return elt.tagName === "FORM" ? elt : elt.closest && elt.closest("form");
  }

  function setButtons(form, disabled) {
    if (!form) {
      return;
    }
    var buttons = form.querySelectorAll("button[type=submit], button:not([type])");
    for (var i = 0; i < buttons.length; i++) {
      if (disabled) {
        if (!buttons[i].disabled) {
          buttons[i].disabled = true;
          buttons[i].setAttribute("data-busy", "");
        }
      } else if (buttons[i].hasAttribute("data-busy")) {
        buttons[i].disabled = false;
        buttons[i].removeAttribute("data-busy");
      }
    }
  }

  document.addEventListener("htmx:beforeRequest", function (e) {
    showBusy();
    if ((e.detail.requestConfig || {}).verb !== "get") {
      setButtons(formOf(e.detail.elt), true);
    }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    hideBusy();
    setButtons(formOf(e.detail.elt), false);
  });

  // After a fragment swap (not a whole page), focus goes to the element that changed, so that a
  // keyboard or screen reader user continues from there.
  document.addEventListener("htmx:afterSettle", function (e) {
    var d = e.detail || {};
    if (!d.target || d.target === document.body) {
      return;
    }
    var target = d.target;
    if (!document.contains(target) && target.id) {
      target = document.getElementById(target.id);
    }
    if (!target || target.tagName === "INPUT") {
      return;
    }
    // A live search keeps the focus in its field.
    var active = document.activeElement;
    if (active && active.tagName === "INPUT" && active.type !== "submit") {
      return;
    }
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: false });
  });

  // Forms sent without htmx (sign-out, the language, JavaScript-only confirmations): one
  // submission at a time. The buttons come back when the page is shown again from the cache.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || form.hasAttribute("hx-post") || form.closest("[hx-boost=true]") && form.getAttribute("hx-boost") !== "false") {
      return;
    }
    window.setTimeout(function () {
      setButtons(form, true);
    }, 0);
  });
  window.addEventListener("pageshow", function () {
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i++) {
      setButtons(forms[i], false);
    }
  });

  // The language: chosen is switched (the button stays for pages without JavaScript).
  function enhance(root) {
    var selects = root.querySelectorAll("select[data-submit-on-change]");
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      if (s.hasAttribute("data-enhanced")) {
        continue;
      }
      s.setAttribute("data-enhanced", "");
      s.addEventListener("change", function (ev) {
        var form = ev.target.form;
        if (form && typeof form.requestSubmit === "function") {
          form.requestSubmit();
        } else if (form) {
          form.submit();
        }
      });
    }
    var closers = root.querySelectorAll(".toast");
    for (var j = 0; j < closers.length; j++) {
      var t = closers[j];
      if (t.querySelector(".toast-close")) {
        continue;
      }
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "toast-close";
      var region = document.getElementById("flash");
      btn.setAttribute("aria-label", (region && region.getAttribute("data-close-label")) || "Close");
      btn.textContent = "\u00d7";
      btn.addEventListener("click", function (ev) {
        var toast = ev.target.closest(".toast");
        if (toast) {
          toast.remove();
        }
      });
      t.appendChild(btn);
    }
  }

  function start() {
    document.documentElement.classList.add("js");
    enhance(document);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  document.addEventListener("htmx:load", function (e) {
    enhance(e.detail.elt || document);
  });
})();
