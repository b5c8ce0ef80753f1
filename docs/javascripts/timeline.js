/* Kyrgyz Security Atlas: filters for the timeline page.
 *
 * The page works without this script: the full list is in the HTML and the filter form
 * stays hidden. With it, the form appears; its kind checkboxes, country and organization
 * selects combine (AND across facets, OR among the checked kinds), hide entries and empty
 * years, update the live count and write the choice into the URL query string, so a
 * filtered view can be shared: loading ?kind=treaty&country=russia applies it again.
 *
 * URL: kind=<kind> once per checked kind, present only when not every kind is checked
 * (kind= alone means none); country=<id>; org=<id>.
 */
(function () {
  "use strict";

  var FACETS = ["country", "org"];

  function setup() {
    var form = document.getElementById("atlas-tl-filters");
    var root = document.getElementById("atlas-timeline");
    if (!form || !root || form.dataset.atlasReady) return;
    form.dataset.atlasReady = "1";

    var kinds = Array.prototype.slice.call(form.querySelectorAll('input[name="kind"]'));
    var count = form.querySelector(".atlas-tl-count");
    var years = Array.prototype.map.call(root.querySelectorAll(".atlas-tl-year"), function (section) {
      var link = document.querySelector('.md-nav--secondary a[href="#' + section.dataset.year + '"]');
      return {
        el: section,
        toc: link ? link.closest("li") : null,
        shown: true,
        entries: Array.prototype.map.call(section.querySelectorAll(".atlas-tl-entry"), function (el) {
          return {
            el: el,
            kind: el.dataset.kind,
            country: " " + (el.dataset.countries || "") + " ",
            org: " " + (el.dataset.orgs || "") + " ",
            shown: true
          };
        })
      };
    });
    var total = years.reduce(function (n, y) { return n + y.entries.length; }, 0);

    function state() {
      var s = { kinds: {}, country: form.elements.country.value, org: form.elements.org.value };
      kinds.forEach(function (box) { if (box.checked) s.kinds[box.value] = true; });
      return s;
    }

    function apply(s) {
      var visible = 0;
      var country = s.country ? " " + s.country + " " : "";
      var org = s.org ? " " + s.org + " " : "";
      for (var i = 0; i < years.length; i++) {
        var year = years[i];
        var inYear = 0;
        for (var j = 0; j < year.entries.length; j++) {
          var e = year.entries[j];
          var show = s.kinds[e.kind] === true &&
            (!country || e.country.indexOf(country) >= 0) &&
            (!org || e.org.indexOf(org) >= 0);
          if (show !== e.shown) {
            e.shown = show;
            e.el.hidden = !show;
          }
          if (show) inYear++;
        }
        if ((inYear > 0) !== year.shown) {
          year.shown = inYear > 0;
          year.el.hidden = !year.shown;
          if (year.toc) year.toc.classList.toggle("atlas-tl-toc-hidden", !year.shown);
        }
        visible += inYear;
      }
      count.textContent = visible + " of " + total + " entries";
      return visible;
    }

    function query(s) {
      var params = new URLSearchParams(location.search);
      params.delete("kind");
      if (kinds.some(function (box) { return !s.kinds[box.value]; })) {
        var checked = kinds.filter(function (box) { return s.kinds[box.value]; });
        if (checked.length) checked.forEach(function (box) { params.append("kind", box.value); });
        else params.append("kind", "");
      }
      FACETS.forEach(function (name) {
        if (s[name]) params.set(name, s[name]); else params.delete(name);
      });
      var text = params.toString();
      return location.pathname + (text ? "?" + text : "") + location.hash;
    }

    function fromURL() {
      var params = new URLSearchParams(location.search);
      var wanted = params.getAll("kind");
      kinds.forEach(function (box) { box.checked = !params.has("kind") || wanted.indexOf(box.value) >= 0; });
      FACETS.forEach(function (name) {
        var select = form.elements[name];
        select.value = params.get(name) || "";
        if (select.selectedIndex < 0) select.value = "";  // an id this page does not offer
      });
    }

    function update() {
      var s = state();
      apply(s);
      var url = query(s);
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", url);
      }
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    // "Show all": the form's own reset restores the defaults, then the list follows.
    form.addEventListener("reset", function () { setTimeout(update, 0); });

    fromURL();
    apply(state());
    form.hidden = false;
  }

  // Material's instant navigation swaps pages without reloading: document$ emits on each.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
