// Clicking a citation highlights its source span (article id + code-point offsets).
document.addEventListener("click", function (event) {
  var cite = event.target.closest(".cite");
  if (!cite) return;
  var box = document.querySelector('.article[data-article="' + cite.dataset.article + '"]');
  if (!box) return;
  var text = box.textContent;
  var chars = Array.from(text);
  var start = Number(cite.dataset.start), end = Number(cite.dataset.end);
  box.textContent = "";
  box.append(chars.slice(0, start).join(""));
  var mark = document.createElement("mark");
  mark.className = "hl";
  mark.textContent = chars.slice(start, end).join("");
  box.append(mark, chars.slice(end).join(""));
  mark.scrollIntoView({block: "center"});
});
