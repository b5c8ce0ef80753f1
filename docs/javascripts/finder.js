/* Kyrgyz Security Atlas: the finders on the treaty and organization indexes.
 *
 * The page works without this script: the table lists every record and the filter form
 * stays hidden. With it, the form appears above its table (form[data-finder] names the
 * table's id) and:
 *   - "find" narrows the rows as the reader types. Each query word must begin a word of
 *     the row's names (data-names) or context (data-context), compared case- and
 *     accent-insensitively with ё = е; both attributes are folded at build time by
 *     atlas.text.fold, the query here by fold() below, the same rules. Rows one of whose
 *     names begins with the query come first, then the other rows matched by their own
 *     names, then rows matched through parties, organization, place or date.
 *   - every select narrows to rows whose data attribute of the same name lists its value
 *     (select name="party" ↔ tr data-party="kazakhstan kyrgyzstan").
 *   - the column headers get sort buttons (th[data-sort]); th[aria-sort] tells which.
 *     A cell's data-value is its sort key, else its text.
 * Only matching rows stay in the table, and at most LIMIT of them until the reader asks
 * for all: laying out thousands of rows is what would make typing slow.
 * The state lives in the URL query string (find, the selects' names, sort, order), so a
 * view can be shared; it is read again on load. Material's own ?q= (search) and ?h=
 * (highlight) parameters are left alone.
 */
