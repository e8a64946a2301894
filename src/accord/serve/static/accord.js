// Accord dashboard behaviour: draw plotly charts from data-spec attributes, send review decisions,
// and run what-if forecasts. No inline scripts anywhere (the Content-Security-Policy forbids them).
"use strict";

(function () {
  function drawCharts() {
    if (typeof Plotly === "undefined") return;
    document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
      var spec = JSON.parse(el.getAttribute("data-spec"));
      var layout = Object.assign(
        { margin: { t: 48, r: 16, b: 48, l: 56 }, font: { family: "system-ui, sans-serif", size: 12 },
          paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)" },
        spec.layout || {}
      );
      Plotly.newPlot(el, spec.data, layout, { displaylogo: false, responsive: true });
    });
  }

  function postJSON(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          var message = data && data.error ? data.error.message : "request failed (" + response.status + ")";
          throw new Error(message);
        }
        return data;
      });
    });
  }

  function wireReview() {
    document.querySelectorAll(".review-item").forEach(function (item) {
      var status = item.querySelector(".js-status");
      item.querySelectorAll(".js-decide").forEach(function (button) {
        button.addEventListener("click", function () {
          var action = button.getAttribute("data-action");
          var changes = {};
          if (action === "correct") {
            item.querySelectorAll(".js-field").forEach(function (field) {
              changes[field.getAttribute("data-field")] = field.value;
            });
          }
          status.textContent = "saving…";
          postJSON("/api/v1/corrections", {
            item_type: item.getAttribute("data-item-type"),
            item_id: Number(item.getAttribute("data-item-id")),
            action: action,
            changes: changes,
          })
            .then(function (saved) {
              status.textContent = "saved: " + saved.action;
              item.classList.add("decided", "decided-" + saved.action);
            })
            .catch(function (error) {
              status.textContent = error.message;
              item.classList.add("failed");
            });
        });
      });
    });
  }

  window.Accord = { postJSON: postJSON };
  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    wireReview();
  });
})();
