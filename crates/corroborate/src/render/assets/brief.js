// Citation clicks: highlight the cited sentence in its source and scroll it into view.
// Reads only ids and classes; never inserts text into the page.
(function () {
  "use strict";
  function show(id) {
    var target = document.getElementById(id);
    if (!target) { return null; }
    var old = document.querySelectorAll(".hl");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("hl"); }
    target.classList.add("hl");
    target.scrollIntoView({ block: "center" });
    return target;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.cite") : null;
    if (!link) { return; }
    var id = (link.getAttribute("href") || "").slice(1);
    if (show(id)) {
      event.preventDefault();
      if (window.history && history.replaceState) { history.replaceState(null, "", "#" + id); }
    }
  });
  // Self-test hook for the headless browser test: open the page with #test-click.
  if (location.hash === "#test-click") {
    var first = document.querySelector("a.cite");
    if (first) { first.click(); }
    var lit = document.querySelector(".hl");
    document.body.setAttribute("data-test-click", lit ? lit.id : "none");
    document.body.setAttribute("data-test-href", first ? first.getAttribute("href") : "none");
  }
})();
