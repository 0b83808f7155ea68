// Page behaviour without inline scripts (the Content-Security-Policy allows none):
// a <select data-autosubmit> submits its form when changed (language switch, fact kind).
(function () {
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.submit();
  });
})();
