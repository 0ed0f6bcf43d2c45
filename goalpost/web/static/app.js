/* goalpost pages: charts, evidence highlighting, filter form. No inline scripts (CSP). */
"use strict";

(function () {
  var PALETTE = ["#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#be185d"];

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function yearTick(value) {
    return Number.isInteger(value) ? String(value) : "";
  }

  function fmt(v) {
    if (v === null || v === undefined) return "–";
    var a = Math.abs(v);
    if (a >= 1e9) return (v / 1e9).toPrecision(4).replace(/\.?0+$/, "") + " bn";
    if (a >= 1e7) return (v / 1e6).toPrecision(4).replace(/\.?0+$/, "") + " mn";
    return v.toLocaleString();
  }

  function baseOptions(labels) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: "nearest", intersect: false },
      scales: {
        x: { type: "linear", title: { display: true, text: labels.year || "year" }, ticks: { stepSize: 1, callback: yearTick } },
        y: { title: { display: false }, ticks: { callback: fmt } }
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: function (ctx) {
              var p = ctx.raw || {};
              var s = (ctx.dataset.label || "") + ": " + fmt(p.y);
              if (p.period) s += " (" + p.period + ")";
              if (p.source) s += " — " + p.source;
              return s;
            }
          }
        }
      }
    };
  }

  function fitAxes(opts, datasets) {
    // why: with one or two points Chart.js would stretch the year axis over a century
    var xs = [], ys = [];
    datasets.forEach(function (d) { d.data.forEach(function (p) { if (p) { xs.push(p.x); ys.push(p.y); } }); });
    if (!xs.length) return opts;
    opts.scales.x.min = Math.floor(Math.min.apply(null, xs)) - 1;
    opts.scales.x.max = Math.ceil(Math.max.apply(null, xs)) + 1;
    if (Math.min.apply(null, ys) >= 0) opts.scales.y.beginAtZero = true;
    return opts;
  }

  function targetChart(canvas, data, labels) {
    var ds = [];
    ds.push({ label: labels.observations, data: data.observations, showLine: true, borderColor: PALETTE[0],
              backgroundColor: PALETTE[0], pointRadius: 4, tension: 0 });
    if (data.baseline) {
      ds.push({ label: labels.baseline, data: [data.baseline], showLine: false, pointStyle: "rectRot",
                pointRadius: 7, borderColor: "#555", backgroundColor: "#999" });
    }
    if (data.trajectory && data.trajectory.length === 2) {
      ds.push({ label: labels.trajectory, data: data.trajectory, showLine: true, borderDash: [6, 4],
                borderColor: "#15803d", backgroundColor: "#15803d", pointRadius: 0 });
    }
    if (data.target) {
      ds.push({ label: labels.target, data: [data.target], showLine: false, pointStyle: "star",
                pointRadius: 10, borderWidth: 2, borderColor: "#15803d", backgroundColor: "#15803d" });
    }
    var f = data.forecast;
    if (f && f.from) {
      ds.push({ label: labels.band, data: [f.from, { x: f.x, y: f.high }], showLine: true, pointRadius: 0,
                borderColor: "rgba(194,65,12,0.3)", backgroundColor: "rgba(194,65,12,0.15)" });
      ds.push({ label: labels.band + " ", data: [f.from, { x: f.x, y: f.low }], showLine: true, pointRadius: 0,
                borderColor: "rgba(194,65,12,0.3)", backgroundColor: "rgba(194,65,12,0.15)", fill: "-1" });
      ds.push({ label: labels.forecast, data: [f.from, { x: f.x, y: f.value }], showLine: true, borderDash: [2, 3],
                borderColor: "#c2410c", backgroundColor: "#c2410c", pointRadius: [0, 5] });
    }
    var opts = fitAxes(baseOptions(labels), ds);
    opts.plugins.legend.labels = { filter: function (item) { return !/ $/.test(item.text); } };
    return new window.Chart(canvas, { type: "scatter", data: { datasets: ds }, options: opts });
  }

  function indicatorChart(canvas, data, labels) {
    var ds = [];
    data.regions.forEach(function (r, i) {
      var colour = PALETTE[i % PALETTE.length];
      if (r.observations.length) {
        ds.push({ label: r.name + " · " + labels.observations, data: r.observations, showLine: true,
                  borderColor: colour, backgroundColor: colour, pointRadius: 3 });
      }
      if (r.targets.length) {
        ds.push({ label: r.name + " · " + labels.target, data: r.targets, showLine: false, pointStyle: "star",
                  pointRadius: 9, borderWidth: 2, borderColor: colour, backgroundColor: colour });
      }
    });
    return new window.Chart(canvas, { type: "scatter", data: { datasets: ds }, options: fitAxes(baseOptions(labels), ds) });
  }

  function drawCharts() {
    var data = readJSON("chart-data");
    var labels = readJSON("chart-labels") || {};
    var canvas = document.getElementById("target-chart") || document.getElementById("indicator-chart");
    if (!data || !canvas || !window.Chart) return;
    var chart = canvas.id === "target-chart" ? targetChart(canvas, data, labels) : indicatorChart(canvas, data, labels);
    canvas.dataset.ready = String(chart.data.datasets.length);
  }

  function highlightFromHash() {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    var m = /^#item-([0-9a-zA-Z_-]+)$/.exec(window.location.hash);
    if (!m) return;
    var id = m[1];
    var parts = document.querySelectorAll('[data-sent~="' + id + '"], [data-items~="' + id + '"]');
    parts.forEach(function (el) { el.classList.add("current"); });
    var anchor = document.getElementById("item-" + id);
    if (parts.length) parts[0].scrollIntoView({ block: "center" });
    else if (anchor) anchor.scrollIntoView({ block: "center" });
  }

  function autoSubmitFilters() {
    var form = document.getElementById("filters");
    if (!form) return;
    form.querySelectorAll("select").forEach(function (sel) {
      sel.addEventListener("change", function () {
        // why: empty fields would clutter the shareable URL
        form.querySelectorAll("select, input").forEach(function (el) { if (!el.value) el.disabled = true; });
        form.submit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    if (document.getElementById("doc-text")) {
      highlightFromHash();
      window.addEventListener("hashchange", highlightFromHash);
    }
    autoSubmitFilters();
  });
})();
