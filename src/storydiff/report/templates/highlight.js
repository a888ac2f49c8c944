// Clicking (or pressing Enter on) any citation highlights its source spans in the articles.
// Spans are "article:start:end" in code points, end exclusive, as in dossier.json.
(function () {
  "use strict";
  var originals = {};
  var active = null;
  var status = document.getElementById("hl-status");

  function boxFor(id) {
    var boxes = document.querySelectorAll(".article[data-article]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].dataset.article === id) return boxes[i];
    }
    return null;
  }

  function parse(value) {
    var out = [];
    (value || "").split(/\s+/).forEach(function (item) {
      var parts = item.split(":");
      if (parts.length < 3) return;
      var end = Number(parts.pop()), start = Number(parts.pop());
      if (isFinite(start) && isFinite(end) && end >= start) {
        out.push({article: parts.join(":"), start: start, end: end});
      }
    });
    return out;
  }

  function restore() {
    Object.keys(originals).forEach(function (id) {
      var box = boxFor(id);
      if (box) box.textContent = originals[id];
    });
    if (active) active.classList.remove("active");
  }

  function paint(box, ranges) {
    var chars = Array.from(originals[box.dataset.article]);
    ranges.sort(function (a, b) { return a.start - b.start; });
    box.textContent = "";
    var at = 0, marks = [];
    ranges.forEach(function (r) {
      var start = Math.max(r.start, at), end = Math.min(r.end, chars.length);
      if (end <= start) return;
      box.append(chars.slice(at, start).join(""));
      var mark = document.createElement("mark");
      mark.className = "hl";
      mark.tabIndex = -1;
      mark.textContent = chars.slice(start, end).join("");
      box.append(mark);
      marks.push(mark);
      at = end;
    });
    box.append(chars.slice(at).join(""));
    return marks;
  }

  function show(button) {
    var spans = parse(button.dataset.spans);
    restore();
    var byArticle = {};
    spans.forEach(function (s) { (byArticle[s.article] = byArticle[s.article] || []).push(s); });
    var first = null, count = 0, elsewhere = 0;
    Object.keys(byArticle).forEach(function (id) {
      var box = boxFor(id);
      if (!box) {
        elsewhere += byArticle[id].length;  // a big story's page holds only some texts
        return;
      }
      if (!(id in originals)) originals[id] = box.textContent;
      var marks = paint(box, byArticle[id]);
      count += marks.length;
      if (!first && marks.length) first = marks[0];
    });
    active = button;
    button.classList.add("active");
    var away = elsewhere ? "; " + elsewhere + " in articles whose text is only in dossier.json" : "";
    if (status) status.textContent = count + " source span(s) highlighted" + away + "; press Escape to go back";
    if (first) {
      first.scrollIntoView({block: "center"});
      first.focus({preventScroll: true});
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.cite");
    if (button) show(button);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && active) active.focus();
  });
})();
