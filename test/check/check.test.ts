import { describe, expect, it } from "vitest";
import { fc, test as fcTest } from "@fast-check/vitest";
import { checkClaim, mistakeContext } from "../../src/check/check.ts";
import { parseClaim, type Claim } from "../../src/check/claim/index.ts";
import type { ClaimEntry } from "../../src/check/claim/entry.ts";
import { problemMistakes } from "../../src/check/mistakes/index.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { symbol } from "../../src/algebra/scalar.ts";
import { TconvError } from "../../src/spec/error.ts";
import { cliNames } from "../../src/spec/names.ts";
import type { Num } from "../../src/check/value.ts";
import type { CheckProblem } from "../../src/check/problem.ts";
import { arbitraryProblem } from "./arbitrary.ts";
import { plainProblem } from "./problem.ts";

const claimOf = (text: string): Claim => parseClaim(text, { field: "--claim" });
const SEED = plainProblem("[[1,2],[3,4]]", "[[1,0],[0,-1]]");
const check = (problem: CheckProblem, claim: string) => checkClaim({ problem, claim: claimOf(claim) });

/** A claim in canonical order (plain and torch layouts write the canonical order). */
function claimFromValues(problem: CheckProblem, values: readonly Num[], shape: readonly number[]): Claim {
  const entries: ClaimEntry[] = values.map((v) => ({ kind: "exact", value: v as Rational }));
  const layoutShape = problem.layout === "plain" ? shape.slice(2) : [...shape];
  return { form: "array-literal", shape: layoutShape, entries };
}
const differs = (a: readonly Num[], b: readonly Num[]) =>
  a.flatMap((v, i) => ((v as Rational).equals(b[i] as Rational) ? [] : [i]));

describe("seed 001's worked example", () => {
  it("the right answer is accepted", () => {
    const r = check(SEED, "[[1,2,0],[3,3,-2],[0,-3,-4]]");
    expect(r.correct).toBe(true);
    expect(r.wrong).toEqual([]);
  });

  it("the right answer with ? cells is accepted and the ? cells are counted apart", () => {
    const r = check(SEED, "[[1,?,0],[3,?,-2],[?,-3,-4]]");
    expect(r.correct).toBe(true);
    expect([r.compared, r.unknown]).toEqual([6, 3]);
  });

  it("its fourth element labelled (3): x_{1,1} used as 3 gives wrong cells (1,1) and (2,2), diagnosed as that misread", () => {
    // Placing 3·kernel instead of 4·kernel at the bottom right: y_{1,1} = −1 + 3 = 2, y_{2,2} = −3.
    const r = check(SEED, "[[1,2,0],[3,2,-2],[0,-3,-3]]");
    expect(r.correct).toBe(false);
    expect(r.wrong.map((c) => [c.index, String(c.expected), c.claimed.kind === "exact" ? String(c.claimed.value) : "?"]))
      .toEqual([[[1, 1], "3", "2"], [[2, 2], "-4", "-3"]]);
    const first = r.diagnosis[0]!;
    expect(first).toMatchObject({ mistake: "misread-value", explains: 2, tensor: "input", at: 3 });
    if (first.mistake !== "misread-value") throw new Error("unreachable");
    expect([String(first.used), String(first.actual)]).toEqual(["3", "4"]);
    // Cells the misread explains get no term-level story of their own.
    expect(r.diagnosis.map((d) => d.mistake)).toEqual(["misread-value"]);
    expect(r.wrong.every((c) => c.explanations.length === 0)).toBe(true);
  });

  it("its 4×3 'Combining these' intermediate as a claim: a wrong shape, explained by kernel copies stacked without overlap on axis 0", () => {
    const r = check(SEED, "[[1,2,0],[0,-1,-2],[3,4,0],[0,-3,-4]]");
    expect(r.correct).toBe(false);
    expect(r.shape.ok).toBe(false);
    expect(r.shape.axes).toEqual([{ axis: 0, expected: 3, claimed: 4, misuses: expect.arrayContaining(["copies-not-overlapped"]) }]);
    expect(r.diagnosis.map((d) => d.mistake)).toContain("copies-not-overlapped");
    expect(r.diagnosis.find((d) => d.mistake === "copies-not-overlapped")).toMatchObject({ explains: 12, axes: [0] });
  });

  it("forgetting the −1 of x_{0,0}w_{1,1} in the centre is a missing term", () => {
    const r = check(SEED, "[[1,2,0],[3,4,-2],[0,-3,-4]]");
    expect(r.wrong.map((c) => c.index)).toEqual([[1, 1]]);
    const ex = r.wrong[0]!.explanations.find((e) => e.mistake === "missing-term");
    expect(ex).toMatchObject({ mistake: "missing-term", term: { x: 0, w: 3 } });
  });

  it("a negated result is a sign error of the whole cell", () => {
    const r = check(SEED, "[[1,2,0],[3,3,2],[0,-3,-4]]");
    expect(r.wrong[0]!.explanations).toContainEqual({ mistake: "sign-error", scope: "result" });
  });

  it("a value no term change explains is an arithmetic slip, by how much it is off", () => {
    const r = check(SEED, "[[1,2,0],[3,3,-2],[0,-3,-11]]");
    expect(r.wrong[0]!.explanations).toEqual([{ mistake: "arithmetic-slip", off: Rational.int(-7) }]);
    expect(r.diagnosis).toEqual([{ mistake: "arithmetic-slip", explains: 1, cells: [8] }]);
  });

  it("the kernel flipped (true convolution) is named with every cell it changed", () => {
    const r = check(SEED, "[[-1,-2,0],[-3,-3,2],[0,3,4]]");
    expect(r.diagnosis[0]).toMatchObject({ mistake: "flipped-kernel", explains: r.wrong.length });
  });

  it("a claimed shape alone is checked by its size", () => {
    expect(checkClaim({ problem: SEED, claimShape: [3, 3] }).correct).toBe(true);
    const r = checkClaim({ problem: SEED, claimShape: [2, 3] });
    expect(r.correct).toBe(false);
    expect(r.shape.axes[0]).toMatchObject({ axis: 0, expected: 3, claimed: 2, misuses: ["plus-one-forgotten"] });
  });
});

