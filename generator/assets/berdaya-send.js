/* "Kirim hasil": a learner's results code, as text and as a QR code, and ways to send it.
 * Plain ES2017, no network. Fills every .berdaya-send[data-send] (docs/assessment.md, "Page
 * contracts"): asks the learner's name once (berdaya:learner), reads the quiz progress and the
 * test answers of this curriculum from the device, and encodes them with berdaya-results.js;
 * the QR code comes from berdaya-qr.js (lean-qr). Sharing: the Web Share API where the
 * browser has it; otherwise a whatsapp://send link; "Salin kode" copies in every case, and
 * the code is always selectable text. The code is made when the panel opens, and again on
 * "berdaya:saved" (dispatched on document after a quiz or test is saved), on hashchange
 * (views of the single file) and when the page is shown again. */
(function () {
  "use strict";
  var LEARNER = "berdaya:learner";
  var SVG = "http://www.w3.org/2000/svg";
  var R, P, D, count = 0, boxes = [];

  function setUp(box) {
    var send = P.json(box, "data-send");
    if (!send || !Array.isArray(send.modules) || box.dataset.ready) return;
    box.dataset.ready = "true";
    count++;
    box.textContent = "";
    box.appendChild(P.el("p", "berdaya-send__intro", P.fmt("results.send_intro")));
    var open = P.el("button", "berdaya-send__open", P.fmt("results.send"));
    open.type = "button";
    open.setAttribute("aria-expanded", "false");
    var panel = P.el("div", "berdaya-send__panel");
    panel.id = "berdaya-send-" + count;
    panel.hidden = true;
    open.setAttribute("aria-controls", panel.id);
    open.addEventListener("click", function () {
      var show = panel.hidden;
      panel.hidden = !show;
      open.setAttribute("aria-expanded", String(show));
      if (show) render(panel, send, true);
    });
    box.appendChild(open);
    box.appendChild(panel);
    boxes.push({ panel: panel, send: send });
  }

  function render(panel, send, focus) {
    var name = D.loadText(LEARNER);
    if (typeof name !== "string" || !R.codeName(name)) {
      askName(panel, send, "");
      return;
    }
    var scope = send.curriculum;
    var results = R.fromStorage(send, name, D.load(D.scopeKey("progress", scope)),
      D.load(D.scopeKey("tests", scope)), R.today());
    showCode(panel, send, name, results, R.encode(results), focus);
  }

  function askName(panel, send, current) {
    panel.textContent = "";
    var id = panel.id + "-name";
    var form = P.el("form", "berdaya-send__name");
    var label = P.el("label", "berdaya-send__name-label", P.fmt("results.name_label"));
    label.htmlFor = id;
    var input = P.el("input", "berdaya-send__name-input");
    input.id = id;
    input.type = "text";
    input.autocomplete = "name";
    input.maxLength = 80;
    input.value = current;
    input.setAttribute("aria-describedby", id + "-help");
    var help = P.el("p", "berdaya-send__help", P.fmt("results.name_help"));
    help.id = id + "-help";
    var error = P.el("p", "berdaya-send__error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    var save = P.el("button", "berdaya-send__save", P.fmt("results.name_save"));
    save.type = "submit";
    [label, input, help, error, save].forEach(function (node) { form.appendChild(node); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      if (!R.codeName(typed)) {
        error.textContent = P.fmt("results.name_invalid");
        error.hidden = false;
        input.focus();
        return;
      }
      D.save(LEARNER, typed);
      render(panel, send, true);
    });
    panel.appendChild(form);
    input.focus();
  }

  function showCode(panel, send, name, results, code, focus) {
    panel.textContent = "";
    var who = P.el("p", "berdaya-send__who", P.fmt("results.name_shown", { name: results.name.replace(/-/g, " ") }) + " ");
    var rename = button("berdaya-send__rename", "results.name_change", function () { askName(panel, send, name); });
    who.appendChild(rename);
    var label = P.el("p", "berdaya-send__label", P.fmt("results.code_label"));
    label.id = panel.id + "-label";
    var holder = P.el("p", "berdaya-send__code");
    var text = P.el("code", null, code);
    text.setAttribute("aria-labelledby", label.id);
    text.tabIndex = 0;
    holder.appendChild(text);
    var picture = P.el("div", "berdaya-send__qr");
    picture.setAttribute("role", "img");
    picture.setAttribute("aria-label", P.fmt("results.qr_label"));
    var svg = qrSvg(code);
    if (svg) picture.appendChild(svg);
    var status = P.el("p", "berdaya-send__status");
    status.setAttribute("aria-live", "polite");
    var actions = P.el("p", "berdaya-send__actions");
    var message = P.fmt("results.share_text", { code: code });
    var copy = button("berdaya-send__copy", "results.copy", function () { copyCode(code, text, status); });
    if (typeof navigator.share === "function") {
      actions.appendChild(button("berdaya-send__share", "results.share", function () {
        navigator.share({ text: message }).catch(function (e) {
          if (!e || e.name !== "AbortError") addWhatsApp(actions, message, copy);
        });
      }));
    } else {
      addWhatsApp(actions, message, null);
    }
    actions.appendChild(copy);
    [who, label, holder, picture, actions, status].forEach(function (node) { panel.appendChild(node); });
    if (!D.canStore()) panel.appendChild(P.el("p", "berdaya-send__unsaved", P.fmt("progress.unavailable")));
    if (focus) text.focus();
  }

  function button(className, key, action) {
    var node = P.el("button", className, P.fmt(key));
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }
  function addWhatsApp(actions, message, before) {
    if (actions.querySelector(".berdaya-send__whatsapp")) return;
    var link = P.el("a", "berdaya-send__whatsapp", P.fmt("results.whatsapp"));
    link.href = "whatsapp://send?text=" + encodeURIComponent(message);
    actions.insertBefore(link, before);
  }
  function copyCode(code, node, status) {
    function copied() { status.textContent = P.fmt("results.copied"); }
    function byHand() {
      var range = document.createRange();
      range.selectNodeContents(node);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      status.textContent = P.fmt(done ? "results.copied" : "results.copy_failed");
    }
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      navigator.clipboard.writeText(code).then(copied, byHand);
    } else {
      byHand();
    }
  }

  /* The QR code as one SVG path: dark modules, runs of a row joined, a 4-module quiet zone. */
  function qrSvg(code) {
    var qr = window.berdayaQr;
    if (!qr || typeof qr.generate !== "function") return null;
    var bitmap = qr.generate(qr.mode.alphaNumeric(code), { minCorrectionLevel: qr.correction.M });
    var size = bitmap.size, pad = 4, path = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        if (!bitmap.get(x, y)) continue;
        var run = 1;
        while (x + run < size && bitmap.get(x + run, y)) run++;
        path += "M" + (x + pad) + " " + (y + pad) + "h" + run + "v1h-" + run + "z";
        x += run - 1;
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    var side = size + 2 * pad;
    svg.setAttribute("viewBox", "0 0 " + side + " " + side);
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", String(side));
    back.setAttribute("height", String(side));
    back.setAttribute("fill", "#fff");
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", path);
    dark.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(dark);
    return svg;
  }

  function refresh() {
    boxes = boxes.filter(function (box) { return document.contains(box.panel); });
    boxes.forEach(function (box) {
      if (!box.panel.hidden && !box.panel.querySelector(".berdaya-send__name")) render(box.panel, box.send, false);
    });
  }
  function init() {
    R = window.berdayaResults;
    if (!R || !window.berdayaDevice) return;
    P = R.page;
    D = window.berdayaDevice;
    R.setStrings(P.loadStrings());
    Array.prototype.forEach.call(document.querySelectorAll(".berdaya-send[data-send]"), setUp);
  }

  document.addEventListener("berdaya:saved", refresh);
  window.addEventListener("hashchange", refresh);
  window.addEventListener("pageshow", refresh);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
  window.berdayaSend = { init: init, refresh: refresh };
  if (window.berdayaResults) window.berdayaResults.page.onEveryPage(init);
})();
