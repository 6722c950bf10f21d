/**
 * Every test file runs under Node: install the Node platform (src/io/node-platform.ts) as the
 * package's Node entry and the CLI do, so core modules imported directly read `@file` from disk.
 */
import { installNodePlatform } from "../src/io/node-platform.ts";

installNodePlatform();