describe("seed 001 as written", () => {
  it("its final LaTeX output, as the post writes it, is accepted", () => {
    const latex = "$$ \\text{Output} = \\begin{bmatrix} 1 & 2 & 0 \\\\ 3 & 3 & -2 \\\\ 0 & -3 & -4 \\end{bmatrix} $$";
    expect(check(SEED, latex).correct).toBe(true);
  });

  it("its ordinary convolution, an equation of two matrices, is checked by its last matrix (all −4)", () => {
    const conv = plainProblem("[[1,2,3],[4,5,6],[7,8,9]]", "[[1,0],[0,-1]]", { op: "conv" });
    const latex = "$$ \\text{Output} = \\begin{bmatrix} (1-5) & (2-6) \\\\ (4-8) & (5-9) \\end{bmatrix} = \\begin{bmatrix} -4 & -4 \\\\ -4 & -4 \\end{bmatrix} $$";
    expect(check(conv, latex).correct).toBe(true);
    // Sliding the kernel without flipping is the convention; a flipped kernel gives +4 everywhere.
    const r = check(conv, "[[4,4],[4,4]]");
    expect(r.diagnosis[0]).toMatchObject({ mistake: "flipped-kernel", explains: 4 });
  });

  it("placing the copies without adding the overlaps (last write wins) is named overlap-not-summed", () => {
    const r = check(SEED, "[[1,2,0],[3,4,0],[0,0,-4]]");
    expect(r.diagnosis).toContainEqual(expect.objectContaining({ mistake: "overlap-not-summed", order: "last-wins", explains: r.wrong.length }));
  });
});

describe("float problems and layouts", () => {
  const F = plainProblem("[[0.1,0.2],[0.3,0.4]]", "[[1,0],[0,-1]]");
  it("decimals in the problem: a claim right to its digits is accepted", () => {
    expect(check(F, "[[0.1,0.2,0],[0.3,0.3,-0.2],[0,-0.3,-0.4]]").correct).toBe(true);
  });

  it("decimals in the problem: a missing term is still found (within the tolerance)", () => {
    const r = check(F, "[[0.1,0.2,0],[0.3,0.4,-0.2],[0,-0.3,-0.4]]");
    expect(r.wrong.map((c) => c.index)).toEqual([[1, 1]]);
    expect(r.wrong[0]!.explanations.map((e) => e.mistake)).toContain("missing-term");
  });

  it("the tf layout reads the claim as [N, H, W, C] and reports indices in that order", () => {
    const tf: CheckProblem = { ...SEED, layout: "tf" };
    const r = check(tf, "[[[[1],[2],[0]],[[3],[3],[-2]],[[0],[-3],[5]]]]");
    expect(r.wrong.map((c) => c.index)).toEqual([[0, 2, 2, 0]]);
  });
});

