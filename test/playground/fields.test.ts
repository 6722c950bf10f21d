import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeFragment, encodeFragment, FIELDS, type FieldValues } from "../../src/playground/fields.ts";

describe("the playground's URL fragment", () => {
  it("keeps the characters a tensor is written with readable and escapes the rest", () => {
    expect(encodeFragment({ input: "[[1,2],[3,4]]", kernel: "[[1,0],[0,-1]]", stride: "2", lang: "zh" }))
      .toBe("input=[[1,2],[3,4]]&kernel=[[1,0],[0,-1]]&stride=2&lang=zh");
    expect(encodeFragment({ input: "[1/3+1, a&b=c#d]" })).toBe("input=[1/3%2B1%2C%20a%26b%3Dc%23d]".replace("%2C", ","));
  });

  it("lists fields in the form's order and leaves empty ones out", () => {
    expect(encodeFragment({ lang: "en", stride: " ", kernel: "[1]", input: "[2]" })).toBe("input=[2]&kernel=[1]&lang=en");
  });

  it("skips unknown names and malformed escapes instead of throwing", () => {
    expect(decodeFragment("#input=[1]&evil=<script>&kernel=%E0%A4%A&stride")).toEqual({ input: "[1]" });
    expect(decodeFragment("")).toEqual({});
  });

  test.prop([fc.dictionary(fc.constantFrom(...FIELDS), fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""))])(
    "decodes what it encodes, for any text in any field",
    (values) => {
      expect(decodeFragment(`#${encodeFragment(values as FieldValues)}`)).toEqual(values);
    },
  );
});
