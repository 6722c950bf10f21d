import { describe, expect, it } from "vitest";
import { TconvError } from "../../src/spec/error.ts";
import { LOCALES, parseLocale } from "../../src/spec/locale.ts";

describe("parseLocale, the one reader of a language", () => {
  it.each([
    ["en", "en"], ["EN", "en"], [" en ", "en"],
    ["zh", "zh-CN"], ["ZH", "zh-CN"], ["zh-CN", "zh-CN"], ["zh-cn", "zh-CN"], [" ZH-CN\n", "zh-CN"],
  ] as const)("reads %j as %s", (text, locale) => {
    expect(parseLocale(text)).toBe(locale);
  });

  it("takes an absent language as English", () => {
    expect(parseLocale(undefined)).toBe("en");
  });

  it.each(["fr", "", "zh-TW", "chinese", "en-US"])("refuses %j with a TconvError naming the library's field", (text) => {
    const e = (() => { try { parseLocale(text); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(TconvError);
    expect(e).toMatchObject({ code: "bad-lang", path: "lang", expected: "en|zh", actual: text });
    expect((e as TconvError).message).toBe(`expected en or zh, got "${text}"`);
  });

  it("names the field the caller gives (the CLI's --lang, a note's own spelling)", () => {
    expect(() => parseLocale("fr", "--lang")).toThrow(expect.objectContaining({ path: "--lang" }));
    expect(() => parseLocale("fr", "--lang")).toThrow(/expected en or zh, got "fr"/);
  });

  it("every locale it returns is one of LOCALES, and each reads back as itself", () => {
    for (const l of LOCALES) expect(parseLocale(l)).toBe(l);
    expect(LOCALES).toEqual(["en", "zh-CN"]);
  });
});