describe("shape diagnosis names the misused parameter", () => {
  const P = plainProblem("[[1,2,3],[4,5,6],[7,8,9]]", "[[1,0,1],[0,1,0],[1,0,1]]", {
    stride: [2, 2], padBegin: [1, 1], padEnd: [1, 1], outputPadding: [1, 1],
  });
  // True size per axis: (3−1)·2 − 2 + 2 + 1 + 1 = 6.
  it.each([
    ["padding counted twice", 4, "padding-counted-twice"],
    ["padding not cropped", 8, "padding-not-cropped"],
    ["output padding forgotten", 5, "output-padding-ignored"],
    ["stride applied to the kernel size", 8, "stride-on-kernel"],
    ["padding added instead of removed", 10, "padding-added"],
    ["s zeros inserted instead of s − 1", 8, "stride-zeros-wrong"],
    ["copies side by side (stride = kernel size)", 8, "copies-not-overlapped"],
    ["stride ignored", 4, "stride-ignored"],
    ["i·s instead of (i − 1)·s", 8, "input-not-minus-one"],
    ["k instead of k − 1", 7, "kernel-not-minus-one"],
    ["the final +1 forgotten", 5, "plus-one-forgotten"],
    ["the ordinary convolution's formula", 2, "conv-size-formula"],
  ])("%s", (_name, size, misuse) => {
    const r = checkClaim({ problem: P, claimShape: [size, 6] });
    expect(r.shape.axes).toHaveLength(1);
    expect(r.shape.axes[0]!.misuses).toContain(misuse);
  });
});

describe("shape diagnosis recomputes the values of a misused parameter", () => {
  it("dilation ignored: the size and every value of the undilated problem", () => {
    const P = plainProblem("[1,2,3]", "[1,-1]", { dilation: [2] });
    const undilated = plainProblem("[1,2,3]", "[1,-1]");
    const values = mistakeContext(undilated).truth.map(String).join(",");
    const r = check(P, `[${values}]`);
    expect(r.shape.axes[0]).toMatchObject({ expected: 5, claimed: 4, misuses: expect.arrayContaining(["dilation-ignored"]) });
    expect(r.shape.likely[0]).toBe("dilation-ignored");
    expect(r.diagnosis).toContainEqual(expect.objectContaining({ mistake: "dilation-ignored", axes: [0] }));
  });
});

const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

describe("bad claims", () => {
  it("a claim of the wrong rank is refused naming the library's field claim, or --claim with the CLI's names", () => {
    expect(() => check(SEED, "[[[1,2],[3,4]],[[1,2],[3,4]]]")).toThrow(TconvError);
    const e = thrown(() => check(SEED, "[1,2,3]"));
    expect(e).toBeInstanceOf(TconvError);
    expect(e).toMatchObject({ code: "claim-rank", path: "claim", message: expect.stringMatching(/1 axes .* output has 2/) });
    expect(thrown(() => checkClaim({ problem: SEED, claim: claimOf("[1,2,3]"), names: cliNames }))).toMatchObject({ path: "--claim" });
  });

  it("a claimed shape disagreeing with the claim is refused on claimShape (--claim-shape on the CLI)", () => {
    const req = { problem: SEED, claim: claimOf("[[1,2,0],[3,3,-2],[0,-3,-4]]"), claimShape: [4, 3] };
    expect(thrown(() => checkClaim(req))).toMatchObject({ code: "claim-shape-mismatch", path: "claimShape", message: expect.stringMatching(/^says \[4,3\]/) });
    expect(thrown(() => checkClaim({ ...req, names: cliNames }))).toMatchObject({ path: "--claim-shape" });
  });

  it("nothing claimed is one missing-option error naming claim, and its CLI form names the three options", () => {
    expect(thrown(() => checkClaim({ problem: SEED }))).toMatchObject({ code: "missing-option", path: "claim" });
    expect((thrown(() => checkClaim({ problem: SEED, names: cliNames })) as TconvError).toLine())
      .toBe("error: --claim: required: the claimed output, e.g. --claim '[[1,2,0],[3,3,-2],[0,-3,-4]]' (or --claim-shape 3,3, or --claim-matrix)");
  });

  it("a symbol in the problem is refused naming the tensor (input, kernel), not a CLI option", () => {
    const x = { shape: [1, 1, 1], data: [symbol("a", "a")] };
    const symbolic = { ...plainProblem("[1]", "[1]"), x };
    expect(thrown(() => checkClaim({ problem: symbolic, claimShape: [1] }))).toMatchObject({ code: "symbol-not-allowed", path: "input" });
    expect(thrown(() => checkClaim({ problem: symbolic, claimShape: [1], names: cliNames }))).toMatchObject({ path: "--input" });
  });

  it("a claimed matrix that is not a matrix is refused on claimMatrix", () => {
    expect(thrown(() => checkClaim({ problem: SEED, claimMatrix: claimOf("[1,2,3]") }))).toMatchObject({ code: "claim-rank", path: "claimMatrix" });
  });

  it("a row matrix for a 1-D output is the same rank after dropping its leading 1", () => {
    const p = plainProblem("[1,2]", "[1,1]");
    expect(check(p, "\\begin{bmatrix} 1 & 3 & 2 \\end{bmatrix}").correct).toBe(true);
  });
});

