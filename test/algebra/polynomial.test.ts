import { describe, expect, it } from "vitest";
import { Polynomial, PolynomialBuilder } from "../../src/algebra/polynomial.ts";
import { Rational } from "../../src/algebra/rational.ts";
import { exact, float, symbol } from "../../src/algebra/scalar.ts";

const n = (v: number | string) => exact(typeof v === "number" ? Rational.int(v) : Rational.parse(v)!);
const s = (name: string) => symbol(name, name);

describe("sparse polynomial", () => {
  it("1·a + 0·b + 2·c simplifies to a + 2c", () => {
    const p = new PolynomialBuilder().addProduct(n(1), s("a")).addProduct(n(0), s("b")).addProduct(n(2), s("c")).build();
    expect(p.toString()).toBe("a + 2*c");
  });

  it("like terms are collected: a·w + 3·(a·w) + w·a − 2·(a·w) leaves 3aw", () => {
    const aw = [{ name: "a", tex: "a" }, { name: "w", tex: "w" }];
    const p = new PolynomialBuilder()
      .addProduct(s("a"), s("w"))
      .addTerm(Rational.int(3), aw)
      .addProduct(s("w"), s("a"))
      .addTerm(Rational.int(-2), aw)
      .build();
    expect(p.size).toBe(1);
    expect(p.toString()).toBe("3*a*w");
  });

  it("terms cancelling to zero disappear and the zero polynomial prints 0", () => {
    const p = new PolynomialBuilder().addProduct(n(2), s("a")).addProduct(n(-2), s("a")).build();
    expect(p.isZero()).toBe(true);
    expect(p.toString()).toBe("0");
  });

  it("a repeated symbol becomes a power: x·x·w collects into one term of degree 3", () => {
    const x = symbol("x_{0,0}", "x_{0,0}"), w = symbol("w_{1,1}", "w_{1,1}");
    const p = Polynomial.fromScalar(x).mul(Polynomial.fromScalar(x)).mul(Polynomial.fromScalar(w));
    expect(p.terms().map((t) => t.factors.map((f) => f.name))).toEqual([["x_{0,0}", "x_{0,0}", "w_{1,1}"]]);
    expect(p.toString()).toBe("x_{0,0}*x_{0,0}*w_{1,1}");
  });

  it("substituting numbers for every symbol gives the constant value", () => {
    const p = new PolynomialBuilder().addProduct(s("a"), s("b")).addProduct(n(2), s("c")).build();
    const v = p.substitute(new Map([["a", n(3)], ["b", n(-1)], ["c", n("1/2")]]));
    expect(v.constantValue()).toEqual(Rational.int(-2));
  });

  it("a float coefficient switches the arithmetic to float64", () => {
    const p = new PolynomialBuilder().addProduct(float(0.5), s("a")).addProduct(n(1), s("a")).build();
    expect(p.terms()[0]!.coefficient).toBe(1.5);
    expect(p.toString()).toBe("1.5*a");
  });

  it("equality ignores term order", () => {
    const p = new PolynomialBuilder().addScalar(s("a")).addScalar(s("b")).build();
    const q = new PolynomialBuilder().addScalar(s("b")).addScalar(s("a")).build();
    expect(p.equals(q)).toBe(true);
    expect(p.equals(Polynomial.fromScalar(s("a")))).toBe(false);
  });
});
