// What-if: edit positions, saliences and capabilities, remove or add actors, and re-run every model
// on the edited scenario (POST /api/v1/forecasts). Results are written with textContent only.
"use strict";

(function () {
  var root, original, added = [], timer = null, seq = 0;

  function number(input, fallback) {
    var value = parseFloat(input.value);
    return isFinite(value) ? value : fallback;
  }

  function edited() {
    var scenario = JSON.parse(JSON.stringify(original));
    var removed = {};
    root.querySelectorAll(".js-remove").forEach(function (box) {
      if (box.checked) removed[box.getAttribute("data-actor")] = true;
      box.closest("tr").classList.toggle("removed", box.checked);
    });
    scenario.actors.forEach(function (actor) {
      var input = root.querySelector('.js-capability[data-actor="' + CSS.escape(actor.id) + '"]');
      if (input) actor.capability = Math.max(0, number(input, actor.capability));
    });
    scenario.stances.forEach(function (stance) {
      ["position", "salience"].forEach(function (field) {
        var selector = '.js-stance[data-actor="' + CSS.escape(stance.actor) + '"][data-issue="' +
          CSS.escape(stance.issue) + '"][data-field="' + field + '"]';
        var input = root.querySelector(selector);
        if (input) stance[field] = number(input, stance[field]);
      });
      stance.position = Math.min(100, Math.max(0, stance.position));
      stance.salience = Math.min(1, Math.max(0, stance.salience));
    });
    added.forEach(function (extra) {
      scenario.actors.push({ id: extra.id, name: extra.name, capability: extra.capability });
      scenario.stances.push({ actor: extra.id, issue: extra.issue, position: extra.position, salience: extra.salience });
    });
    scenario.actors = scenario.actors.filter(function (a) { return !removed[a.id]; });
    scenario.stances = scenario.stances.filter(function (s) { return !removed[s.actor]; });
    return scenario;
  }

  function show(result) {
    root.querySelectorAll("#forecast-table td[data-model]").forEach(function (cell) {
      var issue = cell.closest("tr").getAttribute("data-issue");
      var model = cell.getAttribute("data-model");
      var found = (result.forecasts[model] || {})[issue];
      var base = parseFloat(cell.getAttribute("data-baseline"));
      if (!found) { cell.textContent = "–"; return; }
      var text = found.value.toFixed(1);
      if (isFinite(base)) {
        var delta = found.value - base;
        if (Math.abs(delta) >= 0.05) text += " (" + (delta > 0 ? "+" : "") + delta.toFixed(1) + ")";
      }
      cell.textContent = text;
      cell.classList.toggle("changed", isFinite(base) && Math.abs(found.value - base) >= 0.05);
    });
  }

  function recompute() {
    var status = document.getElementById("whatif-status");
    var mine = ++seq;
    var started = performance.now();
    status.textContent = "computing…";
    window.Accord.postJSON("/api/v1/forecasts", edited())
      .then(function (result) {
        if (mine !== seq) return;
        show(result);
        status.textContent = "recomputed in " + Math.round(performance.now() - started) + " ms";
        root.setAttribute("data-computed", String(mine));
      })
      .catch(function (error) { if (mine === seq) status.textContent = error.message; });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(recompute, 250);
  }

  function addActor() {
    var name = document.getElementById("new-actor-name").value.trim();
    if (!name) return;
    var extra = {
      id: "whatif-" + (added.length + 1),
      name: name,
      capability: Math.max(0, parseFloat(document.getElementById("new-actor-capability").value) || 0),
      issue: document.getElementById("new-actor-issue").value,
      position: Math.min(100, Math.max(0, parseFloat(document.getElementById("new-actor-position").value) || 0)),
      salience: Math.min(1, Math.max(0, parseFloat(document.getElementById("new-actor-salience").value) || 0)),
    };
    added.push(extra);
    var item = document.createElement("li");
    item.textContent = extra.name + " on " + extra.issue + ": position " + extra.position +
      ", salience " + extra.salience + ", capability " + extra.capability;
    document.getElementById("added-actors").appendChild(item);
    recompute();
  }

  document.addEventListener("DOMContentLoaded", function () {
    root = document.getElementById("whatif");
    if (!root) return;
    original = JSON.parse(root.getAttribute("data-scenario"));
    root.querySelectorAll("input.js-stance, input.js-capability").forEach(function (input) {
      input.addEventListener("input", soon);
    });
    root.querySelectorAll(".js-remove").forEach(function (box) { box.addEventListener("change", recompute); });
    document.getElementById("add-actor-button").addEventListener("click", addActor);
    document.getElementById("recompute").addEventListener("click", recompute);
    document.getElementById("reset").addEventListener("click", function () { window.location.reload(); });
  });
})();
