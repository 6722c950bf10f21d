export * from "./relation.ts";
export * from "./output-size.ts";
export * from "./conv-info.ts";
export * from "./taps.ts";
export * from "./direct-conv.ts";
export * from "./overlap.ts";
export * from "./phases.ts";
export * from "./padding.ts";
