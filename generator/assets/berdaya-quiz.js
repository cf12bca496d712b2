/* Berdaya quizzes and progress: plain ES2017, no framework, no network.
 * Quiz pages: the form made by generator/quiz.py is checked here against its data (data-quiz).
 * Every page: .berdaya-progress and .berdaya-progress-summary show results kept in localStorage.
 * Strings come from the page (.berdaya-strings); nothing user-visible is written in this file. */
(function () {
  "use strict";
  var T = {};

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  /* Data is JSON in data- attributes (data-quiz, data-strings): pages hold no scripts of theirs. */
  function json(element, name) {
    try { return element ? JSON.parse(element.getAttribute(name)) : null; } catch (e) { return null; }
  }
  function fmt(key, values) {
    return String(T[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = list[i]; list[i] = list[j]; list[j] = swap;
    }
    return list;
  }

  /* Progress: one localStorage entry per site and curriculum. Under file:// every site
   * shares one origin, so the key names the site (meta berdaya-site, added by the plugin)
   * and, in the single-file export, the curriculum's version (meta berdaya-version).
   * Where localStorage is missing or throws, results are kept for this visit only: in memory
   * and in window.name, which a reload of the same tab keeps. */
  var memory = readMemory();
  var storable = null;
  function readMemory() {
    try {
      var kept = JSON.parse(window.name);
      if (kept && typeof kept.berdaya === "object") return kept.berdaya;
    } catch (e) { /* not ours */ }
    return {};
  }
  function keepMemory() {
    if (canStore()) return;
    try { window.name = JSON.stringify({ berdaya: memory }); } catch (e) { /* memory only */ }
  }
  function storageKey(curriculum) {
    var site = $(document, 'meta[name="berdaya-site"]');
    var version = $(document, 'meta[name="berdaya-version"]');
    var key = "berdaya:progress:" + (site ? site.content : "berdaya") + ":" + curriculum;
    return version && version.content ? key + "@" + version.content : key;
  }
  function canStore() {
    if (storable === null) {
      try {
        localStorage.setItem("berdaya:probe", "1");
        localStorage.removeItem("berdaya:probe");
        storable = true;
      } catch (e) { storable = false; }
    }
    return storable;
  }
  function loadProgress(curriculum) {
    var key = storageKey(curriculum);
    if (!canStore()) return memory[key] || {};
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function saveProgress(curriculum, progress) {
    var key = storageKey(curriculum);
    memory[key] = progress;
    try { localStorage.setItem(key, JSON.stringify(progress)); } catch (e) { storable = false; }
    keepMemory();
  }
  function record(curriculum, module, percent, passed) {
    var progress = loadProgress(curriculum);
    var before = progress[module] || { best: -1, passed: false };
    progress[module] = {
      best: Math.max(before.best, percent), last: percent,
      passed: before.passed || passed, at: new Date().toISOString()
    };
    saveProgress(curriculum, progress);
  }
  function statusText(result) {
    if (!result) return T["progress.not_started"];
    return fmt(result.passed ? "progress.passed" : "progress.failed", { percent: result.best });
  }
  function showProgress(root) {
    $$(root, ".berdaya-progress[data-curriculum][data-module]").forEach(function (span) {
      var result = loadProgress(span.dataset.curriculum)[span.dataset.module];
      span.textContent = statusText(result);
      span.dataset.state = !result ? "none" : result.passed ? "passed" : "failed";
    });
    $$(root, ".berdaya-progress-summary[data-curriculum]").forEach(showSummary);
  }
  function showSummary(box) {
    var curriculum = box.dataset.curriculum;
    var modules = (box.dataset.modules || "").split(" ").filter(Boolean);
    var progress = loadProgress(curriculum);
    var passed = modules.filter(function (m) { return progress[m] && progress[m].passed; }).length;
    box.textContent = "";
    box.appendChild(el("p", "berdaya-progress-summary__text", fmt("progress.summary", { passed: passed, total: modules.length })));
    if (!canStore()) {
      box.appendChild(el("p", "berdaya-progress-summary__note", T["progress.unavailable"]));
      return;
    }
    var note = el("p", "berdaya-progress-summary__note", T["progress.kept_here"] + " ");
    var reset = el("button", "berdaya-progress-summary__reset", T["progress.reset"]);
    reset.type = "button";
    reset.addEventListener("click", function () {
      if (!window.confirm(T["progress.reset_confirm"])) return;
      delete memory[storageKey(curriculum)];
      keepMemory();
      try { localStorage.removeItem(storageKey(curriculum)); } catch (e) { /* nothing stored */ }
      showProgress(document);
      var again = $(document, ".berdaya-progress-summary__reset");
      if (again) again.focus();
    });
    note.appendChild(reset);
    box.appendChild(note);
  }

  /* Answers typed the way people type them. */
  function normalText(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function parseNumber(text, lang, unit) {
    var s = String(text).replace(/[\s\u00a0\u202f]+/g, " ").trim();
    var affixes = ["rp.", "rp", "idr"];
    if (unit) affixes.unshift(String(unit).toLowerCase());
    affixes.forEach(function (affix) {
      var pattern = escapeRegExp(affix);
      s = s.replace(new RegExp("^" + pattern, "i"), "").replace(new RegExp(pattern + "$", "i"), "").trim();
    });
    s = s.replace(/ /g, "").replace(/^\u2212/, "-");
    var sign = 1;
    if (/^[-+]/.test(s)) { sign = s[0] === "-" ? -1 : 1; s = s.slice(1); }
    if (!/^[\d.,]+$/.test(s)) return NaN;
    var decimal = lang === "en" ? "." : ",";
    var group = lang === "en" ? "," : ".";
    var grouped = new RegExp("^\\d{1,3}(" + escapeRegExp(group) + "\\d{3})+$");
    var whole = s, fraction = "";
    var at = s.lastIndexOf(decimal);
    if (at >= 0) {
      whole = s.slice(0, at); fraction = s.slice(at + 1);
      if (!/^\d+$/.test(fraction)) return NaN;
    } else if (s.indexOf(group) >= 0 && !grouped.test(s)) {
      var parts = s.split(group);   /* "2.5" in Indonesian, "2,5" in English: a decimal point */
      if (parts.length !== 2) return NaN;
      whole = parts[0]; fraction = parts[1];
    }
    if (whole.indexOf(group) >= 0) {
      if (!grouped.test(whole)) return NaN;
      whole = whole.split(group).join("");
    }
    if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === "") return NaN;
    return sign * Number((whole || "0") + "." + (fraction || "0"));
  }

  /* What the learner answered (null: not answered) and whether it is right. */
  var read = {
    choice: function (box) {
      var values = $$(box, "input:checked").map(function (input) { return input.value; });
      return values.length ? values : null;
    },
    field: function (box) {
      var value = $(box, ".berdaya-q__input").value.trim();
      return value ? value : null;
    },
    order: function (box) {
      if (!box.dataset.moved) return null;   /* the shuffled start is never right: untouched is unanswered */
      return $$(box, ".berdaya-order__item").map(function (li) { return Number(li.dataset.item); });
    },
    match: function (box) {
      var values = $$(box, "select").map(function (s) { return s.value; });
      return values.some(Boolean) ? values : null;
    }
  };
  var readers = { single: read.choice, multiple: read.choice, "true-false": read.choice,
    text: read.field, number: read.field, order: read.order, match: read.match };
  var graders = {
    single: function (q, a) { return a.length === 1 && q.correct.indexOf(Number(a[0])) >= 0; },
    multiple: function (q, a) {
      return a.length === q.correct.length && a.every(function (v) { return q.correct.indexOf(Number(v)) >= 0; });
    },
    "true-false": function (q, a) { return (a[0] === "true") === q.answer; },
    text: function (q, a) {
      return q.answers.some(function (answer) { return normalText(answer) === normalText(a); });
    },
    number: function (q, a, lang) {
      var n = parseNumber(a, lang, q.unit);
      return !isNaN(n) && Math.abs(n - q.answer) <= q.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer));
    },
    order: function (q, a) { return a.every(function (item, i) { return q.same[item] === q.same[i]; }); },
    match: function (q, a) {
      return a.every(function (v, i) { return v !== "" && q.accept[i].indexOf(Number(v)) >= 0; });
    }
  };

  /* Order questions: move-up / move-down buttons, announced in a live region. */
  function setUpOrder(box) {
    var list = $(box, ".berdaya-order");
    var help = $(box, ".berdaya-q__help");
    if (help) help.hidden = false;
    var live = el("p", "berdaya-sr-only");
    live.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(live, list.nextSibling);
    $$(list, ".berdaya-order__item").forEach(function (li) {
      var name = $(li, ".berdaya-order__text").textContent;
      var buttons = el("span", "berdaya-order__buttons");
      [["up", "\u2191", "quiz.move_up"], ["down", "\u2193", "quiz.move_down"]].forEach(function (b) {
        var button = el("button", "berdaya-order__" + b[0], b[1]);
        button.type = "button";
        button.setAttribute("aria-label", T[b[2]] + ": " + name);
        button.addEventListener("click", function () { move(list, li, b[0], live); });
        buttons.appendChild(button);
      });
      li.appendChild(buttons);
    });
    updateOrderButtons(list);
  }
  function move(list, li, direction, live) {
    var other = direction === "up" ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    list.insertBefore(li, direction === "up" ? other : other.nextSibling);
    list.closest(".berdaya-q").dataset.moved = "true";
    updateOrderButtons(list);
    var button = $(li, ".berdaya-order__" + direction);
    (button.disabled ? $(li, ".berdaya-order__" + (direction === "up" ? "down" : "up")) : button).focus();
    var items = $$(list, ".berdaya-order__item");
    live.textContent = fmt("quiz.moved", {
      item: $(li, ".berdaya-order__text").textContent,
      position: items.indexOf(li) + 1, total: items.length
    });
  }
  function updateOrderButtons(list) {
    var items = $$(list, ".berdaya-order__item");
    items.forEach(function (li, i) {
      $(li, ".berdaya-order__up").disabled = i === 0;
      $(li, ".berdaya-order__down").disabled = i === items.length - 1;
    });
  }
  function shuffleOrder(box, same) {
    var list = $(box, ".berdaya-order");
    var items = $$(list, ".berdaya-order__item");
    var tries = 0;
    do { shuffle(items); tries++; } while (tries < 20 && items.length > 1 &&
      items.every(function (li, i) { return same[Number(li.dataset.item)] === same[i]; }));
    items.forEach(function (li) { list.appendChild(li); });
    updateOrderButtons(list);
  }
  function shuffleChoices(box) {
    var holder = $(box, ".berdaya-q__choices");
    shuffle($$(holder, ".berdaya-choice")).forEach(function (choice) { holder.appendChild(choice); });
  }

  /* Checking, feedback and trying again. */
  function showResult(box, q, answer, ok) {
    var result = $(box, ".berdaya-q__result");
    var verdict = answer === null ? "quiz.unanswered" : ok ? "quiz.correct" : "quiz.incorrect";
    box.dataset.result = ok ? "correct" : "incorrect";
    result.textContent = "";
    result.appendChild(el("p", "berdaya-q__verdict", T[verdict]));
    if (q.type === "single" || q.type === "multiple") {
      (answer || []).forEach(function (value) { showChoiceFeedback(box, q, value); });
    }
    var key = $(box, ".berdaya-q__key");
    if (!ok) copyInto(result, $(key, ".berdaya-q__solution"));
    copyInto(result, $(key, ".berdaya-q__explanation"));
    result.hidden = false;
  }
  function showChoiceFeedback(box, q, value) {
    var choice = $(box, '.berdaya-choice[data-choice="' + value + '"]');
    choice.dataset.result = q.correct.indexOf(Number(value)) >= 0 ? "correct" : "incorrect";
    copyInto(choice, $(box, '.berdaya-q__key .berdaya-fb[data-choice="' + value + '"]'));
  }
  function copyInto(target, source) {
    if (source) target.appendChild(source.cloneNode(true)).classList.add("berdaya-copy");
  }
  function check(quiz, data) {
    var points = 0, total = 0, answered = 0;
    $$(quiz, ".berdaya-q").forEach(function (box, i) {
      var q = data.questions[i];
      var answer = readers[q.type](box);
      if (answer !== null) answered++;
      var ok = answer !== null && graders[q.type](q, answer, data.lang);
      total += q.points;
      if (ok) points += q.points;
      showResult(box, q, answer, ok);
      box.disabled = true;
    });
    var percent = total ? Math.round(points * 100 / total) : 0;
    var passed = points * 100 >= data.pass * total;
    $(quiz, ".berdaya-quiz__status").textContent = fmt("quiz.score", {
      percent: percent, points: points, total: total,
      result: T[passed ? "quiz.passed" : "quiz.failed"]
    });
    $(quiz, ".berdaya-quiz__status").dataset.result = passed ? "passed" : "failed";
    if (answered) {   /* checking an empty quiz is not an attempt */
      record(data.curriculum, data.module, percent, passed);
      showProgress(quiz);
      if (!canStore()) {
        $(quiz, ".berdaya-quiz__status").appendChild(el("span", "berdaya-quiz__unsaved", T["progress.unavailable"]));
      }
    }
    $(quiz, ".berdaya-quiz__check").hidden = true;
    var retry = $(quiz, ".berdaya-quiz__retry");
    retry.hidden = false;
    retry.focus();
  }
  function arrange(quiz, data) {
    $$(quiz, ".berdaya-q").forEach(function (box, i) {
      var q = data.questions[i];
      if (q.type === "order") shuffleOrder(box, q.same);
      if (data.shuffle && (q.type === "single" || q.type === "multiple")) shuffleChoices(box);
    });
  }
  function retry(quiz, data) {
    var form = $(quiz, "form");
    form.reset();
    $$(quiz, ".berdaya-copy").forEach(function (node) { node.parentNode.removeChild(node); });
    $$(quiz, "[data-result]").forEach(function (node) { delete node.dataset.result; });
    $$(quiz, ".berdaya-q").forEach(function (box) {
      delete box.dataset.moved;
      box.disabled = false;
      $(box, ".berdaya-q__result").hidden = true;
    });
    arrange(quiz, data);
    $(quiz, ".berdaya-quiz__status").textContent = "";
    $(quiz, ".berdaya-quiz__retry").hidden = true;
    $(quiz, ".berdaya-quiz__check").hidden = false;
    var first = $(quiz, ".berdaya-q input, .berdaya-q select, .berdaya-q button");
    if (first) first.focus();
  }
  function setUpQuiz(quiz) {
    var data = json(quiz, "data-quiz");
    if (!data || quiz.dataset.ready) return;
    quiz.dataset.ready = "true";
    $$(quiz, ".berdaya-q__key").forEach(function (key) { key.hidden = true; });
    $$(quiz, ".berdaya-q[data-type=order]").forEach(setUpOrder);
    arrange(quiz, data);
    $(quiz, ".berdaya-quiz__actions").hidden = false;
    $(quiz, "form").addEventListener("submit", function (event) {
      event.preventDefault();
      check(quiz, data);
    });
    $(quiz, ".berdaya-quiz__retry").addEventListener("click", function () { retry(quiz, data); });
  }

  function init() {
    T = json($(document, ".berdaya-strings[data-strings]"), "data-strings") || {};
    $$(document, ".berdaya-quiz").forEach(setUpQuiz);
    showProgress(document);
  }

  window.berdayaQuiz = { parseNumber: parseNumber, normalText: normalText, init: init };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);   /* Material: every page, also with instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
