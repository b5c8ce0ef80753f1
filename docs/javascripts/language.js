/* Kyrgyz Security Atlas: the language switch keeps the reader's place.
 *
 * Each language link in the header leads to the same page in the other edition
 * (overrides/partials/alternate.html); this adds the current anchor (#members, #cite-2 …),
 * which the two editions share, so the reader lands on the same section.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.atlas-language");
    if (!link || !location.hash) return;
    var target = new URL(link.href, location.href);
    if (target.hash) return;
    target.hash = location.hash;
    link.href = target.href;
  }, true);
})();
