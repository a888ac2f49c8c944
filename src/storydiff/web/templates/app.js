// The progress page asks the API for the story's state and shows the dossier when ready.
(function () {
  "use strict";
  var box = document.querySelector("[data-poll]");
  if (!box || box.dataset.status === "done" || box.dataset.status === "failed") return;
  var bar = document.getElementById("bar");
  var stage = document.getElementById("stage");
  var count = document.getElementById("count");
  function tick() {
    fetch(box.dataset.poll, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.status === "done" || s.status === "failed") { location.reload(); return; }
        bar.max = s.total || 1;
        bar.value = s.done;
        stage.textContent = s.status + (s.stage ? " · " + s.stage : "");
        count.textContent = s.done + " / " + s.total;
        setTimeout(tick, 500);
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 300);
})();
