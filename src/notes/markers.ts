/**
 * The two comment lines that fence generated content in a note, and the hash they carry. The
 * hash covers the block's body and the tconv version, so editing the block or upgrading tconv
 * makes the block stale, and nothing else does.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { TCONV_VERSION } from "../generated/version.ts";

const BEGIN = /^<!-- tconv:begin hash=([0-9a-f]{1,64}) -->[ \t]*$/;
const END = /^<!-- tconv:end -->[ \t]*$/;

/** Hex digits of the sha256 kept in the marker: enough to never collide among one person's notes. */
const HASH_LENGTH = 16;

/**
 * The running tconv's version (package.json's, embedded at build time by src/build/embed.ts).
 *
 * @example
 * tconvVersion() // → "0.1.0"
 */
export function tconvVersion(): string {
  return TCONV_VERSION;
}

/**
 * The hash of a block body as stored in its begin marker. Line endings are normalised first, so
 * converting a note between CRLF and LF does not make its blocks stale.
 *
 * @example
 * blockHash("input: [1, 2]\nkernel: [1]\n") // → 16 hex digits, e.g. "3f0c…"
 */
export function blockHash(body: string, version: string = tconvVersion()): string {
  const normalized = body.replace(/\r\n?/g, "\n");
  return bytesToHex(sha256(utf8ToBytes(`tconv ${version}\n${normalized}`))).slice(0, HASH_LENGTH);
}

/**
 * The begin marker line (without its line ending).
 *
 * @example
 * beginMarker("0123456789abcdef") // → "<!-- tconv:begin hash=0123456789abcdef -->"
 */
export function beginMarker(hash: string): string {
  return `<!-- tconv:begin hash=${hash} -->`;
}

/** The end marker line (without its line ending). */
export const END_MARKER = "<!-- tconv:end -->";

/** The hash of a begin marker line, or undefined when the line is not one. */
export function parseBeginMarker(line: string): string | undefined {
  return BEGIN.exec(line)?.[1];
}

export function isEndMarker(line: string): boolean {
  return END.test(line);
}
