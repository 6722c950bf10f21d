import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convMatrix, matrixEntry, transpose, type SparseMatrix } from "../../src/algebra/sparse.ts";
import { denseRowTex } from "../../src/render/tex/matrix.ts";
import { exactRing, matVec } from "../../src/algebra/index.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { exactTensor, infoOf } from "./helpers.ts";

const dense = (m: SparseMatrix): string[][] => Array.from({ length: m.rows }, (_, r) => denseRowTex(m, r));
const ints = (vs: readonly Rational[]) => vs.map((v) => v.toNumber());

interface D2lCase { id: string; weight: number[][]; input: number[][]; expected: number[][]; conv_matrix_W: number[][]; forward_conv_check: { x: number[][]; y_equals_W_vec_x: number[][] } }
const cases = JSON.parse(readFileSync(new URL("../fixtures/external-cases.json", import.meta.url), "utf8")) as D2lCase[];
const d2l = cases.find((c) => c.id === "d2l-matrix-demo")!;

describe("convolution matrix C", () => {
  it("d2l: a 3x3 input and kernel [[1,2],[3,4]] give the published 4x9 W; W vec(x) and W^T vec(Y) match the chapter", () => {
    const conv = infoOf({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] });
    const c = convMatrix(conv, exactTensor([1, 1, 2, 2], d2l.weight.flat()));
    expect(dense(c).map((row) => row.map(Number))).toEqual(d2l.conv_matrix_W);
    const y = matVec(c, d2l.forward_conv_check.x.flat().map((v) => Rational.int(v)), exactRing);
    expect(ints(y)).toEqual(d2l.forward_conv_check.y_equals_W_vec_x.flat());
    // The transposed problem 2x2 -> 3x3 has the same C (rows: its input cells, columns: its output cells).
    const tconv = infoOf({ inputSize: [2, 2], kernelSize: [2, 2] });
    const ct = convMatrix(tconv, exactTensor([1, 1, 2, 2], d2l.weight.flat()));
    expect(dense(ct)).toEqual(dense(c));
    const z = matVec(transpose(ct), d2l.input.flat().map((v) => Rational.int(v)), exactRing);
    expect(ints(z)).toEqual(d2l.expected.flat());
  });

  it("seed 004: sliding [[1,2],[3,4]] over a zero 3x3 gives C; O = C·vec(I) = [37,47,67,77], I' = C^T·O", () => {
    const conv = infoOf({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] });
    const c = convMatrix(conv, exactTensor([1, 1, 2, 2], [1, 2, 3, 4]));
    // The seed builds each row by placing the kernel at (i, j) of a zero 3x3 and flattening it.
    const slid: number[][] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      const z = Array.from({ length: 3 }, () => [0, 0, 0]);
      [[1, 2], [3, 4]].forEach((row, a) => row.forEach((v, b) => { z[i + a]![j + b] = v; }));
      slid.push(z.flat());
    }
    expect(dense(c).map((row) => row.map(Number))).toEqual(slid);
    const o = matVec(c, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => Rational.int(v)), exactRing);
    expect(ints(o)).toEqual([37, 47, 67, 77]);
    const back = matVec(transpose(c), o, exactRing);
    expect(ints(back)).toEqual([37, 121, 94, 178, 500, 342, 201, 499, 308]);
  });

  it("symbolic entries: the conv 3x3/2x2 C has w_{0,0} w_{0,1} 0 w_{1,0} w_{1,1} 0 0 0 0 as its first row", () => {
    const c = convMatrix(infoOf({ op: "conv", inputSize: [3, 3], kernelSize: [2, 2] }));
    expect(c.rows).toBe(4);
    expect(c.cols).toBe(9);
    expect(denseRowTex(c, 0)).toEqual(["w_{0,0}", "w_{0,1}", "0", "w_{1,0}", "w_{1,1}", "0", "0", "0", "0"]);
    expect(matrixEntry(c, 3, 8)).toMatchObject({ kind: "symbol", name: "w_{1,1}" });
    expect(matrixEntry(c, 3, 0)).toBeUndefined();
  });

  it("transpose twice is the identity and keeps every entry's source", () => {
    const info = infoOf({ inputSize: [3, 2], kernelSize: [3, 2], stride: [2, 1], padBegin: [1, 0], padEnd: [0, 0], inChannels: 2, outChannels: 4, groups: 2 });
    const c = convMatrix(info);
    const tt = transpose(transpose(c));
    expect(Array.from(tt.rowStart)).toEqual(Array.from(c.rowStart));
    expect(Array.from(tt.col)).toEqual(Array.from(c.col));
    expect(Array.from(tt.source)).toEqual(Array.from(c.source));
    const t = transpose(c);
    for (let r = 0; r < c.rows; r++) for (let j = c.rowStart[r]!; j < c.rowStart[r + 1]!; j++) {
      expect(matrixEntry(t, c.col[j]!, r)).toBe(c.values[c.source[j]!]);
    }
  });

  it("groups give an explicit block structure: channel blocks outside a group are empty", () => {
    // 2 input channels, 2 output channels, 2 groups: C is block-diagonal over channels.
    const info = infoOf({ inputSize: [2], kernelSize: [2], inChannels: 2, outChannels: 2, groups: 2 });
    const c = convMatrix(info);
    expect(c.rows).toBe(4);
    expect(c.cols).toBe(6);
    expect(dense(c)).toEqual([
      ["w_{0,0}", "w_{0,1}", "0", "0", "0", "0"],
      ["0", "w_{0,0}", "w_{0,1}", "0", "0", "0"],
      ["0", "0", "0", "w_{1,0}", "w_{1,1}", "0"],
      ["0", "0", "0", "0", "w_{1,0}", "w_{1,1}"],
    ]);
  });
});
