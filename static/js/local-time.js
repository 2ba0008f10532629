// Shows each <time data-local datetime="…Z"> in the viewer's own time zone, keeping the UTC
// text the server wrote in its title. Runs on load and after every htmx swap; without
// JavaScript the UTC text stays. No inline code, so the CSP needs no exception. The format is
// the server's for the page's language (<html lang>), src/i18n.rs `Locale::datetime`:
// "Dec 2, 2026, 11:13 UTC" in English, "02.12.2026, 11:13 UTC" in Polish, with the viewer's
// zone in place of UTC. It is built from parts, so no browser's locale data can change it.
(function () {
  "use strict";

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var polish = (document.documentElement.lang || "").toLowerCase().split("-")[0] === "pl";

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The short name of the viewer's zone at that moment ("CET", "GMT+1"), else its offset.
  function zone(when) {
    try {
      var parts = new Intl.DateTimeFormat(polish ? "pl-PL" : "en-US", {
        timeZoneName: "short"
      }).formatToParts(when);
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].type === "timeZoneName") {
          return parts[i].value;
        }
      }
    } catch (e) {
      // Fall through to the offset.
    }
    var offset = -when.getTimezoneOffset();
    var sign = offset < 0 ? "-" : "+";
    offset = Math.abs(offset);
    return "UTC" + sign + two(Math.floor(offset / 60)) + ":" + two(offset % 60);
  }

  function format(when) {
    var day = polish
      ? two(when.getDate()) + "." + two(when.getMonth() + 1) + "." + when.getFullYear()
      : MONTHS[when.getMonth()] + " " + when.getDate() + ", " + when.getFullYear();
    return day + ", " + two(when.getHours()) + ":" + two(when.getMinutes()) + " " + zone(when);
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
      el.textContent = format(when);
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
