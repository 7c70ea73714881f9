/* Parallax: filter the story matrix by kind, status and speaker; mark tables that scroll.
   Progressive: without JavaScript the form stays hidden and the tables are complete.
   The filters live in the url query (?kind=quote&status=differ), so a reload or a shared
   link shows the same rows. */
(function () {
  "use strict";
  var NAMES = ["kind", "status", "speaker"];

  function setup(form) {
    var page = form.parentNode;
    var rows = Array.prototype.slice.call(page.querySelectorAll("table.px-matrix tbody tr"));
    if (!rows.length) return;
    var count = form.querySelector(".px-count");
    var empty = page.querySelector("[data-px-empty]");
    var single = page.querySelector("details[data-px-single]");
    var query = new URLSearchParams(window.location.search);
    NAMES.forEach(function (name) {
      var select = form.elements[name];
      var want = query.get(name);
      if (want && Array.prototype.some.call(select.options, function (o) { return o.value === want; })) {
        select.value = want;
      }
    });
    function apply(remember) {
      var shown = 0, shownSingle = 0, active = false;
      var params = new URLSearchParams(window.location.search);
      NAMES.forEach(function (name) {
        var want = form.elements[name].value;
        if (want) { params.set(name, want); active = true; } else { params.delete(name); }
      });
      rows.forEach(function (row) {
        var ok = NAMES.every(function (name) {
          var want = form.elements[name].value;
          return !want || row.getAttribute("data-" + name) === want;
        });
        row.hidden = !ok;
        if (ok) {
          shown += 1;
          if (single && single.contains(row)) shownSingle += 1;
        }
      });
      // a table none of whose rows match is hidden with its header
      Array.prototype.forEach.call(page.querySelectorAll(".px-matrix-scroll"), function (box) {
        box.hidden = !box.querySelector("tbody tr:not([hidden])");
      });
      if (count) count.textContent = shown + " of " + rows.length + " claims";
      if (empty) empty.hidden = shown > 0;
      // a filter that matches claims only one outlet carries opens their section
      if (single && active && shownSingle > 0 && shownSingle === shown) single.open = true;
      if (remember) {
        var search = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var clear = page.querySelector("[data-px-clear]");
    if (clear) {
      clear.addEventListener("click", function (event) {
        event.preventDefault();
        NAMES.forEach(function (name) { form.elements[name].value = ""; });
        apply(true);
      });
    }
    form.hidden = false;
    apply(false);
  }

  /* A table wider than its box gets a visible cue (a shadow at the hidden edge and a line
     of text) and stays scrollable sideways. */
  function overflow(box) {
    function check() {
      var more = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("px-overflows", more);
      box.classList.toggle("px-at-end", box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
    }
    box.addEventListener("scroll", check, { passive: true });
    window.addEventListener("resize", check);
    check();
  }

  /* The navigation drawer of narrow screens lists the tabs' links (templates/overrides/
     partials/nav.html): written here from the tabs, not carried twice by every page. */
  function drawer(list) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-tabs__item"), function (tab) {
      var active = tab.classList.contains("md-tabs__item--active");
      var item = document.createElement("li");
      var link = tab.querySelector("a").cloneNode(true);
      item.className = "md-nav__item" + (active ? " md-nav__item--active" : "");
      link.className = "md-nav__link" + (active ? " md-nav__link--active" : "");
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("ul[data-px-nav]"), drawer);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-px-filter]"), setup);
  Array.prototype.forEach.call(document.querySelectorAll(".px-scroll"), overflow);
})();
