
// ---- circo-don: appended by tools/post-build.sh ----------------------------------------
// Starts the widget when this file is loaded by the embed snippet. The wasm is found
// next to this file, wherever it is served from (a sub-folder, another origin with CORS).
// If it cannot start (network, a Content-Security-Policy without 'wasm-unsafe-eval', an
// old browser), every placeholder says so instead of staying blank.
__wbg_init({ module_or_path: new URL('circo-don_bg.wasm', import.meta.url) }).catch((error) => {
  console.error('circo-don: the widget could not start / le module de don n’a pas pu démarrer.', error);
  for (const el of document.querySelectorAll('[data-circo-don]')) {
    if (el.shadowRoot) continue;
    el.setAttribute('role', 'alert');
    el.textContent = 'Le module de don n’a pas pu se charger : rechargez la page ou contactez le collectif. '
      + '/ The donation widget could not load: reload the page or contact the collective.';
  }
});
