/* The page of `gplint serve`: send the files or the pasted text, show each document's
   findings by section beside its marked text, offer the results for download. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var last = null;          // what was checked last: {files: [File], text: string}
  var docs = [];
  var rulesPromise = null;

  window.gplintRule = function (code) {
    if (!rulesPromise) {
      rulesPromise = fetch("/api/rules").then(function (r) { return r.json(); });
    }
    return rulesPromise.then(function (rules) {
      return rules[code] || {code: code, name: "", doc: "（暂无说明）", severity: "", category: ""};
    });
  };

  function profile() {
    return document.querySelector('input[name="profile"]:checked').value;
  }
  function status(message, isError) {
    $("status").textContent = message;
    $("status").className = isError ? "error" : "";
  }
  function form(what) {
    var fd = new FormData();
    fd.append("profile", profile());
    what.files.forEach(function (f) { fd.append("files", f, f.name); });
    if (what.text) { fd.append("text", what.text); }
    return fd;
  }
  function answer(resp) {
    return resp.text().then(function (body) {
      var data = null;
      try { data = JSON.parse(body); } catch (e) { /* not JSON: a proxy's or server's page */ }
      if (!resp.ok) {
        throw new Error((data && data.error) || ("服务器错误 (HTTP " + resp.status + ")"));
      }
      return data;
    });
  }
  function check(what) {
    if (!what.files.length && !what.text.trim()) { status("请选择文件或粘贴报告全文", true); return; }
    last = what;
    status("正在检查 " + (what.files.length ? what.files.length + " 个文件" : "粘贴的文本") + "……");
    fetch("/api/check", {method: "POST", body: form(what)}).then(answer).then(function (data) {
      docs = data.documents;
      showTabs();
      show(0);
      var n = {error: 0, warning: 0, info: 0};
      docs.forEach(function (d) { n.error += d.counts.error; n.warning += d.counts.warning; n.info += d.counts.info; });
      status("已检查 " + docs.length + " 份：错误 " + n.error + "，警告 " + n.warning + "，提示 " + n.info +
             "（" + (data.profile === "strict" ? "严格" : "默认") + "规则集）");
    }).catch(function (err) { status("检查失败：" + err.message, true); });
  }
  function counts(c) {
    var s = document.createElement("span");
    s.className = "cnt";
    var e = document.createElement("span");
    e.className = "e";
    e.textContent = "错误 " + c.error;
    s.appendChild(e);
    s.appendChild(document.createTextNode(" · 警告 " + c.warning + " · 提示 " + c.info));
    return s;
  }
  function showTabs() {
    var nav = $("docs");
    nav.textContent = "";
    docs.forEach(function (d, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("data-index", i);
      b.appendChild(document.createTextNode(d.path));
      b.appendChild(counts(d.counts));
      b.addEventListener("click", function () { show(i); });
      nav.appendChild(b);
    });
    $("results").hidden = false;
  }
  function show(i) {
    var d = docs[i];
    document.querySelectorAll("#docs button").forEach(function (b) {
      b.classList.toggle("current", Number(b.getAttribute("data-index")) === i);
    });
    var head = $("doc-head");
    head.textContent = "";
    var h = document.createElement("h2");
    h.textContent = d.title || d.path;
    head.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    var bits = ["文件：" + d.path];
    if (d.agency) { bits.push("单位：" + d.agency); }
    if (d.year) { bits.push("年度：" + d.year); }
    bits.push("错误 " + d.counts.error + "，警告 " + d.counts.warning + "，提示 " + d.counts.info);
    meta.textContent = bits.join("　");
    head.appendChild(meta);
    if (d.error) {
      var err = document.createElement("p");
      err.className = "err";
      err.textContent = "未能检查此文件：" + d.error;
      head.appendChild(err);
    }
    // Rendered by gplint.review.render on the server, every text in it escaped there.
    $("findings").innerHTML = d.findings_html;
    $("marked").innerHTML = d.text_html;
  }
  function download(fmt) {
    if (!last) { return; }
    status("正在生成下载文件……");
    fetch("/api/report?format=" + encodeURIComponent(fmt), {method: "POST", body: form(last)})
      .then(function (resp) {
        if (!resp.ok) { return answer(resp); }
        var name = (resp.headers.get("Content-Disposition") || "").replace(/.*filename="([^"]+)".*/, "$1");
        return resp.blob().then(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = name || "gplint-result";
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          status("已下载 " + a.download);
        });
      }).catch(function (err) { status("下载失败：" + err.message, true); });
  }

  $("file").addEventListener("change", function (ev) {
    check({files: Array.prototype.slice.call(ev.target.files), text: ""});
    ev.target.value = "";
  });
  var drop = $("drop");
  drop.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); $("file").click(); }
  });
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault();
    check({files: Array.prototype.slice.call(ev.dataTransfer.files), text: ""});
  });
  // A file dropped beside the drop zone must not make the browser leave the page.
  window.addEventListener("dragover", function (ev) { ev.preventDefault(); });
  window.addEventListener("drop", function (ev) { ev.preventDefault(); });
  $("check-text").addEventListener("click", function () { check({files: [], text: $("text").value}); });
  document.querySelectorAll('input[name="profile"]').forEach(function (r) {
    r.addEventListener("change", function () { if (last) { check(last); } });
  });
  document.querySelectorAll("[data-download]").forEach(function (b) {
    b.addEventListener("click", function () { download(b.getAttribute("data-download")); });
  });
})();
