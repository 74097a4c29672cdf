// Sorting of the slice table and filtering of the flip gallery. No data is read from anywhere
// but the page's own escaped attributes; nothing is fetched.
(function () {
  "use strict";
  var table = document.getElementById("slice-table");
  if (table) {
    var headers = table.querySelectorAll("th[data-sort]");
    headers.forEach(function (header, column) {
      header.addEventListener("click", function () {
        var ascending = !header.classList.contains("sorted-asc");
        headers.forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
        header.classList.add(ascending ? "sorted-asc" : "sorted-desc");
        var index = Array.prototype.indexOf.call(header.parentNode.children, header);
        var numeric = header.getAttribute("data-sort") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].getAttribute("data-value");
          var y = b.cells[index].getAttribute("data-value");
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  var sliceFilter = document.getElementById("slice-filter");
  var kindFilter = document.getElementById("kind-filter");
  var counter = document.getElementById("shown-cards");
  function filter() {
    var slice = sliceFilter.value;
    var kind = kindFilter.value;
    var shown = 0;
    document.querySelectorAll("#gallery .card").forEach(function (card) {
      var slices = (card.getAttribute("data-slices") || "").split("\u001f");
      var visible = (kind === "" || card.getAttribute("data-kind") === kind)
          && (slice === "" || slices.indexOf(slice) >= 0);
      card.hidden = !visible;
      if (visible) { shown++; }
    });
    counter.textContent = String(shown);
  }
  if (sliceFilter && kindFilter) {
    sliceFilter.addEventListener("change", filter);
    kindFilter.addEventListener("change", filter);
    filter();
  }
})();
