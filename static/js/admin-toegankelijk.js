/* The Django admin and django-import-export, WCAG 2.1 AA: give every form control an accessible
   name, fix ARIA the widgets get wrong, and make import-export's "Alles selecteren" work under our
   Content Security Policy (its template uses an inline onchange handler, which the CSP blocks).

   - Inputs in table cells (tabular inlines, list_editable columns) are named after their column
     header and row; the split date/time inputs after their field's label plus "datum"/"tijd".
   - The filter_horizontal search icons carry an aria-label on a span without a role: role="img".
   Runs on load and again for rows the admin adds later ("Nog een toevoegen"). */
(function () {
  "use strict";

  function tekst(el) {
    if (!el) return "";
    const kern = el.querySelector(".text") || el;
    return (kern.textContent || "").replace(/\s+/g, " ").trim();
  }

  function heeftNaam(el) {
    if (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) return true;
    return Array.from(el.labels || []).some((label) => tekst(label) !== "");
  }

  function kolomkop(cel) {
    const tabel = cel.closest("table");
    if (!tabel || !tabel.tHead || !tabel.tHead.rows.length) return "";
    const koppen = tabel.tHead.rows[tabel.tHead.rows.length - 1].cells;
    return tekst(koppen[cel.cellIndex]);
  }

  function naamVoor(el) {
    if (el.classList.contains("select-toggle")) return "Alles selecteren";
    const cel = el.closest("td");
    if (cel) {
      const rijkop = tekst(cel.parentElement.querySelector("th"));
      const kop = kolomkop(cel);
      return rijkop ? `${kop} – ${rijkop}` : kop;
    }
    const veld = el.closest(".form-row, .fieldBox");
    let naam = veld ? tekst(veld.querySelector("label")).replace(/:$/, "") : "";
    if (naam && /_0$/.test(el.id)) naam += " (datum)";
    if (naam && /_1$/.test(el.id)) naam += " (tijd)";
    return naam;
  }

  function benoem(el) {
    if (el.type === "hidden" || heeftNaam(el)) return;
    const naam = naamVoor(el);
    if (naam) el.setAttribute("aria-label", naam);
  }

  function herstel(root) {
    const velden = "input, select, textarea";
    if (root.matches && root.matches(velden)) benoem(root);
    root.querySelectorAll(velden).forEach(benoem);
    root.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach((icoon) => {
      icoon.setAttribute("role", "img");
    });
  }

  function allesSelecteren() {
    const schakelaar = document.querySelector(".select-toggle");
    if (!schakelaar) return;
    schakelaar.id = "select-all-toggle"; // the template's <label for> points at this id
    schakelaar.removeAttribute("onchange");
    schakelaar.addEventListener("change", (event) => {
      document
        .querySelectorAll('.selectable-field-export-row input[type="checkbox"]')
        .forEach((vakje) => {
          vakje.checked = event.target.checked;
        });
    });
  }

  function start() {
    allesSelecteren();
    herstel(document);
    new MutationObserver((wijzigingen) => {
      wijzigingen.forEach((w) => {
        w.addedNodes.forEach((knoop) => {
          if (knoop.nodeType === Node.ELEMENT_NODE) herstel(knoop);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