(function () {
  "use strict";

  // Names sort in the page's language (document's lang: en or ru), digits as numbers.
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  /* The page's words, written into the status element by the template in its language:
     data-forms "one|few|many" (CLDR plural categories, as atlas.i18n.Lang.count writes them). */
  function Words(status) {
    var d = status.dataset;
    var rules = new Intl.PluralRules(d.lang || "en");
    var forms = (d.forms || "").split("|");
    this.noun = function (n) {
      var index = { one: 0, few: 1, many: 2 }[rules.select(n)];
      return forms[Math.min(index === undefined ? forms.length - 1 : index, forms.length - 1)];
    };
    this.count = function (n) { return n + " " + this.noun(n); };
    this.fill = function (text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
    };
    this.none = d.none;
    this.of = d.of;
    this.first = d.first;
    this.all = d.all;
  }

  /* Lower case, no accents, ё = е: the rules of atlas.text.fold. */
  function fold(text) {
    return String(text).toLowerCase().replace(/ß/g, "ss").normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }

  var LIMIT = 200;

  function split(folded) {
    return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function words(text) {
    return split(fold(text));
  }

  /* " word word … " from a folded attribute: a query word w begins a word when " " + w occurs. */
  function spaced(folded) {
    return " " + split(folded).join(" ") + " ";
  }

  function element(tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /* The rows of the treaty feed (atlas/feeds.py), shaped like the rows read from the table.
     A row's <tr> is built when first drawn, in the markup of the page's own rows; every text
     goes in as text. `base` is the relative path from the page to the site's root. */
  function feedRows(feed, base) {
    var f = {};
    feed.fields.forEach(function (name, i) { f[name] = i; });
    var records = feed.records;
    function link(id, label) {
      var record = records[id] || [id, "", id];
      var a = element("a", label === undefined ? record[0] : label);
      a.href = base + record[1];
      return a;
    }
    return feed.rows.map(function (r, index) {
      var row = {
        index: index,
        names: spaced(r[f.names]),
        each: r[f.names].split(" · ").map(spaced),
        context: spaced(r[f.context]),
        facets: { party: r[f.parties].join(" "), decade: r[f.decade] },
        keys: {
          name: fold(r[f.name]), signed: r[f.signed], kind: fold(r[f.kind]),
          parties: fold(r[f.parties].map(function (id) { return (records[id] || [id])[0]; }).join(", ")),
          organization: r[f.organization] ? fold((records[r[f.organization]] || ["", "", ""])[2]) : ""
        }
      };
      var tr = null;
      Object.defineProperty(row, "el", { get: function () {
        if (tr) return tr;
        tr = element("tr");
        var name = element("td");
        var a = element("a", r[f.name]);
        a.href = base + r[f.url];
        name.appendChild(a);
        if (r[f.aka]) {
          name.appendChild(element("br"));
          var aka = element("span", r[f.aka]);
          aka.className = "atlas-finder-aka";
          name.appendChild(aka);
        }
        var signed = element("td");
        signed.dataset.value = r[f.signed];
        var time = element("time", r[f.when]);
        time.setAttribute("datetime", r[f.signed]);
        signed.appendChild(time);
        var parties = element("td");
        r[f.parties].forEach(function (id, i) {
          if (i) parties.append(", ");
          parties.appendChild(link(id));
        });
        var org = element("td");
        if (r[f.organization]) org.appendChild(link(r[f.organization], records[r[f.organization]][2]));
        tr.append(name, signed, parties, element("td", r[f.kind]), org);
        return tr;
      } });
      return row;
    });
  }

  function Finder(form, table, fed) {
    this.form = form;
    this.table = table;
    this.body = table.tBodies[0];
    this.find = form.elements.find;
    this.selects = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "SELECT"; });
    this.status = form.querySelector(".atlas-finder-status");
    this.reset = form.querySelector(".atlas-finder-reset");
    this.more = form.ownerDocument.createElement("button");
    this.words = new Words(this.status);
    this.sort = "";
    this.order = "asc";
    this.all = false;  // show every match, not only the first LIMIT
    this.headers = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) { return th.dataset.sort; });
    this.columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.dataset.sort || ""; });
    this.sorted = {};  // column → rows in ascending order, computed on first use
    this.rows = fed || Array.prototype.map.call(this.body.rows, function (tr, index) {
      return {
        el: tr, index: index,
        names: spaced(tr.dataset.names || ""),
        each: (tr.dataset.names || "").split(" · ").map(spaced),  // each name on its own
        context: spaced(tr.dataset.context || ""),
        facets: tr.dataset
      };
    });
    // Rows from the feed replace the page's own rows (one page of a paged list) at the first draw.
    this.drawn = fed ? [] : this.rows.slice();
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

  /* The tier of a row for the query words: 0 one of its names begins with them (in order, the
     last as a prefix: "collective sec" → Collective Security Treaty Organization), 1 its own
     names hold them all, 2 only with its context, -1 no match. */
  Finder.prototype.tier = function (row, query) {
    var tier = 0;
    for (var i = 0; i < query.length; i++) {
      var needle = " " + query[i];
      if (row.names.indexOf(needle) >= 0) continue;
      if (row.context.indexOf(needle) >= 0) tier = 2;
      else return -1;
    }
    if (tier === 0 && query.length) {
      var phrase = " " + query.join(" ");
      tier = row.each.some(function (name) { return name.indexOf(phrase) === 0; }) ? 0 : 1;
    }
    return tier;
  };

  Finder.prototype.apply = function () {
    var query = words(this.find.value);
    var facets = this.selects.filter(function (s) { return s.value; })
      .map(function (s) { return { name: s.name, value: " " + s.value + " " }; });
    var order = this.sort ? this.byColumn(this.sort, this.order) : this.rows;
    var tiers = [[], [], []];  // by tier; a column sort keeps the column's order instead
    for (var i = 0; i < order.length; i++) {
      var row = order[i];
      var tier = this.tier(row, query);
      for (var j = 0; tier >= 0 && j < facets.length; j++) {
        if ((" " + (row.facets[facets[j].name] || "") + " ").indexOf(facets[j].value) < 0) tier = -1;
      }
      if (tier >= 0) tiers[this.sort ? 0 : tier].push(row);
    }
    var matches = tiers[0].concat(tiers[1], tiers[2]);
    this.draw(this.all ? matches : matches.slice(0, LIMIT));
    this.mark(query.length > 0);
    this.announce(matches.length, query.length > 0 || facets.length > 0);
    return matches.length;
  };

  /* Rows in the order of a column; rows without a value last, in either order. */
  Finder.prototype.byColumn = function (key, order) {
    if (!this.sorted[key]) {
      var column = this.columns.indexOf(key);
      var keyed = this.rows.map(function (row) {
        if (row.keys) return { row: row, value: row.keys[key] };
        var td = row.el.cells[column];
        var value = td.dataset.value !== undefined ? td.dataset.value : fold(td.textContent.trim());
        return { row: row, value: value };
      });
      keyed.sort(function (a, b) {
        if (!a.value !== !b.value) return a.value ? -1 : 1;
        return collator.compare(a.value, b.value) || a.row.index - b.row.index;
      });
      this.sorted[key] = keyed.map(function (k) { return k.row; });
      this.sorted[key].blank = keyed.filter(function (k) { return !k.value; }).length;
    }
    var rows = this.sorted[key];
    if (order === "asc") return rows;
    var filled = rows.slice(0, rows.length - rows.blank).reverse();
    return filled.concat(rows.slice(rows.length - rows.blank));
  };

  /* Put exactly `rows` into the table, in order; touch the DOM only when they change. */
  Finder.prototype.draw = function (rows) {
    var drawn = this.drawn;
    if (rows.length === drawn.length && rows.every(function (row, i) { return row === drawn[i]; })) return;
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row.el); });
    this.body.replaceChildren(fragment);
    this.drawn = rows;
  };

  Finder.prototype.mark = function (relevance) {
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
    var w = this.words;
    this.status.textContent = shown === total ? w.count(total)
      : shown === 0 ? w.none
      : w.fill(w.of, { shown: shown, total: total }) + " " + w.noun(total);
    var cut = shown - this.drawn.length;
    this.more.hidden = cut <= 0;
    if (cut > 0) {
      this.more.textContent = w.fill(w.all, { n: shown }) + " " + w.noun(shown);
      this.status.textContent += w.fill(w.first, { n: this.drawn.length });
    }
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
    this.all = false;
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
    this.more.type = "button";
    this.more.className = "md-button atlas-finder-more";
    this.more.hidden = true;
    this.more.textContent = this.words.fill(this.words.all, { n: "" }).trim();
    this.more.addEventListener("click", function () {
      var first = self.drawn.length;
      self.all = true;
      self.apply();
      var next = self.drawn[first] && self.drawn[first].el.querySelector("a");
      if (next) next.focus();  // the button is gone: go on where the list went on
    });
    (this.table.closest(".atlas-finder-scroll") || this.table).after(this.more);
    this.load();
    this.apply();
    this.form.hidden = false;
  };

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-finder]"), function (form) {
      var table = document.getElementById(form.dataset.finder);
      if (!table || !table.tBodies.length || form.dataset.atlasReady) return;
      form.dataset.atlasReady = "loading";
      var start = function (rows) {
        var finder = new Finder(form, table, rows);
        finder.start();
        form.dataset.atlasReady = "1";
        // For the benchmark and the tests: the finder behind the table.
        table.atlasFinder = finder;
      };
      if (!table.dataset.feed) return start(null);
      // A paged list: the finder searches every record through the feed; the pager goes.
      fetch(new URL(table.dataset.feed, location.href).href).then(function (response) {
        if (!response.ok) throw new Error(table.dataset.feed + ": " + response.status);
        return response.json();
      }).then(function (feed) {
        var pager = table.closest(".atlas-finder-scroll").parentNode.querySelector(".atlas-pager");
        if (pager) pager.hidden = true;
        start(feedRows(feed, table.dataset.root || ""));
      }).catch(function (error) {
        form.dataset.atlasReady = "failed";  // the page's own rows and its pager stay
        console.error("finder feed:", error);
      });
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
