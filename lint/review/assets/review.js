/* The review report's table sorting, its links to each report, and its rule dialog. */
(function () {
  "use strict";
  var rules = JSON.parse(document.getElementById("gplint-rules").textContent);
  window.gplintRule = function (code) {
    return rules[code] || {code: code, name: "", doc: "（暂无说明）", severity: "", category: ""};
  };
  function cellValue(row, i, numeric) {
    var t = row.children[i].textContent.trim();
    return numeric ? (parseFloat(t) || 0) : t;
  }
  document.querySelectorAll("table.sortable th").forEach(function (th, i) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), body = table.tBodies[0];
      var numeric = th.getAttribute("data-sort") === "num";
      var asc = !th.classList.contains("asc");
      table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(asc ? "asc" : "desc");
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
        var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
