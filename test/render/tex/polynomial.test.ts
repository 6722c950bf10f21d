import { describe, expect, it } from "vitest";
import { Polynomial, PolynomialBuilder } from "../../../src/algebra/polynomial.ts";
import { Rational } from "../../../src/algebra/rational.ts";
import { exact, float, symbol } from "../../../src/algebra/scalar.ts";
import { polynomialTex } from "../../../src/render/tex/polynomial.ts";

const n = (v: number | string) => exact(typeof v === "number" ? Rational.int(v) : Rational.parse(v)!);
const s = (name: string) => symbol(name, name);

describe("a polynomial's TeX", () => {
  it("coefficient 1 is left out: 1·a + 0·b + 2·c reads a + 2c", () => {
    const p = new PolynomialBuilder().addProduct(n(1), s("a")).addProduct(n(0), s("b")).addProduct(n(2), s("c")).build();
    expect(polynomialTex(p)).toBe("a + 2c");
  });

  it("single letters juxtapose with a space between them: 3a w", () => {
    const p = new PolynomialBuilder().addTerm(Rational.int(3), [{ name: "a", tex: "a" }, { name: "w", tex: "w" }]).build();
    expect(polynomialTex(p)).toBe("3a w");
  });

  it("the zero polynomial prints 0", () => {
    expect(polynomialTex(Polynomial.ZERO)).toBe("0");
  });

  it("negative and fractional coefficients read as subtraction and \\frac", () => {
    const p = new PolynomialBuilder().addProduct(n(1), s("a")).addProduct(n(-1), s("b")).addProduct(n("-3/4"), s("c")).build();
    expect(polynomialTex(p)).toBe("a - b - \\frac{3}{4}\\,c");
  });

  it("a negative first term starts with a minus sign: -2a + b", () => {
    const p = new PolynomialBuilder().addProduct(n(-2), s("a")).addProduct(n(1), s("b")).build();
    expect(polynomialTex(p)).toBe("-2a + b");
  });

  it("a repeated symbol becomes a power and default names juxtapose: x_{0,0}^{2}w_{1,1}", () => {
    const x = symbol("x_{0,0}", "x_{0,0}"), w = symbol("w_{1,1}", "w_{1,1}");
    const p = Polynomial.fromScalar(x).mul(Polynomial.fromScalar(x)).mul(Polynomial.fromScalar(w));
    expect(polynomialTex(p)).toBe("x_{0,0}^{2}w_{1,1}");
  });

  it("multi-letter symbols are joined with \\cdot so w1·w2 never reads as w1w2", () => {
    const p = new PolynomialBuilder().addProduct(s("w1"), s("w2")).build();
    expect(polynomialTex(p)).toBe("w1\\cdot w2");
  });

  it("a float coefficient is a decimal with a thin space: 1.5\\,a", () => {
    const p = new PolynomialBuilder().addProduct(float(0.5), s("a")).addProduct(n(1), s("a")).build();
    expect(polynomialTex(p)).toBe("1.5\\,a");
  });
});
