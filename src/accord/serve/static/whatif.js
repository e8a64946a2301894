// What-if: edit positions, saliences and capabilities, remove or add actors, and re-run every model
// on the edited scenario (POST /api/v1/forecasts): the points first, then their 80 % intervals.
// Results are written with textContent only.
"use strict";

(function () {
  var root, original, added = [], timer = null, seq = 0;

  // The form shows values rounded; only a field the analyst changed replaces the scenario's exact value,
  // so an unedited scenario is sent exactly as built and reproduces the baseline to the last bit.
  function number(input, fallback) {
    if (input.value === input.defaultValue) return fallback;
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

  function part(cell, name) { return cell.querySelector("." + name); }

  function show(result) {
    root.querySelectorAll("#forecast-table tr[data-issue]").forEach(function (row) {
      var note = row.querySelector(".js-note");
      if (note) note.textContent = (result.notes || {})[row.getAttribute("data-issue")] || "";
    });
    root.querySelectorAll("#forecast-table td[data-model]").forEach(function (cell) {
      var issue = cell.closest("tr").getAttribute("data-issue");
      var model = cell.getAttribute("data-model");
      var found = (result.forecasts[model] || {})[issue];
      var base = parseFloat(cell.getAttribute("data-baseline"));
      var shift = "";
      part(cell, "band").textContent = found ? "…" : "";
      part(cell, "band").classList.add("stale");
      if (!found) {
        part(cell, "value").textContent = "–";
        part(cell, "shift").textContent = "";
        cell.classList.toggle("changed", isFinite(base));
        return;
      }
      part(cell, "value").textContent = found.value.toFixed(1);
      var delta = isFinite(base) ? found.value - base : NaN;
      if (isFinite(delta) && Math.abs(delta) >= 0.05) shift = " (" + (delta > 0 ? "+" : "") + delta.toFixed(1) + ")";
      part(cell, "shift").textContent = shift;
      cell.classList.toggle("changed", !isFinite(base) || found.value !== base);
    });
  }

  function showIntervals(result) {
    root.querySelectorAll("#forecast-table td[data-model]").forEach(function (cell) {
      var issue = cell.closest("tr").getAttribute("data-issue");
      var band = ((result.intervals || {})[cell.getAttribute("data-model")] || {})[issue];
      var text = band ? band.low.toFixed(1) + "–" + band.high.toFixed(1) : "";
      part(cell, "band").textContent = text;
      part(cell, "band").classList.remove("stale");
      part(cell, "band").classList.toggle("changed", text !== cell.getAttribute("data-baseline-band"));
    });
  }

  function recompute() {
    var status = document.getElementById("whatif-status");
    var mine = ++seq;
    var started = performance.now();
    status.textContent = "computing…";
    var scenario = edited();
    var draws = parseInt(root.getAttribute("data-draws"), 10) || 0;
    window.Accord.postJSON("/api/v1/forecasts", scenario)
      .then(function (result) {
        if (mine !== seq) return null;
        show(result);
        status.textContent = "recomputed in " + Math.round(performance.now() - started) + " ms" +
          (draws ? "; intervals…" : "");
        root.setAttribute("data-computed", String(mine));
        if (!draws) return null;
        return window.Accord.postJSON("/api/v1/forecasts?draws=" + draws, scenario).then(function (full) {
          if (mine !== seq) return;
          showIntervals(full);
          status.textContent = "recomputed in " + Math.round(performance.now() - started) + " ms, intervals included";
          root.setAttribute("data-intervals", String(mine));
        });
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
    var issueSelect = document.getElementById("new-actor-issue");
    var issueLabel = issueSelect.options[issueSelect.selectedIndex].textContent;
    item.textContent = extra.name + " on " + issueLabel + ": position " + extra.position +
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
