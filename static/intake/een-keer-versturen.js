// Disable a form's submit button after the first submit; the server's submit token still makes a
// double click or a browser retry create one case, this only spares the desk worker the doubt.
document.querySelectorAll("form").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("button[data-once]").forEach(function (button) {
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
});
