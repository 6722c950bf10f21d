/**
 * Caption wrapping in the SVG diagrams: Latin text breaks at spaces, Chinese at any character,
 * and Chinese closing punctuation never begins a line (it stays with the text before it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "../../../src/render/svg/draw.ts";

describe("wrapText", () => {
  it("never starts a Chinese line with closing punctuation, at any width", () => {
    const caption = "颜色越深，累加的项越多。本题内部项数不均匀，平坦输入的结果出现图案：这就是棋盘格伪影。";
    for (let width = 40; width <= 600; width += 7) {
      const lines = wrapText(caption, width, 12);
      expect(lines.join("")).toBe(caption);
      for (const line of lines.slice(1)) expect(line, `width ${width}`).not.toMatch(/^[，。、；：！？）」』”]/);
    }
  });

  it("keeps every character of random mixed text, in order", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom("输", "出", "，", "。", "：", "a", "bc ", " ", "defg "), { maxLength: 60 }), fc.integer({ min: 20, max: 300 }), (parts, width) => {
      const text = parts.join("");
      expect(wrapText(text, width, 12).join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    }));
  });

  it("breaks Latin text at spaces", () => {
    expect(wrapText("Darker cells sum more terms than lighter ones", 120, 12).every((l) => !l.startsWith(" "))).toBe(true);
  });
});
