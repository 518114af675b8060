// Besluit: in each voorziening row, the zorgaanbieder list shows only the providers that deliver
// the chosen product's iStandaarden category (data-categorie on the product option,
// data-categorieen on each provider option; a provider without categories delivers all).
// The service checks the same rule; this only tells before instead of after. A provider that does
// not fit stays visible but disabled, and its option says why ("levert geen categorie 02"), so the
// consultant is not left guessing why it cannot be chosen.
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
    var uitgesloten = 0;
    Array.prototype.forEach.call(aanbieder.options, function (optie) {
      if (!optie.hasAttribute("data-naam")) {
        optie.setAttribute("data-naam", optie.textContent);
      }
      var lijst = (optie.getAttribute("data-categorieen") || "").split(" ").filter(Boolean);
      var past = !optie.value || !categorie || lijst.length === 0 || lijst.indexOf(categorie) !== -1;
      optie.disabled = !past;
      optie.textContent = past
        ? optie.getAttribute("data-naam")
        : optie.getAttribute("data-naam") + " (levert geen categorie " + categorie + ")";
      if (!past) {
        uitgesloten += 1;
        if (optie.selected) {
          aanbieder.value = "";
        }
      }
    });
    var uitleg = rij.querySelector("[data-rol='aanbieder-uitleg']");
    if (!uitleg) {
      uitleg = document.createElement("div");
      uitleg.className = "form-text";
      uitleg.setAttribute("data-rol", "aanbieder-uitleg");
      uitleg.setAttribute("aria-live", "polite");
      aanbieder.parentNode.appendChild(uitleg);
    }
    uitleg.textContent = uitgesloten
      ? uitgesloten + " aanbieder(s) niet te kiezen: zij leveren geen producten in categorie " + categorie +
        " (zie de iStandaarden-categorieën in de sociale kaart)."
      : "";
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
