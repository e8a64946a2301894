// Accord report: one view at a time, charts drawn when their view first shows, matrix evidence on click.
// Article text only ever reaches the page through the escaped HTML and <template> elements the report
// was rendered with; this script moves nodes around and never builds HTML from strings.
(function () {
  "use strict";
  document.body.classList.add("js");
  var views = Array.prototype.slice.call(document.querySelectorAll("section.view"));
  var links = Array.prototype.slice.call(document.querySelectorAll("nav a[data-view]"));
  var drawn = {};

  function drawCharts(section) {
    if (typeof Plotly === "undefined") return;
    section.querySelectorAll("[data-figure]").forEach(function (el) {
      var key = el.getAttribute("data-figure");
      if (drawn[key]) { Plotly.Plots.resize(el); return; }
      var source = document.getElementById("figure-" + key);
      if (!source) return;
      var fig = JSON.parse(source.textContent);
      Plotly.newPlot(el, fig.data, fig.layout, {responsive: true, displaylogo: false});
      drawn[key] = true;
    });
  }

  function show(name) {
    var found = views.some(function (v) { return v.getAttribute("data-view") === name; });
    if (!found) name = "overview";
    views.forEach(function (v) {
      var on = v.getAttribute("data-view") === name;
      v.classList.toggle("active", on);
      if (on) drawCharts(v);
    });
    links.forEach(function (a) { a.classList.toggle("active", a.getAttribute("data-view") === name); });
    document.body.setAttribute("data-current-view", name);
  }

  window.addEventListener("hashchange", function () { show(location.hash.slice(1)); });
  show(location.hash.slice(1) || "overview");

  var panel = document.getElementById("evidence-panel");
  function openCell(cell) {
    var template = document.getElementById(cell.getAttribute("data-evidence"));
    if (!panel || !template) return;
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.appendChild(template.content.cloneNode(true));
    document.querySelectorAll("td.cell.selected").forEach(function (c) { c.classList.remove("selected"); });
    cell.classList.add("selected");
    panel.scrollIntoView({block: "nearest"});
  }
  document.querySelectorAll("td.cell[data-evidence]").forEach(function (cell) {
    cell.addEventListener("click", function () { openCell(cell); });
    cell.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openCell(cell); }
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
