// Swagger UI renders after the page loads; once it does, give its controls the accessible
// names it leaves out (the servers drop-down has no label).
(function () {
  "use strict";
  const root = document.getElementById("swagger-ui");
  const label = document.body.dataset.serversLabel || "Servers";
  function name() {
    const servers = document.getElementById("servers");
    if (servers && !servers.getAttribute("aria-label")) {
      servers.setAttribute("aria-label", label);
    }
    // The operations are drawn: say so on <html data-api-docs-ready> (screenshots and the
    // browser tests wait for it).
    if (root && root.querySelector(".opblock")) {
      document.documentElement.dataset.apiDocsReady = "1";
    }
  }
  if (root) {
    new MutationObserver(name).observe(root, { childList: true, subtree: true });
  }
  name();
})();
