// The app's theme switch (Licht / Donker / Zoals het systeem), kept per browser, and lang="nl".
// Streamlit 1.67 keeps the viewer's theme choice in localStorage under "stActiveTheme-<path>-v2"
// ("Light", "Dark" or "System"), read once at page load and keyed by the path the app was opened on.
// The switch writes that key for every page of the app (so the choice holds wherever the app is
// opened next) and reloads: the URL keeps the process, step and view. With toolbarMode "minimal"
// Streamlit's own settings menu (and its theme choice) is hidden, so this is the one place to pick.
const VERSION = 'v2';
let previous = null;

function keyFor(path) {
  return 'stActiveTheme-' + path + '-' + VERSION;
}

function current() {
  try {
    const value = JSON.parse(window.localStorage.getItem(keyFor(window.location.pathname)) || '"System"');
    return ['Light', 'Dark', 'System'].includes(value) ? value : 'System';
  } catch (e) {
    return 'System';
  }
}

function choose(theme, paths) {
  try {
    for (const path of new Set([...paths, window.location.pathname])) {
      window.localStorage.setItem(keyFor(path), JSON.stringify(theme));
    }
  } catch (e) {
    return; // storage blocked: nothing to keep, nothing to switch
  }
  window.location.reload();
}

// Streamlit serves lang="en"; every page of this app is Dutch (WCAG 3.1.1).
function keepDutch(signal) {
  const html = document.documentElement;
  const set = () => {
    if (html.getAttribute('lang') !== 'nl') html.setAttribute('lang', 'nl');
  };
  set();
  const observer = new MutationObserver(set);
  observer.observe(html, { attributes: true, attributeFilter: ['lang'] });
  signal.addEventListener('abort', () => observer.disconnect());
}

export default function ({ parentElement, data }) {
  if (previous) previous.abort(); // Streamlit 1.67 calls this again without the returned cleanup
  const controller = new AbortController();
  previous = controller;
  keepDutch(controller.signal);
  const paths = (data && Array.isArray(data.paths)) ? data.paths : [];
  const active = current();
  for (const input of parentElement.querySelectorAll('input[name="ltv-theme"]')) {
    input.checked = input.value === active;
    input.addEventListener('change', () => {
      if (input.checked) choose(input.value, paths);
    }, { signal: controller.signal });
  }
  return () => controller.abort();
}
