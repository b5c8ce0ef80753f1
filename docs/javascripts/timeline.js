/* Kyrgyz Security Atlas: filters for the timeline.
 *
 * The timeline works without this script: its pages of whole years are in the HTML, linked
 * by a pager, and the filter form stays hidden. With it, the script loads the feed of every
 * entry (form[data-feed], written by atlas/feeds.py), puts the feed's choices and their
 * counts into the form (the pages name none, so they need not change with the data), then
 * shows the form. Its kind
 * checkboxes and its country, organization and evidence selects combine (AND across
 * facets, OR among the checked kinds). While every kind is checked and no select is set,
 * the page shows its own years as written; any other choice shows the matching entries of
 * the whole timeline, drawn from the feed, at most SHOWN at a time with a button for more.
 * The count is live and the choice goes into the URL query string, so a filtered view can
 * be shared: loading ?kind=treaty&country=russia applies it again, on any page.
 *
 * URL: kind=<kind> once per checked kind, present only when not every kind is checked
 * (kind= alone means none); country=<id>; org=<id>; provenance=<source-text|research>.
 *
 * Every text from the feed goes into the page as text (textContent), never as markup.
 */
(function () {
  "use strict";

  var FACETS = ["country", "org", "provenance"];
  var SHOWN = 500;
  var feeds = {};  // feed URL → promise of the parsed feed, shared by the pages of one visit

  function load(url) {
    if (!feeds[url]) {
      feeds[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    }
    return feeds[url];
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function Timeline(form, root, feed) {
    this.form = form;
    this.root = root;  // the page's own years
    this.pager = document.querySelector(".atlas-pager");
    this.years = document.querySelector(".atlas-tl-years");
    this.base = form.dataset.root || "";
    this.kinds = Array.prototype.slice.call(form.querySelectorAll('input[name="kind"]'));
    this.count = form.querySelector(".atlas-tl-count");
    this.total = feed.entries.length;
    this.onPage = root.querySelectorAll(".atlas-tl-entry").length;
    // The page's own years, their headings and their entries in the table of contents: while
    // the results show, a year's anchor (and its TOC entry) goes to its section of the results.
    this.own = Array.prototype.map.call(root.querySelectorAll(".atlas-tl-year"), function (section) {
      var heading = section.querySelector("h2[id]");
      var link = heading && document.querySelector('.md-nav--secondary a[href="#' + heading.id + '"]');
      return { year: section.dataset.year, heading: heading, id: heading ? heading.id : "",
               toc: link ? link.closest("li") : null };
    });
    this.records = feed.records;
    var f = {};
    feed.fields.forEach(function (name, i) { f[name] = i; });
    this.entries = feed.entries.map(function (row) {
      return {
        row: row, f: f, kind: row[f.kind], provenance: row[f.provenance],
        country: " " + row[f.countries].join(" ") + " ", org: " " + row[f.organizations].join(" ") + " "
      };
    });
    this.results = element("div", "atlas-timeline atlas-tl-results");
    this.results.id = "atlas-tl-results";
    this.results.hidden = true;
    this.more = element("button", "md-button atlas-tl-more");
    this.more.type = "button";
    this.more.hidden = true;
    root.after(this.results, this.more);
    this.limit = SHOWN;
    this.options(feed.options || {});
  }

  /* The choices of the form, with their counts, from the feed ("options"). */
  Timeline.prototype.options = function (options) {
    var form = this.form;
    var kinds = {};
    (options.kind || []).forEach(function (o) { kinds[o[0]] = o[2]; });
    this.kinds.forEach(function (box) {
      var label = box.closest("label");
      label.hidden = !kinds[box.value];  // a kind with no entry is not offered
      label.querySelector(".atlas-tl-n").textContent = kinds[box.value] || "";
    });
    this.kinds = this.kinds.filter(function (box) { return kinds[box.value]; });
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      var counts = {};
      (options[name] || []).forEach(function (o) { counts[o[0]] = o; });
      if (name === "provenance") {  // its choices are written in the page; add their counts
        Array.prototype.forEach.call(select.options, function (option) {
          if (option.value && counts[option.value]) option.textContent += " (" + counts[option.value][2] + ")";
          else if (option.value) option.remove();
        });
        return;
      }
      (options[name] || []).forEach(function (o) {
        var option = element("option", "", o[1] + " (" + o[2] + ")");
        option.value = o[0];
        select.appendChild(option);
      });
    });
  };

  /* A text of the page's language (data-of etc., written by the template) with its {fields} filled. */
  Timeline.prototype.fill = function (text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  };

  Timeline.prototype.state = function () {
    var form = this.form;
    var s = { kinds: {}, all: true };
    this.kinds.forEach(function (box) { if (box.checked) s.kinds[box.value] = true; else s.all = false; });
    FACETS.forEach(function (name) { s[name] = form.elements[name].value; if (s[name]) s.all = false; });
    return s;
  };

  Timeline.prototype.matches = function (s) {
    var country = s.country ? " " + s.country + " " : "";
    var org = s.org ? " " + s.org + " " : "";
    return this.entries.filter(function (e) {
      return s.kinds[e.kind] === true && (!country || e.country.indexOf(country) >= 0) &&
        (!org || e.org.indexOf(org) >= 0) && (!s.provenance || e.provenance === s.provenance);
    });
  };

  Timeline.prototype.apply = function (s) {
    var own = s.all;
    this.own.forEach(function (y) {  // only one element holds a year's id at a time
      if (y.heading) {
        if (own) y.heading.id = y.id; else y.heading.removeAttribute("id");
      }
    });
    this.root.hidden = !own;
    if (this.pager) this.pager.hidden = !own;
    if (this.years) this.years.hidden = !own;
    this.results.hidden = own;
    if (own) {
      this.own.forEach(function (y) { if (y.toc) y.toc.classList.remove("atlas-tl-toc-hidden"); });
      this.more.hidden = true;
      this.count.textContent = this.fill(this.form.dataset.of, { shown: this.onPage, total: this.total });
      return this.onPage;
    }
    var found = this.matches(s);
    var drawn = this.draw(found.slice(0, this.limit));
    this.own.forEach(function (y) {
      if (y.toc) y.toc.classList.toggle("atlas-tl-toc-hidden", !drawn[y.year]);
      if (drawn[y.year]) drawn[y.year].id = y.id;
    });
    var cut = found.length > this.limit;
    this.more.hidden = !cut;
    if (cut) this.more.textContent = this.fill(this.form.dataset.more, { n: Math.min(SHOWN, found.length - this.limit) });
    this.count.textContent = this.fill(this.form.dataset.of, { shown: found.length, total: this.total }) +
      (cut ? this.fill(this.form.dataset.first, { n: this.limit }) : "");
    return found.length;
  };

  /* The matching entries, grouped by year, in the markup of the page's own entries; returns
     year → its heading in the results. */
  Timeline.prototype.draw = function (entries) {
    var headings = {};
    var fragment = document.createDocumentFragment();
    var year = null;
    var list = null;
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var y = e.row[e.f.date].slice(0, 4);
      if (y !== year) {
        year = y;
        var section = element("section", "atlas-tl-year");
        section.dataset.year = y;
        headings[y] = section.appendChild(element("h2", "", y));
        list = element("div", "atlas-tl-entries");
        section.appendChild(list);
        fragment.appendChild(section);
      }
      list.appendChild(this.entry(e));
    }
    this.results.replaceChildren(fragment);
    return headings;
  };

  Timeline.prototype.link = function (url, text) {
    var a = element("a", "", text);
    a.href = this.base + url;
    return a;
  };

  Timeline.prototype.entry = function (e) {
    var row = e.row, f = e.f, self = this;
    var div = element("div", "atlas-tl-entry");
    div.dataset.kind = e.kind;
    div.dataset.countries = row[f.countries].join(" ");
    div.dataset.orgs = row[f.organizations].join(" ");
    div.dataset.date = row[f.date];
    div.dataset.provenance = e.provenance;
    var p = element("p");
    p.appendChild(element("span", "atlas-tl-date", row[f.when]));
    p.append(" ");
    p.appendChild(element("span", "atlas-tl-kind atlas-kind-" + e.kind, e.kind));
    p.append(" ");
    var strong = element("strong");
    strong.appendChild(this.link(row[f.url], row[f.title]));
    p.appendChild(strong);
    p.append(" ");
    p.appendChild(element("span", "atlas-tl-what", row[f.what]));
    var countries = row[f.countries];
    if (countries.length) {
      p.appendChild(element("br"));
      var parties = element("span", "atlas-tl-parties");
      countries.forEach(function (id, i) {
        var label = self.records[id] || [id, ""];
        if (i) parties.append(", ");
        parties.appendChild(self.link(label[1], label[0]));
      });
      p.appendChild(parties);
    }
    p.appendChild(element("br"));
    p.appendChild(element("span", "atlas-tl-summary", row[f.summary]));
    div.appendChild(p);
    return div;
  };

  Timeline.prototype.query = function (s) {
    var params = new URLSearchParams(location.search);
    params.delete("kind");
    if (this.kinds.some(function (box) { return !s.kinds[box.value]; })) {
      var checked = this.kinds.filter(function (box) { return s.kinds[box.value]; });
      if (checked.length) checked.forEach(function (box) { params.append("kind", box.value); });
      else params.append("kind", "");
    }
    FACETS.forEach(function (name) {
      if (s[name]) params.set(name, s[name]); else params.delete(name);
    });
    var text = params.toString();
    return location.pathname + (text ? "?" + text : "") + location.hash;
  };

  Timeline.prototype.fromURL = function () {
    var form = this.form;
    var params = new URLSearchParams(location.search);
    var wanted = params.getAll("kind");
    this.kinds.forEach(function (box) { box.checked = !params.has("kind") || wanted.indexOf(box.value) >= 0; });
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      select.value = params.get(name) || "";
      if (select.selectedIndex < 0) select.value = "";  // an id this page does not offer
    });
  };

  Timeline.prototype.update = function () {
    var s = this.state();
    this.limit = SHOWN;
    this.apply(s);
    var url = this.query(s);
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  };

  Timeline.prototype.start = function () {
    var self = this;
    var update = function () { self.update(); };
    this.form.addEventListener("change", update);
    this.form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    // "Show all": the form's own reset restores the defaults, then the list follows.
    this.form.addEventListener("reset", function () { setTimeout(update, 0); });
    this.more.addEventListener("click", function () {
      var first = self.limit;
      self.limit += SHOWN;
      self.apply(self.state());
      var next = self.results.querySelectorAll(".atlas-tl-entry")[first];
      var link = next && next.querySelector("strong a");
      if (link) link.focus();  // go on where the list went on
    });
    this.fromURL();
    this.apply(this.state());
    this.form.hidden = false;
  };

  function setup() {
    var form = document.getElementById("atlas-tl-filters");
    var root = document.getElementById("atlas-timeline");
    if (!form || !root || form.dataset.atlasReady) return;
    form.dataset.atlasReady = "loading";
    load(new URL(form.dataset.feed, location.href).href).then(function (feed) {
      var timeline = new Timeline(form, root, feed);
      timeline.start();
      form.dataset.atlasReady = "1";
      form.atlasTimeline = timeline;  // for the benchmark and the tests
    }).catch(function (error) {
      // Without the feed the page's own years stay, as without JavaScript.
      form.dataset.atlasReady = "failed";
      console.error("timeline feed:", error);
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
