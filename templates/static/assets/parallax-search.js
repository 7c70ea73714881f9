/* Parallax: Pagefind's search box in the header (the index is built after mkdocs, by
   builder/site.py). Without JavaScript the box stays hidden; every page is still linked. */
(function () {
  "use strict";
  var box = document.querySelector("[data-px-search]");
  if (!box || typeof PagefindUI === "undefined") return;
  // Pagefind ranks a quoted phrase's pages all alike; for such a search, order them by
  // page kind instead (claim pages first: data-pagefind-sort="rank:..." on each page).
  var phraseOrder = {};
  var bundle = new URL(box.getAttribute("data-px-search"), location.href).pathname;
  box.hidden = false;
  new PagefindUI({
    element: box,
    bundlePath: bundle,
    baseUrl: bundle.replace(/pagefind\/$/, ""),  // the index's urls start at the site's root
    showImages: false,
    showSubResults: true,
    excerptLength: 24,
    resetStyles: false,
    // A headline that quotes a claim must not outrank the claim's own page: page titles
    // count less than Pagefind's default (5), the page weights set in the index do the rest.
    ranking: { metaWeights: { title: 0.6 } },
    sort: phraseOrder,  // read after processTerm, for every search
    processTerm: function (term) {
      term = term.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, "\"");  // typographic marks too
      if (/"[^"]+"/.test(term)) phraseOrder.rank = "desc"; else delete phraseOrder.rank;
      return term;
    },
    translations: { placeholder: "Search" }
  });
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Search this site");
  // Results drop down under the box; they close when focus leaves it or on Escape.
  function idle(on) { box.classList.toggle("px-search--idle", on); }
  box.addEventListener("focusin", function () { idle(false); });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) idle(true);
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { if (input) input.focus(); idle(true); }
  });
  box.addEventListener("input", function () { idle(false); });
})();
