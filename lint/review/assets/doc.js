/* Going from a finding to its place and to its rule (gplint.review.render's fragments).
   window.gplintRule(code) must return a rule's explanation, or a promise of it. */
(function () {
  "use strict";
  function box(el) { return el.closest("[data-doc]") || document; }
  function ids(el, attr) { return (el.getAttribute(attr) || "").split(" ").filter(Boolean); }
  function select(root, id) {
    root.querySelectorAll(".on").forEach(function (e) { e.classList.remove("on"); });
    root.classList.add("sel-rel");
    root.querySelectorAll("[data-f]").forEach(function (e) {
      if (ids(e, "data-f").indexOf(id) >= 0) { e.classList.add("on"); }
    });
    root.querySelectorAll("mark.r").forEach(function (e) {
      if (ids(e, "data-r").indexOf(id) >= 0) { e.classList.add("on"); }
    });
  }
  function goToLine(root, line) {
    var el = root.querySelector('.ln[data-line="' + line + '"]');
    if (!el) { return; }
    el.scrollIntoView({block: "center"});
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  function text(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }
  function showRule(info) {
    var dlg = document.getElementById("rule-dialog");
    var body = dlg.querySelector(".body");
    body.textContent = "";
    var h = text("h3", "", info.code + (info.name ? "  " + info.name : ""));
    body.appendChild(h);
    var meta = text("p", "meta");
    meta.appendChild(text("span", "sev " + info.severity, info.severity_name || info.severity));
    meta.appendChild(document.createTextNode("  类别：" + (info.category_name || info.category) +
      (info.profiles && info.profiles.length ? "  规则集：" + info.profiles.map(function (p) {
        return {"default": "默认", "strict": "严格"}[p] || p;
      }).join("、") : "")));
    body.appendChild(meta);
    if (info.explanation) { body.appendChild(text("p", "explanation", info.explanation)); }
    if (info.doc) {
      body.appendChild(text("h4", "", "详细说明（检查什么、依据、错误和正确的写法）"));
      body.appendChild(text("pre", "", info.doc));
    }
    if (typeof dlg.showModal === "function") { dlg.showModal(); } else { dlg.setAttribute("open", ""); }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var code = t.closest && t.closest("button.code");
    if (code) {
      ev.preventDefault();
      ev.stopPropagation();
      Promise.resolve(window.gplintRule(code.getAttribute("data-rule"))).then(showRule);
      return;
    }
    if (t.closest && t.closest("#rule-dialog .close")) {
      document.getElementById("rule-dialog").close();
      return;
    }
    var item = t.closest && t.closest("li.f");
    if (item) {
      ev.preventDefault();
      var root = box(item);
      select(root, item.getAttribute("data-f"));
      goToLine(root, item.getAttribute("data-line"));
      return;
    }
    var mark = t.closest && t.closest("mark.m");
    if (mark) {
      var r = box(mark), first = ids(mark, "data-f")[0];
      select(r, first);
      var li = r.querySelector('li.f[data-f="' + first + '"]');
      if (li) { li.scrollIntoView({block: "nearest"}); }
    }
  });
})();
