// The offline app shell. Every file of the build is cached under a cache named after the
// build's content hash; a new build installs its own cache, takes over, and deletes the old
// ones, so an old wasm never runs with a new page. The exchange is on another origin and never
// cached: it is data, fetched live and verified by the app. config.json (where the exchange is)
// is asked of the network first and kept for offline starts.
'use strict';
const BUILD = '@BUILD_ID@';
const CACHE = 'vsys-' + BUILD;
// Kept across builds (the deployment's, not the build's): not named vsys-<build>.
const CONFIG_CACHE = 'config';
const FILES = @FILES@;

self.addEventListener('install', (event) => {
  // Build files carry ?v=<build> and are taken from the HTTP cache the page just filled; the
  // unversioned shell is revalidated.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, f.includes('?v=') ? {} : { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('vsys-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/config.json')) {
    event.respondWith(caches.open(CONFIG_CACHE).then((cache) => fetch(event.request).then((r) => {
      if (r.ok) cache.put('config.json', r.clone());
      return r;
    }, () => cache.match('config.json').then((hit) => hit || Response.error()))));
    return;
  }
  const request = event.request.mode === 'navigate' ? 'index.html' : event.request;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(request).then((hit) => hit || fetch(event.request))));
});
