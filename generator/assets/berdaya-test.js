/* Berdaya pre-tests and post-tests: plain ES2017, no framework, no network.
 * A test page (.berdaya-test, made by generator/site/prepost.py) is taken once: the answers are
 * handed in after a confirmation that names unanswered questions, kept on the device under
 * berdaya:tests:<scope> (docs/assessment.md, "Stored on the learner's device"), then shown
 * read-only with the date, and the page's .berdaya-send element is revealed. Learner pages carry
 * no key and show no score. Trainer pages carry the key (data-test "key"), show the score and
 * can clear the device for the next learner.
 * Storage: berdaya-device.js (localStorage; where it throws, memory and window.name for the
 * visit). The <scope> is <site>:<curriculum>, plus @<version> when the page names a version.
 * Strings come from the page (.berdaya-strings); nothing user-visible is written in this file. */
(function () {
  "use strict";
  var T = {};
  var LEARNER = "berdaya:learner";

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function json(element, name) {
    try { return element ? JSON.parse(element.getAttribute(name)) : null; } catch (e) { return null; }
  }
  function fmt(key, values) {
    return String(T[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }
  function strings() {
    var found = {};
    $$(document, ".berdaya-strings[data-strings]").forEach(function (element) {
      var more = json(element, "data-strings") || {};
      Object.keys(more).forEach(function (key) { found[key] = more[key]; });
    });
    return found;
  }

  /* Storage: berdaya-device.js. */
  var D = window.berdayaDevice;
  function storageKey(curriculum) { return D.scopeKey("tests", curriculum); }

  /* Answers: one per question, in the test's order (see docs/assessment.md). */
  function readAnswer(box) {
    var values = $$(box, "input:checked").map(function (input) { return input.value; });
    var type = box.dataset.type;
    if (!values.length) return null;
    if (type === "true-false") return values[0] === "true";
    if (type === "single") return Number(values[0]);
    return values.map(Number).sort(function (a, b) { return a - b; });
  }
  function showAnswer(box, answer) {
    $$(box, "input").forEach(function (input) {
      var value = box.dataset.type === "true-false" ? input.value === "true" : Number(input.value);
      input.checked = answer !== null && answer !== undefined &&
        (Array.isArray(answer) ? answer.indexOf(value) >= 0 : answer === value);
    });
  }

  /* Scores (trainer pages): a fraction of each question's points, as the module quizzes count. */
  function fraction(q, answer) {
    if (answer === null || answer === undefined) return 0;
    if (q.type === "true-false") return answer === q.correct ? 1 : 0;
    var chosen = Array.isArray(answer) ? answer : [answer];
    var right = chosen.filter(function (i) { return q.correct.indexOf(i) >= 0; }).length;
    if (q.type === "single") return chosen.length === 1 && right === 1 ? 1 : 0;
    return Math.max(0, (right - (chosen.length - right)) / q.correct.length);
  }
  function score(key, answers) {
    var points = 0, total = 0;
    key.forEach(function (q, i) {
      total += q.points;
      points += q.points * fraction(q, answers[i]);
    });
    var percent = total ? Math.floor(points * 100 / total + 0.5 + 1e-9) : 0;
    return { percent: percent, points: Math.round(points * 100) / 100, total: total };
  }
  function number(value) {
    try { return value.toLocaleString(T["test.locale"] || undefined); } catch (e) { return String(value); }
  }
  function when(iso) {
    var options = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" };
    try { return new Date(iso).toLocaleString(T["test.locale"] || undefined, options); } catch (e) { return iso; }
  }
  function listed(numbers) {
    if (numbers.length < 2) return String(numbers[0]);
    return numbers.slice(0, -1).join(", ") + " " + T["test.and"] + " " + numbers[numbers.length - 1];
  }

  /* A test: open (answer and hand in) or handed in (the answers read-only, the date). */
  function show(test) {
    var data = json(test, "data-test");
    if (!data) return;
    var record = (D.load(storageKey(data.curriculum)) || {})[data.kind] || null;
    var boxes = $$(test, ".berdaya-q");
    var status = $(test, ".berdaya-test__status");
    var send = $(test, ".berdaya-send");
    var next = $(test, ".berdaya-test__next");
    var note = $(test, ".berdaya-test__nojs");
    if (note) note.hidden = true;
    if (!record && test.dataset.state === "done") $(test, "form").reset();   /* cleared */
    test.dataset.state = record ? "done" : "open";
    $(test, ".berdaya-test__actions").hidden = !!record;
    boxes.forEach(function (box, i) {
      box.disabled = !!record;
      if (record) showAnswer(box, record.answers[i]);
    });
    status.textContent = "";
    delete status.dataset.result;
    if (send) send.hidden = !record;
    if (next) next.hidden = !record;
    if (!record) return;
    status.appendChild(line(fmt("test.done", { date: when(record.at) })));
    if (data.key) {
      var result = score(data.key, record.answers);
      status.appendChild(line(fmt("test.score", {
        percent: result.percent, points: number(result.points), total: number(result.total)
      }), "berdaya-test__score"));
      status.dataset.result = "scored";
    } else {
      status.appendChild(line(T["test.done_learner"]));
    }
    if (!D.canStore()) status.appendChild(line(T["test.unsaved"], "berdaya-test__unsaved"));
  }
  function line(text, className) {
    var span = document.createElement("span");
    span.className = "berdaya-test__line" + (className ? " " + className : "");
    span.textContent = text;
    return span;
  }
  function handIn(test) {
    var data = json(test, "data-test");
    var key = storageKey(data.curriculum);
    var answers = $$(test, ".berdaya-q").map(readAnswer);
    var missing = [];
    answers.forEach(function (answer, i) { if (answer === null) missing.push(i + 1); });
    var ask = T["test.confirm"];
    if (missing.length) {
      ask = fmt(missing.length === 1 ? "test.unanswered_one" : "test.unanswered_many",
        { numbers: listed(missing) }) + " " + ask;
    }
    if (!window.confirm(ask)) return;
    var saved = D.load(key) || {};
    if (!saved[data.kind]) {   /* handed in elsewhere meanwhile (another tab): that one counts */
      saved[data.kind] = { answers: answers, at: new Date().toISOString() };
      D.save(key, saved);
      document.dispatchEvent(new CustomEvent("berdaya:saved"));
    }
    showAll();
    var status = $(test, ".berdaya-test__status");
    status.setAttribute("tabindex", "-1");
    status.focus();
  }
  function clear(test) {
    if (!window.confirm(T["test.reset_confirm"])) return;
    var data = json(test, "data-test");
    D.save(storageKey(data.curriculum), null);
    D.save(LEARNER, null);
    $$(test, "form").forEach(function (form) { form.reset(); });
    showAll();
    var first = $(test, ".berdaya-q input");
    if (first) first.focus();
  }
  function setUp(test) {
    if (test.dataset.ready || !json(test, "data-test")) return;
    test.dataset.ready = "true";
    var form = $(test, "form");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    $(test, ".berdaya-test__submit").addEventListener("click", function () { handIn(test); });
    var reset = $(test, ".berdaya-test__reset");
    if (reset) reset.addEventListener("click", function () { clear(test); });
  }
  function showAll() {
    $$(document, ".berdaya-test[data-ready]").forEach(show);
  }

  function init() {
    T = strings();
    $$(document, ".berdaya-test[data-test]").forEach(setUp);
    showAll();
  }

  window.berdayaTest = { init: init, score: score, storageKey: storageKey };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);   /* Material: every page, also with instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
