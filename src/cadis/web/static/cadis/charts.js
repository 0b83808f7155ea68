// Renders every chart on the page from its embedded Vega-Lite spec (no network access).
(function () {
  function render() {
    document.querySelectorAll(".chart-canvas").forEach(function (el) {
      var specEl = document.getElementById(el.id + "-spec");
      if (!specEl || el.dataset.rendered) return;
      el.dataset.rendered = "1";
      vegaEmbed(el, JSON.parse(specEl.textContent), { actions: { export: true, source: false, compiled: false, editor: false }, renderer: "svg" })
        .catch(function (err) { el.textContent = String(err); });
    });
  }
  document.addEventListener("DOMContentLoaded", render);
  document.addEventListener("htmx:afterSettle", render);
})();
