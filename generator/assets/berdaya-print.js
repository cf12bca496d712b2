/* Berdaya print button: plain ES2017, no network, no words of its own.
 * A printable page (the printable guide, the learner book, the sheets) holds
 * <p class="berdaya-print" hidden><button class="berdaya-print__button">,
 * from templates/partials/print_button.html.j2. Without this script it stays
 * hidden (a button that does nothing is worse than none); with it, it shows and
 * opens the browser's print dialog. berdaya-print.css hides it on paper. */
(function () {
  "use strict";

  function show() {
    Array.prototype.forEach.call(document.querySelectorAll(".berdaya-print[hidden]"), function (box) {
      box.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest(".berdaya-print__button") : null;
    if (!button) return;
    event.preventDefault();
    window.print();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(show);   /* Material: every page, also with instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
