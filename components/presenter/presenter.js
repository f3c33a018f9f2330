// Presenter controls for the training walkthrough: clicker keys and the browser's Fullscreen API.
// PageDown and space: reveal, or go on when already revealed; PageUp: back; "o": reveal; 1-9: the
// choice at a decision; "f": full screen.
// Keys typed into a text field, and space on a focused diagram step, are left alone.
let previous = null;

function inTextField(path) {
  return path.some((el) => el instanceof Element && (
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.isContentEditable));
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}

function onDiagramStep(path) {
  return path.some((el) => el instanceof Element && el.matches && el.matches("g.node"));
}

export default function ({ parentElement, setTriggerValue }) {
  if (previous) previous.abort();  // Streamlit 1.67 calls this again without the returned cleanup
  const controller = new AbortController();
  previous = controller;
  const options = { signal: controller.signal };
  let seq = Date.now();
  const send = (action) => setTriggerValue("key", { action, seq: ++seq });

  window.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const path = event.composedPath();
    if (inTextField(path)) return;
    let action = null;
    if (event.key === "PageDown") action = "next";
    else if (event.key === "PageUp") action = "prev";
    else if (event.key === " " && !onDiagramStep(path)) action = "next";
    else if (event.key === "o" || event.key === "O") action = "reveal";
    else if (/^[1-9]$/.test(event.key)) action = "choice-" + event.key;
    else if (event.key === "f" || event.key === "F") {
      event.preventDefault();
      toggleFullscreen();
      return;
    }
    if (!action) return;
    event.preventDefault();
    send(action);
  }, options);

  const button = parentElement.querySelector("button.ltvp-fullscreen");
  if (button) {
    const label = () => {
      button.textContent = document.fullscreenElement ? "Volledig scherm uit" : "Volledig scherm";
    };
    label();
    button.addEventListener("click", toggleFullscreen, options);
    document.addEventListener("fullscreenchange", label, options);
  }
  return () => controller.abort();
}
