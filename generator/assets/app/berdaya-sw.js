/* Berdaya's service worker: keeps each curriculum a learner opens on the device, so that its
 * pages, quizzes and search work without a connection. Plain ES2017; registered by
 * berdaya-app.js with the site's root as its scope. docs/architecture.md, "The offline app".
 *
 * - A page of curriculum c posts {berdaya: "keep", curriculum: c}. The worker reads
 *   <c>/offline.json (written by the build: the learner pages of c, the home page, the files
 *   they load, the search index) and stores every address in the cache named after c's
 *   version, a hash of those files; <c>/offline.json goes in last and marks the cache
 *   complete. It answers {berdaya: "offline", curriculum, state: "preparing" | "ready" |
 *   "failed", done, total, fresh}. A stopped download resumes where it stopped.
 * - Requests are answered from the caches first, else from the network, as without a worker.
 * - A changed site changes VERSIONS, so browsers install this worker anew: caches of curricula
 *   the site no longer has are deleted on activation, and a curriculum's older cache as soon
 *   as its new version is complete (until then the old one keeps working offline).
 * - When the site no longer has this file (offline_app turned off), the worker deletes its
 *   caches and unregisters itself. */
"use strict";
var VERSIONS = {}; /* each curriculum's version, written in by the build */
var SCOPE = self.registration.scope;
var PREFIX = "berdaya-offline " + SCOPE + " ";
var PARALLEL = 4;
var jobs = {};
var checked = false;

function known(curriculum) { return Object.prototype.hasOwnProperty.call(VERSIONS, curriculum); }
function cacheName(curriculum) { return PREFIX + curriculum + " " + VERSIONS[curriculum]; }
function ours(names) { return names.filter(function (name) { return name.indexOf(PREFIX) === 0; }); }
function curriculumOf(name) {
  var rest = name.slice(PREFIX.length);
  return rest.slice(0, rest.lastIndexOf(" "));
}
function isCurrent(name) {
  var curriculum = curriculumOf(name);
  return known(curriculum) && name === cacheName(curriculum);
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var gone = ours(names).filter(function (name) { return !known(curriculumOf(name)); });
    var older = ours(names).filter(function (name) { return known(curriculumOf(name)) && !isCurrent(name); });
    older.forEach(function (name) { keep(curriculumOf(name), null); });  /* in the background */
    return Promise.all(gone.map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.berdaya !== "keep" || typeof data.curriculum !== "string") return;
  event.waitUntil(keep(data.curriculum, event.source));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  if (request.mode === "navigate" && !checked) {
    checked = true;
    event.waitUntil(retireIfGone());
  }
  event.respondWith(cached(request).then(function (response) { return response || fetch(request); }));
});

/* The kept answer to a request: current caches first, then older ones; null when none. */
function cached(request) {
  return caches.keys().then(function (names) {
    var mine = ours(names);
    var order = mine.filter(isCurrent).concat(mine.filter(function (name) { return !isCurrent(name); }));
    return order.reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        return caches.open(name).then(function (cache) { return cache.match(request, { ignoreSearch: true }); });
      });
    }, Promise.resolve(undefined));
  }).catch(function () { return undefined; });
}

/* Keep curriculum c; client (or null) hears how it goes. One download per curriculum at once. */
function keep(curriculum, client) {
  if (!known(curriculum)) return Promise.resolve();
  var job = jobs[curriculum];
  if (job) {
    if (client) job.listeners.push(client);
    return job.promise;
  }
  job = { listeners: client ? [client] : [], done: 0, total: 0 };
  jobs[curriculum] = job;
  job.promise = fill(curriculum, job).then(function (fresh) {
    tell(job, curriculum, "ready", fresh);
  }, function () {
    tell(job, curriculum, "failed", false);
  }).then(function () { delete jobs[curriculum]; });
  return job.promise;
}

function tell(job, curriculum, state, fresh) {
  var message = {
    berdaya: "offline", curriculum: curriculum, state: state,
    done: job.done, total: job.total, fresh: fresh
  };
  job.listeners.forEach(function (client) {
    try { client.postMessage(message); } catch (e) { /* the page has gone */ }
  });
}

/* Store every address of the curriculum's list; true when this call completed the cache. */
function fill(curriculum, job) {
  var name = cacheName(curriculum);
  var list = new URL(curriculum + "/offline.json", SCOPE).href;
  return caches.open(name).then(function (cache) {
    return cache.match(list).then(function (complete) {
      if (complete) return false;
      return fetch(list, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(list + ": " + response.status);
        return response.clone().json().then(function (bundle) {
          if (bundle.version !== VERSIONS[curriculum]) {  /* the site changed since this worker */
            self.registration.update();
            throw new Error(list + ": a newer site");
          }
          var urls = bundle.urls.map(function (url) { return new URL(url, SCOPE).href; });
          job.total = urls.length;
          return each(urls, function (url) {
            return store(cache, url).then(function () {
              job.done += 1;
              tell(job, curriculum, "preparing", false);
            });
          }).then(function () { return cache.put(list, response); })
            .then(function () { return dropOlder(curriculum, name); })
            .then(function () { return true; });
        });
      });
    });
  });
}

function store(cache, url) {
  return cache.match(url).then(function (hit) {
    if (hit) return undefined;
    return fetch(url, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return plain(response).then(function (kept) { return cache.put(url, kept); });
    });
  });
}

/* A redirected response cannot answer a navigation: keep its body and headers only. */
function plain(response) {
  if (!response.redirected) return Promise.resolve(response);
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
}

/* Run work over items, PARALLEL at a time; fails on the first failure. */
function each(items, work) {
  var next = 0;
  function lane() {
    if (next >= items.length) return Promise.resolve();
    var item = items[next];
    next += 1;
    return work(item).then(lane);
  }
  var lanes = [];
  for (var i = 0; i < PARALLEL; i += 1) lanes.push(lane());
  return Promise.all(lanes);
}

function dropOlder(curriculum, current) {
  return caches.keys().then(function (names) {
    var older = ours(names).filter(function (name) { return curriculumOf(name) === curriculum && name !== current; });
    return Promise.all(older.map(function (name) { return caches.delete(name); }));
  });
}

/* The site no longer offers the offline app (this file is gone): delete our caches, leave. */
function retireIfGone() {
  return fetch(new URL("berdaya-sw.js", SCOPE).href, { method: "HEAD", cache: "no-store" }).then(function (response) {
    if (response.status !== 404 && response.status !== 410) return undefined;
    return caches.keys().then(function (names) {
      return Promise.all(ours(names).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.registration.unregister(); });
  }).catch(function () { /* no connection: nothing to learn */ });
}
