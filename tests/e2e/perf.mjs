// Shared timing helpers for the benchmark (scripts/bench.mjs) and the latency budgets
// the test command enforces (budgets.test.mjs), so both measure exactly the same thing.
import { renderAll } from './lib.mjs';

/** Median of a list of numbers (lower middle for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** 95th percentile (nearest rank). */
export const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN;
};

/**
 * Sweeps every enabled range input in `main` over `sweep + 1` evenly spaced values and
 * times each step from the `input` event until the DOM and every canvas are updated.
 * The app updates the DOM and draws its canvases in the effects the event triggers
 * (microtasks), so the next macrotask sees the finished update. Between steps a frame
 * is let through and rendered, as a dragging learner's events arrive once per frame. Returns
 * `{ [param]: { samples: ms[], redraws } }`; each slider is put back afterwards.
 *
 * Lab blocks off screen are skipped until scrolled near (`content-visibility: auto`), and a
 * chart never yet on screen is not drawn. The sweep first scrolls through the whole
 * page, as a reader who has read the chapter: every chart has then been drawn and
 * redraws on every step that changes what it shows (the most work a step can cause).
 * Each slider is scrolled into view before it is swept, as a learner must see a slider
 * to drag it.
 */
export async function sweepSliders(page, sweep) {
  await renderAll(page);
  return page.evaluate(async (SWEEP) => {
    const macrotask = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const draws = () => [...document.querySelectorAll('canvas[data-draws]')].reduce((s, c) => s + Number(c.dataset.draws), 0);
    const per = {};
    const sliders = [...document.querySelectorAll('main input[type=range]')];
    for (const [i, input] of sliders.entries()) {
      if (!input.isConnected || input.disabled) continue;
      input.scrollIntoView({ block: 'center', behavior: 'instant' });
      await frame();
      await frame();
      await macrotask();
      const name = input.closest('[data-param]')?.getAttribute('data-param') ?? (input.name || `#${i}`);
      const min = Number(input.min || 0), max = Number(input.max || 100);
      const original = input.value;
      const samples = [];
      let redraws = 0;
      for (let k = 0; k <= SWEEP; k++) {
        const v = min + ((max - min) * k) / SWEEP;
        const d0 = draws();
        const t0 = performance.now();
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        samples.push(performance.now() - t0);
        redraws += draws() - d0;
        // Let the frame render (style, layout, paint of this update) before the next
        // input, so that rendering is not counted against the next one.
        await frame();
        await macrotask();
      }
      input.value = original;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The same order as between steps: frame, then a task. (In the other order the
      // next slider's first input ran inside the frame, before its style, layout and
      // paint, and its sample counted that rendering: every slider's first sample was
      // 5–20 ms.)
      await frame();
      await macrotask();
      per[per[name] ? `${name}#${i}` : name] = { samples, redraws };
    }
    return per;
  }, sweep);
}

/** Summary of a sweep: slider and event counts, median, p95, the slowest slider by p95. */
export function summarize(result) {
  const all = Object.values(result).flatMap((r) => r.samples);
  const slowest = Object.entries(result).map(([n, r]) => [n, p95(r.samples)]).sort((a, b) => b[1] - a[1])[0];
  return {
    sliders: Object.keys(result).length,
    events: all.length,
    median: median(all),
    p95: p95(all),
    slowest: slowest ? { name: slowest[0], p95: slowest[1] } : null,
    redraws: Object.values(result).reduce((s, r) => s + r.redraws, 0),
  };
}
