/* Berdaya: what is kept on the learner's device, one way for every script (quizzes, tests,
 * results). Plain ES2017, no network; loaded before the scripts that use it (its name sorts
 * first in the site; first in the single file's list).
 *
 * Keys are "berdaya:<kind>:<site>:<curriculum>", plus "@<version>" where the page names a
 * version (the single file): under file:// every site shares one origin. Values are JSON, or
 * text kept as it is (the learner's name). Where localStorage is missing or throws, values live
 * in this page and in window.name for the visit (a reload of the same tab keeps window.name);
 * window.name is read afresh and written back whole, so what another script keeps there stays.
 * docs/assessment.md, "Stored on the learner's device". */
(function () {
  "use strict";
  var storable = null;
  var local = {};

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
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
  function meta(name) {
    var found = document.querySelector('meta[name="' + name + '"]');
    return found ? found.content : "";
  }
  function scopeKey(kind, curriculum) {
    var key = "berdaya:" + kind + ":" + (meta("berdaya-site") || "berdaya") + ":" + curriculum;
    var version = meta("berdaya-version");
    return version ? key + "@" + version : key;
  }
  function windowName() {
    try {
      var data = JSON.parse(window.name || "{}");
      return isObject(data) ? data : {};
    } catch (e) { return {}; }   /* not ours: replaced when we write */
  }
  function kept() {
    var data = windowName();
    return isObject(data.berdaya) ? data.berdaya : {};
  }
  function keep(key, value) {
    var data = windowName();
    var all = isObject(data.berdaya) ? data.berdaya : {};
    if (value === null) delete all[key]; else all[key] = value;
    data.berdaya = all;
    try { window.name = JSON.stringify(data); } catch (e) { /* this page only */ }
  }
  /* What is kept under key as saved: text for text, the value itself for the rest; or null. */
  function raw(key) {
    if (canStore()) {
      try { return localStorage.getItem(key); } catch (e) { storable = false; }
    }
    if (key in local) return local[key];
    var all = kept();
    return key in all ? all[key] : null;
  }
  /* The text kept under key (the learner's name), or null. */
  function loadText(key) {
    var value = raw(key);
    return typeof value === "string" ? value : null;
  }
  /* The JSON value kept under key, or null (also when what is kept is not JSON). */
  function load(key) {
    var value = raw(key);
    if (typeof value !== "string") return value === undefined ? null : value;
    try { return JSON.parse(value); } catch (e) { return null; }
  }
  /* Keep value under key (null removes it); true when it will outlive the visit. */
  function save(key, value) {
    local[key] = value;
    if (canStore()) {
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
        return true;
      } catch (e) { storable = false; }
    }
    keep(key, value);
    return false;
  }

  window.berdayaDevice = {
    canStore: canStore, scopeKey: scopeKey, load: load, loadText: loadText, save: save
  };
})();
