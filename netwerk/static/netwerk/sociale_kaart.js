// Sociale kaart: choosing a kern, leefgebied or soort applies the filter at once (one click less).
// Without JavaScript the "Zoeken" button does the same.
(function () {
  var form = document.getElementById("kaart-filters");
  if (!form) return;
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });
})();
