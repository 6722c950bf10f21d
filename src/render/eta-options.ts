/**
 * The Eta options the templates are compiled and run with (src/build/compile-templates.ts
 * compiles with them, src/render/templates.ts runs with them). autoEscape is off: the
 * templates write Markdown, where escaping `&` would corrupt it; the HTML is made from that
 * Markdown by a renderer that escapes what it is given.
 */
export const ETA_OPTIONS = { autoEscape: false, autoTrim: false } as const;
