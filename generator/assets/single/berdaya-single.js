/* Berdaya single file: views by hash address, menu, search, glossary pop-ups.
 * Plain ES2017 (Chrome 80 on Android), no framework, no network.
 * Every page of the curriculum is a <section class="b-view"> whose id is its address
 * ("/module/lesson/"); a heading inside it has the id "/module/lesson/#heading".
 * Without scripts, CSS :target shows the addressed view. With them, this script shows it,
 * opens headings inside views, keeps the reading place for the Back button, searches the
 * text of every view, asks berdaya-quiz.js to refresh the progress it shows, and offers to
 * continue where the learner stopped reading (the file opens on the curriculum page).
 * Strings come from the page (.berdaya-strings); nothing user-visible is written here. */
(function () {
  "use strict";
  var T = {};
  var views = [];
  var home = null;
  var current = null;
  var index = null;
  var SKIP = "h1, script, style, .headerlink, .berdaya-quiz, .berdaya-key, .berdaya-q__key, " +
    "[data-search-exclude], .b-crumbs, .b-pager, .b-resume, .berdaya-pager";
  var SHOWN = 20;   /* results listed; more words find fewer */
  var BLOCK = /^(P|LI|TD|TH|DD|DT|DIV|TR|BR|H[1-6]|SUMMARY|DETAILS|BLOCKQUOTE|PRE|FIGURE|SECTION)$/;

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function fmt(key, values) {
    return String(T[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }
  function saveHistory(state) {
    try { history.replaceState(state, ""); } catch (e) { /* some viewers forbid it: no scroll memory */ }
  }

  /* Views. */
  function target(hash) {
    var id = hash.replace(/^#/, "");
    try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
    id = id || "/";
    var found = document.getElementById(id);
    if (!found && id.charAt(0) === "/" && id.indexOf("#") < 0) found = document.getElementById(id + "/");
    if (!found && current && id.charAt(0) !== "/") found = document.getElementById(current.id + "#" + id);
    return found && found.closest(".b-view") ? found : home;
  }
  function show(found, scrollTo, moveFocus) {
    var view = found.closest(".b-view");
    if (view !== current) {
      if (current) current.classList.remove("is-current");
      view.classList.add("is-current");
      current = view;
      var title = view.getAttribute("data-title");
      document.title = view === home ? title : title + " · " + home.getAttribute("data-title");
      markMenu(view);
      remember(view);
      if (window.berdayaQuiz) window.berdayaQuiz.init();
      if (moveFocus) focusHeading(view);
    }
    closePanels();
    if (scrollTo !== null) window.scrollTo(0, scrollTo);
    else if (found !== view) found.scrollIntoView();
    else window.scrollTo(0, 0);
  }
  function focusHeading(view) {
    var heading = $(view, "h1");
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    try { heading.focus({ preventScroll: true }); } catch (e) { heading.focus(); }
  }
  function savedPlace() {
    var state = history.state;
    return state && typeof state.y === "number" ? state.y : null;
  }
  function route() { show(target(location.hash), savedPlace(), true); }
  function markMenu(view) {
    $$(document, ".b-menu__panel a").forEach(function (link) {
      if (link.getAttribute("href") === "#" + view.id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    $$(document, ".b-menu__modules details").forEach(function (details) {
      details.open = !!$(details, 'a[aria-current="page"]');
    });
  }
  function closePanels() {
    var menu = $(document, ".b-menu");
    if (menu) menu.open = false;
    hideTip();
  }

  /* Where the learner stopped reading: kept with the quiz results, shown on the curriculum page. */
  function resumeKey() {   /* berdaya:last:<site>:<curriculum>@<version> (berdaya-device.js) */
    var found = $(document, 'meta[name="berdaya-curriculum"]');
    return window.berdayaDevice.scopeKey("last", found ? found.content : "");
  }
  function remember(view) {
    var device = window.berdayaDevice;
    if (view !== home) device.save(resumeKey(), view.id);
    var resume = $(home, ".b-resume");
    var last = document.getElementById(device.loadText(resumeKey()) || "");
    if (!resume || !last || last === home || !last.classList.contains("b-view")) return;
    var link = $(resume, "a");
    link.href = "#" + last.id;
    link.textContent = fmt("single.resume", { title: last.getAttribute("data-title") });
    resume.hidden = false;
  }

  /* Search: the text of every view, cut at its headings (h2, h3) and glossary terms. */
  function normal(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function clean(text) { return text.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim(); }
  function buildIndex() {
    index = [];
    views.forEach(function (view) {
      var title = view.getAttribute("data-title");
      var entry = { id: view.id, title: title, context: view.getAttribute("data-context"), text: "" };
      index.push(entry);
      collect(view, { entry: entry, view: title, list: index });
    });
    index.forEach(function (entry) {
      entry.text = clean(entry.text);
      entry.search = normal(entry.title + " " + entry.text);
    });
  }
  function collect(node, state) {
    for (var child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) { state.entry.text += child.nodeValue; continue; }
      if (child.nodeType !== 1 || child.matches(SKIP)) continue;
      if (child.id && /^(H2|H3|DT)$/.test(child.tagName)) {
        state.entry = { id: child.id, title: clean(child.textContent), context: state.view, text: "" };
        state.list.push(state.entry);
        continue;
      }
      var block = BLOCK.test(child.tagName);
      if (block) state.entry.text += " ";
      collect(child, state);
      if (block) state.entry.text += " ";
    }
  }
  function words(query) {
    return normal(query).split(/[^0-9a-z\u00c0-\uffff]+/).filter(Boolean);
  }
  function find(query) {
    var wanted = words(query);
    if (!wanted.length) return [];
    if (!index) buildIndex();
    var found = [];
    index.forEach(function (entry, order) {
      var score = 0;
      var title = normal(entry.title);
      for (var i = 0; i < wanted.length; i++) {
        var count = entry.search.split(wanted[i]).length - 1;
        if (!count) return;
        score += Math.min(count, 5) + (title.indexOf(wanted[i]) >= 0 ? 10 : 0);
      }
      found.push({ entry: entry, score: score, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.map(function (hit) { return hit.entry; });
  }
  function snippet(text, word) {
    var at = normal(text).indexOf(word);
    if (at < 0) return { before: text.slice(0, 140), match: "", after: "" };
    var start = at > 60 ? text.indexOf(" ", at - 60) + 1 : 0;
    var end = text.indexOf(" ", at + word.length + 80);
    return {
      before: (start > 0 ? "… " : "") + text.slice(start, at),
      match: text.slice(at, at + word.length),
      after: end < 0 ? text.slice(at + word.length) : text.slice(at + word.length, end) + " …"
    };
  }
  function showResults(form) {
    var query = $(form, "input").value;
    var list = $(form, ".b-search__results");
    var status = $(form, ".b-search__status");
    list.textContent = "";
    if (!words(query).length) { status.textContent = ""; return; }
    var hits = find(query);
    status.textContent = !hits.length ? fmt("single.no_results", { query: query.trim() })
      : hits.length > SHOWN ? fmt("single.some_results", { count: hits.length, shown: SHOWN })
      : fmt("single.results", { count: hits.length });
    var first = words(query)[0];
    hits.slice(0, SHOWN).forEach(function (entry) {
      var link = el("a");
      link.href = "#" + entry.id;
      link.appendChild(el("strong", null, entry.title));
      if (entry.context && entry.context !== entry.title) link.appendChild(el("span", "b-search__context", entry.context));
      var part = snippet(entry.text, first);
      var text = el("span", "b-search__snippet", part.before);
      if (part.match) text.appendChild(el("mark", null, part.match));
      text.appendChild(document.createTextNode(part.after));
      link.appendChild(text);
      var item = el("li");
      item.appendChild(link);
      list.appendChild(item);
    });
  }
  function setUpSearch() {
    var form = $(document, ".b-search");
    var button = $(document, ".b-bar__search");
    if (!form || !button) return;
    var input = $(form, "input");
    var timer = 0;
    button.hidden = false;
    button.addEventListener("click", function () { toggleSearch(form, button, form.hidden); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { showResults(form); }, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      showResults(form);
      var first = $(form, ".b-search__results a");
      if (first) first.click();
    });
    form.addEventListener("click", function (event) {
      if (event.target.closest("a")) toggleSearch(form, button, false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !form.hidden) { toggleSearch(form, button, false); button.focus(); }
    });
  }
  function toggleSearch(form, button, open) {
    form.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      closePanels();
      $(form, "input").focus();
    }
  }

  /* Glossary terms: a tap shows the meaning (a title alone shows nothing on a phone). */
  var tip = null;
  function showTip(abbr) {
    hideTip();
    tip = el("span", "b-tip", abbr.getAttribute("title"));
    tip.setAttribute("role", "tooltip");
    abbr.parentNode.insertBefore(tip, abbr.nextSibling);
    abbr.setAttribute("aria-expanded", "true");
  }
  function hideTip() {
    if (!tip) return;
    var abbr = tip.previousSibling;
    if (abbr && abbr.removeAttribute) abbr.removeAttribute("aria-expanded");
    tip.parentNode.removeChild(tip);
    tip = null;
  }

  function onClick(event) {
    var abbr = event.target.closest("abbr[title]");
    if (abbr) {
      if (tip && tip.previousSibling === abbr) hideTip(); else showTip(abbr);
      return;
    }
    hideTip();
    var link = event.target.closest('a[href^="#"]');
    if (link) saveHistory({ y: window.pageYOffset });   /* Back returns to this place */
  }

  function init() {
    try { T = JSON.parse($(document, ".berdaya-strings").getAttribute("data-strings")) || {}; } catch (e) { T = {}; }
    views = $$(document, ".b-view");
    home = $(document, ".b-home");
    if (!home) return;
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    document.addEventListener("click", onClick);
    window.addEventListener("hashchange", route);
    setUpSearch();
    var timer = 0;
    window.addEventListener("scroll", function () {   /* the place a reload or Back returns to */
      clearTimeout(timer);
      timer = setTimeout(function () { saveHistory({ y: window.pageYOffset }); }, 300);
    }, { passive: true });
    show(target(location.hash), savedPlace(), false);
  }

  window.berdayaSingle = { find: find, init: init };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
