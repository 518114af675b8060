// Besluit: in each voorziening row, the zorgaanbieder list shows only the providers that deliver
// the chosen product's iStandaarden category (data-categorie on the product option,
// data-categorieen on each provider option; a provider without categories delivers all).
// The service checks the same rule; this only tells before instead of after.
(function () {
  "use strict";

  function filter(rij) {
    var product = rij.querySelector("select[data-rol='product']");
    var aanbieder = rij.querySelector("select[data-rol='aanbieder']");
    if (!product || !aanbieder) {
      return;
    }
    var gekozen = product.options[product.selectedIndex];
    var categorie = gekozen ? gekozen.getAttribute("data-categorie") || "" : "";
    Array.prototype.forEach.call(aanbieder.options, function (optie) {
      var lijst = (optie.getAttribute("data-categorieen") || "").split(" ").filter(Boolean);
      var past = !optie.value || !categorie || lijst.length === 0 || lijst.indexOf(categorie) !== -1;
      optie.hidden = !past;
      optie.disabled = !past;
      if (!past && optie.selected) {
        aanbieder.value = "";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-rol='product']").forEach(function (select) {
      var rij = select.closest("fieldset") || select.form;
      filter(rij);
      select.addEventListener("change", function () {
        filter(rij);
      });
    });
  });
})();
