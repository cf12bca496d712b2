/*
 * Berdaya offline shim: lets Material's search worker run from file://.
 *
 * Browsers refuse `new Worker(url)` on pages opened from the file system, so
 * search would never start in an offline copy. On file:// only, this script
 * replaces `Worker` with IFrameWorker: a hidden, script-only iframe whose
 * window plays the worker's global scope. The worker script is loaded into it
 * with a <script> tag (allowed from file://), and `postMessage`,
 * `addEventListener("message")` and `importScripts` are bridged between the
 * page and that window. Nothing is loaded from the network.
 *
 * Material's search worker checks for `parent.IFrameWorker` and then finds its
 * own folder from the first <script src> of its document, to import the lunr
 * language files (this `importScripts` returns a promise; the worker awaits it).
 *
 * The file name contains "iframe-worker": listed in `extra.polyfills`, it stops
 * Material's offline plugin from adding https://unpkg.com/iframe-worker/shim.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:" || "IFrameWorker" in window) {
    return;
  }

  /** Copy data as a real worker would (structured clone) where the browser can. */
  function copy(data) {
    return typeof structuredClone === "function" ? structuredClone(data) : data;
  }

  /** Load one classic script into a document; resolves when it has run. */
  function load(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + url)); };
      (doc.head || doc.documentElement).appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    /** Start the worker script `url` in a hidden iframe. */
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.url = new URL(String(url), location.href).href;
      this.pending = [];
      this.ready = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.frame);
      this.scope = this.frame.contentWindow;
      this.bridge();
      load(this.scope.document, this.url).then(
        this.start.bind(this),
        this.fail.bind(this)
      );
    }

    /** Give the iframe's window the functions a worker's global scope has. */
    bridge() {
      var worker = this;
      var base = this.url;
      this.scope.postMessage = function (data) {
        worker.emit("message", { data: copy(data) });
      };
      this.scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, url) {
          return done.then(function () {
            return load(worker.scope.document, new URL(url, base).href);
          });
        }, Promise.resolve());
      };
      this.scope.close = function () {
        worker.terminate();
      };
      this.scope.addEventListener("error", function (event) {
        worker.fail(event.error || new Error(event.message));
      });
    }

    /** The worker script has run: deliver the messages sent meanwhile. */
    start() {
      this.ready = true;
      this.pending.splice(0).forEach(this.deliver, this);
    }

    /** Report a failure the way a worker does: an "error" event. */
    fail(error) {
      this.emit("error", { error: error, message: String(error && error.message) });
    }

    /** Send data to the worker (its "message" listeners), asynchronously. */
    postMessage(data) {
      if (this.ready) {
        this.deliver(copy(data));
      } else {
        this.pending.push(copy(data));
      }
    }

    deliver(data) {
      var scope = this.scope;
      setTimeout(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
      }, 0);
    }

    /** Dispatch an event to the page's listeners and `on<type>` handler. */
    emit(type, init) {
      var worker = this;
      setTimeout(function () {
        var event = type === "error" ? new ErrorEvent(type, init) : new MessageEvent(type, init);
        worker.dispatchEvent(event);
        var handler = worker["on" + type];
        if (typeof handler === "function") {
          handler.call(worker, event);
        }
      }, 0);
    }

    /** Stop the worker: remove its iframe. */
    terminate() {
      this.ready = false;
      this.pending = [];
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
