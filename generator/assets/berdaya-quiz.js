/* Berdaya quizzes and progress: plain ES2017, no framework, no network.
 * Quiz pages: the form made by generator/site/quiz.py is checked here against its data (data-quiz),
 * whose answers and keys are sealed (generator/site/seal.py); scores and reveal rules: docs/assessment.md.
 * Every page: .berdaya-progress and .berdaya-progress-summary show results kept on the device
 * (berdaya-device.js).
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

  /* Progress and last answers: one entry each per site and curriculum, kept by
   * berdaya-device.js (in memory and window.name for the visit where storage throws). */
  var D = window.berdayaDevice;
  function storageKey(curriculum, kind) { return D.scopeKey(kind || "progress", curriculum); }
  function loadProgress(curriculum, kind) {
    var found = D.load(storageKey(curriculum, kind));
    return found && typeof found === "object" && !Array.isArray(found) ? found : {};
  }
  function saveProgress(curriculum, progress, kind) { D.save(storageKey(curriculum, kind), progress); }
  function record(curriculum, module, percent, passed) {
    var progress = loadProgress(curriculum);
    var before = progress[module] || { best: -1, passed: false };
    progress[module] = {
      best: Math.max(before.best, percent), last: percent,
      passed: before.passed || passed, at: new Date().toISOString()
    };
    saveProgress(curriculum, progress);
    saved();
  }
  /* Tell other scripts (the results panel, the SCORM reporter) that a result was saved. */
  function saved() { document.dispatchEvent(new CustomEvent("berdaya:saved")); }
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
    $$(root, ".berdaya-module[data-curriculum][data-module]").forEach(showNextStep);
  }
  /* Lessons opened per module, named by lesson pagers (single file: the view shown). */
  function recordVisits(root) {
    $$(root, ".berdaya-pager[data-lesson]").forEach(function (nav) {
      var view = nav.closest(".b-view");
      if (view && !view.classList.contains("is-current")) return;
      var visits = loadProgress(nav.dataset.curriculum, "visits");
      var entry = visits[nav.dataset.module] || {};
      var seen = Array.isArray(entry.seen) ? entry.seen : [];
      if (seen.indexOf(nav.dataset.lesson) < 0) seen.push(nav.dataset.lesson);
      visits[nav.dataset.module] = { seen: seen, last: nav.dataset.lesson };
      saveProgress(nav.dataset.curriculum, visits, "visits");
    });
  }
  /* Next step: the first unopened lesson after the last opened (else before), then the quiz. */
  function nextStep(lessons, quiz, entry, result) {
    if (result && result.passed) return null;
    var seen = Array.isArray(entry.seen) ? entry.seen : [];
    var unseen = function (a) { return seen.indexOf(a.dataset.step) < 0; };
    var last = lessons.map(function (a) { return a.dataset.step; }).indexOf(entry.last);
    return lessons.slice(last + 1).filter(unseen)[0] || lessons.filter(unseen)[0] || quiz;
  }
  function showNextStep(card) {
    var line = $(card, ".berdaya-module__next");
    if (!line) return;
    var steps = $$(card, ".berdaya-module__steps a[data-step]");
    var lessons = steps.filter(function (a) { return !a.hasAttribute("data-quiz"); });
    var quiz = steps.filter(function (a) { return a.hasAttribute("data-quiz"); })[0] || null;
    var entry = loadProgress(card.dataset.curriculum, "visits")[card.dataset.module] || {};
    var result = loadProgress(card.dataset.curriculum)[card.dataset.module];
    var seen = lessons.filter(function (a) { return (entry.seen || []).indexOf(a.dataset.step) >= 0; }).length;
    var next = nextStep(lessons, quiz, entry, result);
    line.textContent = "";
    if (lessons.length) {
      line.appendChild(el("span", "berdaya-module__seen", fmt("progress.lessons_seen", { seen: seen, total: lessons.length })));
    }
    if (next) {
      var started = seen > 0 || Boolean(result);
      var go = el("a", "berdaya-module__go", T[started ? "progress.continue" : "progress.start"] + ": " + next.textContent);
      go.href = next.getAttribute("href");
      line.appendChild(go);
    }
    line.hidden = !line.firstChild;
  }
  function showSummary(box) {
    var curriculum = box.dataset.curriculum;
    var modules = (box.dataset.modules || "").split(" ").filter(Boolean);
    var progress = loadProgress(curriculum);
    var passed = modules.filter(function (m) { return progress[m] && progress[m].passed; }).length;
    box.textContent = "";
    box.appendChild(el("p", "berdaya-progress-summary__text", fmt("progress.summary", { passed: passed, total: modules.length })));
    if (!D.canStore()) {
      box.appendChild(el("p", "berdaya-progress-summary__note", T["progress.unavailable"]));
      return;
    }
    var note = el("p", "berdaya-progress-summary__note", T["progress.kept_here"] + " ");
    var reset = el("button", "berdaya-progress-summary__reset", T["progress.reset"]);
    reset.type = "button";
    reset.addEventListener("click", function () {
      if (!window.confirm(T["progress.reset_confirm"])) return;
      ["progress", "answers", "visits"].forEach(function (kind) { D.save(storageKey(curriculum, kind), null); });
      saved();
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

  /* Sealed data (generator/site/seal.py): base64 of UTF-8 JSON, raw-deflated after a 4-byte
   * big-endian count of its bytes, XORed with xorshift32 bytes seeded by FNV-1a of the salt;
   * inflated by tiny-inflate (berdaya-inflate.js, loaded before this script).
   * Obfuscation, not secrecy: it keeps answers out of the source. */
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash;
  }
  function unseal(sealed, salt) {
    var binary = atob(sealed);
    var bytes = new Uint8Array(binary.length);
    var state = fnv1a(salt) || 0x9e3779b9;
    for (var i = 0; i < binary.length; i++) {
      state = (state ^ (state << 13)) >>> 0;
      state = (state ^ (state >>> 17)) >>> 0;
      state = (state ^ (state << 5)) >>> 0;
      bytes[i] = binary.charCodeAt(i) ^ (state & 0xff);
    }
    var size = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    var plain = window.berdayaInflate.exports(bytes.subarray(4), new Uint8Array(size));
    return JSON.parse(new TextDecoder("utf-8").decode(plain));
  }
  /* A question's answer key as inert nodes (a <template> loads no images until shown). */
  function keyNodes(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html || "";
    return holder.content;
  }

  /* What the learner answered (null: not answered), and putting it back after a reload. */
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
  var write = {
    choice: function (box, values) {
      $$(box, "input").forEach(function (input) { input.checked = values.indexOf(input.value) >= 0; });
    },
    field: function (box, value) { $(box, ".berdaya-q__input").value = value; },
    order: function (box, items) {
      var list = $(box, ".berdaya-order");
      items.forEach(function (item) {
        var li = $(list, '.berdaya-order__item[data-item="' + item + '"]');
        if (li) list.appendChild(li);
      });
      box.dataset.moved = "true";
      updateOrderButtons(list);
    },
    match: function (box, values) {
      $$(box, "select").forEach(function (select, i) { select.value = values[i] || ""; });
    }
  };
  var writers = { single: write.choice, multiple: write.choice, "true-false": write.choice,
    text: write.field, number: write.field, order: write.order, match: write.match };

  /* How much of a question is right, from 0 to 1 (docs/assessment.md), and the parts to mark. */
  function counted(list, test) { return list.filter(test).length; }
  var graders = {
    single: function (key, a) { return a.length === 1 && key.correct.indexOf(Number(a[0])) >= 0 ? 1 : 0; },
    multiple: function (key, a) {
      var right = counted(a, function (v) { return key.correct.indexOf(Number(v)) >= 0; });
      return Math.max(0, (right - (a.length - right)) / key.correct.length);
    },
    "true-false": function (key, a) { return (a[0] === "true") === key.answer ? 1 : 0; },
    text: function (key, a) {
      return key.answers.some(function (answer) { return normalText(answer) === normalText(a); }) ? 1 : 0;
    },
    number: function (key, a, lang) {
      var n = parseNumber(a, lang, key.unit);
      var near = Math.abs(n - key.answer) <= key.tolerance + 1e-9 * Math.max(1, Math.abs(key.answer));
      return !isNaN(n) && near ? 1 : 0;
    },
    order: function (key, a) {
      return counted(a, function (item, i) { return key.same[item] === key.same[i]; }) / a.length;
    },
    match: function (key, a) {
      return counted(a, function (v, i) { return v !== "" && key.accept[i].indexOf(Number(v)) >= 0; }) / a.length;
    }
  };
  /* Marks on the parts of an answer: chosen choices, positions, rows. */
  function markParts(box, type, key, answer, revealed) {
    if (type === "single" || type === "multiple" || type === "true-false") {
      var right = type === "true-false" ? [String(key.answer)] : key.correct.map(String);
      $$(box, ".berdaya-choice").forEach(function (choice) {
        var value = choice.dataset.choice;
        var isRight = right.indexOf(value) >= 0;
        if ((answer || []).indexOf(value) >= 0) choice.dataset.result = isRight ? "correct" : "incorrect";
        else if (revealed && isRight) choice.dataset.result = "missed";
      });
    } else if (type === "order" && answer) {
      $$(box, ".berdaya-order__item").forEach(function (li, i) {
        li.dataset.result = key.same[Number(li.dataset.item)] === key.same[i] ? "correct" : "incorrect";
      });
    } else if (type === "match" && answer) {
      $$(box, ".berdaya-match__row").forEach(function (row, i) {
        var value = $(row, "select").value;
        row.dataset.result = value !== "" && key.accept[i].indexOf(Number(value)) >= 0 ? "correct" : "incorrect";
      });
    }
  }
  function partsLine(type, key, answer) {
    if (!answer) return "";
    if (type === "multiple") {
      var found = counted(answer, function (v) { return key.correct.indexOf(Number(v)) >= 0; });
      return fmt("quiz.parts_choices", { right: found, total: key.correct.length });
    }
    if (type === "order" || type === "match") {
      var parts = type === "order" ? key.same.length : key.accept.length;
      var good = type === "order"
        ? counted(answer, function (item, i) { return key.same[item] === key.same[i]; })
        : counted(answer, function (v, i) { return v !== "" && key.accept[i].indexOf(Number(v)) >= 0; });
      return fmt("quiz.parts_" + type, { right: good, total: parts });
    }
    return "";
  }

  /* Order questions: move-up / move-down buttons, announced in a live region. */
  function setUpOrder(box, onMove) {
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
        button.addEventListener("click", function () { move(list, li, b[0], live); onMove(); });
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

  /* One quiz on the page: its data, sealed answers and keys, and stored attempts. */
  function Quiz(root, data) {
    var sealed = unseal(data.sealed, data.curriculum + "/" + data.module);
    this.root = root;
    this.data = data;
    this.keys = sealed.answers;
    this.html = sealed.keys;
    this.boxes = $$(root, ".berdaya-q");
  }
  Quiz.prototype.answers = function () {
    var data = this.data;
    return this.boxes.map(function (box, i) { return readers[data.questions[i].type](box); });
  };
  Quiz.prototype.saved = function () {
    return loadProgress(this.data.curriculum, "answers")[this.data.module] || { answers: null, attempts: 0 };
  };
  Quiz.prototype.save = function (attempts) {
    var all = loadProgress(this.data.curriculum, "answers");
    var before = all[this.data.module] || { attempts: 0 };
    all[this.data.module] = { answers: this.answers(), attempts: attempts == null ? before.attempts : attempts };
    saveProgress(this.data.curriculum, all, "answers");
  };
  Quiz.prototype.restore = function () {
    var saved = this.saved();
    var data = this.data;
    if (!saved.answers || saved.answers.length !== this.boxes.length) return false;   /* the quiz changed */
    var restored = false;
    this.boxes.forEach(function (box, i) {
      var answer = saved.answers[i];
      if (answer == null) return;
      try { writers[data.questions[i].type](box, answer); restored = true; } catch (e) { /* another type now */ }
    });
    return restored;
  };
  Quiz.prototype.revealed = function (attempts) {
    var policy = this.data.reveal || { mode: "after-pass" };
    if (policy.mode === "always") return true;
    if (policy.mode === "after-attempts") return attempts >= policy.attempts;
    if (policy.mode === "after-pass") {
      var result = loadProgress(this.data.curriculum)[this.data.module];
      return Boolean(result && result.passed);
    }
    return false;
  };
  Quiz.prototype.policyNote = function (attempts) {
    var policy = this.data.reveal || { mode: "after-pass" };
    if (policy.mode === "after-attempts") {
      return fmt("quiz.reveal_after_attempts", { attempts: policy.attempts, done: attempts });
    }
    return T[policy.mode === "never" ? "quiz.reveal_never" : "quiz.reveal_after_pass"];
  };

  /* Checking, feedback and trying again. */
  function showResult(quiz, i, answer, fraction, revealed) {
    var box = quiz.boxes[i];
    var q = quiz.data.questions[i];
    var key = quiz.keys[i];
    var html = keyNodes(quiz.html[i]);
    var result = $(box, ".berdaya-q__result");
    var verdict = answer === null ? "quiz.unanswered" : fraction >= 1 ? "quiz.correct"
      : fraction > 0 ? "quiz.partial" : "quiz.incorrect";
    box.dataset.result = fraction >= 1 ? "correct" : fraction > 0 ? "partial" : "incorrect";
    result.textContent = "";
    result.appendChild(el("p", "berdaya-q__verdict", T[verdict]));
    var parts = fraction < 1 ? partsLine(q.type, key, answer) : "";
    if (parts) result.appendChild(el("p", "berdaya-q__parts", parts));
    markParts(box, q.type, key, answer, revealed);
    if (q.type === "single" || q.type === "multiple") {
      (answer || []).forEach(function (value) {
        var choice = $(box, '.berdaya-choice[data-choice="' + value + '"]');
        copyInto(choice, $(html, '.berdaya-fb[data-choice="' + value + '"]'));
      });
    }
    if (revealed) {
      if (fraction < 1) copyInto(result, $(html, ".berdaya-q__solution"));
      copyInto(result, $(html, ".berdaya-q__explanation"));
    } else if (fraction < 1) {
      var hint = $(box, ".berdaya-q__hint");
      if (hint) hint.open = true;
    }
    result.hidden = false;
  }
  function copyInto(target, source) {
    if (source) target.appendChild(document.importNode(source, true)).classList.add("berdaya-copy");
  }
  function formatPoints(value, lang) {
    return Number(value.toFixed(2)).toLocaleString(lang === "en" ? "en" : "id", { maximumFractionDigits: 2 });
  }
  function check(quiz) {
    var data = quiz.data;
    $(quiz.root, ".berdaya-quiz__confirm").hidden = true;
    var answers = quiz.answers();
    var answered = answers.some(function (answer) { return answer !== null; });
    var attempts = quiz.saved().attempts + (answered ? 1 : 0);
    var fractions = answers.map(function (answer, i) {
      return answer === null ? 0 : graders[data.questions[i].type](quiz.keys[i], answer, data.lang);
    });
    var total = 0, points = 0;
    data.questions.forEach(function (q, i) { total += q.points; points += q.points * fractions[i]; });
    var percent = total ? Math.round(points * 100 / total) : 0;
    var passed = points * 100 >= data.pass * total - 1e-9;
    if (answered) {   /* checking an empty quiz is not an attempt */
      record(data.curriculum, data.module, percent, passed);
      quiz.save(attempts);
    }
    var revealed = quiz.revealed(attempts);
    answers.forEach(function (answer, i) {
      showResult(quiz, i, answer, fractions[i], revealed);
      quiz.boxes[i].disabled = true;
    });
    var status = $(quiz.root, ".berdaya-quiz__status");
    status.textContent = fmt("quiz.score", {
      percent: percent, points: formatPoints(points, data.lang), total: total,
      result: T[passed ? "quiz.passed" : "quiz.failed"]
    });
    status.dataset.result = passed ? "passed" : "failed";
    if (!revealed) status.appendChild(el("span", "berdaya-quiz__note", quiz.policyNote(attempts)));
    if (answered) {
      showProgress(quiz.root);
      if (!D.canStore()) status.appendChild(el("span", "berdaya-quiz__unsaved", T["progress.unavailable"]));
    }
    $(quiz.root, ".berdaya-quiz__check").hidden = true;
    summarise(quiz, status, fractions, answers);
  }
  /* The summary atop the quiz: score, links to questions not fully right; focus on its
   * "Try again", described by the score. */
  function summarise(quiz, status, fractions, answers) {
    var summary = $(quiz.root, ".berdaya-quiz__summary");
    var text = $(summary, ".berdaya-quiz__summary-text");
    var retry = $(summary, ".berdaya-quiz__retry");
    text.textContent = "";
    text.id = quiz.boxes[0].id + "-summary";
    var score = el("p", "berdaya-quiz__summary-score", status.firstChild ? status.firstChild.textContent : "");
    score.dataset.result = status.dataset.result;
    text.appendChild(score);
    var review = [];
    fractions.forEach(function (fraction, i) { if (fraction < 1) review.push(i); });
    if (!review.length) {
      text.appendChild(el("p", "berdaya-quiz__summary-note", T["quiz.summary_all_right"]));
    } else {
      text.appendChild(el("p", "berdaya-quiz__summary-note", T["quiz.summary_review"]));
      var list = el("ul", "berdaya-quiz__review");
      review.forEach(function (i) {
        var verdict = answers[i] === null ? "quiz.unanswered" : fractions[i] > 0 ? "quiz.partial" : "quiz.incorrect";
        var link = el("a", null, fmt("quiz.summary_item", { number: i + 1, verdict: T[verdict] }));
        link.href = "#" + quiz.boxes[i].id;
        var item = el("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      text.appendChild(list);
    }
    summary.dataset.result = status.dataset.result;
    retry.setAttribute("aria-describedby", text.id);
    retry.hidden = false;
    summary.hidden = false;
    summary.scrollIntoView({ block: "start" });
    try { retry.focus({ preventScroll: true }); } catch (e) { retry.focus(); }
  }
  function joinNumbers(numbers) {
    if (numbers.length < 2) return String(numbers[0]);
    return numbers.slice(0, -1).join(", ") + " " + T["quiz.and"] + " " + numbers[numbers.length - 1];
  }
  /* Unanswered questions: ask first, naming them; "keep answering" goes to the first one. */
  function confirmUnanswered(quiz) {
    var missing = [];
    quiz.answers().forEach(function (answer, i) { if (answer === null) missing.push(i + 1); });
    var box = $(quiz.root, ".berdaya-quiz__confirm");
    if (!missing.length || missing.length === quiz.boxes.length) { box.hidden = true; return false; }
    box.textContent = "";
    box.appendChild(el("p", "berdaya-quiz__confirm-text", fmt("quiz.unanswered_confirm", { numbers: joinNumbers(missing) })));
    var now = el("button", "md-button md-button--primary berdaya-quiz__confirm-check", T["quiz.check_anyway"]);
    var back = el("button", "md-button berdaya-quiz__confirm-back", T["quiz.keep_answering"]);
    now.type = back.type = "button";
    now.addEventListener("click", function () { box.hidden = true; check(quiz); });
    back.addEventListener("click", function () {
      box.hidden = true;
      var first = $(quiz.boxes[missing[0] - 1], "input, select, button");
      if (first) first.focus();
    });
    var actions = el("div", "berdaya-quiz__actions");
    actions.appendChild(now);
    actions.appendChild(back);
    box.appendChild(actions);
    box.hidden = false;
    now.focus();
    return true;
  }
  function retry(quiz) {
    $$(quiz.root, ".berdaya-copy").forEach(function (node) { node.parentNode.removeChild(node); });
    $$(quiz.root, "[data-result]").forEach(function (node) { delete node.dataset.result; });
    quiz.boxes.forEach(function (box) {
      box.disabled = false;
      $(box, ".berdaya-q__result").hidden = true;
    });
    quiz.boxes.forEach(function (box, i) {   /* new places for shuffled choices; answers stay */
      var type = quiz.data.questions[i].type;
      if (quiz.data.shuffle && (type === "single" || type === "multiple")) shuffleChoices(box);
    });
    $(quiz.root, ".berdaya-quiz__status").textContent = "";
    $(quiz.root, ".berdaya-quiz__retry").hidden = true;
    $(quiz.root, ".berdaya-quiz__summary").hidden = true;
    $(quiz.root, ".berdaya-quiz__check").hidden = false;
    var first = $(quiz.root, ".berdaya-q input, .berdaya-q select, .berdaya-q button");
    if (first) first.focus();
  }
  function arrange(quiz) {
    quiz.boxes.forEach(function (box, i) {
      var q = quiz.data.questions[i];
      if (q.type === "order") shuffleOrder(box, quiz.keys[i].same);
      if (quiz.data.shuffle && (q.type === "single" || q.type === "multiple")) shuffleChoices(box);
    });
  }
  /* Enter in a text or number field moves on instead of submitting the quiz. */
  function nextField(form, input) {
    var fields = $$(form, "input, select, button").filter(function (f) { return !f.disabled && f.offsetParent !== null; });
    var next = fields[fields.indexOf(input) + 1];
    if (next) next.focus();
  }
  function setUpQuiz(root) {
    var data = json(root, "data-quiz");
    if (!data || root.dataset.ready) return;
    var quiz;
    try { quiz = new Quiz(root, data); } catch (e) { return; }   /* damaged data: the questions stay readable */
    root.dataset.ready = "true";
    var form = $(root, "form");
    $$(root, ".berdaya-q__key, .berdaya-quiz__noscript").forEach(function (node) { node.hidden = true; });
    $$(root, ".berdaya-q[data-type=order]").forEach(function (box) { setUpOrder(box, function () { quiz.save(); }); });
    arrange(quiz);
    if (quiz.restore()) $(root, ".berdaya-quiz__status").textContent = T["quiz.restored"];
    $(root, ".berdaya-quiz__actions").hidden = false;
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input:not([type=checkbox]):not([type=radio])")) {
        event.preventDefault();
        nextField(form, event.target);
      }
    });
    form.addEventListener("input", function () { quiz.save(); });
    form.addEventListener("change", function () { quiz.save(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!confirmUnanswered(quiz)) check(quiz);
    });
    $(root, ".berdaya-quiz__retry").addEventListener("click", function () { retry(quiz); });
  }

  function init() {
    T = json($(document, ".berdaya-strings[data-strings]"), "data-strings") || {};
    $$(document, ".berdaya-quiz").forEach(setUpQuiz);
    recordVisits(document);
    showProgress(document);
  }

  window.berdayaQuiz = { parseNumber: parseNumber, normalText: normalText, unseal: unseal, init: init };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);   /* Material: every page, also with instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
