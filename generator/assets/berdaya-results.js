/* Berdaya results codes: plain ES2017, no framework, no network.
 * The code (names, hashes, encode, decode, what the device stored) is the same specification as
 * generator/results/code.py (docs/assessment.md, "The results code"); finding codes in text, the
 * tally, the table and the CSV are in berdaya-tally.js (as scan.py, tally.py, table.py), which
 * only trainers' files carry. Both languages are tested on tests/fixtures/results/. Also the
 * page helpers of the widgets (storage is berdaya-device.js): .berdaya-send (berdaya-send.js: "Kirim hasil", the
 * code as text and QR, share) and .berdaya-tally (berdaya-tally.js: paste or scan, table, CSV).
 * Strings come from the page (.berdaya-strings); nothing user-visible is written in this file. */
(function () {
  "use strict";
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$+-./";
  var BASE = 41, DIGITS = 20, MAX_DIGITS = 4, MAX_NAME = 24, MAX_COUNT = 100, MAX_CHOICE = 15;
  var PREFIX = "BDY", FORMAT = "1", HEAD = "BDY1/";
  var EPOCH = Date.UTC(2020, 0, 1), DAY = 86400000;
  var ID_PRIME = 68917, VARIANT_PRIME = 1669;
  var SINGLE_SYMBOLS = 8, MASK_SYMBOLS = 29, ESCAPE = "/";
  var SPECIAL = { "\u00df": "SS", "\u1e9e": "SS", "\u00c6": "AE", "\u00e6": "AE", "\u0152": "OE",
    "\u0153": "OE", "\u00d8": "O", "\u00f8": "O", "\u0110": "D", "\u0111": "D", "\u00d0": "D",
    "\u00f0": "D", "\u0141": "L", "\u0142": "L", "\u0131": "I", "\u00de": "TH", "\u00fe": "TH",
    "\u014a": "NG", "\u014b": "NG" };
  var DROPPED = "'`\u00b4\u02bc\u2018\u2019";
  var SPACES = "\t\n\u000b\f\r \u00a0\u00ad\u1680\u2028\u2029\u202f\u205f\u2060\u3000\ufeff" +
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d";

  /* ---- The code: names, hashes, numbers, answers ---- */
  function codeName(name) {
    var letters = "";
    Array.from(String(name).normalize("NFKD")).forEach(function (char) {
      var spelled = SPECIAL[char] || char;
      if (DROPPED.indexOf(spelled) >= 0 || (spelled >= "\u0300" && spelled <= "\u036f")) return;
      Array.from(spelled).forEach(function (part) {
        var upper = part >= "a" && part <= "z" ? part.toUpperCase() : part;
        letters += /^[A-Z0-9]$/.test(upper) ? upper : "-";
      });
    });
    var words = letters.split("-").filter(Boolean);
    return words.join("-").slice(0, MAX_NAME).replace(/^-+|-+$/g, "");
  }
  function textHash(text, prime) {
    var bytes = new TextEncoder().encode(text), value = 0;
    for (var i = 0; i < bytes.length; i++) value = (value * 256 + bytes[i]) % prime;
    return value;
  }
  function fixed(value, width) {
    var symbols = "";
    for (var i = 0; i < width; i++) {
      symbols = ALPHABET[value % BASE] + symbols;
      value = Math.floor(value / BASE);
    }
    return symbols;
  }
  function curriculumHash(id) { return fixed(textHash(String(id), ID_PRIME), 3); }
  function variantHash(version, modules, pre, post) {
    return fixed(textHash(version + "\n" + modules.join(",") + "\n" + pre + "," + post, VARIANT_PRIME), 2);
  }
  function number(value) {
    var digits = [];
    do { digits.unshift(value % DIGITS); value = Math.floor(value / DIGITS); } while (value > 0);
    if (digits.length > MAX_DIGITS) throw new Error("number too large for a results code");
    return digits.map(function (d, i) { return ALPHABET[i < digits.length - 1 ? d + DIGITS : d]; }).join("");
  }
  /* One symbol: 0 not answered, 1 false, 2 true, 3-10 choice 0-7, 11-39 a set with bitmask
   * 1-29; anything else "/" and answerNumber in base 20. */
  function answerSymbols(answer) {
    if (answer === null || typeof answer === "boolean") return ALPHABET[answerNumber(answer)];
    if (typeof answer === "number") {
      if (answer < SINGLE_SYMBOLS) return ALPHABET[3 + answer];
    } else {
      var m = mask(answer);
      if (m >= 1 && m <= MASK_SYMBOLS) return ALPHABET[10 + m];
    }
    return ESCAPE + number(answerNumber(answer));
  }
  function mask(chosen) {
    var m = 0;
    chosen.forEach(function (i) { if (!(m & (1 << i))) m += 1 << i; });
    return m;
  }
  function answerNumber(answer) {
    if (answer === null) return 0;
    if (typeof answer === "boolean") return answer ? 2 : 1;
    if (typeof answer === "number") return 3 + 2 * answer;
    return 4 + 2 * mask(answer);
  }
  function answerOf(value) {
    if (value < 3) return [null, false, true][value];
    if (value % 2) return (value - 3) / 2;
    return bits((value - 4) / 2);
  }
  function bits(m) {
    var chosen = [];
    for (var i = 0; m >= 1 << i; i++) if (m & (1 << i)) chosen.push(i);
    return chosen;
  }
  function check(symbols) {
    var value = 0;
    for (var i = 0; i < symbols.length; i++) value = (value * BASE + ALPHABET.indexOf(symbols[i])) % ID_PRIME;
    return value;
  }
  function isoDate(days) { return new Date(EPOCH + days * DAY).toISOString().slice(0, 10); }
  function dayNumber(iso) {
    var parts = iso.split("-").map(Number);
    return Math.max(0, Math.round((Date.UTC(parts[0], parts[1] - 1, parts[2]) - EPOCH) / DAY));
  }
  function today() {
    var now = new Date();
    return isoDate(Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - EPOCH) / DAY));
  }

  function encode(results) {
    if (!results.name || codeName(results.name) !== results.name) throw new Error("not a code name");
    var parts = [HEAD, results.name, "/", results.curriculum, results.variant, fixed(dayNumber(results.date), 3)];
    parts.push(count(results.modules.length));
    results.modules.forEach(function (score) { parts.push(number(score === null ? 0 : score + 1)); });
    [results.pre, results.post].forEach(function (answers) {
      parts.push(count(answers ? answers.length : 0));
      (answers || []).forEach(function (answer) { parts.push(answerSymbols(answer)); });
    });
    var body = parts.join("");
    return body + fixed(check(body), 3);
  }
  function count(n) {
    if (n > MAX_COUNT) throw new Error("more than " + MAX_COUNT + " items in a results code");
    return number(n);
  }

  /* Reading: symbol by symbol, from a place in a text (already upper case). */
  function CodeError(reason) { this.reason = reason; this.name = null; }
  function Stream(text, start, skipSpace) {
    this.text = text; this.end = start; this.skipSpace = skipSpace;
    this.symbols = ""; this.stoppedAtSpace = false;
  }
  Stream.prototype.take = function () {
    var at = this.end, text = this.text;
    while (this.skipSpace && at < text.length && SPACES.indexOf(text[at]) >= 0) at++;
    if (at < text.length && ALPHABET.indexOf(text[at]) >= 0) {
      this.end = at + 1;
      this.symbols += text[at];
      return text[at];
    }
    this.stoppedAtSpace = at < text.length && SPACES.indexOf(text[at]) >= 0;
    throw new CodeError("incomplete");
  };
  function parse(stream) {
    for (var i = 0; i < PREFIX.length; i++) if (stream.take() !== PREFIX[i]) throw new CodeError("malformed");
    if (stream.take() !== FORMAT) throw new CodeError("format");
    if (stream.take() !== "/") throw new CodeError("malformed");
    var name = readName(stream);
    try {
      var results = readBody(stream, name);
      var expected = fixed(check(stream.symbols), 3);
      if (stream.take() + stream.take() + stream.take() !== expected) throw new CodeError("checksum");
      return results;
    } catch (e) {
      if (e instanceof CodeError) e.name = name;
      throw e;
    }
  }
  function readName(stream) {
    var name = "", symbol;
    while ((symbol = stream.take()) !== "/") {
      name += symbol;
      if (name.length > MAX_NAME) throw new CodeError("malformed");
    }
    if (!name || codeName(name) !== name) throw new CodeError("malformed");
    return name;
  }
  function readBody(stream, name) {
    var curriculum = stream.take() + stream.take() + stream.take();
    var variant = stream.take() + stream.take();
    var days = readFixed(stream, 3);
    var modules = readList(stream).map(function (v) { return v === 0 ? null : v - 1; });
    if (modules.some(function (score) { return score !== null && score > 100; })) throw new CodeError("malformed");
    var pre = readAnswers(stream), post = readAnswers(stream);
    return { name: name, curriculum: curriculum, variant: variant, date: isoDate(days),
      modules: modules, pre: pre, post: post };
  }
  function readFixed(stream, width) {
    var value = 0;
    for (var i = 0; i < width; i++) value = value * BASE + ALPHABET.indexOf(stream.take());
    return value;
  }
  function readNumber(stream) {
    var value = 0;
    for (var n = 1; n <= MAX_DIGITS; n++) {
      var digit = ALPHABET.indexOf(stream.take());
      if (digit === BASE - 1 || (n === 1 && digit === DIGITS)) throw new CodeError("malformed");
      if (digit < DIGITS) return value * DIGITS + digit;
      value = value * DIGITS + digit - DIGITS;
    }
    throw new CodeError("malformed");
  }
  function readList(stream) {
    var n = readNumber(stream), values = [];
    if (n > MAX_COUNT) throw new CodeError("malformed");
    for (var i = 0; i < n; i++) values.push(readNumber(stream));
    return values;
  }
  function readAnswers(stream) {
    var n = readNumber(stream), answers = [];
    if (n > MAX_COUNT) throw new CodeError("malformed");
    for (var i = 0; i < n; i++) answers.push(readAnswer(stream));
    return answers.length ? answers : null;
  }
  function readAnswer(stream) {
    var symbol = stream.take(), value = ALPHABET.indexOf(symbol);
    if (symbol !== ESCAPE) {
      if (value < 3) return [null, false, true][value];
      if (value < 3 + SINGLE_SYMBOLS) return value - 3;
      return bits(value - 10);
    }
    var answer = answerOf(readNumber(stream));
    var chosen = Array.isArray(answer) ? answer : [answer];
    if (answerSymbols(answer) !== ESCAPE + number(answerNumber(answer)) ||
        chosen.some(function (c) { return typeof c === "number" && c > MAX_CHOICE; })) {
      throw new CodeError("malformed");   /* an answer with a symbol of its own, or beyond choice 15 */
    }
    return answer;
  }
  function decode(text) {
    var stream = new Stream(text, 0, false);
    var results = parse(stream);
    if (stream.end !== text.length) { var e = new CodeError("malformed"); e.name = results.name; throw e; }
    return results;
  }

  /* What the device stored, as results (the "Kirim hasil" widget). */
  function fromStorage(send, learner, progress, tests, date) {
    var name = codeName(learner || "");
    if (!name) throw new Error("no name");
    var modules = send.modules.map(String);
    var counts = send.tests || {};
    var pre = Number(counts.pre || 0), post = Number(counts.post || 0);
    return {
      name: name,
      curriculum: curriculumHash(send.curriculum),
      variant: variantHash(String(send.version || ""), modules, pre, post),
      date: date < "2020-01-01" ? "2020-01-01" : date,   /* a phone whose clock was never set */
      modules: modules.map(function (module) { return storedScore(progress, module); }),
      pre: storedAnswers(tests, "pre", pre),
      post: storedAnswers(tests, "post", post)
    };
  }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function storedScore(progress, module) {
    var entry = isObject(progress) ? progress[module] : null;
    var best = isObject(entry) ? entry.best : null;
    if (typeof best !== "number" || !isFinite(best) || best < 0) return null;
    return Math.min(100, Math.floor(best + 0.5));
  }
  function storedAnswers(tests, kind, n) {
    var entry = isObject(tests) ? tests[kind] : null;
    var answers = isObject(entry) ? entry.answers : null;
    if (n === 0 || !Array.isArray(answers) || answers.length !== n) return null;
    return answers.map(storedAnswer);
  }
  function whole(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_CHOICE ? value : null;
  }
  function storedAnswer(answer) {
    if (typeof answer === "boolean") return answer;
    if (Array.isArray(answer)) {
      var chosen = answer.map(whole);
      if (!chosen.length || chosen.indexOf(null) >= 0) return null;
      return chosen.filter(function (c, i) { return chosen.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    }
    return whole(answer);
  }

  /* ---- Small helpers the widgets share ---- */
  var T = {};
  function fmt(key, values) {
    return String(T[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function json(element, name) {
    try { return element ? JSON.parse(element.getAttribute(name)) : null; } catch (e) { return null; }
  }
  function loadStrings() {   /* every .berdaya-strings of the page: a test page has two */
    T = {};
    Array.prototype.forEach.call(document.querySelectorAll(".berdaya-strings[data-strings]"), function (node) {
      var more = json(node, "data-strings") || {};
      Object.keys(more).forEach(function (key) { T[key] = more[key]; });
    });
    return T;
  }
  function onEveryPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);   /* Material: every page, also with instant navigation */
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  /* berdaya-tally.js adds scan, reread, tally, score, tableCells and csv (the trainer's half). */
  window.berdayaResults = {
    codeName: codeName, curriculumHash: curriculumHash, variantHash: variantHash, encode: encode,
    decode: decode, fromStorage: fromStorage, today: today,
    reading: { Stream: Stream, parse: parse, CodeError: CodeError },
    setStrings: function (strings) { T = strings || {}; },
    page: { el: el, json: json, fmt: fmt, loadStrings: loadStrings, onEveryPage: onEveryPage }
  };
})();
