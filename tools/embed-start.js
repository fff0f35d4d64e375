
// ---- circo-don: appended by tools/post-build.sh ----------------------------------------
// Starts the widget when this file is loaded by the embed snippet. The wasm is found
// next to this file, wherever it is served from (a sub-folder, another origin with CORS).
// Each widget's configuration is asked for at once, while the wasm downloads, with the
// request the widget would make (no credentials, revalidated); the widget takes the
// answer (src/widget/load.rs) and checks it as its own.
// If it cannot start (network, a Content-Security-Policy without 'wasm-unsafe-eval', an
// old browser), every placeholder says so instead of staying blank; a prerendered one
// (it has its shadow root) keeps its static view.
{
  // The stylesheet, beside this file too (src/widget/mod.rs links it in each shadow
  // root): asked for now, in parallel with the wasm, unless every widget holds a
  // prerender, which links it already.
  const style = new URL('circo-don.css', import.meta.url).href;
  globalThis.__circoDonStyle = style;
  if ([...document.querySelectorAll('[data-circo-don]')].some((el) => !el.shadowRoot) && document.head) {
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'style';
    preload.href = style;
    document.head.append(preload);
  }
  const configs = new Map();
  for (const el of document.querySelectorAll('[data-circo-don]')) {
    const value = el.getAttribute('data-circo-don') || '';
    if (value.startsWith('#') || el.hasAttribute('data-circo-don-mounted')) continue;
    let url;
    try { url = new URL(value, document.baseURI).href; } catch { continue; }
    if (configs.has(url) || !/^https?:/.test(url)) continue;
    const controller = new AbortController();
    const response = fetch(url, { credentials: 'omit', cache: 'no-cache', signal: controller.signal });
    // Failures are the widget's to report, as its own fetch's would be.
    response.catch(() => {});
    configs.set(url, { response, controller });
  }
  globalThis.__circoDonConfigs = configs;
}
__wbg_init({ module_or_path: new URL('circo-don_bg.wasm', import.meta.url) }).catch((error) => {
  console.error('circo-don: the widget could not start / le module de don n’a pas pu démarrer.', error);
  for (const el of document.querySelectorAll('[data-circo-don]')) {
    if (el.shadowRoot) continue;
    el.setAttribute('role', 'alert');
    el.textContent = 'Le module de don n’a pas pu se charger : rechargez la page ou contactez le collectif. '
      + '/ The donation widget could not load: reload the page or contact the collective.';
  }
});
