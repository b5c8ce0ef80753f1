/* Kyrgyz Security Atlas: the maps' layers and names.
 *
 * Without this script a map is a static picture whose links work: every layer shows and the
 * layers form stays hidden. With it, the form appears: its checkboxes hide facilities or events
 * (on the map and the inset), its select shades the members of an organization; the choice is
 * written into the URL query string like the timeline's filters, so a view can be shared:
 * ?layer=events&members=csto applies it again.
 *
 * URL: layer=<name> once per shown layer, present only when not every layer shows (layer= alone
 * means none); members=<organization id>.
 *
 * Names: the country or pin under the pointer or the keyboard focus is named in a small label
 * (pins also name themselves in SVG, without a script; every link has its <title> tooltip).
 *
 * Words: the script writes none of its own. Its messages are the form's data-* attributes, written
 * by the template in the page's language, with {organization}, {names} and {count} to fill in.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (field, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : field;
    });
  }

  function setupLayers() {
    var form = document.getElementById("atlas-map-layers");
    if (!form || form.dataset.atlasReady) return;
    var map = document.getElementById(form.dataset.map);
    var figure = map && map.closest(".atlas-map");
    if (!figure) return;
    form.dataset.atlasReady = "1";
    var layers = Array.prototype.slice.call(form.querySelectorAll('input[name="layer"]'));
    var select = form.elements.members;
    var status = form.querySelector(".atlas-map-status");
    var countries = Array.prototype.slice.call(figure.querySelectorAll(".atlas-map-country[data-country]"));
    var legendMembers = figure.querySelector(".atlas-map-legend-members");

    function state() {
      var s = { layers: {}, members: select ? select.value : "" };
      layers.forEach(function (box) { if (box.checked) s.layers[box.value] = true; });
      return s;
    }

    function apply(s) {
      layers.forEach(function (box) {
        figure.classList.toggle("atlas-map--hide-" + box.value, !s.layers[box.value]);
        var key = figure.querySelector('.atlas-map-legend li[data-layer="' + box.value + '"]');
        if (key) key.hidden = !s.layers[box.value];
      });
      var option = select && select.selectedOptions[0];
      var members = option && option.value ? " " + option.dataset.members + " " : "";
      var names = [];
      countries.forEach(function (a) {
        var member = members.indexOf(" " + a.dataset.country + " ") >= 0;
        a.classList.toggle("atlas-map-member", member);
        if (member) names.push(a.getAttribute("aria-label"));
      });
      if (legendMembers) {
        legendMembers.hidden = !members;
        if (members) {
          legendMembers.querySelector(".atlas-map-legend-org").textContent =
            fill(form.dataset.legendMember, { organization: option.text });
        }
      }
      if (members) {
        var text = fill(form.dataset.statusMembers, { organization: option.text, names: names.join(", ") });
        if (option.dataset.elsewhere) {
          text += " " + fill(form.dataset.statusElsewhere, { count: option.dataset.elsewhere.split(" ").length });
        }
        status.textContent = text;
      } else {
        status.textContent = "";
      }
    }

    function query(s) {
      var params = new URLSearchParams(location.search);
      params.delete("layer");
      if (layers.some(function (box) { return !s.layers[box.value]; })) {
        var shown = layers.filter(function (box) { return s.layers[box.value]; });
        if (shown.length) shown.forEach(function (box) { params.append("layer", box.value); });
        else params.append("layer", "");
      }
      if (s.members) params.set("members", s.members); else params.delete("members");
      var text = params.toString();
      return location.pathname + (text ? "?" + text : "") + location.hash;
    }

    function fromURL() {
      var params = new URLSearchParams(location.search);
      var wanted = params.getAll("layer");
      layers.forEach(function (box) { box.checked = !params.has("layer") || wanted.indexOf(box.value) >= 0; });
      if (select) {
        select.value = params.get("members") || "";
        if (select.selectedIndex < 0) select.value = "";  // an organization this map does not offer
      }
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
    fromURL();
    apply(state());
    form.hidden = false;
  }

  function setupNames() {
    Array.prototype.forEach.call(document.querySelectorAll(".atlas-map-frame"), function (frame) {
      if (frame.dataset.atlasNames) return;
      frame.dataset.atlasNames = "1";
      var tip = document.createElement("span");
      tip.className = "atlas-map-tip";
      tip.hidden = true;
      tip.setAttribute("aria-hidden", "true");
      frame.appendChild(tip);

      function show(event) {
        var link = event.target.closest && event.target.closest("a.atlas-map-country");
        if (!link || !frame.contains(link)) return;
        var area = frame.getBoundingClientRect();
        var shape = link.getBoundingClientRect();
        var x = event.type === "mouseover" && event.clientX ? event.clientX : shape.left + shape.width / 2;
        var y = event.type === "mouseover" && event.clientY ? event.clientY : shape.top + shape.height / 2;
        tip.textContent = link.getAttribute("aria-label");
        tip.style.left = Math.min(Math.max(x - area.left, 40), area.width - 40) + "px";
        tip.style.top = Math.max(y - area.top, 24) + "px";
        tip.hidden = false;
      }

      function hide(event) {
        var link = event.target.closest && event.target.closest("a.atlas-map-country");
        if (link) tip.hidden = true;
      }

      frame.addEventListener("mouseover", show);
      frame.addEventListener("focusin", show);
      frame.addEventListener("mouseout", hide);
      frame.addEventListener("focusout", hide);
    });
  }

  function setup() {
    setupLayers();
    setupNames();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
