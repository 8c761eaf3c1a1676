// Runs in the exported page: typesets math (KaTeX), highlights code (highlight.js), draws Plotly figures, and
// sets window.__dlcourseReady once all of that has finished, so the PDF printer knows when to print.
(function () {
  "use strict";
  const pending = [];
  const errors = [];
  window.__dlcourseErrors = errors;

  // Plotly.NET's notebook HTML loads plotly through requirejs from a CDN; answer that with the bundled copy.
  const requireShim = function (deps, callback) {
    const modules = (deps || []).map(d => (String(d).indexOf("plotly") >= 0 ? window.Plotly : undefined));
    if (callback) callback.apply(window, modules);
  };
  requireShim.config = function () { return requireShim; };
  requireShim.undef = function () { };
  window.requirejs = window.require = requireShim;

  // Every chart, ours or from an output's own script, goes through newPlot: remember its promise.
  if (window.Plotly) {
    const newPlot = window.Plotly.newPlot;
    window.Plotly.newPlot = function () {
      const p = Promise.resolve(newPlot.apply(this, arguments));
      pending.push(p.catch(e => errors.push("plotly: " + e)));
      return p;
    };
  } else {
    errors.push("plotly.js did not load");
  }

  const printing = document.documentElement.dataset.mode === "pdf";

  function typesetMath() {
    if (!window.katex) { errors.push("KaTeX did not load"); return; }
    document.querySelectorAll(".math").forEach(el => {
      const display = el.tagName === "DIV" || el.classList.contains("display");
      // Markdig writes \( ... \) for inline and \[ ... \] for display math.
      const tex = el.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "").trim();
      try {
        katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
        // With throwOnError off KaTeX shows bad TeX in red; still report it so the exporter can warn.
        const bad = el.querySelector(".katex-error");
        if (bad) errors.push("katex: " + (bad.getAttribute("title") || "cannot typeset") + " in " + tex);
      } catch (e) {
        errors.push("katex: " + e.message);
      }
    });
  }

  function highlightCode() {
    if (!window.hljs) { errors.push("highlight.js did not load"); return; }
    document.querySelectorAll("pre code[class*='language-']").forEach(el => {
      const lang = (el.className.match(/language-(\S+)/) || [])[1];
      if (lang && hljs.getLanguage(lang)) hljs.highlightElement(el);
    });
  }

  function drawFigures() {
    document.querySelectorAll("script.plotly-figure").forEach(script => {
      const target = document.createElement("div");
      target.className = "plotly-chart";
      script.parentNode.insertBefore(target, script);
      let figure;
      try { figure = JSON.parse(script.textContent); } catch (e) { errors.push("figure JSON: " + e.message); return; }
      const layout = Object.assign({}, figure.layout || {});
      const width = target.clientWidth || 680;
      if (!layout.width || layout.width > width) layout.width = width;
      if (!layout.height) layout.height = Math.round(layout.width * 0.6);
      const config = Object.assign({}, figure.config || {}, { displaylogo: false, responsive: false });
      if (printing) { config.staticPlot = true; config.displayModeBar = false; }
      window.Plotly.newPlot(target, figure.data || [], layout, config);
    });
  }

  function nextFrame() { return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }

  async function boot() {
    try {
      typesetMath();
      highlightCode();
      if (window.Plotly) drawFigures();
      await Promise.all(pending);
      if (document.fonts) await document.fonts.ready;
      await nextFrame();
    } catch (e) {
      errors.push(String(e));
    }
    window.__dlcourseReady = true;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
