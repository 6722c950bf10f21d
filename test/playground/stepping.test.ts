import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { deriveCells } from "../../src/algebra/cells.ts";
import { directWindowAxes, gatherTable } from "../../src/geometry/index.ts";
import { parseProblem } from "../../src/spec/parse-problem.ts";
import { isTconvError } from "../../src/core.ts";
import { directWindow, windowTerm } from "../../src/playground/stepping.ts";

const seed = parseProblem({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]" });

/** A nested array literal of `shape` filled from `values`. */
function literal(shape: readonly number[], values: readonly number[]): string {
  let k = 0;
  const build = (ax: number): string => (ax === shape.length ? String(values[k++ % values.length]) : `[${Array.from({ length: shape[ax]! }, () => build(ax + 1)).join(",")}]`);
  return build(0);
}

describe("the direct-convolution stepper's windows", () => {
  it("writes the seed's centre cell as the rotated kernel's window over all four inputs", () => {
    expect(windowTerm(seed, directWindow(seed, directWindowAxes(seed.info), 4))).toBe("y(1,1) = 1·(-1) + 2·0 + 3·0 + 4·1 = 3");
  });

  it("writes the zeros the window reads: y(0,0) of the seed sees padding in three taps", () => {
    const win = directWindow(seed, directWindowAxes(seed.info), 0);
    expect(win.taps.map((t) => t.pos.join(","))).toEqual(["-1,-1", "-1,0", "0,-1", "0,0"]);
    expect(win.taps.map((t) => t.input)).toEqual([-1, -1, -1, 0]);
    expect(windowTerm(seed, win)).toBe("y(0,0) = 0·(-1) + 0·0 + 0·0 + 1·1 = 1");
  });

  it("names the batch and channel and adds the bias on a grouped problem", () => {
    const p = parseProblem({ layout: "torch", input: "[[[[1,2],[3,4]],[[5,6],[7,8]]]]", kernel: "[[[[1,0],[0,-1]]],[[[0,1],[1,0]]]]", groups: "2", bias: "[1,-1]" });
    const win = directWindow(p, directWindowAxes(p.info), p.info.outCount + 4);
    expect(win.outChannel).toBe(1);
    expect(win.taps.every((t) => t.inChannel === 1)).toBe(true);
    expect(windowTerm(p, win)).toBe("y[1](1,1) = 5·0 + 6·1 + 7·1 + 8·0 + (-1) = 12");
  });

  it("writes symbols without a sum", () => {
    const p = parseProblem({ input: "[a,b]", kernel: "[1,2]", allowSymbols: true });
    expect(windowTerm(p, directWindow(p, directWindowAxes(p.info), 1))).toBe("y(1) = a·2 + b·1");
  });

  test.prop([
    fc.record({
      op: fc.constantFrom("transposed", "conv"),
      h: fc.integer({ min: 1, max: 4 }), wd: fc.integer({ min: 1, max: 4 }), kh: fc.integer({ min: 1, max: 3 }), kw: fc.integer({ min: 1, max: 3 }),
      stride: fc.integer({ min: 1, max: 3 }), dilation: fc.integer({ min: 1, max: 2 }), padding: fc.integer({ min: 0, max: 2 }),
      groups: fc.constantFrom(1, 2), cin: fc.constantFrom(1, 2), cout: fc.constantFrom(1, 2), bias: fc.boolean(),
      values: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 12 }),
      fraction: fc.boolean(),
    }),
  ], { numRuns: 60 })("sums, for every output cell of random problems, exactly to the cell's value, and meets exactly its gather pairs", (a) => {
    const cin = a.cin * a.groups, cout = a.cout * a.groups;
    const kernelShape = a.op === "transposed" ? [cin, a.cout, a.kh, a.kw] : [cout, a.cin, a.kh, a.kw];
    let p;
    try {
      p = parseProblem({
        op: a.op, layout: "torch", input: literal([1, cin, a.h, a.wd], a.fraction ? a.values.map((v) => `${v}/3`) as never : a.values),
        kernel: literal(kernelShape, a.values.slice().reverse()), stride: String(a.stride), dilation: String(a.dilation), padding: String(a.padding),
        groups: String(a.groups), ...(a.bias ? { bias: `[${Array.from({ length: cout }, (_, i) => i - 1).join(",")}]` } : {}),
      });
    } catch (e) {
      if (isTconvError(e)) return; // a size below 1 and the like: not a problem to step through
      throw e;
    }
    const cells = deriveCells(p.info, p.x, p.w, p.bias);
    const axes = directWindowAxes(p.info);
    const rows = p.info.axes.map((axis) => gatherTable(p.info.op, axis));
    for (let f = 0; f < cells.count; f++) {
      const win = directWindow(p, axes, f);
      expect(windowTerm(p, win).split(" = ").at(-1)).toBe(String(cells.value(f)));
      // The window's taps on input values are the gather table's (input, tap) pairs, channel by channel.
      const met = win.taps.filter((t) => t.input >= 0 && t.inChannel === win.taps[0]!.inChannel)
        .map((t) => `${(t.input % p.info.inCount)}:${t.tap.join(",")}`).sort();
      const expected: string[] = [];
      const [r, c] = rows as [ReturnType<typeof gatherTable>, ReturnType<typeof gatherTable>];
      for (let i = r.start[win.at[0]!]!; i < r.start[win.at[0]! + 1]!; i++) {
        for (let j = c.start[win.at[1]!]!; j < c.start[win.at[1]! + 1]!; j++) {
          expected.push(`${r.index[i]! * p.info.inSpatial[1]! + c.index[j]!}:${r.tap[i]},${c.tap[j]}`);
        }
      }
      expect(met).toEqual(expected.sort());
    }
  });
});
