/* Berdaya's offline app, the page's half: registers berdaya-sw.js (scope: the site's root) and
 * asks it to keep the curriculum of this page on the device; the curriculum page says how that
 * stands. Plain ES2017. Does nothing where there is no service worker (an old browser, file://,
 * an insecure address) or where registration fails: the site works as without it.
 *
 * <meta name="berdaya-app" content="ROOT" data-curriculum="C" [data-home data-ready
 * data-preparing data-failed]>: written by the plugin into every page of a site built with
 * offline_app (docs/architecture.md, "The offline app"). */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="berdaya-app"]');
  var workers = navigator.serviceWorker;
  if (!meta || !workers || !/^https?:$/.test(location.protocol)) return;
  var root = new URL(meta.content || "./", location.href).href;
  var curriculum = meta.dataset.curriculum || "";
  var status = null;

  function statusLine() {
    var heading = document.querySelector("article h1");
    if (!heading) return null;
    var line = document.createElement("p");
    line.className = "berdaya-offline";
    line.setAttribute("role", "status");
    line.hidden = true;
    heading.insertAdjacentElement("afterend", line);
    return line;
  }
  function show(state, done, total) {
    if (!status) return;
    var text = "";
    if (state === "ready") text = meta.dataset.ready;
    else if (state === "preparing") text = meta.dataset.preparing.replace("{done}", done).replace("{total}", total);
    else if (state === "failed") text = meta.dataset.failed;
    status.textContent = text || "";
    status.hidden = !text;
    status.dataset.state = state;
  }
  function keep(worker) {
    if (worker && curriculum) worker.postMessage({ berdaya: "keep", curriculum: curriculum });
  }
  function persist() {
    var storage = navigator.storage;
    if (!storage || !storage.persist || !storage.persisted) return;
    storage.persisted().then(function (already) {
      return already || storage.persist();
    }).catch(function () { /* the browser decides; the copy stays until space runs short */ });
  }

  if (curriculum && meta.dataset.home !== undefined) status = statusLine();
  workers.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.berdaya !== "offline" || data.curriculum !== curriculum) return;
    show(data.state, data.done, data.total);
    if (data.state === "ready" && data.fresh) persist();
  });
  workers.addEventListener("controllerchange", function () { keep(workers.controller); });
  try {
    workers.register(root + "berdaya-sw.js", { scope: root }).then(function () {
      return workers.ready;
    }).then(function (registration) {
      keep(registration.active);
    }).catch(function () { /* no offline copy; the site works as before */ });
  } catch (e) { /* the same */ }
})();
