{#- The live preview's banner (problempages.py): how many files have problems, on every page but
    those about problems. It is read from the list of problems in the page's language (its
    <template id="problem-banner">), so a save changes that list, not every page. -#}
(function () {
  "use strict";
  var script = document.currentScript;
  var list = script && script.getAttribute("data-problems");
  if (!list) {
    return;
  }
  fetch(list, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.text() : ""; })
    .then(function (html) {
      var banner = new DOMParser().parseFromString(html, "text/html").getElementById("problem-banner");
      var main = document.getElementById("main");
      if (banner && main) {
        main.parentNode.insertBefore(document.importNode(banner.content, true), main);
      }
    })
    .catch(function () {});  // no list (a build under way): no banner this time
})();
