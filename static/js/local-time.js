// Shows each <time data-local datetime="…Z"> in the viewer's own time zone, keeping the UTC
// text the server wrote in its title. Runs on load and after every htmx swap; without
// JavaScript the UTC text stays. No inline code, so the CSP needs no exception. The format
// follows the page's language (<html lang>).
(function () {
  "use strict";

  var format;
  try {
    format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short"
    });
  } catch (e) {
    return;
  }

  function localize(root) {
    var times = root.querySelectorAll("time[data-local]");
    for (var i = 0; i < times.length; i++) {
      var el = times[i];
      if (el.hasAttribute("data-localized")) {
        continue;
      }
      var when = new Date(el.getAttribute("datetime") || "");
      if (isNaN(when.getTime())) {
        continue;
      }
      el.setAttribute("title", el.textContent.trim());
      el.textContent = format.format(when);
      el.setAttribute("data-localized", "");
    }
  }

  function start() {
    localize(document);
    // The swapped element may be gone (outerHTML swaps): look at the whole page, whose
    // already rewritten times are skipped.
    document.body.addEventListener("htmx:afterSettle", function () {
      localize(document);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
