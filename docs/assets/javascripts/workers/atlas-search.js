/* Kyrgyz Security Atlas: Material's search worker, with the query's stop words left out, its
 * Russian words stemmed, and the page named exactly as the reader typed first.
 *
 * Material makes every word of a query a prefix ("о" → "о*"), while the index holds no stop
 * words. So the "о" of "Договор о коллективной безопасности", or the "of" of "Treaty of Eternal
 * Friendship", matched every word that begins with it, and a long title full of such words came
 * first. This worker takes the query before Material's does and drops the words that the
 * index's own stop-word filters (English and Russian, from lunr) drop; a query of stop words
 * only is left as it is. Russian words are cut to their stems (see stem() below): lunr's own
 * stemming cannot serve here, as lunr skips it for the prefix searches Material makes.
 *
 * Lunr ranks by the words a page shares with the query, weighted by the page's kind: the
 * organization "Collective Security Treaty Organization" outranked the "Collective Security
 * Treaty" itself. A page whose title, or one of its names shown as tags, is the whole query
 * (letter case, ё/е and spacing aside) comes first. Sources (search boost below 1) come after
 * every record page: their titles are headlines that name what the records are about, and a
 * title's weight would lift them above the record that only lists the word among its other
 * names. The order is otherwise Material's.
 * Everything else is Material's worker, loaded below (its file name is the one in
 * overrides/main.html; re-check both on upgrades).
 */
"use strict";
var QUERY = 2;  /* Material's message types: a query, and its result */
var RESULT = 3;
var asked = "";  /* the last query, as the reader typed it */

function isStopWord(word) {
  var lunr = self.lunr;
  var folded = word.toLowerCase();
  if (!lunr || !/^[\p{L}]+$/u.test(folded)) return false;
  var filters = [lunr.stopWordFilter, lunr.ru && lunr.ru.stopWordFilter];
  return filters.some(function (filter) { return filter && filter(folded) === undefined; });
}

/* A Russian word cut to its stem (lunr's Snowball stemmer): Material searches each word as a
 * prefix, and the stem is the prefix of the word's every form, so "вечная дружба" finds
 * "вечной дружбе" and "Киргизия" finds "Киргизии". Words in capitals (ОДКБ) are left whole. */
function stem(word) {
  var lunr = self.lunr;
  if (!lunr || !lunr.ru || !lunr.ru.stemmer || !/^[а-яё]+$/i.test(word) || word === word.toUpperCase()) {
    return word;
  }
  var stemmed = lunr.ru.stemmer(new lunr.Token(word.toLowerCase(), {})).toString();
  return stemmed.length >= 2 ? stemmed : word;
}

function prepared(query) {
  if (/["+\-~^:*]/.test(query)) return query;  /* the reader wrote lunr's syntax: leave it */
  var words = query.split(/\s+/).filter(Boolean);
  var kept = words.filter(function (word) { return !isStopWord(word); });
  if (!kept.length) return query;
  return kept.map(stem).join(" ") + (/\s$/.test(query) ? " " : "");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (event.atlasQuery || !message || message.type !== QUERY || typeof message.data !== "string") return;
  asked = message.data;
  var query = prepared(message.data);
  if (query === message.data) return;
  event.stopImmediatePropagation();
  var again = new MessageEvent("message", { data: { type: QUERY, data: query } });
  again.atlasQuery = true;
  self.dispatchEvent(again);
});

function fold(text) {
  return String(text).replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

function namedSo(group, query) {
  return group.some(function (doc) {
    if (doc.location.indexOf("#") !== -1) return false;
    return fold(doc.title) === query || (doc.tags || []).some(function (tag) { return fold(tag) === query; });
  });
}

function ranksLow(group) {
  return group.some(function (doc) { return doc.boost < 1; });
}

/* The results in the Atlas's order: pages named as typed, the other pages, then the sources. */
function ordered(items, query) {
  var named = [], others = [], sources = [];
  items.forEach(function (group) {
    (ranksLow(group) ? sources : query && namedSo(group, query) ? named : others).push(group);
  });
  return named.concat(others, sources);
}

var post = self.postMessage.bind(self);
self.postMessage = function (message) {
  if (message && message.type === RESULT && message.data && message.data.items) {
    message.data.items = ordered(message.data.items, fold(asked));
  }
  post(message);
};

importScripts("search.a7633da7.min.js");
