/*
 * Material's search worker, unchanged, with one mend to each query before it sees it.
 *
 * Material segments a Chinese query greedily against the words of the index, but never tries a piece
 * that ends at the query's last character: 五小 is searched as 五*, 工人先锋号 as 工人* 先锋*, so
 * 供水班组“五个一流” outranks the 五小 competition. Appending a character that never ends a word
 * (⺀, a radical of Han script, never in running text) lets it try the whole query. A query none of whose beginnings
 * is a word is left as it is: Material then searches it whole, as a prefix, which is right for it.
 *
 * Material also searches every word of a query as a prefix: in 职工技能大赛, 职工 finds the stream
 * 职工技能素质提升竞赛 as well as the word 职工, and the stream's list outranked the skills contest. A query
 * is cut here into the index's words (longest first); each whole word but the last is searched as that
 * word only (word⺀^1: lunr's boost syntax, which Material leaves without a wildcard). The last is still
 * a prefix: the reader may be typing it.
 * Loaded instead of Material's worker by main.html; the worker's file name arrives as ?material=.
 */
(function () {
  "use strict";
  var QUERY = 2; // SearchMessageType.QUERY in Material's worker
  var END = "\u2e80"; // must be Han script, or Material splits it off the run
  var words = null; // the index's inverted index: its keys are the words a query can match

  function beginsWithWord(run) {
    for (var end = 1; end <= run.length; end++) if (run.slice(0, end) in words) return true;
    return false;
  }

  // The run cut into the index's words, longest first; a stretch where no word begins is one piece.
  function pieces(run) {
    var found = [];
    for (var start = 0; start < run.length; ) {
      var end = run.length;
      while (end > start && !(run.slice(start, end) in words)) end--;
      var word = end > start;
      if (!word) for (end = start + 1; end < run.length && !beginsWithWord(run.slice(end)); end++);
      found.push({ text: run.slice(start, end), word: word });
      start = end;
    }
    return found;
  }

  function mend(query) {
    if (!words || typeof query !== "string") return query;
    var typed = query.replace(/\s+$/, "").length; // where the word being typed ends
    return query.replace(/\p{sc=Han}+/gu, function (run, offset) {
      if (!beginsWithWord(run)) return run;
      var found = pieces(run);
      return found
        .map(function (piece, index) {
          if (!piece.word) return piece.text;
          var last = offset + run.length === typed && index === found.length - 1;
          return piece.text + END + (last ? "" : "^1");
        })
        .join(" ");
    });
  }

  // Registered before Material's listener, so it sees each query first and hands on the mended one.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== QUERY || message.mended) return;
    event.stopImmediatePropagation();
    self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: mend(message.data), mended: true } }));
  });

  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("search-mended.js: no Material worker named");
  importScripts(material);

  // Keep the index Material builds, to know its words.
  var build = self.lunr.Builder.prototype.build;
  self.lunr.Builder.prototype.build = function () {
    var index = build.apply(this, arguments);
    words = index.invertedIndex;
    return index;
  };
})();
