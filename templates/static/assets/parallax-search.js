/* Parallax: the search box in the header, on Pagefind's JavaScript API (the index is built
   after mkdocs, by builder/search.py). The index is a base bundle (pagefind/) and, after an
   incremental build, a delta of the pages changed since (pagefind-delta/): a search merges
   the two and drops the base's results for pages the delta replaced, before loading them.
   Without JavaScript the box stays hidden; every page is still linked. */
(function () {
  "use strict";
  var box = document.querySelector("[data-px-search]");
  if (!box || !window.fetch) return;
  var input = box.querySelector(".px-search__input");
  var clear = box.querySelector(".px-search__clear");
  var message = box.querySelector(".px-search__message");
  var list = box.querySelector(".px-search__results");
  var more = box.querySelector(".px-search__more");
  var bundle = new URL(box.getAttribute("data-px-search"), location.href).pathname;
  var delta = new URL(box.getAttribute("data-px-search-delta"), location.href).pathname;
  var PAGE = 5;  // results shown at first, and added by "Load more results"
  var options = {
    baseUrl: bundle.replace(/pagefind\/$/, ""),  // the index's urls start at the site's root
    excerptLength: 24,
    // A headline that quotes a claim must not outrank the claim's own page: page titles
    // count less than Pagefind's default (5), the page weights set in the index do the rest.
    ranking: { metaWeights: { title: 0.6 } }
  };
  var engine = null;  // loaded on first use: {pagefind, merged, stale}
  var searchId = 0;
  var shown = [];  // the results of the last search, and how many are on screen
  var onScreen = 0;

  // Every indexed site has this file (builder/search.py); a site without an index
  // (`make serve`) has none, and the box stays hidden.
  var indexed = fetch(delta + "parallax-delta.json").then(function (r) {
    if (!r.ok) throw new Error("no search index");
    return r.json();
  });

  function load() {
    if (!engine) {
      engine = Promise.all([import(bundle + "pagefind.js"), indexed]).then(function (loaded) {
        var pagefind = loaded[0], state = loaded[1];
        return pagefind.options(options).then(function () {
          return state.merge ? pagefind.mergeIndex(delta, options) : null;
        }).then(function () {
          return { pagefind: pagefind, merged: !!state.merge, stale: new Set(state.stale || []),
                   ranks: state.ranks || [], fresh: state.fresh || {} };
        });
      });
    }
    return engine;
  }

  // The results to show: none of a stale base page, each page once (a page whose indexed
  // text did not change is in both bundles under one id).
  function kept(found, results) {
    var seen = new Set();
    return results.filter(function (result) {
      if (found.stale.has(result.id) || seen.has(result.id)) return false;
      seen.add(result.id);
      return true;
    });
  }

  // Pagefind ranks a quoted phrase's pages all alike; for such a search, order them by page
  // kind (claim pages first: data-pagefind-sort="rank:..." on each page). Sorted, Pagefind
  // scores a result by its page's place in its own bundle's rank order, so merged results
  // are re-sorted by rank: a delta page's is listed by id, a base page's is read off its
  // place (builder/search.py writes both).
  function byRank(found, term) {
    return found.pagefind.search(term, { sort: { rank: "desc" } }).then(function (response) {
      if (!found.merged) return response.results;
      function rank(result) {
        if (Object.prototype.hasOwnProperty.call(found.fresh, result.id)) return found.fresh[result.id];
        var value = 0;
        found.ranks.forEach(function (start) { if (result.score >= start[0]) value = start[1]; });
        return value;
      }
      return response.results.map(function (result, place) {
        return { result: result, rank: rank(result), place: place };
      }).sort(function (a, b) { return b.rank - a.rank || a.place - b.place; })
        .map(function (entry) { return entry.result; });
    });
  }

  function run() {
    var id = ++searchId;
    var term = input.value.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, "\"");  // typographic marks too
    clear.hidden = input.value === "";
    if (!term.trim()) { show(null, []); return; }
    var phrase = /"[^"]+"/.test(term);
    load().then(function (found) {
      var search = phrase ? byRank(found, term) : found.pagefind.debouncedSearch(term, {}, 200).then(function (r) { return r && r.results; });
      return search.then(function (results) {
        if (results && id === searchId) show(input.value, kept(found, results));
      });
    }).catch(function (error) {
      if (id === searchId) message.textContent = "Search is not available.";
      if (window.console) console.warn(error);
    });
  }

  function show(term, results) {
    list.textContent = "";
    shown = results;
    onScreen = 0;
    if (term === null) {
      message.textContent = "";
      more.hidden = true;
      box.classList.remove("px-search--open");
      return;
    }
    message.textContent = results.length
      ? results.length + (results.length === 1 ? " result for " : " results for ") + term
      : "No results for " + term;
    box.classList.add("px-search--open");
    showMore();
  }

  function showMore() {
    var batch = shown.slice(onScreen, onScreen + PAGE);
    var results = shown;
    onScreen += batch.length;
    more.hidden = onScreen >= shown.length;
    batch.forEach(function (result) {
      var item = element("li", "px-search__result px-search__result--loading");
      list.appendChild(item);
      result.data().then(function (data) {
        if (results === shown) fill(item, data);
      });
    });
  }

  // Everything printed is text (page titles and excerpts may hold markup); only the
  // <mark> that Pagefind puts around the words found is made an element.
  function fill(item, data) {
    item.classList.remove("px-search__result--loading");
    var title = element("p", "px-search__title");
    title.appendChild(link(data.url, (data.meta && data.meta.title) || data.url));
    item.appendChild(title);
    item.appendChild(excerpt(data.excerpt));
    var subs = (data.sub_results || []).filter(function (sub) { return sub.url !== data.url; }).slice(0, 3);
    if (subs.length) {
      var nested = element("ul", "px-search__subs");
      subs.forEach(function (sub) {
        var entry = element("li", "px-search__sub");
        entry.appendChild(link(sub.url, sub.title || data.meta.title || sub.url));
        entry.appendChild(excerpt(sub.excerpt));
        nested.appendChild(entry);
      });
      item.appendChild(nested);
    }
  }

  function link(url, text) {
    var anchor = element("a", "px-search__link");
    anchor.href = url;
    anchor.textContent = text;
    return anchor;
  }

  function excerpt(text) {
    var paragraph = element("p", "px-search__excerpt");
    var marked = false;
    String(text || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      if (!part) return;
      if (marked) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(part));
      }
    });
    return paragraph;
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    return node;
  }

  // Results drop down under the box; they close when focus leaves it or on Escape.
  function idle(on) { box.classList.toggle("px-search--idle", on); }
  indexed.then(function () { box.hidden = false; }, function () {});
  input.addEventListener("focus", function () { load(); });
  input.addEventListener("input", function () { idle(false); run(); });
  clear.addEventListener("click", function () {
    input.value = "";
    run();
    input.focus();
  });
  more.addEventListener("click", showMore);
  box.addEventListener("focusin", function () { idle(false); });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) idle(true);
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.focus(); idle(true); }
  });
})();
