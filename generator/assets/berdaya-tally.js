/* The trainer's tally: results codes pasted or scanned, one row per learner, CSV.
 * Plain ES2017, no network. Fills every .berdaya-tally[data-tally] (docs/assessment.md, "Page
 * contracts"). Paste anything (messages, an exported WhatsApp chat, a CSV); where the browser
 * has BarcodeDetector and a camera, QR codes can be scanned too (paste is the fallback). The
 * candidates found are kept in localStorage (berdaya:tally:<scope>) until "clear"; the table,
 * the problems (never dropped silently) and the CSV come from berdaya-results.js, the same
 * rules as `berdaya results` in Python. */
(function () {
  "use strict";
  var R, P, count = 0, cameras = [];

  function setUp(box) {
    var spec = P.json(box, "data-tally");
    if (!spec || !Array.isArray(spec.modules) || box.dataset.ready) return;
    box.dataset.ready = "true";
    count++;
    var state = { spec: spec, key: P.scopeKey("tally", spec.curriculum), id: "berdaya-tally-" + count };
    box.textContent = "";
    box.appendChild(pasteForm(state));
    if (canScan()) box.appendChild(camera(state));
    state.view = P.el("div", "berdaya-tally__view");
    box.appendChild(state.view);
    render(state);
  }

  /* Kept candidates: {"pastes": n, "entries": [{"text", "line", "column", "paste"} or {..., "scan": true}]} */
  function stored(state) {
    var data = P.loadJSON(state.key);
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
    P.save(state.key, data);
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
      P.save(state.key, null);
      state.status.textContent = "";
      render(state);
    });
    actions.appendChild(download);
    actions.appendChild(clear);
    view.appendChild(actions);
    view.appendChild(P.el("p", "berdaya-tally__kept", P.fmt(P.canStore() ? "results.kept" : "progress.unavailable")));
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
    if (!R) return;
    P = R.page;
    R.setStrings(P.loadStrings());
    cameras.forEach(stopCamera);   /* a new page (Material's instant navigation) */
    cameras = [];
    Array.prototype.forEach.call(document.querySelectorAll(".berdaya-tally[data-tally]"), setUp);
  }
  window.berdayaTally = { init: init };
  if (window.berdayaResults) window.berdayaResults.page.onEveryPage(init);
})();
