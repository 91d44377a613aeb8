// sitegen serve: reload this page when it changes, swap stylesheets in place, show build errors.
// Served only by `sitegen serve` (never part of a built site); a same-origin file, so the site's
// Content-Security-Policy (default-src 'self') allows it.
(function () {
  "use strict";
  var script = document.currentScript;
  var stamp = script ? new URL(script.src).searchParams : new URLSearchParams();
  var query = new URLSearchParams({
    path: location.pathname,
    g: stamp.get("g") || "0",
    s: stamp.get("s") || "",
  });
  var source = new EventSource("/__sitegen__/events?" + query.toString());
  source.addEventListener("open", function () {
    document.documentElement.setAttribute("data-sitegen-live", "open"); // tests wait for this
  });

  source.addEventListener("reload", function () {
    location.reload();
  });

  source.addEventListener("css", function (message) {
    var swaps = JSON.parse(message.data);
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var path = new URL(link.href, location.href).pathname.replace(/^\//, "");
      if (!Object.prototype.hasOwnProperty.call(swaps, path)) return;
      var fresh = link.cloneNode();
      fresh.href = "/" + swaps[path];
      fresh.addEventListener("load", function () {
        link.remove(); // after the new sheet applied: no flash of an unstyled page
        document.documentElement.setAttribute("data-sitegen-css", swaps[path]);
      });
      link.after(fresh);
    });
  });

  source.addEventListener("problems", function (message) {
    show(JSON.parse(message.data));
  });
  source.addEventListener("ok", hide);

  function hide() {
    var old = document.getElementById("sitegen-overlay");
    if (old) old.remove();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text; // never HTML: messages quote the user's files
    return node;
  }

  function show(problems) {
    hide();
    var overlay = el("div", "sitegen-overlay");
    overlay.id = "sitegen-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "sitegen-overlay-title");
    var box = el("div", "sitegen-box");
    var title = el("h2", "sitegen-title", "构建出错 · Build error");
    title.id = "sitegen-overlay-title";
    box.appendChild(title);
    box.appendChild(el("p", "sitegen-note", "页面仍是上次成功的构建。修正并保存后，此提示自动消失。 " +
      "The page shows the last good build, if any; fix the file and save, and this closes by itself."));
    var list = el("ol", "sitegen-problems");
    problems.forEach(function (p) {
      var item = el("li", "sitegen-problem");
      var where = p.file + (p.line ? ":" + p.line : "");
      item.appendChild(el("code", "sitegen-where", where));
      item.appendChild(el("span", "sitegen-message", p.message));
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = el("button", "sitegen-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "关闭 Close");
    close.addEventListener("click", hide);
    box.appendChild(close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
  }
})();
