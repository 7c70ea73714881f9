/* Parallax: filter the story matrix by kind, status and speaker.
   Progressive: without JavaScript the form stays hidden and the table is complete. */
(function () {
  "use strict";
  function setup(form) {
    var table = form.parentNode.querySelector("table.px-matrix");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = form.querySelector(".px-count");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = ["kind", "status", "speaker"].every(function (name) {
          var want = form.elements[name].value;
          return !want || row.getAttribute("data-" + name) === want;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " of " + rows.length + " claims";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-px-filter]"), setup);
})();
