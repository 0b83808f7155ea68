// Renders every chart on the page from its embedded Vega-Lite spec (no network access),
// with legible text and the chart menu in the page's language. Vega's expressions go through
// vega-interpreter (ast mode), so no eval: the pages' Content-Security-Policy allows no
// 'unsafe-eval'.
(function () {
  var MENU = {
    ru: { SVG_ACTION: "Сохранить как SVG", PNG_ACTION: "Сохранить как PNG", CLICK_TO_VIEW_ACTIONS: "Меню диаграммы" },
    en: { SVG_ACTION: "Save as SVG", PNG_ACTION: "Save as PNG", CLICK_TO_VIEW_ACTIONS: "Chart menu" }
  };
  var LEGIBLE = {
    axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
    legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
    title: { fontSize: 14 }
  };
  function withLegibleText(spec) {
    var config = spec.config || {};
    Object.keys(LEGIBLE).forEach(function (key) {
      config[key] = Object.assign({}, LEGIBLE[key], config[key] || {});
    });
    // Marks carry no ARIA roles of their own: the drawing is one image named by the title
    // (its data is in the table under it).
    config.aria = false;
    spec.config = config;
    return spec;
  }
  // The drawing repeats the data table under it (the figure's caption names both), so it is
  // hidden from assistive technology; the chart menu beside it is a named control.
  function label(el, lang) {
    var svg = el.querySelector("svg");
    if (svg) svg.setAttribute("aria-hidden", "true");
    var summary = el.querySelector("details summary");
    if (summary) summary.setAttribute("aria-label", (MENU[lang] || MENU.en).CLICK_TO_VIEW_ACTIONS);
  }
  // How many charts are still being drawn, on <html data-charts-pending>: screenshots and the
  // browser tests wait for 0 (a map fetches its outline first, so "no change for a moment"
  // is not "drawn").
  var pending = 0;
  function count(delta) {
    pending += delta;
    document.documentElement.dataset.chartsPending = String(pending);
  }
  function render() {
    var lang = (document.documentElement.lang || "ru").slice(0, 2);
    document.querySelectorAll(".chart-canvas").forEach(function (el) {
      var specEl = document.getElementById(el.id + "-spec");
      if (!specEl || el.dataset.rendered) return;
      el.dataset.rendered = "1";
      count(1);
      vegaEmbed(el, withLegibleText(JSON.parse(specEl.textContent)), {
        actions: { export: true, source: false, compiled: false, editor: false },
        i18n: MENU[lang] || MENU.en,
        renderer: "svg",
        ast: true, expr: window.vegaExpressionInterpreter
      }).then(function () { label(el, lang); })
        .catch(function (err) { el.textContent = String(err); })
        .then(function () { count(-1); });
    });
  }
  document.addEventListener("DOMContentLoaded", render);
  document.addEventListener("htmx:afterSettle", render);
})();
