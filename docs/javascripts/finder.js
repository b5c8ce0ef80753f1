/* Kyrgyz Security Atlas: the finders on the treaty and organization indexes.
 *
 * The page works without this script: the table lists every record and the filter form
 * stays hidden. With it, the form appears above its table (form[data-finder] names the
 * table's id) and:
 *   - "find" narrows the rows as the reader types. Each query word must begin a word of
 *     the row's names (data-names) or context (data-context), compared case- and
 *     accent-insensitively with ё = е; both attributes are folded at build time by the
 *     same rules as fold() below (atlas/text.py). Rows matched by their own names come
 *     first, then rows matched through parties, organization, place or date.
 *   - every select narrows to rows whose data attribute of the same name lists its value
 *     (select name="party" ↔ tr data-party="kazakhstan kyrgyzstan").
 *   - the column headers get sort buttons (th[data-sort]); th[aria-sort] tells which.
 *     A cell's data-value is its sort key, else its text.
 * The state lives in the URL query string (find, the selects' names, sort, order), so a
 * view can be shared; it is read again on load. Material's own ?q= (search) and ?h=
 * (highlight) parameters are left alone.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  /* Lower case, no accents, ё = е: the rules of atlas.text.fold. */
  function fold(text) {
    return String(text).toLowerCase().replace(/ß/g, "ss").normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* " word word … ": a query word w begins a word when " " + w occurs in it. */
  function spaced(text) {
    return " " + words(text).join(" ") + " ";
  }

  function Finder(form, table) {
    this.form = form;
    this.table = table;
    this.body = table.tBodies[0];
    this.find = form.elements.find;
    this.selects = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "SELECT"; });
    this.status = form.querySelector(".atlas-finder-status");
    this.reset = form.querySelector(".atlas-finder-reset");
    this.noun = this.status.dataset.noun;
    this.sort = "";
    this.order = "asc";
    this.headers = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) { return th.dataset.sort; });
    this.columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.dataset.sort || ""; });
    var columns = this.columns;
    this.rows = Array.prototype.map.call(this.body.rows, function (tr, index) {
      var keys = {};
      Array.prototype.forEach.call(tr.cells, function (td, i) {
        if (columns[i]) keys[columns[i]] = td.dataset.value !== undefined ? td.dataset.value : fold(td.textContent.trim());
      });
      return {
        el: tr, index: index, keys: keys, shown: true, tier: 0,
        names: spaced(tr.dataset.names || ""),
        context: spaced(tr.dataset.context || ""),
        facets: tr.dataset
      };
    });
    this.order_ = this.rows.slice();
    this.buttons();
  }

  Finder.prototype.buttons = function () {
    var self = this;
    this.headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-finder-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var arrow = document.createElement("span");
      arrow.className = "atlas-finder-arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.dataset.sort;
        if (self.sort === key) self.order = self.order === "asc" ? "desc" : "asc";
        else { self.sort = key; self.order = "asc"; }
        self.update();
      });
    });
  };

  /* The tier of a row for the query words: 0 own names, 1 context, -1 no match. */
  Finder.prototype.tier = function (row, query) {
    var tier = 0;
    for (var i = 0; i < query.length; i++) {
      var needle = " " + query[i];
      if (row.names.indexOf(needle) >= 0) continue;
      if (row.context.indexOf(needle) >= 0) tier = 1;
      else return -1;
    }
    return tier;
  };

  Finder.prototype.apply = function () {
    var query = words(this.find.value);
    var facets = this.selects.filter(function (s) { return s.value; })
      .map(function (s) { return { name: s.name, value: " " + s.value + " " }; });
    var shown = [];
    for (var i = 0; i < this.rows.length; i++) {
      var row = this.rows[i];
      var tier = this.tier(row, query);
      for (var j = 0; tier >= 0 && j < facets.length; j++) {
        if ((" " + (row.facets[facets[j].name] || "") + " ").indexOf(facets[j].value) < 0) tier = -1;
      }
      row.tier = tier;
      var show = tier >= 0;
      if (show !== row.shown) {
        row.shown = show;
        row.el.hidden = !show;
      }
      if (show) shown.push(row);
    }
    this.arrange(query.length > 0);
    this.announce(shown.length, query.length > 0 || facets.length > 0);
    return shown.length;
  };

  Finder.prototype.compare = function () {
    var key = this.sort;
    var sign = this.order === "desc" ? -1 : 1;
    if (!key) {
      return function (a, b) { return a.tier - b.tier || a.index - b.index; };
    }
    return function (a, b) {
      var x = a.keys[key], y = b.keys[key];
      if (!x !== !y) return x ? -1 : 1;  // rows without a value last, either way
      return sign * collator.compare(x, y) || a.index - b.index;
    };
  };

  /* Reorder the rows only when the order changes: moving rows is what costs. */
  Finder.prototype.arrange = function (relevance) {
    var order = this.rows.slice().sort(this.compare());
    var same = order.every(function (row, i) { return row === this.order_[i]; }, this);
    if (!same) {
      var fragment = document.createDocumentFragment();
      order.forEach(function (row) { fragment.appendChild(row.el); });
      this.body.appendChild(fragment);
      this.order_ = order;
    }
    var self = this;
    this.headers.forEach(function (th) {
      var key = th.dataset.sort;
      var sorted = self.sort ? self.sort === key : !relevance && th.hasAttribute("data-sort-default");
      if (sorted) th.setAttribute("aria-sort", self.sort && self.order === "desc" ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  };

  Finder.prototype.announce = function (shown, filtered) {
    var total = this.rows.length;
    this.status.textContent = shown === total ? total + " " + this.noun
      : shown === 0 ? "No " + this.noun + " match."
      : shown + " of " + total + " " + this.noun;
    this.reset.hidden = !filtered && !this.sort;
  };

  Finder.prototype.state = function () {
    var s = { find: this.find.value.trim(), sort: this.sort, order: this.sort ? this.order : "" };
    this.selects.forEach(function (select) { s[select.name] = select.value; });
    return s;
  };

  Finder.prototype.url = function () {
    var s = this.state();
    var params = new URLSearchParams(location.search);
    Object.keys(s).forEach(function (key) {
      if (s[key] && !(key === "order" && s[key] === "asc")) params.set(key, s[key]); else params.delete(key);
    });
    var text = params.toString();
    return location.pathname + (text ? "?" + text : "") + location.hash;
  };

  Finder.prototype.load = function () {
    var params = new URLSearchParams(location.search);
    this.find.value = params.get("find") || "";
    this.selects.forEach(function (select) {
      select.value = params.get(select.name) || "";
      if (select.selectedIndex < 0) select.value = "";  // a value this page does not offer
    });
    var sort = params.get("sort") || "";
    this.sort = this.headers.some(function (th) { return th.dataset.sort === sort; }) ? sort : "";
    this.order = params.get("order") === "desc" ? "desc" : "asc";
  };

  Finder.prototype.update = function () {
    this.apply();
    var url = this.url();
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  };

  Finder.prototype.start = function () {
    var self = this;
    var update = function () { self.update(); };
    this.find.addEventListener("input", update);
    this.form.addEventListener("change", update);
    this.form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    this.form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.find.value = "";
      self.selects.forEach(function (select) { select.value = ""; });
      self.sort = "";
      self.order = "asc";
      update();
      self.find.focus();
    });
    this.load();
    this.apply();
    this.form.hidden = false;
  };

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-finder]"), function (form) {
      var table = document.getElementById(form.dataset.finder);
      if (!table || !table.tBodies.length || form.dataset.atlasReady) return;
      form.dataset.atlasReady = "1";
      var finder = new Finder(form, table);
      finder.start();
      // For the benchmark and the tests: the finder behind the table.
      table.atlasFinder = finder;
    });
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
