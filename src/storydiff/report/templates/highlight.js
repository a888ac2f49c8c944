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

  // Hovering (or focusing) a citation shows the words it cites, read from the article texts
  // on the page, so a reader checks a claim without leaving their place.
  var tip = document.createElement("div");
  tip.id = "cite-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.append(tip);
  var MOST_SHOWN = 3;

  function words(span) {
    var box = boxFor(span.article);
    if (!box) return span.article + ": the text is only in dossier.json";
    var text = span.article in originals ? originals[span.article] : box.textContent;
    return span.article + ": \u201c" + Array.from(text).slice(span.start, span.end).join("") + "\u201d";
  }

  function showTip(button) {
    var spans = parse(button.dataset.spans);
    if (!spans.length) return;
    var lines = spans.slice(0, MOST_SHOWN).map(words);
    if (spans.length > MOST_SHOWN) lines.push("and " + (spans.length - MOST_SHOWN) + " more");
    tip.textContent = lines.join("\n");
    tip.hidden = false;
    var at = button.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(at.left, window.innerWidth - tip.offsetWidth - 4)) + window.scrollX + "px";
    tip.style.top = at.bottom + window.scrollY + 4 + "px";
  }

  function hideTip() { tip.hidden = true; }

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var button = event.target.closest && event.target.closest("button.cite");
      if (button) showTip(button);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest("button.cite")) hideTip();
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.cite");
    if (button) show(button);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideTip();
    if (event.key === "Escape" && active) active.focus();
  });
})();
