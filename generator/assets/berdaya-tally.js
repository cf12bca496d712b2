/* The trainer's tally: results codes pasted or scanned, one row per learner, CSV.
 * Plain ES2017, no network; needs berdaya-results.js (the code) loaded before it. First the
 * trainer's half of the specification, as generator/results/scan.py, tally.py and table.py
 * (finding codes in any text, the tally, the shown cells, the CSV), added to
 * window.berdayaResults; tested with the Python on tests/fixtures/results/. Then the page: fills
 * every .berdaya-tally[data-tally] (docs/assessment.md, "Page contracts"). Paste anything
 * (messages, an exported WhatsApp chat, a CSV); where the browser has BarcodeDetector and a
 * camera, QR codes can be scanned too (paste is the fallback). The candidates found are kept in
 * localStorage (berdaya:tally:<scope>) until "clear"; problems are never dropped silently. */
(function () {
  "use strict";
  var R, P, D, count = 0, cameras = [];
  var C = window.berdayaResults;
  if (!C) return;
  var Stream = C.reading.Stream, parse = C.reading.parse, CodeError = C.reading.CodeError;
  var curriculumHash = C.curriculumHash, variantHash = C.variantHash, fmt = C.page.fmt;

  /* ---- Finding codes in any text ---- */
  function upper(text) { return String(text).replace(/[a-z]+/g, function (s) { return s.toUpperCase(); }); }
  function scan(text) {
    text = upper(text);
    var found = [], taken = 0, start = /BDY[0-9]\//g, match, counted = { at: 0, line: 1 };
    while ((match = start.exec(text)) !== null) {
      if (match.index < taken) continue;
      for (; counted.at < match.index; counted.at++) if (text.charCodeAt(counted.at) === 10) counted.line++;
      var item = readAt(text, match.index, counted.line);
      if (item.found.results) taken = item.end;
      found.push(item.found);
    }
    return found;
  }
  function readAt(text, start, line) {
    var lineStart = text.lastIndexOf("\n", start - 1) + 1;
    var column = Array.from(text.slice(lineStart, start)).length + 1;
    var strict = new Stream(text, start, false), failure;
    try {
      var results = parse(strict);
      return { found: foundItem(line, column, strict.symbols, results, null, null), end: strict.end };
    } catch (e) {
      if (!(e instanceof CodeError)) throw e;
      failure = e;
    }
    if (strict.stoppedAtSpace) {
      var joined = new Stream(text, start, true);
      try {
        var rejoined = parse(joined);
        return { found: foundItem(line, column, joined.symbols, rejoined, null, null), end: joined.end };
      } catch (e) {
        if (!(e instanceof CodeError)) throw e;
      }
    }
    return { found: foundItem(line, column, strict.symbols, null, failure.reason, failure.name), end: strict.end };
  }
  function foundItem(line, column, text, results, reason, name) {
    return { line: line, column: column, text: text, results: results, reason: reason, name: name };
  }
  /* A candidate kept by the tally page, read again from its symbols. */
  function reread(text, line, column) {
    var stream = new Stream(text, 0, false);
    try {
      return foundItem(line, column, text, parse(stream), null, null);
    } catch (e) {
      if (!(e instanceof CodeError)) throw e;
      return foundItem(line, column, text, null, e.reason, e.name);
    }
  }

  /* ---- The tally: score codes against the curriculum's spec ---- */
  function displayName(name) { return name ? name.replace(/-/g, " ") : null; }
  function problem(entry, index, reason) {
    var f = entry.found;
    return { index: index, reason: reason, source: entry.source, line: f.line, column: f.column, text: f.text,
      name: displayName(f.results ? f.results.name : f.name) };
  }
  function tally(entries, spec) {
    var problems = [], accepted = [], seen = {};
    entries.forEach(function (entry, index) {
      var reason = rejection(entry.found, spec, seen);
      if (reason !== null) { problems.push(problem(entry, index, reason)); return; }
      seen[entry.found.text] = true;
      accepted.push({ index: index, entry: entry, results: entry.found.results });
    });
    var newest = {}, names = [];
    accepted.forEach(function (item) {
      var name = item.results.name, kept = newest[name];
      if (!kept) names.push(name);
      if (kept && (kept.results.date > item.results.date ||
          (kept.results.date === item.results.date && kept.index > item.index))) {
        var swap = item; item = kept; kept = swap;
      }
      newest[name] = item;
      if (kept) problems.push(problem(kept.entry, kept.index, "replaced"));
    });
    var rows = names.map(function (name) { return row(newest[name], spec); });
    rows.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
    problems.sort(function (a, b) { return a.index - b.index; });
    problems.forEach(function (p) { delete p.index; });
    return { rows: rows, problems: problems };
  }
  function rejection(found, spec, seen) {
    var r = found.results;
    if (!r) return found.reason || "malformed";
    if (r.curriculum !== curriculumHash(spec.curriculum)) return "curriculum";
    var keys = spec.tests;
    var pre = keys ? keys.pre.length : 0, post = keys ? keys.post.length : 0;
    var variant = variantHash(spec.version, spec.modules.map(function (m) { return m.id; }), pre, post);
    var fits = r.modules.length === spec.modules.length &&
      (r.pre === null || r.pre.length === pre) && (r.post === null || r.post.length === post);
    if (r.variant !== variant || !fits) return "version";
    if (seen[found.text]) return "duplicate";
    return null;
  }
  function row(item, spec) {
    var r = item.results, keys = spec.tests;
    var pre = keys && r.pre !== null ? score(r.pre, keys.pre) : null;
    var post = keys && r.post !== null ? score(r.post, keys.post) : null;
    return {
      name: displayName(r.name), date: r.date, pre: pre, post: post,
      gain: pre !== null && post !== null ? post - pre : null,
      modules: r.modules.map(function (best, i) {
        return { score: best, passed: best === null ? null : best >= spec.modules[i].pass };
      }),
      code: item.entry.found.text
    };
  }
  function gcd(a, b) { return b ? gcd(b, a % b) : a; }
  function score(answers, keys) {
    var fractions = answers.map(function (answer, i) { return fraction(answer, keys[i]); });
    var common = fractions.reduce(function (l, f) { return l / gcd(l, f[1]) * f[1]; }, 1);
    var earned = 0, total = 0;
    fractions.forEach(function (f, i) { earned += keys[i].points * f[0] * (common / f[1]); total += keys[i].points; });
    total *= common;
    if (!total) return 0;
    var top = 200 * earned + total, bottom = 2 * total;
    return (top - top % bottom) / bottom;
  }
  function fraction(answer, key) {
    var correct = key.correct;
    if (key.type === "true-false") return [typeof answer === "boolean" && answer === correct ? 1 : 0, 1];
    if (answer === null || typeof answer === "boolean" || typeof correct === "boolean") return [0, 1];
    var chosen = Array.isArray(answer) ? answer : [answer];
    var right = chosen.filter(function (c) { return correct.indexOf(c) >= 0; }).length;
    var wrong = chosen.length - right;
    if (key.type === "single") return [right === correct.length && wrong === 0 ? 1 : 0, 1];
    return [Math.max(0, right - wrong), Math.max(1, correct.length)];
  }

  /* ---- The table: shown cells and CSV (generator/results/table.py) ---- */
  function tableCells(result, spec) {
    var header = ["name", "date", "pre", "post", "gain"].map(function (k) { return fmt("results.col_" + k); });
    spec.modules.forEach(function (m, i) { header.push(fmt("results.module_short", { n: i + 1 })); });
    header.push(fmt("results.col_skill"));
    var rows = result.rows.map(function (r) {
      var cells = [r.name, r.date, percent(r.pre), percent(r.post), signed(r.gain)];
      r.modules.forEach(function (m) {
        cells.push(m.score === null ? "\u2014" : m.score + " " + fmt(m.passed ? "results.pass_mark" : "results.fail_mark"));
      });
      cells.push("");
      return cells;
    });
    var legend = spec.modules.map(function (m, i) {
      return fmt("results.legend", { short: fmt("results.module_short", { n: i + 1 }), title: m.title, pass: m.pass });
    });
    return { header: header, rows: rows, legend: legend };
  }
  function percent(value) { return value === null ? "\u2014" : value + "%"; }
  function signed(value) { return value === null ? "\u2014" : value > 0 ? "+" + value : String(value); }
  function csv(result, spec) {
    var titles = [fmt("results.col_name"), fmt("results.col_date"),
      fmt("results.csv_percent", { column: fmt("results.col_pre") }),
      fmt("results.csv_percent", { column: fmt("results.col_post") }), fmt("results.csv_gain")];
    spec.modules.forEach(function (m) {
      titles.push(fmt("results.csv_percent", { column: m.title }), fmt("results.csv_passed", { module: m.title }));
    });
    titles.push(fmt("results.col_skill"));
    var lines = [titles.map(textCell)];
    result.rows.forEach(function (r) {
      var line = [textCell(r.name), r.date, plain(r.pre), plain(r.post), plain(r.gain)];
      r.modules.forEach(function (m) {
        line.push(plain(m.score), m.passed === null ? "" : fmt(m.passed ? "results.yes" : "results.no"));
      });
      line.push("");
      lines.push(line);
    });
    return lines.map(function (line) { return line.map(quoted).join(",") + "\r\n"; }).join("");
  }
  function plain(value) { return value === null ? "" : String(value); }
  function textCell(value) { return /^[=+\-@\t\r]/.test(value) ? "'" + value : value; }
  function quoted(cell) {
    return /[",\r\n]/.test(cell) || cell !== cell.replace(/^ +| +$/g, "") ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  C.scan = scan;
  C.reread = reread;
  C.tally = tally;
  C.score = score;
  C.tableCells = tableCells;
  C.csv = csv;

  /* ---- The tally page ---- */

  function setUp(box) {
    var spec = P.json(box, "data-tally");
    if (!spec || !Array.isArray(spec.modules) || box.dataset.ready) return;
    box.dataset.ready = "true";
    count++;
    var state = { spec: spec, key: D.scopeKey("tally", spec.curriculum), id: "berdaya-tally-" + count };
    box.textContent = "";
    box.appendChild(pasteForm(state));
    if (canScan()) box.appendChild(camera(state));
    state.view = P.el("div", "berdaya-tally__view");
    box.appendChild(state.view);
    render(state);
  }

  /* Kept candidates: {"pastes": n, "entries": [{"text", "line", "column", "paste"} or {..., "scan": true}]} */
  function stored(state) {
    var data = D.load(state.key);
    var entries = data && Array.isArray(data.entries) ? data.entries.filter(function (e) {
      return e && typeof e.text === "string" && typeof e.line === "number" && typeof e.column === "number";
    }) : [];
    return { pastes: data && typeof data.pastes === "number" ? data.pastes : 0, entries: entries };
  }
  function keep(state, found, origin) {
    var data = stored(state);
    if (!origin.scan) data.pastes += 1;
    found.forEach(function (f) {
      var entry = { text: f.text, line: f.line, column: f.column };
      if (origin.scan) entry.scan = true; else entry.paste = data.pastes;
      data.entries.push(entry);
    });
    D.save(state.key, data);
  }
  function entries(state) {
    return stored(state).entries.map(function (e) {
      var source = e.scan ? P.fmt("results.where_scan") : P.fmt("results.where_paste", { paste: e.paste, line: e.line });
      return { source: source, found: R.reread(e.text, e.line, e.column) };
    });
  }

  function pasteForm(state) {
    var form = P.el("form", "berdaya-tally__paste");
    var label = P.el("label", "berdaya-tally__label", P.fmt("results.paste_label"));
    label.htmlFor = state.id + "-text";
    var area = P.el("textarea", "berdaya-tally__text");
    area.id = state.id + "-text";
    area.rows = 6;
    area.spellcheck = false;
    var read = P.el("button", "berdaya-tally__read", P.fmt("results.read"));
    read.type = "submit";
    state.status = P.el("p", "berdaya-tally__status");
    state.status.setAttribute("aria-live", "polite");
    var actions = P.el("p", "berdaya-tally__actions");
    actions.appendChild(read);
    [label, area, actions, state.status].forEach(function (node) { form.appendChild(node); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!area.value.trim()) return;
      var found = R.scan(area.value);
      if (found.length) keep(state, found, {});
      state.status.textContent = found.length ? P.fmt("results.read_summary", { found: found.length }) : P.fmt("results.none_found");
      area.value = "";
      render(state);
    });
    state.actions = actions;
    return form;
  }

  /* Scanning: BarcodeDetector on the camera's video, a few times a second. */
  function canScan() {
    return "BarcodeDetector" in window && !!navigator.mediaDevices &&
      typeof navigator.mediaDevices.getUserMedia === "function";
  }
  function camera(state) {
    var box = P.el("div", "berdaya-tally__camera");
    box.hidden = true;
    var video = P.el("video", "berdaya-tally__video");
    video.muted = true;
    video.setAttribute("playsinline", "");
    var stop = P.el("button", "berdaya-tally__stop", P.fmt("results.scan_stop"));
    stop.type = "button";
    stop.addEventListener("click", function () { stopCamera(state); });
    [P.el("p", "berdaya-tally__help", P.fmt("results.scan_help")), video, stop].forEach(function (n) { box.appendChild(n); });
    var start = P.el("button", "berdaya-tally__scan", P.fmt("results.scan"));
    start.type = "button";
    start.addEventListener("click", function () { startCamera(state, box, video); });
    state.actions.appendChild(start);
    return box;
  }
  function startCamera(state, box, video) {
    if (state.stream) return;
    var detector;
    function failed() { state.status.textContent = P.fmt("results.scan_failed"); stopCamera(state); }
    try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { failed(); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (stream) {
      state.stream = stream;
      state.box = box;
      cameras.push(state);
      video.srcObject = stream;
      box.hidden = false;
      var playing = video.play();
      if (playing && playing.catch) playing.catch(function () { /* frames still come */ });
      var seen = {};
      (function look() {
        if (state.stream !== stream) return;
        detector.detect(video).then(function (codes) {
          codes.forEach(function (code) {
            var raw = String(code.rawValue || "");
            if (raw && !seen[raw]) { seen[raw] = true; scanned(state, raw); }
          });
        }).catch(function () { /* no frame yet */ }).then(function () {
          if (state.stream === stream) state.timer = setTimeout(look, 300);
        });
      })();
    }, failed);
  }
  function stopCamera(state) {
    if (state.stream) state.stream.getTracks().forEach(function (track) { track.stop(); });
    state.stream = null;
    clearTimeout(state.timer);
    if (state.box) state.box.hidden = true;
  }
  function scanned(state, raw) {
    var found = R.scan(raw);
    if (!found.length) { state.status.textContent = P.fmt("results.none_found"); return; }
    keep(state, found, { scan: true });
    var name = found[0].results ? found[0].results.name : found[0].name;
    state.status.textContent = P.fmt("results.scanned", { name: (name || "?").replace(/-/g, " ") });
    render(state);
  }

  /* The table, the legend, the problems, the buttons. */
  function render(state) {
    var view = state.view, spec = state.spec;
    var result = R.tally(entries(state), spec);
    var cells = R.tableCells(result, spec);
    view.textContent = "";
    view.appendChild(P.el("p", "berdaya-tally__count", P.fmt("results.learners", { count: result.rows.length })));
    if (result.rows.length) {
      var scroll = P.el("div", "berdaya-tally__scroll");
      scroll.appendChild(table(cells, result));
      view.appendChild(scroll);
      var legend = P.el("ul", "berdaya-tally__legend");
      cells.legend.forEach(function (line) { legend.appendChild(P.el("li", null, line)); });
      view.appendChild(legend);
    } else {
      view.appendChild(P.el("p", "berdaya-tally__empty", P.fmt("results.empty")));
    }
    if (result.problems.length) view.appendChild(problems(result.problems));
    var actions = P.el("p", "berdaya-tally__actions");
    var download = P.el("button", "berdaya-tally__download", P.fmt("results.download"));
    download.type = "button";
    download.disabled = !result.rows.length;
    download.addEventListener("click", function () { downloadCsv(R.csv(result, spec), spec); });
    var clear = P.el("button", "berdaya-tally__clear", P.fmt("results.clear"));
    clear.type = "button";
    clear.disabled = !stored(state).entries.length;
    clear.addEventListener("click", function () {
      if (!window.confirm(P.fmt("results.clear_confirm"))) return;
      D.save(state.key, null);
      state.status.textContent = "";
      render(state);
    });
    actions.appendChild(download);
    actions.appendChild(clear);
    view.appendChild(actions);
    view.appendChild(P.el("p", "berdaya-tally__kept", P.fmt(D.canStore() ? "results.kept" : "progress.unavailable")));
  }
  function table(cells, result) {
    var node = P.el("table", "berdaya-tally__table");
    var head = P.el("thead"), top = P.el("tr");
    cells.header.forEach(function (text, i) {
      var th = P.el("th", null, text);
      th.scope = "col";
      var module = i - 5;
      if (module >= 0 && module < cells.legend.length) th.title = cells.legend[module];
      top.appendChild(th);
    });
    head.appendChild(top);
    var body = P.el("tbody");
    cells.rows.forEach(function (texts, r) {
      var tr = P.el("tr");
      texts.forEach(function (text, i) {
        var cell = P.el(i === 0 ? "th" : "td", null, text);
        if (i === 0) cell.scope = "row";
        var module = result.rows[r].modules[i - 5];
        if (module && module.passed !== null) cell.dataset.state = module.passed ? "passed" : "failed";
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    node.appendChild(head);
    node.appendChild(body);
    return node;
  }
  function problems(list) {
    var box = P.el("div", "berdaya-tally__problems");
    box.appendChild(P.el("p", "berdaya-tally__problems-title", P.fmt("results.problems", { count: list.length })));
    var ul = P.el("ul");
    list.forEach(function (p) {
      var li = P.el("li", "berdaya-tally__problem");
      li.dataset.reason = p.reason;
      var parts = [P.fmt("results.reason." + p.reason)];
      if (p.name) parts.push(p.name);
      parts.push(p.source);
      li.appendChild(document.createTextNode(parts.join(" \u2014 ") + ": "));
      li.appendChild(P.el("code", null, p.text));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }
  function downloadCsv(text, spec) {
    var blob = new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
    var link = P.el("a");
    link.href = URL.createObjectURL(blob);
    link.download = P.fmt("results.file") + "-" + spec.curriculum + ".csv";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function init() {
    R = window.berdayaResults;
    if (!R || !window.berdayaDevice) return;
    P = R.page;
    D = window.berdayaDevice;
    R.setStrings(P.loadStrings());
    cameras.forEach(stopCamera);   /* a new page (Material's instant navigation) */
    cameras = [];
    Array.prototype.forEach.call(document.querySelectorAll(".berdaya-tally[data-tally]"), setUp);
  }
  window.berdayaTally = { init: init };
  if (window.berdayaResults) window.berdayaResults.page.onEveryPage(init);
})();
