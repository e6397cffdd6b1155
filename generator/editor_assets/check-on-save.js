// After each save in the form editor: the project is checked as `make check` checks it, and what is wrong
// in the record just saved is shown at once, with its line and field, instead of only in the preview.
(function () {
  "use strict";
  var box = null;

  function panel() {
    if (box) return box;
    box = document.createElement("section");
    box.id = "cp-check";
    box.style.cssText =
      "position:fixed;right:16px;bottom:16px;z-index:100000;max-width:min(560px,calc(100vw - 32px));" +
      "max-height:50vh;overflow:auto;padding:12px 16px;border-radius:6px;font:15px/1.6 sans-serif;" +
      "box-shadow:0 2px 12px rgba(0,0,0,.25);background:#fff;color:#1a1a1a;border-left:6px solid #2e7d32";
    document.body.appendChild(box);
    return box;
  }

  function line(text) {
    var item = document.createElement("li");
    item.textContent = text;
    return item;
  }

  function show(result, path) {
    var target = panel();
    var bad = result.problems.length > 0;
    target.setAttribute("role", bad ? "alert" : "status");
    target.style.borderLeftColor = bad ? "#b3261e" : "#2e7d32";
    target.textContent = "";
    var title = document.createElement("p");
    title.style.margin = "0 0 4px";
    title.style.fontWeight = "bold";
    title.textContent = bad
      ? "已保存，但检查发现 " + result.problems.length + " 处问题（" + path + "）："
      : "已保存，检查通过（" + path + "）。";
    target.appendChild(title);
    if (bad) {
      var list = document.createElement("ul");
      list.style.margin = "0";
      list.style.paddingLeft = "20px";
      result.problems.forEach(function (problem) {
        var where = problem.line ? "第 " + problem.line + " 行" : "";
        var field = problem.field ? "「" + problem.field + "」" : "";
        list.appendChild(line((where + field ? where + field + "：" : "") + problem.message));
      });
      target.appendChild(list);
    }
    if (result.others > 0) {
      var others = document.createElement("p");
      others.style.margin = "4px 0 0";
      others.textContent = "其他文件还有 " + result.others + " 处问题：运行 make check 可以看到全部。";
      target.appendChild(others);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "关闭";
    close.style.cssText = "margin-top:8px;padding:2px 12px;font:inherit;cursor:pointer";
    close.addEventListener("click", function () {
      target.remove();
      box = null;
    });
    target.appendChild(close);
  }

  function check(path) {
    fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: path }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (result) {
        if (result.error) {
          show({ problems: [{ line: 0, field: "", message: result.error }], others: 0 }, path);
        } else {
          show(result, path);
        }
      });
  }

  window.CMS.registerEventListener({
    name: "postSave",
    handler: function (event) {
      var path = event.entry.get("path");
      if (path) check(path);
    },
  });
})();