describe("decimals are right to the digits written", () => {
  const P = plainProblem("[1/3]", "[1]");
  it.each([["0.33", true], ["0.333", true], ["0.3", true], ["0.34", false], ["1/3", true], ["0.3333334", false]])("%s → %s", (claim, ok) => {
    expect(check(P, `[${claim}]`).correct).toBe(ok);
  });
});

describe("properties over random problems", () => {
  fcTest.prop([arbitraryProblem({ maxRank: 3, channels: true }), fc.infiniteStream(fc.boolean())], { numRuns: 60 })(
    "a correct claim is always accepted, with any cells replaced by ?",
    (problem, coin) => {
      const ctx = mistakeContext(problem);
      const claim = claimFromValues(problem, ctx.truth, problem.info.outputShape);
      const it = coin[Symbol.iterator]();
      const masked: Claim = { ...claim, entries: claim.entries.map((e) => (it.next().value ? { kind: "unknown" } : e)) };
      const r = checkClaim({ problem, claim: masked });
      expect(r.correct).toBe(true);
      expect(r.wrong).toEqual([]);
    },
  );

  for (const op of ["transposed", "conv"] as const) {
    fcTest.prop([arbitraryProblem({ maxRank: 2, channels: op === "transposed", op })], { numRuns: 80 })(
      `${op}: each whole-problem mistake applied to the true computation is named, with exactly the changed cells wrong`,
      (problem) => {
        const ctx = mistakeContext(problem);
        for (const mistake of problemMistakes) {
          for (const variant of mistake.recompute(ctx)) {
            const claim = claimFromValues(problem, variant.values, variant.info.outputShape);
            const sameShape = variant.info.outputShape.every((n, i) => n === problem.info.outputShape[i]);
            if (sameShape) {
              const changed = differs(variant.values, ctx.truth);
              if (changed.length === 0) continue; // the mistake changes nothing here
              const r = checkClaim({ problem, claim });
              expect(r.wrong.map((c) => c.cell)).toEqual(changed);
              expect(r.diagnosis.filter((d) => d.mistake === mistake.id).map((d) => d.explains)).toContain(changed.length);
            } else {
              if (problem.layout === "plain" && variant.info.outputShape.slice(0, 2).some((n) => n !== 1)) continue;
              const r = checkClaim({ problem, claim });
              expect(r.shape.ok).toBe(false);
              expect(r.diagnosis.map((d) => d.mistake)).toContain(mistake.id);
            }
          }
        }
      },
    );
  }

  fcTest.prop([arbitraryProblem({ maxRank: 2, channels: true }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 })], { numRuns: 100 })(
    "one misread input or kernel value is named with the entry, and exactly the changed cells are wrong",
    (problem, pick, which, delta) => {
      const useInput = which % 2 === 0;
      const t = useInput ? problem.x : problem.w;
      const at = pick % t.data.length;
      const old = t.data[at]!;
      if (old.kind !== "exact") return;
      const data = t.data.map((s, i) => (i === at ? { kind: "exact" as const, value: old.value.add(Rational.int(delta)) } : s));
      const slipped: CheckProblem = useInput ? { ...problem, x: { ...t, data } } : { ...problem, w: { ...t, data } };
      const truth = mistakeContext(problem).truth, values = mistakeContext(slipped).truth;
      const changed = differs(values, truth);
      fc.pre(changed.length > 0);
      const r = checkClaim({ problem, claim: claimFromValues(problem, values, problem.info.outputShape) });
      expect(r.wrong.map((c) => c.cell)).toEqual(changed);
      const named = r.diagnosis.filter((d) => d.mistake === "misread-value");
      // A whole-problem mistake may reproduce the same cells by coincidence (e.g. bias left out on
      // a one-cell output); then those cells need no misread of their own.
      const cellLevel = ["missing-term", "extra-term", "sign-error", "arithmetic-slip", "misread-value"];
      const whole = new Set(r.diagnosis.filter((d) => !cellLevel.includes(d.mistake)).flatMap((d) => d.cells));
      const left = changed.filter((c) => !whole.has(c));
      if (left.length === 0) return;
      expect(named.length).toBeGreaterThan(0);
      const wanted = named.filter((d) => d.mistake === "misread-value" && d.tensor === (useInput ? "input" : "kernel") && d.at === at);
      // Another entry may explain the same cells equally well (e.g. x and w meeting only in one
      // term); then the changed entry must be among those explaining them all.
      if (wanted.length === 0) expect(named[0]!.explains).toBe(left.length);
      else expect(wanted[0]!.explains).toBe(left.length);
    },
  );

  fcTest.prop([arbitraryProblem({ maxRank: 2, channels: true }), fc.nat(), fc.nat(), fc.constantFrom("missing-term", "extra-term", "sign-error", "arithmetic-slip")], { numRuns: 150 })(
    "a one-term change of one cell is named for that cell, and only that cell is wrong",
    (problem, pickCell, pickTerm, kind) => {
      const ctx = mistakeContext(problem);
      const cell = pickCell % ctx.truth.length;
      const terms = ctx.terms.termsOf(cell);
      const value = (x: number, w: number) => (ctx.xValues[x] as Rational).mul(ctx.wValues[w] as Rational);
      const E = ctx.truth[cell] as Rational;
      let claimed: Rational;
      if (kind === "missing-term" || kind === "sign-error") {
        fc.pre(terms.length > 0);
        const t = terms[pickTerm % terms.length]!;
        const v = value(t.x, t.w);
        fc.pre(!v.isZero());
        claimed = kind === "missing-term" ? E.sub(v) : E.sub(v).sub(v);
      } else if (kind === "extra-term") {
        const own = new Set(terms.map((t) => `${t.x}:${t.w}`));
        const foreign = ctx.terms.neighboursOf(cell).flatMap((n) => ctx.terms.termsOf(n)).filter((t) => !own.has(`${t.x}:${t.w}`));
        fc.pre(foreign.length > 0);
        const t = foreign[pickTerm % foreign.length]!;
        const v = value(t.x, t.w);
        fc.pre(!v.isZero());
        claimed = E.add(v);
      } else {
        claimed = E.add(Rational.of(pickTerm % 7 + 1, 3));
      }
      const values = ctx.truth.map((v, i) => (i === cell ? claimed : v));
      const r = checkClaim({ problem, claim: claimFromValues(problem, values, problem.info.outputShape) });
      expect(r.wrong.map((c) => c.cell)).toEqual([cell]);
      const named = r.wrong[0]!.explanations.map((e) => e.mistake);
      // A whole-problem mistake or one misread value can reproduce a single cell too (a misread
      // entry that meets non-zero partners in no other cell); then that is the cell's cause.
      const cellLevel = ["missing-term", "extra-term", "sign-error", "arithmetic-slip"];
      const whole = r.diagnosis.filter((d) => !cellLevel.includes(d.mistake));
      if (whole.length > 0) {
        expect(named).toEqual([]);
        expect(whole.some((d) => d.cells.includes(cell))).toBe(true);
        return;
      }
      if (kind === "arithmetic-slip") {
        // The fallback appears exactly when nothing else explains the cell.
        const others = r.diagnosis.filter((d) => d.mistake !== "arithmetic-slip" && d.cells.includes(cell));
        expect(named.includes("arithmetic-slip")).toBe(others.length === 0);
      } else {
        expect(named).toContain(kind);
      }
    },
  );
});
