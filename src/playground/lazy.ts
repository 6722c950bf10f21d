/**
 * The derivation shown part by part, so a big problem keeps the page responsive: the opening and
 * the first sections are finished (KaTeX, diagrams) at once, within a time budget; each other
 * section is finished when it comes near the viewport, or in the background one section per task,
 * so the main thread is never held for more than one section. A new problem cancels what is left
 * of the old one. `#derivation[data-complete]` marks the moment every section is in the page.
 */
import type { HtmlParts } from "../browser.ts";

/** How long the first, synchronous pass may finish sections for (at least one is always finished). */
export const FIRST_PASS_MS = 20;

interface Job {
  cancelled: boolean;
  observer?: IntersectionObserver;
  timer?: ReturnType<typeof setTimeout>;
}

let job: Job | undefined;

/** Stops finishing the sections of the derivation shown last. */
export function cancelParts(): void {
  if (!job) return;
  job.cancelled = true;
  job.observer?.disconnect();
  if (job.timer !== undefined) clearTimeout(job.timer);
  job = undefined;
}

/**
 * Shows `parts` in `el`: the opening and, within {@link FIRST_PASS_MS}, the first sections now;
 * the others as they are reached or in the background. `onError` gets the error of a section that
 * fails to finish (its place then stays empty).
 */
export function showParts(el: HTMLElement, parts: HtmlParts, onError: (e: unknown) => void): void {
  cancelParts();
  const started = performance.now();
  const current: Job = { cancelled: false };
  job = current;
  delete el.dataset["complete"];
  const slots = parts.sections.map((s, i) => {
    const slot = document.createElement("div");
    slot.className = "part pending";
    slot.dataset["part"] = String(i);
    slot.dataset["kind"] = s.kind;
    return slot;
  });
  el.innerHTML = parts.head();
  el.append(...slots);
  let left = slots.length;

  const finish = (i: number): void => {
    const slot = slots[i]!;
    if (current.cancelled || !slot.classList.contains("pending")) return;
    slot.classList.remove("pending");
    try {
      slot.innerHTML = parts.sections[i]!.html();
    } catch (e) {
      onError(e);
    }
    current.observer?.unobserve(slot);
    if (--left === 0) {
      el.dataset["complete"] = "true";
      current.observer?.disconnect();
      if (job === current) job = undefined;
    }
  };

  for (let i = 0; i < slots.length && (i === 0 || performance.now() - started < FIRST_PASS_MS); i++) finish(i);
  if (left === 0) {
    el.dataset["complete"] = "true";
    return;
  }
  if (typeof IntersectionObserver === "function") {
    current.observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) finish(Number((e.target as HTMLElement).dataset["part"]));
    }, { rootMargin: "600px 0px" });
    for (const slot of slots) if (slot.classList.contains("pending")) current.observer.observe(slot);
  }
  const next = (): void => {
    current.timer = undefined;
    if (current.cancelled) return;
    const i = slots.findIndex((s) => s.classList.contains("pending"));
    if (i < 0) return;
    finish(i);
    current.timer = setTimeout(next, 0);
  };
  current.timer = setTimeout(next, 0);
}
