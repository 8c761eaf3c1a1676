// The review page: one student's written answer at a time, beside the model answer and the rubric.
// j/k or ↓/↑: next/previous student; n/p: next/previous question; Enter: save and move on.
// Every save goes to the server at once, which writes manual-scores.json and the results before it answers.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="review-token"]').content;
  const $ = id => document.getElementById(id);
  let state = null, qi = 0, si = 0, dirty = false, busy = false;

  async function api(path, body) {
    const init = { headers: { "X-Review-Token": token } };
    if (body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  // The server sends sanitised HTML with math left as \( \) and \[ \] spans; KaTeX typesets them here.
  function setHtml(id, html) {
    const el = $(id);
    el.innerHTML = html;
    if (!window.katex) return;
    el.querySelectorAll(".math").forEach(m => {
      const display = m.tagName === "DIV" || m.classList.contains("display");
      const tex = m.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "").trim();
      try { katex.render(tex, m, { displayMode: display, throwOnError: false }); } catch (e) { /* left as TeX */ }
    });
  }

  const pending = q => q.answers.filter(a => a.points === null).length;

  function item(text, className, onClick) {
    const li = document.createElement("li");
    li.textContent = text;
    li.className = className;
    li.addEventListener("click", onClick);
    return li;
  }

  function render() {
    const q = state.questions[qi], a = q.answers[si];
    $("question").textContent = `${q.gradeId} (${q.notebook}, ${q.maxScore} points)`;
    $("question-pos").textContent = `question ${qi + 1} of ${state.questions.length}`;
    const total = state.questions.reduce((n, x) => n + pending(x), 0);
    $("pending").textContent = total === 0 ? "all answers reviewed" : `${total} pending (${pending(q)} in this question)`;
    $("student").textContent = a.student;
    $("student-pos").textContent = `${si + 1} of ${q.answers.length}`;
    setHtml("prompt", q.prompt);
    setHtml("answer", a.empty ? '<p class="none">(no answer)</p>' : a.answer);
    setHtml("model", q.model);
    setHtml("rubric", q.rubric || '<p class="none">(no rubric)</p>');
    $("max").textContent = q.maxScore;
    $("points").value = a.points === null ? "" : String(a.points);
    $("comment").value = a.comment || "";
    $("state").textContent = a.points === null ? "pending" + (a.note ? ": " + a.note : "") : "saved";
    $("state").className = a.points === null ? "pending" : "saved";
    $("error").textContent = "";
    $("students").replaceChildren(...q.answers.map((x, i) => item(
      `${x.student}: ${x.points === null ? "pending" : x.points}`,
      (x.points === null ? "pending" : "saved") + (i === si ? " current" : ""), () => move(qi, i))));
    $("questions").replaceChildren(...state.questions.map((x, i) => item(
      `${x.gradeId}: ${pending(x)} pending`, (pending(x) ? "pending" : "saved") + (i === qi ? " current" : ""), () => move(i, 0))));
    dirty = false;
    $("points").focus();
    $("points").select();
  }

  function parsePoints(text, max) {
    const t = text.trim().replace(",", ".");
    if (t === "") return { value: null };
    const v = Number(t);
    if (!Number.isFinite(v) || v < 0 || v > max) return { error: `points must be a number from 0 to ${max}` };
    return { value: v };
  }

  // Saves the fields when they changed; false (with the reason shown) when they could not be saved.
  async function save() {
    if (!dirty) return true;
    const q = state.questions[qi], a = q.answers[si];
    const p = parsePoints($("points").value, q.maxScore);
    if (p.error) { $("error").textContent = p.error; $("points").focus(); return false; }
    try {
      const saved = await api("/api/score", {
        student: a.student, notebook: q.notebook, gradeId: q.gradeId, hash: a.hash, points: p.value, comment: $("comment").value,
      });
      Object.assign(a, saved);
      dirty = false;
      return true;
    } catch (e) {
      $("error").textContent = e.message;
      return false;
    }
  }

  async function move(toQuestion, toStudent) {
    if (!(await save())) return;
    qi = Math.max(0, Math.min(state.questions.length - 1, toQuestion));
    si = Math.max(0, Math.min(state.questions[qi].answers.length - 1, toStudent));
    render();
  }

  // After the last student of a question comes the first of the next one.
  function next() {
    if (si + 1 < state.questions[qi].answers.length) return move(qi, si + 1);
    if (qi + 1 < state.questions.length) return move(qi + 1, 0);
    return save().then(ok => { if (ok) render(); });
  }

  async function once(action) {
    if (busy) return;
    busy = true;
    try { await action(); } finally { busy = false; }
  }

  document.addEventListener("keydown", e => {
    if (!state || e.ctrlKey || e.metaKey || e.altKey) return;
    const inComment = e.target === $("comment");
    if (e.key === "Escape") { if (e.target.blur) e.target.blur(); return; }
    if (e.key === "Enter" && !(inComment && e.shiftKey)) { e.preventDefault(); once(next); return; }
    if (inComment) return; // typing a comment
    const step = { j: [0, 1], ArrowDown: [0, 1], k: [0, -1], ArrowUp: [0, -1], n: [1, 0], p: [-1, 0] }[e.key];
    if (!step) return;
    e.preventDefault(); // points never contain letters, so j/k/n/p navigate even from the points field
    once(() => step[0] ? move(qi + step[0], 0) : move(qi, si + step[1]));
  });
  $("points").addEventListener("input", () => { dirty = true; });
  $("comment").addEventListener("input", () => { dirty = true; });
  $("score").addEventListener("submit", e => { e.preventDefault(); once(next); });

  api("/api/state").then(data => {
    state = data;
    if (!state.katex) {
      $("warning").hidden = false;
      $("warning").textContent = "KaTeX is not installed (run environment/assets.sh): math is shown as TeX.";
    }
    // Start at the first pending answer, if any.
    const q = state.questions.findIndex(x => pending(x) > 0);
    if (q >= 0) { qi = q; si = state.questions[q].answers.findIndex(a => a.points === null); }
    render();
    document.documentElement.dataset.ready = "true";
  }, e => { $("question").textContent = "cannot load: " + e.message; });
})();
