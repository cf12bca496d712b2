/* Berdaya in a learning management system: reports through the SCORM 1.2 API. Plain ES2017,
 * no network of its own. Only in the launch page of a SCORM package (berdaya export --format
 * scorm), after every other script; it reads .berdaya-scorm[data-scorm] (the modules with a quiz
 * and their pass marks, the package's pass mark, the post-test's sealed key) and what the quiz and
 * test scripts keep on the device (berdaya-device.js), and reports on start, after every
 * "berdaya:saved" event and when the page is left. The rule it reports by is in docs/scorm.md.
 * Without an API (the file opened on its own, or the LMS in another origin) it does nothing:
 * the page is the single file. */
(function () {
  "use strict";
  var D = window.berdayaDevice;
  var box = document.querySelector(".berdaya-scorm[data-scorm]");
  var data = null;
  try { data = JSON.parse(box.getAttribute("data-scorm")); } catch (e) { return; }
  if (!D || !data || !Array.isArray(data.modules)) return;

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function half(top, bottom) { return Math.floor((2 * top + bottom) / (2 * bottom)); }   /* top / bottom, halves up */

  /* ---- The API: the window, its parents, then the opener's (SCORM 1.2 RTE, "API adapter") ---- */
  function search(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { /* another origin */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  function findApi() {
    var api = search(window);
    try { if (!api && window.top && window.top.opener) api = search(window.top.opener); } catch (e) { api = null; }
    try { if (!api && window.opener) api = search(window.opener); } catch (e) { api = null; }
    return api;
  }

  /* ---- Scores, as the results code reads the device (docs/assessment.md) ---- */
  function best(result) {
    var value = isObject(result) ? result.best : null;
    return typeof value === "number" && isFinite(value) && value >= 0 ? Math.min(100, Math.floor(value + 0.5)) : null;
  }
  function whole(value) { return typeof value === "number" && value >= 0 && value <= 15 && value === Math.floor(value); }
  function answer(value) {
    if (typeof value === "boolean" || whole(value)) return value;
    if (!Array.isArray(value) || !value.length || !value.every(whole)) return null;
    return value.slice().sort(function (a, b) { return a - b; }).filter(function (v, i, all) { return i === 0 || v !== all[i - 1]; });
  }
  function gcd(a, b) { return b ? gcd(b, a % b) : a; }
  function fraction(given, key) {
    var correct = key.correct;
    if (key.type === "true-false") return [typeof given === "boolean" && given === correct ? 1 : 0, 1];
    if (given === null || typeof given === "boolean" || typeof correct === "boolean") return [0, 1];
    var chosen = Array.isArray(given) ? given : [given];
    var right = chosen.filter(function (c) { return correct.indexOf(c) >= 0; }).length;
    var wrong = chosen.length - right;
    if (key.type === "single") return [right === correct.length && wrong === 0 ? 1 : 0, 1];
    return [Math.max(0, right - wrong), Math.max(1, correct.length)];
  }
  /* A test's score in whole numbers, as generator/results/tally.py scores it. */
  function score(answers, keys) {
    var fractions = answers.map(function (given, i) { return fraction(answer(given), keys[i]); });
    var common = fractions.reduce(function (l, f) { return l / gcd(l, f[1]) * f[1]; }, 1);
    var earned = 0, total = 0;
    fractions.forEach(function (f, i) { earned += keys[i].points * f[0] * (common / f[1]); total += keys[i].points; });
    return total ? half(100 * earned, total * common) : 0;
  }
  function postScore() {
    if (!data.post || !window.berdayaQuiz) return null;
    var keys, tests = D.load(D.scopeKey("tests", data.curriculum));
    try { keys = window.berdayaQuiz.unseal(data.post, data.curriculum + "/post"); } catch (e) { return null; }
    var taken = isObject(tests) && isObject(tests.post) ? tests.post.answers : null;
    return Array.isArray(taken) && Array.isArray(keys) && taken.length === keys.length ? score(taken, keys) : null;
  }
  /* What the device holds, as the LMS should see it. */
  function state(mastery) {
    var stored = D.load(D.scopeKey("progress", data.curriculum));
    if (!isObject(stored)) stored = {};
    var modules = data.modules.map(function (m) {
      var mark = best(stored[m.id]);
      return { id: m.id, best: mark, passed: mark !== null && stored[m.id].passed === true };
    });
    var sum = 0, attempted = 0;
    modules.forEach(function (m) { if (m.best !== null) { sum += m.best; attempted++; } });
    var all = modules.length > 0 && modules.every(function (m) { return m.passed; });
    var post = postScore();
    var result = { modules: modules, score: attempted ? half(sum, modules.length) : null };
    if (post !== null) {
      result.score = post;
      result.status = all || post >= mastery ? "passed" : "failed";
    } else if (all) {
      result.status = "passed";
    } else {
      result.status = modules.length || data.post ? "incomplete" : "completed";
    }
    return result;
  }

  window.berdayaScorm = { score: score, state: function () { return state(data.mastery); } };

  var api = findApi();
  if (!api || String(api.LMSInitialize("")) !== "true") return;   /* no LMS: the single file */
  var RANK = { "not attempted": 0, browsed: 0, incomplete: 1, failed: 2, completed: 2, passed: 3 };
  var started = Date.now();
  var finished = false;

  function get(name) { var value = api.LMSGetValue(name); return value === null || value === undefined ? "" : String(value); }
  function set(name, value) {
    if (get(name) === String(value)) return false;
    api.LMSSetValue(name, String(value));
    return true;
  }
  /* A status is never lowered: passed stays passed, completed or failed never become incomplete. */
  function raise(name, status) {
    var now = get(name);
    if (now === status || RANK[status] < (RANK[now] || 0)) return false;
    api.LMSSetValue(name, status);
    return true;
  }
  var mode = get("cmi.core.lesson_mode");
  var reporting = mode !== "review" && mode !== "browse";
  var lmsMastery = parseFloat(get("cmi.student_data.mastery_score"));
  var mastery = isFinite(lmsMastery) ? lmsMastery : data.mastery;
  var objectives = parseInt(get("cmi.objectives._count"), 10) || 0;

  function report() {
    if (finished || !reporting) return;
    var now = state(mastery);
    var changed = raise("cmi.core.lesson_status", now.status);
    if (now.score !== null) {
      changed = set("cmi.core.score.min", "0") || changed;
      changed = set("cmi.core.score.max", "100") || changed;
      changed = set("cmi.core.score.raw", now.score) || changed;
    }
    now.modules.forEach(function (m, n) {
      var at = "cmi.objectives." + n + ".";
      if (n >= objectives) { api.LMSSetValue(at + "id", m.id); objectives = n + 1; changed = true; }
      else changed = set(at + "id", m.id) || changed;
      if (m.best !== null) {
        changed = set(at + "score.min", "0") || changed;
        changed = set(at + "score.max", "100") || changed;
        changed = set(at + "score.raw", m.best) || changed;
      }
      var status = m.passed ? "passed" : m.best !== null ? "incomplete" : "not attempted";
      changed = raise(at + "status", status) || changed;
    });
    if (changed) api.LMSCommit("");
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function timespan(ms) {   /* CMITimespan: HHHH:MM:SS.SS */
    var hundredths = Math.floor(ms / 10);
    var hours = Math.min(9999, Math.floor(hundredths / 360000));
    var seconds = hundredths % 6000 / 100;
    return two(hours) + ":" + two(Math.floor(hundredths / 6000) % 60) + ":" + (seconds < 10 ? "0" : "") + seconds.toFixed(2);
  }
  function finish() {
    if (finished) return;
    report();
    finished = true;
    if (reporting) {
      var status = get("cmi.core.lesson_status");
      api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started));
      api.LMSSetValue("cmi.core.exit", RANK[status] >= 2 ? "" : "suspend");
      api.LMSCommit("");
    }
    api.LMSFinish("");
  }

  report();
  document.addEventListener("berdaya:saved", report);
  window.addEventListener("pagehide", finish);
})();
